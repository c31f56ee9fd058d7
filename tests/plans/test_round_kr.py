"""Round kr (issue 10): the classes of blind sets 31–34, each with sentences written for the test."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_a_plan_period_before_a_future_verb_dates_the_goal() -> None:
    # “十五五”将…/力争… after a headline's source (某部门:): the period is the time of the intent → its last year
    assert _keys("某部门:“十五五”将新建200个示范社区。") == [(2030, 200.0, "个")]
    assert _keys("据介绍,“十五五”力争新建绿道300公里。") == [(2030, 300.0, "公里")]


def test_a_plan_period_before_将近_is_no_intent() -> None:
    # negative: 将近 (nearly) is no future verb; a period's completed work stays a report
    assert _keys("会上介绍,“十四五”将近完成了改造800公里。") == []


def test_an_example_of_results_is_no_target() -> None:
    # a paragraph describing work, then 例如，… with no future marker: the example and the sentences after it
    # illustrate results (their 每年/年均 is what a work does yearly, not a goal's pace)
    text = ("某区通过多能互补重构能源体系。例如,某园区建成2兆瓦屋顶光伏,年均减排900吨。"
            "另一园区依托储能电站,每年可消纳5亿千瓦时绿电,减少二氧化碳排放40万吨。")
    assert _keys(text) == []


def test_an_example_that_looks_ahead_stays_a_goal() -> None:
    # negative: an example with its own deadline is a goal; so is one after a paragraph looking ahead
    assert _keys("某区通过多能互补重构能源体系。例如,到2028年,建成示范园区12个。") == [(2028, 12.0, "个")]
    # (round lm: the line after a paragraph opening with 到2027年 and setting no figure is dated by it)
    assert _keys("到2027年，全市将推进清洁取暖。\n例如，完成散煤治理5万户。") == [(2027, 5.0, "万户")]


def test_a_move_between_levels_in_a_year_scope_is_the_goal() -> None:
    # 到2027年，…；森林覆盖率由20%提高到22%；…: inside a year ahead the move names the level to reach
    text = "到2027年,湿地面积稳定在50万亩;森林覆盖率由20%提高到22%;空气质量优良天数比率达到85%。"
    assert _keys(text) == [(2027, 50.0, "万亩"), (2027, 22.0, "%"), (2027, 85.0, "%")]


def test_a_move_between_levels_in_a_past_year_reports() -> None:
    # negative: the same move under a year gone is a report
    assert _keys("2023年,全市森林覆盖率由20%提高到22%;空气质量优良天数比率达到85%。") == []
