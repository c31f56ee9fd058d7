"""Optimistic locking: two people saving the same target — the second gets a conflict with the
other's change, nothing is lost."""

from __future__ import annotations

from sqlalchemy import select

from cocontrol.store import models as m
from cocontrol.web.testing import ids


def test_second_save_gets_conflict_with_other_change(app, sessions, client_of):
    alice, bob = client_of("coordinator"), client_of("admin")
    tid = ids(sessions)["T2"]
    seen_a = alice.get(f"/api/targets/{tid}").json()["target"]["version_id"]
    seen_b = bob.get(f"/api/targets/{tid}").json()["target"]["version_id"]
    assert seen_a == seen_b == 1
    r1 = alice.put(f"/api/targets/{tid}", json={"version_id": seen_a, "changes": {"value": 21}})
    assert r1.status_code == 200 and r1.json()["version_id"] == 2
    r2 = bob.put(f"/api/targets/{tid}", json={"version_id": seen_b, "changes": {"value": 25}})
    assert r2.status_code == 409
    body = r2.json()
    assert "他人已修改" in body["detail"]
    assert body["current"]["value"] == 21 and body["current"]["version_id"] == 2
    with sessions() as s:
        t = s.get(m.Target, tid)
        assert t.value == 21  # Alice's change kept, Bob's not applied
        updates = s.scalars(select(m.AuditLog).where(m.AuditLog.table_name == "targets")).all()
        assert [(a.actor, a.before["value"], a.after["value"]) for a in updates] == [("coordinator", 22.0, 21.0)]
    r3 = bob.put(f"/api/targets/{tid}", json={"version_id": 2, "changes": {"value": 25}})
    assert r3.status_code == 200


def test_conflict_on_the_page_shows_the_other_change(app, sessions, client_of):
    alice, bob = client_of("coordinator"), client_of("admin")
    tid = ids(sessions)["T2"]
    assert alice.post(f"/targets/{tid}", data={"version_id": 1, "value": "20"}).status_code == 200
    r = bob.post(f"/targets/{tid}", data={"version_id": 1, "value": "24"}, headers={"HX-Request": "true"})
    assert r.status_code == 409
    assert "保存冲突" in r.text and "20.0" in r.text


def test_invalid_target_edit_is_refused(app, sessions, client_of):
    client = client_of("coordinator")
    tid = ids(sessions)["T2"]
    r = client.put(f"/api/targets/{tid}", json={"version_id": 1, "changes": {"year": 3000}})
    assert r.status_code == 422 and "3000" in r.json()["reason"]
    r = client.put(f"/api/targets/{tid}", json={"version_id": 1, "changes": {"plan_id": 5}})
    assert r.status_code == 422 and "cannot be edited" in r.json()["reason"]
    with sessions() as s:
        assert s.get(m.Target, tid).version_id == 1


def test_task_progress_conflict(app, sessions, client_of):
    task = ids(sessions)["task_env"]
    a, b = client_of("reporter"), client_of("coordinator")
    assert a.put(f"/api/tasks/{task}", json={"version_id": 1, "progress": 30}).status_code == 200
    r = b.put(f"/api/tasks/{task}", json={"version_id": 1, "progress": 60})
    assert r.status_code == 409 and r.json()["current"]["progress"] == 30
