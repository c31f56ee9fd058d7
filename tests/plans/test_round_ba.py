"""Round ba (issue 10, session 17): targets not read at all in a plan's voice.

Sentences written for these tests (none is a gold quote).
"""
from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _values(text: str) -> list[tuple[int | None, float]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


@pytest.mark.parametrize("text, expected", [
    # an amount of work in a plan's voice — the sentence, the one leading its paragraph or a heading above opens on a
    # task — with no year or goal marker of its own: the amount opening the noun it counts is the goal's value
    ("实施农村清洁供暖改造工程。改造农村5600户分散燃煤取暖设施。", [(None, 5600.0)]),
    ("加快老旧小区改造，改造32个老旧小区。", [(None, 32.0)]),
    ("實施城鎮供熱管網改造。更新改造45公里老舊供熱管網。", [(None, 45.0)]),
    ("（三）实施路网提升工程\n打通8条断头路，拓宽12条主干道。", [(None, 8.0), (None, 12.0)]),
    ("提升雨污分流水平，改造12条背街小巷的雨污管网。", [(None, 12.0)]),
    ("县城供热：改造12公里老旧供热管网。", [(None, 12.0)]),
    # the verb-free reading: a clause opening on its work (a verb it does not know), then its object and amount
    ("完善供水管网。新铺供水管道85公里，新发展供水用户6000户。", [(None, 85.0), (None, 6000.0)]),
    ("加快燃气管网建设，新铺燃气管道120公里。", [(None, 120.0)]),
])
def test_amount_of_work_in_plan_voice(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: the same works reported (a year gone, 以来, 了, 已), a stock or a daily figure stated in a plan's
    # paragraph, a price, a duration of work
    "2023年，全市改造农村5600户分散燃煤取暖设施。",
    "去年以来，改造32个老旧小区。",
    "过去五年，改造了32个老旧小区，打通8条断头路。",
    "推进污水管网建设。已改造12条背街小巷的雨污管网。",
    "加快燃气管网建设。全县燃气管道总长120公里。",
    "开展专项整治，日均清运生活垃圾670吨。",
    "完善环卫设施。每只回收价格0.5元。",
    "全县现有1.2万户分散供热设施。",
    "水泥行业生产线停产改造一个月。",
])
def test_report_or_stock_in_plan_voice_stays_unread(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # how many units (a count or a share of them) are to reach a state, the number in the subject: the plan's existential
    # 有 before it (将有, 要有), a town's scope (全镇), 达标 as the state reached, a hedged count with 的 before its noun
    ("到2027年底，全市将有40个社区完成垃圾分类改造。", [(2027, 40.0)]),
    ("到2027年，全县要有30个村达到美丽乡村标准。", [(2027, 30.0)]),
    ("到2027年，全市將有40個社區完成垃圾分類改造。", [(2027, 40.0)]),
    ("到2027年，全镇12个村全部建成美丽乡村。", [(2027, 12.0)]),
    ("到2027年，全区8个街道均达标。", [(2027, 8.0)]),
    ("2027年力争70%以上的农村学校达标。", [(2027, 70.0)]),
    ("到2027年，全市90%以上的医院达标。", [(2027, 90.0)]),
    ("到2027年建成50个左右的绿色社区。", [(2027, 50.0)]),
])
def test_units_reaching_a_state(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: the same counts told as they stand (目前, 现有, 去年, 截至), a share not reaching it (未达标), a
    # threshold before 的 (存栏5000头以上的: the size of the things meant)
    "目前，全市有40个社区完成垃圾分类改造。",
    "截至2023年底，全省85%以上的学校达标。",
    "全市现有12个村建成美丽乡村。",
    "去年全县有30个村达到美丽乡村标准。",
    "全国仍有35%的城市空气质量未达标。",
])
def test_units_reaching_a_state_told_stay_unread(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # a task shared out: under a heading or a line naming the task, a sentence that is only (name, amount) items in one
    # measure word lists the task's shares (its total too)
    ("各镇任务\n东镇4720株，西镇8810株，南乡4500株。", [(None, 4720.0), (None, 8810.0), (None, 4500.0)]),
    ("（三）各乡的任务\n东岭乡3600株，南山2100株，西河子2900株。", [(None, 3600.0), (None, 2100.0), (None, 2900.0)]),
    ("二、任务分解\n甲区1200户、乙县1500户、丙镇800户，合计3500户。",
     [(None, 1200.0), (None, 1500.0), (None, 800.0), (None, 3500.0)]),
    ("各鎮的任務\n東鎮4720株，西鎮8810株。", [(None, 4720.0), (None, 8810.0)]),
    ("年度目标分解\n东街道12个，西街道15个。", [(None, 12.0), (None, 15.0)]),
])
def test_task_shared_out(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: the same list under a heading of results, with no heading, or telling what was done
    "各镇完成情况\n东镇4720株，西镇8810株。",
    "二、主要成效\n东镇4720株，西镇8810株。",
    "东镇4720株，西镇8810株。",
    "各镇的任务\n截至目前，东镇完成4720株，西镇完成8810株。",
    "各镇的任务\n东镇已完成4720株，西镇已完成8810株。",
])
def test_shares_told_or_unheaded_stay_unread(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # a short gloss in brackets right after an item's value (its scope, what the project approved) stands aside: the item
    # ends after it and the list goes on
    ("年度任务：绿化面积360亩（荒山及通道）、抚育面积500亩。", [(None, 360.0), (None, 500.0)]),
    ("年度任务：退化林修复2万亩（中央项目）；封山育林4万亩（省级项目）。", [(None, 2.0), (None, 4.0)]),
    ("年度任務：綠化面積360畝（荒山及通道）、撫育面積500畝。", [(None, 360.0), (None, 500.0)]),
])
def test_item_glossed_in_brackets(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: the same list told done or under a heading of results
    "2023年完成绿化面积360亩（荒山及通道）、抚育面积500亩。",
    "2023年工作成效：绿化面积360亩（荒山及通道）、抚育面积500亩。",
])
def test_glossed_items_told_stay_unread(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # units a plan writes that were not read: a network's delay in milliseconds, an area in m2
    ("到2027年，城区边缘计算节点访问时延小于3毫秒。", [(2027, 3.0)]),
    ("到2027年，城際專網時延控制在15毫秒以內。", [(2027, 15.0)]),
    ("到2027年，新增供热面积100万m2。", [(2027, 100.0)]),
])
def test_units_milliseconds_and_m2(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


def test_delay_told_stays_unread() -> None:
    # what must not change: today's delay is a statistic
    assert _values("目前，全省网络平均时延为30毫秒。") == []


@pytest.mark.parametrize("text, expected", [
    # what each unit is to have (有 after a distributive subject, with intent or a year), and a count of units whose
    # bracket names a part they include before their verb
    ("确保每个社区（村）有3名专职网格员。", [(None, 3.0)]),
    ("到2027年，每所学校都有1名专职心理教师。", [(2027, 1.0)]),
    ("力争每个乡镇有1座标准化污水处理站。", [(None, 1.0)]),
    ("每個社區要有2名網格員。", [(None, 2.0)]),
    ("到2027年，8个以上地级市（含新区）达到省级生态园林城市标准。", [(2027, 8.0)]),
])
def test_each_unit_has_and_count_with_part(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: what each unit has today, 有效 (no 有 of having), 有一个 (an article, no count in figures), a
    # count whose bracket glosses its class in a report
    "目前，每个村有2名保洁员。",
    "全县每个村有2名保洁员。",
    "每个村有效保洁面积2万平方米。",
    "每个站点有一个便民服务窗口。",
    "全省86个县（市、区）全部纳入示范范围，建成了一批样板工程。",
])
def test_each_unit_has_told_stays_unread(text: str) -> None:
    assert _values(text) == []


def test_share_of_last_years_base_is_a_goal() -> None:
    # 上年 naming the base a share is taken of (不低于上年供气量的0.5%) tells no report of last year
    assert _values("到2027年，燃气企业年度节气量不低于上年供气量的0.5%。") == [(2027, 0.5)]


def test_last_years_share_told_stays_unread() -> None:
    # what must not change: last year's share told as it was
    assert _values("去年全市新能源汽车占新车销量的30%。") == []


@pytest.mark.parametrize("text, expected", [
    # the amount a goal is said to be (目标为/目标是), its measure named after it
    ("本次峰会的碳中和目标为800吨减排量。", [(None, 800.0)]),
    ("活动目标为600吨减排量。", [(None, 600.0)]),
    ("到2027年，目标是2万吨再生资源回收量。", [(2027, 2.0)]),
])
def test_goal_said_to_be_an_amount(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


def test_last_years_goal_told_with_its_outcome_stays_unread() -> None:
    # what must not change: a goal of a year gone, told with what was done
    assert _values("去年的目标为600吨减排量，实际完成700吨。") == []
