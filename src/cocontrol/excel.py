"""Shared look of the Excel templates the product hands out (填报模板), and the one rule
every workbook the product writes follows: text is never a live formula
(:func:`escape_formulas`, :func:`safe_row`)."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = "DDEBF7"  # light blue, the header colour of every template


def header_row(sheet: Worksheet, title: str, headers: Sequence[str]) -> Worksheet:
    """Name ``sheet``, write ``headers`` as row 1 in bold on the header fill; returns it."""
    sheet.title = title
    sheet.append(list(headers))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    return sheet


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these could be read as a formula by a spreadsheet
(CSV/formula injection, OWASP): such text is written as text, never as a live formula."""


def is_risky(value: object) -> bool:
    """True for text that a spreadsheet could take for a formula (see :data:`FORMULA_STARTS`)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def _as_text(cell: object) -> None:
    cell.data_type = "s"  # type: ignore[attr-defined]  # a string, not <f>
    cell.quotePrefix = True  # type: ignore[attr-defined]  # Excel keeps it text when edited


def escape_formulas(book: Workbook) -> Workbook:
    """Make every text cell of ``book`` that starts with =, +, -, @ (or a tab/CR) plain text
    (openpyxl would write ``=HYPERLINK(…)`` from a plan or a user as a live formula); call it
    just before saving. Numbers, dates and real formulas written on purpose elsewhere are
    not touched — this product writes none. Returns ``book``."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if is_risky(cell.value):
                    _as_text(cell)
    return book


def safe_row(sheet: Worksheet, values: Sequence[object]) -> list[object]:
    """A row for a write-only sheet with risky text as text cells (see :func:`escape_formulas`)."""
    from openpyxl.cell import WriteOnlyCell

    out: list[object] = []
    for value in values:
        if is_risky(value):
            cell = WriteOnlyCell(sheet, value=value)
            _as_text(cell)
            out.append(cell)
        else:
            out.append(value)
    return out
