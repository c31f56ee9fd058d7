"""Round yb (issue 10, session 15): the year a quote gives its goals — a goals lead's year over the paragraphs after it,
a line that is only a year over the block under it, a year's plan named and told as issued, a year's task handed down
(下达…任务 and its 其中 parts) and a year written with the digit 0 for 〇. Texts written for the test, never a quote of a
set, each with the look-alike that stays as it is (progress told after a task, other work after the goals, a table's
year cells, a year with no goal)."""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.sentences import without_task_progress
from cocontrol.plans.textnorm import arabic_years


def _keys(text: str) -> set[tuple[int | None, float | None, str | None]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


# --- a year's task handed down: the task and its 其中 parts are that year's goals ---------------------------------

@pytest.mark.parametrize("text, expected", [
    ("近日，省林业和草原局下达我市2019年度国土绿化任务24万亩，其中人工造林15万亩、封山育林9万亩。",
     {(2019, 24.0, "万亩"), (2019, 15.0, "万亩"), (2019, 9.0, "万亩")}),
    ("2017年市政府下达我区植树造林任务3.6万亩（其中新造林2万亩、低效林改造1.6万亩）。",
     {(2017, 3.6, "万亩"), (2017, 2.0, "万亩"), (2017, 1.6, "万亩")}),
    ("国家有关部委联合下达9个省份2016年新一轮退耕还林建设任务800万亩，其中还林700万亩、还草100万亩。",
     {(2016, 800.0, "万亩"), (2016, 700.0, "万亩"), (2016, 100.0, "万亩")}),
    ("省发展改革委已下达我县2020年度造林任务5万亩，其中人工造林3万亩、飞播造林2万亩。",
     {(2020, 5.0, "万亩"), (2020, 3.0, "万亩"), (2020, 2.0, "万亩")}),
    ("上级下达本县2018年年度任务18万亩，其中退耕还林12万亩，任务量居全市第一。",
     {(2018, 18.0, "万亩"), (2018, 12.0, "万亩")}),
    ("2019年上級下達我縣造林任務6萬畝，其中人工造林4萬畝、封山育林2萬畝。",
     {(2019, 6.0, "万亩"), (2019, 4.0, "万亩"), (2019, 2.0, "万亩")}),
    ("记者从省林草局获悉，省里已分解下达各市2017年度营造林任务50万亩，其中人工造林35万亩、森林抚育15万亩。",
     {(2017, 50.0, "万亩"), (2017, 35.0, "万亩"), (2017, 15.0, "万亩")}),
    ("据了解，林业部门向全县下达2016年造林任务4200亩。", {(2016, 4200.0, "亩")}),
])
def test_a_task_handed_down_is_its_years_goal(text: str, expected: set) -> None:
    assert expected <= _keys(text)


def test_progress_told_after_the_task_stays_a_report() -> None:
    # must not change: 截至目前，完成… tells how the task went
    text = ("2019年上级下达我县造林任务6万亩（其中人工造林4万亩、封山育林2万亩），截至目前，已完成人工造林2.5万亩、"
            "封山育林1.2万亩，完成全年任务的62%。")
    keys = _keys(text)
    assert (2019, 6.0, "万亩") in keys and (2019, 4.0, "万亩") in keys
    assert not any(v in (2.5, 1.2, 62.0) for _, v, _ in keys)


def test_the_progress_clause_is_blanked_in_place() -> None:
    sentence = "2019年上级下达我县造林任务6万亩，截至目前，已完成2.5万亩。"
    out = without_task_progress(sentence)
    assert len(out) == len(sentence) and "6万亩" in out and "2.5" not in out


def test_a_year_done_with_no_task_handed_down_stays_a_report() -> None:
    # must not change: a past year's work with no task named is how the year went
    assert not any(v == 6.0 for _, v, _ in _keys("2019年我县完成造林6万亩，其中人工造林4万亩。"))


# --- a goals lead's year reaches the paragraphs after it ----------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "《纲要》确立了今后五年的发展目标，争取到2020年，全省绿色发展水平明显提升。",
    "《方案》提出，到2020年，全市生态环境质量总体改善。",
    "规划明确：力争到2020年底，基本建成现代化水网体系。",
    "《意见》要求，到2020年，全省农村人居环境明显改善。",
    "实施方案确定了主要目标，确保到2020年，城乡供水保障能力显著增强。",
])
def test_a_leads_year_reaches_the_undated_paragraphs_after_it(lead: str) -> None:
    text = lead + "\n\n城市污水处理率达到95%，农村生活垃圾收运处置体系覆盖率达到90%以上。\n\n新建改造供水管网1200公里。"
    keys = _keys(text)
    assert {(2020, 95.0, "%"), (2020, 90.0, "%"), (2020, 1200.0, "公里")} <= keys


def test_other_work_after_a_leads_year_does_not_take_it() -> None:
    # must not change: 同时，… adding other work, and a paragraph opening on its own lead, tell other content
    text = ("《方案》提出，到2020年，全市生态环境质量总体改善。\n\n"
            "同时，县环保局还推动建成30座乡镇污水处理站。")
    assert all(y != 2020 for y, v, _ in _keys(text) if v == 30.0)
    text = ("《方案》提出，到2020年，全市生态环境质量总体改善。\n\n"
            "主要任务中明确：新建或更新的公交车中新能源车比例不低于80%。")
    assert all(y != 2020 for y, v, _ in _keys(text) if v == 80.0)


# --- a line that is only a year heads the block under it -----------------------------------------------------------

@pytest.mark.parametrize("heading", ["2021", "2021年", "2021 年"])
def test_a_bare_year_line_dates_its_block(heading: str) -> None:
    text = (f"{heading}\n各县市区至少建成1个垃圾分类示范乡镇，其余乡镇开展试点；\n"
            "城区公共机构实现垃圾分类全覆盖；\n全市建成垃圾分类示范小区300个，示范村800个。\n"
            "2023\n县城生活垃圾分类覆盖率不低于70%；\n全市建成示范小区600个。")
    keys = _keys(text)
    assert {(2021, 1.0, "个"), (2021, 300.0, "个"), (2021, 800.0, "个")} <= keys
    assert {(2023, 70.0, "%"), (2023, 600.0, "个")} <= keys


def test_a_historys_year_lines_head_nothing() -> None:
    # must not change: a year line over an entry ending on 。 is a history, its figures no goals
    text = "发展历程\n2018\n公司成立，建成首条生产线，年产能达到5万吨。\n2020\n完成二期扩建，产能提升至12万吨。"
    assert not any(y in (2018, 2020) for y, _, _ in _keys(text))
    text = "2020\n完成二期扩建，产能提升至12万吨；\n2023\n新建研发中心，员工超过800人。"
    assert all(y != 2020 for y, v, _ in _keys(text) if v == 800.0)  # (the next year line ends the block above)


def test_a_tables_year_cells_stay_cells() -> None:
    # must not change: a year line over a cell (no clause mark in the line after it) heads no block
    text = "指标名称\n2021\n2025\n森林覆盖率（%）\n41\n43"
    assert not any(y == 2021 for y, _, _ in _keys(text))


# --- a year's plan named first, then told as issued ----------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "《全省节能降碳2022年度工作要点》（以下简称《要点》）日前正式印发。",
    "《某市2022年大气污染防治工作方案》近日出台。",
    "《2022年全县农业农村工作要点》已经印发。",
])
def test_a_years_plan_told_as_issued_dates_its_goals(title: str) -> None:
    text = title + "《要点》提出，2022年新建高标准农田30万亩、改造提升高标准农田12万亩。"
    assert {(2022, 30.0, "万亩"), (2022, 12.0, "万亩")} <= _keys(text)


def test_a_period_plan_told_as_issued_names_no_one_year() -> None:
    # must not change: 《…（2021—2025年）》 is a period's plan, and 2022年 done stays a report
    text = "《全省节能规划（2021—2025年）》日前印发。2022年全省新建高标准农田30万亩。"
    assert not any(y == 2022 and v == 30.0 for y, v, _ in _keys(text))


# --- a year written with the digit 0 for 〇 -------------------------------------------------------------------------

@pytest.mark.parametrize("written, year", [("二00四年", "2004年"), ("二0二六年", "2026年"), ("二〇0五年", "2005年")])
def test_a_year_typed_with_zero_digits(written: str, year: str) -> None:
    assert arabic_years(written + "全区主要预期目标") == year + "全区主要预期目标"


def test_a_zero_typed_year_dates_its_goals() -> None:
    text = "二00三年全区经济社会发展的主要预期目标是：地区生产总值增长百分之八，城镇登记失业率控制在百分之四以内。"
    assert {(2003, 8.0, "%"), (2003, 4.0, "%")} <= _keys(text)


def test_a_count_of_years_is_no_year() -> None:
    # must not change: 三五年 / 十五年 are no four digits
    assert arabic_years("用三五年时间") == "用三五年时间"


# --- 当年 / 同年 after goals of a written year: that year ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2018年，我局计划新建2个公园。做好道路绿化。当年计划新植苗木3000万株，新增绿地2400亩。",
     {(2018, 3000.0, "万株"), (2018, 2400.0, "亩")}),
    ("2019年，全县将新建公园3个。当年还要完成植树10万株。", {(2019, 10.0, "万株")}),
    ("2017年，我区计划改造老旧小区12个；当年要新增停车位800个。", {(2017, 800.0, "个")}),
])
def test_that_year_after_goals_is_their_year(text: str, expected: set) -> None:
    assert expected <= _keys(text)


def test_that_year_after_a_report_stays_a_report() -> None:
    # must not change: 同年 after work done tells more work done
    assert not any(v == 10.0 for _, v, _ in _keys("2018年，我市建成公园5个。同年，完成植树10万株。"))


# --- a plan told with its outcome is how it went ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "林场计划造林6200亩，其中人工造林4000亩，实际完成造林6500亩，完成计划的105%。",
    "镇里计划植树50万株，实际完成52万株，完成计划的104%。",
    "园林处计划新增绿地300亩，实际新增320亩。",
    "育苗计划40亩，完成50亩，完成计划的125%",
    "计划新建公园5个，实际建成6个，超额完成年度计划。",
])
def test_a_plan_told_with_its_outcome_reports(text: str) -> None:
    assert not _keys(text)


def test_a_plan_with_intent_to_exceed_stays_a_goal() -> None:
    # must not change: 确保超额完成年度计划 is an intent, the plan's figure a goal
    assert (2025, 5.0, "个") in _keys("2025年计划新建公园5个，确保超额完成年度计划。")


# --- a period heading naming the period's plan of work dates its section ----------------------------------------------

@pytest.mark.parametrize("heading", [
    "二、“十二五”全市水利发展的基本思路",
    "三、“十二五”交通建设的主要举措",
    "二、“十二五”城乡建设总体部署",
])
def test_a_period_headings_plan_of_work_dates_its_section(heading: str) -> None:
    text = (f"{heading}\n今后五年，我们将加快推进重点工程建设。\n"
            "（一）加快建设安全水利。一是完成18条重点中小河流治理任务；二是完成35座小型病险水库除险加固任务。")
    keys = _keys(text)
    assert {(2015, 18.0, "条"), (2015, 35.0, "座")} <= keys


def test_a_period_heading_of_review_dates_nothing() -> None:
    # must not change: a heading reviewing a period (“十二五”水利发展的主要成效) heads a review
    text = ("二、“十二五”水利发展的主要成效\n"
            "（一）安全水利建设成效明显。完成18条重点中小河流治理，完成35座小型病险水库除险加固。")
    assert not any(y == 2015 for y, _, _ in _keys(text))


def test_work_done_after_the_task_stays_a_report() -> None:
    # must not change: 全年完成… after the task's amount tells what was done
    keys = _keys("2018年省里下达我县造林任务5万亩，全年完成6万亩，完成任务的120%。")
    assert (2018, 5.0, "万亩") in keys and not any(v in (6.0, 120.0) for _, v, _ in keys)
    keys = _keys("省政府下达我县的任务是：2020年完成新增造林6500亩。")
    assert (2020, 6500.0, "亩") in keys  # (完成 before the task's amount is the task)


def test_a_plan_paid_by_its_outcome_stays_a_goal() -> None:
    # must not change: 按实际完成情况 names how the plan is paid, no outcome told
    assert (2026, 500.0, "个") in _keys("2026年计划新建充电桩500个，按实际完成情况给予补贴。")
