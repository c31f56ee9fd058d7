"""Round zb (issue 10, session 15): a task named before its amount, and a share told with 相当于.

Sentences written for these tests (none is a gold quote).
"""
from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _values(text: str) -> list[tuple[int | None, float]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


@pytest.mark.parametrize("text, expected", [
    # a task named right before its amount, no year: the amount of work to do, and its 其中 parts
    ("治理任务605.9万亩，其中：造林种草194.8万亩、林草质量提升411.1万亩。", [605.9, 194.8, 411.1]),
    ("治理任務605.9萬畝，其中：造林種草194.8萬畝。", [605.9, 194.8]),
    ("第二片区：由乙县负责，造林任务12万亩，其中人工造林8万亩、封山育林4万亩。", [12.0, 8.0, 4.0]),
    ("植树任务是50万株。", [50.0]),
    ("防沙治沙任务约30万亩，由三个旗县分担。", [30.0]),
    ("东部片区由两县协同推进，治理任务1200公顷。", [1200.0]),
])
def test_task_named_before_its_amount(text: str, expected: list[float]) -> None:
    assert [v for _, v in _values(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # 相当于 X 的比例: a share of a whole, told like 占 — a goal, not an equivalence
    ("到2010年研发经费支出相当于地区生产总值的比例达到2.8%以上。", [(2010, 2.8)]),
    ("到2030年，全市教育投入相当于财政支出的比重保持在20%以上。", [(2030, 20.0)]),
    ("到2025年研发投入相當於營業收入的比例達到3%。", [(2025, 3.0)]),
])
def test_share_told_with_xiangdangyu(text: str, expected: list[tuple[int, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: a task reported done, a share of the task done, an equivalence
    "已完成治理任务605.9万亩。",
    "2020年全县完成治理任务605.9万亩。",
    "全年完成造林任务12万亩，占计划的105%。",
    "完成年度任务的105%。",
])
def test_task_done_stays_out(text: str) -> None:
    assert _values(text) == []


def test_equivalence_stays_out() -> None:
    assert _values("到2025年，光伏年发电量将达到2亿千瓦时，相当于节约标准煤6万吨。") == [(2025, 2.0)]


@pytest.mark.parametrize("text, expected", [
    # a level reached (达到/提高到 …) over a year range: one target for the range's end, a floor (以上) after it or not,
    # and 保持 inside a noun (水土保持率) holds nothing
    ("2026—2035年，全省森林覆盖率达到65%以上。", [(2035, 65.0)]),
    ("2021—2025年，全县水土保持率达到80%以上。", [(2025, 80.0)]),
    ("2021—2025年，全县水土保持率提高到80%。", [(2025, 80.0)]),
    ("2021-2025年，全區草原綜合植被蓋度達到60%以上。", [(2025, 60.0)]),
])
def test_level_reached_over_a_range(text: str, expected: list[tuple[int, float]]) -> None:
    assert _values(text) == expected


def test_level_held_over_a_range_stays_each_year() -> None:
    # what must not change: a level held (稳定在, 保持在) or told bare over a range holds in each of its years
    assert [y for y, _ in _values("2021—2025年，湿地保护率稳定在55%以上。")] == [2021, 2022, 2023, 2024, 2025]
    assert [y for y, _ in _values("2024—2026年，全市空气质量优良天数比率90%以上。")] == [2024, 2025, 2026]
