"""Fixtures for the web tests: an app on SQLite or PostgreSQL, users of every role, clients.

PostgreSQL: ``COCONTROL_TEST_PG_URL`` (a server the caller runs) or, when the server binaries
are installed (``/usr/lib/postgresql/*/bin``), a throw-away cluster this session starts on a
free loopback port (as the ``postgres`` user when run as root) and stops at the end.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from cocontrol.store import models as m
from cocontrol.store.db import dispose_engines, get_engine, session_factory
from cocontrol.store.plans import save_plan
from cocontrol.store.regions import ensure_department, ensure_region
from cocontrol.store.sample import sample_plan
from cocontrol.web.app import create_app
from cocontrol.web.security import hash_password
from cocontrol.web.settings import Settings
from cocontrol.web.testing import PASSWORD, login

ROLES = ("admin", "coordinator", "analyst", "reporter", "viewer")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a PostgreSQL server for this test session (skips, saying why, when none)."""
    external = os.environ.get("COCONTROL_TEST_PG_URL")
    if external:
        yield external
        return
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL not available: no server binaries under /usr/lib/postgresql/*/bin "
                    "and COCONTROL_TEST_PG_URL is not set")
    as_root = os.geteuid() == 0
    if as_root and shutil.which("runuser") is None:
        pytest.skip("PostgreSQL not available: running as root without runuser to drop to 'postgres'")
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    base = Path(tempfile.mkdtemp(prefix="cocontrol-pg-"))
    if as_root:
        try:
            shutil.chown(base, "postgres")
        except LookupError:
            pytest.skip("PostgreSQL not available: no 'postgres' user to run initdb as (root refuses)")
    data, port = base / "data", free_port()
    run = lambda *a: subprocess.run([*prefix, *a], check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
            f"-p {port} -k {base} -h 127.0.0.1 -c fsync=off -c max_connections=200", "start")
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"PostgreSQL not available: could not start a test cluster ({exc.stderr.strip()[:300]})")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


_counter = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'web.db'}"
        dispose_engines()
        return
    server = request.getfixturevalue("pg_server")
    name = f"cocontrol_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield server.rsplit("/", 1)[0] + f"/{name}"
    dispose_engines()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def settings(tmp_path, database_url, monkeypatch) -> Settings:
    empty = tmp_path / "examples"
    empty.mkdir()
    monkeypatch.setenv("COCONTROL_EXAMPLES", str(empty))  # tests bring their own data
    return Settings(database_url=database_url, home=tmp_path / "home", admin_password=PASSWORD,
                    secret_key="test-secret", year=2025)


@pytest.fixture
def app(settings):
    """App with the sample plan stored and one user per role (reporters of two departments)."""
    application = create_app(settings)
    save_plan(sample_plan(), url=settings.database_url, actor="test")
    sessions = session_factory(get_engine(settings.database_url))
    hashed = hash_password(PASSWORD)
    with sessions() as s, s.begin():
        region = ensure_region(s, "威海市")
        env = ensure_department(s, "市生态环境局", region)
        ndrc = ensure_department(s, "市发展改革委", region)
        for role in ROLES[1:]:
            s.add(m.User(username=role, password_hash=hashed, role=role,
                         department_id=env.id if role == "reporter" else None))
        s.add(m.User(username="reporter_ndrc", password_hash=hashed, role="reporter",
                     department_id=ndrc.id))
    yield application
    application.state.refresher.stop()  # its threads and computing processes


@pytest.fixture
def sessions(app):
    return app.state.sessions


@pytest.fixture
def client_of(app):
    return lambda username: login(app, username)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian chromium driven by Playwright (never Playwright's own browser download)."""
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"chromium not installed at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the Python playwright package is not installed")
    profile = tempfile.mkdtemp(prefix="cocontrol-chromium-")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="zh-CN")
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    """The app with the demo examples and the sample plan, every region's results computed."""
    from cocontrol.web.testing import settle

    home = tmp_path_factory.mktemp("live")
    settings = Settings(database_url=f"sqlite:///{home / 'live.db'}", home=home, admin_password=PASSWORD,
                        secret_key="live-secret", year=2023)
    application = create_app(settings)
    save_plan(sample_plan(), url=settings.database_url, actor="test")
    with application.state.sessions() as s, s.begin():
        region = ensure_region(s, "威海市")
        env = ensure_department(s, "市生态环境局", region)
        hashed = hash_password(PASSWORD)
        s.add(m.User(username="reporter", password_hash=hashed, role="reporter", department_id=env.id))
        s.add(m.User(username="coordinator", password_hash=hashed, role="coordinator"))
    settle(application)
    yield application
    application.state.refresher.stop()


@pytest.fixture(scope="module")
def live_server(live_app):
    """``live_app`` served by uvicorn on loopback (its lifespan owns the refresh threads)."""
    import threading

    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(live_app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    import time

    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    dispose_engines()
