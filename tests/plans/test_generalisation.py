"""General rules found missing by the blind test on unseen sentences (issue 2).

Each rule is checked on sentences written for this file in the style of other provinces'
plans (none is a holdout or seed sentence unless it says which seed it comes from). Expected
values are read off the sentence by hand, following tests/plans/gold/README.md.
"""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.sentences import Found, find_targets


def _values(found: list[Found]) -> list[tuple[int | None, float, str, str, int | None]]:
    return [(f.year, f.quantity.value, f.quantity.unit, f.relation, f.base_year) for f in found]


# --- 1. a bare future year after 与YYYY年相比 -------------------------------------------------


def test_bare_future_year_after_a_base_year_phrase_is_the_target_year() -> None:
    # 宁夏-style: no 到/至 before 2025年, but 2025 is after the issue year and 下降 is a change
    s = "与2020年相比，2025年全区规模以上工业单位增加值能耗下降14.5%，单位地区生产总值用水量下降10%。"
    assert _values(find_targets(s)) == [
        (2025, 14.5, "%", "reduce_by", 2020), (2025, 10.0, "%", "reduce_by", 2020),
    ]


def test_bare_year_after_a_base_year_phrase_before_the_issue_year_is_a_report() -> None:
    # the same wording about a year before the issue year reports a result
    s = "与2015年相比，2020年全区规模以上工业单位增加值能耗下降17.2%。"
    assert find_targets(s) == []
    # read in a plan issued in 2026, 2025 is past too
    later = "与2020年相比，2025年全区规模以上工业单位增加值能耗下降14.5%。"
    assert find_targets(later, issue_year=2026) == []


# --- 2. achievements of past years -----------------------------------------------------------


def test_past_bare_year_with_achievement_verbs_is_a_report() -> None:
    # 江西-style annual review: 2022 is before the assumed issue year (2024) and 完成/达到 report
    assert find_targets("2022年全省完成人工造林面积86万亩，湿地保护率达到62.1%。") == []
    # a range ending before the issue year with 累计 (河南-style)
    assert find_targets("郑州市2016年至2020年累计淘汰黄标车和老旧车4.6万辆、燃煤锅炉1200台。") == []
    assert find_targets("2016—2020年，全市累计关停小火电机组86万千瓦。") == []
    # a verb in the past tense reports whatever the year
    assert find_targets("全市单位地区生产总值能耗累计下降了15.8%。") == []


def test_future_and_prescribed_bare_years_stay_targets() -> None:
    # 2025 is not before the issue year: a target even without 到
    (f,) = find_targets("2025年，全省城市建成区绿地率达到39%。")
    assert (f.year, f.quantity.value, f.relation) == (2025, 39.0, ">=")
    # an annual work plan's own year with a prescribed bound (控制在…以内) is a target
    (g,) = find_targets("2023年，全市细颗粒物平均浓度控制在38微克/立方米以内。")
    assert (g.year, g.quantity.value, g.relation) == (2023, 38.0, "<=")
    # 力争 marks a target even for a year the default would call past
    (h,) = find_targets("2023年全市力争完成营造林面积12万亩。")
    assert (h.year, h.quantity.value, h.strive) == (2023, 12.0, True)


def test_plan_date_sets_the_issue_year() -> None:
    # a plan dated 2022: 2021 is a report, 2023 (after the issue year) a target
    text = ("某市人民政府\n关于印发某市林业发展实施方案的通知\n2022年3月1日\n"
            "2021年全市完成营造林面积8.6万亩。2023年全市完成营造林面积9万亩。\n")
    doc = extract_plan(text)
    assert doc.plan.date is not None and doc.plan.date.year == 2022
    assert [(t.year, t.value, t.unit) for t in doc.targets] == [(2023, 9.0, "万亩")]


# --- 3. the hedge 约 only as a word of its own ----------------------------------------------


def test_yue_inside_jieyue_is_not_a_hedge() -> None:
    (f,) = find_targets("“十四五”期间，全省累计节约能源480万吨标准煤。")
    assert (f.year, f.quantity.value, f.approx, f.cumulative) == (2025, 480.0, False, True)
    (g,) = find_targets("到2025年，全市万元工业增加值用水量下降16%，强化用水总量约束。")
    assert g.approx is False
    (h,) = find_targets("到2025年，全省新型储能装机规模达到约300万千瓦。")
    assert (h.quantity.value, h.approx) == (300.0, True)
    (k,) = find_targets("到2030年，全区非化石能源消费比重约为25%。")
    assert k.approx is True
