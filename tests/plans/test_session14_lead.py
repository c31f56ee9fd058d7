"""Lead fixes of session 14 (issue 10): the year a text frames for its goals, 届时, mirror-page marks, counts of
livestock and fish.

Sentences written for these tests (no gold quote); the conventions are in tests/plans/gold/README.md, "Session 14,
lead".
"""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.normalise import normalise


def _targets(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


# --- a text framing its year before its goals ----------------------------------------------------------------------


def test_a_year_framed_before_the_goals_dates_them() -> None:
    text = ("2027年是“十五五”规划承上启下之年，任务艰巨。\n"
            "主要预期目标是：全县地区生产总值增长6%左右，城镇新增就业1.2万人，粮食产量稳定在45万吨以上。")
    assert _targets(text) == [(2027, 6.0, "%"), (2027, 1.2, "万人"), (2027, 45.0, "万吨")]


def test_a_framed_year_then_a_work_plan_lead_dates_its_list() -> None:
    text = ("2028年是全面推进乡村振兴的关键之年。为做好全年农业农村工作，特制定如下工作要点。\n"
            "一、预期目标\n全县新增高标准农田3.5万亩，出栏生猪42万头，增殖放流鱼苗600万尾。")
    assert _targets(text) == [(2028, 3.5, "万亩"), (2028, 42.0, "万头"), (2028, 600.0, "万尾")]


def test_a_framed_year_reviewed_sets_nothing() -> None:
    # the year is framed and then reviewed (一年来): its figures are results, not that year's goals
    text = ("2026年是极不平凡的一年。一年来，全市上下攻坚克难，主要目标任务顺利完成。\n"
            "全市地区生产总值达到5210亿元，城镇新增就业3.1万人。")
    assert all(year != 2026 for year, _, _ in _targets(text))


def test_a_framing_after_told_results_frames_nothing() -> None:
    # news of a work report: the results come first, then the year's frame; the results stay undated reports
    text = ("记者报道：区长作政府工作报告。全区各领域同向发力，地区生产总值达到3120亿元，较“十四五”末增长21.5%。\n"
            "2031年是“十六五”规划开局之年。今年政府工作的主要目标是：地区生产总值增长5%左右。")
    assert (2031, 3120.0, "亿元") not in _targets(text)


def test_a_title_running_into_its_body_names_the_year_of_its_work_plan() -> None:
    text = "县水利局2029年工作计划2029年，全县水利工作要以节水优先为方针。一、目标任务：新增节水灌溉面积1.6万亩，治理水土流失面积12平方公里。"
    assert _targets(text) == [(2029, 1.6, "万亩"), (2029, 12.0, "平方公里")]


def test_a_review_and_plan_names_no_single_year() -> None:
    # 工作总结及2031年度工作计划: the figures told first are the year before's
    text = "区环保局工作总结及2031年度工作计划 一、2030年度工作亮点 一是机构改革推进。协调增加编制12个，增设3个科室。"
    assert all(year != 2031 for year, _, _ in _targets(text))


# --- 届时 points back to a goal's year -----------------------------------------------------------------------------


def test_then_takes_the_year_of_the_intent_before_it() -> None:
    text = ("市交通局新闻发言人表示，全市现代综合交通体系将于2030年基本建成。\n"
            "发言人在发布会上做了介绍。届时，中心城区公交专用道将达到600公里，绿色出行比例达到80%。")
    assert _targets(text) == [(2030, 600.0, "公里"), (2030, 80.0, "%")]


def test_then_without_a_year_before_dates_nothing() -> None:
    assert [y for y, _, _ in _targets("届时，中心城区公交专用道将达到600公里。")] == [None]


# --- mirror pages' marks and variant characters --------------------------------------------------------------------


def test_a_comma_beside_an_enumeration_comma_gives_way() -> None:
    assert normalise("天津、上海,、江苏,、浙江").text == "天津、上海、江苏、浙江"
    assert normalise("甲,，、乙").text == "甲、乙"


def test_places_listed_with_doubled_marks_each_get_the_shared_goal() -> None:
    text = "“十二五”期间，山西,、吉林,、黑龍江、安徽,、陜西單位GDP能耗要下降16%,；海南、西藏,、青海單位GDP能耗要下降10%,。"
    names = [t.indicator for t in extract_plan(text).targets]
    assert names[:5] == ["山西单位GDP能耗", "吉林单位GDP能耗", "黑龙江单位GDP能耗", "安徽单位GDP能耗", "陕西单位GDP能耗"]
    assert len(names) == 8


# --- counts of poultry, eggs, fish and horses -----------------------------------------------------------------------


def test_poultry_eggs_and_fish_are_counted() -> None:
    text = "到2030年，全县出笼肉鸡达到1500万羽，鲜蛋销售3000万枚，增殖放流鱼苗达到800万尾以上，存栏马匹2000匹。"
    assert _targets(text) == [(2030, 1500.0, "万羽"), (2030, 3000.0, "万枚"), (2030, 800.0, "万尾"), (2030, 2000.0, "匹")]


# --- hard wraps and lost line breaks (surface forms of the same text) -----------------------------------------------


def _wrapped(text: str, width: int = 32) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def test_a_wrap_after_a_base_amount_keeps_the_comparison_whole() -> None:
    text = ("市政府确定的节能目标任务包括：到2030年，全市万元地区生产总值能耗下降到0.52吨标准煤，比2020年的0.68吨标准煤"
            "下降23%；期间累计节约能源120万吨标准煤，新建绿色建筑面积800万平方米。")
    wrapped = "\n".join([text[:33], text[33:66], text[66:99], text[99:]])
    assert "0.68吨标准煤\n下降" in wrapped or "\n" in wrapped
    assert sorted(_targets(wrapped), key=str) == sorted(_targets(text), key=str)
    assert (2030, 0.68, "吨标准煤") not in _targets(wrapped)


def test_a_headline_wrapped_before_its_verb_stays_a_headline() -> None:
    body = ("近日，《某省绿色宜居城镇建设专项规划》出台。按规划，至2035年，全省城镇化率将由目前的64.1%提高到70%左右，"
            "全省设市城市人均公园绿地面积将达到15.2平方米，建成区绿地率高于40%。")
    lines = [body[i : i + 24] for i in range(0, len(body), 24)]  # (the headline as long as a full line)
    one = "\n".join(["建成宜居示范村3000个 某省城镇化率提高到70%", *lines])
    two = "\n".join(["建成宜居示范村3000个 某省城镇化率", "提高到70%", *lines])
    assert sorted(_targets(two), key=str) == sorted(_targets(one), key=str)
    assert (None, 70.0, "%") not in _targets(two)


def test_a_title_run_into_its_framed_year_still_frames_it() -> None:
    text = ("关于2029年全县国民经济和社会发展计划的报告2029年是“十五五”规划承前启后之年。做好今年工作意义重大。"
            "全县主要预期目标是：地区生产总值增长6%左右；城镇新增就业0.8万人。")
    assert _targets(text) == [(2029, 6.0, "%"), (2029, 0.8, "万人")]


# --- verbs of power projects and units of networks -----------------------------------------------------------------


def test_power_projects_approved_and_put_into_operation_are_goals() -> None:
    text = "到2030年，某省力争核准海上风电600万千瓦以上，投产250万千瓦，新型储能投运100万千瓦。"
    assert _targets(text) == [(2030, 600.0, "万千瓦"), (2030, 250.0, "万千瓦"), (2030, 100.0, "万千瓦")]


def test_projects_put_into_operation_as_a_noun_set_nothing() -> None:
    # a subsidy for the projects put into operation in two years: a price, not a goal
    assert _targets("对2026–2027年投运项目给予一次性补贴，标准为每千瓦600元。") == []


def test_bandwidth_and_data_volumes_are_units() -> None:
    text = "到2030年，全省互联网省际出口带宽达到40Tbps，月人均移动数据流量达到50GB。"
    assert _targets(text) == [(2030, 40.0, "Tbps"), (2030, 50.0, "GB")]
