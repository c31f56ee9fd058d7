"""Round va (issue 10, session 14): the one year of work a text speaks of ahead dates its undated goals.

Sentences written for these tests (no gold quote): other bureaus' phrasings of one year's work — the year
mid-sentence after a speaker, framed mid-sentence, after the subject, with 的, in a heading, as a deadline opening
a clause, in 繁体, with the year before told first — and the look-alikes that stay undated."""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan, intent_year_only
from cocontrol.plans.normalise import normalise

ONE_YEAR = [
    # the year after a speaker, mid-sentence, with intent (no comma after the year)
    ("区政府工作报告提出，2025年全区将新建口袋公园12个。\n年内完成老旧小区改造30个，新增停车泊位800个。", 2025, 800),
    # the year framed mid-sentence, after 指出，, and no 今年/全年 word: 是…关键一年 frames it
    ("会议指出，2024年是巩固提升的关键一年。\n全县要完成造林1.2万亩，森林覆盖率达到45%以上。", 2024, 1.2),
    # the year after the subject, with 计划
    ("全市2025年计划新建城市绿道50公里。\n年内新增城市公园8个，改造供水管网35公里。", 2025, 8),
    # the year with 的 and a goal word
    ("2026年的主要任务是：推进城市更新。\n新建保障性住房1200套；全年改造燃气管网60公里。", 2026, 1200),
    # a heading instead of a clause (its number before the year)
    ("二、2025年，全县将重点抓好以下工作\n新增城镇就业1.5万人，新建污水管网20公里。", 2025, 20),
    # a deadline opening a clause (no 前, no 到) and the year's words
    ("至年底，全镇完成农村改厕800户。\n2023年底，建成污水管网40公里；新增绿地15公顷。", 2023, 15),
    # 繁体, the year after 確定了
    ("市政府工作報告確定了2024年將籌措資金30億元。\n全年新建幼兒園12所，新增學位3600個以上。", 2024, 3600),
    # the year before told first (a work report), then the year of work
    ("2024年，全县完成造林2万亩。\n2025年，全县要新增造林2.5万亩。\n年内建成森林乡村6个，新建林道40公里。", 2025, 40),
    # a base (较2023年) is no year of the text's
    ("今年，全市将较2023年多建安置房1000套。\n2024年，全市计划新建停车泊位5000个，新增公交线路10条。", 2024, 10),
]


@pytest.mark.parametrize(("text", "year", "value"), ONE_YEAR)
def test_the_one_year_of_work_dates_the_undated_goals(text: str, year: int, value: float) -> None:
    assert intent_year_only(normalise(text).text) == year
    got = [t for t in extract_plan(text).targets if abs(t.value - value) < 1e-9]
    assert got and all(t.year == year for t in got)


STAYS = [
    # a review of the year: 2024年，全市完成… tells it
    "2024年，全市完成造林3万亩，全年新增绿地120公顷。",
    # a multi-year plan with a milestone: two years ahead
    "2025年，全市将新建公园10座。\n到2027年，全市公园总数达到150座，新增绿道80公里。",
    # a later deadline only (到2030年): no year of work named
    "今年，全市将新建充电桩500个。\n到2030年，全市建成充电桩1万个。",
    # a year's work summed up beside the next year's plan
    "2024年工作总结及2025年工作计划\n2025年，全局要新建监测站点6个，完成执法检查300家。",
    # figures told before the year is named review the year gone
    "全区地区生产总值达到820亿元，较上年增长6%。\n2026年是开局之年，全区要新增市场主体3000户。",
    # the year's progress so far (今年以来) told in that year: a progress report
    "今年以来，全市新开工项目120个。\n2024年计划实施建设项目200项，新建道路30公里。",
    # a long-term goal's year named after 目标 (as 到2030年)
    "全省设立目标：2030年，要新增森林碳汇100万吨。\n今年共有22家企业参与，完成25个项目。",
    # a page date only
    "发布时间：2024年3月5日\n新建公园10座，新增绿道80公里。",
]


@pytest.mark.parametrize("text", STAYS)
def test_look_alikes_name_no_year_of_work(text: str) -> None:
    assert intent_year_only(normalise(text).text) is None
