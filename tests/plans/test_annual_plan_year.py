"""Round sh (issue 10): convention 4 of session 12 — a text that sets one year's goals is that year's plan. A text with
no issue date of its own whose goals are a single year Y's (Y年…主要预期目标是, Y年增长目标, Y年重点工作) was written in Y:
a bare earlier year in it reports, 今年 is Y. Texts written for the test, never a quote of a blind set, with negatives
(a 到2025年/到2030年 plan keeps its years; several years' goals set no one year)."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan, goals_set_year


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


_REPORT = ("某市第八届人民代表大会第三次会议开幕，市长作政府工作报告。报告分为2025年工作回顾和2026年重点工作两部分。\n\n"
           "市长在报告中说，2025年是极不平凡的一年，全市地区生产总值增长5.2%，一般公共预算收入增长2.8%。\n\n"
           "报告提出今年全市经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在5.5%以内，"
           "居民人均可支配收入增长5.5%左右。")


def test_a_report_setting_the_years_goals_is_that_years_plan() -> None:
    keys = _keys(_REPORT)
    assert (2026, 5.0, "%") in keys and (2026, 5.5, "%") in keys  # 今年 is 2026
    assert not any(v in (5.2, 2.8) for _, v, _ in keys)  # 2025年 reports: no 2025 "target" 5.2%


def test_the_year_is_read_from_the_goals_it_sets() -> None:
    assert goals_set_year(_REPORT) == 2026


def test_a_news_summary_of_places_results_and_goals() -> None:
    text = ("各地陆续公布2026年经济增长目标。例如某省，2025年地区生产总值增速为4.1%，2026年增长目标上调为5.5%左右。"
            "另一省2025年地区生产总值增速4.9%，2026年增速目标下调为4.6%。")
    keys = _keys(text)
    assert (2026, 5.5, "%") in keys and (2026, 4.6, "%") in keys
    assert not any(v in (4.1, 4.9) for _, v, _ in keys)  # last year's growth reports


def test_a_multi_year_plan_keeps_its_years() -> None:
    # negative: a plan to 2025 and to 2030 sets no one year's goals — its milestones stay goals
    text = ("某市碳达峰实施方案\n\n到2025年，全市单位地区生产总值能耗比2020年下降14%，非化石能源消费比重达到20%左右。"
            "到2030年，非化石能源消费比重达到25%左右。")
    assert goals_set_year(text) is None
    keys = _keys(text)
    assert (2025, 14.0, "%") in keys and (2025, 20.0, "%") in keys and (2030, 25.0, "%") in keys


def test_several_years_goals_set_no_one_year() -> None:
    # negative: 2024年主要目标…2025年主要目标 — phases of a multi-year plan, not one year's plan
    text = "2024年主要目标：建成充电桩1000个。2025年主要目标：建成充电桩2000个。"
    assert goals_set_year(text) is None


def test_a_year_told_as_met_or_as_a_base_is_no_plan_year() -> None:
    # negatives: 2025年目标任务全面完成 reviews; 较2025年的增长目标 is a base; 到2025年 a deadline
    assert goals_set_year("2025年全市各项目标任务全面完成，地区生产总值增长5.3%。") is None
    assert goals_set_year("各省增长目标较2025年的增长目标下调0.2个百分点。") is None
    assert goals_set_year("到2025年重点工作取得明显进展。") is None


def test_this_year_in_an_annual_plan_is_its_year() -> None:
    text = ("某县2026年重点工作安排\n\n今年，全县将新建改造农村公路120公里，完成植树造林1.5万亩。"
            "2025年，全县完成植树造林1.2万亩。")
    keys = _keys(text)
    assert (2026, 120.0, "公里") in keys and (2026, 1.5, "万亩") in keys
    assert not any(v == 1.2 for _, v, _ in keys)
