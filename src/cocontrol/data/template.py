"""Excel template for activity data (活动水平填报模板).

Sheets: ``活动水平`` (Chinese headers 地区, 年份, 月份, 行业, 能源品种, 技术类型（炉型/窑型/车型）,
企业/设施编号, 数值, 单位, with dropdowns for 行业, 能源品种 and 单位), ``治理技术`` (control
penetration: 地区, 年份, 行业, 能源品种, 治理技术, 适用技术, 普及率), ``行业``, ``能源品种`` and
``治理技术清单`` (the accepted names and removal efficiencies) and ``说明``.
:func:`cocontrol.data.activity.read_activity` reads the filled activity back (first sheet),
:func:`cocontrol.data.controls.read_controls` the ``治理技术`` sheet.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from cocontrol import refdata
from cocontrol.excel import escape_formulas, header_row
from cocontrol.files import write_atomic

HEADERS = ["地区", "年份", "月份", "行业", "能源品种", "技术类型（炉型/窑型/车型）", "企业/设施编号",
           "数值", "单位"]
UNITS = ["t", "万吨", "万立方米", "亿立方米", "tce", "万吨标准煤", "万千瓦时", "亿千瓦时", "GJ",
         "吉焦", "km", "item"]
INSTRUCTIONS = [
    "填报说明",
    "1. 在“活动水平”工作表中每个地区、年份、行业、能源品种（及企业/设施）一行；表头不要修改。",
    "2. 行业填写CEADs 47个行业的中文或英文名称（见“行业”表），能源品种填写17种化石能源、电力、热力"
    "或工业产品代码（见“能源品种”表），如 原煤、柴油、天然气、电力、cement_clinker。",
    "3. 单位：固体和液体燃料用 t 或 万吨，气体用 万立方米，电力用 万千瓦时，热力用 GJ；"
    "燃料也可用 tce（按平均低位发热量折算）；单位与品种不符将被拒绝并指明行号。",
    "4. 技术类型可选：锅炉类型（层燃炉、煤粉炉、循环流化床锅炉、民用炉灶）、窑型（新型干法窑）或"
    "车辆排放标准（国三…国六），用于选用分技术排放因子；留空则用该品种的默认因子。",
    "5. 数值必须是非负数；年度数据“月份”留空，月度数据填1–12；同一键重复的行将被拒绝。",
    "6. 用作原料、材料（非能源用途）的消费量和加工转换投入（如炼焦用煤）不要填入，以免重复计算。",
    "7. 整个文件校验通过才计算；任何一行有误都会列出全部错误行，不会部分计算或写出。",
    "8. “治理技术”表填写各行业、能源品种污染治理技术的普及率（0–1 的比例或如 85% 的百分数）；"
    "治理技术填“治理技术清单”中的中文名称或代码；适用技术可选（如 煤粉炉），留空则适用于该行业、"
    "品种的全部炉型；同一污染物各技术普及率之和不得超过100%。",
    "9. 可另加“投运率”列（治理设施运行时间 ÷ 正常生产时间，0–1 或百分数，缺省为 1）：实际去除效率 = "
    "“治理技术清单”中的去除效率 × 投运率（T/CSES 144—2024 公式 (2)）。",
]
CONTROL_HEADERS = ["地区", "年份", "行业", "能源品种", "治理技术", "适用技术", "普及率"]


def build_template() -> Workbook:
    """The template workbook (see module docstring)."""
    book = Workbook()
    sheet = header_row(book.active, "活动水平", HEADERS)
    for col, width in zip("ABCDEFGHI", (10, 8, 6, 40, 16, 22, 16, 12, 10), strict=True):
        sheet.column_dimensions[col].width = width
    sheet.append(["济南市", 2020, None, "电力、热力的生产和供应业", "原煤", None, None, 1000, "万吨"])
    sectors = refdata.load("sectors")
    fuels = refdata.load("fuels")
    lists = {"行业": list(zip(sectors["name_zh"], sectors["sector"], strict=True)),
             "能源品种": list(zip(fuels["name_zh"], fuels["fuel"], strict=True))}
    for title, rows in lists.items():
        ws = book.create_sheet(title)
        ws.append(["中文名称", "英文名称/代码"])
        for row in rows:
            ws.append(list(row))
        ws.column_dimensions["A"].width = 40
        ws.column_dimensions["B"].width = 50
    for col, title in (("D", "行业"), ("E", "能源品种")):
        n = len(lists[title]) + 1
        dv = DataValidation(type="list", formula1=f"'{title}'!$A$2:$A${n}", allow_blank=True,
                            showErrorMessage=False)
        sheet.add_data_validation(dv)
        dv.add(f"{col}2:{col}5000")
    dv = DataValidation(type="list", formula1='"' + ",".join(UNITS) + '"', allow_blank=True,
                        showErrorMessage=False)
    sheet.add_data_validation(dv)
    dv.add("I2:I5000")
    _control_sheets(book)
    notes = book.create_sheet("说明")
    for line in INSTRUCTIONS:
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    return book


def _control_sheets(book: Workbook) -> None:
    """``治理技术`` (to fill, with an example row) and ``治理技术清单`` (the accepted names)."""
    sheet = header_row(book.create_sheet("治理技术", 1), "治理技术", CONTROL_HEADERS)
    sheet.append(["济南市", 2020, "电力、热力的生产和供应业", "原煤", "选择性催化还原", None, "85%"])
    for col, width in zip("ABCDEFG", (10, 8, 40, 16, 28, 16, 10), strict=True):
        sheet.column_dimensions[col].width = width
    tech = refdata.load("control_technologies")
    listing = header_row(book.create_sheet("治理技术清单"), "治理技术清单",
                         ["中文名称", "代码", "行业", "能源品种", "污染物", "去除效率", "效率含义",
                          "数据状态"])
    basis = {"average": "平均去除效率（× 投运率）", "design": "设计效率（× 投运率）"}
    for r in tech.itertuples(index=False):
        name = str(r.note).split(";")[0].split(" ")[0].strip()
        listing.append([name, r.technology, r.sector, r.fuel, r.species,
                        float(r.removal_efficiency), basis.get(str(r.basis), ""), r.status])
    listing.column_dimensions["A"].width = 28
    listing.column_dimensions["B"].width = 28
    n = len(tech) + 1
    dv = DataValidation(type="list", formula1=f"'治理技术清单'!$A$2:$A${n}", allow_blank=True,
                        showErrorMessage=False)
    sheet.add_data_validation(dv)
    dv.add("E2:E5000")


def write_template(path: str | Path) -> Path:
    """Write the template atomically (temporary file, then rename)."""
    return write_atomic(path, escape_formulas(build_template()).save)
