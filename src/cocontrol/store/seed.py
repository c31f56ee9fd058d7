"""First-start seeding (首次启动初始化), idempotent.

* regions of the seed cities (山东省 → 济南市, 淄博市, 威海市 → 荣成市);
* the reviewed plans in ``examples/plans/*.yaml`` (through ``cocontrol.plans.io.load_yaml``);
* the demo observations (``examples/observations``) as submissions labelled as in the file (a
  judgement word such as 进展正常 as a submission with that judgement and no value);
* the demo 碳普惠 records (``examples/inclusive``) as one batch per city of an illustrative partner;
* the ``admin`` user, password from ``COCONTROL_ADMIN_PASSWORD`` or generated and printed once.

Each step checks what is already there, so a second start changes nothing and a plan added to
``examples/`` later is picked up on the next start.
"""

from __future__ import annotations

import importlib
import logging
import math
import secrets
import sys
from collections.abc import Callable

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cocontrol import demo
from cocontrol.plans.model import PlanDocument
from cocontrol.store import models as m
from cocontrol.store.audit import record
from cocontrol.store.plans import store_plan
from cocontrol.store.regions import ensure_region
from cocontrol.tracking.observations import JUDGEMENTS

log = logging.getLogger(__name__)


def ensure_admin(session: Session, password: str | None, hasher: Callable[[str], str],
                 echo: Callable[[str], None] | None = None) -> str | None:
    """Create ``admin`` when no user exists; returns the generated password (None otherwise)."""
    if session.scalar(select(func.count()).select_from(m.User)):
        return None
    generated = None
    if not password:
        password = generated = secrets.token_urlsafe(12)
    user = m.User(username="admin", password_hash=hasher(password), role="admin")
    session.add(user)
    record(session, "seed", "insert", user)
    if generated and echo is not None:
        echo(f"cocontrol: created user admin with password {generated} (shown once; "
             "set COCONTROL_ADMIN_PASSWORD to choose it)")
    return generated


def _load_yaml() -> Callable[..., PlanDocument] | None:
    try:
        return importlib.import_module("cocontrol.plans.io").load_yaml
    except (ModuleNotFoundError, AttributeError):
        return None


def seed_plans(session: Session) -> list[int]:
    """Store every reviewed demo plan (same content twice is a no-op). A plan the store refuses
    (e.g. the same document under another id, :func:`cocontrol.store.plans.store_plan`) or a file
    that cannot be read is left out — its own savepoint is rolled back, the reason logged in
    Chinese naming the file — and the others are stored, so one bad file never stops the start."""
    from cocontrol.errors import CocontrolError
    from cocontrol.messages import render_error

    load = _load_yaml()
    if load is None:
        return []
    ids = []
    for path in demo.plan_files():
        try:
            with session.begin_nested():
                ids.append(store_plan(session, load(path), actor="seed"))
        except CocontrolError as exc:
            log.warning("示例规划 %s 未入库：%s", path.name, render_error(exc, "zh", strict=True))
    return ids


def _latest_targets(session: Session) -> dict[tuple[str, str], m.Target]:
    rows = session.execute(
        select(m.Plan.slug, m.Plan.version, m.Target).join(m.Target, m.Target.plan_id == m.Plan.id)
    ).all()
    best: dict[tuple[str, str], tuple[int, m.Target]] = {}
    for slug, version, target in rows:
        key = (slug, target.key)
        if key not in best or version > best[key][0]:
            best[key] = (version, target)
    return {k: v[1] for k, v in best.items()}


def seed_observations(session: Session, observations: pd.DataFrame | None = None) -> int:
    """Demo observations → submissions (submitter ``seed``), once per (plan, target, year, value)."""
    obs = demo.observations() if observations is None else observations
    if obs.empty:
        return 0
    targets = _latest_targets(session)
    frame = pd.DataFrame([{"target_id": f"{slug}/{key}", "plan_id": slug, "key": key,
                           "indicator": t.indicator or "", "region": t.plan.region or ""}
                          for (slug, key), t in targets.items()])
    existing = set(session.execute(
        select(m.Submission.target_id, m.Submission.period, m.Submission.value, m.Submission.judgement)
        .where(m.Submission.submitter == "seed")
    ).all())
    added = 0
    for rec in obs.to_dict("records"):
        value = _number(rec.get("value"))
        word = None if value is not None else _text(rec.get("value")).strip()
        if value is None and word not in JUDGEMENTS:
            continue  # neither a number nor a judgement (完成/进展正常 …): nothing to seed
        for target in _targets_of(rec, targets, frame):
            key = (target.id, int(rec["year"]), value, word)
            if key in existing:
                continue
            existing.add(key)
            unit = "" if word else _text(rec.get("unit")) or target.unit or ""
            session.add(m.Submission(
                region=_text(rec.get("region")) or target.plan.region or "", target_id=target.id,
                period=int(rec["year"]), value=value, judgement=word, unit=unit,
                label=_text(rec.get("label")) or "illustrative", source=_text(rec.get("source")),
                submitter="seed", note="示例数据 / demo data",
            ))
            added += 1
    return added


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _targets_of(rec: dict, targets: dict[tuple[str, str], m.Target], frame: pd.DataFrame) -> list[m.Target]:
    """The stored target(s) an observation row is for: by plan and target id when the row names
    them, else by its indicator text within its region (and plan), as a department's report is
    matched (:func:`cocontrol.tracking.observations.resolve_target`)."""
    plan, key = _text(rec.get("plan")), _text(rec.get("target"))
    if key:
        hit = targets.get((plan, key))
        return [hit] if hit is not None else []
    if frame.empty or not _text(rec.get("indicator")):
        return []
    from cocontrol.tracking.observations import resolve_target

    region = _text(rec.get("region")) or None
    pool = frame[frame["plan_id"] == plan] if plan else frame
    ids, _ = resolve_target(_text(rec.get("indicator")), pool.reset_index(drop=True), region)
    chosen = pool[pool["target_id"].isin(ids)]
    if region:
        chosen = chosen[chosen["region"] == region]
    return [targets[(p, k)] for p, k in zip(chosen["plan_id"], chosen["key"], strict=True)]


def seed(session: Session, *, admin_password: str | None, hasher: Callable[[str], str],
         echo: Callable[[str], None] | None = None) -> None:
    """Run every seeding step in one transaction (the caller commits)."""
    for name in demo.CITIES.values():
        ensure_region(session, name, actor="seed")
    seed_plans(session)
    session.flush()
    seed_observations(session)
    importlib.import_module("cocontrol.store.inclusive").seed_inclusive(session)
    importlib.import_module("cocontrol.store.restoration").seed_restoration(session)
    ensure_admin(session, admin_password, hasher, echo or (lambda s: print(s, file=sys.stderr)))
