"""The platform's store as the CLI reads it (平台数据): the same data the web pages use.

:func:`platform_workspace` opens the store named by ``COCONTROL_DATABASE_URL`` (else the SQLite
file under ``COCONTROL_HOME``), seeds a fresh, empty store from ``examples/`` exactly as the web
platform does on its first start (regions, reviewed plans, demo observations — no user is
created here), and builds the :class:`~cocontrol.reports.workspace.Workspace` of
:func:`cocontrol.web.services.workspace`: newest plan versions and non-withdrawn submissions. So
``cocontrol report annual`` counts the same statuses as the overview page.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cocontrol import demo
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
    return True


def platform_workspace(url: str | None = None) -> Workspace:
    """The workspace the web platform computes from, read from the store at ``url`` (default:
    ``COCONTROL_DATABASE_URL`` or ``$COCONTROL_HOME/cocontrol.db``)."""
    from cocontrol.web.services import workspace

    factory = session_factory(get_engine(url))
    with factory() as session, session.begin():
        seed_if_empty(session)
    with factory() as session:
        return workspace(session)
