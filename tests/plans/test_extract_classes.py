"""The failure classes of blind set 13 (issue 10), one hand-written example each.

Each text is written for this test in the style of the plans (not a gold quote); the expected
(year, value, unit) of every target, or the absence of targets, is worked out by hand from the
conventions of tests/plans/gold/README.md.
"""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan, reports_only


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def _one(text: str, value: float) -> dict[str, object]:
    found = [t for t in extract_plan(text).targets if t.value == value]
    assert len(found) == 1, [(t.year, t.value, t.unit) for t in extract_plan(text).targets]
    return found[0].model_dump()


# --- year scope from the document's structure ------------------------------------------------

def test_dash_items_take_the_year_of_the_paragraph_before() -> None:
    text = ("到2025年，全市绿色交通建设走在前列，需要实现以下重点任务。\n"
            "——碳排放强度稳步下降。与2020年相比，营运货车单位运输周转量二氧化碳排放强度下降5%。\n"
            "——运输结构持续优化。港口集装箱铁水联运量年均增长12%以上，港口粉尘综合防治率98%。")
    assert _keys(text) == [(2025, 5.0, "%"), (2025, 12.0, "%"), (2025, 98.0, "%")]
    assert _one(text, 5.0)["base_year"] == 2020


def test_base_year_sentence_inside_a_later_scope_is_a_target() -> None:
    text = "到2020年，全省绿色制造水平明显提升。与2015年相比，单位工业增加值用水量下降20%。"
    assert _keys(text) == [(2020, 20.0, "%")]


def test_base_year_sentence_alone_still_reports() -> None:
    assert _keys("与2015年相比，全市单位工业增加值用水量下降20%。") == []


def test_end_of_plan_period_is_a_year_clause_for_the_pieces_after_semicolons() -> None:
    text = "到“十四五”末，全省林木覆盖率达到26%，新建森林乡村300个；自然湿地保护率提高到58%。"
    assert _keys(text) == [(2025, 26.0, "%"), (2025, 300.0, "个"), (2025, 58.0, "%")]


def test_a_review_ends_at_a_paragraph_that_looks_ahead() -> None:
    text = ("“十三五”期间，全省新增造林面积20万公顷，林木覆盖率由22%增至23%。\n"
            "今后五年，全省将推进生态廊道建设。\n"
            "到“十四五”末，全省林木覆盖率达到25%。")
    assert _keys(text) == [(2025, 25.0, "%")]


def test_news_of_a_plans_release_dates_a_bare_year_clause() -> None:
    # a 十三五 plan released "recently": its 2020 is the plan's year, not a past year
    text = "近日，省发展改革委印发《某省节能减排“十三五”规划》，2020年，实现全省30万辆新能源汽车保有量；全省新能源公交车占比超80%。"
    assert _keys(text) == [(2020, 30.0, "万辆"), (2020, 80.0, "%")]


# --- reports against targets ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我国天然气消费比重由2020年的8.4%提高到2024年的9.5%；",
    "全市森林覆盖率从“十三五”末的20.1%上升至21.3%，",
    "全省累计完成营造林500万亩，为省政府下达任务数的108.5%，在全国排名第5位。",
    "监测发现白鹤总数300只，比2018年增长了将近一倍。",
    "记者从省工信厅获悉，全省单位GDP能耗同比下降3.1%；规上工业单位增加值能耗下降4%，超过3%的年度约束性目标要求。",
    "近3年，我省共争取林业投入80亿元，年均增长12.5%。",
])
def test_reports_are_no_targets(text: str) -> None:
    assert _keys(text) == []


def test_a_text_that_only_looks_back_reports() -> None:
    text = ("农业农村部今天发布，党的十八大以来，我国农业绿色发展成效显著。\n"
            "在农业废弃物利用方面，秸秆综合利用率超过86%，农膜回收率稳定在80%以上。")
    assert reports_only(text)
    assert _keys(text) == []
    # one word looking ahead (到2025年) makes it a text that may set targets
    assert not reports_only(text + "\n到2025年，秸秆综合利用率达到90%。")


# --- lists --------------------------------------------------------------------------------------

def test_values_over_a_year_range_pair_with_its_years() -> None:
    text = "2020-2022年，新能源公交车占比将分别达65%、70%、80%。"
    assert _keys(text) == [(2020, 65.0, "%"), (2021, 70.0, "%"), (2022, 80.0, "%")]


def test_places_with_their_years_share_one_value() -> None:
    text = "甲市于2026年、乙市于2027年、丙市于2028年力争实现纯电动公交占比达100%。"
    found = extract_plan(text).targets
    assert [(t.year, t.value) for t in found] == [(2026, 100.0), (2027, 100.0), (2028, 100.0)]
    assert [t.indicator[:2] for t in found] == ["甲市", "乙市", "丙市"]
    assert all(t.strive for t in found)


def test_a_change_goes_on_to_the_verbless_pairs_of_its_list() -> None:
    text = "2026年全市主要污染物减排目标任务分别为：化学需氧量相比2020年累计削减9.5%，氨氮10.2%，氮氧化物12%。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2026, 9.5, "%"), (2026, 10.2, "%"), (2026, 12.0, "%")]
    assert {(t.relation, t.base_year, t.cumulative) for t in found} == {("reduce_by", 2020, True)}


def test_a_level_after_a_change_keeps_its_own_relation() -> None:
    text = "到2025年，营运船舶氮氧化物排放总量较2020年下降7%，港口码头粉尘综合防治率100%。"
    rate = _one(text, 100.0)
    assert (rate["relation"], rate["base_year"]) == ("=", None)


def test_one_change_for_a_list_of_pollutants() -> None:
    text = "到2025年，氮氧化物和VOCs排放总量比2020年下降12%以上。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.indicator) for t in found] == [
        (2025, 12.0, "氮氧化物排放总量"), (2025, 12.0, "VOCs排放总量")]


def test_one_change_with_jun_and_a_base_year() -> None:
    text = "到2030年，单位GDP能耗、单位GDP二氧化碳排放均比2025年下降10%。"
    assert [t.indicator for t in extract_plan(text).targets] == ["单位GDP能耗", "单位GDP二氧化碳排放"]


# --- counts before their noun and field grammar ----------------------------------------------

def test_counts_before_their_noun() -> None:
    text = "到2020年，打造和培育300家绿色示范工厂、30家绿色示范园区，推广2000种以上绿色产品，城市至少拥有1个科普植物园。"
    assert _keys(text) == [(2020, 300.0, "家"), (2020, 30.0, "家"), (2020, 2000.0, "种"), (2020, 1.0, "个")]


def test_a_programmes_count_is_no_target() -> None:
    assert _keys("“十四五”期间，全省将深入开展深化林改、绿化美化、资源保护、产业升级四项行动。") == []


def test_size_of_a_change_and_work_done() -> None:
    assert _one("到2025年，废钢利用量增幅超过20%。", 20.0)["relation"] == "increase_by"
    assert _one("到2030年，全省开展高标准农田改造提升800万亩。", 800.0)["relation"] == "="


def test_base_at_the_end_of_a_plan_period() -> None:
    assert _one("到2025年，相较于“十三五”末，废纸利用量增长10%左右。", 10.0)["base_year"] == 2020


def test_a_sentence_going_on_over_line_breaks_after_semicolons_keeps_its_year() -> None:
    text = "二、主要目标\n2027年，全市万元GDP用水量较2020年下降12%；\n城市公共供水管网漏损率控制在8%以内；\n再生水利用率达到30%以上。"
    assert _keys(text) == [(2027, 12.0, "%"), (2027, 8.0, "%"), (2027, 30.0, "%")]


def test_numbered_goal_items_take_the_year_of_the_paragraph_before() -> None:
    text = "（一）总体目标。到2027年，全市空气质量明显改善。\n1. PM2.5浓度下降到30微克/立方米。\n2. 优良天数比率达到85%。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.indicator) for t in found] == [(2027, 30.0, "PM2.5浓度"), (2027, 85.0, "优良天数比率")]


def test_a_review_paragraph_that_turns_ahead_keeps_its_later_targets() -> None:
    text = "“十三五”期间，全市PM2.5年均浓度下降25%，优良天数比率提高10个百分点。“十四五”期间，全市将继续推进大气污染防治，力争PM2.5年均浓度再下降12%。"
    assert _keys(text) == [(2025, 12.0, "%")]


def test_items_numbered_yi_shi_share_the_year_of_the_first() -> None:
    text = "文件明确，一是到2026年，全市新建建筑中绿色建筑占比达到100%；二是星级绿色建筑占比达到35%以上；三是完成既有建筑节能改造150万平方米。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2026, 100.0, "%"), (2026, 35.0, "%"), (2026, 150.0, "万平方米")]
    assert not any(t.indicator.startswith(("二是", "三是")) for t in found)


def test_what_a_target_serves_is_no_target() -> None:
    text = "到2025年底，全国充电基础设施数量达到1500万台以上，能够满足超过1800万辆电动汽车充电需求。"
    assert _keys(text) == [(2025, 1500.0, "万台")]


def test_a_year_a_plan_states_looks_ahead_whatever_the_issue_year() -> None:
    text = "《规划》提出，2020年，全省新能源汽车保有量达到25万辆；公交车新能源占比超过75%。"
    assert _keys(text) == [(2020, 25.0, "万辆"), (2020, 75.0, "%")]
    # a past year in an account (会议指出，2023年，…) still reports
    assert _keys("会议指出，2023年，全省新能源汽车保有量达到25万辆；公交车占比超过75%。") == []


@pytest.mark.parametrize("text", [
    "在水环境方面，全省地表水国控断面优良比例达到90.2%，比2020年提高5个百分点，提前完成“十四五”目标。下一步，全省将持续推进治理。",
    "经过多年努力，全省森林覆盖率稳定在60%以上，湿地保护率达到52%。今后，全省将持续推进生态保护修复。",
    "全市公园数量达到1200座，比2020年增加300座。今后，全市将持续推进公园城市建设。",
])
def test_reports_in_a_text_that_also_looks_ahead(text: str) -> None:
    assert _keys(text) == []


def test_a_level_and_its_change_with_a_year_of_its_own_is_a_target() -> None:
    text = "2026年，全市森林覆盖率达到25%，比2020年提高2个百分点。"
    assert _keys(text) == [(2026, 25.0, "%"), (2026, 2.0, "个百分点")]


def test_a_stage_named_with_its_years_is_its_last_year() -> None:
    text = "近期目标（2024—2026年）：全市PM2.5浓度降至27微克/立方米；优良天数比率稳定在88%以上。"
    assert _keys(text) == [(2026, 27.0, "微克/立方米"), (2026, 88.0, "%")]


def test_jiezhi_with_intent_is_a_deadline() -> None:
    assert _keys("截至2026年底，全市将建成5G基站4万个。") == [(2026, 4.0, "万个")]
    assert _keys("截至2023年底，全市已建成5G基站2万个。") == []


def test_a_count_in_the_2000s_after_dadao_is_no_year() -> None:
    # 达到2000万辆 is an amount, not 到2000年: the 已 of the report decides
    assert _keys("目前我国新能源汽车保有量已达到2000万辆，其中纯电动汽车占比约80%。") == []


def test_yongyou_counts_in_a_goal_and_not_in_a_description() -> None:
    text = "到2027年，全省拥有国家级绿色工厂300家以上，每个县至少拥有1个污水处理厂。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [
        (2027, 300.0, "家", ">="), (2027, 1.0, "个", ">=")]
    assert _keys("全市拥有国家级自然保护区5个，省级自然保护区12个。") == []


def test_the_next_count_of_a_list_may_carry_wan() -> None:
    text = "到2025年，新增600个公共充电站、2万个充电桩。"
    assert _keys(text) == [(2025, 600.0, "个"), (2025, 2.0, "万个")]


def test_an_annual_plans_title_dates_its_undated_goals() -> None:
    text = ("2026年全市大气污染防治工作要点\n一、工作目标\n"
            "全市PM2.5平均浓度控制在31微克/立方米以内，优良天数比率达到84%以上。\n"
            "二、重点任务\n（一）推进燃煤锅炉整治。完成15台燃煤锅炉清洁能源替代。")
    assert _keys(text) == [(2026, 31.0, "微克/立方米"), (2026, 84.0, "%"), (2026, 15.0, "台")]
    # a plan over several years names no single year
    assert extract_plan(text.replace("2026年全市", "某市2026—2028年", 1)).targets[0].year is None


def test_jinnian_is_not_the_scopes_year() -> None:
    text = "到2026年，全市新建改造城市绿道120公里以上。今年完成40公里。"
    assert _keys(text) == [(2026, 120.0, "公里"), (None, 40.0, "公里")]


# --- blind sets 14 and 15 --------------------------------------------------------------------

def test_a_years_announced_goals_scope_the_pieces_after_them() -> None:
    # 2027年发展主要预期目标是：…；…: every piece after ；takes 2027, 涨幅 is a change by
    text = "报告提出，2027年发展主要预期目标是：地区生产总值增长6%左右；居民消费价格涨幅3%左右；城镇新增就业12万人以上。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2027, 6.0, "%"), (2027, 3.0, "%"), (2027, 12.0, "万人")]
    assert found[1].relation == "increase_by"
    # written without 年 (对于2027发展主要预期目标，)
    assert _keys("对于2027发展主要预期目标，地区生产总值增长6%左右。") == [(2027, 6.0, "%")]


def test_bullets_under_a_year_heading_line_take_its_year() -> None:
    text = ("确保2027年\n✔单位GDP能耗\n较2020年下降16%\n✔绿色出行比例达到75%\n"
            "■ 2028年经济社会发展的主要预期目标\n●粮食产量保持300亿斤以上\n●天然气产量50亿方以上")
    assert _keys(text) == [(2027, 16.0, "%"), (2027, 75.0, "%"), (2028, 300.0, "亿斤"), (2028, 50.0, "亿方")]


def test_a_base_phrase_names_base_year_and_level_not_the_target_year() -> None:
    # 在2016年60微克/立方米的基础上降低20%: the year of the target is the scope's (2019)
    text = "到2019年，全市PM2.5年均浓度在2016年60微克/立方米的基础上降低20%，达到48微克/立方米左右。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2019, 20.0, "%"), (2019, 48.0, "微克/立方米")]
    change = found[0]
    assert (change.relation, change.base_year, change.baseline_value, change.baseline_year) == (
        "reduce_by", 2016, 60.0, 2016)
    assert not change.annual_rate  # 年均浓度 is the measure, not a yearly rate
    assert "基础" not in change.indicator


def test_news_of_a_plan_named_with_its_period_dates_the_plan_by_that_period() -> None:
    # an old 十三五 plan in a news report: 2020 is its goal year, not a year already past
    text = ("日前，记者从市政府网获悉：某市生态环境保护“十三五”规划已经出台。要求“十三五”期间，"
            "全市森林覆盖率稳定在40%以上，森林蓄积量达到1.2亿立方米。城市建成区绿地率达到38%。")
    doc = extract_plan(text)
    assert doc.plan.horizon == (2016, 2020)
    assert [(t.year, t.value, t.unit) for t in doc.targets] == [
        (2020, 40.0, "%"), (2020, 1.2, "亿立方米"), (2020, 38.0, "%")]
    # 昨日…出台《…“十三五”…方案》 names the plan the same way
    text2 = "记者昨日获悉，市政府出台《某市“十三五”节水实施方案》。\n到2020年，全市年用水总量控制在10亿立方米以内。"
    assert _keys(text2) == [(2020, 10.0, "亿立方米")]


def test_the_notices_title_dates_an_annual_plan_and_a_boxed_review_heading_reports() -> None:
    text = ("某市人民政府关于印发《某市2027年国民经济和社会发展计划》的通知\n\n某政发〔2027〕3号\n\n"
            "主要预期目标是：生产总值增长6%左右，粮食产量保持在100万吨以上。\n"
            "■ 2026年成绩单\n●粮食总产达到98万吨\n■ 2027年主要预期目标\n●城镇新增就业3万人以上")
    assert _keys(text) == [(2027, 6.0, "%"), (2027, 100.0, "万吨"), (2027, 3.0, "万人")]


def test_gathering_verbs_prose_signs_and_kedá_of_quality() -> None:
    # 集聚 N家 is a count to reach; ≦ written in prose is <=; 可达国内先进水平 is no projection
    text = ("到2026年，集聚骨干企业8家以上，拥有工艺可达国内先进水平的企业，产业规模力争突破500亿元，"
            "其中化学需氧量将≦30mg/L。")
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [
        (2026, 8.0, "家", ">="), (2026, 500.0, "亿元", ">="), (2026, 30.0, "mg/L", "<=")]
    # a project's capacity (建成后年发电量可达3亿千瓦时) stays a projection
    assert _keys("项目建成后年发电量可达3亿千瓦时。") == []


def test_a_years_assessed_targets_are_set_not_reported() -> None:
    # 2019年各市(区)…考核指标为，… in a text read later: the year's targets, not a report
    text = "根据《方案》要求，2019年各市(区)空气质量考核指标为，甲市优良天数260天，PM2.5浓度为50微克/立方米；"
    assert _keys(text) == [(2019, 260.0, "天"), (2019, 50.0, "微克/立方米")]


def test_zhishaoyou_a_count_before_its_noun() -> None:
    # 至少有1个城区实现…: at least one district, a count to reach
    text = "到2027年，各设区市至少有1个城区实现垃圾分类全覆盖。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [(2027, 1.0, "个", ">=")]


def test_a_level_with_its_points_moved_reports_and_the_report_goes_on() -> None:
    text = ("政府工作报告说，全市空气质量优良天数比例达88.5%、上升3个百分点。坚持系统治理。"
            "森林覆盖率、湿地保护率分别达到30%、55%以上。")
    assert _keys(text) == []
    # a goal with a change in points is still a goal
    assert _keys("到2027年，优良天数比例达到90%，提高2个百分点。") == [(2027, 90.0, "%"), (2027, 2.0, "个百分点")]


def test_ji_dao_yyyy_scopes_the_pieces_after_it() -> None:
    # 即到2026年，…；…: 即 (namely) before the year clause does not hide it
    text = "定量目标，即到2026年，培育龙头企业2家以上；清洁能源消费比重提高到50%以上。"
    assert _keys(text) == [(2026, 2.0, "家"), (2026, 50.0, "%")]


def test_a_plan_period_not_over_at_issue_scopes_the_pieces_after_it() -> None:
    # “十五五”时期，…；…: the period's last year (2030) for every piece
    text = "“十五五”时期，单位GDP能源消耗降低12%；单位GDP二氧化碳排放降低16%；"
    assert _keys(text) == [(2030, 12.0, "%"), (2030, 16.0, "%")]


def test_a_ratio_of_two_named_quantities_is_dimensionless() -> None:
    text = "到2027年，炼焦产能与长流程炼钢产能比控制在0.5以下。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [(2027, 0.5, "无量纲", "<=")]
    # 与2020年比 is a base, not a ratio
    assert [t.unit for t in extract_plan("到2027年，能耗与2020年比下降5%。").targets] == ["%"]


def test_a_value_under_a_year_scope_is_set_and_lengths_extend() -> None:
    # 为100% under 到2025年 is a target, not a report; 延伸至 N千米 is a level to reach
    text = "到2026年，水质保持稳定。集中式饮用水水源达到或优于Ⅲ类比例为100%，基干林带长度延伸至900千米以上。"
    assert _keys(text) == [(2026, 100.0, "%"), (2026, 900.0, "千米")]


# --- round hw (issue 10): the classes left open after blind sets 14 and 15 --------------------

def test_a_past_verb_with_no_amount_inside_a_goal_is_its_result() -> None:
    # 至少有1个街道建成了示范区: the 了 closes the goal's clause and moves no number of its own
    text = "到2027年，各县至少有2个乡镇实现了污水处理设施全覆盖，其他乡镇至少有1个村建成了示范点。"
    assert _keys(text) == [(2027, 2.0, "个"), (2027, 1.0, "个")]
    # a past verb moving its own number is still a report, whatever its year
    assert _keys("到2024年底，全市累计建成了30个绿色工厂，能耗分别下降了12.5%。") == []


def test_chemical_fertiliser_and_pesticide_written_as_one_word_are_two_targets() -> None:
    # 化肥农药利用率 (no separator, with or without 均): one target per input, same anchor
    text = "到2026年，化肥农药利用率达到45%以上，化肥农药使用量较2020年减少6%。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.value, t.unit) for t in found] == [
        ("化肥利用率", 2026, 45.0, "%"), ("农药利用率", 2026, 45.0, "%"),
        ("化肥使用量", 2026, 6.0, "%"), ("农药使用量", 2026, 6.0, "%")]


def test_a_count_opening_its_clause_before_a_grade_is_a_target() -> None:
    # 40条入河支流消除劣V类，25条达到Ⅲ类，15条达到Ⅳ类: how many of the rivers named before reach a
    # grade; the count naming the whole (40条入河支流) is the scope, not a target
    text = "到2027年，40条入河支流消除劣V类，25条达到Ⅲ类及以上，15条达到Ⅳ类。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2027, 25.0, "条"), (2027, 15.0, "条")]
    assert found[0].indicator == "达到Ⅲ类及以上的入河支流"
    # a statistic of today stays a report
    assert _keys("全市现有河流50条，其中19条达到Ⅲ类。") == []


def test_a_year_inside_an_aside_dates_only_the_aside() -> None:
    # （其中2026年8条…）: the aside's year does not reach 15条 after the bracket
    text = "到2028年，25条达到Ⅲ类及以上（其中2026年8条支流的国控断面达到Ⅲ类），15条达到Ⅳ类。"
    assert _keys(text) == [(2028, 25.0, "条"), (2028, 15.0, "条")]
    # a past year inside the aside makes neither the aside's tail nor what follows a report
    text = "到2028年，水生态持续改善。30条达到Ⅲ类及以上（其中2021年8条支流达到Ⅲ类），12条达到Ⅳ类。"
    assert _keys(text) == [(2028, 30.0, "条"), (2028, 12.0, "条")]


def test_a_peak_in_quotes_in_a_headline_is_one_target_with_its_restatement() -> None:
    # 实现“碳达峰” (quoted) in a news headline glued to its body, and said again in the body: one target
    text = ("某省省长：要在2028年前实现“碳达峰” 推动全面绿色转型\n"
            "本报讯 1月20日，省政府举行记者招待会，省长表示，全省提出要在2028年前实现“碳达峰”，比全国提前2年。")
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [(2028, 2028.0, "年", "<=")]
    assert found[0].span is not None and text[found[0].span[0]:].startswith("2028年前实现")


def test_a_year_in_a_title_dates_nothing() -> None:
    # 【…2035年远景目标纲要】 and an unbracketed …2035年远景目标纲要 name a plan; the period clause after
    # the bracket (】“十四五”时期，…；…) dates every piece
    text = ("第十四个五年规划和2035年远景目标纲要陆续出台，本文梳理如下：\n全国：\n"
            "主要内容见【“十四五”规划和2035年远景目标纲要解读】\n"
            "“十四五”时期，单位GDP能源消耗降低13.5%；单位GDP二氧化碳排放降低18%；")
    assert _keys(text) == [(2025, 13.5, "%"), (2025, 18.0, "%")]
    assert _keys("《2030年前碳达峰行动方案》提出，非化石能源消费比重达到25%左右。") == [(None, 25.0, "%")]


def test_news_figures_reported_by_a_journalist_or_from_returns_are_not_targets() -> None:
    # 记者从…了解到，“十四五”时期，…累计实施…: figures told to a reporter; 根据各地统计上报数据: returns
    assert _keys("记者从省林业局了解到，“十四五”时期，全省累计实施湿地保护项目超300个，修复湿地12万亩。") == []
    assert _keys("记者从省住建厅获悉，根据各市统计上报数据，2025年，全省新开工改造老旧小区2100个、35万户。") == []


def test_a_part_of_a_year_is_no_deadline_and_a_move_from_a_value_reports() -> None:
    # 2025年前三季度 is a statistic of part of a year, not 2025年前 (a deadline)
    assert _keys("2026年前三季度，全省优良天数比例达到86.1%。") == []
    assert _keys("光伏发电量占比从8.1%提高至2026年前三季度的19.4%。") == []
    # a move from a value under a year scope is a goal, named without its starting value
    found = extract_plan("到2028年，森林覆盖率从40%提高到45%。").targets
    assert [(t.indicator, t.year, t.value) for t in found] == [("森林覆盖率", 2028, 45.0)]
    assert _keys("2028年前，全省优良天数比例达到88%。") == [(2028, 88.0, "%")]


def test_a_headline_share_before_a_space_ends_its_clause() -> None:
    # 2026年人均综合能耗降5% 某省出台…: the space of a headline sets its parts apart
    text = "2026年人均综合能耗降5% 某省出台公共机构节能规划\n来源：某省新闻网\n近日，省机关事务管理局印发规划。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.value, t.relation) for t in found] == [("人均综合能耗", 2026, 5.0, "reduce_by")]
    # a bound word after the space still belongs to the share
    assert [(t.value, t.relation) for t in extract_plan("到2026年，绿色出行比例达到70% 以上。").targets] == [(70.0, ">=")]


def test_jianli_takes_its_counts_but_not_one_system() -> None:
    # 建立 N处…、M处…: counts of a creating verb (with the page's spaces); 建立一套…机制 is no target
    text = "到2027年，建立 一百 处湿地保护小区、300 处生态保育点；建立一套完整的监测评估工作机制。"
    assert _keys(text) == [(2027, 100.0, "处"), (2027, 300.0, "处")]


def test_a_share_set_to_a_bare_zero_is_zero_percent() -> None:
    text = "到2027年，劣V类水体比例为0，城市黑臭水体比例降至0，集中式饮用水水源地水质达标率100%。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [
        (2027, 0.0, "%", "="), (2027, 0.0, "%", "<="), (2027, 100.0, "%", "=")]


def test_a_ranking_inside_a_future_scope_is_part_of_the_goal() -> None:
    # 到2027年，…。某市…工作位居全国同类城市前列，…达到38%以上: the ranking is what is aimed at
    text = ("到2027年，全区生活垃圾焚烧占比达到85%。某市垃圾分类工作位居全国同类城市前列，"
            "生活垃圾回收利用率达到38%以上；其他设区市生活垃圾回收利用率达到35%。")
    assert _keys(text) == [(2027, 85.0, "%"), (2027, 38.0, "%"), (2027, 35.0, "%")]
    # a ranking with no year ahead, or under a past year, reports; so does 初步核算
    assert _keys("全市生活垃圾回收利用率达到38%，位居全省第2位。") == []
    assert _keys("2023年，全市空气质量优良天数比例达到85%，居全省第4位。") == []
    assert _keys("初步核算，2025年全市实现地区生产总值3347.6亿元，增长5.5%。") == []


def test_units_and_bounds_of_time_and_land() -> None:
    # 控制在…公顷内 (内 as 以内), 提前至30分钟以上 (a lead time), but 15分钟生活圈 is a slogan
    text = "到2027年，净增建设用地总量控制在6000公顷内，预警时效提前至45分钟以上，打造15分钟生活圈。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [
        (2027, 6000.0, "公顷", "<="), (2027, 45.0, "分钟", ">=")]


def test_a_share_before_a_space_and_a_title_ends_its_clause() -> None:
    # …下降15% 《规划》指出，“十三五”期间…: the report after the space does not take the goal with it
    text = "到2027年，万元GDP用水量比2022年下降12% 《规划》指出，“十三五”期间，全省坚持节水优先。"
    assert _keys(text) == [(2027, 12.0, "%")]


def test_a_bracket_never_closed_does_not_swallow_the_sentences_after_it() -> None:
    # (以下简称《规划》,… — the page lost the closing bracket; the projection sentence stays apart
    text = ("市住建局组织编制了《某市生活垃圾处理规划(2026-2030)》(以下简称《规划》,并于7月征求公众意见。"
            "根据预测，到2030年，全市日均生产垃圾量将达3800吨。《规划》指出，到2030年，生活垃圾分类回收率达到40%。")
    assert _keys(text) == [(2030, 40.0, "%")]


def test_a_year_clause_after_a_deadline_piece_looks_ahead() -> None:
    # …提出，2019年6月底前，…；2020年底，…达到75%: the year after the deadline is the next milestone
    text = "某省提出，2019年6月底前，所有乡镇污水处理厂全面转入试运行；2020年底，全省乡镇生活污水处理率达到75%。"
    assert _keys(text) == [(2020, 75.0, "%")]
    # a paragraph opening on a past year alone still reports
    assert _keys("2015年，全省城市污水处理率达到91%，比2010年提高8个百分点。") == []


def test_bullets_set_items_apart() -> None:
    # ●…天 ●…: a bullet closes the item before it as a comma would (天 after a bound is a level)
    text = "到2027年空气质量目标：\n●优良天数不低于320天 ●PM2.5浓度达到29微克/立方米左右"
    found = extract_plan(text).targets
    assert [(t.indicator, t.value, t.unit) for t in found] == [("优良天数", 320.0, "天"), ("PM2.5浓度", 29.0, "微克/立方米")]


def test_a_past_period_stating_its_goals_is_no_review() -> None:
    # “十三五”时期，…主要预期目标是：… sets that period's goals (its last year), not a review
    text = ("“十三五”时期，全县经济社会发展的主要预期目标是：地区生产总值年均增长8%，"
            "服务业增加值占比达到50%；森林覆盖率达到45%；城镇登记失业率控制在4%以内。")
    assert _keys(text) == [(2020, 8.0, "%"), (2020, 50.0, "%"), (2020, 45.0, "%"), (2020, 4.0, "%")]
    # a review of that period stays a review
    assert _keys("“十三五”时期，全县地区生产总值年均增长8%，森林覆盖率达到45%。") == []


def test_a_year_in_brackets_after_the_indicator_and_a_stated_target_value() -> None:
    # 森林覆盖率（2027年）达到45%: a bracket holding only a year dates the level after it
    found = extract_plan("森林覆盖率（2027年）达到45%，湿地保护率（2027年）达到60%。").targets
    assert [(t.indicator, t.year, t.value) for t in found] == [("森林覆盖率", 2027, 45.0), ("湿地保护率", 2027, 60.0)]
    # …2026年目标值为45% / 2024年…浓度目标为35微克/立方米: a value stated as the target, whatever the year
    assert _keys("全市森林覆盖率2026年目标值为45%。") == [(2026, 45.0, "%")]
    found = extract_plan("按照省里部署，2023年全市PM2.5浓度目标为35微克/立方米，优良天数比率目标为80%。").targets
    assert [(t.indicator, t.year, t.value) for t in found] == [("PM2.5浓度", 2023, 35.0), ("优良天数比率", 2023, 80.0)]


def test_a_line_break_after_a_share_before_a_title_ends_its_clause() -> None:
    # the headline-space class after a line break before the title (a web copy's paragraphs joined)
    text = "力争到2027年全省用水总量控制在260亿立方米以内，万元GDP用水量比2022年下降12%\n《规划》指出，“十三五”期间，全省坚持节水优先。"
    assert _keys(text) == [(2027, 260.0, "亿立方米"), (2027, 12.0, "%")]


def test_a_work_report_dated_by_its_meeting_line_dates_its_jinnian_goals() -> None:
    # ——2025年1月15日在…人民代表大会…上: the report's date; 今年…预期目标 are that year's, the review's
    # figures of 2024 are reports
    text = ("政府工作报告\n——2025年1月15日在某市第十八届人民代表大会第二次会议上\n一、2024年工作回顾\n"
            "过去一年，全市单位地区生产总值能耗下降3.2%，空气质量优良天数比例达到82.5%。\n二、2025年工作安排\n"
            "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；单位地区生产总值能耗下降2.5%。")
    assert _keys(text) == [(2025, 5.5, "%"), (2025, 2.5, "%")]


def test_since_a_past_year_and_a_statistics_release_report() -> None:
    # 自2021年起，…累计…完成…: since a past year, as 以来; 市统计局发布数据: a release of figures
    assert _keys("自2021年起，全市累计投入资金12亿元，完成农村生活污水治理村庄860个。") == []
    assert _keys("市统计局发布数据，全市规模以上工业单位增加值能耗下降4.1%。") == []
    # from a year to come, or with an intent left, it sets
    assert _keys("从2026年起，全市星级绿色建筑占比达到30%。") == [(None, 30.0, "%")]
    assert _keys("自2021年起，力争用五年时间，全市完成农村生活污水治理村庄860个。") == [(None, 860.0, "个")]


def test_a_tab_separated_table_with_milestone_columns() -> None:
    # cells separated by tabs inside each line, no 属性 column; 2025 and 2027 both set levels
    text = "主要指标\n指标\t2022年\t2025年\t2027年\n新能源汽车保有量（万辆）\t5\t12\t20\n城市公共供水管网漏损率（%）\t11\t9\t8\n"
    found = extract_plan(text).targets
    assert sorted((t.indicator, t.year, t.value, t.unit, t.relation) for t in found) == [
        ("城市公共供水管网漏损率", 2025, 9.0, "%", "<="), ("城市公共供水管网漏损率", 2027, 8.0, "%", "<="),
        ("新能源汽车保有量", 2025, 12.0, "万辆", ">="), ("新能源汽车保有量", 2027, 20.0, "万辆", ">=")]
    # a past middle column (2015 | 2020 | 2025 read in 2024) is data, not a goal
    assert _keys("指标\t2015年\t2020年\t2025年\n森林覆盖率（%）\t38\t40\t42\n") == [(2025, 42.0, "%")]


def test_a_doubling_is_its_own_verb() -> None:
    # 比2020年翻一番 alone in its sentence (no other target before it)
    assert _keys("到2026年，力争全市光伏装机容量较2020年翻一番。") == [(2026, 2.0, "倍")]


def test_a_plan_named_with_its_period_dates_what_it_requires() -> None:
    # “十三五”规划纲要明确提出：… / 《…“十四五”…方案》提出，…: the period's last year, unless a clause
    # names its own year
    text = "“十三五”规划纲要明确提出：推进园区循环化改造，要求推动75%的国家级园区开展循环化改造。"
    assert _keys(text) == [(2020, 75.0, "%")]
    text = "《某市“十四五”节能减排综合工作方案》提出，全市单位地区生产总值能耗下降14%，到2023年，化学需氧量减排量达到1000吨。"
    assert _keys(text) == [(2025, 14.0, "%"), (2023, 1000.0, "吨")]


def test_one_whole_economy_peak_per_year_in_a_sentence() -> None:
    # …二氧化碳排放量整体达到峰值…，如期实现2030年前碳达峰目标: one peak, where its year is written
    text = "到2030年，二氧化碳排放量整体达到峰值并实现稳中有降，如期实现2030年前碳达峰目标。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.unit) for t in found] == [("碳达峰", 2030, "年")]
    assert text[found[0].span[0]:].startswith("2030年前碳达峰")
    # a sector's peak beside the city's stays a target of its own
    text = "到2030年，工业领域二氧化碳排放量达到峰值，全市2030年前实现碳达峰。"
    assert len(extract_plan(text).targets) == 2


def test_a_projects_size_and_reach_are_no_targets_but_one_counted_site_is() -> None:
    # 占地面积, 设计年产能, 惠及居民 describe a project; 至少建成1个…中心 is a count to reach
    assert _keys("该项目占地面积120亩，设计年产能50万吨，计划2027年建成投产。") == []
    assert _keys("到2027年，完成老旧小区改造1200个，惠及居民15万户。") == [(2027, 1200.0, "个")]
    assert _keys("到2027年，每个县（市、区）至少建成1个规模化畜禽粪污处理中心。") == [(2027, 1.0, "个")]


def test_a_space_after_a_decimal_point_inside_a_number() -> None:
    # 充电桩达到1. 5万个 (the page's space): 1.5 万个; an item number 1. before a year stays apart
    assert _keys("到2027年，全市充电桩达到1. 5万个。") == [(2027, 1.5, "万个")]
    assert _keys("1. 2027年，全市森林覆盖率达到45%。") == [(2027, 45.0, "%")]


def test_a_past_years_level_before_a_goal_is_its_base() -> None:
    # 2020年…为40微克/立方米，到2026年降至35…: the past year's level is no target; a requirement for a
    # past year (…要求，2023年底…需降至1.3以下) still is one
    assert _keys("2020年全市PM2.5浓度为40微克/立方米，到2026年降至35微克/立方米。") == [(2026, 35.0, "微克/立方米")]
    text = "《行动计划》要求，2023年底新建数据中心PUE值目标需降至1.3以下，严寒地区力争降低到1.25以下。"
    assert [t.value for t in extract_plan(text).targets] == [1.3, 1.25]
    # a move from today's level to a bounded level is a goal
    found = extract_plan("全市森林覆盖率从目前的40%提高到45%以上。").targets
    assert [(t.indicator, t.value) for t in found] == [("森林覆盖率", 45.0)]


def test_a_headline_target_is_the_first_statement_and_its_repeats_merge() -> None:
    # a news headline ending in a share, its 原标题 line and the body: one target anchored at the headline
    text = ("某省：目标到2027年单位地区生产总值二氧化碳排放比2022年下降16%\n原标题：某省：目标到2027年单位地区生产总值"
            "二氧化碳排放比2022年下降16%\n来源：某某网\n省政府印发实施意见。目标到2027年，单位地区生产总值二氧化碳排放比2022年下降16%。")
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2027, 16.0, "%")]
    assert found[0].span == (text.index("16%"), text.index("16%") + 3) and len(found[0].spans) == 2


def test_a_text_looking_out_to_the_next_period_reviews_the_one_ending() -> None:
    # 展望“十五五”: written as 十四五 ends, so “十四五”时期，…累计下降20% (no marker) is a review
    text = ("“十四五”时期，全市PM2.5浓度累计下降20%，优良天数比例达到88%。展望“十五五”，全市将持续深入打好"
            "蓝天保卫战，力争到2030年PM2.5浓度降至28微克/立方米。")
    assert _keys(text) == [(2030, 28.0, "微克/立方米")]
    # a plan stating goals for both periods keeps its 十四五 goals
    text = "“十四五”时期，全市单位GDP能耗降低13.5%；到2025年，森林覆盖率达到45%。“十五五”时期，全市将力争单位GDP能耗再降低10%。"
    assert _keys(text) == [(2025, 13.5, "%"), (2025, 45.0, "%"), (2030, 10.0, "%")]


def test_last_years_figure_beside_this_years_plan() -> None:
    # 去年…为300天 reports; 今年计划达到310天以上 is the goal (今年 with no written year: year null)
    assert _keys("该市去年的空气优良天数为300天，今年计划达到310天以上。") == [(None, 310.0, "天")]
    assert _keys("今年计划完成造林面积5万亩。") == [(None, 5.0, "万亩")]


# --- round jc: the failure classes of blind sets 16 and 17 ---------------------------------------

def test_a_news_date_is_no_target_year_and_the_period_end_dates_the_goal() -> None:
    # 2023年3月1日，…下发…规划：the day of the act; 到十四五末 (without quotes) is 2025
    text = "2023年3月1日，某省能源局印发《某省可再生能源规划》，提出到十四五末，全省风电装机规模将达到1800万千瓦。"
    assert _keys(text) == [(2025, 1800.0, "万千瓦")]
    # a dated deadline keeps its year
    assert _keys("2026年6月30日前，全市完成老旧车辆淘汰3000辆。") == [(2026, 3000.0, "辆")]


def test_one_unit_spelt_two_ways_scores_alike() -> None:
    from cocontrol.plans.evaluate import normalize_unit

    assert normalize_unit("微克每立方米") == normalize_unit("微克/立方米") == "微克/立方米"


def test_goals_announced_for_a_year_or_a_period_scope_the_text_after() -> None:
    # …明确了某市到2027年底的主要目标指标。包括：… → the listed levels are 2027's
    text = ("《方案》明确了某市到2027年底绿色发展的主要目标指标。包括：PM2.5年均浓度下降至33微克/立方米；"
            "绿色空间提升至60%以上。")
    assert _keys(text) == [(2027, 33.0, "微克/立方米"), (2027, 60.0, "%")]
    # “十四五”时期…的主要目标是：——… → the dash items are 2025's
    text = ("锚定2035年远景目标，“十四五”时期全省海洋生态环境保护的主要目标是：\n"
            "——近岸海域环境质量持续改善，水质优良比例达到70%。\n"
            "——新增整治修复岸线长度不少于30千米。")
    assert _keys(text) == [(2025, 70.0, "%"), (2025, 30.0, "千米")]


def test_a_whole_year_reported_as_done_dates_the_text_after_it() -> None:
    # 2025年，…以来历史最优: written in 2026 at the earliest, so the undated levels after it and the
    # 十四五 figures report; 2026年，…将… is the goal
    text = ("2025年，全省环境空气质量达到有监测记录以来最好水平。PM2.5平均浓度为29微克/立方米，优良天数比例88.1%。\n"
            "“十四五”期间，全省PM2.5平均浓度下降18%，某市PM2.5浓度较2020年下降40%，降幅全省第一。\n"
            "2026年，全省将持续推进秋冬季攻坚，PM2.5平均浓度力争降至28微克/立方米。")
    assert _keys(text) == [(2026, 28.0, "微克/立方米")]
    # stock taken at a year's end dates the text the same way
    text = "截至2021年底，全省清洁能源装机3800万千瓦。2021年，全省清洁能源发电量占比超过80%。"
    assert _keys(text) == []


@pytest.mark.parametrize("text", [
    "全市共有6个县达到省级林业生态县标准，已建成国省级湿地公园11处、森林公园8处，我市将力争在“十四五”末实现基本灭荒目标。",
    "今年全市完成人工林面积20.5万亩，占省下达任务10万亩的205%。",
    "积极开展示范乡村建设，共建设省级森林乡村120个、国家森林乡村30个。",
    "某市PM2.5浓度较2020年下降40%，降幅全国第一。",
    "建成世界最大规模的调相机群，可提升新能源消纳能力100万千瓦。",
])
def test_done_work_inside_a_sentence_and_progress_against_a_task_report(text: str) -> None:
    assert _keys(text) == []


def test_a_year_named_as_the_key_year_dates_its_paragraph() -> None:
    # 2013年是…关键一年。…确保…比上年下降3%: the paragraph's tasks are that year's
    text = "2013年是实现“十二五”约束性目标承前启后的关键一年。各级各部门要统筹做好节能降耗工作，确保全省单位GDP能耗比上年下降3.5%。"
    assert _keys(text) == [(2013, 3.5, "%")]


def test_this_years_plan_and_an_annual_plans_headline() -> None:
    # 2014年计划实施… is that year's plan (计划 after a year is intent, not 年计划 of a report)
    assert _keys("2014年计划实施农业节水灌溉1500亩，推广节水型器具800套。") == [(2014, 1500.0, "亩"), (2014, 800.0, "套")]
    # a headline naming the year's task list dates 年内计划 and the undated goals below it; a past
    # period's result inside a sentence that looks ahead (每年) stays a report
    text = ("2021年某市生态文明(低碳城市)建设九大行动任务明确\n"
            "从2013年起，我市每年编制低碳行动，“十三五”期间二氧化碳累计下降20.5%。\n"
            "实施碳汇行动，年内计划完成净增造林1200亩，封山育林6000亩。新增市级绿色工厂8家以上。")
    assert _keys(text) == [(2021, 1200.0, "亩"), (2021, 6000.0, "亩"), (2021, 8.0, "家")]


def test_lists_of_places_goal_objects_and_words_for_amounts() -> None:
    # places sharing one level after a named measure: one target per place
    text = "到2025年，省会城市公共交通机动化出行分担率不低于50%，开封市、新乡市不低于45%。"
    found = extract_plan(text).targets
    assert [(t.year, t.value) for t in found] == [(2025, 50.0), (2025, 45.0), (2025, 45.0)]
    assert [t.indicator[:3] for t in found[1:]] == ["开封市", "新乡市"]
    # levels named inside a goal object (锚定…的目标)
    text = "锚定2030年全省风电、光伏装机8000万千瓦以上、清洁能源装机超过1.2亿千瓦的目标，服务全国碳达峰。"
    assert _keys(text) == [(2030, 8000.0, "万千瓦"), (2030, 1.2, "亿千瓦")]
    # 过千亿元 (over 1000 亿元) for each of 分别's indicators; 百分之26 with Arabic digits
    assert _keys("到2030年，光伏制造业、储能制造业产值分别过千亿元。") == [(2030, 1000.0, "亿元"), (2030, 1000.0, "亿元")]
    assert _keys("到2025年全省森林覆盖率达到百分之26以上。") == [(2025, 26.0, "%")]
    # 到2025年、2035年…分别达到26%以上、30%以上目标: the goal's levels, one per year
    assert _keys("实现到2025年、2035年，全省森林覆盖率分别达到26%以上、30%以上目标。") == [(2025, 26.0, "%"), (2035, 30.0, "%")]


def test_counts_of_doers_shares_that_are_and_a_verb_before_a_colon() -> None:
    assert _keys("计划到2025年4个以上设区市建成国家“无废城市”。") == [(2025, 4.0, "个")]
    assert _keys("到2023年，20家钢铁企业以及其他重点行业30家重点企业完成环保绩效创A。") == [(2023, 20.0, "家"), (2023, 30.0, "家")]
    assert _keys("2030年私人领域新增和更换车辆100%为新能源汽车。") == [(2030, 100.0, "%")]
    assert _keys("规划提出：“十四五”期间，全省新增：光伏发电30GW；风电项目20.5GW") == [(2025, 30.0, "GW"), (2025, 20.5, "GW")]
    # a level stated after 约 with no verb, under a year clause
    assert _keys("到2020年，全区一次能源生产总量约3.5亿吨标煤。") == [(2020, 3.5, "亿吨标煤")]


def test_the_goal_year_written_bare_in_a_later_piece_and_dangqian_in_a_name() -> None:
    text = ("到2022年，全省城镇新建建筑中绿色建筑面积占比达到70%；装配式建筑稳步推进，2022年全省当年新开工"
            "装配式建筑500万平方米。")
    assert _keys(text) == [(2022, 70.0, "%"), (2022, 500.0, "万平方米")]
    # 占当年城镇新建建筑面积的比例 names a share; it does not reset the year
    text = "到2030年，建筑垃圾资源化利用率达到55%；装配式建筑占当年城镇新建建筑面积的比例达到40%。"
    assert _keys(text) == [(2030, 55.0, "%"), (2030, 40.0, "%")]


def test_a_line_ending_in_a_latin_unit_ends_its_clause() -> None:
    text = "规划提出：“十四五”期间，全省新增：光伏发电30GW；风电项目20GW\n“十四五”期间，全省将形成两个新能源开发区"
    assert _keys(text) == [(2025, 30.0, "GW"), (2025, 20.0, "GW")]
    # the count of the goals themselves (…两个目标) is no target
    assert _keys("今年要实现空气质量达标率较上年上升、重污染天数较上年下降两个目标。") == []


def test_a_forecast_inside_one_clause_covers_that_clause_only() -> None:
    text = "《方案》提出，到2025年，全省城镇绿色建筑占新建建筑比例预计达到100%，城镇建筑可再生能源替代率达到8%。"
    assert _keys(text) == [(2025, 8.0, "%")]
    assert _keys("到2025年，预计全省新能源装机达到5000万千瓦。") == []


def test_numbered_indicator_lists_and_a_period_planned_ahead() -> None:
    # an item of a numbered list of indicators after items that set targets: label + bare value
    text = "21.城市建成区再生水利用率≥20%。\n22.市区工业废水排放达标率100%。"
    assert _keys(text) == [(None, 20.0, "%"), (None, 100.0, "%")]
    text = "（三）约束性指标\n1.工业废水排放达标率100%。"
    assert _keys(text) == [(None, 100.0, "%")]
    assert _keys("1.工业废水排放达标率100%。") == []  # alone, no list of goals says so
    # “十三五”时期，某市将…: a plan for the period, not a review — its 到2020年 goal stands
    text = ("“十三五”时期，某市将推进主体功能区战略，加强环境保护和生态修复。\n"
            "加强环境污染治理。到2020年，PM2.5年均浓度值下降25%。")
    assert _keys(text) == [(2020, 25.0, "%")]


def test_traditional_characters_are_read_as_simplified() -> None:
    from cocontrol.plans.script import is_traditional, simplified

    text = "到2025年，全省單位地區生產總值能耗比2020年下降14.5%，森林覆蓋率達到26%以上，乾淨能源裝機達到5000萬千瓦。"
    assert is_traditional(text)
    assert simplified(text) == "到2025年，全省单位地区生产总值能耗比2020年下降14.5%，森林覆盖率达到26%以上，干净能源装机达到5000万千瓦。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2025, 14.5, "%"), (2025, 26.0, "%"), (2025, 5000.0, "万千瓦")]
    assert text[found[1].span[0] : found[1].span[1]] == "26%以上"  # spans index the text as given
    # simplified text naming one 乾 or 於 is left alone
    plain = "乾隆年间始建，於是到2025年，森林覆盖率达到26%。"
    assert not is_traditional(plain) and simplified(plain) == plain


def test_fractions_in_words_next_year_and_plan_period_ends() -> None:
    assert _keys("到2025年，高新技术产业营业收入比重达到三分之一，绿色出行比例达到四分之三以上。") == [
        (2025, 33.3, "%"), (2025, 75.0, "%")]
    # 明年底 in a dated notice is the year after its date; 今年 its year
    text = ("关于印发某市畜禽养殖废弃物资源化利用工作方案的通知\n\n2017年12月5日\n\n"
            "明年底，大型规模养殖场粪污处理设施装备配套率达到100%；今年完成造林2万亩。")
    assert _keys(text) == [(2018, 100.0, "%"), (2017, 2.0, "万亩")]
    # 十四五期末 → 2025, “十五五”期间 → 2030
    text = "到十四五期末，全省风电装机达到2000万千瓦。“十五五”期间，全省新增光伏装机1000万千瓦。"
    assert _keys(text) == [(2025, 2000.0, "万千瓦"), (2030, 1000.0, "万千瓦")]


def test_since_in_a_goal_and_since_before_a_goal() -> None:
    # what was done since a past year reports; the goal after it stands
    assert _keys("2020年以来，全市累计完成造林100万亩，到2025年将完成造林200万亩。") == [(2025, 200.0, "万亩")]
    # a goal counted from a period's start (力争“十四五”以来累计降低10%) is a goal
    found = extract_plan("到2024年，单位生产总值能耗降低2.5%以上，力争“十四五”以来累计降低10%左右。").targets
    assert [(t.year, t.value) for t in found] == [(2024, 2.5), (2024, 10.0)]


def test_news_headlines_report_unless_they_look_ahead() -> None:
    # a short headline with no look ahead reports; the body's goals are read
    text = "某区完成造林近60万亩\n记者从区林草局获悉：到2027年，全区森林覆盖率达到25%以上。"
    assert _keys(text) == [(2027, 25.0, "%")]
    # a headline naming its source with a colon and a year to come is the first statement of the goal
    text = "某局：2027年全省森林蓄积量将达19亿立方米\n\n消息：到2027年，森林蓄积量达到19亿立方米，草原综合植被盖度将达到57%。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2027, 19.0, "亿立方米"), (2027, 57.0, "%")]
    assert found[0].span[0] < text.index("\n") and len(found[0].spans) == 1
    # 在2021年，…增长18.3%: a past year opening its clause reports
    assert _keys("其中提到，在2021年，原煤产量增长18.3%，新能源占比达到19.8%。") == []


def test_pinyin_glosses_of_traditional_mirror_pages_are_dropped() -> None:
    text = "到2025年，濕地保護率達(dá)到55%，揮發(fā)性有機物排放總量下降(jiàng)10%以上。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.value) for t in found] == [("湿地保护率", 55.0), ("挥发性有机物排放总量", 10.0)]
    assert found[0].relation == ">=" and text[found[1].span[0] : found[1].span[1]] == "10%以上"


def test_the_next_count_of_a_creating_verb_after_a_comma() -> None:
    found = extract_plan("力争2025年底建成20个省级美丽河湖，8个县、市美丽母亲河。").targets
    assert [(t.year, t.value, t.unit, t.indicator) for t in found] == [
        (2025, 20.0, "个", "省级美丽河湖"), (2025, 8.0, "个", "县、市美丽母亲河")]
    # a report of counts stays a report
    assert _keys("2024年，全省149个国考断面水质优良比例达到93.2%，创历史最佳水平。") == []


def test_year_on_year_changes_under_a_goals_heading_are_goals() -> None:
    text = ("二、工作目标\n（一）约束性指标。\n"
            "市区PM2.5年均浓度达45ug/m3，同比下降2%，优良天数比例达75%以上；甲县城区PM2.5年均浓度同比下降3%以上。")
    assert [(t.value, t.unit) for t in extract_plan(text).targets] == [
        (45.0, "ug/m3"), (2.0, "%"), (75.0, "%"), (3.0, "%")]
    # the same words in a report stay a report
    assert _keys("市区PM2.5年均浓度为45ug/m3，同比下降2%，优良天数比例达75%。") == []


def test_a_subtitle_line_ending_in_an_amount_stands_alone() -> None:
    text = ("某省大力推动节水型社会建设\n到2020年全省用水总量控制在215亿立方米以内\n\n"
            "记者从座谈会上了解到，某省将贯彻落实国家节水行动。到2020年，全省用水总量控制在215亿立方米以内。")
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2020, 215.0, "亿立方米")]
    assert found[0].span[0] < text.index("\n\n") and len(found[0].spans) == 1
    # a number broken from its bound word by a line break goes on
    assert _keys("到2025年，全市森林覆盖率达到45%\n以上，湿地保护率达到60%。") == [(2025, 45.0, "%"), (2025, 60.0, "%")]


def test_jihua_as_a_noun_is_no_intent() -> None:
    # 计划面积 / 计划单列市 name a plan's figure or a kind of city; 计划实施 is intent
    assert _keys("2021年，该省保护性耕作实施面积达2875万亩，占计划面积的40%以上。") == []
    assert _keys("2019年计划实施保护性耕作面积1000万亩。") == [(2019, 1000.0, "万亩")]


def test_values_restated_in_brackets_inside_a_fenbie_list() -> None:
    found = extract_plan("到2025年，氮氧化物和VOCs排放总量比2020年分别下降1800吨(16.8%)和2300吨(14.3%)以上。").targets
    assert [(t.indicator, t.value, t.unit) for t in found] == [
        ("氮氧化物排放总量", 1800.0, "吨"), ("VOCs排放总量", 2300.0, "吨")]


def test_a_work_reports_digest_lines_and_headings() -> None:
    # one line per figure, blank lines between: each line stands alone; the review heading reports,
    # a “十五五” goals heading dates its lines 2030, a year heading its year
    text = ("一、2025年工作回顾\n \n国内生产总值增长5%\n \n城镇新增就业1267万人\n \n"
            "二、“十五五”时期主要目标和重大任务\n \n单位国内生产总值二氧化碳排放累计降低17%\n \n人均预期寿命提高到80岁\n \n"
            "三、2026年经济社会发展总体要求和政策取向\n \n城镇新增就业1200万人以上\n \n粮食产量1.4万亿斤左右")
    assert _keys(text) == [(2030, 17.0, "%"), (2030, 80.0, "岁"), (2026, 1200.0, "万人"), (2026, 1.4, "万亿斤")]


def test_this_years_goals_list_in_a_time_stamped_news_page() -> None:
    # a page's time stamp dates 今年; the goals announced (目标是：) run over the pieces after ；, and a
    # sentence naming the report's parts (一、2024年工作回顾；…) opens no review
    text = ("来源：新华社 2025-03-12 17:54:03\n\n报告共分三个部分：一、2024年工作回顾；二、2025年政府工作任务。\n\n"
            "报告指出，今年发展主要预期目标是：国内生产总值增长5%左右；居民收入增长和经济增长同步；"
            "粮食产量1.4万亿斤左右；单位国内生产总值能耗降低3%左右，生态环境质量持续改善。")
    assert _keys(text) == [(2025, 5.0, "%"), (2025, 1.4, "万亿斤"), (2025, 3.0, "%")]


def test_the_size_of_a_fall_is_a_change() -> None:
    found = extract_plan("到2025年，工业危险废物填埋处置量下降幅度达10%。").targets
    assert [(t.value, t.relation) for t in found] == [(10.0, "reduce_by")]


def test_a_table_flattened_to_one_cell_per_line() -> None:
    text = ("专栏1 主要指标 |\n指标 |\n2015年 |\n2020年 |\n〔累计〕 |\n属性 |\n生态环境质量 |\n1。空气质量 |\n"
            "空气质量优良天数比率(%) |\n76。7 |\n>80 |\n- |\n约束性 |\n"
            "细颗粒物未达标城市浓度下降(%) |\n- |\n- |\n〔18〕 |\n约束性 |\n"
            "地表水劣Ⅴ类水体比例(%) |\n9。7 |\n5 |\n- |\n约束性 |\n")
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [
        (2020, 80.0, "%", ">="), (2020, 18.0, "%", "reduce_by"), (2020, 5.0, "%", "<=")]
    assert found[0].baseline_value == 76.7 and found[1].cumulative


def test_every_sentence_of_a_gold_set_reads_alike_in_traditional_characters() -> None:
    # the 133 sentences of other_provinces.yaml written in 繁体 (OpenCC s2t) give the same targets
    from pathlib import Path

    import yaml
    from opencc import OpenCC

    to_trad = OpenCC("s2t")
    data = yaml.safe_load((Path(__file__).parent / "gold" / "other_provinces.yaml").read_text(encoding="utf-8"))
    for entry in data:
        trad = to_trad.convert(entry["text"])
        if len(trad) != len(entry["text"]):
            continue  # a phrase of another length: spans would differ (none in this set)
        want = [(t.year, t.value, t.unit, t.span) for t in extract_plan(entry["text"]).targets]
        assert [(t.year, t.value, t.unit, t.span) for t in extract_plan(trad).targets] == want, entry["text"]


def test_a_headline_saying_what_is_to_be_reached() -> None:
    text = ("今年市区空气质量优良率要达83%左右\n\n2022-03-16 07:07:44\n\n"
            "会议明确了全市生态环境保护工作的预期目标。今年市区空气质量优良率要达83%左右，PM2.5平均浓度降至42微克/立方米以下。")
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2022, 83.0, "%"), (2022, 42.0, "微克/立方米")]
    assert found[0].span[0] < 20 and len(found[0].spans) == 1


def test_a_paragraph_on_the_years_just_past_and_their_results_opens_a_review() -> None:
    text = ("党的十八大以来，某市林业建设走上了快速发展的道路。特别是近年来，我市林业生态建设取得了突破性进展。\n"
            "全市森林资源总量显著增加。全市退耕地还林总面积达到68.7万亩，局部生态环境得到明显改善。\n"
            "到2025年，全市森林覆盖率达到40%。")
    assert _keys(text) == [(2025, 40.0, "%")]


# --- round ji: the classes of blind sets 18 and 19 ------------------------------------------

def test_a_bare_year_after_a_goals_heading_run_into_its_paragraph_looks_ahead() -> None:
    # (二) 主要目标。 2015 年，… : the heading ends with 。 but the year clause after it states goals
    text = ("(二) 主要目标。 2015 年,单位地区生产总值能耗比 2010 年下降 16% , 比 2005 年下降 33.06% ; "
            "化学需氧量排放总量控制在 123.1 万吨 以 内。")
    assert _keys(text) == [(2015, 16.0, "%"), (2015, 33.06, "%"), (2015, 123.1, "万吨")]
    assert _one(text, 33.06)["base_year"] == 2005


def test_a_bare_past_year_after_an_ordinary_sentence_still_reports() -> None:
    text = "全市节能工作成效明显。2015年,单位地区生产总值能耗比2010年下降16%。"
    assert _keys(text) == []


def test_a_list_of_places_sharing_one_value_gives_one_target_each() -> None:
    text = ("到2020年,东丰县、梨树县、双辽市细颗粒物年均浓度较2015年下降15%;"
            "甲区、乙区控制在46微克/立方米左右。")
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.value, t.unit) for t in found] == [
        ("东丰县细颗粒物年均浓度", 2020, 15.0, "%"), ("梨树县细颗粒物年均浓度", 2020, 15.0, "%"),
        ("双辽市细颗粒物年均浓度", 2020, 15.0, "%"),
        ("甲区", 2020, 46.0, "微克/立方米"), ("乙区", 2020, 46.0, "微克/立方米")]
    assert all(t.base_year == 2015 for t in found[:3])


def test_kinds_of_places_are_one_indicator_not_places() -> None:
    # 地级及以上城市、县级城市 name kinds of cities: one target
    assert _keys("到2025年,地级及以上城市、县级城市PM2.5浓度下降10%。") == [(2025, 10.0, "%")]


def test_the_short_name_of_a_period_plan_dates_the_goals_it_states() -> None:
    text = ("某省发布《某省工业绿色发展“十四五”规划》(以下简称《规划》)。《规划》具体目标包括:"
            "单位工业增加值能耗下降14%;创建100家以上绿色工厂。")
    assert _keys(text) == [(2025, 14.0, "%"), (2025, 100.0, "家")]


def test_a_short_name_without_a_period_dates_nothing() -> None:
    text = ("某省发布《某省工业绿色发展规划》(以下简称《规划》)。《规划》具体目标包括:"
            "单位工业增加值能耗下降14%;创建100家以上绿色工厂。")
    assert [y for y, _, _ in _keys(text)] == [None, None]


def test_a_deadline_written_with_a_doubled_year_word_and_its_pieces_after_a_semicolon() -> None:
    # 2017年年底前 is 2017年底前; the piece after ； with only a base year keeps the deadline's year
    text = ("推进园区循环化改造。2017年年底前,全市单位工业增加值能耗比2012年降低20%左右;"
            "全市重点行业排污强度比2012年下降30%以上。")
    assert _keys(text) == [(2017, 20.0, "%"), (2017, 30.0, "%")]
    assert extract_plan(text).targets[1].span == (text.index("30%以上"), text.index("30%以上") + 5)


def test_a_year_word_followed_by_its_own_year_in_a_date_is_unchanged() -> None:
    assert _keys("到2025年,全市森林覆盖率达到40%。") == [(2025, 40.0, "%")]


def test_clauses_run_on_without_punctuation_are_read_apart() -> None:
    text = "到2025年,全市单位工业增加值能耗下降12%左右全市清洁取暖率提高到80%以上城镇绿色建筑占新建建筑比例达到70%以上。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.value, t.unit) for t in found] == [
        ("单位工业增加值能耗", 2025, 12.0, "%"), ("清洁取暖率", 2025, 80.0, "%"),
        ("城镇绿色建筑占新建建筑比例", 2025, 70.0, "%")]
    assert text[found[1].span[0] : found[1].span[1]] == "80%以上"
    assert not found[1].cumulative


def test_a_share_of_things_after_its_bound_word_is_not_cut() -> None:
    # 80%以上城市达标: no level verb and number follow, the share goes on to its noun
    from cocontrol.plans.textnorm import clean

    for text in ("到2025年,确保80%以上城市空气质量达标。", "达到90%以上的城市PM2.5浓度下降10%。"):
        assert clean(text).text == text


def test_a_change_shared_by_a_list_of_measures_gives_one_target_each() -> None:
    text = "到2025年,单位地区生产总值用水量、万元工业增加值用水量比2020年下降16%。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.value, t.unit, t.base_year) for t in found] == [
        ("单位地区生产总值用水量", 2025, 16.0, "%", 2020), ("万元工业增加值用水量", 2025, 16.0, "%", 2020)]


def test_a_level_shared_by_a_list_of_amounts_stays_one_target() -> None:
    # 煤炭、原油产量控制在2亿吨: a level in tonnes may be their sum; not split
    assert _keys("到2025年,煤炭、原油产量控制在2亿吨。") == [(2025, 2.0, "亿吨")]


def test_size_thresholds_of_what_is_phased_out_are_no_targets() -> None:
    text = ("到2025年,电炉钢产量占比达到15%,逐步淘汰2000吨/日(不含)以下水泥熟料生产线,"
            "淘汰60万吨/年以下水泥粉磨站。")
    assert _keys(text) == [(2025, 15.0, "%")]


def test_a_capacity_level_with_its_bound_at_the_clause_end_stays_a_target() -> None:
    assert _keys("到2025年,城市污水处理能力达到100万立方米/日以上。") == [(2025, 100.0, "万立方米/日")]


def test_the_level_a_change_starts_from_is_no_target() -> None:
    text = "到2020年,纳入国家考核的地表水优良水体比例,由66.0%提升至73.0%以上。"
    assert _keys(text) == [(2020, 73.0, "%")]


def test_a_level_before_a_change_verb_without_from_stays_a_target() -> None:
    # 达到60%，提升至70%: two levels of one sentence, neither opened by 由/从
    assert [v for _, v, _ in _keys("到2025年,绿色建筑占比达到60%,2027年提升至70%。")] == [60.0, 70.0]


def test_a_year_qualifying_a_noun_is_no_deadline_of_a_stock_statistic() -> None:
    # 建成于2005年底前的小区: the age of the houses counted (共有), not a deadline
    assert _keys("某省共有建成于2000年底前的城镇老旧小区5000个,涉及户数80万户。") == []
    assert _keys("2025年底前,全市完成老旧小区改造100个。") == [(2025, 100.0, "个")]


def test_the_number_of_a_list_item_is_a_label() -> None:
    assert _keys("10、80%以上的自然保护区具备完善的管理设施。") == [(None, 80.0, "%")]
    # inside a sentence, 30、40、50个 is a list of values sharing the unit
    assert [v for _, v, _ in _keys("到2025年,三地分别建成30、40、50个示范村。")] == [30.0, 40.0, 50.0]


def test_resource_potential_and_reading_time_are_no_targets() -> None:
    assert _keys("某省西部风电项目规划可开发总容量达5000万千瓦,开发条件较好。") == []
    assert _keys("某市数据中心建设投资998字丨阅读本文需3分钟") == []
    assert _keys("到2025年,某省风电装机容量达到3000万千瓦。") == [(2025, 3000.0, "万千瓦")]


def test_the_range_of_a_plan_title_is_not_paired_with_a_list_of_values() -> None:
    text = "某省印发《2025—2026年节能降碳行动方案》,方案要求,2025年,单位地区生产总值能耗和二氧化碳排放分别降低2.5%左右、3.9%左右。"
    assert _keys(text) == [(2025, 2.5, "%"), (2025, 3.9, "%")]
    assert [v for _, v, _ in _keys("2025-2027年,全市优良天数比例分别达65%、70%、80%。")] == [65.0, 70.0, 80.0]
    assert [y for y, _, _ in _keys("2025-2027年,全市优良天数比例分别达65%、70%、80%。")] == [2025, 2026, 2027]


def test_a_concentration_written_with_its_volume_first() -> None:
    assert _keys("到2025年,细颗粒物平均浓度控制在每立方米25微克以内。") == [(2025, 25.0, "微克/立方米")]
    # 每立方米 before an amount of another kind is no concentration
    assert _keys("到2025年,每立方米混凝土水泥用量降低5%。") == [(2025, 5.0, "%")]


def test_named_items_counted_after_their_list_each_reach_the_level() -> None:
    text = "到2027年,东岭、西川、南坪3个基地完成规划目标任务的80%以上。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.value) for t in found] == [
        ("东岭基地", 2027, 80.0), ("西川基地", 2027, 80.0), ("南坪基地", 2027, 80.0)]


def test_a_count_that_differs_from_the_list_length_keeps_one_target() -> None:
    # 东岭、西川等5个基地: the list names only some of the five
    assert len(extract_plan("到2027年,东岭、西川等5个基地完成规划目标任务的80%以上。").targets) == 1
    # 甲江、乙江及两条小流域: 及 joins further items; the count is not the list's
    assert len(extract_plan("到2030年,甲江、乙江及两条重点小流域水质优良比例保持在85%以上。").targets) == 1


def test_a_verb_split_around_its_object() -> None:
    text = "到2025年,控制水泥熟料产能在16亿吨,提高能效标杆水平产能占比至40%。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.relation, t.value, t.unit) for t in found] == [
        ("水泥熟料产能", "<=", 16.0, "亿吨"), ("能效标杆水平产能占比", ">=", 40.0, "%")]


def test_a_verb_before_its_level_is_read_as_before() -> None:
    found = extract_plan("到2025年,全市PM2.5浓度控制在30微克/立方米以下,单位GDP能耗降低到0.5吨标准煤。").targets
    assert [(t.relation, t.value) for t in found] == [("<=", 30.0), ("<=", 0.5)]


def test_a_yearly_change_stated_with_a_level_verb() -> None:
    found = extract_plan("到2025年,全市地区生产总值年均增长达到7%。").targets
    assert [(t.relation, t.value, t.annual_rate) for t in found] == [("increase_by", 7.0, True)]
    # 年均浓度 is a measure: a level, not a yearly change
    found = extract_plan("到2025年,PM2.5年均浓度达到35微克/立方米。").targets
    assert [(t.relation, t.annual_rate) for t in found] == [(">=", False)]


def test_a_level_run_on_into_a_clause_opened_by_an_adverb() -> None:
    text = "到2025年,绿色建筑占新建建筑比例达到70%以上,省会达到85%以上基本淘汰国三排放标准汽车。"
    assert _keys(text) == [(2025, 70.0, "%"), (2025, 85.0, "%")]
    # a share with no level verb before it goes on to its noun (80%以上基本…: not cut)
    from cocontrol.plans.textnorm import clean

    assert clean("确保80%以上基本农田得到保护。").text == "确保80%以上基本农田得到保护。"


def test_a_level_inside_a_named_kind_of_goal() -> None:
    text = "到2026年,坚决完成优良天数比率不低于90%,PM2.5浓度不高于33微克/立方米的攻坚既定目标。"
    assert _keys(text) == [(2026, 90.0, "%"), (2026, 33.0, "微克/立方米")]
    # 150万吨以上的企业: an amount qualifying a noun stays no target
    assert _keys("到2026年,推动年运输量150万吨以上的大型工矿企业全部采用清洁运输。") == []


# --- round jm: false targets of blind sets 20 and 21 -----------------------------------------

def test_a_clause_opened_by_today_reports() -> None:
    # 目前 opening a clause (not only the sentence) states where things stand
    assert _keys("某省是南方重点林区之一,目前森林覆盖率达60.5%,居全国前列。") == []
    assert _keys("该市推动绿色开采,目前累计建成示范煤矿42座。") == []
    # with a year to come the sentence is a goal; 目前的 is only the level a change starts from
    assert _keys("目前森林覆盖率为40%,到2025年,森林覆盖率达到45%以上。") == [(2025, 45.0, "%")]


def test_the_years_just_lived_through_report() -> None:
    assert _keys("五年间,累计生产原煤12亿吨。") == []
    assert _keys("“十四五”前三年,全省建成新能源汽车充电桩2.5万台。") == []
    # a period to come (到2025年) stays a goal
    assert _keys("到2025年,全省建成新能源汽车充电桩5万台。") == [(2025, 5.0, "万台")]


def test_a_year_range_written_with_dao_is_no_deadline() -> None:
    # 2019到2022年 is a past range (issue year assumed 2024), not 到2022年
    assert _keys("2019到2022年,全国再生铜产量累计达1200万吨。") == []
    assert _keys("到2026年,全国再生铜产量达到500万吨。") == [(2026, 500.0, "万吨")]


def test_the_rating_of_each_of_a_count_of_units() -> None:
    # 2台60万千瓦: two units of 600 MW each, a description of the project, no target
    assert _keys("开工建设某电厂二期2台60万千瓦、某气电3台40万千瓦等一批清洁能源发电工程。") == []
    # a count of units with a year stays a target; a total capacity too
    assert _keys("到2025年,新建2台100万千瓦机组,全省装机达到5000万千瓦。") == [
        (2025, 2.0, "台"), (2025, 5000.0, "万千瓦")]


def test_places_with_a_value_each_are_not_shared() -> None:
    text = "到2020年,甲市、乙市和丙新区清洁能源替代量分别达到40万吨标准煤、50万吨标准煤和8万吨标准煤。"
    assert _keys(text) == [(2020, 40.0, "万吨标准煤"), (2020, 50.0, "万吨标准煤"), (2020, 8.0, "万吨标准煤")]
    # without 分别 the places share the one value: one target each
    assert len(_keys("到2020年,甲市、乙市、丙市细颗粒物浓度下降10%。")) == 3


def test_the_terms_of_a_subsidy_are_no_target() -> None:
    text = ("对2023—2024年建成并网的分布式光伏项目,省财政分别按照每千瓦300元、200元的标准给予补贴,"
            "补贴规模分别不超过5万千瓦、8万千瓦。")
    assert _keys(text) == []
    # a village count whose note names 补助村 stays a target
    assert _keys("到2025年,全市整治60个村庄(包括30个省级补助村)。")[0][1:] == (60.0, "个")


def test_a_quota_per_one_is_no_total() -> None:
    assert _keys("今冬明春发动全市1人种植3棵树、1村新建1片景观林。") == []
    # a total for the whole city stays a target
    assert _keys("到2025年,全市新增造林面积10万亩。") == [(2025, 10.0, "万亩")]


def test_a_fall_of_more_than_the_whole_and_the_parts_of_a_division() -> None:
    assert _keys("到2025年单位地区生产总值能源消耗较2020年下降135%") == []
    assert _keys("到2025年单位地区生产总值能源消耗较2020年下降13.5%") == [(2025, 13.5, "%")]
    assert _keys("以县为基本单元,将全省分为生态涵养区、生态修复区等4个区域。") == []


def test_first_in_the_country_and_works_built_so_far_report() -> None:
    assert _keys("全市污水集中处理率达到95.12%,建设再生水利用工程9处,成为全国首个实现污泥无害化处置的城市。") == []
    assert _keys("另外,全市共建设污泥处置工程8座,2026年将继续加大宣传力度。") == []


def test_a_year_qualifying_a_noun_is_no_deadline() -> None:
    text = "2025年全面淘汰2010年以前注册的营运柴油货车,新增公交车辆清洁能源使用率达80%以上。"
    assert _keys(text) == [(2025, 80.0, "%")]


def test_a_size_class_with_ji_yi_shang_before_a_noun() -> None:
    assert _keys("加大淘汰力度,完成20万千瓦及以上热电联产电厂供热范围内的燃煤锅炉关停任务。") == []
    # 及以上 closing the clause bounds the target's own level
    assert _keys("到2025年,全市新增光伏装机100万千瓦及以上。") == [(2025, 100.0, "万千瓦")]


def test_a_report_over_a_past_range_goes_on_in_its_paragraph() -> None:
    # 2019到2022年 is a range (no 到-deadline), “双碳”目标 a named goal: the paragraph reports until 将/到2030年
    text = ("某协会负责人称再生金属是实现“双碳”目标的生力军。2019到2022年,全国再生铜产量累计达1200万吨。"
            "累计节约矿产资源8亿吨,减少二氧化碳排放1.2亿吨。其中,再生铝贡献率超80%。"
            "预期到2030年,全国再生铜产量将达到500万吨。")
    assert _keys(text) == [(2030, 500.0, "万吨")]


def test_a_paragraph_opening_on_a_connective_goes_on_with_a_report() -> None:
    text = ("近年来,某省推动能源转型取得重大成果。某省已累计建成50座智能化煤矿,先进产能占比75%。\n"
            "同时,某省大力推进风能、太阳能开发利用,全省新能源装机占比达到38.27%。\n")
    assert _keys(text) == []
    # after a paragraph that sets goals, 同时 opens goals too
    text = ("到2025年,全省智能化煤矿达到80座。\n"
            "同时,到2025年,全省新能源装机占比达到40%。\n")
    assert _keys(text) == [(2025, 80.0, "座"), (2025, 40.0, "%")]


def test_a_year_range_named_by_a_goal_scopes_the_pieces_after_it() -> None:
    text = ("节能建筑提升目标是,2016—2019年,全区城镇新建建筑全面执行建筑节能强制性标准;"
            "实施节能建筑面积1.5亿平方米,其中城镇新建节能建筑1.2亿平方米。\n")
    assert [k for k in _keys(text) if k[2] == "亿平方米"] == [(2019, 1.5, "亿平方米"), (2019, 1.2, "亿平方米")]
    # a past range with no goal word reports (issue year assumed 2024)
    assert _keys("2016—2019年,全区实施节能建筑面积1.5亿平方米。\n") == []


def test_a_planned_deadline_scopes_the_piece_after_the_semicolon() -> None:
    text = ("为助力实现“双碳”目标,公司全力建设新型电力系统,计划到2025年全省清洁能源装机比重达80%;"
            "推动电能占终端能源消费比重达到30%以上。\n")
    assert _keys(text) == [(2025, 80.0, "%"), (2025, 30.0, "%")]


def test_a_news_item_on_a_plan_takes_the_plan_s_first_year() -> None:
    from cocontrol.plans.issued import issued

    text = "本报讯 这是记者从省政府办公厅印发的《某省2016~2017年节能减排行动方案》中获得的信息。\n"
    assert issued(text).year == 2016
    assert issued("本报讯 某省推进节能减排。\n").year is None


def test_a_range_before_a_list_of_measures_is_not_paired_with_the_values() -> None:
    text = "2016~2017年,全省单位生产总值能耗、二氧化碳排放要分别降低3.1%和2.9%。\n"
    assert _keys("本报讯 记者从省政府印发的《某省2016~2017年节能行动方案》中获悉。\n" + text) == [
        (2017, 3.1, "%"), (2017, 2.9, "%")]
    # one measure over the range: one value per year
    assert _keys("本报讯 记者从省政府印发的《某省2016~2017年节能行动方案》中获悉。\n"
                  "2016~2017年,全省清洁取暖率分别达到60%、70%。\n") == [(2016, 60.0, "%"), (2017, 70.0, "%")]


# --- round jr: blind sets 22/23 ---------------------------------------------------------------

_CELL_TABLE = ("主要指标如下:\n指标 |\n2020年基期值 |\n2025年目标值 |\n年均增(5年累计) |\n"
               "粮食产量(亿吨) |\n一 |\n>6.5 |\n一 |\n"
               "农作物综合机械化率(%) |\n71 |\n75 |\n[4] |\n"
               "监测合格 率(%) |\n97.8 |\n98 |\n[0.2] |\n材料二:某省将聚焦重点产业。")


def test_a_cell_per_line_table_with_a_change_column_and_dashes_typed_as_yi() -> None:
    # header 指标 | 2020 | 2025 | 年均增(5年累计): four columns; 一 is an empty cell, >6.5 a bound,
    # the [4] change column is no target; 合格 率 was broken over a line inside its cell
    assert [(t.indicator, t.year, t.value, t.unit, t.relation, t.baseline_value)
            for t in extract_plan(_CELL_TABLE).targets] == [
        ("粮食产量", 2025, 6.5, "亿吨", ">=", None),
        ("农作物综合机械化率", 2025, 75.0, "%", ">=", 71.0),
        ("监测合格率", 2025, 98.0, "%", ">=", 97.8)]


def test_a_three_column_cell_table_is_not_read_as_four() -> None:
    # negative: without the change column the rows are three cells wide; no cell becomes a name
    text = "指标 |\n2020年 |\n2025年 |\n森林覆盖率(%) |\n20 |\n22 |\n湿地保护率(%) |\n50 |\n55 |"
    assert [(t.indicator, t.value) for t in extract_plan(text).targets] == [("森林覆盖率", 22.0), ("湿地保护率", 55.0)]


def test_counts_before_their_nouns_joined_by_he() -> None:
    # 30个绿色园区和300家绿色工厂: each count is named by the noun right after it
    text = "“十四五”期间，全市累计建成30个绿色园区和300家绿色工厂。"
    assert [(t.indicator, t.year, t.value, t.unit) for t in extract_plan(text).targets] == [
        ("绿色园区", 2025, 30.0, "个"), ("绿色工厂", 2025, 300.0, "家")]


def test_he_before_a_noun_without_a_count_stays_in_the_name() -> None:
    # negative: 和 followed by no count joins two nouns of one count
    text = "到2025年，全市建成30个绿色园区和配套设施。"
    assert [(t.indicator, t.value) for t in extract_plan(text).targets] == [("绿色园区和配套设施", 30.0)]


def test_a_plan_period_with_its_subject_right_after_is_a_year_clause() -> None:
    # “十四五”全市… (no 期间, no comma) looks ahead to 2025; 较“十三五” is the base, not the name
    text = "《方案》提出，“十四五”全市累计建成30个绿色园区，规模以上工业增加值能耗较“十三五”下降14.5%。"
    assert [(t.indicator, t.year, t.value, t.relation) for t in extract_plan(text).targets] == [
        ("绿色园区", 2025, 30.0, "="), ("规模以上工业增加值能耗", 2025, 14.5, "reduce_by")]


def test_a_past_plan_period_with_its_subject_gives_no_year() -> None:
    # negative: “十二五” ended before any issue year; its figures are no 2015 goals
    assert all(t.year != 2015 for t in extract_plan("“十二五”全市累计建成30个绿色园区。").targets)


def test_copy_protection_marks_between_words_are_gaps() -> None:
    # a page copied with @@ between words (到@@2025年@@，…达到@@@@22%左右@@): read as if they were not there
    text = "到@@2025年@@，非化石能源消费比重达到@@@@22%左右@@，确保如期实现@@2030年@@前碳达峰目标@@。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.value, t.unit, t.approx) for t in found] == [
        ("非化石能源消费比重", 2025, 22.0, "%", True), ("碳达峰", 2030, 2030.0, "年", False)]
    assert text[found[0].span[0] : found[0].span[1]].startswith("22%")  # spans index the text as given


def test_a_single_at_sign_is_no_gap() -> None:
    # negative: an e-mail address keeps its @; the target after it is read as usual
    text = "联系邮箱：plan@gov.cn。到2025年，森林覆盖率达到30%。"
    assert [(t.year, t.value) for t in extract_plan(text).targets] == [(2025, 30.0)]


_REVIEW = "党的十八大以来，我国国土绿化成效显著，近5年来全国共完成造林2983万公顷。目前全国森林覆盖率增至21.66%。\n"


def test_a_plan_that_requires_by_a_year_ends_the_review_before() -> None:
    # 《…纲要(2016—2020年)》提出，到2020年…: the plan's goals, though a review paragraph came before
    text = _REVIEW + "国家林业局出台的《全国造林绿化规划纲要(2016—2020年)》提出，到2020年全国森林覆盖率超过23%，林木绿化率超过29%。"
    assert [(t.year, t.value, t.relation) for t in extract_plan(text).targets] == [(2020, 23.0, ">="), (2020, 29.0, ">=")]


def test_a_year_after_a_review_without_a_plan_stays_in_the_review() -> None:
    # negative: the same figures with no plan requiring them go on with the review
    text = _REVIEW + "到2020年全国森林覆盖率超过23%，林木绿化率超过29%。"
    assert extract_plan(text).targets == []


def test_a_reporters_account_of_a_period_still_ahead_sets_targets() -> None:
    # 获悉，…“十四五”末，累计建成…30个以上: the period's end (2025) scopes the account
    text = "记者获悉，《方案》提出，“十四五”末，累计建成市级及以上绿色园区30个以上、绿色工厂300家以上。"
    assert [(t.indicator, t.year, t.value, t.relation) for t in extract_plan(text).targets] == [
        ("市级及以上绿色园区", 2025, 30.0, ">="), ("绿色工厂", 2025, 300.0, ">=")]


def test_a_reporters_account_without_a_year_ahead_still_reports() -> None:
    # negative: 介绍，… with no year ahead states today's figures
    assert extract_plan("发言人介绍，我国充电桩累计3.5万个，新能源公交车占比77.6%。").targets == []


def test_the_parts_a_plan_is_built_of_are_no_targets() -> None:
    # 推动6个转型、实施8大工程; 配套实施8个重大工程: the plan's structure
    assert _keys("规划按照“聚焦1个行动、构建2大体系、推动6个转型、实施8大工程”的整体工作安排推进。") == []
    assert _keys("到2025年，提出具体举措，配套实施8个重大工程。") == []


def test_a_count_of_named_works_is_still_a_target() -> None:
    # negative: works named by what they do (生态修复工程) are counted goals
    assert _keys("到2025年，实施10个生态修复工程。") == [(2025, 10.0, "个")]


def test_two_verbs_of_one_noun_before_fenbie_are_one_name() -> None:
    # 新增和更新…车辆比例分别不低于80%: one value, one share (the two verbs qualify the same vehicles)
    found = extract_plan("到2025年，新增和更新公共汽电车中新能源车辆比例分别不低于80%。").targets
    assert [(t.indicator, t.value) for t in found] == [("新增和更新公共汽电车中新能源车辆比例", 80.0)]


def test_two_nouns_before_jun_still_share_the_value() -> None:
    # negative: 化肥、农药利用率均…: a list of names, each takes the value
    assert [t.indicator for t in extract_plan("到2025年，化肥、农药利用率均达到43%。").targets] == ["化肥利用率", "农药利用率"]


def test_a_count_inside_a_short_quoted_name_is_no_target() -> None:
    # 又被称为“水十条”: a document's nickname, not ten of anything
    assert _keys("到2020年，全国水环境质量得到阶段性改善。\n日前，国务院印发《水污染防治行动计划》，又被称为“水十条”。") == []


def test_a_quoted_name_before_its_count_keeps_the_count() -> None:
    # negative: “无废城市”10个 counts the cities the quote names
    assert _keys("到2025年，全市建成“无废城市”10个。") == [(2025, 10.0, "个")]


def test_todays_level_before_a_further_rise_is_no_target() -> None:
    # 从目前的23.04%再提高超1个百分点，达到24.1%: 23.04% is where the change starts
    values = [t.value for t in extract_plan("到2025年，我国森林覆盖率将从目前的23.04%再提高超1个百分点，达到24.1%。").targets]
    assert 23.04 not in values and 24.1 in values


def test_a_level_after_cong_without_a_later_level_is_kept() -> None:
    # negative: 从目前的 with no level reached after the change does not drop the year's level
    values = [t.value for t in extract_plan("到2025年，森林覆盖率达到24.1%，从目前的水平再提高1个百分点。").targets]
    assert 24.1 in values


def test_a_potential_is_an_estimate() -> None:
    # 总节水潜力达298亿立方米: what could be saved, not a goal
    assert _keys("到2025年，全国总节水潜力达298亿立方米。") == []


def test_tapping_a_potential_still_leaves_the_goal() -> None:
    # negative: 挖掘节水潜力 (no amount of the potential) does not silence the sentence's goal
    assert _keys("到2025年，充分挖掘节水潜力，万元GDP用水量下降16%。") == [(2025, 16.0, "%")]


def test_pinyin_after_traditional_characters_is_a_gap() -> None:
    # 全國(guó)…達(dá)到60% 左右: the page's pinyin is read as if it were not there; spans index the page
    text = "到2025年底，全國(guó)城市生活垃圾資源化利用率達(dá)到60%左右。"
    found = extract_plan(text).targets
    assert [(t.indicator, t.year, t.value, t.approx) for t in found] == [("全国城市生活垃圾资源化利用率", 2025, 60.0, True)]
    assert text[found[0].span[0] : found[0].span[1]].startswith("60%")


def test_latin_letters_in_brackets_without_a_tone_mark_stay() -> None:
    # negative: an English gloss (cement) is no pinyin and stays in the name
    found = extract_plan("到2025年，水泥(cement)产量控制在1000万吨以内。").targets
    assert [t.indicator for t in found] == ["水泥(cement)产量"]


# --- round kd: blind sets 24/25 ---------------------------------------------------------------

_OLD_PLAN_NEWS = ("截至2015年，全省城市污水处理率达到88%。规划提出，到2020年底，全省城市污水处理率达到95%。\n"
                  "“十三五”期间，规划新增污水管网3.5万公里，改造老旧管网1.2万公里。")


def test_an_undated_text_whose_goals_end_a_period_is_written_within_it() -> None:
    # a news item on a 十三五 plan (goals 到2020年, no later year named): its “十三五”期间 is the plan's
    # own period, not a review — 3.5 and 1.2 万公里 are 2020 goals; 88% (截至2015年) still reports
    assert _keys(_OLD_PLAN_NEWS) == [(2020, 95.0, "%"), (2020, 3.5, "万公里"), (2020, 1.2, "万公里")]


def test_a_later_year_named_keeps_the_period_a_review() -> None:
    # negative: a text that names 2023 was written after 2020: the 十三五 paragraph reviews
    text = _OLD_PLAN_NEWS + "\n2023年，全省继续推进管网建设。"
    assert (2020, 3.5, "万公里") not in _keys(text)


def test_a_year_reached_or_around_is_no_goal_year() -> None:
    # negative: 已经达到2020年规划水平, 均在2007年前后 set no goal year (the text keeps the assumed issue year)
    from cocontrol.plans.issued import goal_year_bound
    assert goal_year_bound("工业用水重复利用率89%，已经达到2020年规划水平。") is None
    assert goal_year_bound("美国和欧盟碳达峰时间均在2007年前后，碳排放峰值分别为59亿吨和51亿吨。") is None
    assert goal_year_bound("到2020年底，全省城市污水处理率达到95%。") == 2020
    # nor does a text looking back over the years just past (written at a time it does not name)
    assert goal_year_bound("党的十八大以来，全省造林成效显著。到2020年，森林覆盖率超过23%。") is None
    # nor one saying a deadline was met (到2020年底，全省已建成…): it was written after it
    assert goal_year_bound("到2020年底，全省已建成污水处理厂100座，城市污水处理率达到95%。") is None


def test_a_list_of_start_values_is_no_target() -> None:
    # 分别从2020年的60、40立方米下降至50和30立方米: 60 and 40 are where the change starts; 50 and 30
    # (和 after 分别 shares the unit) are the goals, one per indicator
    found = extract_plan("到2025年，万元GDP用水量和万元工业增加值用水量分别从2020年的60、40立方米下降至50和30立方米。").targets
    assert [(t.indicator, t.year, t.value, t.unit) for t in found] == [
        ("万元GDP用水量", 2025, 50.0, "立方米"), ("万元工业增加值用水量", 2025, 30.0, "立方米")]


def test_a_move_between_two_past_levels_reports() -> None:
    # 分别从“十二五”末的…下降至2018年的…: both ends lie before the issue: a report, whatever the list
    assert _keys("万元GDP用水量和万元工业增加值用水量分别从“十二五”末的90、60立方米下降至2018年的70和45立方米。") == []


def test_numbers_joined_by_he_without_fenbie_keep_their_own_reading() -> None:
    # negative: without 分别, 5和10万千瓦 does not give 5 the unit (5 stays a bare number)
    assert [t.value for t in extract_plan("到2025年，新增光伏装机5和10万千瓦储能。").targets if t.value == 5.0] == []


def test_a_plan_word_inside_a_title_looks_nowhere() -> None:
    # 对照《三年行动计划》…同比下降: the 计划 of a title is no intent; the year-on-year figures report
    assert _keys("对照《清洁空气三年行动计划》的要求，发言人说，2019年，全省PM2.5平均浓度为42微克/立方米，同比下降6.7%。") == []


def test_a_title_beside_a_goal_keeps_the_goal() -> None:
    # negative: a title with a goal ahead outside it (到2025年) is read as before, 同比 or not
    assert _keys("按照《清洁空气行动计划》要求，到2025年，全省PM2.5平均浓度同比下降5%。") == [(2025, 5.0, "%")]


def test_jiang_before_its_object_and_fang_zai_is_no_intent() -> None:
    # 将生态文明建设放在突出地位 (将 = 把): no future; with 近年来 and a level the paragraph reports
    text = ("近年来，某县将生态文明建设放在突出地位，全县县级以上集中式饮用水源地水质达标率100%。"
            "该县累计创建省级生态乡镇12个、生态村96个。")
    assert _keys(text) == []


def test_jiang_ba_still_looks_ahead() -> None:
    # negative: 将把…放在 is 将 (will) + 把: the level is a goal
    assert _keys("某县将把生态文明建设放在突出地位，饮用水源地水质达标率达到100%。") == [(None, 100.0, "%")]


def test_months_of_this_year_date_a_statistic() -> None:
    # 今年1月至10月: a part of the year so far (as 1—10月): the level reached is a report
    assert _keys("今年1月至10月，全市空气质量优良天数比率达到85%。") == []


# --- round ke: opened blind sets 18–23 --------------------------------------------------------

def test_a_table_whose_cells_run_together_gives_one_target_per_row_and_year() -> None:
    # header years and each row's shares written without separators (a document site's copy)
    text = ("附表 绿色发展目标分解表指标目标值2023年2024年2025年污水处理率90%92.5%95%"
            "城市用水总量不超省下达指标绿色建筑占比60%70%80%系数0.500.520.55")
    assert _keys(text) == [(2023, 90.0, "%"), (2024, 92.5, "%"), (2025, 95.0, "%"),
                           (2023, 60.0, "%"), (2024, 70.0, "%"), (2025, 80.0, "%")]
    assert _one(text, 92.5)["indicator"] == "污水处理率"
    assert _one(text, 70.0)["indicator"] == "绿色建筑占比"


def test_run_together_cells_of_one_unit_are_split_too() -> None:
    text = "附表 交通目标分解表指标目标值2023年2024年2025年新能源汽车保有量5万辆8万辆12万辆充电桩数量300个500个800个"
    assert _keys(text) == [(2023, 5.0, "万辆"), (2024, 8.0, "万辆"), (2025, 12.0, "万辆"),
                           (2023, 300.0, "个"), (2024, 500.0, "个"), (2025, 800.0, "个")]


def test_a_baseline_column_before_run_together_years_is_the_baseline() -> None:
    text = "表1 主要指标现状值2020年2025年森林覆盖率30%35%"
    assert _keys(text) == [(2025, 35.0, "%")]
    assert _one(text, 35.0)["baseline_value"] == 30.0


def test_districts_named_by_a_compass_point_and_chengqu_are_places() -> None:
    text = "到2027年，南城区、北城区、江北区PM2.5年均浓度控制在30微克/立方米以内。"
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit) for t in found] == [(2027, 30.0, "微克/立方米")] * 3
    assert [t.indicator[:3] for t in found] == ["南城区", "北城区", "江北区"]


def test_a_list_ending_in_a_generic_chengqu_is_not_split() -> None:
    text = "到2027年，老城区、主城区绿化覆盖率达到45%。"
    assert _keys(text) == [(2027, 45.0, "%")]


def test_milestone_years_after_qizhong_under_a_goal_are_targets() -> None:
    text = ("到2023年底，全市公交车中新能源车占比达到90%以上。"
            "其中2021年新增公交车中新能源车比例达到70%，2022年达到80%，2023年达到90%。")
    assert _keys(text) == [(2023, 90.0, "%"), (2021, 70.0, "%"), (2022, 80.0, "%"), (2023, 90.0, "%")]


def test_qizhong_years_without_a_goal_before_still_report() -> None:
    text = "全市公交车中新能源车占比较高。其中2021年新增公交车中新能源车比例达到70%，2022年达到80%。"
    assert _keys(text) == []


def test_a_forum_table_with_anti_scraping_junk_between_its_cells() -> None:
    # a forum copy: cells between bars at either end of the lines, junk glued to cells and holding bars
    text = ("专栏2 主要指标k3 Q; w% 1^ z) B+ e\n"
            "|\n指标\nr# 5d T; a( X9 v+ | 2020年m! 2s @; d7 L)\n| 2025年\n"
            "y& 6^ t( Q3 b] | 〔累计〕 p; u8 c' W# 4n\n| 属性\n"
            "h( 7j P! a% 2e ]] |\n森林覆盖率(%)/ E3 n; |5 Q( x7 r\n| 40。5\nf# 3k M( s^ 8d | 43! J7 ^e d* 5K\n"
            "| -\nZ] w3 r# 9o p( ! | 约束性\n| \n单位GDP能耗下降(%)\n8u ]# f% Kq 2v | -\n| -\nb@ 7t Z) !x | 〔13。5〕\n"
            "| 约束性 v( 1q M$ 9& Cz |\n")
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [
        (2025, 43.0, "%", ">="), (2025, 13.5, "%", "reduce_by")]
    assert found[0].baseline_value == 40.5 and found[1].cumulative


def test_a_markdown_table_with_one_digit_cells_is_not_junk() -> None:
    text = "| 指标 | 2020年 | 2025年 | 属性 |\n|---|---|---|---|\n| 新建公园（个） | 1 | 5 | 预期性 |\n"
    assert _keys(text) == [(2025, 5.0, "个")]


def test_a_share_of_the_subject_that_comes_from_or_is_rated_is_a_target() -> None:
    text = "到2030年，60%的供热负荷来自清洁能源，30%的乡镇获评省级生态乡镇。"
    assert _keys(text) == [(2030, 60.0, "%"), (2030, 30.0, "%")]


def test_a_share_that_comes_from_a_source_today_is_no_target() -> None:
    assert _keys("目前，全市60%的供热负荷来自燃煤锅炉。") == []


def test_an_unnumbered_review_heading_makes_its_bullets_reports() -> None:
    text = ("到2025年，全县森林覆盖率达到45%。\n"
            "2023年全县生态建设成效\n"
            "●森林覆盖率41%\n"
            "●比2020年提高3个百分点\n")
    assert _keys(text) == [(2025, 45.0, "%")]


def test_an_unnumbered_goals_line_after_a_review_heading_ends_it() -> None:
    text = ("2023年全县生态建设成效\n"
            "●森林覆盖率41%\n"
            "主要目标\n"
            "●到2025年，森林覆盖率达到45%\n")
    assert _keys(text) == [(2025, 45.0, "%")]


def test_a_work_report_telling_last_years_figures_before_this_years_plans() -> None:
    text = ("市长在作政府工作报告时提到，2027年全市空气质量优良天数比例保持90%以上。\n"
            "他表示，2028年，全市将完成造林8万亩。")
    assert _keys(text) == [(2028, 8.0, "万亩")]


def test_a_plan_with_a_goal_for_each_year_keeps_both() -> None:
    text = "方案提出，2027年，全市将完成造林6万亩。2028年，全市将完成造林8万亩。"
    assert _keys(text) == [(2027, 6.0, "万亩"), (2028, 8.0, "万亩")]


def test_a_rate_written_before_its_number_is_the_per_unit() -> None:
    # 达到每日70万吨: the same as 70万吨/日 (the time first, as 每立方米22微克 puts the volume first)
    found = extract_plan("到2025年底，全省垃圾焚烧处理能力达到每日3.5万吨左右。").targets
    assert [(t.year, t.value, t.unit, t.approx) for t in found] == [(2025, 3.5, "万吨/日", True)]


def test_a_count_per_day_keeps_its_count_unit() -> None:
    # negative: 每天2次 (how often) is no rate unit; 每年新增 stays an amount (no /年 added)
    from cocontrol.plans.quantities import find_quantities
    assert [q.unit for q in find_quantities("每天巡查2次，每年新增造林10万亩")] == ["次", "万亩"]


def test_a_goal_quoted_and_named_a_years_target() -> None:
    # 把“…降低2.5%左右”作为2026年主要预期目标之一: the quoted goal is that year's; last year's (较上年的“3%左右”) is not
    found = extract_plan("某省政府工作报告把“单位地区生产总值能耗降低2.5%左右”作为2026年主要预期目标之一，"
                         "较上年的“3%左右”有所调整。").targets
    assert [(t.indicator, t.year, t.value, t.relation, t.approx) for t in found] == [
        ("单位地区生产总值能耗", 2026, 2.5, "reduce_by", True)]


def test_a_period_plan_stating_its_goal_at_once_dates_it() -> None:
    # “十五五”规划纲要明确了…的总体目标: the plan's period gives the year (2030); the goal's name has no plan words
    found = extract_plan("“十五五”规划纲要明确了单位GDP二氧化碳排放降低17%的总体目标。").targets
    assert [(t.indicator, t.year, t.value) for t in found] == [("单位GDP二氧化碳排放", 2030, 17.0)]
    found = extract_plan("“十五五”规划纲要明确了非化石能源消费比重提高到25%的总体目标。").targets
    assert [(t.indicator, t.year, t.value, t.relation) for t in found] == [("非化石能源消费比重", 2030, 25.0, ">=")]


def test_a_period_plans_goals_named_with_de_are_no_scope() -> None:
    # negative: “十三五”规划确定的目标全面完成 (确定的, no 了) opens no year scope for the undated sentence after it
    assert _keys("“十三五”规划确定的目标全面完成。全市森林覆盖率达到40%。") == [(None, 40.0, "%")]


def test_a_count_of_units_supported_is_a_target() -> None:
    # 重点支持10个左右城市开展试点: how many units the plan supports (a count of pilots), as 遴选/选择 N个
    assert [(t.year, t.value, t.unit, t.approx) for t in extract_plan(
        "《意见》提出，省域在美丽中国建设中发挥主体作用。重点支持10个左右城市开展试点建设。").targets] == [
        (None, 10.0, "个", True)]


def test_units_supported_last_year_report() -> None:
    # negative: 去年…支持12个县 is what was done
    assert _keys("去年，省财政支持12个县开展试点。") == []


def test_a_table_row_of_the_worst_quality_share_is_an_upper_bound() -> None:
    # 地下水质量极差比例 15左右: the share of the worst class is to stay low (<=), as 劣V类; 优良 shares stay >=
    text = ("主要指标如下:\n指标 |\n2020年 |\n2025年 |\n地下水质量极差比例(%) |\n16.2 |\n15左右 |\n"
            "地表水优良水体比例(%) |\n80 |\n85 |\n材料二:某省将聚焦重点产业。")
    assert [(t.year, t.value, t.relation) for t in extract_plan(text).targets] == [(2025, 15.0, "<="), (2025, 85.0, ">=")]


def test_zhengqu_before_a_bound_is_a_hedge_like_lizheng() -> None:
    # 争取控制在1500万吨内: a goal striven for (strive), as 力争
    assert _one("到2025年，全市煤炭消费总量争取控制在1500万吨内。", 1500.0)["strive"] is True
    # negative: 已争取到 (got) is no hedge
    assert _one("到2025年，全市煤炭消费总量控制在1500万吨内，已争取到专项资金。", 1500.0)["strive"] is False


def test_exceeding_an_assigned_target_under_a_year_scope_is_a_goal() -> None:
    text = "到2027年，全县生态环境持续改善。超额完成省下达的各项减排指标，城市生活污水处理率达到98%以上。"
    assert _keys(text) == [(2027, 98.0, "%")]


def test_an_exceeded_target_without_a_year_scope_still_reports() -> None:
    assert _keys("全县超额完成省下达的各项减排指标，城市生活污水处理率达到98%。") == []


def test_a_sentence_on_another_country_sets_no_target() -> None:
    text = ("到2030年，全省风电装机达到3000万千瓦。"
            "北欧地区以丹麦为代表，风电发电量占比达50%；日本提出2030年可再生能源占比达到36%。")
    assert _keys(text) == [(2030, 3000.0, "万千瓦")]


def test_a_goal_to_reach_a_world_level_is_still_read() -> None:
    assert _keys("到2030年，全球领先的储能产业集群基本形成，储能装机达到500万千瓦。") == [(2030, 500.0, "万千瓦")]


def test_a_period_goal_being_set_in_a_news_item_is_a_target() -> None:
    text = "记者从全省节能工作会议上获悉，某省确定“十一五”期间工业节能目标为单位工业增加值能耗下降20%。"
    assert _keys(text) == [(2010, 20.0, "%")]


def test_a_past_period_result_in_a_news_item_still_reports() -> None:
    assert _keys("记者获悉，“十一五”期间某省单位工业增加值能耗下降20%。") == []


def test_the_main_tasks_a_plan_counts_are_structure() -> None:
    assert _keys("方案提出，到2027年，全市将实施7项主要任务，建成20个无废细胞。") == [(2027, 20.0, "个")]


def test_jin_nian_in_a_year_s_task_breakdown_is_its_year() -> None:
    text = "某市2027年重点目标任务分解\n今年，全市计划实施62个河湖治理项目。"
    assert _keys(text) == [(2027, 62.0, "个")]


def test_counts_of_what_is_formed_or_pushed_on_and_an_amount_formed() -> None:
    text = ("到2027年，全面形成钢铁—建材、化工—新材料等4条循环产业链，推进高新区等其他12个园区循环化改造，"
            "形成80万吨标准煤左右节能能力，推进30个重点项目建设。")
    assert _keys(text) == [(2027, 4.0, "条"), (2027, 12.0, "个"), (2027, 80.0, "万吨标准煤"), (2027, 30.0, "个")]


def test_measures_named_and_counted_after_deng_are_no_targets() -> None:
    text = "方案提出，到2027年，实施推进能源转型、强化污染治理等8项重点任务，制定交通、建筑等3个领域专项方案。"
    assert _keys(text) == []


def test_reaching_the_peak_under_a_year_clause_is_a_peak_target() -> None:
    text = "到2030年，全县非化石能源消费比重达到30%，力争实现碳达峰目标。"
    assert _keys(text) == [(2030, 2030.0, "年"), (2030, 30.0, "%")]  # the peak's span opens at 2030年
    assert _one(text, 2030.0)["strive"]


def test_a_means_and_a_repeat_of_the_peak_are_not_new_peak_targets() -> None:
    assert _keys("到2025年，为实现碳达峰奠定坚实基础。") == []
    text = "到2030年，全县二氧化碳排放量达到峰值。\n到2030年，全县非化石能源消费比重达到30%，实现碳达峰目标。"
    assert _keys(text) == [(2030, 2030.0, "年"), (2030, 30.0, "%")]


def test_a_start_value_before_a_comma_and_the_move_is_no_target() -> None:
    # 从2020年的40.2%，提高到2025年的43%: the comma does not make the start a level of its own
    found = extract_plan("到2025年，主要农作物化肥利用率从2020年的40.2%，提高到2025年的43%。").targets
    assert [(t.year, t.value, t.relation) for t in found] == [(2025, 43.0, ">=")]


def test_an_area_written_before_its_bound_is_the_per_unit() -> None:
    # 排放量每万平方米不高于300吨: as 300吨/万平方米 (the per-unit written first, as 每日70万吨)
    found = extract_plan("到2030年，新建建筑施工现场建筑垃圾排放量每万平方米不高于300吨。").targets
    assert [(t.indicator, t.year, t.value, t.unit, t.relation) for t in found] == [
        ("新建建筑施工现场建筑垃圾排放量", 2030, 300.0, "吨/万平方米", "<=")]


def test_a_deposit_per_month_and_area_is_one_unit() -> None:
    # 降尘强度8.5吨/月·平方公里 (or 吨/平方公里·月): one compound unit, not 吨
    from cocontrol.plans.quantities import find_quantities
    assert [q.unit for q in find_quantities("降尘强度控制在8.5吨/月·平方公里以内，或4吨/平方公里·月")] == [
        "吨/月·平方公里", "吨/平方公里·月"]
    # negative: 每万元 before a verb is no area and gives no per-unit (万元GDP能耗 is named so)
    assert [q.unit for q in find_quantities("每万元产值用水降至20立方米")] == ["立方米"]


def test_a_reported_move_to_a_later_years_level_is_a_goal() -> None:
    # 据悉，…必须从2005年的0.57…下降到2010年的0.42… in a page of 2007: the account names a goal (2010), not today's figure
    text = ("发布日期：2007-09-03\n据悉，根据分解方案，甲区的能耗指标必须从2005年的0.57吨标煤/万元"
            "下降到2010年的0.42吨标煤/万元。")
    assert _keys(text) == [(2010, 0.42, "吨标煤/万元")]


def test_a_reported_move_between_past_levels_stays_a_report() -> None:
    # negative: the same account of a move that ended before the page (2006) reports
    text = "发布日期：2007-09-03\n据悉，甲区的能耗从2005年的0.57吨标煤/万元下降到2006年的0.52吨标煤/万元。"
    assert _keys(text) == []


def test_other_wordings_of_today_and_of_the_year_so_far_report() -> None:
    # 至目前 (= 截至目前), 首两个月 and 按年增长 (= 同比): statistics, not goals
    assert _keys("至目前，全县新能源装机容量达150万千瓦，其中风电120万千瓦。") == []
    assert _keys("今年首三个月，全省粗钢产量按年增长4.2%，至0.9亿吨。") == []


def test_a_persons_forecast_and_a_trend_projection_are_no_goals() -> None:
    # 他判断，到2035年…将达到: a forecast; 依照当前…发展趋势，…将达到: a projection
    assert _keys("他判断，到2035年全国电炉钢比例将达到25%以上。") == []
    assert _keys("依照当前快递的发展趋势，2026年全国快递包装材料消耗量将达到3000万吨。") == []
    # negative: 提高预判能力 and a plan's own goal are untouched
    assert _keys("提高预判能力，到2027年全市空气质量优良天数比率达到85%。") == [(2027, 85.0, "%")]


def test_a_page_date_written_in_chinese_with_its_time_dates_the_text() -> None:
    text = ("某县获批建设清洁能源示范区\n日期: 2019年03月02日 10:21\n"
            "规划要求示范区清洁能源消费比例2020年达到25%，2025年达到40%。")
    assert _keys(text) == [(2020, 25.0, "%"), (2025, 40.0, "%")]
    assert extract_plan(text).plan.date is not None and extract_plan(text).plan.date.year == 2019


def test_a_headline_with_a_comma_ending_in_an_amount_is_a_line_of_its_own() -> None:
    text = ("某省：到2030年，新能源装机量达5000万千瓦以上\n某某能源网 发布时间:2024-03-01 09:00:00\n"
            "某省人民政府近日印发《某省碳达峰实施方案》。")
    assert _keys(text) == [(2030, 5000.0, "万千瓦")]


def test_a_yearly_net_gain_is_an_annual_amount() -> None:
    text = "到2035年，储备林建设范围内年均蓄积量净增达1500万立方米以上。"
    assert _keys(text) == [(2035, 1500.0, "万立方米")]
    assert _one(text, 1500.0)["annual_rate"]
    assert not _one("到2035年，储备林蓄积量达到1500万立方米以上。", 1500.0)["annual_rate"]


def test_a_dustfall_rate_per_month_and_area_is_one_unit() -> None:
    assert _keys("2027年，全市平均降尘量控制在4.5吨/月·平方公里以下。") == [(2027, 4.5, "吨/月·平方公里")]


def test_a_goal_breakdown_table_by_place_gives_one_target_per_place_and_goal() -> None:
    text = ("附件\n某市“十四五”各县(市、区)节能目标分解表\n"
            "县(市、区) | 能耗强度下降目标 | 煤炭消费削减目标 | 责任单位 |\n"
            "东城区 | 15% | 8% | 东城区人民政府 |\n"
            "西河县 | 15% | 10% | 西河县人民政府 |\n")
    found = extract_plan(text).targets
    assert [(t.year, t.value, t.unit, t.relation) for t in found] == [
        (2025, 15.0, "%", "reduce_by"), (2025, 8.0, "%", "reduce_by"),
        (2025, 15.0, "%", "reduce_by"), (2025, 10.0, "%", "reduce_by")]
    assert found[0].indicator.startswith("东城区") and found[2].indicator.startswith("西河县")


def test_a_breakdown_table_without_a_year_in_its_title_gives_none() -> None:
    text = "各县节能目标分解表\n县区 | 能耗强度下降目标 |\n东城区 | 15% |\n西河县 | 12% |\n"
    assert _keys(text) == []


def test_a_plan_period_right_after_the_subject_dates_its_clause() -> None:
    text = "某市人民政府关于下达“十四五”节能目标的通知\n某政发〔2022〕3号\n根据省政府要求，我市“十四五”单位GDP能耗需下降14%。\n"
    assert _keys(text) == [(2025, 14.0, "%")]
    assert _keys("我市“十三五”单位GDP能耗下降了18%。") == []






def test_an_example_paragraph_goes_on_with_the_report_before() -> None:
    # 例如，全年完成…: an example of the work just reported, not a goal
    text = "司长表示，2023年，我国大气污染防治开展了大量工作。\n例如，全年完成散煤治理150万户，累计达3900万户。"
    assert _keys(text) == []


def test_an_example_paragraph_after_goals_keeps_its_targets() -> None:
    # negative: 例如，… after a paragraph looking ahead is read as usual
    text = "到2027年，全市将持续推进清洁取暖。\n例如，完成散煤治理5万户。"
    assert 5.0 in [t.value for t in extract_plan(text).targets]



def test_a_year_clause_after_a_bylines_bracket_scopes_the_paragraph() -> None:
    # 本报北京12月4日电 (记者某某)到2025年，…。其中，…降低18%: the bracket closes the byline; 到2025年 opens the scope
    text = "本报北京12月4日电 (记者李明)到2025年，工业绿色转型取得显著成效。其中，单位工业增加值二氧化碳排放降低18%。"
    assert _keys(text) == [(2025, 18.0, "%")]


def test_a_base_that_names_the_change_it_stands_on_is_no_target() -> None:
    # 在2020年提高节能30%的基础上再提升30%: the first 30% is the base; the goal is the second, dated 2025, base 2020
    found = extract_plan("到2025年，新建建筑按超低能耗标准设计建造，在2020年提高节能30%的基础上再提升30%。").targets
    text = "到2025年，新建建筑按超低能耗标准设计建造，在2020年提高节能30%的基础上再提升30%。"
    assert [(t.year, t.value, t.base_year, text[t.span[0] - 3 : t.span[0]]) for t in found] == [(2025, 30.0, 2020, "再提升")]
    # negative: a base with its level only (在2015年70微克/立方米的基础上降低25%) is read as before
    assert _keys("到2025年，PM2.5浓度在2015年70微克/立方米的基础上降低25%。") == [(2025, 25.0, "%")]







def test_ke_achievable_as_a_quality_does_not_make_a_projection() -> None:
    text = "到2027年，全县清洁能源消费占比超过40%，探索出一条可实现、可复制、可推广的发展之路。"
    assert _keys(text) == [(2027, 40.0, "%")]
    assert _keys("项目建成后，每年可节约标准煤9万吨。") == []


def test_a_share_of_the_units_a_deed_is_done_to_is_a_target() -> None:
    text = "2027年年底前，对全市60%以上的工业园区和40%以上的乡镇园区实施循环化改造。"
    assert _keys(text) == [(2027, 60.0, "%"), (2027, 40.0, "%")]


def test_a_projection_inside_a_goal_list_does_not_silence_the_pieces_after_it() -> None:
    text = "到2027年，全市断面水质优良比例预计达到85%以上；城市黑臭水体比例控制在5%以内；饮用水水源达标率达到100%。"
    assert _keys(text) == [(2027, 5.0, "%"), (2027, 100.0, "%")]


def test_a_projected_statistic_still_silences_the_pieces_after_it() -> None:
    assert _keys("2024年全市秸秆综合利用率预测达到92%；新增完成农村改厕2.5万户。") == []


def test_amounts_of_one_verb_joined_by_he_are_each_a_target() -> None:
    assert _keys("到2027年，建设300万千瓦光伏和120万千瓦风电项目。") == [(2027, 300.0, "万千瓦"), (2027, 120.0, "万千瓦")]


def test_unit_sizes_joined_by_he_without_a_creating_verb_are_no_targets() -> None:
    assert _keys("到2027年，对30万千瓦和60万千瓦机组实施节能改造。") == []


def test_a_period_of_milestones_after_qizhong_under_a_goal() -> None:
    text = "到2030年，全省建成高标准农田6亿亩。其中，“十四五”期间建成3亿亩。"
    assert _keys(text) == [(2030, 6.0, "亿亩"), (2025, 3.0, "亿亩")]


def test_within_a_year_a_plan_states_looks_ahead_and_raw_coal_is_a_unit() -> None:
    text = "某省近日出台2027年煤炭消费减量替代工作方案，提出2027年内全省净压减煤炭消费量500万吨以上，煤炭消费总量控制在2.1亿吨原煤以内。"
    assert _keys(text) == [(2027, 500.0, "万吨"), (2027, 2.1, "亿吨原煤")]


def test_a_place_list_whose_first_name_leaves_out_its_suffix() -> None:
    text = "到2027年，其中江门、肇庆市的细颗粒物年均浓度达到25微克/立方米以下。"
    assert [t.indicator[:3] for t in extract_plan(text).targets] == ["江门的", "肇庆市"]


def test_an_amount_places_do_together_is_one_target() -> None:
    assert _keys("到2027年，在东阳市、西林县开展8万亩退化林修复试点。") == [(2027, 8.0, "万亩")]
    assert _keys("到2027年，东阳市、西林县PM2.5年均浓度下降10%。") == [(2027, 10.0, "%"), (2027, 10.0, "%")]


def test_a_years_plan_written_niandu_jihua_looks_ahead() -> None:
    text = "近年来，某省把老旧小区改造视作民生重点。某省2027年度计划新开工改造小区800个，截至今年5月底，已开工300个。"
    assert _keys(text) == [(2027, 800.0, "个")]
    assert "计划" not in _one(text, 800.0)["indicator"]


def test_a_headline_without_a_year_sets_nothing_of_its_own() -> None:
    text = "某县出台清洁取暖实施方案 推广面积超二百万平方米\n记者获悉，某县近日出台清洁取暖实施方案。到2027年，全县清洁取暖面积达到220万平方米。"
    assert _keys(text) == [(2027, 220.0, "万平方米")]


def test_a_headline_with_its_year_is_still_read() -> None:
    text = "某省：到2030年，风光发电装机量达6000万千瓦以上\n某省人民政府近日印发《某省碳达峰实施方案》。"
    assert _keys(text) == [(2030, 6000.0, "万千瓦")]




def test_a_page_posted_later_keeps_the_goals_of_the_plan_it_quotes() -> None:
    text = ("某市老旧小区改造计划是怎样的\n社会热点2026-10-04 12:08:26\n"
            "根据《某市城镇老旧小区改造专项规划(2024-2028年)》，规划为：\n"
            "1、到2024年，新开工改造城镇老旧小区120个。\n2、到2027年，新开工改造城镇老旧小区250个。\n")
    assert _keys(text) == [(2024, 120.0, "个"), (2027, 250.0, "个")]


def test_a_page_posted_later_still_drops_old_years_of_no_quoted_plan() -> None:
    text = "某省召开新闻发布会\n时间:2026-05-21 10:00:00\n到2020年，全省PM2.5平均浓度下降了15%。2019年，全省完成造林10万亩。"
    assert _keys(text) == []






def test_list_items_on_their_own_lines_after_a_colon_take_the_intro_s_year() -> None:
    text = ("某省能源发展规划\n此外，《规划》从三个方面设定全省2027年能源发展的主要目标:\n"
            "一是能源保障更加有力。能源综合生产能力达到1亿吨标准煤以上。\n"
            "二是能源结构更加优化。非化石能源消费比重力争达到30%以上。\n")
    assert _keys(text) == [(2027, 1.0, "亿吨标准煤"), (2027, 30.0, "%")]


def test_a_heading_line_with_a_colon_before_prose_still_joins() -> None:
    text = "全国:\n“十四五”时期，单位GDP能源消耗降低13.5%。"
    assert _keys(text) == [(2025, 13.5, "%")]




def test_a_period_opening_its_sentence_dates_it_when_it_is_not_over() -> None:
    text = "某省“十四五”能源发展规划\n“十四五”新增电力装机容量3460万千瓦以上。\n"
    assert _keys(text) == [(2025, 3460.0, "万千瓦")]


def test_computing_power_and_storage_units() -> None:
    text = "到2027年，全市算力规模超过20EFLOPS，存储总量超过150EB，智能算力占比达到40%。"
    assert _keys(text) == [(2027, 20.0, "EFLOPS"), (2027, 150.0, "EB"), (2027, 40.0, "%")]


def test_an_equivalence_is_no_target_but_the_goal_before_it_is() -> None:
    assert _keys("项目年发电3000万度，与同等电量火电厂相比，相当于节约标准煤约1万吨，减排二氧化碳2万吨。") == []
    assert _keys("到2027年，全市新增光伏装机100万千瓦，相当于每年节约标准煤30万吨。") == [(2027, 100.0, "万千瓦")]


def test_a_population_labelled_with_a_hedge_is_a_level() -> None:
    assert _keys("到2027年，全省气化人口约1500万人。") == [(2027, 1500.0, "万人")]
