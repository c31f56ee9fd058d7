"""Observations imported by ``cocontrol track import`` stored as the platform's submissions.

For a plan stored in the platform (``--plan`` names its id), the CLI writes what a department
would report on the 部门工作台: one :class:`~cocontrol.store.models.Submission` per numeric row,
each with an audit row (新增), all in one transaction (all or nothing), and marks the cached
results stale — so ``track status``, ``report annual`` and the web pages read the same values.
"""

from __future__ import annotations

import math

import pandas as pd
from sqlalchemy import select

from cocontrol.errors import InputError
from cocontrol.store import models as m
from cocontrol.store.audit import record
from cocontrol.store.platform import _sessions


def store_observations(obs: pd.DataFrame, plan: str, *, submitter: str, source: str,
                       url: str | None = None) -> tuple[int, int]:
    """Store the numeric rows of validated ``obs`` for the newest stored version of ``plan``;
    returns (rows stored, rows without a number — a judgement word — not stored)."""
    from cocontrol.web.services import bump

    with _sessions(url)() as session, session.begin():
        row = session.scalars(select(m.Plan).where(m.Plan.slug == plan).order_by(m.Plan.version.desc())).first()
        if row is None:
            raise InputError("plan not found", file=plan, expected="the id of a plan in the platform's database")
        targets = {t.key: t for t in session.scalars(select(m.Target).where(m.Target.plan_id == row.id))}
        stored = skipped = 0
        for rec in obs.to_dict("records"):
            value = rec.get("value")
            if value is None or (isinstance(value, float) and math.isnan(value)):
                skipped += 1
                continue
            key = str(rec.get("target") or "").split("/", 1)[-1]
            target = targets.get(key)
            if target is None:
                raise InputError("unknown target", file=str(rec.get("file") or source), row=rec.get("row"),
                                 column="target", found=key, expected="a target of the plan")
            sub = m.Submission(region=str(rec.get("region") or row.region or ""), target_id=target.id,
                               period=int(rec["year"]), value=float(value),
                               unit=str(rec.get("unit") or target.unit or ""),
                               label=str(rec.get("label") or "reported"), source=source,
                               submitter=submitter, note="")
            session.add(sub)
            record(session, submitter, "insert", sub)
            stored += 1
        bump(session)
    return stored, skipped
