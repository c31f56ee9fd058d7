"""Region scope matrix: every endpoint touching a region-owned object × users of two regions ×
every role, reads and writes. A user of one region must get 403/404 (or 409 for another
region's plan id) for the other region's objects, list endpoints must leave them out, and the
database must not change. Own-region reads succeed (so the matrix can fail).

The number of holes found is the README's "holes in the scope matrix" figure (0).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from cocontrol.store import models as m
from cocontrol.store.audit import row_dict
from cocontrol.store.db import dispose_engines
from cocontrol.store.plans import save_plan
from cocontrol.store.sample import sample_plan
from cocontrol.web.app import create_app
from cocontrol.web.security import hash_password
from cocontrol.web.settings import Settings
from cocontrol.web.testing import PASSWORD, PDF, login

ROLES = ("admin", "coordinator", "analyst", "reporter", "viewer")
REGIONS = {"wh": ("威海市", "weihai-test"), "zb": ("淄博市", "zibo-test")}
REFUSED = {403, 404}


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[dict[str, Any]]:
    """Two cities with the sample plan each, a submission with evidence in each, and per city
    one user of every role scoped by region, plus a reporter and a viewer scoped only through
    their department (no region)."""
    home = tmp_path_factory.mktemp("scope")
    examples = home / "examples"
    examples.mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COCONTROL_EXAMPLES", str(examples))
        settings = Settings(database_url=f"sqlite:///{home / 'scope.db'}", home=home / "home",
                            admin_password=PASSWORD, secret_key="scope-secret", year=2025)
        app = create_app(settings)
    for region, slug in REGIONS.values():
        save_plan(sample_plan(plan_id=slug, region=region, title=f"{region}示例方案"), url=settings.database_url,
                  actor="test")
    hashed = hash_password(PASSWORD)
    ids: dict[str, dict[str, int]] = {}
    with app.state.sessions() as s, s.begin():
        for tag, (region, slug) in REGIONS.items():
            rid = s.scalar(select(m.Region.id).where(m.Region.name == region))
            plan = s.scalar(select(m.Plan).where(m.Plan.slug == slug))
            dept = s.scalar(select(m.Department).where(m.Department.region_id == rid, m.Department.name == "市生态环境局"))
            targets = {t.key: t.id for t in plan.targets}
            tasks = {k.key: k.id for k in plan.tasks}
            ids[tag] = {"T1": targets["T1"], "T2": targets["T2"], "task": tasks["二.1"], "dept": dept.id,
                        "plan": plan.id, "region": rid}
            for role in ROLES:
                scoped = {"department_id": dept.id} if role == "reporter" else {"region_id": rid}
                s.add(m.User(username=f"{role}_{tag}", password_hash=hashed, role=role, **scoped))
            s.add(m.User(username=f"deptviewer_{tag}", password_hash=hashed, role="viewer", department_id=dept.id))
    for tag in REGIONS:
        c = login(app, f"coordinator_{tag}")
        r = c.post("/api/submissions", data={"target_id": ids[tag]["T2"], "period": 2024, "value": 30},
                   files={"evidence": ("监测报告.pdf", PDF, "application/pdf")})
        assert r.status_code == 201, r.text
        ids[tag]["sub"] = r.json()["id"]
        _outreach(app, c, tag)
        from cocontrol.store.events import Event

        with app.state.sessions() as s:
            ids[tag]["event"] = s.scalar(select(Event.id).where(Event.region == REGIONS[tag][0]))
            from cocontrol.store.inclusive import LedgerEntry

            ids[tag]["entry"], ids[tag]["batch"] = s.execute(select(
                LedgerEntry.seq, LedgerEntry.batch_id).where(LedgerEntry.region == REGIONS[tag][0])).one()
    from cocontrol.web.testing import settle

    settle(app)  # background recomputation (which stores inventory-file rows) done before snapshots
    yield {"app": app, "ids": ids}
    app.state.refresher.stop()
    dispose_engines()


def _outreach(app: Any, coordinator: TestClient, tag: str) -> None:
    """Per city: a 碳普惠 partner with one credited record and a recorded large event."""
    from cocontrol.store.events import Event

    region = REGIONS[tag][0]
    token = coordinator.post("/api/inclusive/partners",
                             json={"partner": f"公交卡{tag}", "region": region}).json()["token"]
    r = TestClient(app).post("/api/inclusive/records", headers={"Authorization": f"Bearer {token}"},
                             json={"records": [{"record_id": f"r-{tag}", "person": f"p-{tag}",
                                                "scene": "公交", "start": "2025-03-01 08:00",
                                                "end": "2025-03-01 08:30", "distance_km": 5}]})
    assert r.status_code == 200, r.text
    with app.state.sessions() as s, s.begin():
        s.add(Event(name=f"{region}论坛活动", region=region, total_t=10.0, retired_t=10.0))
        _restoration(s, region)


def _restoration(session: Any, region: str) -> None:
    """Per city: a stored seagrass restoration project (the 蓝碳 page lists it)."""
    import tempfile
    from dataclasses import replace
    from pathlib import Path

    from cocontrol.sinks.project import read_stored, write_template
    from cocontrol.store.restoration import store_project

    with tempfile.TemporaryDirectory() as tmp:
        sp = read_stored(write_template(Path(tmp) / "p.xlsx"))
    sp = replace(sp, region=region, project=replace(sp.project, name=f"{region}海草床项目"))
    store_project(session, sp, actor="test")


def _project_workbook(city: str) -> bytes:
    import io
    import tempfile
    from pathlib import Path

    from openpyxl import load_workbook

    from cocontrol.sinks.project import write_template

    with tempfile.TemporaryDirectory() as tmp:
        book = load_workbook(write_template(Path(tmp) / "p.xlsx"))
    for row in book["项目"].iter_rows(min_row=2):
        if row[0].value == "城市":
            row[1].value = city
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _event_workbook(city: str) -> bytes:
    import io
    import tempfile
    from pathlib import Path

    from openpyxl import load_workbook

    from cocontrol.events.workbook import write_template

    with tempfile.TemporaryDirectory() as tmp:
        book = load_workbook(write_template(Path(tmp) / "e.xlsx"))
    for row in book["活动"].iter_rows(min_row=2):
        if row[0].value == "城市":
            row[1].value = city
        if row[0].value == "名称":
            row[1].value = f"{city}越权活动"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def snapshot(app: Any) -> str:
    """A digest of every row of every table (the audit log included)."""
    h = hashlib.sha256()
    with app.state.sessions() as s:
        from cocontrol.store.events import CreditRetirement, Event
        from cocontrol.store.inclusive import (
            InclusiveBatch,
            InclusiveRecord,
            LedgerEntry,
            PartnerToken,
        )
        from cocontrol.store.restoration import RestorationProject, RestorationSurvey

        for model in (m.Region, m.Department, m.User, m.Plan, m.Target, m.Task, m.TargetTask,
                      m.TargetResponsible, m.TaskResponsible, m.Submission, m.AuditLog, m.InventoryFile,
                      PartnerToken, InclusiveBatch, InclusiveRecord, LedgerEntry, Event,
                      CreditRetirement, RestorationProject, RestorationSurvey):
            for row in s.scalars(select(model)):
                h.update(json.dumps(row_dict(row), sort_keys=True, default=str).encode())
    return h.hexdigest()


def _plan(slug: str, region: str) -> dict[str, Any]:
    doc = sample_plan(plan_id=slug, region=region, title="覆盖他市方案").model_dump(mode="json")
    doc["targets"][1]["value"] = 99
    return doc


Call = Callable[[TestClient, dict[str, int], str, str], Any]
# name → call(client, the other region's ids, the other region's name, the user's own region name)
READS: dict[str, Call] = {
    "GET /api/targets/{id}": lambda c, o, orr, own: c.get(f"/api/targets/{o['T1']}"),
    "GET /api/departments/{id}": lambda c, o, orr, own: c.get(f"/api/departments/{o['dept']}"),
    "GET /department?id=": lambda c, o, orr, own: c.get(f"/department?id={o['dept']}"),
    "GET /targets/{id}": lambda c, o, orr, own: c.get(f"/targets/{o['T1']}"),
    "GET /api/overview?region=": lambda c, o, orr, own: c.get("/api/overview", params={"region": orr}),
    "GET /api/inventory?region=": lambda c, o, orr, own: c.get("/api/inventory", params={"region": orr}),
    "GET /api/synergy?region=": lambda c, o, orr, own: c.get("/api/synergy", params={"region": orr}),
    "GET /api/reports/annual?region=": lambda c, o, orr, own: c.get("/api/reports/annual", params={"region": orr}),
    "GET /overview?region=": lambda c, o, orr, own: c.get("/overview", params={"region": orr}),
    "GET /inventory?region=": lambda c, o, orr, own: c.get("/inventory", params={"region": orr}),
    "GET /inventory.xlsx?region=": lambda c, o, orr, own: c.get("/inventory.xlsx", params={"region": orr}),
    "GET /synergy?region=": lambda c, o, orr, own: c.get("/synergy", params={"region": orr}),
    "GET /reports?region=": lambda c, o, orr, own: c.get("/reports", params={"region": orr}),
    "GET /reports/dispatch.xlsx?region=": lambda c, o, orr, own: c.get("/reports/dispatch.xlsx", params={"region": orr}),
    "GET /submissions/{id}/evidence": lambda c, o, orr, own: c.get(f"/submissions/{o['sub']}/evidence"),
    "GET /events/{id}/certificate": lambda c, o, orr, own: c.get(f"/events/{o['event']}/certificate"),
}
LISTS: dict[str, tuple[Call, Callable[[Any, dict[str, int], str], bool]]] = {
    # name → (call, does the answer mention the other region's objects?)
    "GET /api/plans": (lambda c, o, orr, own: c.get("/api/plans"),
                       lambda body, o, orr: any(p["id"] == o["plan"] or p["region"] == orr for p in body)),
    "GET /api/regions": (lambda c, o, orr, own: c.get("/api/regions"),
                         lambda body, o, orr: any(r["name"] == orr for r in body)),
    "GET /api/submissions": (lambda c, o, orr, own: c.get("/api/submissions"),
                             lambda body, o, orr: any(s["id"] == o["sub"] for s in body)),
    "GET /api/submissions?target_id=": (lambda c, o, orr, own: c.get("/api/submissions", params={"target_id": o["T2"]}),
                                        lambda body, o, orr: bool(body)),
    "GET /department (list)": (lambda c, o, orr, own: c.get("/department"),
                               lambda body, o, orr: f"?id={o['dept']}\"" in body or f'value="{o["dept"]}"' in body),
    "GET /import (plan list)": (lambda c, o, orr, own: c.get("/import"),
                                lambda body, o, orr: "覆盖他市方案" in body or f"{orr}示例方案" in body),
    "GET /api/inclusive/summary": (lambda c, o, orr, own: c.get("/api/inclusive/summary"),
                                   lambda body, o, orr: any(r["region"] == orr for r in body["months"])
                                   or f"公交卡{_tag(orr)}" in body["partners"]),
    "GET /inclusive (page)": (lambda c, o, orr, own: c.get("/inclusive"),
                              lambda body, o, orr: f"公交卡{_tag(orr)}" in body),
    "GET /events (list)": (lambda c, o, orr, own: c.get("/events"),
                           lambda body, o, orr: f"{orr}论坛活动" in body),
    "GET /bluecarbon?region= (projects)": (lambda c, o, orr, own: c.get("/bluecarbon", params={"region": orr}),
                                           lambda body, o, orr: f"{orr}海草床项目" in body),
}
WRITES: dict[str, Call] = {
    "PUT /api/targets/{id}": lambda c, o, orr, own: c.put(f"/api/targets/{o['T2']}", json={"version_id": 1, "changes": {"value": 1}}),
    "PUT /api/tasks/{id}": lambda c, o, orr, own: c.put(f"/api/tasks/{o['task']}", json={"version_id": 1, "progress": 90}),
    "POST /api/submissions": lambda c, o, orr, own: c.post("/api/submissions", data={"target_id": o["T2"], "period": 2024, "value": 1}),
    "POST /api/submissions (task)": lambda c, o, orr, own: c.post("/api/submissions", data={"task_id": o["task"], "period": 2024, "progress": 90}),
    "POST /api/submissions/{id}/withdraw": lambda c, o, orr, own: c.post(f"/api/submissions/{o['sub']}/withdraw", json={}),
    "POST /api/plans (other's id, own region)": lambda c, o, orr, own: c.post("/api/plans", json=_plan(
        REGIONS[_tag(orr)][1], own)),
    "POST /api/plans (other region)": lambda c, o, orr, own: c.post("/api/plans", json=_plan("new-plan-x", orr)),
    "POST /targets/{id} (form)": lambda c, o, orr, own: c.post(f"/targets/{o['T2']}", data={"version_id": "1", "value": "1"}),
    "POST /department/submit (form)": lambda c, o, orr, own: c.post(
        "/department/submit", data={"item": f"task:{o['task']}", "period": "2024", "progress": "90"}),
    "POST /submissions/{id}/withdraw (form)": lambda c, o, orr, own: c.post(f"/submissions/{o['sub']}/withdraw"),
    "POST /import/confirm (other's id)": lambda c, o, orr, own: c.post("/import/confirm", data={
        "doc": json.dumps(_plan(REGIONS[_tag(orr)][1], own))}),
    "POST /api/inclusive/partners (other region)": lambda c, o, orr, own: c.post(
        "/api/inclusive/partners", json={"partner": f"越权合作方{own}", "region": orr}),
    "POST /api/inclusive/ledger/correct (other city's batch)": lambda c, o, orr, own: c.post(
        "/api/inclusive/ledger/correct", json={"batch": o["batch"], "reason": "越权冲正"}),
    "POST /api/inclusive/ledger/correct (other city's entry)": lambda c, o, orr, own: c.post(
        "/api/inclusive/ledger/correct", json={"seq": o["entry"], "reason": "越权冲正"}),
    "POST /inclusive/correct (form, other city's batch)": lambda c, o, orr, own: c.post(
        "/inclusive/correct", data={"batch": str(o["batch"]), "reason": "越权冲正"}),
    "POST /events/account retire (other city)": lambda c, o, orr, own: c.post(
        "/events/account", data={"retire": "1"},
        files={"file": ("e.xlsx", _event_workbook(orr),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}),
    "POST /bluecarbon/projects (other city)": lambda c, o, orr, own: c.post(
        "/bluecarbon/projects", files={"file": ("p.xlsx", _project_workbook(orr),
                                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}),
}


def _tag(region: str) -> str:
    return next(t for t, (r, _) in REGIONS.items() if r == region)


def _users() -> list[tuple[str, str]]:
    return [(f"{role}_{tag}", tag) for tag in REGIONS for role in (*ROLES, "deptviewer")]


def test_scope_matrix(world) -> None:
    app, ids = world["app"], world["ids"]
    holes: list[str] = []
    checked = 0
    for username, tag in _users():
        other = next(t for t in REGIONS if t != tag)
        o, orr, own = ids[other], REGIONS[other][0], REGIONS[tag][0]
        client = login(app, username)
        for name, call in READS.items():
            r = call(client, o, orr, own)
            checked += 1
            if r.status_code not in REFUSED:
                holes.append(f"{username} {name} → {r.status_code}")
        for name, (call, leaks) in LISTS.items():
            r = call(client, o, orr, own)
            checked += 1
            if r.status_code == 200:
                body = r.json() if r.headers["content-type"].startswith("application/json") else r.text
                if leaks(body, o, orr):
                    holes.append(f"{username} {name} lists the other region's objects")
            elif r.status_code not in REFUSED:
                holes.append(f"{username} {name} → {r.status_code}")
        for name, call in WRITES.items():
            before = snapshot(app)
            r = call(client, o, orr, own)
            checked += 1
            if r.status_code not in (*REFUSED, 409):
                holes.append(f"{username} {name} → {r.status_code}: {r.text[:120]}")
            if snapshot(app) != before:
                holes.append(f"{username} {name} changed the database")
    print(f"scope matrix: {checked} requests, {len(holes)} holes")
    assert holes == []
    assert checked == len(_users()) * (len(READS) + len(LISTS) + len(WRITES))


def test_own_region_is_readable(world) -> None:
    """The control: the same reads on the user's own region answer 200, so a refusal above is
    the scope and not a broken endpoint."""
    app, ids = world["app"], world["ids"]
    for username, tag in _users():
        mine = ids[tag]
        client = login(app, username)
        assert client.get(f"/api/targets/{mine['T1']}").status_code == 200, username
        assert client.get(f"/api/departments/{mine['dept']}").status_code == 200, username
        assert client.get(f"/department?id={mine['dept']}").status_code == 200, username
        assert client.get(f"/submissions/{mine['sub']}/evidence").status_code == 200, username
        assert any(s["id"] == mine["sub"] for s in client.get("/api/submissions").json()), username
        own = REGIONS[tag][0]
        assert f"{own}海草床项目" in client.get("/bluecarbon", params={"region": own}).text, username


def test_zibo_coordinator_cannot_replace_jinan_style_plan(world) -> None:
    """The probe's severe finding: a coordinator of one city posting another city's plan id
    with their own region gets 403/409 and the other city's plan is unchanged."""
    app = world["app"]
    before = snapshot(app)
    client = login(app, "coordinator_zb")
    r = client.post("/api/plans", json=_plan("weihai-test", "淄博市"))
    assert r.status_code in (403, 409), r.text
    assert r.json()["error"] in ("forbidden", "conflict")
    assert snapshot(app) == before
    with app.state.sessions() as s:
        versions = s.scalars(select(m.Plan.version).where(m.Plan.slug == "weihai-test")).all()
    assert versions == [1]
    # an unscoped admin may not move a plan id to another region either
    r = login(app, "admin").post("/api/plans", json=_plan("weihai-test", "淄博市"))
    assert r.status_code == 409 and "威海市" in r.json()["reason"]


def test_department_without_region_sees_nothing_else(world) -> None:
    """A user whose department has no region gets an empty scope, not every region."""
    app, ids = world["app"], world["ids"]
    with app.state.sessions() as s, s.begin():
        dept = m.Department(name="无地区部门", aliases=[])
        s.add(dept)
        s.flush()
        s.add(m.User(username="orphan_viewer", password_hash=hash_password(PASSWORD), role="viewer",
                     department_id=dept.id))
    client = login(app, "orphan_viewer")
    assert client.get("/api/auth/me").json()["regions"] == []
    assert client.get("/api/plans").json() == []
    for tag in REGIONS:
        assert client.get(f"/api/targets/{ids[tag]['T1']}").status_code == 404
        assert client.get(f"/api/departments/{ids[tag]['dept']}").status_code == 404
