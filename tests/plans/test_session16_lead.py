"""Lead fixes of session 16 (issue 10): a share of a work's total that is done; a two-line quote that is one sentence.

Sentences written for these tests (no gold quote); the readings are described in tests/plans/gold/README.md,
"Session 16".
"""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _targets(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


@pytest.mark.parametrize(("text", "expected"), [
    # 完成 … 总数/总量/总面积的 N%(以上)(数量)的 …: the share of the work's total that is to be done by the year
    ("到2025年，完成全县农村改厕任务总数的80%以上数量的改造。", [(2025, 80.0, "%")]),
    ("2024年底前完成老旧小区改造任务总量的50%的整治工作。", [(2024, 50.0, "%")]),
    ("到2026年，累计完成“十四五”造林任务总面积的90%以上的造林。", [(2026, 90.0, "%")]),
    ("力争2027年完成全市管网改造总规模的70%左右的建设任务。", [(2027, 70.0, "%")]),
])
def test_the_share_of_a_works_total_is_the_goal(
        text: str, expected: list[tuple[int | None, float | None, str | None]]) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize("text", [
    "截至2023年底，全县已完成改厕任务总数的62%的改造。",  # told done: a report
    "2023年，全县完成改厕任务总数的62%的改造，超额完成年度任务。",  # a year's outcome
])
def test_a_share_of_a_total_told_done_stays_a_report(text: str) -> None:
    assert _targets(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a one-sentence review wrapped over two lines: its first line is no title naming the year's work
    ("全面完成2023年度重点工作，基本实现《“十四五”节水型社会建设规划》各项目\n标阶段性任务。2023年，全市用水总量73.27亿立方米；",
     []),
    # a goal sentence wrapped over two lines reads as on one line
    ("2024年，全市完成造林3万亩，森林覆盖率达到41.2%，建成口袋公园\n20个。",
     [(2024, 3.0, "万亩"), (2024, 41.2, "%"), (2024, 20.0, "个")]),
])
def test_a_two_line_quote_wrapped_in_a_clause_reads_as_one_line(
        text: str, expected: list[tuple[int | None, float | None, str | None]]) -> None:
    assert _targets(text) == expected == _targets(text.replace("\n", ""))


def test_a_title_line_over_its_body_stays_a_title() -> None:
    # no clause mark on the first line: a title, its year names the body's plan
    text = "2024年重点工作安排\n到2025年，全市用水总量控制在75亿立方米以内。"
    assert _targets(text) == [(2025, 75.0, "亿立方米")]
    assert len(extract_plan(text).targets) == 1


@pytest.mark.parametrize(("written", "counted"), [
    ("套(间)", "套"), ("件（套）", "件"), ("条(个)", "条"), ("户(个)", "户"), ("辆（台）", "辆"),
])
def test_a_count_word_with_its_alternative_in_brackets_counts_as_the_first(written: str, counted: str) -> None:
    from cocontrol.plans.evaluate import normalize_unit

    assert normalize_unit(written) == counted
    assert normalize_unit("万千瓦(时)") == "万千瓦(时)"  # not a count word: left as written


@pytest.mark.parametrize(("text", "expected"), [
    # a goals heading over a paragraph that sets the goals of a year to complete: an undated text is that year's plan
    ("一、工作目标\n\n加强节能管理，全面完成2019年人均综合能耗同比下降2%、人均水耗同比下降2.5%的目标。",
     [(2019, 2.0, "%"), (2019, 2.5, "%")]),
    ("（一）年度目标\n确保完成2020年度单位建筑面积能耗下降1.8%的目标任务。", [(2020, 1.8, "%")]),
    # a goals heading over a year opening its statement, a short clause of focus before the subject
    ("二、工作目标\n2021年，围绕提质增效，全县新增生活垃圾分类示范小区30个。", [(2021, 30.0, "个")]),
    ("二、主要目标\n2020年，坚持问题导向，全市完成农村改厕1.2万户。", [(2020, 1.2, "万户")]),
    # a government work report named as the source tells the year's plans, not statistics
    ("根据《2023年某某市政府工作报告》，2023年，全市将改造老旧小区120个、供热管网80公里。",
     [(2023, 120.0, "个"), (2023, 80.0, "公里")]),
])
def test_an_undated_texts_goals_heading_names_its_year(
        text: str, expected: list[tuple[int | None, float | None, str | None]]) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize("text", [
    "二、工作目标\n2021年以来，全县已建成生活垃圾分类示范小区30个。",  # told done since a year
    "根据《2023年某某市海洋经济统计公报》，2023年，全市海洋生产总值达1200亿元。",  # a statistics release
])
def test_reports_under_a_goals_heading_or_from_a_statistics_release_stay_reports(text: str) -> None:
    assert _targets(text) == []


def test_a_first_line_holding_a_numbered_heading_is_running_text_not_a_title() -> None:
    # a page copied as one line, then hard-wrapped: its first line (…计划一、计划背景…) is no title over the rest
    line = ("2026年度城市交通减排工作计划一、计划背景随着全球气候变化问题日益严重，交通运输业面临更严格的要求。"
            "根据国际机构的数据，交通运输约占全球二氧化碳排放的24%。二、核心目标：力争到2026年新能源公交车占比达到80%。")
    wrapped = line[:34] + "\n" + line[34:70] + "\n" + line[70:100] + "\n" + line[100:]
    assert _targets(wrapped) == _targets(line) == [(2026, 80.0, "%")]
