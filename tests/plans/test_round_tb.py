"""Round tb (issue 10, session 13): indicator tables a page broke one cell a line, and goals broken down by place.

Convention: tests/plans/gold/README.md, "Round tb (issue 10, session 13)". Every table and sentence here was written
for these tests."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.structure import paragraphs


def _read(text: str) -> list[tuple[str, int | None, float | None, float | None]]:
    return [(t.indicator, t.year, t.value, t.baseline_value) for t in extract_plan(text).targets]


def test_one_cell_a_line_with_row_numbers_and_a_goal_heading_over_the_years() -> None:
    # 序号 column, a header spelt with spaces, the page's empty merged cells (||), years under 目 标 值
    text = ("某市城乡污水治理三年行动方案（2026—2028年）\n主要指标表\n序号 |\n指 标 名 称 |\n单位 |\n目 标 值 |\n||\n"
            "2026年 |\n2027年 |\n2028年 |\n|||\n1 |\n城市生活污水集中收集率 |\n% |\n71.5 |\n73.0 |\n75.5 |\n"
            "2 |\n农村生活污水治理率 |\n% |\n44.0 |\n47.5 |\n51.0 |\n")
    got = _read(text)
    assert ("城市生活污水集中收集率", 2026, 71.5, None) in got
    assert ("城市生活污水集中收集率", 2027, 73.0, None) in got
    assert ("城市生活污水集中收集率", 2028, 75.5, None) in got
    assert ("农村生活污水治理率", 2028, 51.0, None) in got
    assert len(got) == 6


def test_one_cell_a_line_without_bars() -> None:
    # the same layout with no bar after the cells; the first year is the baseline (no goal heading)
    text = ("表1 某县垃圾分类主要指标\n序号\n指标名称\n单位\n2024年\n2027年\n1\n生活垃圾回收利用率\n%\n31.2\n38.5\n"
            "2\n厨余垃圾分出率\n%\n12.4\n20.0\n\n二、重点任务\n")
    got = _read(text)
    assert ("生活垃圾回收利用率", 2027, 38.5, 31.2) in got
    assert ("厨余垃圾分出率", 2027, 20.0, 12.4) in got
    assert len(got) == 2


def test_numbered_items_one_a_line_are_no_table() -> None:
    # a list of numbered one-line items (no header naming 指标 and years): not a grid, nothing read as its cells
    text = "2027年建设任务\n1 |\n新建城市道路 |\n12公里 |\n2 |\n改造老旧管网 |\n35公里 |\n"
    _, tables = paragraphs(text)
    assert not any(len(row) > 1 for table in tables for row in table.rows)


def test_a_year_heading_without_a_goal_heading_keeps_its_baseline() -> None:
    # the nearest look-alike: 2023年 | 2027年 with no heading over them — the first year stays the baseline
    text = ("指标 |\n2023年 |\n2027年 |\n属性 |\n森林覆盖率（%） |\n41.6 |\n43.0 |\n约束性 |\n"
            "湿地保护率（%） |\n52.0 |\n55.0 |\n约束性 |\n")
    got = _read(text)
    assert ("森林覆盖率", 2027, 43.0, 41.6) in got
    assert not any(t[1] == 2023 for t in got)
