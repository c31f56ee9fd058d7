"""Amounts of work over a range of years (issue 10, lead, session 10): one target for the range's
last year, as the annotators of every group record them (gold README: a level kept is one per
year; an amount to do over the range is one total)."""
from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return sorted((t.year, t.value, t.unit) for t in extract_plan(text).targets)


def test_an_amount_over_a_range_is_one_total_even_before_a_yearly_effect() -> None:
    # 每年 belongs to the clause after the amount (the yearly saving it brings), not to the amount
    text = "2026—2028年，某市新增空气源热泵供暖面积300万平方米，每年替代标煤5万吨。"
    assert (2028, 300.0, "万平方米") in _keys(text)
    assert not [k for k in _keys(text) if k[1] == 300.0 and k[0] != 2028]


def test_land_treated_over_a_range_is_one_total() -> None:
    text = "2027年—2030年，治理水土流失面积1200平方公里。"
    assert _keys(text) == [(2030, 1200.0, "平方公里")]


def test_a_level_kept_over_a_range_is_still_one_per_year() -> None:
    text = "2025—2027年，全市空气质量优良天数比率保持在85%以上。"
    assert _keys(text) == [(2025, 85.0, "%"), (2026, 85.0, "%"), (2027, 85.0, "%")]


# Round rc: the decision is read from what the quantity is, not from a list of verbs — a count or a physical
# quantity (个, 处, 公里, 万亩, 万千瓦 …) over a range is one total for its last year whatever the verb (建设,
# 布局, 推进 …); a level (a share, a concentration, days of good air) or an amount held as a state (稳定在,
# 保持) is one record per year; 每年 N 个 is per year.


def test_counts_over_a_range_are_one_total_whatever_the_verb() -> None:
    assert _keys("2025—2027年，全市建设口袋公园60个。") == [(2027, 60.0, "个")]
    assert _keys("2024—2026年，全区建设城市绿道80公里、口袋公园25处。") == [(2026, 25.0, "处"), (2026, 80.0, "公里")]
    # a floor (以上) on a count is still an amount to build, not a level held
    assert _keys("2025—2027年，全省建设5G基站1万个以上。") == [(2027, 1.0, "万个")]


def test_areas_and_capacities_over_a_range_are_one_total() -> None:
    assert _keys("2026—2028年，全县高标准农田建设面积45万亩。") == [(2028, 45.0, "万亩")]
    assert _keys("2025—2027年，布局建设光伏发电项目300万千瓦。") == [(2027, 300.0, "万千瓦")]


def test_shares_and_concentrations_held_over_a_range_are_one_per_year() -> None:
    assert _keys("2025—2027年，城市生活垃圾回收利用率稳定在40%以上。") == [
        (2025, 40.0, "%"), (2026, 40.0, "%"), (2027, 40.0, "%")]
    assert _keys("2024—2026年，全市PM2.5平均浓度控制在30微克/立方米以下。") == [
        (2024, 30.0, "微克/立方米"), (2025, 30.0, "微克/立方米"), (2026, 30.0, "微克/立方米")]
    assert _keys("2025—2027年，全市空气质量优良天数不少于300天。") == [
        (2025, 300.0, "天"), (2026, 300.0, "天"), (2027, 300.0, "天")]


def test_a_physical_quantity_held_as_a_state_is_one_per_year() -> None:
    assert _keys("2024—2026年，粮食产量稳定在500万吨以上。") == [
        (2024, 500.0, "万吨"), (2025, 500.0, "万吨"), (2026, 500.0, "万吨")]


def test_a_count_each_year_is_one_per_year() -> None:
    assert _keys("2025—2027年，每年新建充电站20座。") == [(2025, 20.0, "座"), (2026, 20.0, "座"), (2027, 20.0, "座")]
