"""Round wa (issue 10, session 14): sentences pasted alone — the plan period named as its plan's span, the
corner quotes of a 繁体 page, and the other verbs of building and planting.

Sentences written for these tests (no gold quote): other bureaus' phrasings — 规划期内 / 规划期间 / 规划期末, with and
without quotes and commas, the subject before the period, 繁体 with 「」, the period with intent run into its
clause; the verbs 兴建, 修建, 营建, 新植, 补植, 栽种, 新栽 before their object and amount — and the look-alikes that
stay as they are."""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _read(text: str) -> list[tuple[int | None, float]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


PLAN_SPAN = [
    ("“十四五”规划期内，新增光伏装机500万千瓦。", (2025, 500.0)),
    ("十四五规划期间，全市新建充电桩3000个。", (2025, 3000.0)),
    ("在“十五五”规划期内，累计造林20万亩。", (2030, 20.0)),
    ("“十四五”规划期内全省将建成污水处理厂15座。", (2025, 15.0)),
    ("「十四五」規劃期內，新增公交車200輛。", (2025, 200.0)),
    ("十五五规划期内,开展42个地热能开发利用项目。", (2030, 42.0)),
    ("「十四五」期间，新增公交车200辆。", (2025, 200.0)),
    ("「十五五」時期，全市新建充電樁3000個。", (2030, 3000.0)),
]


@pytest.mark.parametrize(("text", "expected"), PLAN_SPAN)
def test_the_plan_period_named_as_its_plans_span_dates_the_clause(text: str, expected: tuple[int, float]) -> None:
    assert expected in _read(text)


BUILD_PLANT = [
    ("到2027年,营建水源涵养林3万亩。", (2027, 3.0)),
    ("到2027年，兴建水厂3座。", (2027, 3.0)),
    ("到2026年,全县修建健身步道20公里。", (2026, 20.0)),
    ("2027年前，新植乔木5万株。", (2027, 5.0)),
    ("到2025年，补植苗木8000株。", (2025, 8000.0)),
    ("到2028年，全市栽种行道树300棵。", (2028, 300.0)),
    ("“十五五”期间，新栽经济林12万亩。", (2030, 12.0)),
    ("「十五五」期間，全縣興建污水處理廠5座。", (2030, 5.0)),
    ("到2026年，全市共营建口袋公园20个。", (2026, 20.0)),
]


@pytest.mark.parametrize(("text", "expected"), BUILD_PLANT)
def test_the_other_verbs_of_building_and_planting_take_their_amount(text: str, expected: tuple[int, float]) -> None:
    assert expected in _read(text)


STAY = [
    # a review of the plan's years reports, as “十三五”以来 does
    "“十三五”规划实施以来，全市新增光伏装机500万千瓦。",
    # a past year's work stays a report
    "2019年，全市修建步道20公里。",
]


@pytest.mark.parametrize("text", STAY)
def test_the_look_alikes_stay_without_a_target(text: str) -> None:
    assert _read(text) == []


def test_a_noun_the_building_verb_starts_takes_no_amount() -> None:
    # 營建工程 is the construction trade a levy is named for, not a verb of building
    assert (None, 35.0) not in _read("每年將從營建工程空污費撥款35億元，補助地方政府。")


LATER_YEAR = [
    ("新增生物质发电装机50万千瓦,2025年生物质发电装机达160万千瓦。", (2025, 50.0)),
    ("全省新建充电桩3000个,2027年底前全部投入使用。", (2027, 3000.0)),
    ("新增生物质发电装机50万千瓦,力争2025年前全部建成并网。", (2025, 50.0)),
    ("改造老旧小區120個，確保2026年底前完工。", (2026, 120.0)),
    ("新建污水管网80公里，2027年全市污水集中收集率达到75%。", (2027, 80.0)),
    ("分别新增光伏、风电装机1500、500万千瓦,2025年光伏、风电总装机达到3200万千瓦。", (2025, 500.0)),
    ("建成充电站50座，要求2025年以前全部投用。", (2025, 50.0)),
    ("新建储能电站4座，要求力争2027年前全部投运。", (2027, 4.0)),
    ("实施农房抗震改造2000户，于2026年底前全部完成验收。", (2026, 2000.0)),
]


@pytest.mark.parametrize(("text", "expected"), LATER_YEAR)
def test_a_year_ahead_told_after_the_work_dates_the_clause_before(text: str, expected: tuple[int, float]) -> None:
    assert expected in _read(text)


def test_a_base_year_after_the_work_dates_nothing() -> None:
    # 比2020年 is the base of a change, not a deadline: the amount before it stays undated
    assert (None, 50.0) in _read("新增光伏装机50万千瓦，比2020年增长20%。")


TOTAL_SET = [
    ("到2026年，全市共新建公园12个。", (2026, 12.0)),
    ("到2020年,共建设风电项目23个。", (2020, 23.0)),
    ("到2027年，全縣共建設污水管網80公里。", (2027, 80.0)),
    ("力争到2028年，共完成造林5万亩。", (2028, 5.0)),
    ("2027年底前，全区共创建示范村30个。", (2027, 30.0)),
    ("到2026年底，全区共整治黑臭水体15条。", (2026, 15.0)),
    ("到2029年，全省共实施農房改造1200戶。", (2029, 1200.0)),
    ("确保至2027年，共实施农房改造2000户。", (2027, 2000.0)),
]


@pytest.mark.parametrize(("text", "expected"), TOTAL_SET)
def test_a_total_under_a_deadline_before_it_is_a_goal(text: str, expected: tuple[int, float]) -> None:
    assert expected in _read(text)


def test_a_total_with_no_deadline_before_it_still_reports() -> None:
    # 共建设 … with only a later year's intent after it: the works built so far
    assert _read("另外，全市共建设污泥处置工程11座，2015年将继续推进。") == []


def test_a_projection_after_a_goal_in_the_plans_span_leaves_the_goal() -> None:
    # 预计 opens a later clause: the goal before it, under 规划期内, keeps its target
    text = "“十四五”规划期内，全省新建充电站300座，预计带动投资50亿元。"
    assert _read(text) == [(2025, 300.0)]


OVER_COUNT = [
    ("到2027年,推进建设超100个5G应用城市。", (2027, 100.0)),
    ("到2027年，培育超50家专精特新企业。", (2027, 50.0)),
    ("到2026年，新建逾30座口袋公园。", (2026, 30.0)),
    ("“十五五”期间，打造超20个特色小镇。", (2030, 20.0)),
    ("到2028年，全縣新增超5000個充電樁。", (2028, 5000.0)),
    ("到2027年建成超200公里绿道。", (2027, 200.0)),
    ("到2026年，完成超100个村庄整治。", (2026, 100.0)),
    ("到2029年,累计修复超3000公顷湿地。", (2029, 3000.0)),
]


@pytest.mark.parametrize(("text", "expected"), OVER_COUNT)
def test_a_floor_written_chao_between_the_verb_and_its_count_is_taken(text: str, expected: tuple[int, float]) -> None:
    assert expected in _read(text)


def test_a_floor_of_last_year_stays_a_report() -> None:
    assert _read("去年全市建设超100个5G基站。") == []


SOURCE_THEN_PERIOD = [
    ("此外,根据《某市项目表》,“十四五”重点建设风光储项目共计20个。", (2025, 20.0)),
    ("根据《全省充电设施规划》，“十五五”新建充电站300座。", (2030, 300.0)),
    ("依據《行動計劃》，「十五五」全縣新增綠地50公頃。", (2030, 50.0)),
    ("依照《专项规划》，“十五五”建成绿道200公里。", (2030, 200.0)),
    ("根据《行动方案》，十五五新增光伏装机100万千瓦。", (2030, 100.0)),
    ("按照《项目清单》，“十四五”实施乡村振兴项目45个。", (2025, 45.0)),
    ("根据《三年行动计划》,“十五五”打造特色街区8条。", (2030, 8.0)),
    ("依据《工程方案》，“十四五”新改建农村公路300公里。", (2025, 300.0)),
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_THEN_PERIOD)
def test_a_plan_period_after_its_named_source_opens_the_clause(text: str, expected: tuple[int, float]) -> None:
    assert expected in _read(text)


def test_a_past_period_after_a_bulletin_stays_a_report() -> None:
    assert _read("根据《统计公报》，“十三五”全市累计建成公园12个。") == []
