"""核查报告 per enterprise, Word (python-docx) and Excel (openpyxl): the carbon account by
year (scope 1 and 2, intensity, rating, trend), the findings with their status and the rules
behind them (formula, thresholds, citation with 文号, explanation). Chinese
words only; numbers come from the stored account and findings (nothing is recomputed here)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from cocontrol.data.names import label
from cocontrol.enterprises.parameters import rules
from cocontrol.enterprises.rulebook import HEADERS_ZH, rulebook
from cocontrol.excel import header_row

STATUS_ZH = {"open": "待处理", "assigned": "已分派", "confirmed": "已确认", "dismissed": "已排除",
             "evidence_requested": "已要求补充证据"}
SEVERITY_ZH = {"high": "高", "medium": "中", "info": "提示"}
ACCOUNT = [("year", "年份"), ("co2_t", "范围一CO2（t）"), ("scope2_t", "范围二CO2（t）"),
           ("intensity", "碳排放强度L（t/万元）"), ("intensity_output", "单位产品CO2"),
           ("industry_mean", "行业平均L（t/万元）"), ("k", "碳效值K"), ("level", "碳效等级"),
           ("grade", "碳效级别"), ("colour", "色标（示例分档）"), ("intensity_change", "L较上年变化")]


def _fmt(key: str, value: Any) -> str:
    if value is None or value != value:
        return "—"
    if key == "intensity_change":
        return f"{value:+.1%}"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
    return str(value)


def _rows(findings: Sequence[dict[str, Any]]) -> list[list[str]]:
    names = rules()["name_zh"]
    return [[str(f["year"]), f["facility_id"] or "全厂", str(names.get(f["rule"], "")),
             SEVERITY_ZH.get(f["severity"], ""), f["message"], STATUS_ZH.get(f["status"], ""),
             f.get("reason") or ""] for f in findings]


FINDING_HEADERS = ["年份", "设施/排口", "规则", "严重程度", "发现", "处理状态", "说明"]


def docx_bytes(name: str, code: str, accounts: Sequence[dict[str, Any]],
               findings: Sequence[dict[str, Any]], illustrative: bool) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(f"{name} 碳排放与污染物协同核查报告", level=1)
    doc.add_paragraph(f"企业编号：{code}")
    if illustrative:
        doc.add_paragraph("本报告中的企业和数据均为示例，不是真实企业的数据。")
    doc.add_heading("一、企业碳账户", level=2)
    table = doc.add_table(rows=1, cols=len(ACCOUNT))
    table.style = "Table Grid"
    for cell, (_, title) in zip(table.rows[0].cells, ACCOUNT, strict=True):
        cell.text = title
    for acc in accounts:
        cells = table.add_row().cells
        for cell, (key, _) in zip(cells, ACCOUNT, strict=True):
            cell.text = _fmt(key, acc.get(key))
            if key == "intensity_output" and cell.text != "—" and acc.get("output_unit"):
                cell.text += f" 吨CO2/{label('unit', acc['output_unit'], 'zh')}"
    doc.add_paragraph("碳排放强度L = （范围一 + 范围二）/ 工业增加值；K = L / 行业平均L；"
                      "等级和级别按浙江省规上工业企业碳效等级评价方法，色标为山东两高企业碳账户示例分档。")
    doc.add_heading("二、协同核查发现", level=2)
    if not findings:
        doc.add_paragraph("未发现需要核实的问题。")
    else:
        doc.add_paragraph("以下为提示，不是结论：每条发现列出了触发它的数据，需要现场核实。")
        t2 = doc.add_table(rows=1, cols=len(FINDING_HEADERS))
        t2.style = "Table Grid"
        for cell, title in zip(t2.rows[0].cells, FINDING_HEADERS, strict=True):
            cell.text = title
        for row in _rows(findings):
            for cell, value in zip(t2.add_row().cells, row, strict=True):
                cell.text = value
        doc.add_heading("三、核查规则与依据", level=2)
        book = rulebook("zh", only={f["rule"] for f in findings})
        t3 = doc.add_table(rows=1, cols=len(HEADERS_ZH))
        t3.style = "Table Grid"
        for cell, title in zip(t3.rows[0].cells, HEADERS_ZH.values(), strict=True):
            cell.text = title
        for rule in book:
            for cell, key in zip(t3.add_row().cells, HEADERS_ZH, strict=True):
                cell.text = rule[key]
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def xlsx_bytes(name: str, code: str, accounts: Sequence[dict[str, Any]],
               findings: Sequence[dict[str, Any]], illustrative: bool) -> bytes:
    book = Workbook()
    intro = book.active
    intro.title = "说明"
    intro.append([f"{name} 碳排放与污染物协同核查报告（企业编号 {code}）"])
    if illustrative:
        intro.append(["本报告中的企业和数据均为示例，不是真实企业的数据。"])
    sheet = header_row(book.create_sheet(), "企业碳账户", [t for _, t in ACCOUNT])
    for acc in accounts:
        sheet.append([acc.get(k) for k, _ in ACCOUNT])
    sheet2 = header_row(book.create_sheet(), "核查发现", FINDING_HEADERS)
    for row in _rows(findings):
        sheet2.append(row)
    sheet3 = header_row(book.create_sheet(), "核查规则", list(HEADERS_ZH.values()))
    for rule in rulebook("zh", only={f["rule"] for f in findings}):
        sheet3.append([rule[k] for k in HEADERS_ZH])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
