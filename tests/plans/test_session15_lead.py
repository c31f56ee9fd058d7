"""Lead fixes of session 15 (issue 10): an amount closing a clause of a goal is read whatever its verb.

Sentences written for these tests (no gold quote); the reading is described in tests/plans/gold/README.md, "Session
15".
"""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _targets(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


@pytest.mark.parametrize(("text", "expected"), [
    # verbs no lexicon of the extractor lists: 化解, 压缩, 投放, 发布
    ("到2028年，全市力争化解过剩焦化产能150万吨。", [(2028, 150.0, "万吨")]),
    ("到2027年，压缩平板玻璃产能800万重量箱以上。", [(2027, 800.0, "万重量箱")]),
    ("力争到2029年投放共享电单车1.2万辆。", [(2029, 1.2, "万辆")]),
    ("确保2027年底前发布团体标准15项以上。", [(2027, 15.0, "项")]),
])
def test_an_amount_closing_a_goal_clause_is_read_whatever_its_verb(
        text: str, expected: list[tuple[int | None, float | None, str | None]]) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize("text", [
    # what was done, between the goal's marker and the amount
    "全市将建成充电站50座，目前已投放共享电单车8000辆。",
    # the plan's own parts, money, a rule's share, a shortfall
    "到2027年，共设置主要指标21项，其中约束性指标9项。",
    "每年将从排污费中拨款3亿元。",
    "将按年度验收合格面积的30%，对区县给予奖励。",
    "企业清洁运输比例达不到70%部分，要采用新能源车辆。",
])
def test_no_amount_is_read_where_the_clause_tells_no_goal(text: str) -> None:
    assert all(v not in (8000.0, 21.0, 9.0, 3.0, 30.0, 70.0) for _, v, _ in _targets(text))


# --- a hard wrap right after an amount inside a line of prose ---------------------------------------------------------


def test_a_wrap_after_a_count_or_before_its_predicate_joins_the_lines() -> None:
    from cocontrol.plans.normalise import normalise

    # a page wrapped every ~30 characters: the count's noun (…共有3个|省级园区…) and the amount's predicate
    # (…约120万吨|得到利用…) go on on the next line
    text = ("全市推进工业固体废物综合利用，统筹布局利用处置设施，全市共有3个\n"
            "省级园区开展循环化改造，年产生工业固废约240万吨，其中约120万吨\n"
            "得到综合利用，尚有部分堆存固废没有进行无害化处置，需要加快推进。\n"
            "到2027年，全市工业固体废物综合利用率达到60%以上，新建利用项目\n"
            "5个，全市危险废物规范化管理达标率保持在95%以上，确保安全处置。\n")
    joined = normalise(text).text
    assert "3个省级园区" in joined and "120万吨得到综合利用" in joined
    # a line that ends a whole amount with its bound word stays its own item
    listed = "到2027年主要目标：\n综合利用率达到60%以上\n新建利用项目5个\n达标率保持在95%以上\n"
    assert normalise(listed).text == listed


def test_a_title_wrapped_over_three_lines_and_a_half_width_stop_keep_their_lines() -> None:
    from cocontrol.plans.normalise import normalise

    # a page wrapped every 24 characters: its headline wrapped inside its amount (…将达到300|个) is one line; a body
    # written with half-width marks whose line ends on a full stop (…基本得到控制|.) ends its sentence there
    paragraphs = ("近年来,全省水土流失面积持续减少,水土保持率稳步提高,各地监测能力明显增强,水土流失基本得到控制.",
                  "2025年,全省出台监测站网建设方案,对监测站点布局作出安排,明确建设和运行维护责任,为监测工作提供保障.",
                  "到2027年,全省水土保持监测站点将达到300个,实现重点区域监测全覆盖,监测数据按时报送,服务水土保持决策.")
    body = "\n".join("\n".join(p[i : i + 24] for i in range(0, len(p), 24)) for p in paragraphs)
    text = "省水利厅:全省国控水土保持自动化监测\n站点将达到300\n个\n\n" + body + "\n"
    joined = normalise(text).text
    assert joined.startswith("省水利厅:全省国控水土保持自动化监测站点将达到300")  # (300|个 is read across its break)
    assert "基本得到控制.\n2025年" in joined and "提供保障.\n到2027年" in joined
