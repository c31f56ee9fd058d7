"""Round mb (issue 10): the largest classes of blind sets 41–43, each with sentences written for the test —
never a quote of a blind set — and a negative beside every rule."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.issued import issued


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


_REVIEW = ("某省“十三五”期间节能环保产业发展回顾\n\n"
           "“十三五”期间，全省节能环保产业以每年约9%的速度增长，2020年末产值超过3000亿元，吸纳就业约45万人。"
           "其中，工业固体废物2020年综合利用率56%，比2015年提高近6个百分点。")


def test_a_title_reviewing_a_plan_period_dates_no_plan() -> None:
    # a title naming a plan period and a review (回顾, 成效, 总结 …) is written after the period: its figures
    # of the period's last year are a report, not that period's goals
    assert _keys(_REVIEW) == []


def test_a_title_naming_a_plan_period_still_dates_its_goals() -> None:
    # negative: a plan's own title (…“十三五”规划) dates the plan, its 2020 figures are goals
    text = ("某省“十三五”节能环保产业发展规划\n\n"
            "“十三五”期间，全省节能环保产业年均增长9%以上，2020年末产值超过3000亿元。")
    assert (2020, 3000.0, "亿元") in _keys(text)


def test_a_page_date_labelled_without_a_time_is_the_issue_date() -> None:
    # 日期:2019-05-06 (no clock time) in a page's head is when it was published
    text = "某市节水工作进展\n日期:2019-05-06  来源:市水务局\n\n2018年全市万元工业增加值用水量下降5%，再生水利用率达到25%。"
    assert issued(text).year == 2019
    assert _keys(text) == []


def test_a_date_inside_the_body_is_no_page_date() -> None:
    # negative: a date far below the head, or an 有效日期 label, is not the page's date
    assert issued("到2026年，全市再生水利用率达到30%。" + "。" * 700 + "\n日期:2019-05-06").year is None
    assert issued("有效日期:2019-05-06至2029-05-05").year is None


def test_a_period_run_into_its_subject_with_intent_dates_the_pieces_after_it() -> None:
    # “十四五”期间<subject>…将…: the period opens the clause without a comma; its last year dates the pieces after ；
    text = ("某县召开新闻发布会，回答记者提问。\n"
            "“十三五”期间，全县生态环境质量明显改善，空气质量优良率达到了97%。\n"
            "为谋划下一阶段工作，编制了《某县“十四五”生态环境保护规划》。\n"
            "《规划》确定了16项指标。“十四五”期间地表水断面优良比例将不低于85%，"
            "城市集中式饮用水水源地水质达标率100%；空气质量优良率保持在96%以上的全省先进水平；森林覆盖率达到45%。")
    assert _keys(text) == [(2025, 85.0, "%"), (2025, 100.0, "%"), (2025, 96.0, "%"), (2025, 45.0, "%")]


def test_a_period_described_is_no_year_scope() -> None:
    # negative: “十四五”时期是…的关键阶段 describes the period; the review before it goes on and its figures stay reports
    text = ("一、“十四五”节能工作主要成绩\n"
            "一是能效持续提升。“十四五”时期是落实节能计划的关键阶段，全省单位GDP能耗累计下降了13%，"
            "2024年规模以上工业能耗达到1.2亿吨标准煤。")
    assert _keys(text) == []


def test_a_question_sets_nothing() -> None:
    # 是不是说…？ / …能否…？: a question put in an interview asks, it states no goal
    text = ("到2025年，全市PM2.5年均浓度比2020年下降20%。"
            "5年下降20%，是不是说每年都要下降4%左右？能否在2025年前提前完成？")
    assert _keys(text) == [(2025, 20.0, "%")]


def test_spam_ending_in_a_question_mark_does_not_silence_its_sentence() -> None:
    # negative: a spliced advertisement ending in ? (…平台怎么注册?) is no question put about the goals
    text = "到2025年，新建污水管网500公里，某某平台怎么注册?新增污水处理能力20万立方米/日。"
    assert (2025, 20.0, "万立方米/日") in _keys(text)


def test_monitoring_shows_a_statistic_and_the_report_goes_on() -> None:
    # 监测显示 (without 数据/结果) opens a statistic; the undated sentence after it goes on reporting
    text = "监测显示，2025年全县PM2.5年均浓度为31微克/立方米，比2024年下降3.1%。比2015年下降28%。"
    assert _keys(text) == []


def test_a_habit_told_with_a_past_verb_is_a_report() -> None:
    # 每年 beside 达到了 (a past verb governing an amount), or 每年 seen over past years (历年/往年), tells a habit
    assert _keys("全县林草覆盖率达到了62%，每年完成植树造林1.2万亩。") == []
    assert _keys("从历年情况来看，全省PM2.5浓度每年下降3微克/立方米，实现目标任务仍然艰巨。") == []
    # a trend described (呈现逐年减少特征) looks at no year ahead: the report after ；goes on
    assert _keys("2019—2023年，全市重污染天数分别为21、16、12、9、6天，呈现逐年减少特征；五年减少15天。") == []


def test_a_yearly_goal_is_still_read() -> None:
    # negative: 每年 with no past verb and no past years looked over stays a goal
    assert _keys("到2027年，全县每年完成植树造林1.2万亩，林草覆盖率达到65%。") == [(2027, 1.2, "万亩"), (2027, 65.0, "%")]


def test_a_requirement_of_a_past_year_is_that_years_goal() -> None:
    # 2019年全省…要下降3%以上，…下降4%: 要 before the change says what that year required, even after 数据显示
    text = "数据显示，2019年全省规模以上工业单位增加值能耗要下降3%以上，单位工业增加值用水量下降4%，新培育绿色工厂不少于20家。"
    assert _keys(text) == [(2019, 3.0, "%"), (2019, 4.0, "%"), (2019, 20.0, "家")]


def test_a_past_years_result_is_still_a_report() -> None:
    # negative: the same figures without 要, or with 要 and a past verb (下降了), report that year
    assert _keys("数据显示，2019年全省规模以上工业单位增加值能耗下降3.2%，单位工业增加值用水量下降4%。") == []
    assert _keys("2019年全省单位增加值能耗要下降3%，实际下降了3.5%。") == []
    # 重要/主要 are no requirement
    assert _keys("2019年全省主要污染物排放量下降3%，重要水功能区达标率达到90%。") == []


def test_a_year_label_dates_the_lines_under_it() -> None:
    # 2025年：<heading> over lines without a year (今年 is the label's year); a label naming progress reviews its lines
    text = ("某市政府工作报告摘编\n"
            "2024年：生态环境质量取得新进展\n"
            "全市PM2.5年均浓度下降6%，新增城市绿地120公顷。\n"
            "2025年：持续深入打好污染防治攻坚战\n"
            "今年全市PM2.5年均浓度要下降3%。\n"
            "完成老旧燃气管网改造300公里以上。")
    assert _keys(text) == [(2025, 3.0, "%"), (2025, 300.0, "公里")]


def test_a_year_inside_a_sentence_line_is_no_label() -> None:
    # negative: a line with figures (2025年：全市PM2.5浓度下降3%) is a sentence, not a label over the next lines
    text = "2025年：全市PM2.5年均浓度下降3%。\n新增城市绿地120公顷。"
    assert (2025, 120.0, "公顷") not in _keys(text)


def _named(text: str) -> list[tuple[int | None, float | None, str]]:
    return [(t.year, t.value, t.indicator) for t in extract_plan(text).targets]


def test_a_clause_opening_on_jun_shares_its_value_among_the_list_before() -> None:
    # A、B分别降低到X、Y，均比YYYY年降低Z: 均 with no subject of its own takes the indicators the clause before listed
    text = "到2028年，全县单位地区生产总值能耗、单位工业增加值能耗分别降低到0.4吨标准煤、0.9吨标准煤，均比2023年降低12%左右。"
    found = [k for k in _named(text) if k[1] == 12.0]
    assert [k[2][:9] for k in found] == ["单位地区生产总值能", "单位工业增加值能耗"]
    assert all(k[0] == 2028 for k in found)


def test_jun_after_a_single_indicator_stays_one_target() -> None:
    # negative: after one indicator (no list) 均 gives one target; a clause with a subject of its own keeps it
    text = "到2028年，全县单位地区生产总值能耗降低到0.4吨标准煤，均比2023年降低12%左右。"
    assert [k[1] for k in _named(text)].count(12.0) == 1
    text = "到2028年，甲、乙两项能耗分别降低到0.4吨、0.9吨，用水量均比2023年降低10%。"
    assert [k[1] for k in _named(text)].count(10.0) == 1


def test_a_bare_year_after_goals_of_a_later_year_is_a_milestone() -> None:
    # an undated text: 力争2015年…。2012年，…降低3%: the year opening the next sentence (within five years before the
    # goal) states that year's goals on the way
    text = ("近日召开的全省节能工作会议提出，力争2015年，全省单位工业增加值能耗比2010年降低18%左右。"
            "2012年，全省单位工业增加值能耗降低3.5%，单位工业增加值用水量下降6%。")
    keys = _keys(text)
    assert (2015, 18.0, "%") in keys and (2012, 3.5, "%") in keys and (2012, 6.0, "%") in keys


def test_a_bare_year_told_as_done_or_in_a_dated_text_stays_a_report() -> None:
    # negative: 已/实际 … says the year is done; a dated page reads its past years as reports
    text = ("会议提出，力争2015年，全省单位工业增加值能耗比2010年降低18%左右。"
            "2012年，全省单位工业增加值能耗实际降低3.5%。")
    assert (2012, 3.5, "%") not in _keys(text)
    text = ("发布日期：2013-03-01\n会议提出，力争2015年，全省单位工业增加值能耗比2010年降低18%左右。"
            "2012年，全省单位工业增加值能耗降低3.5%。")
    assert (2012, 3.5, "%") not in _keys(text)


def test_ge_before_the_value_gives_it_to_each_listed_item() -> None:
    # 各 right before the value (or before the verb) after an A、B / A和B list: one target per item
    text = "到2027年，建成光伏、风电发电装机容量各500万千瓦以上，全县单位产值能耗和水耗各降低5%。"
    assert [k[1] for k in _keys(text)] == [500.0, 500.0, 5.0, 5.0]
    # negative: 各 after a place list of one measure with no list before it (每个县各建1个) stays one
    assert [k[1] for k in _keys("到2027年，每个县建设污水处理厂各1座。")] == [1.0]


def test_a_count_of_things_of_a_size_class_is_a_target() -> None:
    # N个千亿元级… / N个百亿级…: the size class after the count says what is counted, the count is the goal
    text = "到2027年，全省培育形成6个千亿元级、12个百亿级先进制造业集群。"
    assert (2027, 6.0, "个") in _keys(text) and (2027, 12.0, "个") in _keys(text)


def test_a_size_class_alone_is_no_target() -> None:
    # negative: the size class itself (千亿元级, 百万千瓦级) is no value; an idiom's numerals count nothing
    keys = _keys("到2027年，全省建成千亿元级先进制造业集群，推进千家万户节能行动。")
    assert all(k[1] != 1000.0 for k in keys)
    assert keys == []


def test_counts_inside_a_short_name_or_a_slogan_of_one_system_count_nothing() -> None:
    # 「水十条」 in corner brackets names a document as “水十条” does; “落实一项制度” names how work is organised
    assert _keys("国务院印发的「大气污染防治行动计划」(即「大气十条」)提出，到2017年，全国PM10浓度比2012年下降10%以上。") == [
        (2017, 10.0, "%")]
    assert _keys("到2027年，要“建立一项制度”，即建立河湖长制考核制度。") == []


def test_a_count_in_corner_brackets_that_is_a_goal_is_kept() -> None:
    # negative: a count right before a closing bracket of a long quote, or a count of projects, is still read
    assert _keys("到2027年，「全市建成污水处理厂12座」。") == [(2027, 12.0, "座")]


def test_a_rule_taking_effect_on_a_date_reports_nothing() -> None:
    # 从YYYY年M月D日起执行… (a rule taking effect, no amount): no report, the deadline after it keeps its goal
    text = "全市从2019年7月1日起执行大气污染物特别排放限值。2019年6月底前，淘汰国三柴油货车1200辆。"
    assert _keys(text) == [(2019, 1200.0, "辆")]


def test_an_amount_done_since_a_past_year_is_still_a_report() -> None:
    # negative: 自YYYY年起…累计完成N (an amount done since) reports
    assert _keys("自2019年起，全市累计淘汰国三柴油货车1200辆。") == []


def test_a_year_a_named_plan_states_looks_ahead() -> None:
    # 《规划》提出，2015年实现…达20%的目标: the plan's own year for its goal, read ahead like 到2015年
    assert _keys("《某省资源综合利用规划》提出，2015年实现全省尾矿综合利用率达25%的目标。") == [(2015, 25.0, "%")]


def test_a_bare_past_year_without_a_plan_saying_it_reports() -> None:
    # negative: the same year told without a plan stating it is a past year's figure
    assert _keys("2015年全省尾矿综合利用率达到25%。") == []


def test_a_count_of_places_taken_in_is_a_target() -> None:
    # N个左右/以上 + the things + 纳入/列入/入选: how many are to be taken in
    assert _keys("力争到2027年8个左右县纳入省级生态文明示范县创建范围。") == [(2027, 8.0, "个")]
    # negative: a count of places after 纳入 (纳入…的8个县) is what the list holds, not a doer
    assert _keys("2027年，省级支持范围已纳入8个县。") == []


def test_a_change_from_todays_base_is_a_goal() -> None:
    # 在现有基础上提升N个百分点 after ；: the base of a change to come, no report of what exists (现有)
    text = "到2027年，污水处理率低于80%的县，在现有基础上提升10个百分点；高于80%的县，在现有基础上提升5个百分点。"
    assert _keys(text) == [(2027, 10.0, "个百分点"), (2027, 5.0, "个百分点")]
    assert all("基础" not in t.indicator for t in extract_plan(text).targets)


def test_what_exists_today_is_still_a_report() -> None:
    # negative: 现有 (what there is now) without 基础上 states today's stock
    assert _keys("全县现有污水处理厂12座，日处理能力8万吨。") == []


def test_this_years_goals_listed_after_a_colon_take_the_pages_year() -> None:
    # a dated page: 今年…主要预期目标是：| item；| item；: every item of the list is that year's (not only the first)
    text = ("某市政府工作报告要点\n2026-01-20 09:30:00\n"
            "报告提出，今年全市发展主要预期目标是：\n"
            "地区生产总值增长6%左右；\n"
            "城镇新增就业5万人以上，城镇调查失业率控制在5.5%以内；\n"
            "粮食产量稳定在40亿斤以上。")
    assert _keys(text) == [(2026, 6.0, "%"), (2026, 5.0, "万人"), (2026, 5.5, "%"), (2026, 40.0, "亿斤")]
    # a numbered list under the same intro
    text = ("2026-01-20 09:30:00\n今年主要预期目标是：\n1.地区生产总值增长6%左右。\n2.城镇新增就业5万人以上。")
    assert _keys(text) == [(2026, 6.0, "%"), (2026, 5.0, "万人")]


def test_items_after_a_list_of_last_years_results_take_no_year() -> None:
    # negative: an undated text (no page date) gives 今年 no year; the items stay undated
    text = "今年全市发展主要预期目标是：\n地区生产总值增长6%左右；\n城镇新增就业5万人以上。"
    assert [k[0] for k in _keys(text)] == [None, None]


def test_an_intro_counting_the_goals_parts_dates_its_items() -> None:
    # “十五五”时期，…的具体目标主要有三个方面。|一是…|二是…: the period's year dates every item of the list
    text = ("某市召开新闻发布会，解读《某市城市更新“十五五”行动计划》。\n"
            "根据《行动计划》，“十五五”时期，全市城市更新的具体目标主要有三个方面。\n"
            "一是人居环境明显改善。建成区绿化覆盖率超过45%，完成老旧小区改造800万平方米。\n"
            "二是设施更加完善。城市轨道交通运营里程达到500公里。\n"
            "三是治理能力增强。城市内涝积水点基本消除。")
    assert _keys(text) == [(2030, 45.0, "%"), (2030, 800.0, "万平方米"), (2030, 500.0, "公里")]


def test_an_intro_counting_parts_of_a_past_period_dates_nothing_ahead() -> None:
    # negative: parts of a review (“十三五”时期…成效主要有两个方面) name no goals; an intro without 目标 dates no items
    text = ("“十三五”时期，全市城市更新的成效主要有两个方面。\n"
            "一是人居环境明显改善。建成区绿化覆盖率达到了41%。")
    assert _keys(text) == []


def test_a_headline_naming_a_years_goals_dates_its_undated_goals() -> None:
    # 某县2026年工作总体要求和主要目标确定 (a headline): the body's undated goals are that year's
    text = ("某县2026年工作总体要求和主要目标确定\n"
            "政府工作报告确定了今年工作总体要求和主要目标。"
            "主要预期目标是：地区生产总值增长6%左右，规上工业增加值增长7%以上，一般公共预算收入增长5%以上。")
    assert _keys(text) == [(2026, 6.0, "%"), (2026, 7.0, "%"), (2026, 5.0, "%")]


def test_a_headline_naming_a_years_goals_leaves_other_years_alone() -> None:
    # negative: a goal with its own year under such a headline keeps that year
    text = "某县2026年工作总体要求和主要目标确定\n到2030年，全县森林覆盖率达到45%。"
    assert _keys(text) == [(2030, 45.0, "%")]


def test_a_years_indicators_set_out_date_the_list() -> None:
    # 提出了2026年全市…发展指标体系安排，具体为：…；…: the indicators of that year, even read after it
    text = "报告提出了2020年全市经济社会发展指标体系安排，具体为：地区生产总值增长6%左右；规上工业增加值增长8%；建筑业总产值增长10%。"
    assert _keys(text) == [(2020, 6.0, "%"), (2020, 8.0, "%"), (2020, 10.0, "%")]


def test_a_years_indicators_reported_stay_reports() -> None:
    # negative: 2020年主要指标完成情况：… tells the results of that year
    text = "2020年主要指标完成情况：地区生产总值增长6.1%；规上工业增加值增长8.3%。"
    assert _keys(text) == []


def test_results_against_the_expected_are_reports() -> None:
    # 增长5%左右，低于预期1个百分点；…好于下降3%的预期；…实现预期目标。…控制在预期4%以内: results judged against the plan
    text = ("2025年，全市固定资产投资增长5%左右，低于预期1个百分点；一般公共预算收入下降2%，好于下降3%的预期；"
            "居民人均可支配收入增长6%，实现预期目标。城镇登记失业率3.1%，控制在预期4%以内。")
    assert _keys(text) == []


def test_an_expected_growth_set_as_a_goal_is_kept() -> None:
    # negative: the year's expected goal (预期目标是：…) is a goal, not a result against it
    text = "到2027年，全市发展主要预期目标是：地区生产总值增长6%左右，城镇登记失业率控制在4%以内。"
    assert _keys(text) == [(2027, 6.0, "%"), (2027, 4.0, "%")]


def test_a_years_work_plan_set_out_in_the_text_dates_its_goals() -> None:
    # 制定2025年度工作方案如下：(on a page posted the next year): the undated goals are that year's
    text = ("日期:2026-02-27 16:15来源:某市住房和城乡建设局\n"
            "为贯彻落实《某省城市建设绿色发展三年行动方案》，制定2025年度工作方案如下：\n"
            "一、重点任务\n城市生活污水处理率达90%以上，城市公共供水普及率稳定在98%以上。")
    assert _keys(text) == [(2025, 90.0, "%"), (2025, 98.0, "%")]


def test_a_work_plan_named_without_its_list_dates_nothing() -> None:
    # negative: a year's plan only mentioned (…按照2025年度工作方案要求，已完成…) sets no year for a report
    text = "日期:2026-02-27 16:15\n按照2025年度工作方案要求，全市已完成污水管网改造120公里。"
    assert _keys(text) == []
