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
