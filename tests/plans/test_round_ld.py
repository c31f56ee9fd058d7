"""Round ld (issue 10): the false targets of blind sets 32–36 (reviews, statistics, projections in texts that
also look ahead), each class with sentences written for the test — never a quote of a blind set."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.issued import goal_year_bound


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_an_undated_text_was_written_before_its_earliest_goal_year() -> None:
    # goals for 2018 and 2020 (both before the assumed issue year): the text was written before 2018 was due
    text = "到2018年，全县建成污水处理厂6座；到2020年，城镇污水处理率达到90%。"
    assert goal_year_bound(text) == 2018
    # so a bare 2019 between the two goals is a milestone still ahead, not a report
    keys = _keys(text + "2019年，农村生活污水治理率达到60%。")
    assert (2019, 60.0, "%") in keys and (2020, 90.0, "%") in keys


def test_a_later_year_named_still_leaves_no_bound() -> None:
    # negative: a text naming a year after its goals (a review written later) has no bound
    assert goal_year_bound("到2018年，全县建成污水处理厂6座。2021年，全县已建成8座。") is None


def test_a_review_heading_line_in_a_digest_opens_a_review() -> None:
    # a web digest runs its heading lines and bullets together: 2023年工作回顾 heads last year's figures, the goals
    # heading after it ends the review (its list's year is the heading's)
    text = ("某市政府工作报告要点\n2023年工作回顾\n全市生产总值增长6%\n新增城镇就业5万人\n"
            "2024年主要预期目标\n全市生产总值增长5.5%左右\n单位生产总值能耗下降3%")
    keys = _keys(text)
    assert (None, 6.0, "%") not in keys and (None, 5.0, "万人") not in keys
    assert (2024, 5.5, "%") in keys


def test_a_line_ending_in_a_review_word_inside_a_sentence_still_joins() -> None:
    # negative: a wrapped line whose next line goes on with a comma is not a heading
    assert _keys("到2027年，全县巩固治理成效\n，城市生活污水集中收集率达到75%。") == [(2027, 75.0, "%")]


def test_the_sections_of_a_review_chapter_review_too() -> None:
    # 一、…主要成绩 over （一）…: the sub-sections report; a goals chapter after it sets targets
    text = ("某县能源发展报告\n一、“十四五”能源发展主要成绩\n（一）供给能力进一步增强\n"
            "全县光伏装机达到120万千瓦，风电装机超过30万千瓦。\n"
            "二、主要目标\n（一）供给能力\n到2027年，全县光伏装机达到200万千瓦。")
    assert _keys(text) == [(2027, 200.0, "万千瓦")]


def test_a_goal_subsection_under_a_review_chapter_is_read() -> None:
    # negative: a sub-heading naming goals under a review chapter is not a review
    text = ("某县能源发展报告\n一、发展基础\n（一）主要成绩\n全县光伏装机达到120万千瓦。\n"
            "（二）近期目标\n全县光伏装机到2027年达到200万千瓦。")
    assert _keys(text) == [(2027, 200.0, "万千瓦")]


def test_a_count_kept_up_to_today_is_no_target() -> None:
    # 累计 with no year, no period, no year scope and no future marker: a stock count of a results release,
    # even in a text that looks ahead elsewhere (今年…将…)
    text = "某省工业绿色发展成果发布。全省累计培育国家级绿色工厂80家、绿色园区9家。今年，全省将加大绿色制造支持力度。"
    assert _keys(text) == []


def test_a_cumulative_goal_with_its_year_or_period_stays() -> None:
    # negative: 累计 under a year scope, with a plan period or with a future marker is a goal
    assert _keys("到2027年，全省累计培育绿色工厂100家。") == [(2027, 100.0, "家")]
    assert _keys("“十四五”期间累计新增光伏装机80万千瓦。") == [(2025, 80.0, "万千瓦")]
    assert _keys("全省力争累计培育绿色工厂100家。") == [(None, 100.0, "家")]


def test_a_text_naming_the_next_periods_plan_reviews_the_period_before() -> None:
    # the next period's draft outline or proposal named: the text was written when the period before was over or
    # ending, so what it says of that period without intent is a review
    text = ("某研究院解读“十五五”规划《纲要（草案）》。\n“十四五”时期，全国可再生能源装机占比达到55%左右，"
            "对全球新增装机的贡献超过40%。“十五五”时期，将以更大力度发展非化石能源。")
    assert _keys(text) == []


def test_a_plan_stating_goals_for_two_periods_keeps_both() -> None:
    # negative: a plan naming no later plan document states goals for both periods
    text = "“十四五”期间，全市单位GDP能耗下降14%；“十五五”期间，全市单位GDP能耗将再下降10%。"
    assert _keys(text) == [(2025, 14.0, "%"), (2030, 10.0, "%")]


def test_a_year_a_named_plan_states_looks_ahead() -> None:
    # 根据《…方案》，2025年…: the plan's goal for that year, even in a text written when the year is over
    text = ("《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》提出加快建设新型能源体系。"
            "根据《某市碳达峰实施方案》，2025年非化石能源消费比重达到20%左右，到2030年达到25%左右。")
    assert _keys(text) == [(2025, 20.0, "%"), (2030, 25.0, "%")]


def test_a_projection_announced_in_its_own_clause_covers_the_rest() -> None:
    # 预测/预计 closing its clause (以…为基期进行预测，) announces that what follows is projected
    text = "根据上述目标，以2020年为基期进行预测，到2025年全市生产总值将达到5000亿元，能源消费总量将达到1800万吨标准煤。"
    assert _keys(text) == []


def test_a_projection_inside_one_goal_clause_covers_that_clause_only() -> None:
    # negative: 预计 before an amount of its own clause silences that clause; the goals around it stay
    assert _keys("到2025年，全市城市污水处理率预计达到98%，再生水利用率达到25%。") == [(2025, 25.0, "%")]


def test_a_peak_as_a_work_a_time_or_a_purpose_is_no_peak_target() -> None:
    # 落实碳达峰碳中和目标任务 (a work on the goal), 实现碳达峰目标的关键阶段 (a time described), a purpose whose only
    # year comes after it in the sentence
    assert _keys("2023年将认真落实碳达峰碳中和目标任务。") == []
    assert _keys("未来五年是某省如期实现碳达峰目标的关键阶段。") == []
    text = "为推动节能降碳，确保如期实现碳达峰目标，某部门发布实施意见，明确到2026年，重点行业能效标杆产能比例超过25%。"
    assert _keys(text) == [(2026, 25.0, "%")]


def test_a_peak_goal_stays_a_peak_target() -> None:
    # negative: the peak under its year, and 实现碳达峰的（总体）目标
    assert _keys("某市提出“2030年前如期实现碳达峰”的总体目标。") == [(2030, 2030.0, "年")]
    assert sorted(_keys("到2030年，全县非化石能源消费比重达到25%，力争实现碳达峰。")) == [(2030, 25.0, "%"), (2030, 2030.0, "年")]


def test_a_scenario_under_a_condition_is_no_target() -> None:
    # 若…，…有望…: what a study finds under its assumptions
    text = "某机构发布研究报告，若年均电力增速2.8%、2030年风光装机30亿千瓦，煤电发电量有望控制在5.5万亿千瓦时内，电力部门有望2027年碳达峰。"
    assert _keys(text) == []


def test_a_report_goes_on_in_the_next_paragraph_that_does_not_look_ahead() -> None:
    # a paragraph of last year's figures, then a paragraph with no year and no word looking ahead: still the report
    text = ("报告显示，2023年，某市生产总值增长5%，环境空气质量优良率达到87%。\n"
            "滨江公共空间贯通开放新增6公里，完成80公里架空线入地，建成60个“美丽街区”。\n"
            "2024年，将开工建设20座雨水调蓄池，新建5000个公共充电桩。")
    assert _keys(text) == [(2024, 20.0, "座"), (2024, 5000.0, "个")]


def test_a_paragraph_after_a_report_that_looks_ahead_sets_targets() -> None:
    # negative: the paragraph after the report with a word looking ahead (力争) is read as usual
    text = ("报告显示，2023年，某市生产总值增长5%，环境空气质量优良率达到87%。\n"
            "全市力争新增滨江公共空间贯通开放6公里。")
    assert _keys(text) == [(None, 6.0, "公里")]


def test_a_paragraph_labelled_as_what_was_done_reviews() -> None:
    # 目标任务：… then 完成情况：…: the labelled paragraph reports, whatever its verbs
    text = ("目标任务：完成河道清淤60公里，农村生活污水治理覆盖率达到85%。\n"
            "完成情况：全区完成河道清淤150公里。工业企业污水全入网300家，完成年度目标任务的125.3%。"
            "拆除猪舍6万平方米。畜禽粪污综合利用率达到92%。")
    assert _keys(text) == [(None, 60.0, "公里"), (None, 85.0, "%")]


def test_more_than_the_whole_task_is_an_outcome_but_a_share_of_it_may_be_a_goal() -> None:
    # negative: 完成规划目标任务的90% in a plan is its goal
    assert _keys("2026年，某示范基地完成规划目标任务的90%。") == [(2026, 90.0, "%")]


def test_an_adverb_between_已_and_its_verb_still_reports_the_clause() -> None:
    # 目前，…已率先突破…，今年底将…: the clause done is no goal, the sentence's intent notwithstanding
    assert _keys("目前，某区光伏装机已率先突破300万千瓦，今年底将提前完成全年装机目标。") == []


def test_a_count_that_names_what_its_clause_speaks_of_is_no_target() -> None:
    # a part of a whole (N个…中已有M个), the subject of a rate the clause sets, the size of a list
    assert _keys("全省40个海湾中已有25个编制了综合治理方案。") == []
    assert _keys("2026年，15个省级及以上地表水监测断面优良率达到95%。") == [(2026, 95.0, "%")]
    assert (2028, 4.0, "个") not in _keys("到2028年，30个左右城市将在生态宜居、绿色低碳等四个方面取得标志性成果。")
    assert _keys("在绿色低碳方面，纲要围绕降碳、扩绿提出5项。") == []


def test_a_count_to_reach_stays_a_target() -> None:
    # negative: a count of things to build or to have, even with a size after it
    assert _keys("到2027年，每个县至少建成2个污水处理厂。") == [(2027, 2.0, "个")]
    assert _keys("到2020年，地级及以上城市至少拥有1个40公顷以上科普植物园。") == [(2020, 1.0, "个")]


def test_goals_told_as_met_are_a_finished_plans() -> None:
    # a text telling its goals were met: the undated goals it names (第一个目标是…) report
    text = ("某部长在记者会上表示，清洁空气行动的三大目标都已超额完成。第一个目标是全省PM10平均浓度要下降12%。"
            "第二个目标是省会城市PM2.5平均浓度要下降20%。三年下来，三大目标全部实现。")
    assert _keys(text) == []


def test_a_goal_named_with_its_year_in_a_text_of_goals_met_stays() -> None:
    # negative: a goal with its own year to come, next to goals said to be met
    text = "上一轮行动的目标全部实现。新一轮行动的目标是到2027年全省PM2.5平均浓度下降10%。"
    assert _keys(text) == [(2027, 10.0, "%")]


def test_toneless_pinyin_glosses_do_not_hide_a_past_period() -> None:
    # a 繁体 mirror glossing characters without tone marks: “十(shi)三五”期(qi)間(jian) is still the past period
    text = ("規劃指出，“十(shi)三五”期(qi)間(jian)，全(quan)國(guo)農(nong)村生活污水治理率達到25%。"
            "到2025年，全國農村生活污水治理率達到40%。")
    assert _keys(text) == [(2025, 40.0, "%")]


def test_latin_units_in_brackets_are_no_glosses() -> None:
    # negative: unit brackets after characters are no syllables
    from cocontrol.plans.script import without_glosses

    text = "里程(km)、重量(t)、质量(kg)、长度(m)、面积(ha)、功率(kw)"
    assert without_glosses(text) == text


def test_a_result_against_a_target_or_a_record_is_a_report() -> None:
    # how far a result stands from its target, a record reached, a set phrase's numerals
    assert _keys("某省重污染天数为6.5天，低于国家目标0.5天。") == []
    assert _keys("某省煤炭产量更是实现历史性突破，达到3亿吨。") == []
    assert _keys("某市深入开展节能宣传，推进千家万户节能行动的实施。") == []


def test_a_target_to_beat_stays() -> None:
    # negative: 不低于/优于 a level, without a target named, sets one
    assert _keys("到2027年，某省重污染天数控制在5天以内，优良天数比例不低于85%。") == [(2027, 5.0, "天"), (2027, 85.0, "%")]


def test_a_requirements_section_under_a_background_chapter_is_read() -> None:
    # negative: 总体要求 / 指导思想 under a background chapter open no review
    text = ("某县规划\n第一章 规划背景\n第一节 发展基础\n全县光伏装机达到120万千瓦。\n"
            "第二节 总体要求\n全县光伏装机到2027年达到200万千瓦，新建充电桩500个。")
    assert _keys(text) == [(2027, 200.0, "万千瓦"), (2027, 500.0, "个")]


def test_a_years_statistics_before_a_year_spoken_of_with_intent_report() -> None:
    # an undated text: Y年，…同比… (a statistic) and Y+1年，…将…: written in Y+1, the figures of Y report
    text = ("日前，某市召开新闻发布会。2025年，全市空气质量优良天数比例达到88.5%，同比提高2个百分点。"
            "2026年，全市将力争优良天数比例达到90%。")
    assert _keys(text) == [(2026, 90.0, "%")]


def test_milestones_of_two_years_without_statistics_stay() -> None:
    # negative: Y年，… without a statistic's mark next to Y+1年，将… is a plan's milestone
    text = "2024年，全市完成老旧小区改造100个。2025年，全市将完成老旧小区改造200个。"
    assert _keys(text) == [(2024, 100.0, "个"), (2025, 200.0, "个")]


def test_a_plans_task_counted_cumulatively_stays_a_target() -> None:
    # negative: a plan dating goals ahead (到2027年) keeps the undated 累计 counts of its tasks
    text = ("一、工作目标\n到2027年，全市新能源汽车保有量达到30万辆。\n二、重点任务\n"
            "（一）加快充电设施建设。新建公共充电桩5000个，累计建成换电站50座。")
    assert _keys(text) == [(2027, 30.0, "万辆"), (None, 5000.0, "个"), (None, 50.0, "座")]
    # and so does an annual plan
    assert _keys("某市2026年节能工作要点\n累计培育绿色工厂30家。") == [(2026, 30.0, "家")]


def test_a_paragraph_stating_what_a_plan_says_after_a_report_is_read() -> None:
    # negative: 《方案》明确，… after a report paragraph states the plan's goals
    text = "报告显示，2023年，全市生产总值增长5%，优良率达到87%。\n《方案》明确，新建公园20座，改造绿道50公里。"
    assert _keys(text) == [(None, 20.0, "座"), (None, 50.0, "公里")]


def test_a_plan_whose_background_tells_the_last_goals_met_keeps_its_own() -> None:
    # negative: “十三五”规划目标任务全部完成 in a plan that dates goals ahead: its undated 目标是… is its own goal
    text = ("一、发展基础\n“十三五”规划目标任务全部完成。\n二、主要目标\n到2025年，全县污水处理率达到95%。"
            "森林覆盖率目标是达到45%。")
    assert _keys(text) == [(2025, 95.0, "%"), (2025, 45.0, "%")]


def test_a_plans_task_paragraph_after_its_background_paragraph_is_read() -> None:
    # negative: in a document titled as a plan, a task paragraph after a paragraph of last year's figures is a task
    text = ("某市大气污染防治实施方案\n2024年，全市PM2.5平均浓度为35微克/立方米，同比下降3%。\n"
            "推进燃煤锅炉淘汰，淘汰35蒸吨以下燃煤锅炉50台。")
    assert _keys(text) == [(None, 50.0, "台")]


def test_a_past_years_line_in_a_digest_opens_a_review() -> None:
    # 过去5年 on its own line over last years' figures, then the goals heading
    text = ("某市政府工作报告要点\n过去5年\n全市生产总值年均增长6%\n"
            "2024年主要预期目标\n全市生产总值增长5.5%左右")
    assert _keys(text) == [(2024, 5.5, "%")]


def test_a_chapter_on_last_years_completion_reviews() -> None:
    # 一、2025年工作完成情况 over its sections reports; 二、2026年工作计划 sets
    text = ("某县2025年工作总结和2026年工作计划\n一、2025年工作完成情况\n（一）造林绿化\n全年完成造林2.3万亩，森林覆盖率达到41.5%。\n"
            "二、2026年工作计划\n（一）造林绿化\n完成造林2.5万亩，森林覆盖率提高到42%。")
    assert _keys(text) == [(2026, 2.5, "万亩"), (2026, 42.0, "%")]


def test_year_by_year_in_a_period_gone_is_habit_not_a_goal() -> None:
    # in a text written after the period (the next period's proposal named), 每年 inside the past period's sentence tells
    # what was done year by year
    text = ("《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》提出加快建设新型能源体系。"
            "“十四五”期间建成了全球最大的清洁电力体系，非化石能源占比每年提升1个百分点。")
    assert _keys(text) == []


def test_year_by_year_in_a_period_ahead_is_a_goal() -> None:
    # negative: 每年 in a period not over is a goal's pace
    assert _keys("“十五五”期间，全省非化石能源消费比重每年提高1个百分点。") == [(2030, 1.0, "个百分点")]


def test_bulleted_and_bracketed_review_and_goal_headings() -> None:
    # ▶2025年成绩 opens a review, ▶2026年目标 ends it; 【数说2025】 heads last year's figures
    assert _keys("要点速览\n▶2025年成绩\n森林覆盖率达到43%\n▶2026年目标\n森林覆盖率达到43.5%") == [(2026, 43.5, "%")]
    keys = _keys("某市两会速览\n【数说2025】\n●全市GDP增长5.8%\n●新增城镇就业6.2万人\n【2026年目标】\n●GDP增长5.5%左右")
    assert (None, 5.8, "%") not in keys and (None, 6.2, "万人") not in keys and any(k[1] == 5.5 for k in keys)


def test_a_headline_of_a_year_its_body_tells_as_figures_reports() -> None:
    text = "2025年某市空气质量优良天数达320天\n记者从市生态环境局获悉，2025年，全市空气质量优良天数达320天，PM2.5浓度为27微克/立方米。"
    assert _keys(text) == []


def test_a_headline_of_a_goal_year_stays() -> None:
    # negative: the body states the headline's year as a goal (到2027年)
    text = "2027年某市空气质量优良天数将达330天\n记者从市生态环境局获悉，《方案》提出，到2027年，全市空气质量优良天数达到330天。"
    assert (2027, 330.0, "天") in _keys(text)


def test_a_case_taken_as_an_example_after_goals_shows_results() -> None:
    # 以某园区为例，… after the paragraph's goal: a case study of what exists
    text = "到2027年，全省建成零碳园区30个。以某园区为例，该园区建成分布式光伏20兆瓦，年减排二氧化碳1.8万吨。"
    assert _keys(text) == [(2027, 30.0, "个")]


def test_a_case_with_its_own_goal_stays() -> None:
    # negative: the case names its own deadline
    text = "到2027年，全省建成零碳园区30个。以某园区为例，到2026年该园区建成分布式光伏20兆瓦。"
    assert _keys(text) == [(2027, 30.0, "个"), (2026, 20.0, "兆瓦")]


def test_an_assessments_findings_are_no_targets() -> None:
    # 评估显示，… (a plan's mid-term or final assessment) and 提前实现规划目标 report results
    text = "某市“十四五”规划实施情况评估显示，全市PM2.5浓度降至30微克/立方米，提前实现规划目标；地表水优良比例达到90%。"
    assert _keys(text) == []


def test_an_assessment_showing_a_goal_ahead_stays() -> None:
    # negative: 评估显示，到2030年… tells a goal to come (as 报告显示，到2025年… does)
    assert _keys("中期评估显示，到2030年，全市PM2.5浓度需降至25微克/立方米。") == [(2030, 25.0, "微克/立方米")]


def test_a_wrapped_sentence_ending_in_a_review_word_is_no_heading() -> None:
    # negative: 各地要认真总结…工作成效 broken over a line is part of a sentence, not a review heading
    # (round lm: dated by the paragraph opening with 到2027年 that sets no figure of its own)
    text = "到2027年，全县推进农村改厕。\n各地要认真总结试点经验和工作成效\n形成可复制推广的模式，新建示范点100个。"
    assert _keys(text) == [(2027, 100.0, "个")]


def test_a_white_papers_findings_go_on_until_a_goal() -> None:
    # 白皮书显示，… opens findings: the undated sentences after it report until one names its own goal
    text = "某部门发布白皮书。白皮书显示，美丽河湖建设成效不断彰显。编制实施专项规划，重点打造60余个美丽河湖。争取到2027年建成美丽河湖200个。"
    assert _keys(text) == [(2027, 200.0, "个")]
