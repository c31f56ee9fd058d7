"""Round tc (issue 10, session 13): false targets in reviews, analyses and news. Texts written for the test, never a
quote of a set, each with the nearest look-alike that stays as it is:

1. a heading naming how the work went (推进情况, 工作推进情况, 落实情况, 开展情况, 进展) reviews what is under it;
2. a year written in Chinese digits (二○二六年, 二〇二六年, 二零二六年) is a year wherever a year is read;
3. what a figure yields is not a goal: an assumption and its consequence (假定…，意味着…), a period's amount spread over
   its years (平均到每年), a statistic of many goals (加权平均, 目标多在) and the change of a goal (下调了0.2%).
"""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.normalise import normalise


def _keys(text: str) -> list[tuple[int | None, float | None]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


def _values(text: str) -> set[float | None]:
    return {t.value for t in extract_plan(text).targets}


# --- 1. review headings ------------------------------------------------------------------------------------------

_DUTY_REPORT = ("某县水利局关于2025年度水利工作的报告\n"
                "一、2025年工作{heading}\n"
                "（一）重点工作{heading}\n"
                "1.加强河湖管护，推进水生态修复。完成37处小型水库除险加固，新建生态护岸12公里，清理河道垃圾860吨。\n"
                "二、2026年工作安排\n"
                "1.力争完成小型水库除险加固20处，新建生态护岸8公里。\n")


@pytest.mark.parametrize("heading", ["推进情况", "落实情况", "开展情况"])
def test_a_heading_naming_how_the_work_went_reviews(heading: str) -> None:
    values = _values(_DUTY_REPORT.format(heading=heading))
    assert not values & {37.0, 12.0, 860.0}  # done in 2025, told under 推进情况
    assert {20.0, 8.0} <= values  # the next year's work, under 工作安排, stays


def test_an_unnumbered_progress_line_reviews_the_items_under_it() -> None:
    text = ("某区大气污染防治年度报告\n\n工作推进情况\n\n完成燃煤锅炉淘汰46台，新增充电桩380个。\n\n"
            "下一步工作安排\n\n2026年，力争新增充电桩500个。")
    values = _values(text)
    assert 46.0 not in values and 380.0 not in values
    assert 500.0 in values


def test_a_task_heading_naming_progress_as_its_aim_stays_a_task() -> None:
    # look-alike: 推进 opening a numbered task heading (推进…取得新进展) sets work, it does not review it
    text = ("某市2026年生态环境保护工作要点\n一、主要目标\n到2026年底，全市PM2.5平均浓度控制在30微克/立方米以内。\n"
            "二、重点任务\n（一）推进大气污染防治取得新进展\n1.完成工业炉窑深度治理15台。\n")
    values = _values(text)
    assert 30.0 in values and 15.0 in values


# --- 2. years in Chinese digits ----------------------------------------------------------------------------------

@pytest.mark.parametrize("year", ["二○二六", "二〇二六", "二零二六"])
def test_a_year_in_chinese_digits_is_a_year(year: str) -> None:
    assert normalise(f"{year}年全市主要预期目标").text == "2026年全市主要预期目标"
    text = (f"市长在报告中公布{year}年全市经济社会发展主要预期目标。建议今年全市经济社会发展的主要预期目标为：地区生产总值"
            f"增长百分之五左右，城镇调查失业率控制在百分之五点五以内。")
    keys = _keys(text)
    assert (2026, 5.0) in keys and (2026, 5.5) in keys  # 今年 is the year the report names in Chinese digits


def test_chinese_numbers_that_are_no_year_stay() -> None:
    # look-alike: a count of years and a number before 年 that is not four digits are not read as a year
    assert normalise("十五年来，三五年内完成").text == "十五年来，三五年内完成"
    assert normalise("二〇二三年六月二十八日").text == "2023年六月二十八日"


def test_a_date_in_chinese_digits_still_dates_the_text() -> None:
    doc = extract_plan("某市人民政府关于印发某市节能工作方案的通知\n\n某市人民政府\n二〇二三年六月二十八日\n\n"
                       "到2025年，全市单位地区生产总值能耗比2020年下降14%。")
    assert doc.plan.date is not None and (doc.plan.date.year, doc.plan.date.month, doc.plan.date.day) == (2023, 6, 28)


# --- 3. what a figure yields -------------------------------------------------------------------------------------

def test_an_assumption_and_its_consequence_are_no_goals() -> None:
    text = ("规划提出，到2027年，全省数字经济核心产业增加值占地区生产总值比重达到12%。假定2027年全省地区生产总值为8万亿元，"
            "那意味着数字经济核心产业增加值将达9600亿元。")
    values = _values(text)
    assert 12.0 in values
    assert not values & {8.0, 9600.0}


def test_a_consequence_after_a_goal_keeps_the_goal() -> None:
    text = "到2027年，全市新能源汽车保有量达到50万辆，这意味着每年需新增约8万辆。"
    values = _values(text)
    assert 50.0 in values and 8.0 not in values


def test_a_periods_amount_spread_over_its_years_is_no_goal() -> None:
    text = "“十五五”期间，某省新增储能规模将达到5GW，平均到每年的新增规模约为1GW。"
    values = _values(text)
    assert 5.0 in values and 1.0 not in values


def test_a_statistic_of_many_goals_is_no_goal() -> None:
    text = ("某研究机构统计，2026年，各省份地区生产总值增长目标加权平均值为4.9%，较上年的增长目标下调了0.3%。"
            "根据各地政府工作报告，2026年固定资产投资增长目标多在3%左右。")
    values = _values(text)
    assert not values & {4.9, 0.3, 3.0}


def test_a_goal_and_its_change_keep_the_goal() -> None:
    # look-alike: a place's own goal told with its change from the year before — the goal stays, the change does not
    text = "2026年，某省地区生产总值增长目标为5%左右，较上年的目标下调了0.5个百分点。"
    values = _values(text)
    assert 5.0 in values and 0.5 not in values


def test_a_yearly_average_growth_goal_stays() -> None:
    # look-alike: 年均 and 每年 stating a goal's pace are goals, not a period's amount spread over its years
    text = "到2030年，全市地区生产总值年均增长6%左右，每年新增城镇就业5万人以上。"
    values = _values(text)
    assert 6.0 in values and 5.0 in values


# --- 4. news of a year's results ---------------------------------------------------------------------------------

def test_a_year_a_source_tells_with_a_result_is_reviewed() -> None:
    text = ("某市举行新闻发布会。\n\n记者从市林业局了解到，2024年，全市完成植树造林任务12万亩，其中新造林8万亩。\n\n"
            "2024年，全市林业产业总产值达到320亿元。")
    values = _values(text)
    assert not values & {12.0, 8.0, 320.0}  # told as done: the text was written in 2025


def test_a_year_a_source_tells_with_intent_stays_a_goal() -> None:
    # look-alike: the same source telling the year's plan (计划) keeps its goals
    text = "记者从市林业局了解到，2024年，全市计划完成植树造林12万亩，其中新造林8万亩。"
    assert 12.0 in _values(text)


def test_a_record_named_before_its_year_reviews_that_year() -> None:
    text = "某省科技投入再创新高，2024年全社会研发经费投入规模比“十三五”末增长近50%，增量达到1200亿元。"
    values = _values(text)
    assert 50.0 not in values and 1200.0 not in values


def test_an_innovation_hub_is_no_record() -> None:
    # look-alike: 创新高地 (a hub of innovation) is no record: the plan's goals stay
    text = "打造科技创新高地，2024年全省研发经费投入强度达到2.8%，力争高新技术企业数量达到1.2万家。"
    assert 1.2 in _values(text)


def test_a_news_dateline_dates_the_page() -> None:
    doc = extract_plan("【某某资讯 2026年1月20日讯】某省数字经济在2025年突破5万亿元，占地区生产总值比重达40%。")
    assert doc.plan.date is not None and doc.plan.date.year == 2026
    assert not {t.value for t in doc.targets} & {5.0, 40.0}


def test_a_review_heading_run_on_into_its_paragraph_reviews() -> None:
    text = ("3月5日上午9时，某省十四届人大四次会议开幕，省长作政府工作报告。\n\n\n\n省长向大会作政府工作报告，要点如下：\n\n"
            "2025年工作回顾全省地区生产总值增长5.2%，城镇新增就业31万人，粮食产量达到650亿斤。\n\n"
            "过去5年全省地区生产总值年均增长5.6%。\n\n2026年经济社会发展总体要求和政策取向：\n\n"
            "地区生产总值增长5%左右、城镇新增就业30万人以上。")
    values = _values(text)
    assert not values & {5.2, 31.0, 650.0}  # 2025年工作回顾 run on into its figures: they tell
    assert {5.0, 30.0} <= values  # the year's goals under the next lead stay


def test_a_lead_naming_work_ahead_is_no_review() -> None:
    # look-alike: a lead's colon before the year's work to do (工作安排, not 推进情况) keeps its goals
    text = "省长向大会作政府工作报告，要点如下：2026年工作安排全省地区生产总值增长5%左右，城镇新增就业30万人以上。"
    assert {5.0, 30.0} <= _values(text)


def test_a_forecast_a_source_tells_goes_on_over_its_paragraph() -> None:
    text = ("某省电力行业协会发布年度报告。《报告》预测，今年全省新增发电装机将超过800万千瓦。"
            "年底全省发电装机容量将达到1.2亿千瓦，煤电装机比重将降至40%左右。")
    values = _values(text)
    assert not values & {800.0, 1.2, 40.0}


def test_a_goal_after_a_forecast_stays() -> None:
    # look-alike: a sentence after the forecast naming its own goal (力争, 到YYYY年) is read
    text = "《报告》预测，今年全省新增发电装机将超过800万千瓦。到2027年，全省力争新能源装机达到5000万千瓦。"
    assert 5000.0 in _values(text)


def test_a_work_report_told_reports_the_bounds_of_its_year() -> None:
    text = ("某自治区人民代表大会开幕，主席作政府工作报告时称，2024年，全区地区生产总值增长6.1%。\n\n"
            "报告指出，2024年，全区城镇调查失业率、居民消费价格涨幅分别控制在5.2%和2.5%以内，主要经济指标增速保持全国前列。\n\n"
            "报告提出，2025年，全区将力争地区生产总值增长6%左右。")
    values = _values(text)
    assert not values & {6.1, 5.2, 2.5}  # how 2024 went, its bounds included (主要 hedges nothing)
    assert 6.0 in values  # the year ahead keeps its goal
