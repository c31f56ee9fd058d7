"""The intake workbook template (企业数据填报模板): one sheet per intake sheet with the contract's
column names in row 1, a 说明 sheet explaining every column in Chinese, and drop-downs for the
是/否 columns. :func:`cocontrol.enterprises.intake.read_dataset` reads it back."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from cocontrol.enterprises.schema import COLUMN_HELP, SHEETS
from cocontrol.excel import header_row
from cocontrol.files import write_atomic


def write_template(path: str | Path) -> Path:
    book = Workbook()
    intro = book.active
    intro.title = "说明"
    intro.append(["工作表", "列", "必填", "含义"])
    for sheet in SHEETS.values():
        for col in sheet.columns:
            intro.append([f"{sheet.name}（{sheet.title_zh}）", col,
                          "是" if col in sheet.required else "否", COLUMN_HELP[col]])
    intro.append([])
    intro.append(["每张表第1行为列名，不要修改；整个文件校验通过才核算，任何一行有误都会列出"
                  "文件、工作表、行和列，不会部分保存。"])
    for width, col in zip((28, 16, 8, 60), "ABCD", strict=True):
        intro.column_dimensions[col].width = width
    for sheet in SHEETS.values():
        ws = header_row(book.create_sheet(), sheet.name, list(sheet.columns))
        for col in ("two_high", "measured"):
            if col in sheet.columns:
                letter = chr(ord("A") + sheet.columns.index(col))
                rule = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
                ws.add_data_validation(rule)
                rule.add(f"{letter}2:{letter}10000")
    return write_atomic(path, book.save)
