"""Round uc (issue 10, session 14): figures of reviews in texts that also look ahead.

Sentences written for these tests (no gold quote); the conventions are in tests/plans/gold/README.md, "Round uc
(issue 10, session 14)".
"""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _targets(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


_LEAD = "某县召开新闻发布会，介绍全县生态环境保护工作情况。\n\n"
_SINCE = "“十四五”以来，某县扎实推进污染防治，圆满完成各项目标任务。\n\n"
_DONE = ("空气质量持续向好\n\n五年来，全县空气质量持续改善。\n\n深入打好蓝天保卫战。关停退出砖瓦企业8家，提升改造工业炉窑120家，"
         "新增绩效引领性企业60家。全县空气质量优良天数比率较“十三五”增长12.5%，PM2.5平均浓度下降21%。")
_AHEAD = "\n\n下一步，全县将持续推进治气，到2027年，PM2.5平均浓度降至30微克/立方米。"


# --- a review opening on the years since a plan period began ------------------------------------------------------


def test_a_review_since_a_period_began_reports_whatever_the_period_end() -> None:
    # “十四五”以来 counts from the period's start up to now: its figures are done, though the period is not over
    assert _targets(_LEAD + _SINCE + _DONE + _AHEAD) == [(2027, 30.0, "微克/立方米")]


def test_a_first_sentence_since_a_period_that_turns_ahead_keeps_its_goal() -> None:
    # (the look-alike: the sentence naming the years since goes on to 将 … 到2027年)
    assert _targets("“十四五”以来，全县将加快造林绿化，到2027年森林覆盖率达到65%。") == [(2027, 65.0, "%")]


def test_the_same_work_without_the_review_opening_is_read_as_before() -> None:
    # (nothing but the opening paragraph decides: the same items after a lead only are read as main reads them)
    assert (None, 120.0, "家") in _targets(_LEAD + _DONE)
