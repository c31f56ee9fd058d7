"""Round ln (issue 10): classes of blind sets 39, 40 and 37, each with sentences written for the test —
never a quote of a blind set — and a negative."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_a_span_of_years_opened_by_cong_is_no_base_year() -> None:
    # 从A-B年，每年… : 从 opens the span of years the yearly amount is kept over (one record per year)
    text = "从2026-2028年，每年新建3个乡镇垃圾转运站。"
    assert _keys(text) == [(2026, 3.0, "个"), (2027, 3.0, "个"), (2028, 3.0, "个")]


def test_cong_before_a_single_year_is_still_a_base() -> None:
    # negative: 从2020年的…提高到… is a move from a base year's level, and a 从 span naming a source of figures dates
    # nothing to come
    assert _keys("到2027年，污水处理率从2020年的85%提高到95%。") == [(2027, 95.0, "%")]
    assert _keys("从2019-2022年的数据看，全市新建污水处理站40个。") == []


def test_a_bare_year_after_an_intent_word_is_the_intents_year() -> None:
    # 将…，YYYY年新增…: the intent of the clause before names what the bare year after it brings, even a year
    # before the assumed issue; the parallel piece after ；(…；加快…，YYYY年新增…) goes on that list of goals
    text = ("县里将加快污水厂扩建，2022年新增污水处理能力3万吨/日；"
            "加快再生水厂建设，2023年新增再生水利用能力1万吨/日。")
    assert _keys(text) == [(2022, 3.0, "万吨/日"), (2023, 1.0, "万吨/日")]


def test_a_bare_past_year_stays_a_base_or_a_report_without_intent() -> None:
    # negative: a later goal year after the bare year makes it the base; with no intent word it is a report
    text = "县里将持续治理，2020年PM2.5浓度为42微克/立方米，到2027年降至33微克/立方米。"
    assert _keys(text) == [(2027, 33.0, "微克/立方米")]
    assert _keys("2022年新增污水处理能力3万吨/日；2023年新增再生水利用能力1万吨/日。") == []


def test_an_amount_takes_the_year_of_the_deadline_clause_right_after_it() -> None:
    # …N座，将在YYYY年底前完成；…M座，于YYYY年6月底前全部建成: the deadline after the amount dates it (and makes a
    # verbless amount of a breakdown the work to do)
    text = "其中，东片区、北片区改造换热站35座，将在2027年底前完成；西片区12座，于2028年6月底前全部完成。"
    assert _keys(text) == [(2027, 35.0, "座"), (2028, 12.0, "座")]


def test_a_stock_before_a_deadline_is_no_amount_to_do() -> None:
    # negative: a stock counted (现有/目前…) before a deadline clause is no amount of work
    assert _keys("全县现有换热站35座，2027年底前完成智能化改造。") == []


def test_a_count_of_places_before_an_amount_is_its_scope() -> None:
    # 完成（…范围内）涉及N个县（市、区）M户…: the places are where the households are, the households are the target
    text = "2027年9月底前，完成全市范围内涉及9个乡镇（街道）12800户居民的清洁取暖改造任务。"
    assert _keys(text) == [(2027, 12800.0, "户")]
    assert _keys("到2027年，完成6个县（区）4200户农户的改厕任务。") == [(2027, 4200.0, "户")]


def test_counts_of_places_of_their_own_stay_targets() -> None:
    # negative: a count of places that is itself the object (建成12个乡镇污水处理站), or one separated by a comma
    # from the next amount, is a target
    text = "到2027年，建成12个乡镇污水处理站，新增30个村庄污水管网。"
    assert _keys(text) == [(2027, 12.0, "个"), (2027, 30.0, "个")]
    assert _keys("到2027年，治理8个乡镇，完成4200户农户改厕。") == [(2027, 8.0, "个"), (2027, 4200.0, "户")]


def test_yearly_effects_of_work_done_are_reported() -> None:
    # 已…了…，每年减少…: what the work done yields each year is a report; 每年 is its habit, not a goal's pace
    text = "据介绍，全县已累计关停了860台燃煤小锅炉，共削减散煤40万吨，每年减少二氧化硫排放1200吨、烟尘排放900吨。"
    assert _keys(text) == []


def test_a_yearly_goal_beside_work_done_stays_a_goal() -> None:
    # negative: 每年 with no report verb (了) in its sentence, or a sentence with a goal year, stays a goal
    assert _keys("在已完成改造的基础上，每年新增城市绿地100公顷。") == [(None, 100.0, "公顷")]
    text = "全县已关停了860台燃煤小锅炉，到2027年每年再减少散煤5万吨。"
    assert (2027, 5.0, "万吨") in _keys(text)


def test_a_year_told_without_intent_in_a_text_calling_its_intents_this_year_is_gone() -> None:
    # the text calls the year of its intents 今年, so 2026年，…完成… (no intent, no bound) tells a year gone
    text = ("记者从市林业局获悉，全市扎实推进国土绿化。2026年，全市完成人工造林8.5万亩、森林抚育20万亩。\n"
            "今年，全市将继续推进森林城市建设，计划完成营造林30万亩。")
    keys = _keys(text)
    assert (2026, 8.5, "万亩") not in keys and (2026, 20.0, "万亩") not in keys
    assert any(v == 30.0 for _, v, _ in keys)


def test_a_year_with_a_bound_or_without_this_year_stays_a_goal() -> None:
    # negative: a bound set for the year (控制在…以内) is a goal; a text without 今年 intents keeps its bare year
    text = "2027年，全市PM2.5浓度控制在30微克/立方米以内。今年，全市将继续推进大气治理。"
    assert (2027, 30.0, "微克/立方米") in _keys(text)
    assert (2027, 8.5, "万亩") in _keys("2027年，全市完成人工造林8.5万亩。")


def test_a_plans_goals_on_a_page_posted_later_stay_goals() -> None:
    # a date on the page's first line is when it was posted; the goals section of the plan it carries keeps its
    # 到YYYY年 goals, even of a year before the posting
    text = ("2026年03月02日\n某县土壤污染防治工作方案\n一、总体要求\n以改善土壤环境质量为核心，保障农产品质量安全。\n"
            "二、工作目标\n到2020年底，全县受污染耕地安全利用率达到91%，污染地块安全利用率达到90%以上。\n"
            "三、重点任务\n（一）开展土壤污染状况详查。")
    assert _keys(text) == [(2020, 91.0, "%"), (2020, 90.0, "%")]


def test_goals_before_a_signed_date_or_outside_a_goals_section_stay_dropped() -> None:
    # negative: a date signing the document (after its title) is its issue: a 2020 goal in a 2026 document is past;
    # on a posted page, a 2020 figure outside a goals section stays dropped too
    signed = ("某县土壤污染防治工作方案\n2026年03月02日\n一、工作目标\n"
              "到2020年底，全县受污染耕地安全利用率达到91%。")
    assert _keys(signed) == []
    posted = ("2026年03月02日\n某县土壤污染防治回顾\n一、工作进展\n到2020年底，全县受污染耕地安全利用率达到91%。")
    assert _keys(posted) == []


def test_findings_of_a_report_looking_to_its_own_bound_year_are_goals() -> None:
    # an undated text whose earliest goal year bounds when it was written: 白皮书显示，到2020年，… tells that year's
    # goals; the verbless length after it (…里程约N万公里) is dated by the same opening; 覆盖N%以上的X is a share
    text = ("白皮书显示，到2020年，城际铁路营业里程达到2万公里，覆盖90%以上的中等城市。"
            "新改建农村公路里程约20万公里。")
    assert _keys(text) == [(2020, 2.0, "万公里"), (2020, 90.0, "%"), (2020, 20.0, "万公里")]
    names = [t.indicator for t in extract_plan(text).targets]
    assert names[1] == "城际铁路覆盖中等城市比例"


def test_findings_of_a_year_gone_and_coverage_today_stay_reports() -> None:
    # negative: 数据显示 a figure of a year before the text's own goal year is a statistic; coverage today is no goal
    text = "数据显示，到2019年底，城际铁路营业里程为1.5万公里。到2022年，城际铁路营业里程达到2万公里。"
    assert _keys(text) == [(2022, 2.0, "万公里")]
    assert _keys("目前全县5G网络覆盖90%以上的行政村。") == []


def test_a_level_kept_from_a_year_on_is_dated_by_that_year() -> None:
    # 自YYYY年起，…控制在…以内 (YYYY not before the issue): a level required from that year on, dated by it
    assert _keys("自2027年起，全县一般工业固废填埋量占比控制在15%以内。") == [(2027, 15.0, "%")]
    assert _keys("2028年起，新建公共建筑屋顶光伏覆盖率不低于50%。") == [(2028, 50.0, "%")]


def test_since_a_past_year_is_no_date_of_a_goal() -> None:
    # negative: 自2021年起 (before the issue) counts what was done since: a report
    assert _keys("自2021年起，全县累计完成造林10万亩。") == []


def test_an_indicator_table_left_as_raw_html_is_read() -> None:
    # <table><tr><td>指标名称</td><td>2020年</td><td>2025年</td>…: rows read as any indicator table; a cell spanning
    # rows (rowspan) is repeated in the rows under it
    text = ('<p>“十四五”水资源主要指标表</p><table border="1"><tbody><tr><td><div>类别</div></td><td>指标名称</td>'
            '<td>2020年</td><td><div>2025年</div></td><td>属性</td></tr><tr><td rowspan="2">节水</td>'
            '<td><div>万元GDP用水量下降(%)</div></td><td>/</td><td><div>[16]</div></td><td>约束性</td></tr>'
            '<tr><td>农田灌溉水有效利用系数</td><td>0.55</td><td>0.58</td><td>预期性</td></tr></tbody></table>')
    doc = extract_plan(text)
    assert [(t.year, t.value, t.indicator, t.relation) for t in doc.targets] == [
        (2025, 16.0, "万元GDP用水量下降", "reduce_by"), (2025, 0.58, "农田灌溉水有效利用系数", ">=")]
    assert doc.targets[1].unit == "无量纲"
    assert doc.targets[1].baseline_value == 0.55


def test_an_html_table_without_indicator_columns_sets_nothing() -> None:
    # negative: a table of contacts or a year list without an 指标 column is no indicator table
    text = ("<table><tr><td>单位</td><td>联系人</td><td>电话</td></tr>"
            "<tr><td>县生态环境局</td><td>王某</td><td>12345</td></tr></table>")
    assert _keys(text) == []


def test_racks_and_standard_buses_are_units() -> None:
    # 机架 counted in 架 (万架), buses in 标台 (also as a per-unit: 人/万标台)
    text = "到2027年，全省数据中心机架规模达到40万架，公交车责任事故死亡率控制在3.5人/万标台以内。"
    assert _keys(text) == [(2027, 40.0, "万架"), (2027, 3.5, "人/万标台")]


def test_a_rating_before_the_things_counted_is_their_size() -> None:
    # 新建2.5千瓦标准机架80万架: the rating of each rack is no target, the count of racks is
    assert _keys("到2027年，新建4千瓦标准机架20万架。") == [(2027, 20.0, "万架")]
    # negative: a capacity that is itself the object (新增光伏装机100万千瓦) stays
    assert _keys("到2027年，新增光伏装机100万千瓦，建设储能电站5座。") == [(2027, 100.0, "万千瓦"), (2027, 5.0, "座")]


def test_comparisons_marking_what_is_acted_on_are_criteria() -> None:
    # 推进PUE大于1.5、单体规模不超过500架…的数据中心关停并转: the comparisons pick what is closed, they set no goal
    text = "推进PUE大于1.6、单体规模不超过600架、投产时间8年以上的小散老旧数据中心关停并转。"
    assert _keys(text) == []


def test_comparisons_set_as_goals_stay_goals() -> None:
    # negative: the same comparisons as the goal of the centres (no 的 + an action on them) are targets
    text = "到2027年，新建大型数据中心PUE不高于1.25，上架率不低于65%。"
    assert _keys(text) == [(2027, 1.25, "无量纲"), (2027, 65.0, "%")]


def test_a_plan_named_as_the_speaker_is_no_intent() -> None:
    # 《…计划》/ 削减计划指出，…: 计划 naming the document that says something is no intent; the fact it states stays one
    assert _keys("削减计划指出，交通是氮氧化物排放的重点领域，排放量占总排放量的40%以上。") == []


def test_a_plan_stating_goals_or_a_planned_amount_stays_a_goal() -> None:
    # negative: 计划提出，到2027年… names its year; 今年计划新建… is an intent
    assert _keys("计划提出，到2027年，全市PM2.5浓度降至30微克/立方米。") == [(2027, 30.0, "微克/立方米")]
    assert _keys("今年计划新建充电桩500个。") == [(None, 500.0, "个")]


def test_a_scope_widened_to_a_count_is_a_target() -> None:
    # 将…范围扩大到N个（左右）城市: the count reached by widening is the target
    assert _keys("到2030年，将“无废城市”建设范围扩大到150个左右城市。") == [(2030, 150.0, "个")]


def test_a_scope_widened_in_the_past_is_a_report() -> None:
    # negative: 已扩大到 reports what was done
    assert _keys("近年来，试点范围已扩大到150个城市。") == []


def test_an_amount_of_a_capacity_added_is_a_target() -> None:
    # 新增N万吨的年利用能力: the amount before 的 sizes the capacity the work adds
    text = "到2027年，通过实施重点工程新增800万吨的年处理能力。"
    assert _keys(text) == [(2027, 800.0, "万吨")]
    assert extract_plan(text).targets[0].indicator == "新增年处理能力"


def test_an_amount_before_de_and_a_noun_stays_a_threshold() -> None:
    # negative: 年产10万吨的落后产能 / 150万吨以上的企业 mark what is meant, they are no targets
    assert _keys("到2027年，淘汰年产10万吨的落后产能，关停150万吨以上的企业。") == []


def test_counts_of_what_a_document_sets_out_or_did_last_year_are_no_targets() -> None:
    # 发布《…》，制定N项主要任务 / 一套…政策计划 / N项指标去年提前完成: a document's contents and a count done last year
    assert _keys("近日，省发改委发布《节能降碳工作要点》，制定28项重点任务，推动重点行业节能改造。") == []
    assert _keys("因此，制定一套科学、可行的城市交通低碳行动计划，具有重要意义。") == []
    assert _keys("局长表示，规划的20项主要指标中，8项指标去年提前完成，其余12项年底前将完成。") == []


def test_counts_of_work_to_finish_stay_targets() -> None:
    # negative: 完成N项重点任务 / 建成1个平台 / 出台N项配套政策 are goals
    assert _keys("到2027年，完成28项重点任务，建成1个市级碳排放监测平台，出台10项配套政策。") == [
        (2027, 28.0, "项"), (2027, 1.0, "个"), (2027, 10.0, "项")]


def test_kinds_of_cities_sharing_one_value_are_one_group() -> None:
    # 直辖市、计划单列市及省会城市30%以上: kinds of cities named together are one group, one target
    text = "到2027年，新建建筑中装配式建筑比例达到30%以上，直辖市、计划单列市及省会城市40%以上。"
    assert _keys(text) == [(2027, 30.0, "%"), (2027, 40.0, "%")]


def test_named_places_sharing_one_value_are_still_split() -> None:
    # negative: real places with 均 each take the value (one target per place)
    text = "到2027年，甲州市、乙平市森林覆盖率均达到45%以上。"
    assert [k for k in _keys(text)] == [(2027, 45.0, "%"), (2027, 45.0, "%")]


def test_a_level_developed_to_a_later_year_is_a_goal() -> None:
    # 将由2022年的X，发展到2030年的Y: 发展到 moves a level as 提高到 does; the start is no target
    assert _keys("全省公路里程将由2022年的30万公里，发展到2030年的36万公里。") == [(2030, 36.0, "万公里")]


def test_a_level_developed_to_a_past_year_is_a_report() -> None:
    # negative: a move to a year gone (no intent) reports
    assert _keys("全省公路里程由2015年的25万公里发展到2022年的30万公里。") == []


def test_the_jun_of_an_annual_average_is_no_each() -> None:
    # 年平均/年均增加A和B N: 均 of 年均 is the yearly average, not "each" — one amount of the two taken together
    assert _keys("到2027年，年均增加珍贵树种和大径材蓄积300万立方米。") == [(2027, 300.0, "万立方米")]
    assert _keys("到2027年，年平均增加和更新公交车辆60台。") == [(2027, 60.0, "台")]


def test_jun_meaning_each_still_splits() -> None:
    # negative: A、B…均提高到N: each indicator takes the value
    assert _keys("到2027年，化肥、农药利用率均提高到45%。") == [(2027, 45.0, "%"), (2027, 45.0, "%")]


def test_news_of_an_annual_plans_release_is_of_that_year() -> None:
    # 日前，…发布《某市2019年…实施方案》，明确2019年10月底前…: the news was written in the plan's year, its goals stand
    text = ("日前，某市人民政府发布《某市2019年农村清洁取暖工作实施方案》，明确2019年10月底前，"
            "完成全市范围内涉及9个县（区）32000户居民的清洁取暖改造任务。")
    assert _keys(text) == [(2019, 32000.0, "户")]


def test_the_year_before_an_annual_plans_release_is_reported() -> None:
    # negative: in that news, the year before the plan's (2018年，全市完成…) is a year gone: a report
    text = "日前，某市人民政府发布《某市2019年农村清洁取暖工作实施方案》。2018年，全市完成清洁取暖改造25000户。"
    assert _keys(text) == []


def test_news_of_an_annual_plan_titled_before_its_verb_is_of_that_year() -> None:
    # 日前，《某省2021年…工作计划》印发。2021年，…增加400万千瓦: the title before 印发 names the news's year too
    text = "日前，《某省2021年推动碳达峰工作计划》印发。2021年，全省风电装机增加400万千瓦，光伏装机增加300万千瓦。"
    assert _keys(text) == [(2021, 400.0, "万千瓦"), (2021, 300.0, "万千瓦")]
    # negative: without the release news the bare year 2021 is a year gone (a report)
    assert _keys("2021年，全省风电装机增加400万千瓦，光伏装机增加300万千瓦。") == []


def test_a_period_intro_dates_the_list_of_goals_after_it() -> None:
    # “十四五”时期，…的具体目标主要有N个方面。|一是…|二是…: the plan period's last year dates every item of the list
    text = ("局长介绍，“十四五”时期，全县城市更新的具体目标主要有两个方面。\n"
            "一是生态宜居水平显著提升。建成区绿化覆盖率超过45%，老旧小区改造达到500万平方米。\n"
            "二是基础设施更加完善。城市道路达到300公里。")
    assert _keys(text) == [(2025, 45.0, "%"), (2025, 500.0, "万平方米"), (2025, 300.0, "公里")]


def test_a_period_named_without_a_list_of_goals_dates_nothing_after_it() -> None:
    # negative: a period named in a sentence that announces no list of goals leaves the next paragraph undated
    text = "“十四五”时期，全县城市更新取得明显成效。\n建成区绿化覆盖率超过45%。"
    assert (2025, 45.0, "%") not in _keys(text)


def test_a_notice_of_the_years_plan_dates_its_goals_even_on_a_page_posted_later() -> None:
    # 日期:2026-02-27 …制定2025年度工作方案如下：: the plan of 2025 sets its undated goals for 2025; the page's later
    # stamp does not drop them
    text = ("日期:2026-02-27 16:15来源:某市住房和城乡建设局\n\n为贯彻落实《某省城市建设三年行动方案》，制定2025年度工作方案如下：\n"
            "一、工作目标\n建立城市建设绿色发展指标体系。\n二、重点任务\n（一）推进城市水环境治理。城市生活污水处理率达85%以上。")
    assert _keys(text) == [(2025, 85.0, "%")]


def test_a_notice_of_a_past_years_plan_without_goals_of_its_own_year_sets_nothing_dated_later() -> None:
    # negative: a goal of an earlier year written in that plan (到2023年…) is still dropped on a page posted in 2026
    text = ("日期:2026-02-27 16:15来源:某市住房和城乡建设局\n\n制定2025年度工作方案如下：\n"
            "一、重点任务\n（一）推进城市水环境治理。2023年底前，城市生活污水处理率达80%以上。")
    assert (2023, 80.0, "%") not in _keys(text)


def test_a_headline_announcing_the_years_goals_dates_them() -> None:
    # …2026年经济发展主要预期目标公布 / 我市2026年…主要目标确定: the headline names the year of the goals listed under it
    text = ("数说政府工作报告丨2026年经济发展主要预期目标公布\n\n政府工作报告提出，今年发展主要预期目标是：\n\n"
            "国内生产总值增长5%左右；\n\n城镇调查失业率控制在5.5%以内；")
    assert _keys(text) == [(2026, 5.0, "%"), (2026, 5.5, "%")]


def test_a_headline_reporting_a_years_results_dates_nothing() -> None:
    # negative: a headline that names a year's results (成绩单公布) is no annual plan: the lines stay undated reports
    text = "2025年全市经济运行成绩单公布\n\n全市地区生产总值增长5.2%。"
    assert (2025, 5.2, "%") not in _keys(text)


def test_a_total_over_a_range_is_one_target_for_its_last_year() -> None:
    # …共计建设N万亩 over 2026年至2028年: a total (共计/合计/总计, as 累计) is one record for the range's last year; the 每年
    # of the clause before keeps nothing of it
    text = "计划全省2026年、2027年每年新增高标准农田300万亩，2026年至2028年三年共计建设900万亩。"
    assert (2028, 900.0, "万亩") in _keys(text)
    assert [k for k in _keys(text) if k[1] == 900.0] == [(2028, 900.0, "万亩")]


def test_a_level_kept_over_a_range_is_still_one_per_year() -> None:
    # negative: a level kept (稳定在…以上) over a range stays one record per year
    assert _keys("2026年至2028年，全省农田灌溉水有效利用系数稳定在0.6以上。") == [
        (2026, 0.6, "无量纲"), (2027, 0.6, "无量纲"), (2028, 0.6, "无量纲")]
