"""The platform's store as the CLI reads it (平台数据): the same data the web pages use.

:func:`platform_workspace` opens the store named by ``COCONTROL_DATABASE_URL`` (else the SQLite
file under ``COCONTROL_HOME``), seeds a fresh, empty store from ``examples/`` exactly as the web
platform does on its first start (regions, reviewed plans, demo observations — no user is
created here), and builds the :class:`~cocontrol.reports.workspace.Workspace` of
:func:`cocontrol.web.services.workspace`: newest plan versions and non-withdrawn submissions. So
``cocontrol report annual`` counts the same statuses as the overview page.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cocontrol import demo
from cocontrol.plans.model import PlanDocument
from cocontrol.reports.workspace import Workspace
from cocontrol.store import models as m
from cocontrol.store.db import get_engine, session_factory
from cocontrol.store.regions import ensure_region
from cocontrol.store.seed import seed_observations, seed_plans


def seed_if_empty(session: Session) -> bool:
    """Seed regions, plans and demo observations when the store holds no plan; True if it did."""
    if session.scalar(select(func.count()).select_from(m.Plan)):
        return False
    for name in demo.CITIES.values():
        ensure_region(session, name)
    seed_plans(session)
    session.flush()
    seed_observations(session)
    __import__("cocontrol.store.restoration", fromlist=["_"]).seed_restoration(session)
    return True


def latest_task_progress(session: Session, task_ids: list[int] | None = None) -> dict[int, dict]:
    """任务最新进度: each task's latest reported progress — the newest non-withdrawn submission
    (year = its period), else the task's own record when it holds a progress or a note (year
    None); a task with neither is absent (未报送). One definition for the 调度表, the department
    workspace and the target page. ``task_ids``: only these tasks (default: every task)."""
    query = select(m.Task.id, m.Task.progress, m.Task.status_note)
    subq = (select(m.Submission.task_id, m.Submission.period, m.Submission.progress, m.Submission.note)
            .where(m.Submission.task_id.is_not(None), m.Submission.withdrawn.is_(False))
            .order_by(m.Submission.period, m.Submission.id))
    if task_ids is not None:
        query = query.where(m.Task.id.in_(task_ids))
        subq = subq.where(m.Submission.task_id.in_(task_ids))
    latest = {tid: {"year": period, "progress": progress, "note": note or ""}
              for tid, period, progress, note in session.execute(subq).all()}
    out: dict[int, dict] = {}
    for tid, progress, note in session.execute(query).all():
        if tid in latest:
            out[tid] = latest[tid]
        elif progress or note:
            out[tid] = {"year": None, "progress": progress, "note": note or ""}
    return out


def task_progress_frame(session: Session) -> pd.DataFrame:
    """Latest reported progress of every task of the newest plan versions: plan, task, year,
    progress (%), note (:func:`latest_task_progress`)."""
    from cocontrol.web.services import latest_plan_ids

    ids = latest_plan_ids(session)
    tasks = session.execute(select(m.Task.id, m.Plan.slug, m.Task.key)
                            .join(m.Plan, m.Plan.id == m.Task.plan_id).where(m.Task.plan_id.in_(ids))).all()
    latest = latest_task_progress(session)
    rows = [{"plan": slug, "task": key, **latest[tid]} for tid, slug, key in tasks if tid in latest]
    return pd.DataFrame(rows, columns=["plan", "task", "year", "progress", "note"])


def platform_workspace(url: str | None = None) -> Workspace:
    """The workspace the web platform computes from, read from the store at ``url`` (default:
    ``COCONTROL_DATABASE_URL`` or ``$COCONTROL_HOME/cocontrol.db``)."""
    from cocontrol.web.services import workspace

    factory = session_factory(get_engine(url))
    with factory() as session, session.begin():
        seed_if_empty(session)
    with factory() as session:
        return workspace(session)


def _sessions(url: str | None):  # type: ignore[no-untyped-def]
    factory = session_factory(get_engine(url))
    with factory() as session, session.begin():
        seed_if_empty(session)
    return factory


def stored_plan(slug: str, url: str | None = None) -> PlanDocument | None:
    """The newest stored version of the plan ``slug`` (None when the store has no such plan)."""
    from cocontrol.store.plans import load_document

    with _sessions(url)() as session:
        row = session.scalars(select(m.Plan.id).where(m.Plan.slug == slug).order_by(m.Plan.version.desc())).first()
        return load_document(session, row) if row is not None else None


def stored_observations(slug: str, url: str | None = None) -> pd.DataFrame:
    """Non-withdrawn submissions for the plan ``slug`` in the observation layout of
    :mod:`cocontrol.tracking` (target ids as the plan numbers them)."""
    from cocontrol.web.services import observations_frame

    with _sessions(url)() as session:
        obs = observations_frame(session)
    if obs.empty:
        return obs
    obs = obs[obs["plan"] == slug].copy()
    obs["target"] = obs["target"].str.split("/", n=1).str[1]
    return obs.reset_index(drop=True)
