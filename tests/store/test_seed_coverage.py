"""A fresh platform store shows the demo story (issue 9, item 5): the demo observations,
most of which name their target by indicator text as a department's report does, reach at
least 80 % of each seed city's stored targets as submissions labelled illustrative; and
judged through the functions the overview and city pages use (``gather`` → ``status_by_target``
→ ``target_rows``), at least 80 % of each city's targets end with a status other than 无数据,
every status appears, and 无数据 never stands beside a value (a qualitative target is judged
from its reported 完成情况, which the store keeps)."""

import importlib
import pkgutil

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

import cocontrol.store
from cocontrol.store import models as m
from cocontrol.store.platform import seed_if_empty

CITIES = {"济南市", "淄博市", "威海市", "荣成市"}


@pytest.fixture(scope="module")
def seeded():
    for mod in pkgutil.iter_modules(cocontrol.store.__path__):
        if mod.name != "migrations":
            importlib.import_module(f"cocontrol.store.{mod.name}")
    engine = create_engine("sqlite://")
    m.Base.metadata.create_all(engine)
    with Session(engine) as s:
        assert seed_if_empty(s)
        s.flush()
        yield s


def test_seeded_submissions_cover_most_targets_of_every_city(seeded) -> None:
    s = seeded
    covered = dict(s.execute(
        select(m.Plan.region, func.count(func.distinct(m.Submission.target_id)))
        .join(m.Target, m.Target.id == m.Submission.target_id)
        .join(m.Plan, m.Plan.id == m.Target.plan_id).group_by(m.Plan.region)).all())
    total = dict(s.execute(
        select(m.Plan.region, func.count(m.Target.id))
        .join(m.Target, m.Target.plan_id == m.Plan.id).group_by(m.Plan.region)).all())
    labels = set(s.scalars(select(m.Submission.label).where(m.Submission.submitter == "seed")))
    units = set(s.scalars(select(m.Submission.unit).where(m.Submission.submitter == "seed")))
    assert set(total) == CITIES
    for city, n in total.items():
        assert covered.get(city, 0) / n >= 0.8, (city, covered.get(city, 0), n)
    assert labels == {"illustrative"}
    assert "nan" not in units  # a blank unit cell takes the target's unit, never the text nan
    judged = set(s.scalars(select(m.Submission.judgement).where(m.Submission.judgement.is_not(None))))
    # the qualitative targets' reported judgements are stored, as judgements (not numbers)
    assert {"完成", "进展正常", "存在风险"} <= judged <= {"完成", "进展正常", "存在风险", "未完成"}


def test_every_city_page_shows_a_real_status_for_most_targets(seeded) -> None:
    from cocontrol.reports.workspace import gather
    from cocontrol.web.services import status_by_target, workspace
    from cocontrol.web.views import target_rows

    ws = workspace(seeded)
    seen: set[str] = set()
    for city in sorted(CITIES):
        res = gather(city, 2025, ws, layers=("tracking",))
        rows = target_rows(seeded, city, status_by_target(res))
        real = [r for r in rows if r["status"] not in (None, "无数据")]
        assert len(real) / len(rows) >= 0.8, (city, len(real), len(rows),
                                              [r["indicator"] for r in rows if r not in real])
        seen |= {r["status"] for r in real}
        # every status with its basis; 无数据 never beside a value
        assert all(r["basis"] and r["latest_year"] for r in real), city
        assert all(not r["basis"] and r["latest_text"] == "—" for r in rows if r not in real), city
    assert seen == {"已完成", "进度正常", "存在风险", "严重滞后"}
