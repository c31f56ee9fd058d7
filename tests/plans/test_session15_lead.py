"""Lead fixes of session 15 (issue 10): an amount closing a clause of a goal is read whatever its verb.

Sentences written for these tests (no gold quote); the reading is described in tests/plans/gold/README.md, "Session
15".
"""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _targets(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


@pytest.mark.parametrize(("text", "expected"), [
    # verbs no lexicon of the extractor lists: 化解, 压缩, 投放, 发布
    ("到2028年，全市力争化解过剩焦化产能150万吨。", [(2028, 150.0, "万吨")]),
    ("到2027年，压缩平板玻璃产能800万重量箱以上。", [(2027, 800.0, "万重量箱")]),
    ("力争到2029年投放共享电单车1.2万辆。", [(2029, 1.2, "万辆")]),
    ("确保2027年底前发布团体标准15项以上。", [(2027, 15.0, "项")]),
])
def test_an_amount_closing_a_goal_clause_is_read_whatever_its_verb(
        text: str, expected: list[tuple[int | None, float | None, str | None]]) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize("text", [
    # what was done, between the goal's marker and the amount
    "全市将建成充电站50座，目前已投放共享电单车8000辆。",
    # the plan's own parts, money, a rule's share, a shortfall
    "到2027年，共设置主要指标21项，其中约束性指标9项。",
    "每年将从排污费中拨款3亿元。",
    "将按年度验收合格面积的30%，对区县给予奖励。",
    "企业清洁运输比例达不到70%部分，要采用新能源车辆。",
])
def test_no_amount_is_read_where_the_clause_tells_no_goal(text: str) -> None:
    assert all(v not in (8000.0, 21.0, 9.0, 3.0, 30.0, 70.0) for _, v, _ in _targets(text))
