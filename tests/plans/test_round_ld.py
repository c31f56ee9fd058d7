"""Round ld (issue 10): the false targets of blind sets 32–36 (reviews, statistics, projections in texts that
also look ahead), each class with sentences written for the test — never a quote of a blind set."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.issued import goal_year_bound


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_an_undated_text_was_written_before_its_earliest_goal_year() -> None:
    # goals for 2018 and 2020 (both before the assumed issue year): the text was written before 2018 was due
    text = "到2018年，全县建成污水处理厂6座；到2020年，城镇污水处理率达到90%。"
    assert goal_year_bound(text) == 2018
    # so a bare 2019 between the two goals is a milestone still ahead, not a report
    keys = _keys(text + "2019年，农村生活污水治理率达到60%。")
    assert (2019, 60.0, "%") in keys and (2020, 90.0, "%") in keys


def test_a_later_year_named_still_leaves_no_bound() -> None:
    # negative: a text naming a year after its goals (a review written later) has no bound
    assert goal_year_bound("到2018年，全县建成污水处理厂6座。2021年，全县已建成8座。") is None
