"""Round kp (issue 10): the classes of blind sets 29 and 30, each with sentences written for the test."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_computing_power_and_storage_units() -> None:
    # 算力 plans state capacity in EFLOPS/PFLOPS and storage in EB/PB, spaced or not
    text = "到2026年，全省算力规模超过50 EFLOPS，智能算力达到20PFLOPS，存储总量超过300EB。"
    assert _keys(text) == [(2026, 50.0, "EFLOPS"), (2026, 20.0, "PFLOPS"), (2026, 300.0, "EB")]


def test_latin_letters_after_a_number_are_still_no_unit() -> None:
    # negative: 5G, 3D keep their letters; only the listed computing units are read
    assert _keys("到2026年，建成5G基站3000个。") == [(2026, 3000.0, "个")]


def test_a_breakdown_sentence_after_a_goal_lists_its_parts() -> None:
    # 其中，东区…、西区…: the parts of the goal stated before, by place, without a verb of their own
    text = "到2026年，全市新建城市绿道900公里。其中，东区500公里、西区300公里，北区100公里。"
    assert _keys(text) == [(2026, 900.0, "公里"), (2026, 500.0, "公里"), (2026, 300.0, "公里"), (2026, 100.0, "公里")]


def test_a_breakdown_of_a_stock_is_no_target() -> None:
    # negative: the parts of a present stock (no target before) stay no targets
    assert _keys("全市现有城市绿道900公里。其中，东区500公里、西区300公里。") == []


def test_restoring_the_existing_is_a_goal() -> None:
    # 修复现有…: 现有 names what the work acts on, not a report; 修复 governs its object's amount
    assert _keys("到2027年，修复现有退化湿地1200公顷，改造现有老旧管网80公里。") == [
        (2027, 1200.0, "公顷"), (2027, 80.0, "公里")]


def test_a_breakdown_of_a_report_reports() -> None:
    # negative: 截至…已完成…。其中，…：the parts of what was done, to the sentence's end after ；
    text = ("到2026年，全市新增造林5000亩。截至2024年底，全市已完成造林4200亩。"
            "其中，东部完成造林3000亩，完成目标的60%；西部完成1200亩，完成目标的24%。")
    assert _keys(text) == [(2026, 5000.0, "亩")]


def test_a_report_showing_a_goal_year_tells_the_goal() -> None:
    # 报告显示，到 2027 年…: what a plan's report sets out, with spaces around the year as PDF text has them
    text = "报告显示，到 2027 年全省风电装机达到 3000 万千瓦以上，非化石能源消费占比达 15% 左右。"
    assert _keys(text) == [(2027, 3000.0, "万千瓦"), (2027, 15.0, "%")]


def test_a_report_showing_a_past_year_is_a_statistic() -> None:
    # negative: 数据显示，2024年…达到… is a statistic
    assert _keys("数据显示，2024年全省风电装机达到2800万千瓦。") == []


_LIST_UNDER_A_DATED_INTRO = ("此外，《规划》从三个方面设定全省2027年能源发展的主要目标：\n"
                             "一是能源保障更加有力。省内电力装机总量达到1.5亿千瓦。\n"
                             "二是能源结构更加优化。非化石能源消费比重达到30%以上。\n"
                             "三是能源利用更有效率。单位GDP能耗下降12%。\n")


def test_the_items_of_a_list_under_a_dated_intro_take_its_year() -> None:
    # the intro names the goals' year (…2027年…的主要目标：): every 一是/二是 item of its list is dated by it
    assert _keys(_LIST_UNDER_A_DATED_INTRO) == [(2027, 1.5, "亿千瓦"), (2027, 30.0, "%"), (2027, 12.0, "%")]


def test_a_plain_paragraph_ends_the_dated_list() -> None:
    # negative: the paragraph after the list is not dated by the intro
    keys = _keys(_LIST_UNDER_A_DATED_INTRO + "全省将加快推进充电设施建设，新建充电桩1万个。")
    assert keys[-1] == (None, 1.0, "万个")


def test_a_count_set_up_and_the_shares_it_brings() -> None:
    # 设立N个…, 使X%以上的…得到保护: the count set up and the shares of what gets protected
    text = "到2026年，全省将设立8个左右省级湿地公园，使75%以上的重要湿地、60%以上的一般湿地得到有效保护。"
    assert _keys(text) == [(2026, 8.0, "个"), (2026, 75.0, "%"), (2026, 60.0, "%")]


def test_a_share_got_in_the_past_is_no_target() -> None:
    # negative: a report with 得到 keeps reporting
    assert _keys("截至2024年底，全省已有75%以上的重要湿地得到有效保护。") == []


def test_a_release_showing_a_year_gone_is_a_statistic() -> None:
    # negative: 数据显示，到2021年底，…为72% — a year before the issue, a statistic
    assert _keys("数据显示，到2021年底，全省水土保持率为72%。") == []


def test_an_example_after_a_statistic_reports() -> None:
    # negative: 如甲省、乙省…达到90%以上 gives examples of the statistic before it
    text = "到2027年，全省水土保持率达到75%。据统计，2023年全国水土保持率为72%。如甲省、乙省水土保持率达到90%以上，而丙省不到60%。"
    assert _keys(text) == [(2027, 75.0, "%")]


def test_an_example_sentence_with_its_own_goal_year_is_read() -> None:
    # negative of the negative: an example naming its own 到YYYY年 states a goal
    text = "据统计，2023年全国水土保持率为72%。如甲省、乙省提出到2027年水土保持率达到90%以上。"
    assert _keys(text) == [(2027, 90.0, "%")]


def test_jiang_as_ba_over_the_years_looked_back_on() -> None:
    # 30年来，…将森林覆盖率提高到…: what the years did, not a goal
    assert _keys("30年来，该县共营造防护林5万亩，将森林覆盖率提高到62.5%。") == []


def test_jiang_with_a_year_ahead_is_a_goal() -> None:
    # negative: 以来 in the sentence but a year ahead: 将…提高到 states the goal
    assert _keys("“十四五”以来造林成效明显，到2027年，全县将森林覆盖率提高到65%。") == [(2027, 65.0, "%")]


def test_a_reckoning_is_no_target() -> None:
    # 按照规划指标推算，…约占…: a figure derived from the goals, not one of them
    assert _keys("按照规划相关指标推算，2027年全市清洁能源消费增量约占能源消费总量增量的70%以上。") == []


def test_a_base_of_last_year_is_no_report() -> None:
    # 在去年底的基础上增加5个: last year as the base of the change
    keys = _keys("到2027年，全省国家森林城市在去年底的基础上增加5个，达到20个。")
    assert keys == [(2027, 5.0, "个"), (2027, 20.0, "个")]


def test_last_year_still_reports() -> None:
    # negative: 去年… is a report
    assert _keys("去年全省新增国家森林城市5个。") == []


def test_a_number_with_a_leading_zero_is_no_amount() -> None:
    # a spam word inside 200 leaves "00个": no amount of its own
    assert _keys("到2027年，建设森林乡镇和森林公园各2某某某00个。") == []


def test_the_data_a_plan_publishes_for_a_year_ahead_is_its_goal() -> None:
    # 根据《…计划》发布的数据，到2027年底，…: the goals the plan sets out
    text = "根据《某省算力基础设施三年行动计划(2025—2027年)》发布的数据，到2027年底，全省数据中心平均利用率力争提升到65%以上。"
    assert _keys(text) == [(2027, 65.0, "%")]


def test_the_month_a_document_was_issued_dates_no_goal() -> None:
    # 2023年9月，…印发的《…》提出，…不高于1.25: the act's month, the goal has no year of its own
    text = "2023年9月，省发展改革委等三部门印发的《某省数据中心绿色发展实施方案》提出，新建大型数据中心电能利用效率(PUE值)不高于1.25。"
    assert _keys(text) == [(None, 1.25, "无量纲")]


def test_a_month_deadline_still_dates_its_goal() -> None:
    # negative: 2027年6月底前 is a deadline
    assert _keys("2027年6月底前，全省新建大型数据中心电能利用效率不高于1.25。") == [(2027, 1.25, "无量纲")]


def test_proving_reserves_governs_their_amount() -> None:
    # 探明…储量N, 可采储量M: the reserves a plan sets out to prove
    assert _keys("到2027年，探明页岩气地质储量3000亿立方米，可采储量800亿立方米。") == [
        (2027, 3000.0, "亿立方米"), (2027, 800.0, "亿立方米")]


def test_reserves_proved_so_far_report() -> None:
    # negative: 截至…累计探明 is a report
    assert _keys("截至2024年底，全省累计探明天然气地质储量3000亿立方米。") == []
