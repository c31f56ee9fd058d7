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


def test_places_picked_by_their_value_share_the_goal_of_their_item() -> None:
    # a county's goal broken down by township: the places of each item are picked by last year's value (a band, no
    # goal, no date) and share the item's goal, in the year the list's intro gives
    text = ("为全力做好2021年大气污染防治工作，结合我县实际，制定本工作方案。\n二、主要目标\n2021年各乡镇改善目标如下：\n"
            "（一）2020年PM2.5平均浓度在50至60微克/立方米之间的城关镇、河西乡、北岭乡的PM2.5平均浓度均下降至目标值"
            "50微克/立方米以下。")
    got = [(t.indicator, t.year, t.value, t.relation) for t in extract_plan(text).targets]
    assert [g[1:] for g in got] == [(2021, 50.0, "<=")] * 3
    assert [g[0][:3] for g in got] == ["城关镇", "河西乡", "北岭乡"]


def test_a_text_written_to_do_one_years_work_is_that_years_plan() -> None:
    text = ("为扎实做好2019年农村人居环境整治工作，结合我县实际，制定本工作方案。\n一、工作目标\n"
            "全县农村生活垃圾收运处置体系覆盖率达到90%。")
    assert [(t.year, t.value) for t in extract_plan(text).targets] == [(2019, 90.0)]


def test_places_picked_by_their_value_in_a_report_stay_a_report() -> None:
    # the nearest look-alike: the same picking clause over the places' own values (分别为) — a statistic by place
    text = "2023年PM2.5平均浓度超过40微克/立方米的城关镇、河西乡的PM2.5平均浓度分别为45和42微克/立方米。"
    assert extract_plan(text).targets == []


def test_a_task_handed_down_and_its_breakdown_by_place() -> None:
    # a task handed down to the city (下达 is no 达 of a level reached) and the districts' shares after 其中 (no comma)
    text = "“十五五”期间，省里下达我市800万平方米既有建筑节能改造任务。其中东城区300万平方米，西城区200万平方米。"
    got = [(t.year, t.value, t.unit) for t in extract_plan(text).targets]
    assert got == [(2030, 800.0, "万平方米"), (2030, 300.0, "万平方米"), (2030, 200.0, "万平方米")]
    assert [t.indicator[:3] for t in extract_plan(text).targets][1:] == ["东城区", "西城区"]


def test_a_breakdown_by_place_after_a_report_stays_a_report() -> None:
    # the nearest look-alike: the same 其中 list under a statement of what was done
    text = "截至2023年底，全省已完成改造2000万平方米。其中太原市600万平方米，大同市70万平方米。"
    assert extract_plan(text).targets == []
