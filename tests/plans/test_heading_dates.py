"""Round sf (issue 10): the three conventions settled by the lead in session 12 — a heading dates its block, a goal
told is a goal, an undated statement is a goal only in a goal's context. Sentences written for the test, never a
quote of a gold set."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


# --- convention 1: a heading dates its block ---------------------------------------------------------------------

def test_a_year_line_dates_every_line_of_its_list() -> None:
    text = ("某县农村人居环境整治提升方案提出以下目标：\n\n"
            "2027年——\n"
            "农村卫生厕所普及率达到92%；\n"
            "农村生活垃圾无害化处理率达到98%；\n"
            "行政村生活污水治理率达到55%；\n"
            "村庄绿化覆盖率达到35%；\n"
            "农村黑臭水体治理率达到80%。\n")
    assert _keys(text) == [(2027, 92.0, "%"), (2027, 98.0, "%"), (2027, 55.0, "%"), (2027, 35.0, "%"),
                           (2027, 80.0, "%")]


def test_a_second_year_line_starts_a_new_block() -> None:
    text = ("主要指标如下：\n\n"
            "2026年：\n"
            "公共充电桩保有量达到1.2万个；\n"
            "新能源公交车占比达到85%；\n"
            "2028年：\n"
            "公共充电桩保有量达到2万个；\n"
            "新能源公交车占比达到95%。\n")
    assert _keys(text) == [(2026, 1.2, "万个"), (2026, 85.0, "%"), (2028, 2.0, "万个"), (2028, 95.0, "%")]


def test_a_title_naming_one_years_work_dates_its_numbered_items() -> None:
    # the title dates the items under its numbered sub-headings too
    text = ("某区2027年为民办实事项目\n\n"
            "一、养老服务\n\n"
            "1. 新建3个社区嵌入式养老服务站；\n\n"
            "2. 完成800户特殊困难老年人家庭适老化改造；\n\n"
            "二、城市更新\n\n"
            "1. 改造老旧小区26个；\n\n"
            "2. 新增公共停车泊位1500个。\n")
    assert _keys(text) == [(2027, 3.0, "个"), (2027, 800.0, "户"), (2027, 26.0, "个"), (2027, 1500.0, "个")]


def test_a_title_that_reports_a_year_is_no_year_heading() -> None:
    # negative: a news headline telling what was done (某市圆满完成2027年…目标任务) dates no block of goals
    text = ("某市圆满完成2027年度节能目标任务\n\n"
            "全市单位地区生产总值能耗累计下降8.1%，完成省定目标的104%。\n")
    assert [k for k in _keys(text) if k[0] == 2027] == []


def test_an_unnumbered_heading_closes_a_year_lines_list() -> None:
    # negative: the list of a year line ends at the next heading line (保障措施), the statements after it are undated
    text = ("到2027年：\n"
            "城市生活污水集中收集率达到75%；\n"
            "再生水利用率达到30%。\n\n"
            "保障措施\n\n"
            "各县区安排污水管网建设资金不少于2亿元。\n")
    keys = _keys(text)
    assert (2027, 75.0, "%") in keys and (2027, 30.0, "%") in keys and (2027, 2.0, "亿元") not in keys


# --- convention 2: a goal told is a goal -------------------------------------------------------------------------

def test_a_report_telling_goals_gives_targets_dated_by_its_lead() -> None:
    text = ("报告显示，某省2027年经济社会发展主要预期目标是：地区生产总值增长5.5%左右，"
            "城镇调查失业率控制在5.5%以内，单位地区生产总值能耗下降2.5%。")
    assert _keys(text) == [(2027, 5.5, "%"), (2027, 5.5, "%"), (2027, 2.5, "%")]


def test_a_statistic_told_stays_a_report() -> None:
    # negative: 数据显示 telling a year's figures is a statistic
    assert _keys("数据显示，2024年全省城市生活垃圾回收利用率为41%，比上年提高3个百分点。") == []


# --- convention 3: an undated statement is a goal only in a goal's context ----------------------------------------

def test_undated_statements_of_what_is_or_was_done_report() -> None:
    # negative: no year, no goal marker, not under goals: what is (常年, 共有) or was done (新建…累计完成投资)
    assert _keys("我省是钢铁生产大省，粗钢产量常年保持在2亿吨左右，年综合能耗约1.2亿吨标准煤。") == []
    assert _keys("全省新建污水处理厂42座、配套管网1300公里，累计完成投资85亿元。") == []
    assert _keys("全市共有规模以上工业企业1820家，其中高新技术企业640家。") == []


def test_undated_items_of_a_goal_list_are_targets() -> None:
    text = ("施工扬尘管控的具体指标有：⑴施工工地周边围挡率达到100%；⑵裸土覆盖率达到100%；⑶出入车辆冲洗率达到100%。")
    assert _keys(text) == [(None, 100.0, "%"), (None, 100.0, "%"), (None, 100.0, "%")]


def test_an_undated_statement_with_a_goal_marker_of_its_own_is_a_target() -> None:
    # (b) a bound (不低于), intent (力争), a task opening on a verb of work with no mark of done
    assert _keys("开展生活垃圾分类的乡镇比例不低于60%。") == [(None, 60.0, "%")]
    assert _keys("全县力争创建省级生态文明示范村15个。") == [(None, 15.0, "个")]
    assert _keys("整治城乡黑臭水体30条；新建乡镇污水管网120公里。") == [(None, 30.0, "条"), (None, 120.0, "公里")]


def test_a_time_of_its_own_is_no_undated_statement() -> None:
    # 今年 / 今后五年 / 每年新增: the statement names its own time, the rule for undated statements does not apply
    assert _keys("今年完成农村公路提档升级300公里。") == [(None, 300.0, "公里")]
    assert _keys("每年新增造林绿化面积5万亩。") == [(None, 5.0, "万亩")]


def test_the_year_of_an_annual_work_notice_is_its_todays_year() -> None:
    # a title naming one year's work (关于做好2027年…工作的通知), told by news: 今年 in its content is that year
    text = ("近日，某部办公厅印发《关于做好2027年农村厕所革命工作的通知》，今年全国将完成农村户厕改造300万户左右，"
            "卫生厕所普及率保持在75%以上。")
    assert _keys(text) == [(2027, 300.0, "万户"), (2027, 75.0, "%")]


def test_a_stage_heading_dates_its_block_by_its_last_year() -> None:
    text = ("第二阶段（2028—2030年）。\n"
            "生态环境质量全面改善，城市空气质量优良天数比例达到92%以上，地表水国控断面优良比例达到95%。\n")
    assert _keys(text) == [(2030, 92.0, "%"), (2030, 95.0, "%")]


def test_year_lines_between_numbered_items_each_date_their_own_items() -> None:
    # a second year line after numbered items starts its block in the section, not under the item before it; the
    # next section heading (（三）) ends it
    text = ("（二）主要目标\n到2026年：\n1. 单位地区生产总值能耗下降9%；\n2. 非化石能源消费比重达到18%。\n\n"
            "到2028年：\n1. 非化石能源消费比重达到22%。\n（三）重点任务\n1. 新建公共充电桩500个。")
    assert _keys(text) == [(2026, 9.0, "%"), (2026, 18.0, "%"), (2028, 22.0, "%"), (None, 500.0, "个")]


def test_a_speech_telling_goals_gives_targets() -> None:
    # 表示/介绍 telling a goal or a requirement: read by its content; figures of today told stay reports
    assert _keys("他表示，我市2027年的目标是单位地区生产总值能耗下降3%。") == [(2027, 3.0, "%")]
    assert _keys("市发改委负责人介绍，2027年，全市规模以上工业增加值要增长7%。") == [(2027, 7.0, "%")]
    assert _keys("发言人介绍，全市公共充电桩累计3.5万个，新能源公交车占比77.6%。") == []


def test_a_breakdown_of_a_goal_and_a_plans_list_are_goals_context() -> None:
    # (a) a 其中 breakdown of an undated goal is the goal's; the list a plan's told lead (《方案》提出：) opens is goals
    assert _keys("全县力争新建公共充电桩800个。其中，乡镇充电桩300个。") == [(None, 800.0, "个"), (None, 300.0, "个")]
    assert _keys("《实施方案》提出：\n全县新建公共充电桩800个；\n改造老旧小区40个。") == [(None, 800.0, "个"), (None, 40.0, "个")]
    # negative: the breakdown of a report reports
    assert _keys("全县新建公共充电桩800个。其中，乡镇充电桩300个。") == []


# --- session 13 (lead): a heading line ending on a colon; a goals heading over a year's first statement ----------

def test_a_period_heading_ending_on_a_colon_dates_its_list() -> None:
    # (the heading opens the text: no title above it names the period)
    text = ("“十五五”时期主要目标和重大任务：\n"
            "全社会研发经费投入年均增长6%以上、单位地区生产总值二氧化碳排放累计降低15%、"
            "城镇新增就业人数达到30万人。\n")
    assert _keys(text) == [(2030, 6.0, "%"), (2030, 15.0, "%"), (2030, 30.0, "万人")]


def test_a_goals_heading_over_a_years_first_statement_makes_the_text_that_years_plan() -> None:
    # an undated annual work plan: its goals heading opens on the year; the year is then no review
    text = ("为持续改善某区环境空气质量，结合实际，制定本方案。\n"
            "一、工作目标\n"
            "2019年全区细颗粒物浓度下降到48微克/立方米以下，空气质量优良天数比例达到70%以上。\n"
            "二、工作任务\n"
            "（一）调整产业结构\n")
    assert _keys(text) == [(2019, 48.0, "微克/立方米"), (2019, 70.0, "%")]


def test_a_year_review_under_no_goals_heading_stays_a_report() -> None:
    text = ("一、工作回顾\n"
            "2019年全区细颗粒物浓度下降到48微克/立方米，空气质量优良天数比例达到70%。\n")
    assert _keys(text) == []


def test_a_government_work_report_told_reviews_the_year_it_tells_without_intent() -> None:
    # news of a work report delivered in January: the year it tells (no intent, no goal's hedge) is the year reviewed
    text = ("本报讯 某自治区人民代表大会2月3日开幕，代理主席在作政府工作报告时称，2025年，全区地区生产总值增长5.8%。\n"
            "报告指出，2025年，全区规模以上工业增加值增长9.1%，一般公共预算收入增长7.4%。\n")
    assert _keys(text) == []


def test_a_work_report_telling_the_years_goals_keeps_them() -> None:
    text = ("某市市长在作政府工作报告时称，2026年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，"
            "城镇新增就业4万人以上。\n")
    assert _keys(text) == [(2026, 5.5, "%"), (2026, 4.0, "万人")]
