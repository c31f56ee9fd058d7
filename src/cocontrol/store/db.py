"""Engine and session helpers (数据库连接).

Default: one SQLite file ``$COCONTROL_HOME/cocontrol.db`` (``COCONTROL_HOME`` defaults to
``./var`` relative to the current directory). ``COCONTROL_DATABASE_URL`` (e.g.
``postgresql+psycopg://user:pass@host/db``) selects a server. Alembic migrations shipped in
``cocontrol/store/migrations`` are applied the first time an engine is used.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def home() -> Path:
    """Working folder for the database file, inventories and evidence uploads."""
    return Path(os.environ.get("COCONTROL_HOME", "var")).resolve()


def database_url(url: str | None = None) -> str:
    """The URL to use: ``url``, else ``COCONTROL_DATABASE_URL``, else the SQLite file."""
    if url:
        return url
    env = os.environ.get("COCONTROL_DATABASE_URL")
    if env:
        return env
    folder = home()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'cocontrol.db'}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def get_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """Engine for ``url`` (see :func:`database_url`), migrated to the latest schema once."""
    resolved = database_url(url)
    with _LOCK:
        engine = _ENGINES.get(resolved)
        if engine is None:
            kwargs: dict[str, object] = {"future": True}
            # the web app holds one connection per in-flight request (50 concurrent clients)
            if resolved.startswith("sqlite"):
                kwargs["connect_args"] = {"check_same_thread": False, "timeout": 10}
                kwargs.update(pool_size=20, max_overflow=80)
            else:
                kwargs.update(pool_size=10, max_overflow=50, pool_pre_ping=True)
            engine = create_engine(resolved, **kwargs)
            if resolved.startswith("sqlite"):
                event.listen(engine, "connect", _sqlite_pragmas)
            if migrate:
                upgrade(engine)
            _ENGINES[resolved] = engine
    return engine


def dispose_engines() -> None:
    """Close every cached engine (tests, shutdown)."""
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the shipped Alembic migrations (``render_as_batch`` on SQLite)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits at the end of the block or rolls everything back."""
    factory = session_factory(engine or get_engine())
    with factory() as session, session.begin():
        yield session
