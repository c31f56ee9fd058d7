"""Shared look of the Excel templates the product hands out (填报模板)."""

from __future__ import annotations

from collections.abc import Sequence

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
