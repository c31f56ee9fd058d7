"""Lead's fixes of session 17 (issue 10): an amount followed by a range word (以内, 之内, 以下, 以上, 范围) or spelling out a
quoted name after 即 sets no amount of work in a plan's voice (the seed 001's “135”行动，即1公里内步行, read after round ba),
while an amount opening the noun of its work still does; a 【】 subheading and the paragraph restating it are one target
whatever commas the page writes; a title line closed by a half-width bracket of years names the plan's period."""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


@pytest.mark.parametrize("text", [
    "构建绿色出行体系，倡导市民践行“1-3-5”出行方式，即2公里以内步行、4公里以内骑行、6公里左右乘坐公交。",
    "推进慢行系统建设。鼓励市民1公里之内步行出行，3公里以内选择共享单车。",
])
def test_a_distance_range_in_a_plans_voice_is_no_goal(text):
    assert [t.value for t in extract_plan(text).targets] == []


def test_the_work_amount_beside_it_still_is():
    doc = extract_plan("完善城乡供水网络。新铺供水管道120公里，改造农村3200户分散供热设施。")
    assert sorted((t.value, t.unit) for t in doc.targets) == [(120.0, "公里"), (3200.0, "户")]


def test_a_quoted_name_spelled_out_after_即_sets_no_amount():
    text = "完善城市慢行系统，鼓励市民践行“246”绿色出行，即2公里内步行、4公里内骑行、6公里内乘坐公交。"
    assert extract_plan(text).targets == []


def test_a_bracketed_headline_and_its_body_are_one_target_whatever_the_commas():
    """A news subheading in 【】 restates the goal its paragraph states: one target, whether the page writes , or ，."""
    head = "【全市旅游总收入超过900亿元】\n\n"
    for comma in (",", "，"):
        body = f"围绕文旅融合方面{comma}《规划》提出{comma}“十四五”时期{comma}全市旅游总收入要超过900亿元{comma}接待游客增长5%以上。"
        found = [t for t in extract_plan("“十四五”某市旅游规划出台\n\n" + head + body).targets if t.value == 900]
        assert len(found) == 1, comma


def test_a_title_with_its_years_in_half_width_brackets_names_the_period():
    for open_, close in (("(", ")"), ("（", "）")):
        text = f"某市人民政府\n某市打赢蓝天保卫战三年行动实施方案{open_}2018-2020年{close}\n一、工作目标\n经过3年努力，全市空气质量优良天数比率达到80%以上。"
        doc = extract_plan(text)
        assert doc.plan.horizon == (2018, 2020), open_
        assert [(t.year, t.value) for t in doc.targets] == [(2020, 80.0)], open_
