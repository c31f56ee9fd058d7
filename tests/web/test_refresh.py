"""Background recomputation after a data change: pages answer at once from the last complete
results with a 正在重新计算 banner, update when the job is done, show a failed job's error; two
app instances on one database and home compute each generation once.

The jobs run the real computation (``compute_results``: database workspace → ``gather``);
:class:`~cocontrol.web.testing.HeldCompute` only makes the job wait on an Event the test sets,
so "the page answered while the job was still running" is a fact, not a timing.

Expected statuses (hand-worked): the sample plan's T2 is "PM2.5平均浓度 ≤ 22 微克/立方米 by
2025". With no observation it is 无数据; after a reported 2025 value of 20.5 (≤ 22 in the target
year) it is 已完成 (achieved).
"""

from __future__ import annotations

import re

from sqlalchemy import select, update

from cocontrol.store import models as m
from cocontrol.web.app import create_app
from cocontrol.web.refresh import STEPS
from cocontrol.web.services import bump
from cocontrol.web.testing import HeldCompute, audit_count, ids, login, settle

KEY = "k=%E5%A8%81%E6%B5%B7%E5%B8%82%3A2025"  # k=威海市:2025


def t2_status(client, tid: int) -> str | None:
    return client.get(f"/api/targets/{tid}").json()["status"]["status"]


def report_pm25(client, tid: int, value: float = 20.5) -> None:
    r = client.post("/api/submissions", data={"target_id": tid, "period": 2025, "value": value})
    assert r.status_code == 201, r.text


def test_page_answers_while_the_job_runs_then_updates(app, sessions, client_of):
    settle(app)
    viewer, reporter = client_of("viewer"), client_of("reporter")
    tid = ids(sessions)["T2"]
    assert t2_status(viewer, tid) == "no_data"
    held = HeldCompute(app.state.refresher.compute)
    app.state.refresher.compute = held
    audits = audit_count(sessions)

    report_pm25(reporter, tid)
    first = viewer.get(f"/targets/{tid}")  # schedules the job; answers although it cannot finish
    assert first.status_code == 200 and not held.release.is_set()
    assert held.entered.wait(30), "the background job did not start"
    page = viewer.get(f"/targets/{tid}")  # the job is held inside its first step right now
    assert page.status_code == 200 and not held.release.is_set()
    assert "正在重新计算" in page.text and 'hx-get="/refresh?' in page.text
    assert f"步骤 1/{len(STEPS)}：读取规划与填报数据" in page.text
    assert t2_status(viewer, tid) == "no_data"  # the last complete results, shown at once
    api = viewer.get(f"/api/targets/{tid}")
    assert api.headers["X-Cocontrol-Refresh"] == "running"
    status = viewer.get("/api/refresh?region=威海市&year=2025").json()
    assert status["state"] == "running" and status["step"] == "读取规划与填报数据"
    assert status["shown"] < status["generation"]
    banner = viewer.get(f"/refresh?{KEY}")
    assert banner.status_code == 200 and "HX-Refresh" not in banner.headers
    assert 'id="refresh"' in banner.text and "<progress" in banner.text

    held.release.set()
    assert all(p.state == "done" for p in settle(app, ["威海市"], 2025))
    assert t2_status(viewer, tid) == "achieved"
    page = viewer.get(f"/targets/{tid}")
    assert "正在重新计算" not in page.text and "已完成" in page.text
    done = viewer.get(f"/refresh?{KEY}")
    assert done.headers["HX-Refresh"] == "true" and done.text == ""  # htmx reloads the page
    assert held.calls.count(("威海市", 2025)) == 1  # one job for the generation, however many requests
    assert audit_count(sessions) == audits + 1  # the submission only; status polls write nothing


def test_first_start_shows_progress_not_a_blank_page(app, sessions, client_of):
    held = HeldCompute(app.state.refresher.compute)
    app.state.refresher.compute = held
    viewer = client_of("viewer")
    page = viewer.get("/overview?region=威海市")
    assert page.status_code == 200 and held.entered.wait(30)
    assert "正在计算，请稍候" in page.text and "首次计算尚未完成" in page.text
    assert "分领域目标指标" not in page.text  # progress instead of empty panels
    pending = viewer.get("/api/overview?region=威海市")
    assert pending.status_code == 202 and pending.json()["refresh"][0]["shown"] is None
    held.release.set()
    settle(app)
    page = viewer.get("/overview?region=威海市")
    assert "分领域目标指标" in page.text and "正在计算" not in page.text
    assert viewer.get("/api/overview?region=威海市").status_code == 200


def test_failing_job_shows_its_error_and_keeps_the_last_results(app, sessions, client_of):
    """A stored target the plan model rejects (year 3000, written past the web's checks) makes
    the real job fail reading the workspace; the failure is shown — in words, the exception
    itself only in the log (its type and English text are no words for a bureau user) — and
    the last results stay."""
    settle(app)
    viewer = client_of("viewer")
    tid = ids(sessions)["T2"]
    with sessions() as s:
        s.execute(update(m.Target).where(m.Target.id == tid).values(year=3000))
        bump(s)
        s.commit()
    viewer.get("/overview?region=威海市")
    states = settle(app, ["威海市", "荣成市"], 2025)  # the overview shows the city below too
    assert [p.state for p in states] == ["failed", "failed"] and states[0].error == ""
    page = viewer.get("/overview?region=威海市")
    assert page.status_code == 200 and "重新计算失败" in page.text and "详情已记入运行日志" in page.text
    assert "ValidationError" not in page.text and "validation error" not in page.text
    assert "分领域目标指标" in page.text  # the previous results are still shown
    assert 'hx-get="/refresh?' not in page.text  # nothing left to poll for
    assert viewer.get("/api/overview?region=威海市").headers["X-Cocontrol-Refresh"] == "failed"
    assert viewer.get("/api/refresh?region=威海市&year=2025").json()["state"] == "failed"

    with sessions() as s:  # repaired outside the web (no new generation): a retry computes it
        s.execute(update(m.Target).where(m.Target.id == tid).values(year=2025))
        s.commit()
    retried = viewer.post("/refresh/retry", params=[("k", "威海市:2025"), ("k", "荣成市:2025")])
    assert retried.status_code == 200  # the workspace holds every plan: the city below failed too
    assert [p.state for p in settle(app, ["威海市", "荣成市"], 2025)] == ["done", "done"]
    assert "重新计算失败" not in viewer.get("/overview?region=威海市").text


def test_status_endpoints_need_sign_in_and_respect_region_scope(app, sessions, client_of):
    from fastapi.testclient import TestClient

    anonymous = TestClient(app)
    assert anonymous.get(f"/refresh?{KEY}", follow_redirects=False).status_code in (303, 401)
    assert anonymous.get("/api/refresh?region=威海市").status_code == 401
    admin = client_of("admin")
    regions = {r["name"]: r["id"] for r in admin.get("/api/regions").json()}
    uid = next(u["id"] for u in admin.get("/api/admin/users").json() if u["username"] == "viewer")
    assert admin.put(f"/api/admin/users/{uid}", json={"region_id": regions["荣成市"]}).status_code == 200
    audits = audit_count(sessions)
    scoped = client_of("viewer")
    assert scoped.get(f"/refresh?{KEY}").status_code == 404
    assert scoped.get("/api/refresh?region=威海市").status_code == 404
    assert scoped.post(f"/refresh/retry?{KEY}").status_code == 404
    assert scoped.get("/api/refresh?region=荣成市").status_code == 200
    assert scoped.get("/refresh?k=bad").status_code == 422
    assert audit_count(sessions) == audits


def test_two_app_instances_compute_each_generation_once(settings, app, sessions):
    """Two instances of the app on one database and one COCONTROL_HOME (as two worker
    processes): A computes, B shows A's progress, then reads A's file instead of computing."""
    other = create_app(settings)
    a_held = HeldCompute(app.state.refresher.compute, hold=False)
    b_held = HeldCompute(other.state.refresher.compute, hold=False)
    app.state.refresher.compute, other.state.refresher.compute = a_held, b_held
    a, b = login(app, "viewer"), login(other, "viewer")
    tid = ids(sessions)["T2"]
    a.get("/overview?region=威海市")
    settle(app)
    b.get("/overview?region=威海市")
    settle(other)
    assert ("威海市", 2025) in a_held.calls and len(set(a_held.calls)) == len(a_held.calls)
    assert b_held.calls == []  # B read every result A wrote

    a_held.hold = True
    report_pm25(login(app, "reporter"), tid)
    assert a.get(f"/targets/{tid}").status_code == 200
    assert a_held.entered.wait(30)
    page = b.get(f"/targets/{tid}")  # B answers at once, showing A's step
    assert page.status_code == 200 and "正在重新计算" in page.text and "读取规划与填报数据" in page.text
    assert b.get("/api/refresh?region=威海市&year=2025").json()["state"] == "running"
    assert t2_status(b, tid) == "no_data"
    a_held.release.set()
    assert [p.state for p in settle(other, ["威海市"], 2025)] == ["done"]
    assert t2_status(b, tid) == "achieved" and t2_status(a, tid) == "achieved"
    assert a_held.calls.count(("威海市", 2025)) == 2 and b_held.calls == []
    with sessions() as s:
        gen = int(s.scalar(select(m.Setting.value).where(m.Setting.key == "generation")))
    folder = app.state.refresher.files.folder(("威海市", 2025))
    assert sorted(int(re.sub(r"\D", "", p.name)) for p in folder.glob("*.pickle"))[-1] == gen
    other.state.refresher.stop()


def test_unreadable_result_file_is_computed_again(settings, app, sessions):
    """A result file that cannot be unpickled (e.g. left by other code) never breaks a page: a
    fresh instance (a restarted worker) computes that generation again and replaces it."""
    settle(app)
    gen, path = app.state.refresher.files.newest(("威海市", 2025))
    path.write_bytes(b"not a pickle")
    restarted = create_app(settings)
    held = HeldCompute(restarted.state.refresher.compute, hold=False)
    restarted.state.refresher.compute = held
    client = login(restarted, "viewer")
    assert client.get("/overview?region=威海市").status_code == 200
    assert {p.state for p in settle(restarted)} == {"done"}
    assert held.calls == [("威海市", 2025)]  # the other regions' files were read, not recomputed
    assert restarted.state.refresher.files.load(("威海市", 2025))[0] == gen
    assert "分领域目标指标" in client.get("/overview?region=威海市").text
    restarted.state.refresher.stop()
