"""A user's mistake on the web reads in the page's language (the one renderer of
:mod:`cocontrol.messages`): Chinese by default, English with ``?lang=en``; the API keeps the
English as raised in ``reason``."""

from __future__ import annotations

import html
import re


def test_a_bad_plan_upload_says_what_is_wrong_in_chinese(app, client_of) -> None:
    client = client_of("coordinator")
    bad = ("方案.docx", b"not a zip" * 20, "application/octet-stream")
    page = client.post("/import", files={"document": bad})
    assert page.status_code == 422
    text = html.unescape(page.text)
    assert "方案.docx：不是有效的 .docx（zip）文件" in text
    assert not re.search(r"\bnot a valid|\bexpected\b|/tmp", text)
    en = html.unescape(client.post("/import?lang=en", files={"document": bad}).text)
    assert "方案.docx: not a valid .docx (zip) file" in en and "不是有效的" not in en


def test_the_api_detail_follows_the_language_and_reason_stays_as_raised(app, client_of) -> None:
    client = client_of("coordinator")
    bad = {"document": ("p.yaml", b"plan: [unclosed", "application/x-yaml")}
    zh = client.post("/api/plans/extract", files=bad).json()
    assert zh["error"] == "invalid"
    assert zh["detail"] == "文件 p.yaml，第 1 行：不是有效的 YAML 文件（语法错误）"
    assert zh["reason"].startswith("file p.yaml, line 1: not valid YAML (")
    en = client.post("/api/plans/extract?lang=en", files=bad).json()
    assert en["detail"] == en["reason"] == zh["reason"]


def test_enterprise_api_problems_keep_their_keys_and_add_message_zh(app, sessions) -> None:
    from cocontrol.enterprises import demo
    from cocontrol.store import models as m
    from cocontrol.store.enterprises import EnterpriseMember
    from cocontrol.web.security import hash_password
    from cocontrol.web.testing import PASSWORD, login
    from tests.web.test_enterprises import FIRMS, workbook

    with sessions() as s, s.begin():
        user = m.User(username="ent_E01", password_hash=hash_password(PASSWORD), role="enterprise")
        s.add(user)
        s.flush()
        s.add(EnterpriseMember(user_id=user.id, enterprise_code=FIRMS[0]))
    frames = {k: v for k, v in demo.tables().items() if k != "cems"}
    r = login(app, "ent_E01").post("/api/enterprises/E01/submissions",
                                   files={"data": ("data.xlsx", workbook(frames, "E01", other="E02"))})
    assert r.status_code == 422
    problems = r.json()["problems"]
    assert problems and all(p.keys() == {"file", "sheet", "row", "column", "message", "expected",
                                         "found", "message_zh"} for p in problems)
    other = [p for p in problems if p["message"] == "row of another enterprise"]
    assert other and all(p["message_zh"].startswith("不是本企业的数据") for p in other)
