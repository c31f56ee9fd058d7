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


@pytest.mark.parametrize("text", [
    # the share of a year's plan done (完成年度计划的N%): progress — its figures, the count of what did it too, are told,
    # whatever intent word the sentence has elsewhere (争取 of funds secured)
    "589个重点项目完成年度投资计划125.4%。",
    "全市争取上级资金12亿元，60个重点项目完成年度计划的115%。",
    "去年争取中央预算内投资3.2亿元，重点项目投资完成年度计划的108.6%。",
    "争取专项债券额度20亿元，45个省重点项目、230个市重点项目分别完成年度投资计划的131%、109%。",
    "爭取上級資金8億元，重點項目完成年度投資計劃126%。",
])
def test_share_of_plan_done_is_told(text: str) -> None:
    assert _values(text) == []


def test_share_of_plan_aimed_at_stays_a_goal() -> None:
    # what must not change: the share a plan's own intent aims at
    assert _values("确保重点项目完成年度计划的100%以上。") == [(None, 100.0)]


@pytest.mark.parametrize("text", [
    # figures a clause opens on as the latest data's (据最新数据, 从目前数据来看): a statistic, whatever bound it has
    "从最新数据看，全市新能源汽车保有量突破12万辆以上。",
    "據最新數據，全縣污水處理率達到96%以上。",
    "根据近期监测数据，全县集中式饮用水水源地水质达标率保持100%，城区绿地率达到40%以上。",
    "全区城市生活垃圾无害化处理率根据最新数据达到99%以上。",
    "从目前数据来看，全市规上工业单位增加值能耗下降6%以上。",
])
def test_latest_data_told_is_a_statistic(text: str) -> None:
    assert _values(text) == []


def test_source_telling_a_plan_goal_stays_a_goal() -> None:
    # what must not change: a source's data (no time of now) telling a plan's goal to come
    assert _values("据市林业局信息数据，全市“十四五”规划到2025年森林覆盖率提高到35%。") == [(2025, 35.0)]


@pytest.mark.parametrize("text", [
    # a text opening on a review heading (数说…, …成就, 过去五年, …成绩单): the lines under it tell results, a growth from a
    # base to now (从…增至…) and a bounded level (…以上) included
    "数说某县“十四五”\n●森林覆盖率从38%提高到42%以上\n●城镇新增就业累计2.1万人以上",
    "“十四五”发展成就\n●全县地区生产总值从210亿元增至300亿元以上\n●高新技术企业达到120家以上",
    "過去五年\n●人均綠地面積從12平方米增至15平方米以上\n●污水處理率達到97%以上",
    "2024年成绩单\n——全市新增城市绿地120公顷以上；\n——建成口袋公园30个以上。",
])
def test_text_opening_on_a_review_heading_tells(text: str) -> None:
    assert _values(text) == []


def test_text_opening_on_a_goals_heading_keeps_its_goals() -> None:
    # what must not change: a first line naming goals
    assert _values("2025年主要目标\n●森林覆盖率提高到42%以上\n●城镇新增就业2万人以上") == [(2025, 42.0), (2025, 2.0)]


@pytest.mark.parametrize("text, expected", [
    # a government work report named, then what it tells (其中提到，2024年，…; 文中提到…; 报告中提到…): given at the start of a
    # year, it reviews the year before — that year's figures are told, the next year's work is read
    ("市政府印发《政府工作报告》的通知。其中提到，2024年，全市完成造林8万亩，森林覆盖率提高到45%。", []),
    ("县政府工作报告出炉，文中提到，2024年全县新增城镇就业6200人，城镇登记失业率控制在3.5%以内。", []),
    ("市政府工作報告日前公佈。報告中提到，2024年，全市新建充電樁1.2萬個。", []),
    ("某区政府工作报告全文发布，里面提到：2024年，全区改造老旧小区42个。", []),
    ("某市政府工作报告日前公布。报告提到，2024年，全市建成污水管网120公里。2025年，新建污水管网150公里。", [(2025, 150.0)]),
])
def test_year_a_work_report_tells_is_reviewed(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what must not change: a report's goal put forward (提出), a year told with intent
    ("市政府工作报告提出，2025年，全市新建5G基站4000个以上。", [(2025, 4000.0)]),
    ("市政府工作报告日前公布。其中提到，2025年，全市将新建口袋公园30个。", [(2025, 30.0)]),
])
def test_report_goals_stay(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the count of a list's items, the list opened after a colon (三项任务：一是…; 两项工作：（一）…): the list's size, no goal —
    # its items' amounts are read
    ("今年将全面完成三项任务：一是新建污水管网12公里；二是改造雨污管网8公里；三是建成泵站2座。", [(None, 12.0), (None, 8.0), (None, 2.0)]),
    ("今年全面完成四项任务：1.新建口袋公园8个；2.改造老旧小区30个。", [(None, 8.0), (None, 30.0)]),
    ("年内完成两项工作：（一）新建充电桩500个；（二）改造换电站20座。", [(None, 500.0), (None, 20.0)]),
    ("全面完成三項任務：一是新建污水管網12公里；二是改造雨污管網8公里。", [(None, 12.0), (None, 8.0)]),
    ("今年重点推进6个项目：第一，新建垃圾转运站4座；第二，改造公厕50座。", [(None, 4.0), (None, 50.0)]),
])
def test_count_of_a_listed_list_is_its_size(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what must not change: an amount whose scope or parts follow with their own amounts
    ("今年将改造老旧小区120个，涉及居民2万户。", [(None, 120.0), (None, 2.0)]),
    ("今年将新建学校5所，包括小学3所、初中2所。", [(None, 5.0), (None, 3.0), (None, 2.0)]),
])
def test_amount_with_its_parts_stays(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bracket between a work and its amount holding the standard the work meets: the amount is the goal, the standard
    # is no target of its own
    ("完成既有建筑节能改造（节能率不低于20%）50万平方米。", [(None, 50.0)]),
    ("新建超低能耗建筑(能耗比现行标准降低30%以上)20万平方米。", [(None, 20.0)]),
    ("实施污水处理厂提标改造（出水化学需氧量不高于30毫克/升）5座。", [(None, 5.0)]),
    ("今年實施既有建築節能改造（節能率不低於20%）60萬平方米以上。", [(None, 60.0)]),
    ("推广高效节能电机（能效提升不低于3%）2000台以上。", [(None, 2000.0)]),
])
def test_standard_in_a_bracket_before_the_amount(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


def test_bracket_after_the_amount_stays() -> None:
    # what must not change: a bracket after the amount breaking it down keeps its part
    assert _values("实施建筑节能改造100万平方米（其中公共建筑不少于40万平方米）。") == [(None, 100.0), (None, 40.0)]


@pytest.mark.parametrize("text", [
    # 计划 closing its phrase names a programme (…倍增计划，, “百村示范”计划，): no intent — the figures after it are results
    "近年来，某市大力实施光伏发电倍增计划，光伏装机年均增长35.6%。",
    "该局推行绿色学校伙伴计划，参与学校占全市学校的86%。",
    "全县实施“百村示范”计划，建成示范村32个。",
    "全縣實施鄉村綠化計劃，新增造林面積1.2萬畝。",
    "依托省级“千企技改”计划，全市完成技术改造项目215个。",
])
def test_programme_named_plan_is_no_intent(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # what must not change: 计划 going on to what is planned
    ("计划新建充电桩500个。", [(None, 500.0)]),
    ("今年计划于年底前建成口袋公园20个。", [(None, 20.0)]),
])
def test_intent_plan_stays(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # a survey's findings (经调查，, 调查显示，, 摸底发现，): a statistic, whatever bound it has
    "经过摸底，全县农村生活污水治理率达到42%以上。",
    "调查显示，全市居民对生态环境的满意度达到92%以上。",
    "经调查，全县规模化养殖场粪污处理设施装备配套率达到97%以上。",
    "调查结果显示，受访居民垃圾分类知晓率达到90%以上。",
    "據調查顯示，全市居民綠色出行比例達到75%以上。",
    "摸底发现，全区老旧小区中60%以上具备加装电梯条件。",
])
def test_survey_findings_are_statistics(text: str) -> None:
    assert _values(text) == []


def test_survey_then_a_goal_year_stays_a_goal() -> None:
    # what must not change: a survey's lead before a goal to come
    assert _values("经调研，计划到2027年新建充电桩3000个。") == [(2027, 3000.0)]


@pytest.mark.parametrize("text", [
    # the group a rank is taken in (退出全国168个重点城市后20名): its size is no amount to reach
    "力争空气质量综合指数退出全国168个重点城市后20名。",
    "確保空氣質量綜合指數退出全國168個重點城市後20名。",
    "争取全市PM2.5浓度退出全国74个重点城市后10位。",
    "力争综合指数退出168个城市排名后20位。",
])
def test_group_of_a_rank_is_no_amount(text: str) -> None:
    assert _values(text) == []


def test_count_before_a_rank_of_its_part_stays() -> None:
    # what must not change: an amount of works, a part of which is ranked
    assert _values("力争新建公园12个，其中5个进入全省前10名。") == [(None, 12.0)]
