"""Round wb (issue 10, session 14): a year's goals told as set (敲定, 确定, 下达, 出炉 …) date the figures after them.

Sentences written for these tests (no gold quote): other bureaus' phrasings of a news lead that a meeting or a bureau has
set a year's goals — other verbs of setting, with 的 and without, 年度, 目标任务/主要指标/工作目标, the figures in the next
sentence or after a comma of the same one, under a 方面 heading, in 繁体 — and the look-alikes that stay as they are (goals
told as met, 完成/实现, are a report)."""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan

GOALS_SET = [
    ("2021年全市节水工作的主要目标已确定。城市再生水利用率达到20%。", 2021, 20),
    ("2022年垃圾分类工作目标任务已经下达。全区新建分类投放点120个。", 2022, 120),
    ("2019年全区生活垃圾治理工作目标已经公布。生活垃圾无害化处理率达到95%以上。", 2019, 95),
    # the figures after a comma of the same sentence
    ("2023年土壤污染防治工作目标已敲定，受污染耕地安全利用率达到93%。", 2023, 93),
    ("2021年全省固废处置的主要指标已经确定了。一般工业固体废物综合利用率达到80%。", 2021, 80),
    # 繁体
    ("2020年城區排水工作的主要目標已經敲定。城市污水處理率達到97%。", 2020, 97),
    # goals and tasks, two figures in one sentence
    ("2022年供水工作的主要目标和任务已经明确。新建供水管网45公里，供水普及率保持100%。", 2022, 45),
    # 定下来, a 方面 heading before the figure
    ("2018年全市治水工作目标已经定下来。供水方面，新增供水能力5万吨/日。", 2018, 5),
]


@pytest.mark.parametrize(("text", "year", "value"), GOALS_SET)
def test_goals_told_as_set_date_the_figures_after(text: str, year: int, value: float) -> None:
    found = [(t.year, t.value) for t in extract_plan(text).targets]
    assert (year, value) in found, found


NOT_SET = [
    # goals told as met: a report, whatever the year
    "2020年全市供排水工作的主要目标已经完成。城市污水处理率达到97%。",
    "2020年供排水工作的主要目标已经实现，城市污水处理率达到97%。",
]


@pytest.mark.parametrize("text", NOT_SET)
def test_goals_told_as_met_stay_a_report(text: str) -> None:
    assert extract_plan(text).targets == []


# the verbs of surveying and clearing a network or a river (排查, 检测, 普查, 摸排, 巡查, 清淤, 疏浚): their object's length
# or count is the work, as 铺设/改造 take theirs
SURVEY_WORKS = [
    ("到2025年，全市排查入河排污口300个。", 2025, 300),
    ("2025年至2026年全省排查城镇污水管网1500公里以上。", 2026, 1500),
    ("到2026年，检测排水管道500公里，并同步推进整改修复。", 2026, 500),
    ("到2025年底，清淤河道120公里，疏浚排水管网300公里。", 2025, 300),
    ("到2027年，全县巡查河湖岸线260公里。", 2027, 260),
    ("到2025年，全市檢測排水管網500公里。", 2025, 500),
    ("今年计划普查雨水管线800公里。", None, 800),
    ("力争年内摸排农村黑臭水体120处。", None, 120),
]


@pytest.mark.parametrize(("text", "year", "value"), SURVEY_WORKS)
def test_survey_verbs_take_their_amount(text: str, year: int | None, value: float) -> None:
    found = [(t.year, t.value) for t in extract_plan(text).targets]
    assert (year, value) in found, found


def test_survey_of_a_year_gone_stays_a_report() -> None:
    assert extract_plan("2023年，全市排查污水管网1200公里，发现问题点位300处。").targets == []


# a year opening a news lead after its dateline (本报讯(记者…), 新华社某地某日电（…）, 某网某日消息(…)) scopes the pieces
# after ； as a year opening the paragraph does
DATELINE_YEAR = [
    ("本报讯(记者 张某 通讯员 李某 王某) 2021年,全市计划新建污水管网40公里;改造雨污混接点200处。", 2021, 200),
    ("新华社杭州3月2日电（记者王某）2026年，全省将新增垃圾分类示范片区50个；建成再生资源回收站点300个。", 2026, 300),
    ("本报讯 2026年，全区计划完成土壤修复地块12个；新增绿地30公顷。", 2026, 30),
    ("本報訊(記者 陳某) 2021年,全市計劃新建污水管網40公里;改造雨污混接點200處。", 2021, 200),
    ("本报讯（通讯员 刘某 记者 赵某）2022年，我市将新建公共厕所60座；完成河道清淤80公里。", 2022, 80),
    ("中新网5月8日电 (记者 孙某) 2025年，全市力争新建充电桩2000个；更新公交车300辆。", 2025, 300),
    ("央广网北京1月3日消息(记者 周某) 2026年，全市将新建口袋公园40个；改造老旧供水管网90公里。", 2026, 90),
    ("本报讯（记者 吴某 通讯员 郑某 钱某）2027年底，全县新建污水管网25公里；新增处理能力2万吨/日。", 2027, 2),
]


@pytest.mark.parametrize(("text", "year", "value"), DATELINE_YEAR)
def test_year_after_a_dateline_scopes_the_lead(text: str, year: int, value: float) -> None:
    found = [(t.year, t.value) for t in extract_plan(text).targets]
    assert (year, value) in found, found


def test_year_gone_after_a_dateline_stays_a_report() -> None:
    assert extract_plan("本报讯(记者 张某) 2023年,全市新建污水管网40公里;改造雨污混接点200处。").targets == []


# a concentration with μ typed as u or as the micro sign µ, in every form of the unit
MICRO_TYPED = [
    ("到2025年，全省设区城市PM2.5平均浓度达到25ug/m³。", "ug/m³", 25),
    ("2026年，全市PM2.5年均浓度控制在28ug/m³以内。", "ug/m³", 28),
    ("到2027年，地表水总磷浓度降至0.5ug/L。", "ug/L", 0.5),
    ("到2027年，饮用水中某物质浓度不超过0.5µg/L。", "µg/L", 0.5),
    ("力争2026年细颗粒物浓度下降到30 ug/m³。", "ug/m³", 30),
    ("到2025年，臭氧浓度控制在160ug/m³以下。", "ug/m³", 160),
]


@pytest.mark.parametrize(("text", "unit", "value"), MICRO_TYPED)
def test_micro_typed_as_u_is_a_concentration(text: str, unit: str, value: float) -> None:
    found = [(t.value, t.unit) for t in extract_plan(text).targets]
    assert (value, unit) in found, found


def test_micro_sign_unit_unchanged() -> None:
    found = [(t.value, t.unit) for t in extract_plan("到2025年，PM2.5平均浓度降至30μg/m³。").targets]
    assert found == [(30, "μg/m³")]


# 今年 in a text read alone that names a year's plan as issued, with 的 before its name (印发的《X年…方案》): that year
ANNUAL_NAMED = [
    ("根据近日印发的《2024年全市水污染防治工作方案》，今年将新建污水管网50公里。", 2024, 50),
    ("按照市政府出台的《2025年大气污染防治行动计划》，今年全市淘汰老旧车辆3000辆。", 2025, 3000),
    ("据省生态环境厅发布的《2024年土壤污染防治工作要点》，今年完成受污染地块调查40块。", 2024, 40),
    ("依據日前印發的《2024年全市水污染防治工作方案》，今年將新建污水管網50公里。", 2024, 50),
    ("省里下达的《2023年度农村人居环境整治实施方案》要求，全县今年完成改厕1200户。", 2023, 1200),
    ("区里日前印发的《2023年城乡环境整治工作计划》，今年全区新建垃圾中转站8座。", 2023, 8),
    ("根据日前发布的《2025年全县水土保持工作要点》，今年治理水土流失面积12平方公里。", 2025, 12),
    ("根据印发的《2022年节水工作方案》，今年全市新增节水型小区30个。", 2022, 30),
]


@pytest.mark.parametrize(("text", "year", "value"), ANNUAL_NAMED)
def test_this_year_is_the_year_of_the_plan_named_as_issued(text: str, year: int, value: float) -> None:
    found = [(t.year, t.value) for t in extract_plan(text).targets]
    assert (year, value) in found, found


@pytest.mark.parametrize("text", ["根据印发的《2021—2025年全市水污染防治规划》，今年将新建污水管网50公里。",
                                  "根据印发的《2030年前碳达峰实施方案》，今年将新建充电桩500个。"])
def test_a_period_or_a_deadline_named_dates_no_this_year(text: str) -> None:
    assert [t.year for t in extract_plan(text).targets] == [None]
