"""Round sg (issue 10): indicator tables copied as text — one row per line, cells separated by spaces or tabs
(lead's convention of session 12, tests/plans/gold/README.md "Indicator tables copied as text"). Every table here
was written for the test, in the forms web copies of plans take; none is a quote of a gold set."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.text_tables import text_tables


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def _rows(text: str) -> list[tuple[str, int | None, float | None, str | None, float | None, str | None]]:
    return [(t.indicator, t.year, t.value, t.unit, t.baseline_value, t.binding)
            for _, _, ts in text_tables(text) for t in ts]


HEADED = """表2 某市“十四五”生态环境保护主要指标
指标 2020年 2025年 属性 责任单位
1.地级城市细颗粒物浓度(微克/立方米) 36 32 约束性 市生态环境局
2.地表水达到或好于Ⅲ类水体比例(%) 70 75.5 约束性 市生态环境局
3. 城镇生活污水集中收集率(%) - ≥70 预期性 市住建局
4.森林覆盖率(%) 21.3 23 约束性 市林业局
"""


def test_a_header_with_years_maps_the_target_year_column() -> None:
    assert _rows(HEADED) == [
        ("地级城市细颗粒物浓度", 2025, 32.0, "微克/立方米", 36.0, "约束性"),
        ("地表水达到或好于Ⅲ类水体比例", 2025, 75.5, "%", 70.0, "约束性"),
        ("城镇生活污水集中收集率", 2025, 70.0, "%", None, "预期性"),
        ("森林覆盖率", 2025, 23.0, "%", 21.3, "约束性"),
    ]
    targets = extract_plan(HEADED).targets
    assert [(t.year, t.value) for t in targets] == [(2025, 32.0), (2025, 75.5), (2025, 70.0), (2025, 23.0)]
    assert targets[0].relation == "<=" and targets[0].baseline_year == 2020
    assert targets[2].relation == ">="


def test_a_header_naming_base_and_goal_columns_takes_its_year_from_the_title() -> None:
    text = """某县“十四五”节能降碳主要指标
指标名称 基期值 目标值 指标属性
单位地区生产总值能耗降低(%) — 14 约束性
非化石能源消费比重(%) 9.5 13 预期性
"""
    assert _rows(text) == [("单位地区生产总值能耗降低", 2025, 14.0, "%", None, "约束性"),
                           ("非化石能源消费比重", 2025, 13.0, "%", 9.5, "预期性")]
    assert extract_plan(text).targets[0].relation == "reduce_by"


def test_a_page_starting_mid_table_reads_the_last_value_before_the_attribute() -> None:
    # no header, no title: the target is the last value before 约束性/预期性, the year none; the first of two values is
    # the baseline
    text = """7.重点河湖生态流量保障率(%) 85 90 约束性 市水利局
8.受污染耕地安全利用率(%) 92.1 ≥93 约束性 市农业农村局
9. 城市黑臭水体比例(%) 3 <1 预期性 市住建局
"""
    assert _rows(text) == [
        ("重点河湖生态流量保障率", None, 90.0, "%", 85.0, "约束性"),
        ("受污染耕地安全利用率", None, 93.0, "%", 92.1, "约束性"),
        ("城市黑臭水体比例", None, 1.0, "%", 3.0, "预期性"),
    ]
    assert _keys(text) == [(None, 90.0, "%"), (None, 93.0, "%"), (None, 1.0, "%")]


def test_category_words_dashes_and_qualitative_cells() -> None:
    # a category word opening a row belongs to no cell; a dash is no value; a text cell with no year to hold it to
    # sets nothing; a text cell opening with a number gives that number; a continuation row (a sub-indicator with a
    # dash) between attributed rows is part of the table
    text = """大气环境 10.空气质量优良天数比例(%) 83.5 86 约束性 市生态环境局
总量减排 11.主要污染物减排量 化学需氧量重点工程减排量(吨) - 完成上级下达任务 约束性 市生态环境局
氨氮重点工程减排量(吨) -
生态保护 12. 生态保护红线面积(平方公里) 120 不减少 约束性 市自然资源局
13.自然保护地占陆域面积比例(%) - 达到15并稳中有升 预期性 市林业局
"""
    assert _rows(text) == [
        ("空气质量优良天数比例", None, 86.0, "%", 83.5, "约束性"),
        ("自然保护地占陆域面积比例", None, 15.0, "%", None, "预期性"),
    ]


def test_qualitative_cells_count_when_the_table_gives_the_year() -> None:
    text = """指标 2020年 2025年 属性
声环境功能区夜间达标率(%) 80 完成省下达任务 约束性
城市集中式饮用水水源水质达标率(%) 100 100 约束性
"""
    targets = [t for _, _, ts in text_tables(text) for t in ts]
    assert [(t.year, t.value, t.qualitative) for t in targets] == [
        (2025, None, "完成省下达任务"), (2025, 100.0, None)]


def test_a_unit_column_and_tabs() -> None:
    text = "指标\t单位\t2020年\t2025年\t属性\n新能源汽车保有量\t万辆\t3.2\t12\t预期性\n" \
           "公共充电桩数量\t个\t1500\t6000\t预期性\n"
    assert [(y, v, u) for _, y, v, u, _, _ in _rows(text)] == [(2025, 12.0, "万辆"), (2025, 6000.0, "个")]


def test_cumulative_cells_and_footnote_marks() -> None:
    text = """指标 2020年 2025年 属性
单位地区生产总值二氧化碳排放降低(%) - [18] 约束性
挥发性有机物重点工程减排量(吨) - 1200* 约束性
注:*为五年累计指标
"""
    targets = [t for _, _, ts in text_tables(text) for t in ts]
    assert [(t.value, t.cumulative) for t in targets] == [(18.0, True), (1200.0, True)]


def test_lines_of_numbers_that_are_no_table() -> None:
    # a date line, a phone line, a statistics sentence written with spaces, and a single attributed line in prose
    for text in ("某市生态环境局\n2024年 12月 7日\n",
                 "联系人 王某 电话 0531 88888888\n传真 0531 88886666\n",
                 "2023年 全市 PM2.5 平均浓度 35 微克/立方米 同比 下降 5%\n优良天数 300 天 同比 增加 12 天\n",
                 "《规划》确定 22 项指标，其中 约束性 指标 9 项。\n"):
        assert text_tables(text) == [], text
    assert text_tables("指标 2020年 2025年 属性\n") == []


def test_a_review_table_is_not_read_as_goals() -> None:
    # a table inside a review section (一、“十三五”…成效) is skipped as the prose there is
    text = """一、“十三五”规划目标完成情况
“十三五”期间，全市各项指标全部完成。
指标 2015年 2020年 属性
森林覆盖率(%) 30 35.2 约束性
城市污水处理率(%) 85 96 预期性
"""
    assert extract_plan(text).targets == []


def test_cells_the_normal_form_glues_to_their_word() -> None:
    # the normal form drops the space between a word and a number (指标 2020年 → 指标2020年, 比例 83.5 → 比例83.5):
    # the header's years and a name's first value are still cells
    assert _keys("指标 单位 2020年 2025年 属性\n森林覆盖率 % 40.2 42 约束性\n城市污水处理率 % 95 ≥97 预期性\n") == [
        (2025, 42.0, "%"), (2025, 97.0, "%")]
    assert _keys("大气环境 空气质量优良天数比例(%) 83.5 86 约束性 市生态环境局\n"
                 "水环境 地表水优良比例(%) 70 75 约束性 市生态环境局\n") == [(None, 86.0, "%"), (None, 75.0, "%")]
    assert _keys("“十五五”主要指标（2026—2030年）\n指标 基期值 目标值 属性\n森林覆盖率(%) 40.2 42 约束性\n") == [
        (2030, 42.0, "%")]


def test_category_and_row_number_columns_and_milestone_years() -> None:
    # 类别 | 序号 | 指标 | 单位 | years | 属性: the category and the row number are no cells of the indicator
    text = ("类别 序号 指标 单位 2020年 2025年 属性\n环境质量 1 空气质量优良天数比例 % 85 ≥88 约束性\n"
            " 2 地表水优良比例 % 70 75 约束性\n")
    assert _keys(text) == [(2025, 88.0, "%"), (2025, 75.0, "%")]
    # a year column between the base and the last is a milestone when it is not before the issue year
    text = ("序号 指标 2020年 2025年 2027年 属性\n1 新能源汽车保有量(万辆) 3.2 12 20 预期性\n"
            "2 公共充电桩数量(个) 1500 6000 9000 预期性\n")
    assert _keys(text) == [(2025, 12.0, "万辆"), (2027, 20.0, "万辆"), (2025, 6000.0, "个"), (2027, 9000.0, "个")]
    # a number before a unit is a value, not a row number, and the unit after it is the row's
    assert [(y, v, u) for _, y, v, u, _, _ in _rows("细颗粒物浓度 38 微克/立方米 约束性\n可吸入颗粒物浓度 60 微克/立方米 约束性\n")] == [
        (None, 38.0, "微克/立方米"), (None, 60.0, "微克/立方米")]


def test_the_attribute_before_the_values_and_a_unit_cell_apart() -> None:
    text = ("指标 属性 2020年 2025年 责任单位\n森林覆盖率(%) 约束性 40.2 42 市林业局\n"
            "城市污水处理率(%) 预期性 95 ≥97 市住建局\n")
    assert _keys(text) == [(2025, 42.0, "%"), (2025, 97.0, "%")]
    assert _keys("森林覆盖率 (%) 40.2 42 约束性\n湿地保护率 (%) 50 55 预期性\n") == [(None, 42.0, "%"), (None, 55.0, "%")]


def test_a_name_broken_by_spaces_is_joined_again() -> None:
    text = ("单位 GDP 能耗降低(%) - 14 约束性\nPM2.5 年均浓度(微克/立方米) 38 33 约束性\n"
            "大气环境 空气质量优良天数比例(%) 83.5 86 约束性\n")
    assert [t.indicator for t in extract_plan(text).targets] == ["单位GDP能耗降低", "PM2.5年均浓度", "空气质量优良天数比例"]


def test_a_page_holding_only_the_table_keeps_its_rows_apart() -> None:
    # rows of about one length look like a text hard-wrapped at a fixed width; a line with an attribute cell is a table
    # row, and its break is kept (before: the rows ran together — …约束性细颗粒物浓度… — and nothing was read)
    text = ("指标 2020年 2025年 属性\n城市集中式饮用水水源达标率(%) 100 100 约束性\n"
            "细颗粒物浓度(微克/立方米) 38 34 约束性\n空气质量优良天数比率(%) 75 80 约束性\n")
    assert _keys(text) == [(2025, 100.0, "%"), (2025, 34.0, "微克/立方米"), (2025, 80.0, "%")]


def test_a_cumulative_column_an_empty_category_cell_and_round_brackets() -> None:
    text = """指标 2020年 2025年 〔累计〕 属性
资源利用 1 单位地区生产总值用水量降低(%) - - 〔16〕 约束性
- 2 万元工业增加值用水量降低(%) - - (18) 约束性
- 3 耕地保有量(万亩) 520 ≥520 - 约束性
"""
    targets = [t for _, _, ts in text_tables(text) for t in ts]
    assert [(t.year, t.value, t.cumulative) for t in targets] == [(2025, 16.0, True), (2025, 18.0, True), (2025, 520.0, False)]


def test_without_a_header_a_dash_after_the_target_is_an_empty_cumulative_cell() -> None:
    text = ("空气质量优良天数比率(%) 76.7 >80 - 约束性\n单位地区生产总值能耗降低(%) - - [15] 约束性\n"
            "城市生活垃圾无害化处理率(%) 100 - 预期性\n")
    assert [(v, u) for _, _, v, u, _, _ in _rows(text)] == [(80.0, "%"), (15.0, "%")]
