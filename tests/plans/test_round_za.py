"""Round za (issue 10, session 15): a county's year list of 民生实事 as its lead writes it — the list's size said before
its name (2025年全县实施12项民生实事，具体如下：) is no target of its own, and the lead still dates the items under it.
Texts written for the test, never a quote of a set, each with the look-alike that stays as it is (a count of works right
before a facility's name, a list with no year anywhere)."""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> set[tuple[int | None, float | None, str | None]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


# --- a lead giving the list's size before its name dates the items, its size is no target ---------------------------

@pytest.mark.parametrize("text, expected", [
    ("经县政府研究，2025年全县实施12项民生实事，具体安排如下：\n\n1.新建幼儿园3所。\n\n2.改造农村公路45公里。",
     {(2025, 3.0, "所"), (2025, 45.0, "公里")}),
    ("2026年我区共安排8大类20个为民办实事项目，具体如下：\n一、新增普惠托位300个\n二、改造老旧小区12个",
     {(2026, 300.0, "个"), (2026, 12.0, "个")}),
    ("2024年全市确定16件重点民生实事，分别是：\n（一）新增城镇就业1.2万人；\n（二）新建公办幼儿园6所。",
     {(2024, 1.2, "万人"), (2024, 6.0, "所")}),
    ("2023年镇政府办好16項為民辦實事项目\n1.建设村级养老服务站5个\n2.铺设供水管网18公里",
     {(2023, 5.0, "个"), (2023, 18.0, "公里")}),
    ("2025年度市本级实施15项惠民实事项目，主要内容如下。\n1．新增停车泊位800个。",
     {(2025, 800.0, "个")}),
    ("2026年度全县共推出十大类30件民生实事：\n1.为65岁以上老人免费体检2万人次",
     {(2026, 2.0, "万人次")}),
    ("2024年全區實施18項民生實事，具體如下：\n1.新建公辦幼兒園4所。",
     {(2024, 4.0, "所")}),
])
def test_a_lead_counting_the_list_dates_its_items(text: str, expected: set) -> None:
    keys = _keys(text)
    assert expected <= keys
    assert not {k for k in keys if k[1] in (12.0, 20.0, 16.0, 15.0, 30.0, 18.0) and k[2] in ("项", "个", "件")
                and k not in expected}


@pytest.mark.parametrize("text, size", [
    ("今年，该县将实施43件为民办实事项目，涉及教育、医疗、养老等领域。", 43.0),
    ("2026年，县里将确定实施15项民生实事项目。", 15.0),
    ("2026年全市将实施20项市级民生实事，确保年内全部完成。", 20.0),
    ("2024年全縣將實施18件民生實事項目，涉及教育等領域。", 18.0),
])
def test_the_lists_size_before_its_name_is_no_target(text: str, size: float) -> None:
    assert not {k for k in _keys(text) if k[1] == size}


# --- what stays as it is ------------------------------------------------------------------------------------------------

def test_a_count_before_a_facility_stays_a_target() -> None:
    # 新增3个社区食堂: a count of works, not of projects
    assert (2025, 3.0, "个") in _keys("2025年民生实事项目如下：\n1.新增3个社区食堂。")


def test_a_list_with_no_year_stays_undated() -> None:
    keys = _keys("全县实施12项民生实事，具体安排如下：\n\n1.新建幼儿园3所。")
    assert not {k for k in keys if k[0] is not None}


# --- a news lead naming the year's list in 《》, then 今年 and its 其中 parts ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("记者日前从区政府获悉，《朝阳区2025年民生实事项目》正式发布。今年共涉及教育、养老等8个领域。其中，今年全区将新建公办幼儿园5所，"
     "新增托位600个。", {(2025, 5.0, "所"), (2025, 600.0, "个")}),
    ("《某县2024年为民办实事项目》日前印发。其中，今年县里将改造农村危房120户。", {(2024, 120.0, "户")}),
    ("本报讯 据了解，《2026年全市十件民生实事》出炉。实事覆盖就业、教育、医疗等方面。其中，今年将新增停车位2000个。",
     {(2026, 2000.0, "个")}),
    ("《城关镇2025年度民生实事》已经公布。今年，全镇计划硬化村道30公里。", {(2025, 30.0, "公里")}),
    ("记者从市政府获悉，《2024年重点民生实事项目》公布。项目涵盖12个方面。其中，年内将建成社区食堂15个。",
     {(2024, 15.0, "个")}),
    ("據悉，《新區2026年民生實事項目》正式發布。其中，今年將新增學位3000個。", {(2026, 3000.0, "个")}),
])
def test_a_news_lead_naming_the_years_list_dates_its_todo(text: str, expected: set) -> None:
    assert expected <= _keys(text)


def test_a_plan_named_in_brackets_stays_no_years_plan() -> None:
    # 《…规划》 before a year: a multi-year plan's milestone, not the text's own year (kept from round sh)
    keys = _keys("《某市“十五五”规划》提出，2027年主要目标是新建学校20所。今年将新增学位500个。")
    assert not {k for k in keys if k[1] == 500.0 and k[0] == 2027}


def test_a_breakdown_after_a_report_stays_a_report() -> None:
    # 其中 after figures told, with no year ahead of its own: it breaks the figures down (kept)
    keys = _keys("记者获悉，去年全区共建成保障房3000套。其中，公租房1200套。")
    assert not {k for k in keys if k[1] == 1200.0}


# --- an age before the people a work serves is whom it serves, not a target ---------------------------------------------

@pytest.mark.parametrize("text, age", [
    ("2026年新增2至3岁幼儿托位100个。", 3.0),
    ("2025年为0~6岁儿童开展视力筛查1万人次。", 6.0),
    ("2025年为35-64岁妇女免费开展两癌筛查2万人。", 64.0),
    ("2025年改造0至3岁婴幼儿照护站点15个。", 3.0),
    ("2026年為6至12歲兒童免費接種疫苗3萬劑。", 12.0),
    ("2026年，新增0到3岁婴幼儿托位800个，普惠托位占比60%。", 3.0),
    ("2024年新增45—60岁女性健康小屋30个。", 60.0),
])
def test_an_age_before_people_is_no_target(text: str, age: float) -> None:
    assert not {k for k in _keys(text) if k[1] == age and k[2] == "岁"}


def test_an_age_reached_stays_a_target() -> None:
    assert (2026, 80.0, "岁") in _keys("2026年全市人均预期寿命达到80岁。")


# --- a service to people: its count of people served is the task's amount ----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2025年培训养老护理人员3000人次。", (2025, 3000.0, "人次")),
    ("2026年，全县培训新型职业农民800人。", (2026, 800.0, "人")),
    ("2024年培训高素质农民和农村实用人才1.5万人次。", (2024, 1.5, "万人次")),
    ("2025年筛查适龄妇女宫颈癌2万人。", (2025, 2.0, "万人")),
    ("2026年筛查高危人群肺癌8000人。", (2026, 8000.0, "人")),
    ("2024年接种老年人肺炎疫苗1.2万人。", (2024, 1.2, "万人")),
    ("2025年接种重点人群流感疫苗5万人次。", (2025, 5.0, "万人次")),
    ("2026年培訓家政服務員2000人次。", (2026, 2000.0, "人次")),
])
def test_a_services_people_served_is_its_amount(text: str, expected: tuple) -> None:
    assert expected in _keys(text)


def test_a_trainings_rate_or_fee_stays_as_it_was() -> None:
    # 筛查率 is a rate of its own, not the verb's amount; 培训费 a cost
    keys = _keys("2025年全县新生儿疾病筛查率达到98%，培训费500万元。")
    assert (2025, 98.0, "%") in keys
