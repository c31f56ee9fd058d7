"""Fixtures shared by several test folders."""

from __future__ import annotations

import pytest

from cocontrol.store.db import dispose_engines


@pytest.fixture
def store_home(tmp_path, monkeypatch):
    """A fresh platform store (SQLite file under ``COCONTROL_HOME``) for one test."""
    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    yield tmp_path / "home"
    dispose_engines()


def copy_sqlite(source, target) -> None:
    """A consistent copy of the SQLite database ``source`` into the new file ``target`` (the
    backup API: what is still in the write-ahead log is copied too)."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _rehome(db, old: str, new: str) -> None:
    """Rewrite the home path ``old`` to ``new`` in every text value of a copied database (the
    seed stores the folders of the illustrative enterprises' submissions, and the audit log
    their rows, by absolute path)."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        with con:
            tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                for column in [r[1] for r in con.execute(f"PRAGMA table_info(\"{table}\")")]:
                    con.execute(f'UPDATE "{table}" SET "{column}" = replace("{column}", ?, ?) '
                                f'WHERE typeof("{column}") = \'text\' AND instr("{column}", ?) > 0',
                                (old, new, old))
    finally:
        con.close()


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory):
    """A platform seeded once per test session by the app's own first start (``create_app``:
    the demo cities of ``examples/``, the illustrative enterprises, the administrator with
    :data:`cocontrol.web.testing.PASSWORD`); nothing computed. Returns ``copy(home, db)``, which
    copies it into the (empty or new) folder ``home`` with its database at ``db`` and returns
    the database URL: a platform in the state a fresh seed leaves it, for an app built over it
    with ``Settings(seed=False)`` (seeding again would find everything there)."""
    from cocontrol.web.app import create_app
    from cocontrol.web.settings import Settings
    from cocontrol.web.testing import PASSWORD

    base = tmp_path_factory.mktemp("seeded-template")
    home, db = base / "home", base / "seeded.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("COCONTROL_EXAMPLES", raising=False)  # the repository's examples
        mp.delenv("COCONTROL_DATABASE_URL", raising=False)
        app = create_app(Settings(database_url=f"sqlite:///{db}", home=home, admin_password=PASSWORD,
                                  secret_key="seed-template", year=None, refresh_processes=False))
    app.state.refresher.stop()
    app.state.engine.dispose()

    return lambda target_home, target_db: copy_platform(home, db, target_home, target_db)


def copy_platform(home, db, target_home, target_db) -> str:
    """Copy a platform (its home folder ``home`` and SQLite database ``db``, which may lie in
    it) to ``target_home`` and ``target_db``, the home's path in the database rewritten;
    returns the copy's database URL."""
    import shutil
    from pathlib import Path

    db, target_db = Path(db), Path(target_db)
    def database_files(folder: str, names: list[str]) -> list[str]:  # copied through SQLite instead
        return [n for n in names if n.startswith(db.name)] if Path(folder) == db.parent else []

    shutil.copytree(home, target_home, dirs_exist_ok=True, ignore=database_files)
    copy_sqlite(db, target_db)
    _rehome(target_db, str(home), str(target_home))
    return f"sqlite:///{target_db}"
