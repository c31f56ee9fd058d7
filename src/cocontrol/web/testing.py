"""Helpers for testing the web platform (used by ``tests/web``; handy for integrators too)."""

from __future__ import annotations

import threading
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from cocontrol.store import models as m

PASSWORD = "test-Passw0rd"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
"""The smallest bytes that pass the evidence check for a .pdf (signature ``%PDF``)."""


def login(app: Any, username: str, password: str = PASSWORD) -> TestClient:
    """A client signed in through ``POST /api/auth/login`` sending the CSRF header."""
    client = TestClient(app)
    r = client.post("/api/auth/login", json={"username": username, "password": password})
    assert r.status_code == 200, r.text
    client.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return client


def settle(app: Any, regions: list[str] | None = None, year: int | None = None, timeout: float = 300) -> list[Any]:
    """Wait until the background jobs (:mod:`cocontrol.web.refresh`) have brought every region's
    results and the 同类城市比较 (:data:`cocontrol.web.peers.PEERS`), or ``regions``, up to date
    with the data; returns their progress (all ``done`` unless a job failed)."""
    from cocontrol.web.peers import PEERS
    from cocontrol.web.services import generation
    from cocontrol.web.views import default_year

    with app.state.sessions() as s:
        year = default_year(s, year, app.state.settings.year)
        regions = regions or [*s.scalars(select(m.Region.name).order_by(m.Region.id)), PEERS]
        gen = generation(s)
    return app.state.refresher.wait([(r, year) for r in regions], gen, timeout)


def ids(sessions: Any) -> dict[str, int]:
    """Row ids of the sample plan's targets and tasks (:func:`cocontrol.store.sample.sample_plan`)."""
    with sessions() as s:
        t = dict(s.execute(select(m.Target.key, m.Target.id)).all())
        k = dict(s.execute(select(m.Task.key, m.Task.id)).all())
        d = dict(s.execute(select(m.Department.name, m.Department.id)).all())
        u = dict(s.execute(select(m.User.username, m.User.id)).all())
    return {"T1": t["T1"], "T2": t["T2"], "task_env": k["二.1"], "task_ndrc": k["一.1"],
            "dept_env": d["市生态环境局"], "user_viewer": u["viewer"]}


def audit_count(sessions: Any) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(m.AuditLog))


def submission_count(sessions: Any) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(m.Submission))


class HeldCompute:
    """Wraps a refresher's real computation so a test controls when it proceeds: the first job
    stops right after reporting its first step until :attr:`release` is set (``hold=False``:
    never stops). ``calls`` lists the (region, year) of every computation this process ran.

    Install with ``app.state.refresher.compute = HeldCompute(app.state.refresher.compute)``.
    """

    def __init__(self, compute: Any, hold: bool = True, timeout: float = 120) -> None:
        self.inner, self.hold, self.timeout = compute, hold, timeout
        self.entered, self.release = threading.Event(), threading.Event()
        self.calls: list[tuple[str, int]] = []

    def __call__(self, region: str, year: int, progress: Any) -> Any:
        self.calls.append((region, year))

        def step(label: str) -> None:
            progress(label)
            if self.hold and not self.entered.is_set():
                self.entered.set()
                if not self.release.wait(self.timeout):
                    raise TimeoutError("the test never released the held computation")

        return self.inner(region, year, step)
