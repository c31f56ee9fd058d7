"""Regions (行政区) and departments (责任单位) — lookup-or-create helpers.

Every region or department created here gets an audit row naming ``actor`` (a plan import
creating its city and departments is a change like any other)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocontrol.store.audit import record
from cocontrol.store.models import Department, Region
from cocontrol.store.parents import PARENTS  # one definition, re-exported here


def ensure_region(session: Session, name: str, parent: str | None = None, level: str | None = None,
                  actor: str = "system") -> Region:
    """The region called ``name``, created (with its known parent, audited) when missing."""
    region = session.scalar(select(Region).where(Region.name == name))
    if region is not None:
        return region
    if parent is None and name in PARENTS:
        parent, level = PARENTS[name]
    parent_row = None
    if parent:
        parent_row = ensure_region(session, parent, level="province" if parent.endswith("省") else None,
                                   actor=actor)
    if level is None:
        level = "province" if name.endswith("省") else "city"
    region = Region(name=name, parent=parent_row, level=level)
    session.add(region)
    session.flush()
    record(session, actor, "insert", region)
    return region


def ensure_department(session: Session, name: str, region: Region | None, actor: str = "system") -> Department:
    """The department ``name`` of ``region`` (matched by name or alias), created (audited) when missing."""
    rid = region.id if region else None
    for dept in session.scalars(select(Department).where(Department.region_id == rid)):
        if dept.name == name or name in (dept.aliases or []):
            return dept
    dept = Department(name=name, aliases=[], region=region)
    session.add(dept)
    session.flush()
    record(session, actor, "insert", dept)
    return dept


def descendants(session: Session, region_id: int) -> set[int]:
    """``region_id`` and every region below it (a city sees its districts)."""
    rows = session.execute(select(Region.id, Region.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for rid, parent in rows:
        children.setdefault(parent, []).append(rid)
    out, stack = set(), [region_id]
    while stack:
        rid = stack.pop()
        if rid not in out:
            out.add(rid)
            stack.extend(children.get(rid, []))
    return out
