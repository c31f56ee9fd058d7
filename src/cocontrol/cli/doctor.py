"""``cocontrol doctor``: what is installed and working (engines, Java for Spark, database)."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

import typer


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True


def _version_of(module: str) -> str:
    mod = importlib.import_module(module)
    return str(getattr(mod, "__version__", "installed"))


def _check_duckdb() -> str:
    import duckdb
    import ibis

    con = ibis.duckdb.connect()
    t = ibis.memtable({"x": [1.0, 2.0, None]})
    total = con.execute(t.x.sum())
    if float(total) != 3.0:
        raise RuntimeError(f"ibis on duckdb summed [1, 2, NULL] to {total}")
    return f"duckdb {duckdb.__version__}, ibis {ibis.__version__}"


def _check_java() -> str:
    java = shutil.which("java")
    if not java:
        raise RuntimeError("java not found on PATH (Spark needs Java 17)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    return (out.stderr or out.stdout).splitlines()[0]


def _check_pyspark() -> str:
    return f"pyspark {_version_of('pyspark')}"


def _check_database() -> str:
    from sqlalchemy import create_engine, text

    url = os.environ.get("COCONTROL_DATABASE_URL")
    if not url:
        with tempfile.TemporaryDirectory() as tmp:
            engine = create_engine(f"sqlite:///{tmp}/doctor.db")
            with engine.connect() as conn:
                conn.execute(text("select 1"))
            engine.dispose()
        return "SQLite (embedded default) works; set COCONTROL_DATABASE_URL for PostgreSQL"
    engine = create_engine(url)
    with engine.connect() as conn:
        conn.execute(text("select 1"))
    engine.dispose()
    return f"{engine.url.get_backend_name()} at {engine.url.render_as_string(hide_password=True)}"


def _check_chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("chromium not found (only needed for browser tests)")
    return path


def _check_units() -> str:
    from cocontrol.units import convert

    mw = convert(326, "万千瓦", "MW")
    if abs(mw - 3260) > 1e-9:
        raise RuntimeError(f"326 万千瓦 gave {mw} MW")
    return "pint registry with Chinese units: 326 万千瓦 = 3260 MW"


CHECKS: list[tuple[str, Callable[[], str], bool]] = [
    ("units", _check_units, True),
    ("Ibis + DuckDB", _check_duckdb, True),
    ("database", _check_database, True),
    ("PySpark", _check_pyspark, False),
    ("Java (for Spark)", _check_java, False),
    ("Chromium (browser tests)", _check_chromium, False),
]


def run_checks() -> list[Check]:
    results = []
    for name, fn, required in CHECKS:
        try:
            results.append(Check(name, True, fn(), required))
        except Exception as exc:  # doctor reports every failure, whatever its kind
            results.append(Check(name, False, f"{type(exc).__name__}: {exc}", required))
    return results


def doctor() -> None:
    """检查运行环境 / check what is installed and working."""
    from rich.console import Console
    from rich.table import Table

    from cocontrol import __version__

    table = Table(title=f"cocontrol {__version__} — 环境检查")
    table.add_column("组件 component")
    table.add_column("状态 status")
    table.add_column("说明 detail")
    results = run_checks()
    for c in results:
        status = "[green]正常 ok[/]" if c.ok else ("[red]失败 failed[/]" if c.required else "[yellow]不可用 optional[/]")
        table.add_row(c.name, status, c.detail)
    Console().print(table)
    if any(not c.ok and c.required for c in results):
        raise typer.Exit(1)
