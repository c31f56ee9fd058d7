"""Round bb (issue 10, session 17): the year a goal gets — a title's year, a year written without 年, a named annual
document's year, a deadline after a plan's title and the milestones after ；.

Sentences written for these tests (none is a gold quote).
"""
from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _values(text: str) -> list[tuple[int | None, float]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


@pytest.mark.parametrize("text, expected", [
    # A. the title of one year's work dates the undated goals below it: a bureau's 工作规划, a 范文 copy's masked name, an
    # order numbered within its year, a title run into the notice's addressees, 繁体
    ("市水务局 2021 年节水工作规划\n(一)主要任务\n计划新建节水型小区 12 个，改造供水管网 30 公里。",
     [(2021, 12.0), (2021, 30.0)]),
    ("××县2020年秋冬季植树造林实施方案\n全县完成植树造林5000亩。", [(2020, 5000.0)]),
    ("XX镇2019年春季植树造林工作方案\n一、全镇完成植树造林800亩，村庄绿化覆盖率达到30%以上。", [(2019, 800.0), (2019, 30.0)]),
    ("南湖区发布2021年第2号总河长令\n总河长令要求，全区新建河道护岸30公里，河湖水质优良率达到90%以上。",
     [(2021, 30.0), (2021, 90.0)]),
    ("某县2022年冬春水利建设第1号县长令\n全县新建高效节水灌溉面积2万亩。", [(2022, 2.0)]),
    ("2021年冬季清洁取暖工作方案各乡镇人民政府、县直各部门：一、全县完成清洁取暖改造3000户，清洁取暖率达到85%以上。",
     [(2021, 3000.0), (2021, 85.0)]),
    ("2020年城乡环境整治实施方案各街道办事处，区直有关单位：\n为改善人居环境，特制定本方案。全区生活垃圾无害化处理率达到100%。",
     [(2020, 100.0)]),
    ("某市 2020 年度林業工作規劃\n新增造林面積 2 萬畝。", [(2020, 2.0)]),
])
def test_title_names_the_year_of_its_work(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what must not change: a title reviewing its year, or reviewing its order, dates no goal
    ("某县2021年林业工作总结\n全年完成造林5000亩。", []),
    ("2021年第1号总河长令落实情况\n全区新建河道护岸30公里。", []),
    ("2020年城乡环境整治工作总结各街道办事处，区直有关单位：\n全区生活垃圾无害化处理率达到100%。", []),
])
def test_review_title_dates_no_goal(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # B. a year written without 年: a deadline after 到/至 (with a hedge, 底, 前, a comma) and a headline's year before its intent
    ("今年，我省将推进节约型机关建设，到2020拟创建国家示范单位180家，省级示范单位245家。", [(2020, 180.0), (2020, 245.0)]),
    ("力争至2027，全县森林覆盖率达到45%。", [(2027, 45.0)]),
    ("确保到2026底，城镇污水处理率达到98%。", [(2026, 98.0)]),
    ("到2028前完成老旧管网改造120公里。", [(2028, 120.0)]),
    ("某省2021将改造城镇老旧管网2220公里", [(2021, 2220.0)]),
    ("全市2022计划新建公共充电桩500个。", [(2022, 500.0)]),
    ("到2025擬新建充電樁500個，公共機構充電設施比例達到10%。", [(2025, 500.0), (2025, 10.0)]),
    ("省里计划到2030建成零碳园区20个。", [(2030, 20.0)]),
    # (before its subject, the intent or the goal named a few words on; in a text that also cuts: 下降3%)
    ("为保持海洋环境质量优势，某省将2020近岸海域水质优良率保护目标定为92%。", [(2020, 92.0)]),
    ("运输部门配合捷运通车，2050绿色运输比率将达80%。", [(2050, 80.0)]),
    ("全市单位GDP能耗下降3%，到2027拟新建充电桩500个。", [(2027, 3.0), (2027, 500.0)]),
])
def test_year_without_nian(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what must not change: a figure reached that looks like a year is no year
    ("全市风电装机达到2030万千瓦。", []),
    ("全市2000辆公交车将全部更换为新能源车。", []),
    ("新建停车泊位1200至2025个。", [(None, 1200.0), (None, 2025.0)]),
])
def test_figure_like_a_year_stays(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # C. a named annual document dates the goals told with it: its year in its name before 工作安排, or in brackets after it
    ("近日，市机关事务局《关于2019年公共机构节能工作安排的通知》对年度目标作了明确，即人均综合能耗下降2%、人均水耗下降1.5%。",
     [(2019, 2.0), (2019, 1.5)]),
    ("日前，某市交通委印发《某港提高岸电使用率实施方案（2021年）》。根据《方案》，集装箱码头岸电覆盖率今年达到80%以上。",
     [(2021, 80.0)]),
    ("省住建厅印发《全省城镇燃气安全整治实施方案(2020年)》，今年全省完成老旧燃气管网改造500公里。", [(2020, 500.0)]),
    ("《关于2018年全市节水工作部署的通知》提出，万元工业增加值用水量下降3%。", [(2018, 3.0)]),
])
def test_named_annual_document_dates_its_goals(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # D. a deadline after a plan's title told as issued; the later deadlines of a list after ； go on its series
    ("某省印发《某省节水型机关建设方案》2021年底，全省60%的县级机关建成节水型机关。", [(2021, 60.0)]),
    ("某市出台《某市绿色学校创建方案》2020年末，全市70%的中小学达到绿色学校标准。", [(2020, 70.0)]),
    ("力争：2020年底，全省25%的县级机关建成节水型机关；2021年底，50%的县级机关建成节水型机关；2022年底，70%的县级机关建成节水型机关。",
     [(2020, 25.0), (2021, 50.0), (2022, 70.0)]),
    ("争取：2019年末，全区40%的社区建成绿色社区；2020年末，60%的社区建成绿色社区。", [(2019, 40.0), (2020, 60.0)]),
])
def test_deadline_after_title_and_series(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what must not change: years told as done after ； stay reports
    ("2019年，全市完成造林3000亩；2020年，全市完成造林4000亩；2021年，完成造林5000亩。", []),
    ("力争2020年底，全市建成充电桩500个；截至2021年底，全市已建成充电桩800个。", [(2020, 500.0)]),
])
def test_years_told_as_done_stay_reports(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a year's plan dates its goals, not the day's work a news item tells (共栽植 as 共种植: a report)
    ("2023年国土绿化实施方案\n经过半天的劳动，全体干部共栽植树苗1000余株，植树面积20余亩。", []),
    ("2021年春季植树实施方案\n当天，志愿者共栽种苗木800株，绿化面积15亩。", []),
])
def test_work_done_under_an_annual_title_stays_a_report(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # E. a plan period in single quotes, a quotation inside a quotation: its last year, as the period written bare
    ("他指出，这是落实“‘十五五’时期力争建成100个左右国家级零碳园区”的具体实践。", [(2030, 100.0)]),
    ("文件提出“‘十五五’期间全省新建充电桩5万个”的目标。", [(2030, 5.0)]),
    ("方案明确，‘十五五’期间全市新建污水管网300公里。", [(2030, 300.0)]),
    ("会议提出，‘十五五’时期确保城市生活污水集中收集率达到75%。", [(2030, 75.0)]),
    ("他表示，要完成“‘十五五’时期力争单位GDP能耗下降10%”的任务。", [(2030, 10.0)]),
])
def test_plan_period_in_single_quotes(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


def test_period_gone_stays_a_report() -> None:
    # what must not change: a period over at the issue, told as done, dates no goal
    assert _values("“十三五”时期，全市累计新建污水管网300公里。") == []


@pytest.mark.parametrize("text, expected", [
    # C. 同比 in a year's plan told as required (需/须同比) or as a named document's goals (明确，即…): the year's goal
    ("2019年公共机构节能工作方案\n全市公共机构人均综合能耗需同比降低2%。", [(2019, 2.0)]),
    ("2020年全县节水工作实施方案\n全县万元工业增加值用水量须同比下降3%，农田灌溉水有效利用系数达到0.58。", [(2020, 3.0), (2020, 0.58)]),
    ("近日，市机关事务局《关于2019年公共机构节能工作安排的通知》对年度目标作了明确，即人均综合能耗同比下降2%、人均水耗同比下降1.5%。",
     [(2019, 2.0), (2019, 1.5)]),
])
def test_year_on_year_goal_of_a_years_plan(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: a year told with 同比 stays a statistic, under a plan's title or alone
    "2019年，全市公共机构人均综合能耗同比降低2%。",
    "2018年全县节水工作实施方案\n2017年全县万元工业增加值用水量同比下降3%。",
])
def test_year_on_year_statistic_stays(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # F. news of a work meeting opening on the year's works and the meeting that deployed them: that year's goals
    ("新华网讯 2021年，全市新建污水管网300公里，改造雨污管网200公里……3月2日召开的全市城建工作会议对此作出部署。\n"
     "2020年，全市完成城建投资500亿元。", [(2021, 300.0), (2021, 200.0)]),
    ("2022年，全县完成植树造林5万亩，新建森林乡村10个，1月20日召开的全县林业工作会议作出安排。", [(2022, 5.0), (2022, 10.0)]),
    ("本报讯 2020年，全区改造老旧小区35个、新增停车泊位2000个，这是日前举行的全区住建工作会上部署的重点任务。",
     [(2020, 35.0), (2020, 2000.0)]),
])
def test_year_a_work_meeting_deploys(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: a year told before a meeting that deploys another year, or an economic work meeting's year
    "2021年，全省完成造林200万亩。2月3日召开的全省林业工作会议对2022年工作作出部署。",
    "2021年，全省完成造林200万亩，12月20日召开的全省经济工作会议作出部署。",
])
def test_year_before_the_meeting_stays_a_report(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # F. 要 before a work verb after a year (…2019年要完成…, 2019年，全省要完成…, 2020年要有85%以上…): the year's task
    ("2019年，全省要完成农村改厕100万户。", [(2019, 100.0)]),
    ("示范村2020年要有90%以上的项目建成达标。", [(2020, 90.0)]),
    ("2021年全县要新建农村公路120公里。", [(2021, 120.0)]),
])
def test_year_with_yao_is_a_task(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: the year told as done, or 要 of 主要/重要 naming no intent
    "2019年，全省完成农村改厕100万户。",
    "2019年，全省主要完成了农村改厕100万户。",
])
def test_year_without_yao_stays_a_report(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # E. a plan period opening a clause run into its subject, the clause's intent after it (as at a sentence's start)
    ("另外，“十四五”某省普通国道二级及以上公路比重将达到85%以上。", [(2025, 85.0)]),
    ("他说，“十四五”中国将着力建设50家生态工业示范园区。", [(2025, 50.0)]),
    ("会议强调，“十五五”某市森林覆盖率力争达到45%。", [(2030, 45.0)]),
])
def test_period_opening_a_clause_before_its_subject(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


def test_period_gone_without_intent_stays() -> None:
    # what must not change: a period over, no intent in its clause
    assert _values("会议指出，“十三五”全市新建污水管网300公里。") == []


@pytest.mark.parametrize("text, expected", [
    # the years of effort a plan's goals take, in a plan whose title names as many years: its period's last year
    ("某市打赢蓝天保卫战三年行动实施方案（2018—2020年）\n(二)工作目标\n以PM2.5防治为重点。经过3年努力，全市空气质量优良天数比率达到80%以上。",
     [(2020, 80.0)]),
    ("某县农村人居环境整治三年行动方案(2021-2023年)\n总体目标：力争通过三年努力，全县农村卫生厕所普及率达到90%以上。", [(2023, 90.0)]),
    ("某区创建国家森林城市五年规划(2021—2025年)\n一、目标\n全区上下用5年时间，全区森林覆盖率达到35%。", [(2025, 35.0)]),
])
def test_years_of_effort_in_a_plan_of_as_many_years(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


def test_years_of_effort_alone_date_nothing() -> None:
    # what must not change: a count of years with no plan period named dates nothing
    assert _values("经过三年努力，全市农村卫生厕所普及率达到90%以上。") == [(None, 90.0)]
