"""Round te (issue 10, session 13): a year's list of projects, continued — the measure words, lengths and verbs of
its works and services. Sentences written for the tests.

Conventions: tests/plans/gold/README.md, section "Round te (issue 10, session 13)".
"""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.quantities import find_quantities


def _read(text: str) -> set[tuple[int | None, float, str]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


def _units(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(text)]


def test_measure_words_of_a_list_of_works_count() -> None:
    """Convention 1: beds, rooms, lifts, signs, people and events are counted in figures (张, 间, 部, 块, 名, 场次)."""
    got = _read("2026年，全县将新增养老床位150张，建设母婴室16间，加装老旧住宅电梯35部，"
                "安装交通警示牌48块，培训家政服务人员600名，举办文化惠民演出120场次。")
    assert got == {(2026, 150.0, "张"), (2026, 16.0, "间"), (2026, 35.0, "部"), (2026, 48.0, "块"),
                   (2026, 600.0, "名"), (2026, 120.0, "场次")}


def test_measure_words_that_are_other_words_stay_unread() -> None:
    """What must not change: a numeral before the other word (一张蓝图, 一部分, 3部门, 10场馆) and a rank (前10名)."""
    assert _units("坚持一张蓝图绘到底") == []
    assert _units("其中一部分由3部门联合推进") == []
    assert _units("全市空气质量排名进入全省前10名") == []
    assert _units("力争新建10场馆") == []


def test_verbs_of_works_and_services_take_their_amounts() -> None:
    """Convention 2: 改建, 增建, 开设, 新开工, 购置, 制作, 提供, 举办 — their object and its amount are the target."""
    got = _read("2026年，全区将改建普惠托育点8个，增建电动自行车充电车棚60处，开设社区老年大学教学点15个，"
                "新开工城中村改造项目4个，购置课桌椅2400套，制作防溺水警示牌90个，提供公益性岗位500个，"
                "举办专场招聘会25场，加装更新既有住宅电梯300部以上。")
    assert got == {(2026, 8.0, "个"), (2026, 60.0, "处"), (2026, 15.0, "个"), (2026, 4.0, "个"),
                   (2026, 2400.0, "套"), (2026, 90.0, "个"), (2026, 500.0, "个"), (2026, 25.0, "场"),
                   (2026, 300.0, "部")}


def test_an_article_after_a_verb_of_services_is_no_count() -> None:
    """What must not change: 提供一个更加…的 is an article before a description, 建一个规范的 a count of one."""
    assert _read("2026年，全县将为群众提供一个更加便捷的办事环境。") == set()
    assert _read("2026年，每个乡镇都要至少建一个规范的垃圾转运站。") == {(2026, 1.0, "个")}


def test_a_length_of_work_in_bare_metres() -> None:
    """Convention 3: a bare 米 after a verb of works and its object is the length of the work."""
    got = _read("2026年，全镇将铺设供水管道860米，新建排水沟渠1200米，对老街立面进行整治，整治长度为300米。")
    assert got == {(2026, 860.0, "米"), (2026, 1200.0, "米"), (2026, 300.0, "米")}


def test_a_bare_metre_that_is_a_height_or_a_limit_stays_unread() -> None:
    """What must not change: a height, a width, a limit (高60米, 宽8米, 宜低于80米) in bare 米 is no length of work."""
    assert _read("2026年，全区将建设高60米的观景塔1座。") == {(2026, 1.0, "座")}
    assert _read("2026年，全区将新建宽8米的村道5公里。") == {(2026, 5.0, "公里")}
    assert _read("2026年起，新建住宅建筑高度宜低于80米。") == set()


def test_the_reach_of_a_service_is_no_target() -> None:
    """Convention 4: 覆盖群众N万人 after a service is its reach, like 惠及/受益; the service's own count is the target."""
    assert _read("2026年，全县将开展送医下乡活动60场次，覆盖群众3万人。") == {(2026, 60.0, "场次")}


def test_a_lead_with_the_lists_size_between_its_year_and_name_dates_its_items() -> None:
    """Convention 5: 确定2026年8项民生实事项目如下 names the year's list; its undated items are that year's."""
    text = "区人大代表票决确定2026年8项民生实事项目如下：\n一、校园安全工程\n新建校园安全岗亭15个。\n"
    assert _read(text) == {(2026, 15.0, "个")}
    text = "某区2026年12个民生实事项目具体如下\n一、养老服务项目\n新建社区助餐点18个。\n"
    assert _read(text) == {(2026, 18.0, "个")}


def test_the_next_count_of_a_verb_of_works_in_a_list() -> None:
    """Convention 2: 开设A 40个、B 12个 — the count after 、 is the same verb's next amount."""
    got = _read("2026年，全区将开设四点半课堂30个、周末托管班12个，开设社区食堂9家、助餐点21个。")
    assert got == {(2026, 30.0, "个"), (2026, 12.0, "个"), (2026, 9.0, "家"), (2026, 21.0, "个")}
    got = _read("2026年，全区将更换老旧路灯260盏、破损井盖75个。")
    assert got == {(2026, 260.0, "盏"), (2026, 75.0, "个")}


def test_a_count_of_places_before_the_things_worked_on() -> None:
    """Convention 6: 维修更换农村N处的机泵 — a verb of works, the part of the land, then how many places."""
    assert _read("2026年，全县将维修养护农村45处的供水设施。") == {(2026, 45.0, "处")}


def test_a_count_before_the_things_of_a_size_stays_an_attribute() -> None:
    """What must not change: a count with its bound before 的 (10家以上的企业) after a verb of works names whom."""
    assert _read("2026年，全县将对年用水量超过5万吨的企业开展节水改造。") == set()


def test_new_work_on_what_exists_is_no_report() -> None:
    """Convention 7: 在现有X的基础上，新增… builds on what exists; the clause reports nothing."""
    text = "2026年民生实事项目\n在现有社区服务站的基础上，新增“家门口”服务驿站6个，提供公益性岗位300个。\n"
    assert _read(text) == {(2026, 6.0, "个"), (2026, 300.0, "个")}


def test_what_exists_still_reports() -> None:
    """What must not change: 现有 telling a stock (全县现有养老机构12家) is a report, no target."""
    assert _read("2026年民生实事项目\n全县现有养老机构12家。\n") == set()


def test_how_many_a_work_is_done_for() -> None:
    """Convention 8: 为N名/所X + a verb of works — how many the work is done for is its amount."""
    got = _read("2026年，全县将为3500名失能老人配备智能手环，为42所农村学校安装净水设备。")
    assert got == {(2026, 3500.0, "名"), (2026, 42.0, "所")}


def test_a_count_after_a_copula_is_no_work() -> None:
    """What must not change: 为 as a copula before a count (名次为5个区县中第一) sets no work."""
    assert _read("2026年，全区考核名次为5个区县中第一。") == set()
