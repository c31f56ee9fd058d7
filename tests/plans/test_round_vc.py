"""Round vc (issue 10, session 14): reports that review one year and plan the next.

Sentences written for these tests (no gold quote); the convention is in tests/plans/gold/README.md, "Round vc
(issue 10, session 14)".
"""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _targets(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


# --- a year's plan told as carried out names the year the text reviews --------------------------------------------

_TOLD = "2025年，全县上下克难攻坚，经济运行稳中有进。全年地区生产总值增长6.2%，一般公共预算收入增长4.1%。"
_AHEAD = "\n\n2026年，全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%以上。"


@pytest.mark.parametrize("title", [
    # a 计划 report's title, as a news item quotes it
    "县人大会议上发布的《关于某县2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划草案的报告》显示，",
    # the same with 及 and no 国民经济 words
    "县人大会议审议的《关于某县2025年计划执行情况及2026年计划草案的报告》指出，",
    # a heading line of its own
    "一、2025年国民经济和社会发展计划执行情况\n\n",
    # 繁体, 暨
    "縣人大會議上發布的《關於某縣2025年國民經濟和社會發展計劃執行情況暨2026年計劃草案的報告》顯示，",
    # a year's goals and tasks told as done (完成情况) before next year's arrangements
    "某县2025年度目标任务完成情况和2026年工作安排\n\n",
    # the year's work told as carried out (落实情况), a colon after it
    "2025年重点工作落实情况：\n\n",
    # a bureau's review and plan (总结 … 计划)
    "某县发改局2025年工作总结和2026年工作计划\n\n",
    # 实施情况 with 的报告 closing it
    "关于某县2025年国民经济和社会发展计划实施情况的报告\n\n",
])
def test_the_year_a_plan_report_tells_as_carried_out_reports(title: str) -> None:
    found = _targets(title + _TOLD + _AHEAD)
    assert not any(v in (6.2, 4.1) for _, v, _ in found)
    # (recall: the goals of the year ahead stay, whatever opened the text)
    assert (2026, 6.0, "%") in found and (2026, 5.0, "%") in found


def test_a_plan_that_will_check_a_year_s_goals_keeps_them() -> None:
    # (the look-alike: 将2024年目标完成情况纳入考核 is a plan's own check to come, no year told as done)
    text = ("某县2024年大气污染防治工作方案\n\n2024年，全县PM2.5平均浓度下降到32微克/立方米以下，优良天数比率达到85%。"
            "各乡镇要将2024年目标完成情况纳入年度考核。")
    found = _targets(text)
    assert (2024, 32.0, "微克/立方米") in found and (2024, 85.0, "%") in found


def test_goals_stated_with_reaching_verbs_stay_goals_after_the_review() -> None:
    # 达到/实现/完成 in the plan half are the year's own goals
    text = ("一、2023年计划执行情况\n\n2023年，全市完成造林1.2万亩，森林覆盖率达到41.5%。\n\n"
            "二、2024年主要目标\n\n2024年，全市完成造林1.5万亩，森林覆盖率达到42%，实现城镇新增就业2万人。")
    found = _targets(text)
    assert (2024, 1.5, "万亩") in found and (2024, 42.0, "%") in found and (2024, 2.0, "万人") in found
    assert not any(v in (1.2, 41.5) for _, v, _ in found)


# --- a numbered list restarted inside a review section --------------------------------------------------------------


def test_a_list_restarted_inside_a_review_section_reports() -> None:
    # 一、…执行情况 | 表 | 一、经济发展 | 1.… : a 一、 under 一、 is a table's row group inside the review, not a new section
    text = ("某区2024年国民经济和社会发展计划\n\n一、2023年计划执行情况\n\n2023年，全区经济稳中向好。\n\n"
            "表1 2023年主要指标完成情况\n\n一、经济发展\n\n1.地区生产总值\n\n增长7%左右\n\n增长5.6%\n\n"
            "二、社会民生\n\n2.城镇新增就业\n\n1.2万人\n\n1.35万人\n\n"
            "二、2024年主要预期目标\n\n地区生产总值增长6%左右，城镇新增就业1.3万人。")
    found = _targets(text)
    assert not any(v in (7.0, 5.6, 1.2, 1.35) for _, v, _ in found)
    assert (2024, 6.0, "%") in found and (2024, 1.3, "万人") in found


def test_sections_numbered_in_turn_after_a_review_are_read() -> None:
    # (the look-alike: 一、 then 二、 — no number repeated — the second section is the plan's own)
    text = ("一、2023年工作回顾\n\n2023年，全区城镇新增就业1.1万人。\n\n二、2024年重点任务\n\n"
            "1.稳定就业\n\n2024年，全区城镇新增就业1.2万人以上。")
    found = _targets(text)
    assert (2024, 1.2, "万人") in found and not any(v == 1.1 for _, v, _ in found)


# --- the year just past told whole opens a review ------------------------------------------------------------------

_FIGURES = ("\n\n从全县来看，细颗粒物平均浓度31微克/立方米，超额完成省下达的约束性指标（35微克/立方米）和力争指标（33微克/立方米），"
            "同比下降6.1%；优良天数比率88.5%，森林覆盖率达到46.2%。")
_NEXT = "\n\n下一步，全县将持续推进污染防治，到2027年，细颗粒物平均浓度降至28微克/立方米。"


@pytest.mark.parametrize("opening", [
    "2025年，某县生态环境局扎实推进各项工作。一年来，全县生态环境质量在持续改善的基础上又有新突破。",
    "过去一年，某县生态环境保护工作取得新进展。",
    "这一年，全县林业和生态建设实现新跨越。",
    "过去的一年里，全县空气和水环境质量稳步提升。",
    "一年來，全區水環境質量持續向好，各項工作邁上新台階。",
    "全县空气质量一年来取得新成效，群众满意度明显提高。",
    "一年来全县上下齐心协力，生态环境质量持续改善。",
    "某县生态环境分局2025年度工作综述。过去一年中，全县各项生态环境指标实现新提升。",
])
def test_figures_after_the_year_just_past_told_whole_report(opening: str) -> None:
    found = _targets(opening + _FIGURES + _NEXT)
    assert not any(v in (31.0, 35.0, 33.0, 6.1, 88.5, 46.2) for _, v, _ in found)
    assert (2027, 28.0, "微克/立方米") in found  # (recall: the goal of the paragraph turning ahead stays)


def test_a_year_ahead_hoped_to_bring_a_breakthrough_is_no_review() -> None:
    # (the look-alike: 今后一年 … 力争 … 新突破 looks ahead; the figures after it are goals of the year)
    text = ("2026年某县生态环境保护工作要点\n\n今后一年，全县将力争生态环境质量实现新突破。\n\n"
            "细颗粒物平均浓度控制在30微克/立方米以内，优良天数比率达到88%以上。")
    found = _targets(text)
    assert (2026, 30.0, "微克/立方米") in found and (2026, 88.0, "%") in found


# --- an item that tells its own task done ------------------------------------------------------------------------

_ITEM_LEAD = "某县2019年义务植树情况\n\n按照全县义务植树工作安排，各乡镇扎实开展春季义务植树活动。\n\n"


@pytest.mark.parametrize("item", [
    "二、某镇：义务植树种植云杉8.2万株，1200亩，0.3万人参加。已完成年度任务。",
    "（三）某街道：新建公厕12座，改造农村户厕3600户，均已完成年度目标任务。",
    "三、某乡：完成人工造林3500亩，已超额完成全年任务。",
    "三、某鄉：義務植樹種植雲杉5.6萬株，900畝，已超額完成年度任務。",
    "1.某镇：新建污水管网18公里，年度任务已全部完成。",
    "（二）某林场：完成森林抚育4200亩、补植补造1300亩，年度目标任务全面完成。",
    "四、某社区：栽植行道树2600株，提前完成年度任务。",
    "五、某乡：义务植树4.4万株，全年任务已经完成。",
])
def test_an_item_telling_its_task_done_reports(item: str) -> None:
    found = _targets(_ITEM_LEAD + item)
    assert not any(v in (8.2, 1200.0, 0.3, 12.0, 3600.0, 3500.0, 5.6, 900.0, 18.0, 4200.0, 1300.0, 2600.0, 4.4)
                   for _, v, _ in found), found


def test_an_item_that_is_to_complete_its_task_keeps_its_goal() -> None:
    # (the look-alike: 计划…确保年底前完成年度任务 sets the item's work)
    found = _targets("某县2019年义务植树工作安排\n\n四、某镇：计划义务植树6万株，确保年底前完成年度任务。")
    assert any(v == 6.0 for _, v, _ in found)


def test_an_item_meeting_a_goal_ahead_keeps_it() -> None:
    # (the look-alike: 顺利实现2030年前碳达峰目标 names a goal of the period ahead, not a task told as done)
    found = _targets("某区碳达峰实施方案\n\n（二）主要目标\n\n“十五五”期间，全区单位地区生产总值能耗下降12%，顺利实现2030年前碳达峰目标。")
    assert any(v == 12.0 for _, v, _ in found)


# --- a report saying the year gone -------------------------------------------------------------------------------

_MEETING = "某市第十六届人民代表大会第五次会议开幕，市长作政府工作报告，会议还将审查某市“十五五”规划纲要草案。\n\n"
_THIS_YEAR = "\n\n报告提出，今年全市地区生产总值增长目标为5%左右。"


@pytest.mark.parametrize("told", [
    "报告提出，2025年，全市地区生产总值增长5.6%，一般公共预算收入增长3.2%。",
    "政府工作报告明确，2025年，全市地区生产总值增长5.6%，一般公共预算收入增长3.2%。",
    "報告提出，2025年，全市地區生產總值增長5.6%，一般公共預算收入增長3.2%。",
    "《政府工作报告》提出，2025年，全市地区生产总值增长5.6%，一般公共预算收入增长3.2%。",
    "报告中提出，2025年，全市地区生产总值增长5.6%，一般公共预算收入增长3.2%。",
    "报告提出，2025年，全市地区生产总值达到5600亿元，增长5.6%，一般公共预算收入增长3.2%。",
    "报告提出：2025年，全市实现地区生产总值5600亿元，一般公共预算收入增长3.2%。",
    "市长在报告中提出，2025年，全市城镇调查失业率为4.1%，一般公共预算收入增长3.2%。",
])
def test_a_report_saying_the_year_gone_tells_it(told: str) -> None:
    found = _targets(_MEETING + told + _THIS_YEAR)
    assert not any(v in (5.6, 3.2, 5600.0, 4.1) for _, v, _ in found), found


def test_a_report_saying_the_year_ahead_sets_goals() -> None:
    # (the look-alike: the year of the meeting, said by the report, is the year of its goals)
    found = _targets(_MEETING + "报告提出，2026年，全市地区生产总值增长5%左右，一般公共预算收入增长3%。")
    assert (2026, 5.0, "%") in found and (2026, 3.0, "%") in found


def test_a_paragraph_turning_ahead_ends_a_list_restarted_in_the_review() -> None:
    # 一、…执行情况|一、经济运行|二、社会民生|2026年，全区将…|一、稳增长: the plain paragraph turning ahead ends the review and
    # the list restarted inside it; the list after it is the plan's
    text = ("某区2026年国民经济和社会发展计划\n\n一、2025年计划执行情况\n\n2025年，全区经济稳中向好。\n\n"
            "一、经济运行\n\n全区地区生产总值增长5.6%。\n\n二、社会民生\n\n城镇新增就业1.35万人。\n\n"
            "2026年，全区将坚持稳中求进工作总基调，主要抓好以下工作。\n\n一、稳增长\n\n全区地区生产总值增长5%左右，城镇新增就业1.3万人。")
    assert _targets(text) == [(2026, 5.0, "%"), (2026, 1.3, "万人")]
