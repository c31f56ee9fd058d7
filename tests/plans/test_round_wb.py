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
