"""Round mh (issue 10): the classes of blind sets 44 and 47 (annual goals of government reports,
city-building news), each with sentences written for the test — never a quote of a blind set — and a
negative beside every rule."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_a_year_after_a_comparison_word_is_a_base_not_a_deadline() -> None:
    # 较2015年前 / 比2010年前: the time before a year a change is measured from, not 2015年前 (a deadline)
    text = ("某市园林局介绍，目前，全市公园绿地面积达到5600余公顷，较2015年前增加近40%，市民游园更加方便。"
            "全市建成口袋公园约320个，人均公园绿地面积达到13.6平方米。")
    assert _keys(text) == []


def test_a_year_with_a_deadline_word_still_dates_its_goal() -> None:
    # negative: 2027年前 without a comparison word before it is a deadline
    text = "某市将加快公园建设，2027年前，全市公园绿地面积达到6000公顷以上。"
    assert (2027, 6000.0, "公顷") in _keys(text)


def test_results_measured_against_the_expected_figures_report() -> None:
    # a year's results set against its 预期 (低于预期, 好于…的预期, 控制在预期…以内, 实现预期目标) report that year
    text = ("市长在政府工作报告中说，2023年，全市规上工业增加值增长5%左右，低于预期2个百分点；"
            "一般公共预算收入下降3.1%，好于下降5%的预期；城镇居民人均可支配收入增长6%，实现预期目标。"
            "城镇登记失业率2.9%，控制在预期3.5%以内。")
    assert _keys(text) == []


def test_the_expected_goals_of_a_year_are_still_goals() -> None:
    # negative: 主要预期目标是 announces the year's goals
    text = "2024年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇登记失业率控制在3.5%以内。"
    keys = _keys(text)
    assert (2024, 6.0, "%") in keys and (2024, 3.5, "%") in keys


_ANNUAL_NOTICE = ("发布日期：2022-03-10  来源：某市生态环境局\n\n"
                  "为贯彻落实《某省城乡环境整治三年行动方案》，制定2021年度工作方案如下：\n\n"
                  "一、工作目标\n\n强化考核督办，推动城乡环境持续改善。\n\n"
                  "二、重点任务\n\n（一）治理城市污水。城市生活污水集中收集率达到70%以上，"
                  "城市公共供水普及率稳定在97%以上。")


def test_an_annual_plan_named_in_its_notice_lead_dates_its_undated_goals() -> None:
    # 制定2021年度工作方案如下：the plan the notice sets out is that year's, even on a page posted later
    keys = _keys(_ANNUAL_NOTICE)
    assert (2021, 70.0, "%") in keys and (2021, 97.0, "%") in keys


def test_a_plan_mentioned_without_its_lead_form_dates_nothing() -> None:
    # negative: a 2021年度工作方案 named in passing (已完成) is no lead: the text's undated figures stay undated
    text = ("某市2021年度工作方案各项任务已完成。\n\n"
            "城市生活污水集中收集率达到70%，城市公共供水普及率为97%。")
    assert not any(y == 2021 for y, _, _ in _keys(text))


_PARTS = ("某市召开新闻发布会解读《某市生态建设“十四五”行动计划》。到2025年，城市生态品质明显提升。\n"
          "市林业局负责人介绍，“十四五”时期，全市生态建设的具体目标主要有三个方面。\n"
          "一是绿化水平稳步提高。森林覆盖率达到45%，建成区绿化覆盖率超过42%。\n"
          "二是湿地保护更加有力。湿地保护率达到60%以上。\n")


def test_goals_announced_by_their_parts_date_each_part() -> None:
    # 具体目标主要有三个方面。|一是…|二是…: the intro's year scope (“十四五”时期 → 2025) dates the parts
    keys = _keys(_PARTS)
    assert {(2025, 45.0, "%"), (2025, 42.0, "%"), (2025, 60.0, "%")} <= set(keys)


def test_a_plain_paragraph_after_the_parts_ends_the_list() -> None:
    # negative: a paragraph that is no item of the list (no 一是/二是) is not dated by the intro
    text = _PARTS + "全市去年完成造林面积为12万亩，义务植树参与人数为150万人次。\n"
    assert not any(v in (12.0, 150.0) for _, v, _ in _keys(text))


_THIS_YEAR_LIST = ("某省政府工作报告发布\n\n2023-01-16 09:30\n\n"
                   "报告提出，今年发展主要预期目标是：\n\n地区生产总值增长6%左右；\n\n"
                   "城镇新增就业60万人以上；\n\n粮食产量稳定在350亿斤以上；\n\n生态环境质量持续改善。\n")


def test_the_year_of_this_year_goes_on_over_lines_ending_in_a_semicolon() -> None:
    # 今年发展主要预期目标是：…；|…；|…: every line of the list is the year's (the page's year), as after 2023年
    keys = _keys(_THIS_YEAR_LIST)
    assert {(2023, 6.0, "%"), (2023, 60.0, "万人"), (2023, 350.0, "亿斤")} <= set(keys)


def test_a_line_after_a_full_stop_does_not_inherit_this_year() -> None:
    # negative: a list closed by 。 hands 今年 to no paragraph after it
    text = ("某省政府工作报告发布\n\n2023-01-16 09:30\n\n报告提出，今年地区生产总值增长6%左右。\n\n"
            "全省已建成高标准农田4000万亩。\n")
    assert not any(v == 4000.0 for _, v, _ in _keys(text))


def test_a_years_indicator_arrangement_announces_its_goals() -> None:
    # 2022年全县经济社会发展主要指标安排，具体为：… — a 计划草案's arrangement of the year's indicators
    text = ("县发改局局长向县人大会议提交了2021年计划执行情况与2022年计划草案的报告。"
            "报告提出了2022年全县经济社会发展主要指标安排，具体为：地区生产总值增长7%左右；"
            "单位地区生产总值能耗下降3%；环境空气优良天数比例达到90%。")
    keys = _keys(text)
    assert {(2022, 7.0, "%"), (2022, 3.0, "%"), (2022, 90.0, "%")} <= set(keys)


def test_an_arrangement_of_other_things_is_no_goals_announcement() -> None:
    # negative: 安排 of funds or work in a past year (2021年…资金安排) announces no goals
    text = "2021年全县生态环保专项资金安排，具体为：治理项目投入增长12%，完成治理面积8平方公里。"
    assert not any(y == 2021 for y, _, _ in _keys(text))


def test_the_first_months_of_this_year_written_in_digits_date_a_statistic() -> None:
    # 今年前9个月 (digits) is a part of the year, as 前三季度 is: its figures are statistics
    assert _keys("据统计，今年前9个月，全省老旧小区改造开工率约95%，惠及居民80万户。") == []


def test_a_goal_for_the_whole_year_is_not_a_part_of_it() -> None:
    # negative: 今年 without a part of the year, with intent, sets a goal
    assert _keys("今年，全省计划老旧小区改造开工率达到95%以上。") != []


_GRAPHIC = ("图解\n\n\n到2030年\n\n\n全市细颗粒物年均浓度比2020年下降15%以上\n\n\n"
            "全市地表水优良水质断面比例达90%以上，城乡供水安全持续提升\n\n\n"
            "全市森林覆盖率达到35%，湿地保护率达到60% 未来的城市什么样？纲要给出了答案。\n")


def test_a_year_line_dates_a_graphics_items_one_per_block() -> None:
    # 到2030年|(blank)|…下降15%以上|(blank)|…达90%以上: each block under the year line is an item of that year
    keys = set(_keys(_GRAPHIC))
    assert {(2030, 15.0, "%"), (2030, 90.0, "%"), (2030, 35.0, "%"), (2030, 60.0, "%")} <= keys


def test_the_year_lines_block_runs_past_a_sentences_end() -> None:
    # Changed by round sf (lead's convention 1 of session 12, "a heading dates its block"): this test asserted that the
    # block of a year line ends at the first paragraph ending a sentence (…纲要给出了答案。) — the convention rejects that:
    # a year line dates every undated statement below it up to the next year line or heading. Ending the block at a
    # sentence's end dated only the first item of 。-ended lists (measured: 35 hits fewer on sets 51–65).
    text = _GRAPHIC + "\n\n城区公园绿地面积达到800公顷\n"
    assert (2030, 800.0, "公顷") in _keys(text)


def test_the_year_lines_block_ends_at_an_unnumbered_heading() -> None:
    # negative: an unnumbered heading line without a year (看未来) closes the list the year line heads
    text = _GRAPHIC + "\n\n看未来\n\n城区公园绿地面积达到800公顷\n"
    assert (2030, 800.0, "公顷") not in _keys(text)


def test_a_headline_announcing_the_years_goals_dates_them() -> None:
    # 某县2024年主要目标确定 (a headline naming the year's goals): the undated 主要预期目标 list below is that year's
    text = ("某县2024年工作总体要求和主要目标确定\n\n县政府工作报告确定了今年工作的总体要求和主要目标。\n\n"
            "主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增长5%以上，粮食产量稳定在20万吨以上。")
    keys = set(_keys(text))
    assert {(2024, 7.0, "%"), (2024, 5.0, "%"), (2024, 20.0, "万吨")} <= keys


def test_a_headline_telling_the_years_goals_met_dates_no_goal() -> None:
    # negative: 圆满完成2023年…目标任务 reviews the year; its figures are results
    text = ("某县圆满完成2023年年度能耗“双控”目标任务\n\n2023年，某县围绕能耗强度降低3%的年度目标任务，持续加大工作力度。\n\n"
            "据统计，2022—2023年全县单位GDP能耗累计下降6.2%；全县能耗增量累计为3.2万吨标准煤，"
            "达“十四五”能耗增量控制目标的45%，实现控制在50%的序时进度以内。")
    assert not any(y == 2023 for y, _, _ in _keys(text))


def test_the_last_item_named_a_goal_or_indicator_is_a_target() -> None:
    # …、人均水耗同比下降3%的年度工作目标 / 单车油耗下降2%的指标: the value the goal is named by
    text = "2024年，全县公共机构将实现人均综合能耗同比下降2%、人均水耗同比下降3%的年度工作目标，单车油耗下降1.5%的指标。"
    keys = set(_keys(text))
    assert {(2024, 2.0, "%"), (2024, 3.0, "%"), (2024, 1.5, "%")} <= keys


def test_a_share_of_indicators_is_no_goal_named() -> None:
    # negative: 的指标 run into a longer noun (指标体系, 指标数据) names no goal by this rule
    from cocontrol.plans.sentences import _GOAL_AFTER
    assert _GOAL_AFTER.match("的指标体系建设") is None and _GOAL_AFTER.match("的年度工作目标") is not None


def test_a_total_over_a_year_range_is_one_record_for_its_last_year() -> None:
    # 2024年至2026年三年共计建设…: an amount summed over the range (共计, as 累计) is one target of its last year,
    # even after a clause with 每年 before the comma
    text = "全省计划每年新增绿道200公里，2024年至2026年三年共计建设绿道600公里。"
    keys = _keys(text)
    assert (2026, 600.0, "公里") in keys
    assert (2024, 600.0, "公里") not in keys and (2025, 600.0, "公里") not in keys


def test_a_level_held_over_a_year_range_is_still_one_record_per_year() -> None:
    # negative: 2024—2026年…稳定在90%以上 (a level kept) stays one record per year of the range
    keys = _keys("2024—2026年，全市空气质量优良天数比率稳定在90%以上。")
    assert {(2024, 90.0, "%"), (2025, 90.0, "%"), (2026, 90.0, "%")} <= set(keys)


def test_a_day_month_year_stamp_dates_the_page() -> None:
    # 19.01.2023  06:23 in a mirror's head: the page's date, so a past year's goal it recalls is no goal
    from cocontrol.plans.issued import issued
    text = ("某省去年优良天数超过250天\n\n16.01.2023  08:15\n\n(记者 某某)省生态环境厅介绍，国家下达的行动计划"
            "要求我省到2022年细颗粒物浓度比基准年下降12%以上。2022年全省细颗粒物平均浓度为38微克/立方米。")
    assert issued(text).year == 2023
    assert _keys(text) == []


def test_a_decimal_is_no_day_month_year_stamp() -> None:
    # negative: dotted numbers without a time after them date nothing
    from cocontrol.plans.issued import issued
    assert issued("某市统计显示，3.12.2018 版本的数据口径已调整，到2025年森林覆盖率达到45%。").source != "发布时间"


_INFOGRAPHIC = ("2025年全市生态环境目标任务\n制图：某某\n全面完成\n老旧管网改造\n▲85%\n城市生活污水集中收集率\n"
                "基本消除\n黑臭水体\n92%\n地表水优良水体比例\n20%\nPM2.5年均浓度下降\n持续改善\n城乡人居环境\n")


def test_a_graphics_values_above_their_items_are_the_headings_years_goals() -> None:
    # 2025年…目标任务 | ▲85% | 城市生活污水集中收集率 | …: each value on its own line above the item it belongs to
    keys = set(_keys(_INFOGRAPHIC))
    assert {(2025, 85.0, "%"), (2025, 92.0, "%"), (2025, 20.0, "%")} <= keys


def test_a_graphic_of_results_or_a_lone_pair_sets_nothing() -> None:
    # negatives: a heading naming results (成绩) reviews; a single value above a line is a caption
    review = _INFOGRAPHIC.replace("2025年全市生态环境目标任务", "2024年全市生态环境成绩单目标任务")
    assert not any(y is not None for y, _, _ in _keys(review))  # (the sentence rules read the lines undated)
    lone = "2025年全市生态环境目标任务\n▲85%\n城市生活污水集中收集率\n全面改善城乡人居环境。\n"
    assert (2025, 85.0, "%") not in _keys(lone)


def test_dollars_are_a_unit() -> None:
    # 实际利用外资达到5000万美元, 注册外资实际到账达1.2亿美元: 美元 with its 万/亿 prefix, as 元
    text = "2025年主要预期目标是：进出口总额保持正增长；注册外资实际到账达1.2亿美元；实际利用外资达到5000万美元以上。"
    keys = set(_keys(text))
    assert {(2025, 1.2, "亿美元"), (2025, 5000.0, "万美元")} <= keys


def test_a_dollar_figure_of_a_past_year_is_a_statistic() -> None:
    # negative: the unit makes no goal of a year's result
    assert _keys("据统计，2023年全市实际利用外资4.5亿美元，同比增长8%。") == []


def test_an_amount_for_each_listed_year() -> None:
    # 2025年、2026年每年新增… / 各完成…: years listed, then 每年 or 各 and one amount: one target per year
    keys = _keys("全省计划2025年、2026年每年新增高标准农田300万亩。")
    assert (2025, 300.0, "万亩") in keys and (2026, 300.0, "万亩") in keys


def test_listed_years_without_each_are_not_repeated() -> None:
    # negative: no 每年/各 after the years — the amount is not stated for each (one record as before)
    keys = _keys("全省计划2025年、2026年新增高标准农田600万亩。")
    assert (2025, 600.0, "万亩") not in keys
