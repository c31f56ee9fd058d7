"""Round ae (issue 10, session 16): statements of what was done or what is, read as goals.

Sentences written for these tests (none is a gold quote).
"""
from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _values(text: str) -> list[tuple[int | None, float]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


@pytest.mark.parametrize("text", [
    # a class named with 以上 (规模以上, 限额以上, 县级以上) bounds no amount: a year's results stay results
    "全县规模以上工业增加值增长7.2%，限额以上批发业销售额增长9%。",
    "全区地区生产总值增长5.8%，规上工业增加值增长6.6%，规模以上服务业营业收入增长11%。",
    "规模以上工业能耗下降4.5%，单位地区生产总值能耗下降3.2%。",
    "县级以上城市建成区绿地率达到38.5%。",
    "規模以上工業增加值增長8.3%，固定資產投資增長5%。",
])
def test_class_named_with_yishang_bounds_nothing(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # what must not change: an amount bounded by 以上 is a goal's level, a class named beside it or not
    ("全市规模以上工业增加值增长8%以上。", [(None, 8.0)]),
    ("县级以上城市空气质量优良天数比率达到85%以上。", [(None, 85.0)]),
])
def test_amount_bounded_stays_a_goal(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected
