"""Energy balance table (能源平衡表) → activity records, without double counting.

Layout of the China Energy Statistical Yearbook regional table (地区能源平衡表(实物量)): row
labels in the first column, fuels as columns with the unit in the header (``原煤(万吨)``,
``天然气(亿立方米)``) or in a ``计量单位`` row below it; title rows above the header are
skipped (the header is the first row naming at least two fuels). Rows read:

* 加工转换投入(-)产出(+)量 → only **火力发电** and **供热** inputs count (fuel burned in power
  and heat plants, sector 39, as a positive amount). Inputs of 洗选煤, 炼焦, 炼油及煤制油, 制气,
  煤制品加工 … become other fuels and are not burned there — those products are counted where
  they are consumed — and outputs (+) are never emissions (Shan et al. 2016 Applied Energy;
  CEADs apparent-consumption method, reference notes §3.2).
* 终端消费量 by sector → combustion in that sector, **minus** ``其中：用作原料、材料``
  (non-energy use, feedstock) given on the row right after a sector. Industry: the subsector
  rows (any name of the 47 CEADs sectors) are used; the aggregate 工业 row only when no
  subsector row exists, and then only if ``industry_sector`` says where to put it. A
  ``用作原料、材料`` line given only under the 工业 total (not per subsector) cannot be assigned
  and is not subtracted: a ``UserWarning`` says so.
* 居民生活 → 城镇 (Urban) and 乡村 (Rural) when present.
* 电力 and 热力 in final consumption become scope-2 activity (grid factors); their
  transformation output is not activity.

Columns: the 17 CEADs fuels plus 电力/热力 under any name ``cocontrol.data.names`` knows
(高炉煤气 and 转炉煤气 → Other_Gas, 石脑油/石油焦 → Other_Petroleum_Products); the yearbook's
石蜡, 溶剂油 and 石油沥青 are merged into Other_Petroleum_Products as CEADs does; totals
(煤合计, 油品合计, 能源合计) are skipped; 煤矸石, 液化天然气 and 其他能源 are outside the 17 CEADs
fuels and are not counted (a ``UserWarning`` names them).

Bad input — a table without fuel columns or balance rows, a fuel column without unit, an
unknown column or row label that carries numbers, a text or negative cell in a counted row —
raises :class:`ValidationFailed` listing every offending cell (file, sheet, row, column).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd

from cocontrol.data import names
from cocontrol.data.activity import check_activity, unit_multiplier
from cocontrol.errors import InputError, Problem, UnitError, ValidationFailed

POWER = "Production and Supply of Electric Power, Steam and Hot Water"
BURNED = {"火力发电": POWER, "供热": POWER}
FINAL = {
    "农、林、牧、渔业": "Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy",
    "农、林、牧、渔、水利业": "Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy",
    "建筑业": "Construction",
    "交通运输、仓储和邮政业": "Transportation, Storage, Post and Telecommunication Services",
    "批发和零售业、住宿和餐饮业": "Wholesale, Retail Trade and Catering Services",
    "批发、零售业和住宿、餐饮业": "Wholesale, Retail Trade and Catering Services",
    "其他": "Others", "其他行业": "Others",
    "城镇": "Urban", "乡村": "Rural",
}
NON_ENERGY = re.compile(r"用作原料|原料、材料|非能源")
SKIP = re.compile(r"^(可供|一次能源|能源生产|进口|出口|调入|调出|外省|本省|省[（(]|库存|境内|境外|"
                  r"加工转换|损失|终端消费|平衡差额|消费量合计|居民生活|洗选|炼焦|炼油|制气|"
                  r"天然气液化|煤制品|回收能|供热|火力发电)")
# yearbook columns: merged into a CEADs fuel, skipped as totals, or outside the 17 fuels
MERGED = {"石蜡": "Other_Petroleum_Products", "溶剂油": "Other_Petroleum_Products",
          "石油沥青": "Other_Petroleum_Products"}
TOTAL_COLUMN = re.compile(r"合计|总计|小计|^(备注|说明|注)$")
NOT_COUNTED = {"煤矸石", "液化天然气", "其他能源", "其它能源"}
# yearbook unit names cocontrol.units does not define: 百万千焦 = 10⁶ kJ = 1 GJ
_HEADER = re.compile(r"^\s*(.+?)\s*[（(]\s*(.+?)\s*[)）]\s*$")
_EMPTY = (None, "", "-", "—", "--")


def _label(cell: object) -> str:
    """Row label without numbering (一、 1. ); ``#…`` and ``其中…`` become ``其中：…``."""
    text = "" if cell is None or (isinstance(cell, float) and cell != cell) else str(cell)
    text = text.strip()
    if text.startswith(("#", "其中")):
        return "其中：" + re.sub(r"^(#|其中)\s*[:：]?\s*", "", text)
    return re.sub(r"^([一二三四五六七八九十]+、|[(（]?\d+[.、)）])\s*", "", text).strip()


def _header_row(rows: list[list[object]]) -> int | None:
    """Index of the header: the first of the first ten rows naming two fuels or more, or one
    with its unit (``原煤(万吨)``); ``None`` when there is none."""
    for i, row in enumerate(rows[:10]):
        found, with_unit = 0, False
        for cell in row[1:]:
            text = "" if cell is None else str(cell).strip()
            match = _HEADER.match(text)
            if names.fuels().resolve(match.group(1) if match else text) is not None:
                found, with_unit = found + 1, with_unit or match is not None
        if found >= 2 or with_unit:
            return i
    return None


def _columns(header: list[object], unit_row: list[object] | None, *, row: int,
             where: dict, problems: list[Problem]) -> tuple[dict, list[str]]:
    """Counted columns ``{index: (fuel, unit)}`` and the uncounted fuel names."""
    cols: dict[int, tuple[str, str]] = {}
    skipped: list[str] = []
    for j, cell in enumerate(header[1:], start=1):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        match = _HEADER.match(text)
        name, unit = (match.group(1), match.group(2)) if match else (text, None)
        if unit is None and unit_row is not None and j < len(unit_row) and unit_row[j]:
            unit = str(unit_row[j]).strip()
        if TOTAL_COLUMN.search(name):
            continue
        if name in NOT_COUNTED:
            skipped.append(name)
            continue
        code = MERGED.get(name) or names.fuels().resolve(name)
        if code is None:
            hint = names.fuels().suggest(name)
            problems.append(Problem(
                "unknown fuel column" + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                row=row, column=text, found=name, **where,
                expected="a fuel of the yearbook (原煤, 焦炭, 柴油, 天然气, 电力 …) or a total"))
            continue
        if not unit:
            problems.append(Problem("unit missing", row=row, column=text, **where,
                                    expected="the unit in the header, e.g. 原煤(万吨), or a "
                                             "计量单位 row below it"))
            continue
        try:
            unit_multiplier(code, unit)
        except UnitError as exc:
            problems.append(Problem(f"unit mismatch: {exc}", row=row, column=text, found=unit,
                                    **where))
            continue
        cols[j] = (code, unit)
    return cols, skipped


def _sector(label: str) -> str | None:
    """CEADs sector of a row label; GB/T 4754-2017 wording (…冶炼和压延加工业) tried as 及."""
    return names.sectors().resolve(label) or names.sectors().resolve(label.replace("和", "及"))


def _number(cell: object) -> float | None:
    value = pd.to_numeric(str(cell).replace(",", "").strip(), errors="coerce")
    return None if pd.isna(value) else float(value)


def balance_to_activity(table: pd.DataFrame, *, region: str, year: int,
                        industry_sector: str | None = None, file: str | None = None,
                        sheet: str | None = None) -> pd.DataFrame:
    """Activity rows (region, year, sector, fuel, value, unit) from a balance table's cells.

    ``table`` holds the raw cells (no header); messages count rows as the spreadsheet does.
    """
    where = {"file": file, "sheet": sheet}
    rows = table.astype(object).where(table.notna(), None).values.tolist()
    if not rows:
        raise InputError("empty table: not an energy balance table", **where)
    top = _header_row(rows)
    if top is None:
        raise InputError("no fuel columns recognised: not an energy balance table", row=1,
                         expected="fuel names with units as columns, e.g. 原煤(万吨), "
                                  "天然气(亿立方米)", **where)
    header = [None, *rows[top][1:]]
    unit_row = rows[top + 1] if len(rows) > top + 1 and _label(rows[top + 1][0]) in (
        "计量单位", "单位") else None
    problems: list[Problem] = []
    cols, skipped = _columns(header, unit_row, row=top + 1, where=where, problems=problems)
    labels = [_label(r[0]) for r in rows]
    has_subsector = any(lab not in FINAL and not SKIP.match(lab)
                        and _sector(lab) is not None for lab in labels if lab)
    industry = names.sectors().resolve(industry_sector) if industry_sector else None
    if industry_sector and industry is None:
        raise InputError("unknown sector for the 工业 total", column="industry_sector",
                         found=industry_sector, expected="a CEADs sector name (English or 中文)")
    amounts: dict[tuple[str, str, str], float] = {}
    counted_rows = 0
    total_feedstock = sub_feedstock = False
    last_sector: str | None = None
    for i in range(top + 1, len(rows)):
        row, label, excel_row = rows[i], labels[i], i + 1
        if not label or label in ("计量单位", "单位"):
            continue
        if label.startswith("其中："):
            if not NON_ENERGY.search(label) or last_sector is None:
                continue  # a part of the row above, never added again
            sign, sector = -1.0, last_sector
        elif label in BURNED:
            sign, sector, last_sector = -1.0, BURNED[label], None  # inputs are negative
        elif label in FINAL:
            sign, sector = 1.0, FINAL[label]
            last_sector = sector
        elif label == "工业":
            if has_subsector:
                last_sector = "工业"  # the subsector rows carry the numbers
                continue
            if industry is None:
                raise InputError("工业 is given only as a total", row=excel_row, **where,
                                 expected="industry subsector rows (e.g. 非金属矿物制品业) or "
                                          "industry_sector=<CEADs sector>")
            sign, sector = 1.0, industry
            last_sector = sector
        elif not SKIP.match(label) and (code := _sector(label)) is not None:
            sign, sector = 1.0, code
            last_sector = sector
        else:
            last_sector = None
            if not SKIP.match(label) and any(
                    _number(row[j]) for j in cols if j < len(row) and row[j] not in _EMPTY):
                hint = names.sectors().suggest(label) + [k for k in FINAL if label in k][:2]
                problems.append(Problem(
                    "unknown row" + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                    row=excel_row, column=str(rows[top][0] or "A"),
                    found=label, **where,
                    expected="a row of the yearbook balance table (火力发电, 供热, 终端消费 sectors "
                             "such as 建筑业, 城镇, 乡村, or a CEADs industry sector)"))
            continue
        if sector == "工业":
            total_feedstock = total_feedstock or label.startswith("其中：")
            continue
        sub_feedstock = sub_feedstock or (label.startswith("其中：") and sector not in FINAL.values())
        counted_rows += 1
        for j, (fuel, unit) in cols.items():
            cell = row[j] if j < len(row) else None
            if cell in _EMPTY or (isinstance(cell, str) and not cell.strip()):
                continue
            value = _number(cell)
            if value is None:
                problems.append(Problem("not a number", row=excel_row, column=str(header[j]),
                                        found=str(cell), expected="a number", **where))
                continue
            if label in BURNED and (fuel in ("Electricity", "Heat") or value > 0):
                continue  # outputs of power and heat plants are not activity
            if sign > 0 and value < 0:
                problems.append(Problem("negative consumption", row=excel_row,
                                        column=str(header[j]), found=str(cell),
                                        expected="a number ≥ 0", **where))
                continue
            key = (sector, fuel, unit)
            amounts[key] = amounts.get(key, 0.0) + sign * value
    if not counted_rows and not problems:
        raise InputError("no balance rows recognised: not an energy balance table", **where,
                         expected="rows such as 火力发电, 供热, 建筑业, 城镇, 乡村 in the first column")
    for (sector, fuel, _), value in amounts.items():
        if value < 0:
            problems.append(Problem(
                f"non-energy use larger than consumption ({value:g} after subtracting "
                "用作原料、材料)", column=fuel, found=sector, expected="feedstock ≤ consumption",
                **where))
    if problems:
        raise ValidationFailed(sorted(problems, key=lambda p: (p.row or 0)),
                               summary="energy balance table is invalid")
    if total_feedstock and not sub_feedstock:
        warnings.warn("用作原料、材料 is given only for the 工业 total, not per subsector: it is not "
                      "subtracted (give it under each subsector row to exclude it)", UserWarning,
                      stacklevel=2)
    if skipped:
        warnings.warn(f"{', '.join(skipped)}: outside the 17 CEADs fuels, not counted",
                      UserWarning, stacklevel=2)
    return pd.DataFrame([(region, year, s, f, v, u) for (s, f, u), v in amounts.items() if v > 0],
                        columns=["region", "year", "sector", "fuel", "value", "unit"])


def read_energy_balance(path: str | Path, *, region: str, year: int, sheet: str | None = None,
                        industry_sector: str | None = None) -> pd.DataFrame:
    """Read a 能源平衡表 (Excel or CSV) into validated activity records (see module docstring)."""
    from cocontrol.data.sniff import check_table_file

    path = Path(path)
    check_table_file(path)  # missing, empty, binary, zip bomb: refused before parsing
    used_sheet = None
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        book = pd.ExcelFile(path, engine="calamine")
        used_sheet = sheet if sheet is not None else str(book.sheet_names[0])
        if used_sheet not in book.sheet_names:
            raise InputError("no such sheet", file=str(path), sheet=used_sheet,
                             expected=", ".join(map(str, book.sheet_names)))
        table = pd.read_excel(book, sheet_name=used_sheet, header=None, dtype=object)
    elif path.suffix.lower() in (".csv", ".txt"):
        try:
            table = pd.read_csv(path, header=None, dtype=object, encoding="utf-8-sig")
        except UnicodeDecodeError:  # yearbook CSVs are often GBK
            table = pd.read_csv(path, header=None, dtype=object, encoding="gb18030")
    else:
        raise InputError("unsupported file type", file=str(path), found=path.suffix,
                         expected=".xlsx or .csv")
    activity = balance_to_activity(table, region=region, year=year,
                                   industry_sector=industry_sector, file=str(path),
                                   sheet=used_sheet)
    return check_activity(activity, file=str(path))
