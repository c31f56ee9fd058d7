"""Round vb (issue 10, session 14): goals written as items — a count or amount with no goal verb of the usual kind.

Convention: tests/plans/gold/README.md, "Round vb (issue 10, session 14)". Every sentence here was written for these
tests, in the phrasings other bureaus use; none is a gold quote."""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _values(text: str) -> set[tuple[int | None, float, str | None]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


# --- items after a goals lead: a noun and its number, no verb -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2026年工作目标：新能源公交车200辆，公共充电桩500个。", {(2026, 200.0, "辆"), (2026, 500.0, "个")}),
    ("到2027年，主要目标：口袋公园30个、城市绿道80公里。", {(2027, 30.0, "个"), (2027, 80.0, "公里")}),
    ("到2026年底，本区的目标任务是：社区养老服务站15个；家庭养老床位300张。", {(2026, 15.0, "个"), (2026, 300.0, "张")}),
    ("2027年度指标如下：示范小区12个，垃圾分类督导员800名。", {(2027, 12.0, "个"), (2027, 800.0, "名")}),
    ("2026年目標：新能源公車200輛，公共充電樁500個。", {(2026, 200.0, "辆"), (2026, 500.0, "个")}),
])
def test_items_after_a_goals_lead(text: str, expected: set[tuple[int | None, float, str | None]]) -> None:
    assert expected <= _values(text)


def test_an_item_counting_things_is_a_bare_number() -> None:
    # gold README, Relation: bare numbers are =; only an indicator's label (率, 面积 …) takes its direction
    got = {(t.value, t.relation) for t in extract_plan("2026年工作目标：新能源公交车200辆，公共充电桩500个。").targets}
    assert got == {(200.0, "="), (500.0, "=")}


# --- the object before its count: 对N个X + the work done on them; verbs of reorganising works --------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("到2026年，对12个老旧园区进行整合。", (2026, 12.0, "个")),
    ("2026年底前，对8个工业集聚区实施撤并。", (2026, 8.0, "个")),
    ("力争到2027年，对15个小散乱作坊全部关停取缔。", (2027, 15.0, "个")),
    ("到2026年，整合20个村级污水站点。", (2026, 20.0, "个")),
    ("到2026年，对20个中心村予以保留，对12个空心村予以撤并。", (2026, 20.0, "个")),
    ("到2028年，全县将撤并小型垃圾中转站9座。", (2028, 9.0, "座")),
    # verbs of setting up, handling and clearing things, the object between the verb and its count
    ("2026年底前，增设社区快递驿站40个。", (2026, 40.0, "个")),
    ("到2027年，全区净增规上工业企业120家以上。", (2027, 120.0, "家")),
    ("到2026年，盘活闲置厂房15万平方米，处置历史遗留废渣8万吨。", (2026, 8.0, "万吨")),
    ("到2027年，全市新设社区托育点60个。", (2027, 60.0, "个")),
    ("到2027年，在城郊打造5片城市森林。", (2027, 5.0, "片")),
])
def test_the_work_done_on_a_count(text: str, expected: tuple[int | None, float, str | None]) -> None:
    assert expected in _values(text)


# --- units of work repeated over the same land or by the same machines ----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("到2026年，完成统防统治面积50万亩次。", (2026, 50.0, "万亩次")),
    ("2026年底前，开展病虫害飞防作业30万亩次，植保无人机作业2000架次。", (2026, 2000.0, "架次")),
])
def test_repeated_work_units_and_the_list_they_open(text: str, expected: tuple[int | None, float, str | None]) -> None:
    assert expected in _values(text)


def test_a_list_going_on_after_a_repeated_work_unit() -> None:
    got = _values("到2027年，完成绿色防控技术推广120万亩次以上，田间试验5个，农户施肥调查200户。")
    assert {(2027, 120.0, "万亩次"), (2027, 5.0, "个"), (2027, 200.0, "户")} <= got


# --- look-alikes that stay as they are -------------------------------------------------------------------------

def test_a_scope_after_a_goals_lead_is_no_item() -> None:
    # the places a work covers are its scope (gold README: scopes are not targets)
    assert _values("2026年工作目标：改造老旧小区，涉及8个街道、35个社区。") == set()


def test_money_after_a_goals_lead_is_no_item() -> None:
    assert _values("2026年工作目标：安排专项资金2亿元。") == set()


def test_parts_of_the_plan_after_a_goals_lead_are_no_items() -> None:
    # how many works a plan is made of counts the plan, not a result
    assert _values("2026年主要任务：重点工程5项、重大行动3个。") == set()


def test_a_count_acted_on_without_a_lead_in_a_review_stays_a_report() -> None:
    # a past year's work on a count reports (2021 < the assumed issue year)
    assert _values("2021年，对12个老旧园区进行了整合。") == set()


def test_money_set_up_is_no_work_amount() -> None:
    assert _values("到2026年，设立专项资金5000万元。") == set()


def test_people_helped_stay_unread() -> None:
    # beneficiaries are not targets (gold README); no verb of helping people was added
    assert _values("到2026年，帮扶困难群众2000人。") == set()


def test_a_district_is_no_tract() -> None:
    # 片区 is a word of its own, not 片 the measure word
    assert all(u != "片" for _, _, u in _values("到2026年，建成3片区示范工程。"))


def test_a_heading_item_without_a_goals_lead_stays_unread() -> None:
    # a noun and a number with no verb and no goals lead is a fact, not a goal
    assert _values("全市现有公交车2000辆，充电桩500个。") == set()


def test_classes_named_by_their_work_are_no_work() -> None:
    # the sorting of what a survey found (关停类 / 搬迁类) counts classes, not works to do
    got = _values("到2026年，对排查出的120家企业进行分类，其中关停类企业40家，整改搬迁类企业30家。")
    assert (2026, 40.0, "家") not in got and (2026, 30.0, "家") not in got


def test_a_count_shared_out_over_a_list_of_works_is_their_scope() -> None:
    got = _values("2026年6月底前，对全区86个村级站点依法开展保留、整合、撤并工作。")
    assert (2026, 86.0, "个") not in got
