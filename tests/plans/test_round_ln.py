"""Round ln (issue 10): classes of blind sets 39, 40 and 37, each with sentences written for the test —
never a quote of a blind set — and a negative."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_a_span_of_years_opened_by_cong_is_no_base_year() -> None:
    # 从A-B年，每年… : 从 opens the span of years the yearly amount is kept over (one record per year)
    text = "从2026-2028年，每年新建3个乡镇垃圾转运站。"
    assert _keys(text) == [(2026, 3.0, "个"), (2027, 3.0, "个"), (2028, 3.0, "个")]


def test_cong_before_a_single_year_is_still_a_base() -> None:
    # negative: 从2020年的…提高到… is a move from a base year's level, and a 从 span naming a source of figures dates
    # nothing to come
    assert _keys("到2027年，污水处理率从2020年的85%提高到95%。") == [(2027, 95.0, "%")]
    assert _keys("从2019-2022年的数据看，全市新建污水处理站40个。") == []
