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
