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
