"""Round tf (issue 10, session 13): amounts written in words and in other ways.

Sentences written for these tests (no gold quote); the convention is in tests/plans/gold/README.md, "Round tf".
"""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.numerals import cn_to_number
from cocontrol.plans.quantities import find_quantities


def _read(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(text)]


def _targets(text: str) -> list[tuple[int | None, float | None, str | None, str]]:
    return [(t.year, t.value, t.unit, t.relation) for t in extract_plan(text).targets]


# --- 减半: a cut by half -------------------------------------------------------------------------------------------


def test_halving_is_a_cut_by_half() -> None:
    assert _targets("到2035年，全区碳排放总量较2010年减半。") == [(2035, 50.0, "%", "reduce_by")]
    (target,) = extract_plan("力争在2035年前把全区的碳排放总量从2010年的水平减半。").targets
    assert (target.year, target.value, target.base_year) == (2035, 50.0, 2010)


def test_a_fee_charged_at_half_is_no_amount() -> None:
    assert _read("对小微企业减半征收城镇土地使用税。") == []
    assert _targets("2026年起，对小微企业减半征收城镇土地使用税。") == []


# --- a range of 成 ---------------------------------------------------------------------------------------------------


def test_a_range_of_tenths_gives_both_ends() -> None:
    assert _read("公共机构用水量减少二至三成") == [(20.0, "%"), (30.0, "%")]
    assert [v for _, v, _, _ in _targets("到2030年，公共机构用水量较2020年减少二至三成。")] == [20.0, 30.0]


def test_cheng_as_a_verb_stays_no_amount() -> None:
    assert _read("力争两到三成为示范村") == []
    assert _read("已完成三成") == [(30.0, "%")]  # (a single tenth, as before)


# --- 廿 / 卅 and the middle dot ------------------------------------------------------------------------------------


def test_twenty_and_thirty_in_one_character() -> None:
    assert cn_to_number("廿三") == 23.0
    assert cn_to_number("卅") == 30.0
    assert cn_to_number("廿三·五") == 23.5
    assert _read("累计减少廿三·五万吨") == [(23.5, "万吨")]


def test_a_name_with_a_middle_dot_is_no_numeral() -> None:
    assert _read("纪念一·二八淞沪抗战") == []


# --- 公吨 and tonnes of a gas ------------------------------------------------------------------------------------


def test_metric_tonnes_are_a_unit() -> None:
    assert _read("人均碳排放量降至4.5公吨") == [(4.5, "公吨")]
    assert _read("减少120万公吨二氧化碳当量") == [(120.0, "万公吨二氧化碳当量")]
    assert _read("降至9.5百万公吨CO₂e") == [(9.5, "百万公吨CO₂e")]
    assert _read("累计减碳12万吨CO2e") == [(12.0, "万吨CO2e")]
    assert _targets("到2030年，全市人均碳排放量降至4.5公吨。") == [(2030, 4.5, "公吨", "<=")]


def test_the_weight_case_of_plate_glass_is_a_unit() -> None:
    assert _read("压减平板玻璃产能300万重量箱") == [(300.0, "万重量箱")]


def test_standard_racks_are_a_unit() -> None:
    assert _read("集群承载能力达到30万标准机架规模") == [(30.0, "万标准机架")]


def test_hectares_stay_an_area() -> None:
    assert _read("新增湿地120公顷") == [(120.0, "公顷")]


# --- a value and its margin ------------------------------------------------------------------------------------------


def test_a_margin_is_no_amount_of_its_own() -> None:
    assert _read("净排放量减少40%±3%") == [(40.0, "%")]
    assert _read("净排放量减少40±3%") == [(40.0, "%")]
    assert _targets("到2035年，全县温室气体净排放量减少40%±3%。") == [(2035, 40.0, "%", "reduce_by")]


def test_a_range_without_margin_keeps_both_ends() -> None:
    assert _read("净排放量减少36%～40%") == [(36.0, "%"), (40.0, "%")]


# --- a decimal point written as a small full stop -------------------------------------------------------------------


def test_a_small_full_stop_between_digits_is_a_decimal_point() -> None:
    assert _targets("2026年，全县居民消费价格涨幅控制在２﹒５％左右。") == [(2026, 2.5, "%", "<=")]


def test_spaces_round_a_decimal_point_inside_a_number() -> None:
    assert _targets("2026年全县主要预期目标是：地区生产总值增长7 . 5%左右。") == [(2026, 7.5, "%", "increase_by")]


def test_a_page_number_after_a_heading_stays_apart() -> None:
    assert _read("第三章 保障措施 . 25 第四章") == []


def test_a_small_full_stop_after_a_number_ends_nothing_new() -> None:
    assert _read("完成2项﹒其余") == [(2.0, "项")]


# --- a range whose low end carries its 万 / 亿 --------------------------------------------------------------------


def test_the_high_end_after_a_prefixed_low_end_is_read() -> None:
    assert _read("年产量为3000万-3500万吨。") == [(3000.0, "万吨"), (3500.0, "万吨")]
    assert _read("用气量达到80亿～95亿立方米。") == [(80.0, "亿立方米"), (95.0, "亿立方米")]


# --- 倍增 -------------------------------------------------------------------------------------------------------------


def test_doubling_as_the_goal_of_its_clause() -> None:
    assert _read("储能装机实现倍增。") == [(2.0, "倍")]
    assert _targets("到2030年，全市储能装机实现倍增。") == [(2030, 2.0, "倍", "=")]


def test_a_doubling_programme_is_a_name() -> None:
    assert _read("实施居民收入倍增计划。") == []


# --- a deadline, then 把/将 and its object -----------------------------------------------------------------------------


def test_a_deadline_before_ba_and_its_object_dates_the_goal() -> None:
    assert _targets("力争在2030年前把全县的碳排放量降低30%。") == [(2030, 30.0, "%", "reduce_by")]


def test_a_year_qualifying_a_noun_still_dates_nothing() -> None:
    assert [year for year, *_ in _targets("淘汰2005年以前注册的营运黄标车50辆。")] == [None]
