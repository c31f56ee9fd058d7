"""Region scope (数据范围): the one check every read and write of a region-owned object uses.

A user's scope is derived from the database, never from anything the client sends:

* a user with a region sees that region and every region below it (a city sees its districts);
* a user with a department but no region sees the department's region (and below); a
  department without a region gives an empty scope;
* a user with neither (the platform administrator, province-wide staff) sees every region.

An object's region is derived from what owns it: a plan's ``region``; a target's or task's plan;
a submission's target or task (its own ``region`` column is written by the server from the same
plan and only used as a fallback); a department's region; an inventory file's ``region``.
Anything outside the scope answers 404 (its existence is not disclosed).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocontrol.store import models as m
from cocontrol.store.regions import descendants


def user_regions(session: Session, user: m.User) -> set[str] | None:
    """Names of the regions ``user`` may see (None: every region)."""
    region_id = user.region_id
    if region_id is None and user.department_id is not None:
        dept = session.get(m.Department, user.department_id)
        if dept is None or dept.region_id is None:
            return set()
        region_id = dept.region_id
    if region_id is None:
        return None
    ids = descendants(session, region_id)
    return set(session.scalars(select(m.Region.name).where(m.Region.id.in_(ids))))


def _plan_region(session: Session, plan_id: int | None) -> str | None:
    if plan_id is None:
        return None
    return session.scalar(select(m.Plan.region).where(m.Plan.id == plan_id))


def region_of(session: Session, row: Any) -> str | None:
    """The region that owns ``row`` (see the module docstring); None when it has none."""
    if isinstance(row, m.Plan | m.InventoryFile):
        return row.region
    if isinstance(row, m.Target | m.Task):
        return _plan_region(session, row.plan_id)
    if isinstance(row, m.Department):
        return row.region.name if row.region is not None else None
    if isinstance(row, m.Submission):
        owner = (session.get(m.Target, row.target_id) if row.target_id is not None
                 else session.get(m.Task, row.task_id) if row.task_id is not None else None)
        return region_of(session, owner) if owner is not None else row.region
    if isinstance(row, m.Region):
        return row.name
    raise TypeError(f"{type(row).__name__} is not a region-owned record")


def visible(regions: set[str] | None, region: str | None) -> bool:
    """Whether a scope (None: everything) includes ``region`` (an object without a region is
    visible only to unscoped users)."""
    return regions is None or (region is not None and region in regions)
