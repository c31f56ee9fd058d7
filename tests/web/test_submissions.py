"""Submissions with evidence: stored with sha256, limits on size and type, never deleted, audited."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from cocontrol.store import models as m
from cocontrol.web.testing import PDF, audit_count, ids, submission_count


def test_submission_with_evidence_is_stored_and_audited(app, sessions, client_of):
    client = client_of("reporter")
    i = ids(sessions)
    r = client.post("/api/submissions", data={"target_id": i["T2"], "period": 2024, "value": 27.5, "note": "年报"},
                    files={"evidence": ("2024年空气质量公报.pdf", PDF, "application/pdf")})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["evidence_sha256"] == hashlib.sha256(PDF).hexdigest()
    assert body["unit"] == "微克/立方米"  # the target's unit when none is given
    with sessions() as s:
        sub = s.get(m.Submission, body["id"])
        assert Path(sub.evidence_path).read_bytes() == PDF
        assert sub.evidence_name == "2024年空气质量公报.pdf" and sub.submitter == "reporter"
        entry = s.scalars(select(m.AuditLog).where(m.AuditLog.table_name == "submissions")).one()
        assert entry.actor == "reporter" and entry.before is None and entry.after["value"] == 27.5
    page = client.get(f"/submissions/{body['id']}/evidence")
    assert page.status_code == 200 and page.content == PDF


def _refused(client, sessions, status: int, text: str, **kwargs) -> None:
    before, audits = submission_count(sessions), audit_count(sessions)
    r = client.post("/api/submissions", **kwargs)
    assert r.status_code == status, r.text
    assert text in r.json()["detail"] + r.json().get("reason", "")
    assert submission_count(sessions) == before and audit_count(sessions) == audits


def test_bad_evidence_is_refused_and_nothing_stored(app, sessions, client_of, settings):
    client = client_of("reporter")
    data = {"target_id": ids(sessions)["T2"], "period": 2024, "value": 27}
    _refused(client, sessions, 415, "not accepted", data=data, files={"evidence": ("x.exe", b"MZ..", "application/octet-stream")})
    _refused(client, sessions, 422, "does not look like a .pdf", data=data, files={"evidence": ("fake.pdf", b"<html>", "application/pdf")})
    _refused(client, sessions, 422, "empty", data=data, files={"evidence": ("e.txt", b"", "text/plain")})
    _refused(client, sessions, 422, "not UTF-8", data=data, files={"evidence": ("e.csv", b"\xff\xfe\xfa\x00bad", "text/csv")})
    big = b"%PDF" + b"0" * (settings.max_upload_bytes + 10)
    _refused(client, sessions, 413, "", data=data, files={"evidence": ("big.pdf", big, "application/pdf")})
    assert not (settings.evidence_dir).exists() or not any(settings.evidence_dir.rglob("*.pdf"))


def test_oversized_body_is_refused_before_reading(app, sessions, client_of, settings):
    client = client_of("reporter")
    huge = b"0" * (settings.max_upload_bytes + 512 * 1024)
    before = submission_count(sessions)
    r = client.post("/api/submissions", content=huge, headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 413 and "上传文件过大" in r.json()["detail"]
    assert submission_count(sessions) == before


def test_malformed_input_gets_a_clear_message(app, sessions, client_of):
    client = client_of("reporter")
    r = client.post("/api/submissions", content=b"--x\r\nnot a part", headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code in (400, 422)
    r = client.post("/api/submissions", data={"target_id": ids(sessions)["T2"], "period": "二〇二四", "value": 1})
    assert r.status_code == 422 and "period" in r.json()["reason"]
    r = client.post("/api/submissions", data={"target_id": ids(sessions)["T2"], "period": 2024})
    assert r.status_code == 422 and "needs a value" in r.json()["reason"]
    r = client.post("/api/submissions", data={"target_id": ids(sessions)["T2"], "task_id": 1, "period": 2024, "value": 1})
    assert r.status_code == 422 and "exactly one" in r.json()["reason"]


def test_reporter_only_touches_own_department(app, sessions, client_of):
    i = ids(sessions)
    r = client_of("reporter").post("/api/submissions", data={"task_id": i["task_ndrc"], "period": 2024, "progress": 10})
    assert r.status_code == 403
    r = client_of("reporter_ndrc").post("/api/submissions", data={"task_id": i["task_ndrc"], "period": 2024, "progress": 10})
    assert r.status_code == 201


def test_withdraw_keeps_the_row(app, sessions, client_of):
    client = client_of("reporter")
    sid = client.post("/api/submissions", data={"target_id": ids(sessions)["T2"], "period": 2024, "value": 26}).json()["id"]
    other = client_of("reporter_ndrc").post(f"/api/submissions/{sid}/withdraw", json={})
    assert other.status_code == 403
    r = client.post(f"/api/submissions/{sid}/withdraw", json={})
    assert r.status_code == 200 and r.json()["withdrawn"] is True
    assert client.delete(f"/api/submissions/{sid}").status_code in (404, 405)
    spec = client.get("/api/openapi.json").json()
    assert not [p for p, ops in spec["paths"].items() if "delete" in ops]  # no hard deletes anywhere
    with sessions() as s:
        sub = s.get(m.Submission, sid)
        assert sub.withdrawn and sub.value == 26
        entry = s.scalars(select(m.AuditLog).where(m.AuditLog.action == "withdraw")).one()
        assert entry.before["withdrawn"] is False and entry.after["withdrawn"] is True
    listed = client.get(f"/api/submissions?target_id={ids(sessions)['T2']}").json()
    assert [x["withdrawn"] for x in listed if x["id"] == sid] == [True]


def test_script_in_text_fields_is_escaped(app, sessions, client_of):
    client = client_of("reporter")
    payload = '<script>alert("x")</script>'
    sid = client.post("/api/submissions", data={"target_id": ids(sessions)["T2"], "period": 2024, "value": 25,
                                                "note": payload}).json()["id"]
    page = client.get(f"/targets/{ids(sessions)['T2']}")
    assert payload not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    assert sid


def test_a_judgement_is_stored_as_such_and_read_as_a_judgement(app, sessions, client_of):
    """A qualitative target's 完成情况 (完成/进展正常/存在风险/未完成) is a submission of its own,
    read by the tracking as a judgement (not a number); anything else is refused in Chinese."""
    from cocontrol.web.services import observations_frame

    client = client_of("reporter")
    t2 = ids(sessions)["T2"]
    r = client.post("/api/submissions", data={"target_id": t2, "period": 2024, "judgement": "进展正常"})
    assert r.status_code == 201, r.text
    assert r.json()["judgement"] == "进展正常" and r.json()["value"] is None and r.json()["unit"] is None
    assert client.post("/api/submissions", data={"target_id": t2, "period": 2024, "value": 25}).status_code == 201
    with sessions() as s:
        obs = observations_frame(s)
    mine = obs[obs["year"] == 2024].sort_values("value_text", na_position="first")
    assert mine["value"].tolist()[0] == 25 and mine["value_text"].tolist()[1] == "进展正常"
    _refused(client, sessions, 422, "完成情况应为完成、进展正常、存在风险、未完成之一",
             data={"target_id": t2, "period": 2024, "judgement": "差不多"})
    _refused(client, sessions, 422, "数值与完成情况请分两次填报",
             data={"target_id": t2, "period": 2024, "value": 25, "judgement": "完成"})
    _refused(client, sessions, 422, "指标填报需填写数值或完成情况", data={"target_id": t2, "period": 2024})
