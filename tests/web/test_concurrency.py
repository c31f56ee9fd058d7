"""Twenty concurrent saves of one target (and of one task) with the same version: exactly one
wins, the other nineteen get 409 with the winner's row (never 500), and nothing is lost: the
stored row is the winner's, with one audit row for it."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from cocontrol.store import models as m
from cocontrol.web.testing import ids, login

N = 20


def _clients(app, username: str) -> list[TestClient]:
    first = login(app, username)
    out = []
    for _ in range(N):
        c = TestClient(app)
        for cookie in first.cookies.jar:
            c.cookies.set(cookie.name, cookie.value)
        c.headers["X-CSRF-Token"] = first.headers["X-CSRF-Token"]
        out.append(c)
    return out


def _race(clients: list[TestClient], send) -> list[tuple[int, int, dict]]:
    barrier = threading.Barrier(len(clients))
    results: list[tuple[int, int, dict]] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        r = send(clients[i], i)
        with lock:
            results.append((i, r.status_code, r.json()))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


@pytest.mark.parametrize("kind", ["target", "task"])
def test_twenty_concurrent_saves_one_wins(app, sessions, kind):
    i = ids(sessions)
    if kind == "target":
        row_id, model, column = i["T2"], m.Target, "value"
        results = _race(_clients(app, "coordinator"), lambda c, n: c.put(
            f"/api/targets/{row_id}", json={"version_id": 1, "changes": {"value": 100 + n}}))
    else:
        row_id, model, column = i["task_env"], m.Task, "progress"
        results = _race(_clients(app, "coordinator"), lambda c, n: c.put(
            f"/api/tasks/{row_id}", json={"version_id": 1, "progress": 50 + n}))
    codes = Counter(code for _, code, _ in results)
    assert codes == {200: 1, 409: N - 1}, codes
    winner = next(n for n, code, _ in results if code == 200)
    expected = (100 + winner) if kind == "target" else (50 + winner)
    for _, code, body in results:
        if code == 409:
            assert body["error"] == "conflict"
    with sessions() as s:
        row = s.get(model, row_id)
        assert getattr(row, column) == expected and row.version_id == 2
        audits = s.scalars(select(m.AuditLog).where(m.AuditLog.table_name == model.__tablename__,
                                                    m.AuditLog.row_id == row_id)).all()
    assert len(audits) == 1 and audits[0].after[column] == expected
