"""Energy balance table (能源平衡表) → activity records, without double counting.

Layout of the China Energy Statistical Yearbook regional table (地区能源平衡表(实物量)): row
labels in the first column, fuels as columns with the unit in the header (``原煤(万吨)``,
``天然气(亿立方米)``) or in a ``计量单位`` row below it. Rows read:

* 加工转换投入(-)产出(+)量 → only **火力发电** and **供热** inputs count (fuel burned in power
  and heat plants, sector 39, as a positive amount). Inputs of 洗选煤, 炼焦, 炼油及煤制油, 制气,
  煤制品加工 … become other fuels and are not burned there — those products are counted where
  they are consumed — and outputs (+) are never emissions (Shan et al. 2016 Applied Energy;
  CEADs apparent-consumption method, reference notes §3.2).
* 终端消费量 by sector → combustion in that sector, **minus** ``其中：用作原料、材料``
  (non-energy use, feedstock) given on the row right after a sector. Industry: the subsector
  rows (any name of the 47 CEADs sectors) are used; the aggregate 工业 row only when no
  subsector row exists, and then only if ``industry_sector`` says where to put it.
* 居民生活 → 城镇 (Urban) and 乡村 (Rural) when present.
* 电力 and 热力 in final consumption become scope-2 activity (grid factors); their
  transformation output is not activity.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from cocontrol.data import names
from cocontrol.data.activity import check_activity
from cocontrol.errors import InputError, Problem, ValidationFailed

BURNED = {"火力发电": "Production and Supply of Electric Power, Steam and Hot Water",
          "供热": "Production and Supply of Electric Power, Steam and Hot Water"}
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
SKIP = re.compile(r"^(可供|一次能源|能源生产|进口|出口|调入|调出|外省|库存|境内|加工转换|损失|"
                  r"终端消费|平衡差额|消费量合计|居民生活|工业|洗选|炼焦|炼油|制气|天然气液化|"
                  r"煤制品|回收能|供热|火力发电)")
_HEADER = re.compile(r"^\s*(.+?)\s*[（(]\s*(.+?)\s*[)）]\s*$")


def _label(cell: object) -> str:
    """Row label without numbering (一、 1. ); ``#…`` and ``其中…`` become ``其中：…``."""
    text = "" if cell is None or (isinstance(cell, float) and cell != cell) else str(cell)
    text = text.strip()
    if text.startswith(("#", "其中")):
        return "其中：" + re.sub(r"^(#|其中)\s*[:：]?\s*", "", text)
    return re.sub(r"^([一二三四五六七八九十]+、|\d+[.、])\s*", "", text).strip()


def _columns(header: list[object], unit_row: list[object] | None) -> dict[int, tuple[str, str]]:
    cols: dict[int, tuple[str, str]] = {}
    for j, cell in enumerate(header[1:], start=1):
        text = str(cell).strip() if cell is not None else ""
        match = _HEADER.match(text)
        name, unit = (match.group(1), match.group(2)) if match else (text, None)
        if unit is None and unit_row is not None and unit_row[j] is not None:
            unit = str(unit_row[j]).strip()
        code = names.fuels().resolve(name)
        if code is not None and unit:
            cols[j] = (code, unit)
    return cols


def balance_to_activity(table: pd.DataFrame, *, region: str, year: int,
                        industry_sector: str | None = None,
                        file: str | None = None) -> pd.DataFrame:
    """Activity rows (region, year, sector, fuel, value, unit) from a balance table's cells."""
    rows = table.astype(object).where(table.notna(), None).values.tolist()
    header = [None, *rows[0][1:]]
    unit_row = rows[1] if rows and len(rows) > 1 and _label(rows[1][0]) in ("计量单位", "单位") \
        else None
    cols = _columns(header, unit_row)
    if not cols:
        raise InputError("no fuel columns recognised", file=file, row=1,
                         expected="fuel names with units, e.g. 原煤(万吨)")
    amounts: dict[tuple[str, str, str], float] = {}
    labels = [_label(r[0]) for r in rows]
    has_subsector = any(lab not in FINAL and not SKIP.match(lab)
                        and names.sectors().resolve(lab) is not None for lab in labels if lab)
    industry = names.sectors().resolve(industry_sector) if industry_sector else None
    last_sector: str | None = None
    problems: list[Problem] = []
    for i, row in enumerate(rows[1:], start=2):
        label = _label(row[0])
        if not label or label in ("计量单位", "单位"):
            continue
        if label.startswith("其中：") and NON_ENERGY.search(label):
            sign, sector = -1.0, last_sector
            if sector is None:
                continue
        elif label in BURNED:
            sign, sector = -1.0, BURNED[label]  # inputs are negative in the table
            last_sector = None
        elif label in FINAL:
            sign, sector = 1.0, FINAL[label]
            last_sector = sector
        elif label == "工业":
            if has_subsector:
                last_sector = "工业"  # the subsector rows carry the numbers
                continue
            if industry is None:
                raise InputError("工业 is given only as a total", file=file, row=i,
                                 expected="industry subsector rows (e.g. 非金属矿物制品业) or "
                                          "industry_sector=<CEADs sector>")
            sign, sector = 1.0, industry
            last_sector = sector
        elif (code := names.sectors().resolve(label)) is not None and not SKIP.match(label):
            sign, sector = 1.0, code
            last_sector = sector
        else:
            last_sector = None if not label.startswith("其中") else last_sector
            continue
        if sector == "工业":
            continue
        for j, (fuel, unit) in cols.items():
            cell = row[j] if j < len(row) else None
            if cell in (None, "", "-", "—"):
                continue
            value = pd.to_numeric(str(cell).replace(",", ""), errors="coerce")
            if pd.isna(value):
                problems.append(Problem("not a number", file=file, row=i,
                                        column=str(header[j]), found=str(cell)))
                continue
            if label in BURNED and fuel in ("Electricity", "Heat"):
                continue  # output of power and heat plants, not activity
            if label in BURNED and value > 0:
                continue
            key = (sector, fuel, unit)
            amounts[key] = amounts.get(key, 0.0) + sign * float(value)
    if problems:
        raise ValidationFailed(problems, summary="energy balance table is invalid")
    out = pd.DataFrame([(region, year, s, f, v, u) for (s, f, u), v in amounts.items()
                        if abs(v) > 0],
                       columns=["region", "year", "sector", "fuel", "value", "unit"])
    return out


def read_energy_balance(path: str | Path, *, region: str, year: int, sheet: str | None = None,
                        industry_sector: str | None = None) -> pd.DataFrame:
    """Read a 能源平衡表 (Excel or CSV) into validated activity records (see module docstring)."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        table = pd.read_excel(path, sheet_name=sheet or 0, header=None, dtype=object,
                              engine="calamine")
    else:
        table = pd.read_csv(path, header=None, dtype=object, encoding="utf-8-sig")
    activity = balance_to_activity(table, region=region, year=year,
                                   industry_sector=industry_sector, file=str(path))
    return check_activity(activity, file=str(path))
