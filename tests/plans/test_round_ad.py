"""Round ad (issue 10, session 16): counted works missed whole — a list closed by 等 and its count.

Sentences written for these tests (none is a gold quote).
"""
from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _values(text: str) -> list[tuple[int | None, float]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


@pytest.mark.parametrize("text, expected", [
    # a clause opening on a verb of work, the things named and closed by 等, then their count and noun: the count is the
    # work's amount, framed or not, as 建成12条背街小巷 is
    ("改造提升人民路、解放路等12条背街小巷，方便居民出行。", [(None, 12.0)]),
    ("新建城东、城西等4座污水处理厂，服务城区居民。", [(None, 4.0)]),
    ("打造老街、古镇等6个特色街区，吸引游客。", [(None, 6.0)]),
    ("开工建设第一中学新校区和实验小学等4所学校，增加学位。", [(None, 4.0)]),
    ("整治东湖、西湖等5个湖泊，改善水质。", [(None, 5.0)]),
    ("全面建成滨河路、环城路等8条城市道路，打通断头路。", [(None, 8.0)]),
    # 繁体
    ("開工建設第一中學新校區等4所學校，增加學位。", [(None, 4.0)]),
    # each thing's voltage class opening the noun, and an ellipsis closing the clause
    ("2026年，开工建设城南、城北等3个220千伏变电站，提升供电能力。", [(2026, 3.0)]),
    ("建成文化路、花园路等10条支路……市民出行更便捷。", [(None, 10.0)]),
])
def test_count_of_a_list_closed_by_deng(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    # what must not change: no verb of work opens the clause (subjects, departments), an effort on what exists,
    # a work told done, a year gone, the plan's own parts
    "直辖市、省会城市等46个重点城市空气质量明显改善。",
    "省住房城乡建设厅等9个部门联合印发通知。",
    "深化甲园区、乙园区等12个园区管理。",
    "去年建成了人民路、解放路等12条道路。",
    "2013年建成人民路、解放路等12条道路。",
    "实施新能源车辆、电子运单等4项行动计划。",
    "完成进度30%以上的有甲市、乙市、丙市等15个地区。",
])
def test_deng_lists_that_stay_out(text: str) -> None:
    assert _values(text) == []


def test_verb_opening_the_list_governs() -> None:
    # a 达 inside a listed name is no verb of level: the count is the work's amount (=), named by its noun
    targets = extract_plan("2026年，开工建设万达广场、恒达花园等3个停车场，缓解停车难。").targets
    assert [(t.year, t.value, t.relation, t.indicator) for t in targets] == [(2026, 3.0, "=", "停车场")]


def test_deng_list_told_done_with_le_stays_out() -> None:
    # the same list in a sentence telling its work done with 了 (an account of the year's work): no goal
    text = "2026年，改造人民路、解放路等12条背街小巷，将老旧街巷转变成了干净整洁的生活空间。"
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # a year's 主要预期目标 list: a past year inside a bracket aside (剔除/不含/扣除…) qualifies what is counted, it does
    # not turn the pieces after ； into a report
    ("2026年经济社会发展主要预期目标是：地区生产总值增长6%左右；一般公共预算收入（剔除2025年一次性因素）增长4%；"
     "城镇居民人均可支配收入增长6.5%。", [(2026, 6.0), (2026, 4.0), (2026, 6.5)]),
    ("2025年全县发展的主要预期目标为：规上工业增加值增长7%；固定资产投资（不含2024年新增专项债项目）增长5%左右；"
     "社会消费品零售总额增长6%。", [(2025, 7.0), (2025, 5.0), (2025, 6.0)]),
    ("2026年主要預期目標是：地區生產總值增長6%左右；一般公共預算收入（扣除2025年一次性收入）增長4%；居民人均可支配收入增長6%。",
     [(2026, 6.0), (2026, 4.0), (2026, 6.0)]),
    # the list quoted before the lead telling the year's 预期目标 as set (已经确定, 已经敲定), an ellipsis cutting it short
    ("“地区生产总值增长6%左右，一般公共预算收入增长4%”，2026年全市主要预期目标已经确定。", [(2026, 6.0), (2026, 4.0)]),
    ("GDP增长5%左右、规上工业增加值增长6%……2026年区里的预期目标已经敲定。", [(2026, 5.0), (2026, 6.0)]),
])
def test_economic_goal_lists(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what must not change: goals judged as met, a year gone outside the bracket, a piece after ； naming a past year
    ("“地区生产总值增长5.4%”，2025年全市主要目标已完成。", []),
    ("2022年全县一般公共预算支出（扣除疫情防控支出外）增长3%。", []),
    ("2023年全县主要指标：地区生产总值增长5%；一般公共预算支出（扣除2022年灾后重建支出外）增长3%；2022年全县城镇新增就业1万人。",
     [(2023, 5.0), (2023, 3.0)]),
])
def test_economic_look_alikes(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the 其中 parts of a counted work, each with a bracket naming a part it includes (含…, 其中…): the bracket stands
    # aside, the list goes on after it, and the part inside is a part of the goal too
    ("新建和改扩建25所学校，其中城区学校10所（含幼儿园4所）、乡镇学校15所（含幼儿园5所），新增学位6120个。",
     [25.0, 10.0, 4.0, 15.0, 5.0, 6120.0]),
    ("2026年新建公园12个，其中综合公园4个（含湿地公园1个）、口袋公园8个。", [12.0, 4.0, 1.0, 8.0]),
    ("建设充电桩500个，其中公共充电桩300个（含快充桩100个）、专用充电桩200个。", [500.0, 300.0, 100.0, 200.0]),
    ("新建養老服務站12個，其中城區8個(含日間照料中心3個)、鄉鎮4個。", [12.0, 8.0, 3.0, 4.0]),
])
def test_parts_with_a_bracket_aside(text: str, expected: list[float]) -> None:
    assert [v for _, v in _values(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # what must not change: money included is no part of a work, a value restated in brackets is no second target
    ("完成投资5亿元（含中央资金2亿元）。", []),
    ("2026年改造老旧小区30个（含无物业小区10个），新增停车位2000个。", [30.0, 10.0, 2000.0]),
    ("到2025年，化学需氧量排放量下降18963吨（16.8%）。", [18963.0]),
])
def test_bracket_look_alikes(text: str, expected: list[float]) -> None:
    assert [v for _, v in _values(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # 竣工 is a verb of works as 完工 is: its object and amount are the work (a year's list of housing works)
    ("全年竣工保障性住房3000套以上，新开工1000套。", [3000.0, 1000.0]),
    ("2026年竣工安置房1200套。", [1200.0]),
    ("竣工安置房1200套，其中城区800套。", [1200.0, 800.0]),
    ("竣工公租房8000套（间）以上，开展配租工作不少于2次。", [8000.0, 2.0]),
    ("竣工老旧小区改造项目25个。", [25.0]),
])
def test_jungong_is_a_verb_of_works(text: str, expected: list[float]) -> None:
    assert [v for _, v in _values(text)] == expected


@pytest.mark.parametrize("text", [
    # told done, an acceptance, a date
    "已竣工安置房1200套。",
    "竣工验收安置房1200套。",
    "项目竣工日期为2026年6月。",
])
def test_jungong_look_alikes(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    # the other measure word in brackets after a count (套(间), 条(个), 台(套)): the bound written after it is the amount's
    ("2026年新建幸福河湖13条（个）以上。", [(2026, 13.0, "条", ">=")]),
    ("2027年淘汰老旧设备2000台(套)以上。", [(2027, 2000.0, "台", ">=")]),
    ("2026年竣工保障房800套（间）左右。", [(2026, 800.0, "套", "=")]),
])
def test_bound_after_the_other_measure_word(text: str, expected: list[tuple[int, float, str, str]]) -> None:
    assert [(t.year, t.value, t.unit, t.relation) for t in extract_plan(text).targets] == expected


@pytest.mark.parametrize("text, expected", [
    # a count after counts a verb of work took, joined by 、/和/及: the same verb's next amount (推进, 遴选, 实施 as 新建)
    ("继续推进300个样板村和25个示范村建设。", [300.0, 25.0]),
    ("推进30个老旧小区和12个城中村改造。", [30.0, 12.0]),
    ("繼續推進30個老舊小區和12個城中村改造。", [30.0, 12.0]),
])
def test_next_count_of_the_same_verb(text: str, expected: list[float]) -> None:
    assert [v for _, v in _values(text)] == expected


@pytest.mark.parametrize("text", [
    # a scope, an effort on what exists, a 对-phrase, a stock
    "涉及12个乡镇和3500户居民。",
    "深化10个园区和5个基地管理。",
    "对5个县和12个乡镇开展督查。",
    "全市共有12个乡镇和5个街道。",
])
def test_next_count_look_alikes(text: str) -> None:
    assert _values(text) == []


def test_parts_of_a_programme_after_baokuo() -> None:
    # the parts of a programme named after 包括: the next count is no count the verb took (the first reads as before)
    text = "2026年实施“48工程”，具体包括推进4条高速公路、8条国省干线公路建设。"
    assert 8.0 not in [v for _, v in _values(text)]
