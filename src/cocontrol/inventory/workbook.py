"""The inventory as an Excel workbook (排放清单 Excel), for bureau staff who read it in Excel.

Sheets:

``说明``        what the numbers are: regions, years, GWP set, units, scopes, method, version;
``排放清单``    the long table of :func:`cocontrol.inventory.compute` (one row per region, year,
               sector, fuel, species and scope; value in t), with the Chinese sector and fuel
               names beside the CEADs codes;
``行业汇总``    a sector × species table per year and scope (t), as the annual bulletins print it;
``IAMC``        :func:`cocontrol.inventory.io.to_iamc` (Mt for CO2/CO2e, kt for the others),
               readable by pyam (``pyam.IamDataFrame(pd.read_excel(path, sheet_name="IAMC"))``).

Written in openpyxl's write-only mode (streaming) through :func:`cocontrol.files.write_atomic`;
a table longer than an Excel sheet (1 048 576 rows) is refused with a pointer to .parquet.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from cocontrol.data.names import label
from cocontrol.errors import InputError
from cocontrol.excel import HEADER_FILL, safe_row
from cocontrol.files import write_atomic
from cocontrol.inventory.io import to_iamc

EXCEL_ROWS = 1_048_576
LONG_HEADERS = ["地区 region", "年份 year", "行业 sector", "行业名称", "能源品种 fuel", "品种名称",
                "物种 species", "排放量 value", "单位 unit", "范围 scope"]
SCOPES = {1: "范围一（直接排放）", 2: "范围二（外购电力、热力）"}


class _Names:
    """Chinese names of sector and fuel codes (:func:`cocontrol.data.names.label`)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def get(self, code: str, default: str = "") -> str:
        name = label(self.kind, code)
        return default if name == code else name


def _names() -> tuple[_Names, _Names]:
    return _Names("sector"), _Names("fuel")


def _sheet(book: Workbook, title: str, headers: list[object], rows: list[list[object]]) -> None:
    sheet = book.create_sheet(title)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    head = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = bold, fill
        head.append(cell)
    sheet.append(head)
    for row in rows:
        sheet.append(safe_row(sheet, row))  # a region or sector named "=…" stays text


def _value(x: object) -> object:
    return None if x is None or (isinstance(x, float) and pd.isna(x)) else x


def sector_table(result: pd.DataFrame) -> pd.DataFrame:
    """Sector × species sums [t] per region, year and scope (the ``行业汇总`` sheet)."""
    table = result.pivot_table(index=["region", "year", "scope", "sector"], columns="species",
                               values="value", aggfunc="sum")
    order = [s for s in ("CO2", "CH4", "N2O", "CO2e", "SO2", "NOx", "PM10", "PM2.5", "VOCs",
                         "NH3", "CO") if s in table.columns]
    return table[order + [c for c in table.columns if c not in order]].reset_index()


def _about(result: pd.DataFrame, gwp: str, source: str | None) -> list[list[object]]:
    from cocontrol import __version__

    years = sorted({int(y) for y in result["year"]})
    span = f"{years[0]}–{years[-1]}" if years else "—"
    return [
        ["大气污染物与温室气体融合排放清单"],
        ["地区", "、".join(dict.fromkeys(map(str, result["region"])))],
        ["年份", span],
        ["活动水平数据", source or "—"],
        ["单位", "吨 (t)；IAMC 表中 CO2、CO2e 为百万吨 (Mt)，其余为千吨 (kt)"],
        ["CO2e", f"CO2 + CH4 × GWP + N2O × GWP，{gwp} 百年全球增温潜势（IPCC）"],
        ["范围", "范围一：燃料燃烧与工业过程直接排放；范围二：外购电力、热力（电网排放因子），单独列示，"
                 "不与范围一相加"],
        ["方法", "燃料燃烧 CO2 = 活动水平 × 低位发热量 × 单位热值含碳量 × 碳氧化率 × 44/12"
                 "（IPCC 2006；省级温室气体清单编制指南）；污染物 = 活动水平 × 未控排放因子 × "
                 "Σ 普及率 × (1 − 去除效率)（GAINS；2014 年大气污染物排放清单编制技术指南）"],
        ["排放因子集", str(result.attrs.get("factor_set") or "—")],
        ["排放因子", "每个因子的来源、版本（表号、页码）与核实状态随参考数据发布；"
                     "未核实的因子未与原文核对；治理效率为平均去除效率（或设计效率）× 设施投运率"],
        ["生成", f"cocontrol {__version__}，{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"],
    ]


def write_workbook(result: pd.DataFrame, path: str | Path, *, gwp: str = "AR5",
                   source: str | None = None) -> Path:
    """Write ``result`` (the long table of :func:`cocontrol.inventory.compute`) as an .xlsx
    workbook with the sheets of the module docstring; atomic (temporary file, then rename)."""
    if len(result) + 1 > EXCEL_ROWS:
        raise InputError("the inventory has more rows than an Excel sheet holds",
                         file=str(path), expected=f"at most {EXCEL_ROWS - 1:,} rows "
                         "(write .parquet or .csv instead)", found=f"{len(result):,} rows")
    sector_zh, fuel_zh = _names()
    long_rows = [[r.region, int(r.year), r.sector, sector_zh.get(r.sector, ""), r.fuel,
                  fuel_zh.get(r.fuel, ""), r.species, _value(r.value), r.unit, int(r.scope)]
                 for r in result.itertuples(index=False)]
    sectors = sector_table(result)
    species = [c for c in sectors.columns if c not in ("region", "year", "scope", "sector")]
    sector_rows = [[r["region"], int(r["year"]), SCOPES.get(int(r["scope"]), r["scope"]),
                    sector_zh.get(r["sector"], r["sector"]), *(_value(r[s]) for s in species)]
                   for r in sectors.to_dict("records")]
    iamc = to_iamc(result)

    def save(tmp: str) -> None:
        book = Workbook(write_only=True)
        _sheet(book, "说明", ["项目", "内容"], _about(result, gwp, source))
        _sheet(book, "排放清单", LONG_HEADERS, long_rows)
        _sheet(book, "行业汇总", ["地区", "年份", "范围", "行业", *[f"{s} (t)" for s in species]],
               sector_rows)
        _sheet(book, "IAMC", list(iamc.columns),
               [[_value(v) for v in row] for row in iamc.itertuples(index=False)])
        book.save(tmp)

    return write_atomic(path, save)
