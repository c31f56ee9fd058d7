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
from fastapi import FastAPI
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
from tests.conftest import copy_platform, copy_sqlite

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
_PG_COPIES: set[str] = set()
"""URLs of the test databases made as copies of ``app_template_pg``."""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'web.db'}"
        dispose_engines()
        return
    server = request.getfixturevalue("pg_server")
    name = f"cocontrol_test_{os.getpid()}_{next(_counter)}"
    url = server.rsplit("/", 1)[0] + f"/{name}"
    # for the ``app`` fixture: a copy of its database at once (``app`` empties it again when its
    # settings are not the stock ones)
    template = request.getfixturevalue("app_template_pg") if "app" in request.fixturenames else None
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    if template:
        _PG_COPIES.add(url)
    yield url
    _PG_COPIES.discard(url)
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


def _stock(settings: Settings) -> FastAPI:
    """Build the app and store what every ``app`` test starts from: the sample plan, 威海市's
    departments and one user per role (reporters of two departments)."""
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
    return application


def _template_settings(url: str, home: Path) -> Settings:
    return Settings(database_url=url, home=home, admin_password=PASSWORD, secret_key="test-secret", year=2025)


def _build_template(url: str, home: Path) -> None:
    """Store the ``app`` fixture's database once (``_stock`` over an empty examples folder, as
    ``settings`` gives every test), then let go of it so that it can be copied."""
    empty = home / "examples"
    empty.mkdir(parents=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COCONTROL_EXAMPLES", str(empty))
        application = _stock(_template_settings(url, home / "home"))
    application.state.refresher.stop()
    application.state.engine.dispose()


@pytest.fixture(scope="session")
def app_template_sqlite(tmp_path_factory) -> Path:
    """The ``app`` fixture's SQLite database, built once per session (copied per test)."""
    base = tmp_path_factory.mktemp("app-template")
    _build_template(f"sqlite:///{base / 'web.db'}", base)
    return base / "web.db"


@pytest.fixture(scope="session")
def app_template_pg(pg_server, tmp_path_factory) -> Iterator[str]:
    """The ``app`` fixture's PostgreSQL database, built once per session (the template of each
    test's ``CREATE DATABASE``)."""
    name = f"cocontrol_template_{os.getpid()}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    _build_template(pg_server.rsplit("/", 1)[0] + f"/{name}", tmp_path_factory.mktemp("app-template-pg"))
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _from_template(request, settings: Settings) -> bool:
    """Whether the test's database is (made) a copy of the session's ``app`` database: so when
    that is what building it here would store, with the stock settings' seed inputs (an empty
    examples folder, the test password, no scenario files); else it is (left or made) empty.
    A PostgreSQL test database of an ``app`` test was already made a copy by ``database_url``."""
    from cocontrol import demo

    examples = demo.examples_dir()
    stock = (settings.seed and not settings.seed_scenarios and settings.admin_password == PASSWORD
             and examples.is_dir() and not any(examples.iterdir()))
    url = settings.database_url or ""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not stock or path.exists():
            return False
        copy_sqlite(request.getfixturevalue("app_template_sqlite"), path)
        return True
    server = request.getfixturevalue("pg_server") if url.startswith("postgresql") else None
    if server is None or url.rsplit("/", 1)[0] != server.rsplit("/", 1)[0]:
        return False
    copied = url in _PG_COPIES
    if copied == stock:
        return stock
    name = url.rsplit("/", 1)[1]
    template = f' TEMPLATE "{request.getfixturevalue("app_template_pg")}"' if stock else ""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:  # never connected to yet: made again, a copy or empty
            conn.execute(text(f'DROP DATABASE "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
    finally:
        admin.dispose()
    (_PG_COPIES.add if stock else _PG_COPIES.discard)(url)
    return stock


@pytest.fixture
def app(request, settings):
    """App with the sample plan stored and one user per role (reporters of two departments).

    The database is a copy of one built the same way once per session (``create_app`` still
    runs over it, as at every start); other settings build it here."""
    application = create_app(settings) if _from_template(request, settings) else _stock(settings)
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


def _live_settings(home: Path, url: str) -> Settings:
    return Settings(database_url=url, home=home, admin_password=PASSWORD, secret_key="live-secret", year=2023,
                    seed=False)  # a copy of the session's seeded platform (``seeded_home``)


@pytest.fixture(scope="session")
def live_template(seeded_home, tmp_path_factory) -> Path:
    """``live_app``'s home (database ``live.db`` in it), built once per session: the seeded demo
    platform with the sample plan and a reporter and a coordinator, every region's results of
    2023 computed."""
    from cocontrol.web.testing import settle

    home = tmp_path_factory.mktemp("live-template")
    application = create_app(_live_settings(home, seeded_home(home, home / "live.db")))
    save_plan(sample_plan(), url=application.state.settings.database_url, actor="test")
    with application.state.sessions() as s, s.begin():
        region = ensure_region(s, "威海市")
        env = ensure_department(s, "市生态环境局", region)
        hashed = hash_password(PASSWORD)
        s.add(m.User(username="reporter", password_hash=hashed, role="reporter", department_id=env.id))
        s.add(m.User(username="coordinator", password_hash=hashed, role="coordinator"))
    settle(application)
    application.state.refresher.stop()
    application.state.engine.dispose()
    return home


@pytest.fixture(scope="module")
def live_app(live_template, tmp_path_factory):
    """The app with the demo examples and the sample plan, every region's results computed (a
    copy of ``live_template`` for each module)."""
    from cocontrol.web.testing import settle

    home = tmp_path_factory.mktemp("live")
    url = copy_platform(live_template, live_template / "live.db", home, home / "live.db")
    application = create_app(_live_settings(home, url))
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
