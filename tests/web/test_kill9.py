"""``kill -9`` of the server while plans are being imported and results computed in child
processes: the children die with it (no stray processes), the server starts again on the same
database, and the database passes SQLite's integrity and foreign-key checks with no orphan
rows and every imported plan whole (all of its targets and tasks, or not there at all)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from cocontrol.store.sample import sample_plan
from cocontrol.web.testing import PASSWORD

pytestmark = pytest.mark.slow


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    out, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - out
        out |= frontier
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(home: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "COCONTROL_HOME": str(home), "COCONTROL_ADMIN_PASSWORD": PASSWORD,
           "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen([sys.executable, "-m", "cocontrol", "serve", "--port", str(port), "--year", "2023"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        assert proc.poll() is None, "the server exited while starting"
        time.sleep(0.5)
    proc.kill()
    raise AssertionError("the server did not start within 180 s")


def _wait_for_children(pid: int, timeout: float = 120) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = _children(pid)
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("the server started no computing process")


def _kill9_and_check(proc: subprocess.Popen) -> None:
    children = _wait_for_children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(c) for c in children):
        time.sleep(0.2)
    stray = [c for c in children if _alive(c)]
    for c in stray:  # clean up before failing
        os.kill(c, signal.SIGKILL)
    assert stray == [], f"processes outlived the server: {stray}"


def _import_plans(port: int, stop: threading.Event, posted: list[str]) -> None:
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10)
    try:
        token = client.post("/api/auth/login", json={"username": "admin", "password": PASSWORD}).json()["csrf_token"]
        n = 0
        while not stop.is_set():
            slug = f"kill9-{n}"
            doc = sample_plan(plan_id=slug, region="威海市").model_dump(mode="json")
            posted.append(slug)
            client.post("/api/plans", json=doc, headers={"X-CSRF-Token": token})
            n += 1
    except (httpx.HTTPError, KeyError, ValueError):
        return  # the server died under us: that is the point


def test_kill9_leaves_no_strays_and_a_consistent_database(tmp_path):
    home = tmp_path / "home"
    port = _free_port()
    proc = _start(home, port)
    stop, posted = threading.Event(), []
    importer = threading.Thread(target=_import_plans, args=(port, stop, posted), daemon=True)
    importer.start()
    try:
        time.sleep(1.0)
        _kill9_and_check(proc)  # during imports and the start-up computations
    finally:
        stop.set()
        importer.join(15)
        if proc.poll() is None:
            proc.kill()
    assert posted, "no import was under way"

    proc = _start(home, _free_port())  # starts again on the same database
    try:
        _kill9_and_check(proc)
    finally:
        if proc.poll() is None:
            proc.kill()

    db = sqlite3.connect(home / "cocontrol.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = {
            "targets": "SELECT COUNT(*) FROM targets WHERE plan_id NOT IN (SELECT id FROM plans)",
            "tasks": "SELECT COUNT(*) FROM tasks WHERE plan_id NOT IN (SELECT id FROM plans)",
            "target_tasks": "SELECT COUNT(*) FROM target_tasks WHERE target_id NOT IN (SELECT id FROM targets) "
                            "OR task_id NOT IN (SELECT id FROM tasks)",
            "task_responsible": "SELECT COUNT(*) FROM task_responsible WHERE task_id NOT IN (SELECT id FROM tasks) "
                                "OR department_id NOT IN (SELECT id FROM departments)",
            "submissions": "SELECT COUNT(*) FROM submissions WHERE (target_id IS NOT NULL AND target_id NOT IN "
                           "(SELECT id FROM targets)) OR (task_id IS NOT NULL AND task_id NOT IN (SELECT id FROM tasks))",
            "plans without audit": "SELECT COUNT(*) FROM plans p WHERE p.created_by = 'admin' AND NOT EXISTS "
                                   "(SELECT 1 FROM audit_log a WHERE a.table_name = 'plans' AND a.row_id = p.id)",
        }
        found = {name: db.execute(sql).fetchone()[0] for name, sql in orphans.items()}
        assert found == dict.fromkeys(orphans, 0)
        for slug, targets, tasks in db.execute(
                "SELECT p.slug, (SELECT COUNT(*) FROM targets t WHERE t.plan_id = p.id), "
                "(SELECT COUNT(*) FROM tasks k WHERE k.plan_id = p.id) FROM plans p WHERE p.slug LIKE 'kill9-%'"):
            assert (targets, tasks) == (2, 2), slug  # whole, never half-stored
    finally:
        db.close()
