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
