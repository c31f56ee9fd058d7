"""Excel writer (Excel 数据表): every table of a report on its own sheet.

Sheet 1 ``说明`` lists the report title, date and each table (表号, 表名, 工作表) and the
annex; then one sheet per table: the header in row 1 (Chinese labels with the unit in
brackets, bold, frozen), numbers stored as numbers (never text) with the column's decimals as
number format, widths fitted to the content (CJK characters count double), and the note and
source two rows below the data. Sheet names are made safe (≤31 characters, none of
``[]:*?/\\``) and unique.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cocontrol.excel import escape_formulas
from cocontrol.reports.english import OPEN, plain
from cocontrol.reports.model import Report, Table, text_width, writer_words

ORIGINAL_NOTE = "Plan wording, kept in Chinese: the glossary has no English name for it."
"""Comment on a cell of an English workbook holding plan wording kept as written."""

_BAD = re.compile(r"[\[\]:*?/\\]")
_HEADER_FONT = Font(name="黑体", bold=True)
_RULE = Side(style="thin", color="000000")


def safe_sheet_name(name: str, taken: set[str]) -> str:
    """An Excel-legal, unique sheet name (≤31 chars, no []:*?/\\, not blank)."""
    base = _BAD.sub("_", name).strip("'") or "表"
    base = base[:31]
    candidate, n = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(candidate)
    return candidate


def _number_format(decimals: int | None) -> str:
    if decimals is None:
        return "General"
    return "#,##0" if decimals == 0 else "#,##0." + "0" * decimals  # grouped, as every surface


def _mark_originals(wb: Workbook) -> None:
    """Plan wording kept in Chinese (:func:`cocontrol.reports.english.original`): marks removed,
    the cell commented with :data:`ORIGINAL_NOTE` so a reader knows it is the plan's own text."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and OPEN in cell.value:
                    cell.value = plain(cell.value)
                    cell.comment = Comment(ORIGINAL_NOTE, "cocontrol")


def _fill(ws: Worksheet, table: Table, words: dict[str, str]) -> None:
    ws.append([c.header for c in table.columns])
    for cell in ws[1]:
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=_RULE, bottom=_RULE)
    widths = [text_width(c.header) for c in table.columns]
    for row in table.rows:
        values = [None if isinstance(v, float) and v != v else v for v in row]
        ws.append(values)
        for i, (cell, col) in enumerate(zip(ws[ws.max_row], table.columns, strict=True)):
            if isinstance(cell.value, int | float):
                cell.number_format = _number_format(col.decimals)
            widths[i] = max(widths[i], text_width("" if cell.value is None else str(cell.value)))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(w + 2, 8), 60)
    ws.freeze_panes = "A2"
    extra = (([words["note"] + table.note] if table.note else [])
             + ([words["source"] + table.source] if table.source else []))
    for k, line in enumerate(extra):
        ws.cell(row=ws.max_row + 2 if k == 0 else ws.max_row + 1, column=1, value=line)


def render_xlsx(report: Report) -> bytes:
    """The report's tables as an .xlsx workbook's bytes."""
    wb = Workbook()
    words = writer_words(report)
    info = wb.active
    info.title = words["contents"]
    taken = {words["contents"]}
    info.append([report.title])
    info["A1"].font = Font(name="黑体", bold=True, size=14)
    if report.subtitle:
        info.append([report.subtitle])
    info.append([f"{words['date']}{report.date:%Y-%m-%d}"])
    info.append([])
    info.append([words["table_no"], words["table_name"], words["sheet"]])
    for cell in info[info.max_row]:
        cell.font = _HEADER_FONT
    for label, table in report.tables():
        name = safe_sheet_name(plain(f"{label} {table.sheet or table.caption}"), taken)
        info.append([label, table.caption, name])
        _fill(wb.create_sheet(name), table, words)
    for i, table in enumerate(report.workbook, start=1):  # detail tables: workbook only (附表)
        name = safe_sheet_name(plain(f"{words['detail']}{i} {table.sheet or table.caption}"), taken)
        info.append([f"{words['detail']}{i}", table.caption, name])
        _fill(wb.create_sheet(name), table, words)
    if report.annex:
        info.append([])
        info.append([report.annex_title])
        info.cell(row=info.max_row, column=1).font = _HEADER_FONT
        for entry in report.annex:
            info.append([entry.title, entry.text, entry.source or ""])
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 60
    info.column_dimensions["C"].width = 30
    _mark_originals(wb)
    buf = io.BytesIO()
    escape_formulas(wb).save(buf)  # plan/user text never a live formula (=HYPERLINK …)
    return buf.getvalue()
