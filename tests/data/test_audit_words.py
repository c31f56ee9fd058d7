"""Every table the audit log can name, and every action it records, has a Chinese and an
English name (the admin page shows them; a new table without a name would show its code)."""

import ast
import importlib
import pkgutil
from pathlib import Path

import cocontrol.store
from cocontrol.data.names import names
from cocontrol.store.models import Base

SRC = Path(__file__).resolve().parents[2] / "src" / "cocontrol"


def test_every_table_has_a_record_name() -> None:
    for mod in pkgutil.iter_modules(cocontrol.store.__path__):  # every module that maps tables
        if mod.name != "migrations":
            importlib.import_module(f"cocontrol.store.{mod.name}")
    assert "restoration_projects" in Base.metadata.tables
    known = names("record")
    missing = sorted(t for t in Base.metadata.tables if t not in known and t not in {"audit_log", "alembic_version"})
    assert not missing, f"add these tables to refdata/terms.csv (kind record): {missing}"


def test_every_audited_action_has_a_name() -> None:
    """The third argument of each ``record(session, actor, action, …)`` call written as a
    literal (or both branches of ``"update" if before else "insert"``)."""
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "record" and len(node.args) >= 3:
                arg = node.args[2]
                parts = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
                used |= {p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)}
    assert used, "no audited action found: the test no longer sees the calls"
    known = names("action")
    assert not used - set(known), f"actions without a name in refdata/terms.csv: {used - set(known)}"
