"""Audit log (审计日志): every change records who, when, the row before and after."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from cocontrol.store.models import AuditLog, Base


def row_dict(obj: Base) -> dict[str, Any]:
    """Column values of an ORM row as JSON-ready values (dates as ISO strings)."""
    out: dict[str, Any] = {}
    for attr in inspect(obj).mapper.column_attrs:
        value = getattr(obj, attr.key)
        if isinstance(value, dt.date | dt.datetime):
            value = value.isoformat()
        if attr.key == "password_hash":
            value = "***"
        out[attr.key] = value
    return out


def record(
    session: Session,
    actor: str,
    action: str,
    obj: Base,
    before: dict[str, Any] | None = None,
) -> AuditLog:
    """Add one audit row for ``obj`` (flushes so the row id is known)."""
    session.flush()
    entry = AuditLog(
        actor=actor,
        action=action,
        table_name=obj.__tablename__,
        row_id=getattr(obj, "id", None),
        before=before,
        after=row_dict(obj) if action != "delete" else None,
    )
    session.add(entry)
    return entry
