"""HTML form posts with a control character (NUL …) are refused at the edge: 422, a Chinese
message on the page, nothing stored (:mod:`cocontrol.web.formtext`; the JSON API has its own
check in :mod:`cocontrol.web.body`). Run on SQLite and PostgreSQL (which refuses NUL in text)."""

from __future__ import annotations

import html
import re

import pytest
import yaml
from sqlalchemy import func, select

from cocontrol.store import models as m
from cocontrol.store.sample import sample_plan
from cocontrol.web.formtext import control_field


def _count(sessions, model) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def _refused(r, field: str = "") -> None:
    assert r.status_code == 422, r.text[:300]
    assert "含有不可见的控制字符（如 NUL），未保存任何内容" in r.text
    assert field in r.text


@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\x7f"])
def test_user_creation_with_a_control_character_is_refused(app, sessions, client_of, bad):
    users = _count(sessions, m.User)
    r = client_of("admin").post("/admin/users", data={"username": f"new{bad}comer", "password": "Passw0rd-new-1"})
    _refused(r, "“用户名”")
    assert _count(sessions, m.User) == users


def test_department_submission_with_nul_is_refused(app, sessions, client_of):
    with sessions() as s:
        target = s.scalars(select(m.Target.id).order_by(m.Target.id)).first()
    before = _count(sessions, m.Submission)
    client = client_of("admin")
    form = {"item": f"target:{target}", "period": "2025", "value": "21", "note": "监测\x00值"}
    _refused(client.post("/department/submit", data=form), "“说明”")
    # multipart (with an evidence file, as the page's form sends it)
    evidence = {"evidence": ("证明.pdf", b"%PDF-1.4 test", "application/pdf")}
    _refused(client.post("/department/submit", data=form, files=evidence), "“说明”")
    assert _count(sessions, m.Submission) == before
    ok = client.post("/department/submit", data={**form, "note": "监测值\n第二行\t制表"})
    assert ok.status_code == 200 and _count(sessions, m.Submission) == before + 1  # lines and tabs are text


def test_plan_import_review_with_nul_is_refused(app, sessions, client_of):
    client = client_of("coordinator")
    doc = sample_plan(plan_id="nul-review")
    text = yaml.safe_dump(doc.model_dump(mode="json"), allow_unicode=True)
    r = client.post("/import", files={"document": ("方案.yaml", text.encode(), "application/x-yaml")})
    assert r.status_code == 200
    payload = html.unescape(re.search(r'name="doc" value="([^"]*)"', r.text).group(1))
    plans = _count(sessions, m.Plan)
    _refused(client.post("/import/confirm", data={"doc": payload, "t1.indicator": "细颗粒物\x00年均浓度"}))
    assert _count(sessions, m.Plan) == plans
    # the English page says it in English
    r = client.post("/import/confirm?lang=en", data={"doc": payload, "t1.indicator": "细颗粒物\x00年均浓度"})
    assert r.status_code == 422 and "invisible control character" in r.text
    assert _count(sessions, m.Plan) == plans


def test_control_field_names_the_first_bad_field():
    assert control_field([("a", "ok"), ("b", "x\x00"), ("c", "\x01")]) == "b"
    assert control_field([("note", "line one\r\nline two\tcolumn")]) is None
    assert control_field([("bad\x00key", "ok")]) == "bad\x00key"
