"""Bare-number (``=``) targets judged by their meaning, on the reviewed seed plans.

The extractor marks "建成…90座" ``=`` (gold convention, tests/plans/gold/README.md); tracking
judges such targets "at least" so over-building is not read as 偏离. Each case below is a
real target of ``examples/plans`` (quote as published) with hand-worked numbers.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import pytest

from cocontrol import demo
from cocontrol.plans.io import load_yaml
from cocontrol.plans.model import PlanDocument
from cocontrol.tracking import targets_frame
from cocontrol.tracking.status import EQ_TOLERANCE, assess, judge_relation, judged_relations


@cache
def plan(plan_id: str) -> PlanDocument:
    for path in demo.plan_files():
        doc = load_yaml(path)
        if doc.plan.id == plan_id:
            return doc
    raise LookupError(plan_id)


def frame(plan_id: str, ids: list[str], *, quotes: bool = True) -> pd.DataFrame:
    """The targets ``ids`` of a reviewed plan (with their ``quote`` column unless told not)."""
    t = targets_frame(plan(plan_id))
    if not quotes:
        t = t.drop(columns="quote")
    return t[t["target_id"].isin(ids)].reset_index(drop=True)


def observe(target: str, rows: list[tuple[int, float]], unit: str) -> pd.DataFrame:
    return pd.DataFrame([(target, y, v, unit) for y, v in rows], columns=["target", "year", "value", "unit"])


def test_zibo_energy_ports_overbuilt_is_achieved():
    """淄博 T002 "全市建成或改造综合能源港90座" (2025), relation ``=``.

    95 built by 2025. Two-sided: |95 − 90| = 5 > 0.5 % · 90 = 0.45 → the target year has
    passed and the value "misses" → 严重滞后. Judged ≥: 95 ≥ 90 → 已完成.
    """
    t = frame("zibo-2024-synergy", ["T002"])
    assert t.loc[0, "relation"] == "="
    obs = observe("T002", [(2024, 80), (2025, 95)], "座")
    r = assess(t, obs, as_of=2025).iloc[0]
    assert (r["judged_relation"], r["judged_label"]) == (">=", "不低于")
    assert "建成" in r["relation_basis"]
    assert r["status"] == "achieved"
    assert "按“不低于”判定" in r["reason"]
    # the same numbers under a genuine equality (保持) keep the two-sided band:
    held = assess(t.assign(quote="综合能源港保持90座"), obs, as_of=2025).iloc[0]
    assert held["judged_relation"] == "=" and held["status"] == "off_track"
    assert abs(95 - 90) > EQ_TOLERANCE * 90


def test_jinan_charging_stations_ahead_of_target():
    """济南 T014 "全市建成充换电站700座" (2025); 500 in 2023, 720 in 2024, as of 2024.

    ≥: 720 ≥ 700 already → 已完成. Two-sided it would be: not within 3.5 of 700; line
    500 → 720 gives 940 in 2025, shortfall (|940 − 700| − 3.5) / 200 = 1.18 > 0.25 → 严重滞后.
    """
    t = frame("jinan-2023-carbon-peak", ["T014"])
    obs = observe("T014", [(2023, 500), (2024, 720)], "座")
    r = assess(t, obs, as_of=2024).iloc[0]
    assert r["status"] == "achieved" and r["judged_relation"] == ">="
    two_sided = assess(t.assign(quote="充换电站保持700座"), obs, as_of=2024).iloc[0]
    assert two_sided["judged_relation"] == "="
    assert two_sided["forecast"] == pytest.approx(940)
    assert two_sided["status"] == "off_track"


def test_jinan_charging_stations_behind_path_still_judged_one_sided():
    """Same target, 500 (2023) and 560 (2024): path at 2024 = 500 + 200/2 = 600, lag
    (600 − 560)/200 = 0.2 > 0.10; line reaches 620 in 2025, shortfall (700 − 620)/200 = 0.4
    > 0.25 → 严重滞后 (being behind is still behind)."""
    t = frame("jinan-2023-carbon-peak", ["T014"])
    r = assess(t, observe("T014", [(2023, 500), (2024, 560)], "座"), as_of=2024).iloc[0]
    assert r["required_value_now"] == pytest.approx(600)
    assert r["forecast"] == pytest.approx(620)
    assert r["status"] == "off_track"


def test_weihai_river_quality_held_at_100_stays_two_sided():
    """美丽威海 T001 "省控重点河流水质达标率100%" (2027), restated as T017 "重点河流水质达标率保持100%"
    and stored once (issue 9 item 5): a genuine equality.

    Tolerance 0.5 % · 100 = 0.5 point: 99.6 in 2027 meets, 99.0 does not (target year passed).
    """
    t = frame("weihai-2024-beautiful", ["T001"])
    r = assess(t, observe("T001", [(2027, 99.6)], "%"), as_of=2027).iloc[0]
    assert (r["judged_relation"], r["judged_label"]) == ("=", "等于")
    assert r["status"] == "achieved"
    assert assess(t, observe("T001", [(2027, 99.0)], "%"), as_of=2027).iloc[0]["status"] == "off_track"


def test_each_rule_on_seed_targets():
    """The rule that decides, target by target (reviewed plans with their quotes)."""
    cases = {
        ("jinan-2023-carbon-peak", "T011"): (">=", "新增"),      # 新增绿色建筑6000万平方米
        # 城市建成区每年新增和更新…比例为100%: 建成区 is a place, 新增 decides
        ("jinan-2023-carbon-peak", "T017"): (">=", "新增"),
        ("rongcheng-2021-eco", "T049"): (">=", "完成"),          # 55%的行政村完成生活污水治理任务
        ("rongcheng-2021-eco", "T061"): (">=", "新增"),
        ("weihai-2024-beautiful", "T001"): ("=", "未见方向用语"),  # 省控重点河流水质达标率100%
        ("weihai-2024-beautiful", "T013"): (">=", "单位“家”"),    # 市级及以上绿色工业园区4家
        ("weihai-2024-pilot", "T041"): (">=", "种植"),            # 种植鳗草植株2300万株
        ("weihai-2024-pilot", "T014"): (">=", "完成"),            # 完成…10台机组关停
        ("zibo-2024-synergy", "T010"): (">=", "建成"),
    }
    for (plan_id, tid), (relation, word) in cases.items():
        r = judged_relations(frame(plan_id, [tid])).iloc[0]
        assert r["judged_relation"] == relation, (plan_id, tid, r["relation_basis"])
        assert word in r["relation_basis"], (plan_id, tid, r["relation_basis"])


def test_other_relations_are_judged_as_written():
    t = targets_frame(plan("weihai-2024-pilot"))
    j = judged_relations(t)
    written = t["relation"] != "="
    assert written.any()
    assert (j.loc[written, "judged_relation"] == t.loc[written, "relation"]).all()
    assert (j.loc[written, "relation_basis"] == "").all()


def test_without_quotes_the_indicator_decides():
    """Frames without a ``quote`` column (targets_frame as is) use the indicator name."""
    r = judged_relations(frame("zibo-2024-synergy", ["T002"], quotes=False)).iloc[0]
    assert r["judged_relation"] == ">=" and "指标名称含“建成”" in r["relation_basis"]


@pytest.mark.parametrize(("quote", "value", "unit", "expected", "word"), [
    # 威海 pilot, PM2.5: "浓度稳定保持在 24微克/立方米以下" — the ceiling wins over 保持
    ("空气质量持续改善，细颗粒物（PM2.5）浓度稳定保持在 24微克/立方米以下，确保重点河流", 24,
     "微克/立方米", "<=", "以下"),
    # 威海 pilot: "中心城区绿色出行比例稳定在 70%以上" — floor
    ("2024—2026 年绿色出行比例持续稳定在 70%以上。", 70, "%", ">=", "以上"),
    # 荣成: "2025年底前，煤炭消费总量下降10%" — a cut of at least 10 %
    ("落实上级下达的煤炭消费压减任务，2025年底前，煤炭消费总量下降10%。", 10, "%", ">=", "下降"),
    # 美丽威海: "省控重点河流水质达标率100%" — nothing says which side
    ("省控重点河流水质达标率100%，", 100, "%", "=", "未见方向用语"),
])
def test_wording_rules_on_seed_sentences(quote, value, unit, expected, word):
    relation, basis = judge_relation("=", value, "", unit, quote)
    assert relation == expected and word in basis
