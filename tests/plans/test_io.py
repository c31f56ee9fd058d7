"""Review YAML, JSON contract and the Excel workbook of an extracted plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cocontrol.errors import InputError, ValidationFailed
from cocontrol.plans.extract import extract_plan
from cocontrol.plans.io import XLSX_HEADERS, dump_json, dump_yaml, load_yaml, write_xlsx

# 003_98f35a46e05eef23.txt, 三（二） (shortened to one task)
TEXT = """淄博市减污降碳协同增效实施方案
三、加快提升重点领域减污降碳协同度
（二）推进交通运输协同增效。到2025年，全市多式联运货运量年均增长10%，运量达到1850万吨。（市交通运输局、市发展改革委）
"""


@pytest.fixture
def doc():  # type: ignore[no-untyped-def]
    return extract_plan(TEXT, source="zibo.txt")


def test_json_contract_keys(doc) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(dump_json(doc))
    assert list(data) == ["schema_version", "plan", "targets", "tasks"]
    t = data["targets"][1]
    for key in ("indicator", "year", "value", "unit", "relation", "base_year", "approx", "binding",
                "baseline_value", "baseline_year", "responsible", "domain", "quote", "span",
                "value_si", "unit_si"):
        assert key in t
    assert (t["value"], t["unit"], t["relation"], t["year"]) == (1850.0, "万吨", ">=", 2025)
    assert t["value_si"] == pytest.approx(1850 * 1e4 * 1000)  # 1850 万吨 = 1.85e7 t = 1.85e10 kg
    assert t["unit_si"] == "kg"
    assert t["responsible"] == ["市交通运输局", "市发展改革委"]
    assert TEXT[t["span"][0] : t["span"][1]] == "1850万吨"


def test_yaml_round_trip(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = dump_yaml(doc)
    assert text.startswith("# 规划审核文件")
    assert text.index("plan:") < text.index("targets:") < text.index("tasks:")
    p = tmp_path / "plan.yaml"
    p.write_text(text, encoding="utf-8")
    assert load_yaml(p) == doc


def test_yaml_errors_name_line_and_field(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = dump_yaml(doc).replace("value: 1850.0", "value: 一千八百五十", 1)
    text = text.replace("relation: '>='", "relation: more", 1)
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    value_line = next(i for i, ln in enumerate(lines, 1) if "value: 一千八百五十" in ln)
    relation_line = next(i for i, ln in enumerate(lines, 1) if "relation: more" in ln)
    with pytest.raises(ValidationFailed) as exc:
        load_yaml(p)
    where = {(pr.line, pr.column) for pr in exc.value.problems}
    assert (value_line, "targets.1.value") in where
    assert (relation_line, "targets.1.relation") in where
    assert f"line {value_line}" in str(exc.value)


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    p = tmp_path / "broken.yaml"
    p.write_text("plan:\n  id: x\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="line"):
        load_yaml(p)


def test_missing_required_field(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = dump_yaml(doc).replace("  title: 淄博市减污降碳协同增效实施方案\n", "", 1)
    p = tmp_path / "no-title.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_yaml(p)
    (problem,) = exc.value.problems
    assert problem.column == "plan.title" and problem.line == 6  # the plan: mapping's first key


def test_xlsx_has_chinese_headers_and_quotes(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "review.xlsx"
    write_xlsx(doc, out)
    wb = load_workbook(out)
    ws = wb["目标指标"]
    header = [c.value for c in ws[1]]
    assert header == list(XLSX_HEADERS)
    for name in ("指标", "年份", "目标值", "单位", "关系", "基准年", "约束性/预期性", "责任单位", "原文"):
        assert name in header
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(doc.targets) == 2
    row = dict(zip(header, rows[1], strict=True))
    assert (row["目标值"], row["单位"], row["关系"], row["年份"]) == (1850, "万吨", "不低于", 2025)
    assert "1850万吨" in row["原文"]
    assert row["责任单位"] == "市交通运输局、市发展改革委"
    assert {"重点任务", "规划信息"} <= set(wb.sheetnames)


def test_workbook_round_trip_keeps_every_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """extract → xlsx → load_plan gives back the same document (issue 9 item 10)."""
    from cocontrol.plans.extract import extract_plan
    from cocontrol.plans.io import load_plan, write_xlsx

    text = ("济南市碳达峰工作方案\n一、主要目标\n到2025年，非化石能源消费比重提高至7%，单位地区生产总值能源消耗比2020年"
            "降低14.8%左右，力争2030年前碳达峰。\n二、重点任务\n1.推进能源转型。到2025年，非化石能源消费比重提高至7%"
            "。（责任单位：市发展改革委、市能源局）\n")
    doc = extract_plan(text, source="jinan.txt")
    assert any(t.quotes for t in doc.targets)  # the repeated 7% is one target with two quotes
    path = tmp_path / "review.xlsx"
    write_xlsx(doc, path)
    back = load_plan(path)
    assert back.model_dump(exclude={"plan": {"date"}}) == doc.model_dump(exclude={"plan": {"date"}})


def test_workbook_errors_name_sheet_row_and_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from cocontrol.errors import ValidationFailed
    from cocontrol.plans.extract import extract_plan
    from cocontrol.plans.io import load_plan, write_xlsx

    doc = extract_plan("到2025年，森林覆盖率达到25%，湿地保护率达到55%。")
    path = tmp_path / "review.xlsx"
    write_xlsx(doc, path)
    wb = load_workbook(path)
    wb["目标指标"]["D3"] = "二〇二五"  # 年份 of the second target
    wb["目标指标"]["I2"] = "也许"  # 年均 of the first
    wb.save(path)
    with pytest.raises(ValidationFailed) as info:
        load_plan(path)
    where = {(p.sheet, p.row, p.column) for p in info.value.problems}
    assert ("目标指标", 3, "年份") in where and ("目标指标", 2, "年均") in where
