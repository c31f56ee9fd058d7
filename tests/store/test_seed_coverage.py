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


def test_a_target_stated_twice_is_stored_once_with_both_quotes(seeded) -> None:
    """Issue 9 item 5: 威海's pilot plan states 核能供热面积 1100万平方米 (2025) in 主要目标 and again in
    the task 安全有序开发利用核能 (“…核能供热面积分别达到650万平方米、1100万平方米、1100万平方米”);
    the store holds it once, its quote the first statement and ``quotes`` the second. No seed plan
    holds the same indicator, year, value, unit and relation twice."""
    s = seeded
    rows = s.execute(select(m.Plan.slug, m.Target.indicator, m.Target.year, m.Target.value, m.Target.unit,
                            m.Target.relation).join(m.Plan, m.Plan.id == m.Target.plan_id)).all()
    seen = [tuple(r) for r in rows]
    assert len(seen) == len(set(seen)), sorted({r for r in seen if seen.count(r) > 1})
    heat = s.scalars(select(m.Target).join(m.Plan, m.Plan.id == m.Target.plan_id).where(
        m.Plan.slug == "weihai-2024-pilot", m.Target.indicator == "核能供热面积", m.Target.year == 2025)).all()
    assert len(heat) == 1
    assert heat[0].quote.startswith("——2025年，核电在建在运装机规模达到566万千瓦")
    assert any("分别达到650万平方米、1100万平方米、1100万平方米" in q for q in heat[0].quotes or [])
    # 核电在运装机规模 is three targets (2024: 20, 2025: 326, 2026: 326万千瓦), one per year, not a repeat
    nuclear = s.execute(select(m.Target.year, m.Target.value).join(m.Plan, m.Plan.id == m.Target.plan_id).where(
        m.Plan.slug == "weihai-2024-pilot", m.Target.indicator == "核电在运装机规模")).all()
    assert sorted((y, v) for y, v in nuclear) == [(2024, 20.0), (2025, 326.0), (2026, 326.0)]
