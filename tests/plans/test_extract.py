"""extract_plan on the whole seed plans: metadata, indicator table, tasks and 责任单位."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.model import PlanDocument


@pytest.mark.parametrize(
    ("seed_name", "title", "issuer", "doc_number", "date", "region"),
    [
        ("000_622501f90e077414.txt", "威海市减污降碳协同创新试点实施方案", "威海市人民政府",
         "威政字〔2024〕52号", dt.date(2024, 9, 21), "威海市"),
        ("003_98f35a46e05eef23.txt", "淄博市减污降碳协同增效实施方案", None, "淄环发〔2024〕24号",
         dt.date(2024, 5, 7), "淄博市"),
        ("004_ec4efe7686378a5a.txt", "济南市碳达峰工作方案", "济南市人民政府", "济政字〔2023〕36号",
         dt.date(2023, 6, 28), "济南市"),
        ("001_82be295f4d74f1d3.txt", "美丽威海建设规划纲要（2024—2035年）", None, None, None, "威海市"),
    ],
)
def test_plan_metadata(seed_name: str, title: str, issuer: str | None, doc_number: str | None,
                       date: dt.date | None, region: str, seed) -> None:  # type: ignore[no-untyped-def]
    plan = extract_plan(seed(seed_name), source=seed_name).plan
    assert plan.title == title
    if issuer:
        assert plan.issuer == issuer
    assert plan.doc_number == doc_number
    assert plan.date == date
    assert plan.region == region


def test_zibo_issuers_are_the_six_departments(seed) -> None:  # type: ignore[no-untyped-def]
    # 003_98f35a46e05eef23.txt is issued jointly by six bureaus
    plan = extract_plan(seed("003_98f35a46e05eef23.txt")).plan
    assert plan.issuer is not None and len(plan.issuer.split("、")) == 6
    assert plan.issuer.startswith("淄博市生态环境局")


def test_horizons(seed) -> None:  # type: ignore[no-untyped-def]
    # 美丽威海 (2024—2035年) from its title; 荣成 十四五 → 2021–2025 (no date in the text)
    assert extract_plan(seed("001_82be295f4d74f1d3.txt")).plan.horizon == (2024, 2035)
    assert extract_plan(seed("002_f45fb1e62091458f.txt")).plan.horizon == (2021, 2025)


def test_rongcheng_indicator_table(seed) -> None:  # type: ignore[no-untyped-def]
    # 002_f45fb1e62091458f.txt, 专栏1: 2020 baseline, 2025 target, 约束性/预期性, [ ] cumulative,
    # qualitative 完成上级分解任务
    text = seed("002_f45fb1e62091458f.txt")
    doc = extract_plan(text)
    by_name = {t.indicator: t for t in doc.targets if t.binding}
    forest = by_name["森林覆盖率"]
    assert (forest.value, forest.unit, forest.year, forest.relation) == (25.0, "%", 2025, ">=")
    assert (forest.baseline_value, forest.baseline_year, forest.binding) == (24.66, 2020, "约束性")
    nox = by_name["氮氧化物排放总量减少"]
    assert nox.value is None and nox.qualitative == "完成上级分解任务"
    assert nox.relation == "reduce_by" and nox.cumulative and nox.baseline_value == 10.43
    pm = by_name["细颗粒物（PM2.5）浓度"]
    assert pm.relation == "<=" and pm.qualitative == "完成上级分解任务"
    soil = by_name["受污染耕地安全利用率"]
    assert (soil.value, soil.relation, soil.binding) == (95.0, ">=", "预期性")
    fert = by_name["化肥施用量（折纯量）"]
    assert (fert.value, fert.unit, fert.relation) == (1781.51, "吨", "<=")
    assert "自然岸线保有率" not in by_name  # 2025 cell is "/"
    span = forest.span
    assert span is not None and "森林覆盖率" in text[span[0] : span[1]] and "25" in text[span[0] : span[1]]


def test_spans_cover_the_number_in_every_seed(seed) -> None:  # type: ignore[no-untyped-def]
    for name in ("000_622501f90e077414.txt", "003_98f35a46e05eef23.txt", "004_ec4efe7686378a5a.txt"):
        text = seed(name)
        for t in extract_plan(text).targets:
            assert t.span is not None and t.value is not None
            covered = re.sub(r"\s+", "", text[t.span[0] : t.span[1]])
            number = f"{t.value:g}"
            assert number in covered or not covered[0].isdigit(), (name, t.id, covered)


def test_tasks_carry_section_numbers_and_responsible_units_weihai(seed) -> None:  # type: ignore[no-untyped-def]
    # 000_622501f90e077414.txt, 二（一）2 ends with （责任单位：市发展改革委、市自然资源和规划局、市海洋发展局）
    doc = extract_plan(seed("000_622501f90e077414.txt"))
    task = next(t for t in doc.tasks if t.title == "积极开发利用可再生能源")
    assert task.id == "二.一.2" and task.section == "2."
    assert task.responsible == ["市发展改革委", "市自然资源和规划局", "市海洋发展局"]
    assert task.domain == "energy"
    linked = [t for t in doc.targets if t.id in task.targets]
    # 2026's 260万千瓦 is stated first in 一、总体要求 and again here: one target, both quotes,
    # filed under the task that names its units
    assert sorted(t.value for t in linked) == [150.0, 200.0, 260.0]
    assert all(t.responsible == task.responsible and t.task == task.id for t in linked)
    (twice,) = [t for t in linked if t.spans]
    assert twice.value == 260.0 and twice.quotes and "260" in twice.quotes[0].replace(" ", "")


def test_responsible_in_square_brackets_zibo(seed) -> None:  # type: ignore[no-untyped-def]
    # 003_98f35a46e05eef23.txt, 二（一）: 〔市生态环境局、市发展改革委、…按职责分工负责，各区县（含…）负责落实…〕
    doc = extract_plan(seed("003_98f35a46e05eef23.txt"))
    task = next(t for t in doc.tasks if t.title == "强化生态环境分区管控")
    assert task.responsible[:4] == ["市生态环境局", "市发展改革委", "市工业和信息化局", "市农业农村局"]
    trailing = next(t for t in doc.tasks if t.title == "推进交通运输协同增效")
    assert "国铁济南局淄博车务段" in trailing.responsible


def test_document_round_trips_through_the_model(seed) -> None:  # type: ignore[no-untyped-def]
    doc = extract_plan(seed("004_ec4efe7686378a5a.txt"), source="004_ec4efe7686378a5a.txt")
    again = PlanDocument.model_validate(doc.model_dump(mode="json"))
    assert again == doc
    ids = [t.id for t in doc.targets]
    assert len(ids) == len(set(ids))


def test_empty_text_gives_an_empty_plan() -> None:
    doc = extract_plan("没有任何目标的一段话。")
    assert doc.targets == [] and doc.tasks == []


def test_docx_indicator_table_end_to_end(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A Word table (as plans are issued) goes through read_document → extract_plan.

    Values are those of 002_f45fb1e62091458f.txt 专栏1 rows 22 and 23."""
    import docx

    from cocontrol.plans.reader import read_document

    d = docx.Document()
    d.add_paragraph("荣成市“十四五”生态环境保护主要指标")
    rows = [["序号", "指标", "2020年", "2025年", "指标属性"],
            ["22", "森林覆盖率（%）", "24.66", "25", "约束性"],
            ["23", "化肥施用量（折纯量）（吨）", "2184.91", "1781.51", "预期性"]]
    table = d.add_table(rows=3, cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.rows[r].cells[c].text = value
    path = tmp_path / "rongcheng.docx"
    d.save(path)
    text = read_document(path).text
    doc = extract_plan(text)
    got = [(t.indicator, t.year, t.value, t.unit, t.relation, t.baseline_value, t.binding) for t in doc.targets]
    assert got == [
        ("森林覆盖率", 2025, 25.0, "%", ">=", 24.66, "约束性"),
        ("化肥施用量（折纯量）", 2025, 1781.51, "吨", "<=", 2184.91, "预期性"),
    ]


def test_markdown_indicator_table() -> None:
    # rows in the style of 002_f45fb1e62091458f.txt 专栏1, written as a markdown table (.md input)
    md = ("| 序号 | 指标 | 2020年 | 2025年 | 属性 |\n|---|---|---|---|---|\n"
          "| 9 | 细颗粒物（PM2.5）浓度（μg/m3） | 20 | 完成上级分解任务 | 约束性 |\n"
          "| 18 | 受污染耕地安全利用率（%） | 100 | 95以上 | 预期性 |\n")
    pm, soil = extract_plan(md).targets
    assert (pm.qualitative, pm.relation, pm.value, pm.baseline_value) == ("完成上级分解任务", "<=", None, 20.0)
    assert (soil.value, soil.unit, soil.relation) == (95.0, "%", ">=")
    assert md[soil.span[0] : soil.span[1]].startswith("受污染耕地安全利用率")


def test_indicator_table_flattened_one_cell_per_line() -> None:
    # a PDF conversion of a 专栏 like 002_f45fb1e62091458f.txt 专栏1, without tabs: one cell per line
    text = ("专栏1 “十四五”主要指标\n指标名称\n2020年\n2025年\n属性\n"
            "单位地区生产总值二氧化碳排放降低（%）\n—\n[18]\n约束性\n"
            "空气质量优良天数比率（%）\n85.2\n88\n约束性\n\n"
            "到2025年，全市非化石能源消费比重达到20%。\n")
    got = [(t.indicator, t.value, t.relation, t.cumulative, t.binding, t.baseline_value)
           for t in extract_plan(text).targets]
    assert got == [
        ("单位地区生产总值二氧化碳排放降低", 18.0, "reduce_by", True, "约束性", None),
        ("空气质量优良天数比率", 88.0, ">=", False, "约束性", 85.2),
        ("非化石能源消费比重", 20.0, ">=", False, None, None),
    ]


def test_topic_paragraphs_are_tasks_rongcheng(seed) -> None:  # type: ignore[no-untyped-def]
    # 002_f45fb1e62091458f.txt, 第三章 第四节: each paragraph opens with its task title
    # (压减煤炭消费总量。… 2025年底前，煤炭消费总量下降10%。) and has no 责任单位 of its own.
    doc = extract_plan(seed("002_f45fb1e62091458f.txt"))
    task = next(t for t in doc.tasks if t.title == "压减煤炭消费总量")
    assert task.id.startswith("三.四.") and task.section == ""
    (target,) = [t for t in doc.targets if t.id in task.targets]
    assert (target.value, target.unit, target.relation, target.year) == (10.0, "%", "reduce_by", 2025)
    # a section named 筑牢绿色发展基础 is a task, not a review of past achievements
    assert any(t.title == "优化空间发展总体布局" for t in doc.tasks)


def test_responsible_units_on_their_own_line() -> None:
    # layout of other cities' plans: the 责任单位 line follows the task without brackets
    text = ("二、重点任务\n1.推进能源结构调整。到2025年，非化石能源消费比重达到13%。\n"
            "责任单位：市发改委、市工业和信息化局\n"
            "2.推进交通结构调整。到2025年，绿色出行比例达到70%。\n牵头单位：市交通运输局；配合单位：市公安局\n")
    first, second = extract_plan(text).tasks
    assert first.responsible == ["市发展改革委", "市工业和信息化局"] and first.targets == ["T001"]
    assert second.responsible == ["市交通运输局", "市公安局"] and second.lead == ["市交通运输局"]
