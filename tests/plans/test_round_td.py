"""Round td (issue 10, session 13): a text about one year's work is that year's plan (convention 4 of session 12 read
by the words a reader goes by: that year's work meeting, its work goals, 做好Y年…工作). Its undated goals — 年底前, 年内,
全年 ones included — take that year. Texts written for the test, never a quote of a set, with the look-alikes that stay
as they are (no written year; a meeting that sums up a year; a page dated in another year than the work it names)."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan, goals_set_year


def _keys(text: str) -> set[tuple[int | None, float | None, str | None]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


_MEETING = ("2027年全县交通运输工作会议日前召开。会议明确，全县交通系统将力争年底前新建农村公路120公里，"
            "年内完成危桥改造15座，并推进客运站提档升级。")


def test_a_years_work_meeting_dates_its_undated_goals() -> None:
    keys = _keys(_MEETING)
    assert (2027, 120.0, "公里") in keys and (2027, 15.0, "座") in keys


def test_the_meeting_names_the_year_of_the_work() -> None:
    assert goals_set_year(_MEETING) == 2027
    assert goals_set_year("某县2027年林业工作电视电话会议召开。") == 2027


def test_doing_a_years_work_well_names_its_year() -> None:
    text = ("为扎实做好2028年农村人居环境整治工作，结合本县实际，制定本方案。\n\n一、工作目标\n\n"
            "全年完成农村户厕改造3000户，农村生活垃圾收运处置体系覆盖率达到95%以上。")
    assert goals_set_year(text) == 2028
    keys = _keys(text)
    assert (2028, 3000.0, "户") in keys and (2028, 95.0, "%") in keys


def test_a_years_work_goals_and_its_stretch_goals() -> None:
    text = ("某区召开环境整治领导小组会议，部署2029年大气污染防治工作。会议明确，2029年大气污染防治工作目标为："
            "PM2.5年均浓度低于33微克/立方米，优良天数比例达到86%。奋斗目标为：PM2.5年均浓度低于30微克/立方米，"
            "优良天数比例达到90%以上。")
    keys = _keys(text)
    assert (2029, 30.0, "微克/立方米") in keys and (2029, 90.0, "%") in keys


def test_a_page_posted_in_the_year_of_the_work_it_names() -> None:
    text = ("发布时间：2027-07-20 09:30\n\n某市林业系统2027年半年工作视频会召开。会议提出，全市将力争年底前完成"
            "人工造林8万亩，年内新建森林公园6个。")
    keys = _keys(text)
    assert (2027, 8.0, "万亩") in keys and (2027, 6.0, "个") in keys


def test_no_written_year_leaves_the_goals_undated() -> None:
    # must not change: 年底前/年内 goals of a text naming no year stay undated (the annotators' rule)
    keys = _keys("全县交通运输工作会议日前召开。会议明确，全县将力争年底前新建农村公路120公里，年内完成危桥改造15座。")
    assert all(y is None for y, _, _ in keys)


def test_a_meeting_summing_up_a_year_names_no_years_work() -> None:
    # must not change: a meeting that sums a year up reviews it
    assert goals_set_year("2026年全县交通运输工作总结会议召开，全年新建农村公路120公里。") is None
    assert goals_set_year("会议指出，全县圆满完成2026年工作目标任务。") is None


def test_a_page_dated_in_another_year_keeps_its_reading() -> None:
    # must not change: a page posted in 2028 on the 2027 meeting — the page date alone dates nothing, the work's year
    # differs from it, so the text is read as before
    text = ("发布时间：2028-02-03 10:00\n\n回顾：某市2027年林业工作会议曾提出，全市力争年底前完成人工造林8万亩。")
    assert all(y != 2027 or v != 8.0 for y, v, _ in _keys(text))


def test_a_breakdown_paragraph_keeps_the_year_of_the_goals_before_it() -> None:
    text = ("《实施方案》提出，到2030年，全县供水保障能力明显增强，水资源利用效率进一步提高。\n\n"
            "其中，全县用水总量控制在3.2亿立方米以内，万元地区生产总值用水量较2025年下降12%。")
    keys = _keys(text)
    assert (2030, 3.2, "亿立方米") in keys and (2030, 12.0, "%") in keys


def test_a_paragraph_adding_to_the_goals_keeps_their_year() -> None:
    text = ("某省交通厅公布了全省交通运输“十六五”规划的发展目标：高速公路通车里程达到9000公里。\n\n"
            "此外，目标还包括农村公路优良中等路率提高到85%，新增农村公路里程2万公里。")
    keys = _keys(text)
    assert (2035, 85.0, "%") in keys and (2035, 2.0, "万公里") in keys


def test_other_work_after_the_goals_is_no_continuation() -> None:
    # must not change: 同时，… opening other work does not take the year of the goals before it
    text = ("《实施方案》提出，到2030年，全县供水保障能力明显增强。\n\n"
            "同时，县水利局还推动建成50座村级供水站，并完善运行管护机制。")
    assert all(y != 2030 for y, v, _ in _keys(text) if v == 50.0)


def test_a_place_hedging_its_goal_year_dates_the_pieces_after() -> None:
    text = ("通过专项攻坚行动，某省力争到2027年底，确保全省城市空气优良天数比例达到88%；"
            "确保地表水国考断面优良比例不低于92%；城市黑臭水体消除比例达到95%以上。")
    keys = _keys(text)
    assert (2027, 92.0, "%") in keys and (2027, 95.0, "%") in keys


def test_a_period_stated_with_zai_scopes_what_follows() -> None:
    text = ("某省提出在“十二五”期间，再建800公里高速公路。\n"
            "省交通厅负责人表示，“十二五”期间，全省交通将实现三个目标：新增高速公路通车里程800公里；改造国省道1500公里。")
    years = [t.year for t in extract_plan(text).targets if t.value == 800.0]
    assert years == [2015, 2015]  # the headline's goal is the period's too


def test_a_periods_main_tasks_take_its_last_year() -> None:
    text = ("规划提出了“十六五”水利发展的五项主要任务：一是加强防洪薄弱环节建设，全面完成800座小型病险水库除险加固。"
            "二是大力发展节水灌溉，新增高效节水灌溉面积600万亩。")
    keys = _keys(text)
    assert (2035, 800.0, "座") in keys and (2035, 600.0, "万亩") in keys


def test_a_period_gone_told_with_zai_stays_a_report() -> None:
    # must not change: 在“十三五”期间 told as done (累计…) in a text of today sets no goal
    assert _keys("在“十三五”期间，全市累计新建城市快速路300公里，改造农村公路5000公里。\n当前，全市交通需求持续增长。") == set()


def test_the_year_end_of_the_year_the_sentence_names_dates_its_pieces() -> None:
    text = ("深入开展2028年农村生活垃圾治理攻坚行动，力争到年底全县农村生活垃圾收运覆盖率达到98%以上；"
            "垃圾分类示范村占比不低于30%；资源化利用率达到60%。")
    keys = _keys(text)
    assert (2028, 30.0, "%") in keys and (2028, 60.0, "%") in keys


def test_the_year_end_with_no_year_written_stays_undated() -> None:
    # must not change: 到年底 in a text naming no year dates nothing (the annotators' rule)
    keys = _keys("力争到年底全县农村生活垃圾收运覆盖率达到98%以上；垃圾分类示范村占比不低于30%；资源化利用率达到60%。")
    assert all(y is None for y, _, _ in keys)


def test_a_period_a_named_plan_states_dates_the_paragraph() -> None:
    text = ("《实施方案》提出，“十六五”期间全省湿地保护范围涵盖120个保护单位。同时，按照建设目标任务，"
            "将修复退化湿地30万亩以上，新建湿地公园15个。")
    assert (2035, 15.0, "个") in _keys(text)


def test_a_period_told_by_a_statistic_dates_nothing() -> None:
    # must not change: a period a statistic tells (据统计，“十三五”期间…) is no plan's
    text = "据统计，“十三五”期间全省湿地保护范围涵盖120个保护单位。同时，全省修复退化湿地30万亩，新建湿地公园15个。"
    assert all(y != 2020 for y, _, _ in _keys(text))


_REPORT = ("某县人民政府工作报告摘要\n一、2026年工作回顾\n全年地区生产总值增长5.2%，城镇新增就业4.8万人。\n"
           "二、2027年经济社会发展总体要求\n今年是承上启下之年，发展主要预期目标是：地区生产总值增长5.5%左右；"
           "城镇新增就业5万人以上。")


def test_this_year_under_a_heading_naming_the_sections_year() -> None:
    keys = _keys(_REPORT)
    assert (2027, 5.5, "%") in keys and (2027, 5.0, "万人") in keys
    assert not any(v in (5.2, 4.8) for _, v, _ in keys)  # the review section stays a review


def test_this_year_under_a_deadline_heading_stays_undated() -> None:
    # must not change: 今年 under 到2030年 (a deadline, not the section's year) is not 2030
    text = ("某县农村公路建设规划摘要\n一、总体思路\n坚持统筹推进。\n二、到2030年主要任务\n"
            "今年力争新建农村公路60公里；到2030年，新改建农村公路600公里。")
    keys = _keys(text)
    assert (None, 60.0, "公里") in keys and (2030, 600.0, "公里") in keys


def test_a_sentence_naming_what_its_year_is_opens_that_year() -> None:
    text = ("发布时间：2027-01-20 09:00\n\n市长在政府工作报告中明确提出，到2035年经济总量将达到3000亿元以上。"
            "2027开局之年，全市将通过实施新建口袋公园30个、新增停车位5000个等举措，全力推动高质量发展。")
    keys = _keys(text)
    assert (2035, 3000.0, "亿元") in keys
    assert (2027, 30.0, "个") in keys and (2027, 5000.0, "个") in keys  # not the milestone's 2035


def test_a_year_gone_named_so_stays_a_report() -> None:
    # must not change: 2026年是极不平凡的一年，… in a 2027 text tells a year gone
    text = ("发布时间：2027-01-20 09:00\n\n市长在政府工作报告中明确提出，到2035年经济总量将达到3000亿元以上。"
            "2026年是极不平凡的一年，全市新建口袋公园30个、新增停车位5000个。")
    assert _keys(text) == {(2035, 3000.0, "亿元")}
