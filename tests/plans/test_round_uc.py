"""Round uc (issue 10, session 14): figures of reviews in texts that also look ahead.

Sentences written for these tests (no gold quote); the conventions are in tests/plans/gold/README.md, "Round uc
(issue 10, session 14)".
"""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _targets(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


_LEAD = "某县召开新闻发布会，介绍全县生态环境保护工作情况。\n\n"
_SINCE = "“十四五”以来，某县扎实推进污染防治，圆满完成各项目标任务。\n\n"
_DONE = ("空气质量持续向好\n\n五年来，全县空气质量持续改善。\n\n深入打好蓝天保卫战。关停退出砖瓦企业8家，提升改造工业炉窑120家，"
         "新增绩效引领性企业60家。全县空气质量优良天数比率较“十三五”增长12.5%，PM2.5平均浓度下降21%。")
_AHEAD = "\n\n下一步，全县将持续推进治气，到2027年，PM2.5平均浓度降至30微克/立方米。"


# --- a review opening on the years since a plan period began ------------------------------------------------------


def test_a_review_since_a_period_began_reports_whatever_the_period_end() -> None:
    # “十四五”以来 counts from the period's start up to now: its figures are done, though the period is not over
    assert _targets(_LEAD + _SINCE + _DONE + _AHEAD) == [(2027, 30.0, "微克/立方米")]


def test_a_first_sentence_since_a_period_that_turns_ahead_keeps_its_goal() -> None:
    # (the look-alike: the sentence naming the years since goes on to 将 … 到2027年)
    assert _targets("“十四五”以来，全县将加快造林绿化，到2027年森林覆盖率达到65%。") == [(2027, 65.0, "%")]


def test_the_same_work_without_the_review_opening_is_read_as_before() -> None:
    # (nothing but the opening paragraph decides: the same items after a lead only are read as main reads them)
    assert (None, 120.0, "家") in _targets(_LEAD + _DONE)


# --- a goal named only to be judged ------------------------------------------------------------------------------


def test_figures_after_goals_told_as_met_report() -> None:
    # 主要目标任务圆满完成，诸如：… — the goal word judges a year's plan; the list after it is how that year went
    text = ("某国2027年经济增长预期目标设定为5%左右\n\n总理在作政府工作报告时表示，2026年经济社会发展主要目标任务圆满完成，"
            "诸如：国内生产总值增长5.3%；城镇新增就业1250万人；粮食产量1.41万亿斤。\n\n"
            "今年发展主要预期目标：国内生产总值增长5%左右；城镇新增就业1200万人以上。")
    found = _targets(text)
    assert (2027, 1250.0, "万人") not in found and (2027, 1.41, "万亿斤") not in found
    assert (2027, 1200.0, "万人") in found


def test_goals_announced_for_a_year_stay_goals() -> None:
    # (the look-alike: 主要目标任务是：… sets the year's goals)
    assert _targets("2026年，全市经济社会发展的主要目标任务是：地区生产总值增长6%；城镇新增就业5万人。") == [
        (2026, 6.0, "%"), (2026, 5.0, "万人")]


def test_a_goal_to_be_met_ahead_stays_a_goal() -> None:
    # (确保完成省下达的目标任务 looks ahead: 确保 is intent, the goal is not judged)
    assert _targets("到2027年，全市PM2.5平均浓度下降10%，确保完成省下达的目标任务；优良天数比率达到85%。") == [
        (2027, 10.0, "%"), (2027, 85.0, "%")]


def test_a_goal_told_as_missed_is_no_target() -> None:
    # 未达到…70%的目标值: the goal is named to say it was missed
    text = ("某县细颗粒物红色预警日数减少到9日，改善62%，但未达到空气污染防治方案制定改善70%的目标值。\n\n"
            "下一步，全县将力争到2027年，优良天数比率达到85%。")
    assert _targets(text) == [(2027, 85.0, "%")]


def test_a_goal_value_not_judged_keeps_its_marker() -> None:
    # (the look-alike: the same goal set, no verdict on it)
    text = "某县空气污染防治方案制定改善70%的目标值。\n\n下一步，全县将力争到2027年，优良天数比率达到85%。"
    assert _targets(text) == [(None, 70.0, "%"), (2027, 85.0, "%")]


def test_a_year_whose_goals_are_told_as_met_is_over() -> None:
    # 2026年，…目标任务全部完成，…下降3.2%: that year was over when the text was written (2027年，…将…)
    text = ("2026年，全市节能目标任务全部完成，单位地区生产总值能耗下降3.2%；城镇新增就业5万人。\n\n"
            "2027年，全市将继续推进节能，单位地区生产总值能耗下降3%。")
    assert _targets(text) == [(2027, 3.0, "%")]


# --- a year looked back on ---------------------------------------------------------------------------------------


def test_a_year_a_report_looks_back_on_is_over() -> None:
    # 报告在回顾2026年工作时称，…: the year reviewed was over when the report was given; its figures are done
    text = ("1月5日，某县人大会议开幕，代县长作政府工作报告。\n某县人大会议开幕。某县委宣传部供图\n"
            "报告在回顾2026年工作时称，这一年全县全力拼经济，成功晋级全省前十。\n"
            "2026年，全县发展动能更加强劲。某车企整车产量45万辆，下塘镇新增城镇开发边界1.1万亩，重点项目从洽谈到开工用时50天。")
    assert _targets(text) == []


def test_the_next_years_goals_after_a_years_review_stay() -> None:
    # (the look-alike: 2026年工作回顾 then 2027年主要目标 — the goals of the year after the one reviewed)
    text = ("一、2026年工作回顾\n全县城镇新增就业1.2万人，地区生产总值增长6.5%。\n"
            "二、2027年主要目标\n地区生产总值增长7%左右，城镇新增就业1.3万人。")
    assert _targets(text) == [(2027, 7.0, "%"), (2027, 1.3, "万人")]


# --- work told as carried out ------------------------------------------------------------------------------------


def test_a_project_told_as_carried_out_reports_its_work() -> None:
    # 组织实施了…项目 (实施了, 开展了: the aspect of done) — the work after it in the paragraph is what was done
    text = ("按照省农业农村厅印发的《2026年节水增效项目实施方案》要求，某县组织实施了2026年农田节水增效项目，推广喷灌技术。"
            "全县完成田间试验8个，农户用水调查150户；建设节水示范片6个，辐射带动3万亩以上。")
    assert _targets(text) == []


def test_a_project_to_be_carried_out_keeps_its_work() -> None:
    # (the look-alike: 将组织实施 — the same work ahead)
    text = ("按照省农业农村厅印发的《2026年节水增效项目实施方案》要求，某县将组织实施2026年农田节水增效项目，推广喷灌技术。"
            "全县完成田间试验8个，农户用水调查150户；建设节水示范片6个，辐射带动3万亩以上。")
    assert [v for _, v, _ in _targets(text)] == [8.0, 150.0, 6.0, 3.0]


# --- the share of a plan completed -------------------------------------------------------------------------------


def test_the_share_of_a_years_planned_investment_completed_reports() -> None:
    # 占年计划投资的60%: how far the year's plan has come, told mid-year — progress, not a goal
    text = ("2026年某区重点项目共120项，年度计划投资80亿元，1-6月累计完成投资45亿元，占年计划投资的56.3%，其中：续建项目60项，"
            "1-6月累计完成投资30亿元，占年计划投资的61.2%；计划新开工项目30项，年度计划投资20亿元，1-6月累计完成投资12亿元，"
            "占年计划投资的60%；预备项目15项。")
    assert (None, 60.0, "%") not in _targets(text)


def test_a_share_of_planned_investment_aimed_at_stays_a_goal() -> None:
    # (the look-alike: 力争…占年度计划投资的比重达到80%以上 — the share is the goal's measure)
    assert _targets("某区重点项目共120项。力争产业项目投资占年度计划投资的比重达到80%以上。") == [(None, 80.0, "%")]
