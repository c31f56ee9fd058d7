"""Year and past scope across the sentences of a paragraph; units brackets (issue 10, issue 9 item 8)."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.sentence_scope import unit_groups


def _v(text: str) -> list[tuple[int | None, float, str]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_year_scope_runs_over_semicolons_and_later_sentences() -> None:
    assert _v("到2027年，全市单位GDP能耗较2020年降16%；建成500个绿色工厂、36个绿色园区；公交纯电动化占比不低于55%。") == [
        (2027, 16.0, "%"), (2027, 500.0, "个"), (2027, 36.0, "个"), (2027, 55.0, "%")]
    assert _v("主要目标：2027 年，全市PM2.5平均浓度控制在30微克/立方米以下。") == [(2027, 30.0, "微克/立方米")]
    assert _v("《规划》提出，到2020年，用水总量控制在6700亿立方米以内。万元工业增加值用水量下降20%。") == [
        (2020, 6700.0, "亿立方米"), (2020, 20.0, "%")]


def test_a_task_deadline_dates_its_own_sentence_only() -> None:
    # 2025年底前，… is the deadline of one task, not the scope of the paragraph
    assert _v("推进非常规水利用。2025年底前，力争再生水利用率达到40%。推动海绵城市建设，就地消纳和利用至少75%的降水。") == [
        (2025, 40.0, "%"), (None, 75.0, "%")]


def test_a_past_period_makes_the_undated_sentences_after_it_reports() -> None:
    assert _v("纲要显示，“十三五”期间我国生态状况明显改善。森林覆盖率达到23.04%，湿地保护率达到52%。") == []
    assert _v("“十三五”期间，PM2.5年均浓度累计下降53%，达到38微克/立方米。") == []


def test_a_document_quoting_two_plan_periods_keeps_both_sets_of_targets() -> None:
    text = ("12月28日，省政府网站发布碳达峰实施方案。\n“十四五”期间，产业结构明显优化。\n"
            "到2025年，非化石能源消费比重提高至13%左右。\n“十五五”期间，清洁低碳能源体系初步建立。\n"
            "到2030年，非化石能源消费占比达到20%左右，确保如期实现2030年前碳达峰目标。\n")
    assert _v(text) == [(2025, 13.0, "%"), (2030, 20.0, "%"), (2030, 2030.0, "年")]


def test_a_units_bracket_belongs_to_its_own_sentence() -> None:
    text = ("某市实施方案\n二、重点任务\n1.推进整治。2025年底前完成全市整治任务。（市生态环境局牵头，市公安局参与）"
            "到2025年，城市污水处理率达到98%。（市水务局负责）\n")
    doc = extract_plan(text)
    (t,) = doc.targets
    assert t.responsible == ["市水务局"]
    (task,) = doc.tasks
    assert task.responsible == ["市生态环境局", "市公安局", "市水务局"] and task.lead == ["市生态环境局"]


def test_unit_groups_only_brackets_naming_units() -> None:
    assert unit_groups("空气质量优良天数比例(AQI达标率)达到94%。（市生态环境局、市发展改革委按职责分工负责）") == [
        "（市生态环境局、市发展改革委按职责分工负责）"]


def test_a_numbered_year_clause_scopes_the_pieces_after_semicolons() -> None:
    assert _v("（二）到2020年，受污染耕地安全利用率达到95%以上；污染地块安全利用率达到90%以上；"
              "耕地土壤环境质量点位达标率不低于82%。") == [(2020, 95.0, "%"), (2020, 90.0, "%"), (2020, 82.0, "%")]


def test_a_list_goes_on_after_a_semicolon() -> None:
    assert _v("到2025年，公共充换电站达到5000座左右、充电基础设施9.5万台左右；专用充换电站3000座左右、"
              "充电基础设施5.5万台左右。") == [(2025, 5000.0, "座"), (2025, 9.5, "万台"), (2025, 3000.0, "座"),
                                     (2025, 5.5, "万台")]


def test_a_line_opening_with_a_comma_continues_the_line_before() -> None:
    # web copies break lines before punctuation
    assert _v("到2025年\n，城市黑臭水体基本消除\n，地级及以上城市空气质量优良天数比率提高到87.5%。") == [(2025, 87.5, "%")]
