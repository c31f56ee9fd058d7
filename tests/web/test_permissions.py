"""Every write endpoint (API and page forms) against every role.

Allowed: the change is made and audited. Refused: 403 with a message, nothing stored.
"""

from __future__ import annotations

import itertools

import pytest

from cocontrol.store.sample import sample_plan
from cocontrol.web.testing import PDF, audit_count, ids

USERS = ("admin", "coordinator", "analyst", "reporter", "reporter_ndrc", "viewer")
_n = itertools.count()


def _plan_json() -> dict:
    doc = sample_plan(plan_id=f"perm-{next(_n)}")
    return doc.model_dump(mode="json")


# name → (allowed users, call(client, ids, app, sessions) → response, changes something)
ENDPOINTS = {
    "PUT /api/targets": ({"admin", "coordinator"}, lambda c, i: c.put(
        f"/api/targets/{i['T2']}", json={"version_id": 1, "changes": {"value": 21}}), True),
    "PUT /api/tasks": ({"admin", "coordinator", "reporter"}, lambda c, i: c.put(
        f"/api/tasks/{i['task_env']}", json={"version_id": 1, "progress": 40}), True),
    "POST /api/submissions": ({"admin", "coordinator", "reporter"}, lambda c, i: c.post(
        "/api/submissions", data={"target_id": i["T2"], "period": 2024, "value": 28.5},
        files={"evidence": ("监测报告.pdf", PDF, "application/pdf")}), True),
    "POST /api/submissions/withdraw": ({"admin", "coordinator", "reporter"}, lambda c, i: c.post(
        f"/api/submissions/{i['sub']}/withdraw", json={}), True),
    "POST /api/plans": ({"admin", "coordinator"}, lambda c, i: c.post("/api/plans", json=_plan_json()), True),
    "POST /api/plans/extract": ({"admin", "coordinator"}, lambda c, i: c.post(
        "/api/plans/extract", files={"document": ("p.json", sample_plan().model_dump_json().encode(), "application/json")}), False),
    "POST /api/admin/users": ({"admin"}, lambda c, i: c.post(
        "/api/admin/users", json={"username": f"u{next(_n)}", "password": "x-Kestrel-9041", "role": "viewer"}), True),
    "PUT /api/admin/users": ({"admin"}, lambda c, i: c.put(
        f"/api/admin/users/{i['user_viewer']}", json={"role": "analyst"}), True),
    "POST /api/admin/departments": ({"admin"}, lambda c, i: c.post(
        "/api/admin/departments", json={"name": f"市部门{next(_n)}"}), True),
    "PUT /api/admin/departments": ({"admin"}, lambda c, i: c.put(
        f"/api/admin/departments/{i['dept_env']}", json={"aliases": ["生态环境局"]}), True),
    "POST /api/admin/regions": ({"admin"}, lambda c, i: c.post(
        "/api/admin/regions", json={"name": f"区{next(_n)}", "parent": "威海市"}), True),
    "POST /targets (form)": ({"admin", "coordinator"}, lambda c, i: c.post(
        f"/targets/{i['T2']}", data={"version_id": 1, "value": "21"}), True),
    "POST /department/submit (form)": ({"admin", "coordinator", "reporter"}, lambda c, i: c.post(
        "/department/submit", data={"item": f"task:{i['task_env']}", "period": "2025", "progress": "50"}), True),
    "POST /submissions/withdraw (form)": ({"admin", "coordinator", "reporter"}, lambda c, i: c.post(
        f"/submissions/{i['sub']}/withdraw"), True),
    "POST /import (form)": ({"admin", "coordinator"}, lambda c, i: c.post(
        "/import", files={"document": ("p.json", sample_plan().model_dump_json().encode(), "application/json")}), False),
    "POST /import/confirm (form)": ({"admin", "coordinator"}, lambda c, i: c.post(
        "/import/confirm", data={"doc": sample_plan(plan_id=f"form-{next(_n)}").model_dump_json()}), True),
    "POST /admin/users (form)": ({"admin"}, lambda c, i: c.post(
        "/admin/users", data={"username": f"f{next(_n)}", "password": "x-Kestrel-9041", "role": "viewer"},
        follow_redirects=False), True),
    "POST /admin/departments (form)": ({"admin"}, lambda c, i: c.post(
        "/admin/departments", data={"name": f"市部门{next(_n)}"}, follow_redirects=False), True),
    "POST /admin/regions (form)": ({"admin"}, lambda c, i: c.post(
        "/admin/regions", data={"name": f"区{next(_n)}", "parent": "威海市"}, follow_redirects=False), True),
    "POST /api/auth/logout": (set(USERS), lambda c, i: c.post("/api/auth/logout"), False),
}


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_write_endpoint_by_role(app, sessions, client_of, endpoint, user):
    allowed, call, changes = ENDPOINTS[endpoint]
    client = client_of(user)
    i = ids(sessions)
    if "withdraw" in endpoint:  # the reporter's own submission, to be withdrawn
        r = client_of("reporter").post("/api/submissions", data={"target_id": i["T2"], "period": 2023, "value": 31})
        i["sub"] = r.json()["id"]
    before = audit_count(sessions)
    response = call(client, i)
    after = audit_count(sessions)
    if user in allowed:
        assert response.status_code in (200, 201, 303), (endpoint, user, response.text[:300])
        if changes:
            assert after > before
    else:
        assert response.status_code == 403, (endpoint, user, response.status_code, response.text[:300])
        assert "无权" in response.text
        assert after == before
