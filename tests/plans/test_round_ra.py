"""Round ra (issue 10): the classes left on blind sets 45, 46, 48, 49 and 50, each fixed at its root and
tested with sentences written for the test — never a quote of a set — and a negative beside every rule."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def _named(text: str) -> dict[tuple[int | None, float | None, str | None], str]:
    return {(t.year, t.value, t.unit): t.indicator for t in extract_plan(text).targets}


# class 2: a year followed by a dash opens a list of that year's goals written without verbs


def test_a_year_dash_list_dates_its_verbless_items() -> None:
    text = ("某省储能产业发展规划（2022-2035年）\n发展目标：2026年——新型储能装机3-4百万千瓦，示范电站15座，"
            "60亿元产业产值；\n2030年——新型储能装机10-12百万千瓦，示范电站40座，3000台储能变流器；"
            "2035年——示范电站90座，2万台储能变流器，500亿元产业产值。")
    named = _named(text)
    for key in [(2026, 3.0, "百万千瓦"), (2026, 15.0, "座"), (2026, 60.0, "亿元"), (2030, 10.0, "百万千瓦"),
                (2030, 40.0, "座"), (2030, 3000.0, "台"), (2035, 90.0, "座"), (2035, 2.0, "万台"), (2035, 500.0, "亿元")]:
        assert key in named, key
    assert named[(2035, 2.0, "万台")] == "储能变流器"
    assert named[(2026, 15.0, "座")] == "示范电站"
    assert not any(name.startswith("—") for name in named.values())


def test_a_dash_without_a_year_opens_no_goal_list() -> None:
    # negative: a dash after a name (a subtitle) is no year-dash list; a report stays a report
    text = "某市能源发展回顾——截至2023年底，全市已建成示范电站12座，储能变流器800台，产业产值45亿元。"
    assert _keys(text) == []


# class 4: a decimal point written as 。 on a mirror page


def test_a_decimal_point_written_as_a_full_stop_before_a_percent() -> None:
    text = "某县新闻 2026年，全县地表水优良比例达到95。4%，空气质量优良天数比率达到88。7%，森林覆盖率达到61%。"
    keys = _keys(text)
    assert (2026, 95.4, "%") in keys and (2026, 88.7, "%") in keys and (2026, 61.0, "%") in keys


def test_a_full_stop_after_a_year_or_before_a_count_stays_a_sentence_end() -> None:
    # negative: 2025。3% would be a year then a new sentence; 。3个 may open a sentence on its count
    from cocontrol.plans.normalise import normalise

    assert normalise("目标年为2025。30%的企业完成改造。").text == "目标年为2025。30%的企业完成改造。"
    assert normalise("覆盖率达到97。3个县完成改造。").text == "覆盖率达到97。3个县完成改造。"
    assert normalise("覆盖率达到97。3%。").text == "覆盖率达到97.3%。"


# class 3: a campaign's period with months or days is dated by its end; its 同比 goals are changes


def test_a_campaign_period_with_days_is_dated_by_its_end() -> None:
    text = ("某省秋冬季攻坚方案提出，2024年11月1日至2025年2月28日，全省细颗粒物平均浓度同比下降4%左右，"
            "重污染天数同比减少6%左右；强化源头控制。")
    keys = _keys(text)
    assert (2025, 4.0, "%") in keys and (2025, 6.0, "%") in keys
    assert not any(y == 2024 for y, _, _ in keys)


def test_a_goal_named_after_a_campaign_period_is_read_with_its_same_season_change() -> None:
    text = ("《方案》提出，2024年10月至2025年3月，联防城市PM2.5平均浓度同比下降10%以上，重污染天数同比下降10%以上。"
            "其中，某市的目标为PM2.5平均浓度同比下降16%，重污染天数同比下降14%。")
    keys = _keys(text)
    for key in [(2025, 10.0, "%"), (2025, 16.0, "%"), (2025, 14.0, "%")]:
        assert key in keys, key


def test_a_season_reported_with_a_same_season_change_stays_a_report() -> None:
    # negative: a past season's results (no goal named, no plan speaking) set nothing
    text = "日期：2025-04-02 据通报，2024年10月至2025年3月，全市PM2.5平均浓度为45微克/立方米，同比下降8.2%，重污染天数同比减少3天。"
    assert _keys(text) == []


# class 5: a base year inside the clause (基于2020年…的1.3倍) is a base, not the goal's year


def test_a_base_year_after_jiyu_is_no_goal_year() -> None:
    text = ("批复指出，到2035年，某省耕地保有量不低于5200万亩；城镇开发边界扩展倍数控制在基于2020年城镇建设用地规模的1.25倍以内；"
            "单位国内生产总值建设用地使用面积下降不少于36%；用水总量不超过国家下达指标。")
    found = {(t.year, t.value, t.unit): t for t in extract_plan(text).targets}
    assert (2035, 1.25, "倍") in found and (2035, 36.0, "%") in found
    assert found[(2035, 36.0, "%")].relation == "reduce_by"
    assert not any(y == 2020 for y, _, _ in found)


def test_a_year_of_its_own_after_the_base_clause_still_dates() -> None:
    # negative: a year that is no base (其中2025年不低于…) still dates its clause
    text = "到2035年，大陆自然岸线保有率不低于国家下达任务，其中2027年不低于21.5%；相对于2020年，林地面积增加不少于3万公顷。"
    keys = _keys(text)
    assert (2027, 21.5, "%") in keys and (2035, 3.0, "万公顷") in keys


# class 6: lists — the first item of a verbless 、 list, the item before 等…目标, a 其中 share


def test_the_first_item_of_a_verbless_list_is_read_as_the_later_ones() -> None:
    text = "根据规划，到2030年，全市水土流失综合治理规模3200平方公里、重点预防规模2100平方公里，综合治理率达到88%。"
    keys = _keys(text)
    for key in [(2030, 3200.0, "平方公里"), (2030, 2100.0, "平方公里"), (2030, 88.0, "%")]:
        assert key in keys, key


def test_the_item_before_deng_closing_a_list_of_goals() -> None:
    text = "会议明确，到2030年规划完成沙化土地治理任务1.5亿亩，沙化土地封禁保护面积0.7亿亩等一系列目标任务。"
    keys = _keys(text)
    assert (2030, 1.5, "亿亩") in keys and (2030, 0.7, "亿亩") in keys


def test_an_amount_before_deng_naming_places_is_no_item() -> None:
    # negative: 等 followed by what is not a list of goals (等地的管护) does not close an item
    text = "到2030年，完成造林任务1.2亿亩，涉及沙区面积0.3亿亩等地的管护由各县负责。"
    keys = _keys(text)
    assert (2030, 1.2, "亿亩") in keys and (2030, 0.3, "亿亩") not in keys


def test_a_share_of_the_whole_after_qizhong_is_a_target() -> None:
    text = "方案提出，到2026年，园区单位工业增加值综合能耗降至0.5吨标准煤/万元以下，其中40%的园区单位工业增加值综合能耗低于0.35吨标准煤/万元。"
    found = {(t.year, t.value, t.unit): t for t in extract_plan(text).targets}
    assert (2026, 40.0, "%") in found and found[(2026, 40.0, "%")].relation == "="
    assert (2026, 0.5, "吨标准煤/万元") in found


def test_a_share_after_qizhong_in_a_report_is_no_target() -> None:
    # negative: a share after 其中 in a report of last year's results
    text = "日期：2025-03-01 2024年，全市园区综合能耗降至0.52吨标准煤/万元，其中35%的园区低于0.4吨标准煤/万元。"
    assert (2024, 35.0, "%") not in _keys(text)


# class 7: units as written


def test_a_rate_per_day_keeps_the_word_the_text_uses() -> None:
    from cocontrol.plans.quantities import find_quantities

    assert [q.unit for q in find_quantities("制氢能力到2026年底将达到每天15吨")] == ["吨/天"]
    assert [q.unit for q in find_quantities("污水处理能力达到每日8万吨")] == ["万吨/日"]  # negative: 每日 stays 日


# class 9: 剩余 (the rest of the work) is work to do, no report


def test_the_remaining_work_before_a_deadline_is_a_target() -> None:
    text = "1.沿江企业搬迁改造行动。2026年底之前完成剩余的6家沿江化工企业关改搬转任务，推动化工产业转型升级。"
    found = {(t.year, t.value, t.unit): t.indicator for t in extract_plan(text).targets}
    assert (2026, 6.0, "家") in found and "剩余" not in found[(2026, 6.0, "家")]


def test_what_was_set_up_before_a_count_stays_no_target() -> None:
    # negative: 的 after a verb other than 剩余 (含正式设立的5个…) still marks a qualifier
    text = "近日，某部门印发布局方案，遴选出30个候选区（含正式设立的4个保护区），总面积约50万平方公里。"
    assert (None, 4.0, "个") not in _keys(text)


# class 8 (part): statements that are no goals — years looked back on, a title's numbers, a study's scenarios, a
# bracketed gloss of one kind of place


def test_a_yearly_pace_over_years_looked_back_on_is_a_habit() -> None:
    text = "记者了解到，退耕还林10年来，某省森林覆盖率每年提高一个百分点以上，2012年达到42%以上，40个县纳入国家综合治理试点工程。"
    assert _keys(text) == []


def test_a_yearly_pace_ahead_is_still_a_goal() -> None:
    # negative: 每年 with no years looked back on is a goal's pace
    text = "今后五年，某省森林覆盖率每年提高一个百分点以上。"
    assert (None, 1.0, "个百分点") in _keys(text)


def test_numbers_inside_a_title_state_no_goal() -> None:
    text = "今年3月，一家外国网站发表文章《这座中国城市拥有1.2万辆电动公交车和1.8万辆电动出租车》，关注该市电动汽车发展，将该市称为“未来之城”。"
    assert _keys(text) == []


def test_numbers_after_a_title_still_count() -> None:
    # negative: the goal after a title is read
    text = "《某市新能源汽车推广方案》提出，到2027年，全市新能源公交车达到1.5万辆。"
    assert (2027, 1.5, "万辆") in _keys(text)


def test_a_scenario_of_a_study_is_no_goal() -> None:
    text = "研究显示，在基准情景、强化情景这2种情景下可于2029年达到碳达峰，其中经济结构的影响最大。"
    assert _keys(text) == []


def test_places_glossed_in_brackets_are_one_kind() -> None:
    text = "根据《规划》，到2027年末，所有县(市、区)的自然湿地保护率均达到65%。"
    found = [(t.year, t.value, t.unit) for t in extract_plan(text).targets]
    assert found == [(2027, 65.0, "%")]


def test_where_things_stand_before_a_next_step_with_jiang() -> None:
    text = "某省累计建成180座智能化煤矿，将于2028年基本实现各类煤矿智能化。"
    assert _keys(text) == []
    text = "会议透露，全省农村电网供电可靠率达到99.7%，户均配变容量为1.85千伏安，将在年底前完成改造。"
    assert _keys(text) == []


def test_an_amount_with_its_own_deadline_after_jiang_is_a_goal() -> None:
    # negative: 将在YYYY年底前完成 right after an amount is that amount's deadline
    text = "其中，主城区加油站油气回收系统120座，将在2027年底前完成；其他区县加油站35座，将在2028年底前完成。"
    keys = _keys(text)
    assert (2027, 120.0, "座") in keys and (2028, 35.0, "座") in keys


def test_a_goal_of_a_dated_sentence_before_jiang_stays() -> None:
    # negative: a sentence dated before its 将 clause keeps its goals
    text = "到2027年，全省智能化煤矿达到300座，将全面实现煤矿智能化。"
    assert (2027, 300.0, "座") in _keys(text)


# class 1 (part): goals of an old plan written in forms the extractor did not read


def test_two_measures_joined_by_he_share_a_change() -> None:
    text = "确保到2027年，涉铅企业数量和铅污染物排放量比2020年下降30%。"
    found = [(t.indicator, t.year, t.value) for t in extract_plan(text).targets]
    assert ("涉铅企业数量", 2027, 30.0) in found and ("铅污染物排放量", 2027, 30.0) in found


def test_one_measure_with_he_inside_its_name_is_not_split() -> None:
    # negative: 和 inside a name that is no list of measures (城乡和区域发展差距)
    text = "到2027年，城乡居民收入和区域发展差距缩小，单位GDP能耗比2020年下降15%。"
    assert [t.value for t in extract_plan(text).targets] == [15.0]


def test_a_total_count_labelled_zongshu_under_a_year() -> None:
    text = "“十四五”期间，我国将继续加大监测站建设，到2025年，自动监测站总数大约600个。"
    assert (2025, 600.0, "个") in _keys(text)


def test_a_share_named_as_a_reduction_goal() -> None:
    text = "某省拟定的6个重点防控区县在2027年重点重金属污染物排放必须达到国家规划的12%的总量减排目标。"
    assert (2027, 12.0, "%") in _keys(text)


def test_a_share_done_and_a_level_of_days() -> None:
    text = ("某市能源发展规划明确，到2027年，全市管道燃气实现全天然气化，郊区新城实现管道天然气100%覆盖，"
            "天然气、成品油等品种的储备能力达12天的水平，城市供水水质100%达标。")
    keys = _keys(text)
    assert (2027, 100.0, "%") in keys and (2027, 12.0, "天") in keys
    assert len([k for k in keys if k == (2027, 100.0, "%")]) == 2


def test_a_share_done_in_a_report_is_no_target() -> None:
    # negative: a share done told of a past year
    text = "日期：2025-02-01 2024年，全市城市供水水质100%达标，郊区管道天然气100%覆盖。"
    assert _keys(text) == []


def test_pits_and_wells_are_counted_in_kou() -> None:
    from cocontrol.plans.quantities import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("新建150万口户用沼气池，打井40口")] == [(150.0, "万口"), (40.0, "口")]


def test_the_tenth_plan_period_and_the_five_years_gone_are_reviews() -> None:
    text = "在国债资金带动下，“十五”期间，全国新增户用沼气800万户，新增数量是以往累计新增数量的4.2倍。"
    assert _keys(text) == []
    text = ("日期：2026-01-15 “十四五”某省能源投资累计完成3800亿元 这五年间，全省全社会用电量年均增长5.1%，城乡居民用电年均增长4.2%。"
            "会议明确，到2030年，全省煤矿产能达2.4亿吨/年。")
    assert _keys(text) == [(2030, 2.4, "亿吨/年")]


def test_five_years_ahead_is_no_review() -> None:
    # negative: 今后五年 / 未来五年 look ahead
    text = "今后五年，全省全社会用电量年均增长5%左右。"
    assert (None, 5.0, "%") in _keys(text)


# class 1: an old plan's goals stated with goal grammar stay goals whatever the calendar says


def test_a_past_year_goal_stated_as_such_is_a_goal() -> None:
    text = "2018年，某省的目标是空气优良天数达到200天以上。该省将大力推进污染防治。"
    assert (2018, 200.0, "天") in _keys(text)
    text = "按照方案，2016年全市必须完成2万户煤改气工程。"
    assert (2016, 2.0, "万户") in _keys(text)


def test_a_past_year_result_stays_a_report() -> None:
    # negative: a bare past year with a result (no goal grammar), or a goal told as met, reports
    assert _keys("2015年，全市森林覆盖率达到40%，完成了目标。") == []
    assert _keys("2018年，某省的目标是空气优良天数达到200天以上，实际达到了226天。") == []


def test_some_of_a_set_tell_how_they_stand() -> None:
    text = "在划定过程中不预设指标比例，有的省份生态保护红线面积占比超过45%，有的省份不到12%。"
    assert _keys(text) == []


def test_some_of_a_set_with_an_intent_keep_their_goal() -> None:
    # negative: a goal for some of a set, stated ahead, stays a goal
    text = "到2027年，有的省份生态保护红线面积占比将超过45%。"
    assert (2027, 45.0, "%") in _keys(text)


def test_a_projection_of_a_year_does_not_date_a_later_page_earlier() -> None:
    text = ("时间：2025-01-08 14:18:14\n煤炭产业方面，2023年，调度原煤产量超过1.5亿吨，煤矿设计产能持续增长。"
            "2023年新能源新增装机量达到380万千瓦，预计2024年将进一步增长。")
    assert _keys(text) == []


def test_a_verbless_item_after_a_clause_done_goes_on_its_report() -> None:
    text = "此外，今年某市将建成12座加氢站，目前已建成3座，立项5座。"
    assert _keys(text) == [(None, 12.0, "座")]


def test_a_verbless_item_after_a_goal_goes_on_the_goals() -> None:
    # negative: items listed after a goal clause stay goals
    text = "到2027年，某市将建成加氢站12座，充电站300座，换电站40座。"
    keys = _keys(text)
    assert (2027, 300.0, "座") in keys and (2027, 40.0, "座") in keys


def test_news_of_an_event_done_goes_on_in_its_sentence() -> None:
    text = "某市日前集中交付了80辆新能源巡游出租车，全市新能源巡游出租车占比超五成。"
    assert _keys(text) == []


def test_an_event_done_then_a_goal_ahead_keeps_the_goal() -> None:
    # negative: a sentence with an intent after the event keeps its goal
    text = "某市日前集中交付了80辆新能源出租车，到2027年全市新能源出租车占比将达到90%。"
    assert (2027, 90.0, "%") in _keys(text)


def test_a_place_standing_in_the_country_told_without_intent() -> None:
    text = "某区风能、太阳能资源富集，风能资源占全国三成以上，太阳能资源在全国占比超六分之一，发展新能源具备优势。"
    assert _keys(text) == []


def test_a_share_of_the_country_to_reach_is_a_goal() -> None:
    # negative: the same share with a year ahead
    text = "到2027年，某省新能源装机在全国占比达到8%以上。"
    assert (2027, 8.0, "%") in _keys(text)


def test_what_is_expected_if_things_go_well_is_a_projection() -> None:
    text = "如进展顺利，截至2026年底，全国将完成改造面积8000万平方米，占“十五五”期间总任务量的55%。"
    assert _keys(text) == []


def test_a_deadline_without_a_condition_stays_a_goal() -> None:
    # negative
    text = "截至2026年底，全国将完成改造面积8000万平方米。"
    assert (2026, 8000.0, "万平方米") in _keys(text)


def test_a_level_reached_told_beside_what_it_contributed() -> None:
    text = "随着国土绿化行动推进，某省森林覆盖率提高到46%以上，贡献了全国新增绿化面积的十分之一。"
    assert _keys(text) == []
