"""Year ranges and peak targets (plans/scope.py), hand-worked expectations (issue 10)."""

from __future__ import annotations

from cocontrol.plans.sentences import find_targets


def _v(text: str) -> list[tuple[int | None, float, str, str]]:
    return [(f.year, f.quantity.value, f.quantity.unit, f.relation) for f in find_targets(text)]


def test_a_level_over_a_year_range_is_one_target_per_year() -> None:
    assert _v("2024—2026年，全市空气质量优良天数比率稳定维持在90%以上。") == [
        (2024, 90.0, "%", ">="), (2025, 90.0, "%", ">="), (2026, 90.0, "%", ">=")]


def test_an_amount_over_a_range_stays_one_target() -> None:
    # 2024—2025年 … 形成节能量约1000万吨标准煤: one amount for the whole range
    assert _v("2024—2025年，建材行业节能降碳改造形成节能量约1000万吨标准煤。") == [
        (2025, 1000.0, "万吨标准煤", "=")]
    assert _v("2021—2025年，全市累计新增造林面积30万亩。") == [(2025, 30.0, "万亩", "=")]


def test_peak_targets_carry_the_year_as_value_and_unit_year() -> None:
    found = find_targets("力争在2027年实现二氧化碳排放达到峰值，陆路交通运输石油消费力争2030年前达到峰值。")
    assert [(f.indicator, f.year, f.quantity.value, f.quantity.unit, f.relation, f.strive) for f in found] == [
        ("二氧化碳排放达峰", 2027, 2027.0, "年", "<=", True),
        ("陆路交通运输石油消费达峰", 2030, 2030.0, "年", "<=", True)]
    (f,) = find_targets("确保如期实现2030年前碳达峰目标。")
    assert (f.indicator, f.year) == ("碳达峰", 2030)


def test_a_peak_without_its_own_year_takes_the_year_of_its_clause() -> None:
    found = find_targets("到2030年，森林蓄积量达到190亿立方米，二氧化碳排放量达到峰值并实现稳中有降。")
    assert sorted((f.indicator, f.year, f.quantity.unit) for f in found) == sorted([
        ("森林蓄积量", 2030, "亿立方米"), ("二氧化碳排放量达峰", 2030, "年")])
    # (round ke) the peak's span runs from the year of its sentence, the gold anchors' convention
    peak = next(f for f in found if f.quantity.unit == "年")
    assert peak.quantity.start == 1


def test_titles_works_and_means_are_not_peak_targets() -> None:
    for text in ("根据《2030年前碳达峰行动方案》，制定本方案。",
                 "到2025年，非化石能源消费比重提高至13%左右，为全省如期实现碳达峰奠定坚实基础。",
                 "到2035年，碳排放达峰后稳中有降。",
                 "落实2030年前碳达峰行动方案，扎实推进碳达峰碳中和工作。"):
        assert [f for f in find_targets(text) if f.quantity.unit == "年"] == [], text


def test_a_dated_peak_the_plan_prepares_for_is_not_its_target() -> None:
    text = "到2025年，绿色制造水平全面提升，为2030年工业领域碳达峰奠定坚实基础。"
    assert [f for f in find_targets(text) if f.quantity.unit == "年"] == []


def test_an_average_rate_over_a_range_is_one_target() -> None:
    assert _v("2023—2025年，全市地区生产总值年均增长6%以上。") == [(2025, 6.0, "%", "increase_by")]
