"""Round ua (issue 10, session 14): a text about one year's work dates its undated goals by that year — the year its
opening names for the plan or work it is about; sentences written for the test."""

from __future__ import annotations

from cocontrol.plans.extract import annual_year, extract_plan, goals_set_year, intent_year_only


def _years(text: str) -> list[tuple[int | None, float | None]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


def test_news_of_the_years_plan_handed_down_dates_its_goals() -> None:
    # …下达《…2027年国民经济和社会发展计划》，根据该计划…: the news is about that year's plan
    text = ("近日，某县人民政府下达《某县2027年国民经济和社会发展计划》，根据该计划，全县将加快补齐环境基础设施短板。\n"
            "新建污水管网120公里，城镇生活污水集中收集率达到75%。")
    assert _years(text) == [(2027, 120.0), (2027, 75.0)]


def test_a_published_annual_plan_named_with_a_colon() -> None:
    # 公布《…2027年…工作方案》：明确…: the book mark closes the year's plan, published
    text = "市政府网站公布《某市2027年水污染防治工作方案》：明确全市地表水优良水体比例达到80%，黑臭水体动态清零。"
    assert annual_year(text) == 2027
    assert _years(text) == [(2027, 80.0)]


def test_a_notice_arranging_the_years_work() -> None:
    # 现对2027年…工作作出如下安排: the notice sets that year's work
    text = ("根据上级工作要求，现对2027年全县水利工作作出如下安排。\n一、主要目标\n"
            "全县新增高效节水灌溉面积3万亩，农村自来水普及率达到93%以上。")
    assert annual_year(text) == 2027
    assert _years(text) == [(2027, 3.0), (2027, 93.0)]


def test_a_year_framed_with_a_comma_before_this_years_goals() -> None:
    # 2027年，是…之年。…今年…主要预期目标是: the comma after the year frames it all the same
    text = ("2027年，是实施“十五五”规划承上启下的关键之年。报告提出今年全区发展的主要预期目标是：地区生产总值增长6%左右；"
            "城镇新增就业2.5万人以上。")
    assert goals_set_year(text) == 2027
    assert _years(text) == [(2027, 6.0), (2027, 2.5)]


def test_a_headline_on_the_years_government_work_report() -> None:
    # 读懂2027年政府工作报告: the goals it sets are that year's
    text = "读懂2027年政府工作报告\n地区生产总值增长6%左右、城镇新增就业2.5万人以上。"
    assert goals_set_year(text) == 2027
    assert _years(text) == [(2027, 6.0), (2027, 2.5)]


def test_a_plan_of_several_years_or_a_deadline_is_no_years_plan() -> None:
    # negative: 《2026—2028年…方案》 ends a period, 《2030年前…方案》 sets a deadline: neither is one year's plan
    assert annual_year("省政府印发《2026—2028年农村人居环境整治行动方案》，明确农村卫生厕所普及率达到95%。") is None
    assert annual_year("国务院印发《2030年前碳达峰行动方案》，明确提出持续巩固提升碳汇能力。") is None


def test_a_plans_review_is_no_years_plan() -> None:
    # negative: …计划执行情况 reviews the year; a plan cited without an issuing verb names no year of the text
    assert goals_set_year("关于2026年国民经济和社会发展计划执行情况的报告\n全区地区生产总值增长5.6%。") is None
    assert annual_year("根据《2027年全市大气污染防治工作方案》要求，各区要加强扬尘管控。") is None


def test_a_stage_written_out_dates_the_sentences_after_it() -> None:
    # 2031年到2035年，…: the stage of a plan scopes its paragraph's undated sentences as its last year, as 2031—2035年 does
    text = "2031年到2035年，全县每年新增造林2万亩。林下经济产值达到50亿元。"
    assert _years(text)[-1] == (2035, 50.0)


def test_a_stage_gone_by_stays_a_report() -> None:
    # negative: a stage ended before the text's date (2016年到2020年，…累计完成…) scopes nothing ahead
    text = "某市林业发展综述\n发布日期：2021-03-05\n2016年到2020年，全市累计完成造林120万亩。森林覆盖率达到45%。"
    assert all(y != 2020 for y, v in _years(text) if v == 45.0)


def test_a_year_framed_as_the_year_of_the_work_to_do() -> None:
    # 2027年是…之年，做好…工作意义重大: the tasks that follow are that year's
    text = ("2027年是“十五五”规划承上启下之年，做好生态环境保护工作意义重大。\n一、主要任务\n"
            "全市空气质量优良天数比例达到88%。")
    assert goals_set_year(text) == 2027
    assert _years(text) == [(2027, 88.0)]


def test_work_told_as_done_in_a_framed_year_sets_no_goals() -> None:
    # negative: 做好了…工作 tells the work done
    assert goals_set_year("2027年是“十五五”规划承上启下之年，全市做好了生态环境保护工作。优良天数比例达到88%。") is None


def test_a_text_naming_one_year_with_intent_and_its_year_in_words() -> None:
    # 2027年，某市将…；年内完成…: the one year named, with intent, is the year of 年内 and of the undated goals
    text = ("改造燃气管网、推广清洁取暖……2027年，某市将实施一批大气治理工程，确保全年优良天数在300天以上。\n"
            "城市集中式饮用水水源地水质达标率达到100%；挥发性有机物排放总量下降8%。\n年内完成150台燃煤锅炉拆改。")
    assert intent_year_only(text) == 2027
    assert {y for y, _ in _years(text)} == {2027}


def test_a_year_said_without_intent_or_beside_another_sets_no_years_plan() -> None:
    # negative: 2027年，全市完成… tells a year; a text naming 2026 and 2027 is no single year's
    assert intent_year_only("2027年，全市完成造林3万亩，全年优良天数310天。") is None
    # (round va: a base, 比2026年, is no year the text names; a second year spoken of ahead is)
    assert intent_year_only("2027年，某市将新建公园20座，全年新增绿地100公顷；2028年，将新建公园30座。") is None


def test_year_on_year_under_the_expected_goals_of_a_years_plan() -> None:
    # 一、预期目标 heads goals as 主要目标 does: 同比增长 there is the year's goal against the year before
    text = "某县2027年国民经济和社会发展计划\n一、预期目标\n地区生产总值同比增长6.5%，城镇新增就业0.8万人。"
    assert _years(text) == [(2027, 6.5), (2027, 0.8)]


def test_year_on_year_under_a_heading_of_how_the_economy_ran_reports() -> None:
    # negative: the same figures under 经济运行情况 tell how the year went
    text = "某县2027年国民经济和社会发展计划\n一、经济运行情况\n地区生产总值同比增长6.5%，城镇新增就业0.8万人。"
    assert _years(text) == []


def test_the_same_time_opening_a_paragraph_takes_the_goal_year_before() -> None:
    # 同期，… opening a paragraph is the time of the goal before it, as 届时 is
    text = "到2030年，全省建成智能化煤矿100处。\n同期，全省煤矿采煤机械化程度达到90%以上。"
    assert _years(text) == [(2030, 100.0), (2030, 90.0)]


def test_the_same_time_after_a_year_reported_stays_a_report() -> None:
    # negative: 同期 after a year told as done (on a page of the year after) sets nothing
    text = "某省煤炭工业运行情况\n发布日期：2024-02-01\n2023年，全省原煤产量增长5%。\n同期，全省煤矿采煤机械化程度达到90%。"
    assert _years(text) == []


def test_a_headline_with_a_subheading_naming_the_years_tasks() -> None:
    # 某省下达2027年度水利建设任务 新建…: the headline before the space names the year's tasks; its breakdown is that year's
    text = ("某省下达2027年度水利建设任务 新建农村供水工程120处\n发布时间:2027-01-05 10:00:00\n"
            "记者从省水利厅获悉，2027年度全省水利建设任务近日下达，计划新建农村供水工程120处。"
            "其中，某市新建农村供水工程20处，改造提升灌区8处。")
    assert annual_year(text) == 2027
    assert _years(text)[-2:] == [(2027, 20.0), (2027, 8.0)]


def test_a_headline_telling_the_years_tasks_done_names_no_plan() -> None:
    # negative: 完成2026年度…建设任务 reviews the year
    assert annual_year("某省完成2026年度水利建设任务 新建农村供水工程120处\n全省新建农村供水工程120处。") is None
