"""Round ta (issue 10, session 13): lists of a year's projects (民生实事, 民生工程). Sentences written for the tests.

Conventions: tests/plans/gold/README.md, section "Round ta (issue 10, session 13)".
"""

from __future__ import annotations

from cocontrol.plans.evaluate import normalize_unit
from cocontrol.plans.extract import extract_plan, goals_set_year
from cocontrol.plans.sentences import find_targets


def _read(text: str) -> list[tuple[int | None, float, str, str]]:
    return [(t.year, t.value, t.unit, t.indicator) for t in extract_plan(text).targets]


def test_a_years_list_of_projects_dates_its_undated_works() -> None:
    """Convention 1: the title names one year's list of projects; its items' works are that year's targets."""
    text = ("某县人民政府2026年度十件民生实事项目公布\n"
            "一、乡村道路畅通工程\n"
            "新修通村产业路30公里，完善沿线排水设施。\n"
            "二、城乡照明工程\n"
            "为偏远村组安装路灯800盏，方便群众夜间出行。\n")
    got = {(y, v, u) for y, v, u, _ in _read(text)}
    assert (2026, 30.0, "公里") in got
    assert (2026, 800.0, "盏") in got


def test_a_page_of_the_lists_year_reads_its_works_as_that_years() -> None:
    """Convention 1: a page dated in the year of the list it names (2026年度十件民生实事项目, posted 2026-01-20)."""
    text = ("某区2026年度十件民生实事项目出炉\n发布时间：2026-01-20\n全区将聚焦群众急难愁盼。\n"
            "全区新建社区食堂4个，改造老旧小区12个。\n")
    got = {(y, v, u) for y, v, u, _ in _read(text)}
    assert got == {(2026, 4.0, "个"), (2026, 12.0, "个")}


def test_a_lead_naming_the_list_opens_its_goals() -> None:
    """Convention 1: a lead naming the list (这八件民生实事项目是：) opens a list of goals; its undated items are targets."""
    got = {(v, u) for _, v, u, _ in _read("这八件民生实事项目是：\n全县新建社区食堂4个；\n全县建成口袋公园6个。\n")}
    assert got == {(4.0, "个"), (6.0, "个")}


def test_a_heading_naming_infrastructure_is_no_review() -> None:
    """基础设施 is the object of the works, not the basis a review sets out: the heading's year dates its item."""
    text = ("一、2026年农村基础设施改造工程\n"
            "新建村级文化广场12处，方便群众开展活动。\n"
            "二、2026年城区绿化工程\n"
            "新建口袋公园6个。\n")
    got = {(y, v, u) for y, v, u, _ in _read(text)}
    assert (2026, 12.0, "处") in got


def test_verbs_of_public_works_take_their_amounts() -> None:
    """Convention 2: 硬化, 铺设, 维修, 更换, 改造升级 … name the work whose amount is the target."""
    for sentence, value, unit in (("硬化村组道路5.2万平方米。", 5.2, "万平方米"),
                                  ("铺设供热管网12公里。", 12.0, "公里"),
                                  ("维修农村小型水库9座。", 9.0, "座"),
                                  ("更换老旧电梯60台。", 60.0, "台"),
                                  ("改造升级配电线路35公里。", 35.0, "公里"),
                                  ("绿化村道12公里。", 12.0, "公里")):
        found = find_targets(sentence, default_year=2026, goal_context=True)
        assert [(f.year, f.quantity.value, f.quantity.unit) for f in found] == [(2026, value, unit)], sentence
    (elevators,) = find_targets("更换60台老旧电梯。", default_year=2026, goal_context=True)
    assert elevators.indicator == "更换老旧电梯"


def test_a_place_and_count_before_the_verb_says_where() -> None:
    """Convention 3: 在20个社区… is where the work is done; the name is the work and its object."""
    (lines,) = find_targets("在20个社区改造升级电力线路8公里。", default_year=2026, goal_context=True)
    assert lines.quantity.value == 8.0 and not lines.indicator.startswith("在")
    assert "电力线路" in lines.indicator
    found = find_targets("在12个乡镇(街道)硬化道路3万平方米并安装路灯600盏。", default_year=2026, goal_context=True)
    names = {f.quantity.unit: f.indicator for f in found}
    assert names["盏"] == "安装路灯"
    assert not names["万平方米"].startswith("在")


def test_the_size_of_a_list_is_no_target() -> None:
    """Convention 4: a heading line counting the list's projects states its size; its items are the targets."""
    text = ("某区人民政府\n"
            "2026年实施民生实事项目6项\n"
            "新建社区食堂4个；\n"
            "改造老旧小区12个。\n")
    got = {(v, u) for _, v, u, _ in _read(text)}
    assert (6.0, "项") not in got
    assert (12.0, "个") in got


def test_a_count_of_projects_done_by_a_verb_stays() -> None:
    """Not changed: a count of projects that is itself the work (实施重点项目8项) is still a target."""
    found = find_targets("全年实施重点项目8项。", default_year=2026, goal_context=True)
    assert [(f.quantity.value, f.quantity.unit) for f in found] == [(8.0, "项")]
    (cover,) = find_targets("城市绿化覆盖率达到40%。", default_year=2026, goal_context=True)
    assert cover.indicator == "城市绿化覆盖率"  # 绿化 of a rate's name is no verb of work


def test_a_list_told_as_done_sets_no_year() -> None:
    """Not changed: a list told as done (…民生实事项目取得的成效) is a review, not that year's plan."""
    text = ("县政府召开新闻发布会，通报2025年度民生实事项目取得的成效。\n"
            "全县新修通村产业路30公里。\n")
    assert not [t for t in extract_plan(text).targets if t.year == 2025]


def test_a_years_work_conference_sets_that_years_goals() -> None:
    """Convention 1: news of a year's work conference (2026年全省…工作会) tells that year's list of works."""
    text = ("记者从日前召开的2026年全省交通运输工作会议获悉，全省将加快农村公路建设。\n"
            "全年计划新修农村公路800公里，改造危桥40座。\n")
    got = {(y, v, u) for y, v, u, _ in _read(text)}
    assert (2026, 800.0, "公里") in got
    assert (2026, 40.0, "座") in got


def test_an_economic_work_conference_sets_no_year() -> None:
    """Not changed: an 经济工作会议 is held at a year's end for the year after; its year names no year's goals."""
    assert goals_set_year("2025年全市经济工作会议召开，会议部署了明年的工作。") is None
    assert goals_set_year("2026年全省水利工作会议召开。") == 2026


def test_a_count_word_and_its_other_word_are_one_unit() -> None:
    """The scorer reads 条(个) as 条: a gold written both ways (150条(个) of rivers and lakes) names one unit."""
    assert normalize_unit("条(个)") == normalize_unit("条") == "条"
    assert normalize_unit("个（座）") == "个"
    assert normalize_unit("万千瓦") == "万千瓦"  # not changed: a unit without a bracketed count word


def test_the_count_in_a_dui_phrase_is_the_amount_of_the_work_after_it() -> None:
    """Convention 2: 对全县12所…全面提档升级 — the count of what the work is done on is its amount."""
    (schools,) = find_targets("对全县12所乡镇卫生院全面提档升级。", default_year=2026, goal_context=True)
    assert (schools.quantity.value, schools.quantity.unit) == (12.0, "所")
    assert schools.indicator == "乡镇卫生院提档升级"
    assert not find_targets("对5个社区的居民开展宣传。", default_year=2026, goal_context=True)  # no work, no amount


def test_a_count_and_its_second_measure_are_both_targets() -> None:
    """A work's count right before its households or length (改造老旧小区18个960户) gives two targets."""
    found = find_targets("改造老旧小区18个960户。", default_year=2026, goal_context=True)
    assert {(f.quantity.value, f.quantity.unit) for f in found} == {(18.0, "个"), (960.0, "户")}
    # not changed: a count before a share in a slogan (“3个100%”) is no second measure; the count stays no target
    slogan = find_targets("计划完成“3个100%”的建设目标。", default_year=2026, goal_context=True)
    assert [(f.quantity.value, f.quantity.unit) for f in slogan] == [(100.0, "%")]
