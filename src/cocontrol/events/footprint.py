"""Large-event footprint and offsets (大型活动碳排放核算与碳中和).

Method of MEE《大型活动碳中和实施指南（试行）》(2019-05-29): account every source inside the
boundary — fuel burnt at the venue and by official vehicles, net purchased electricity and heat,
participants' travel by mode, accommodation, catering, meeting materials, waste — as
``E = Σ activity × factor``; reduce first, then offset with credits of the four accepted kinds
(ETS allowances, CCER, approved 碳普惠 credits, CERs of Chinese CDM projects). The event is
neutral only when the credits retired are at least its emissions.

Factors: fuels from ``combustion_co2`` (NCV × carbon content × oxidation × 44/12, the inventory's
own numbers), electricity from ``grid_factors`` (the event's province and year, else the latest
year, else 全国), purchased heat from ``grid_factors`` (heat), the rest from ``event_factors``
(each row with its source and status; a row may give its own cited factor). Accommodation and
meeting materials have no citable default factor (none was found in a readable document): a
住宿 row gives the hotel's own energy (项目 电力 / 热力 / 天然气 / 汽油 / 柴油, accounted with the
same grid and fuel factors) or a factor with its source; a 会议用品 row gives a factor with its
source; a row without either is refused naming its sheet, row and column — never a made-up
number. Landfilled waste uses IPCC 2006 Vol.5 Ch.3 defaults per kind (厨余 / 纸类 / 其他). The 95 % interval of
each source is its factor's relative half-width; the total's combines them in quadrature
(independent sources, IPCC 2006 Vol.1 Ch.3 eq. 3.1).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

import pandas as pd

from cocontrol import refdata
from cocontrol.data.names import names
from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.units import conversion_factor

#: sources of the guideline: key → Chinese name (the workbook's 类别)
SOURCES = names("event_source")  # key → Chinese name (refdata/terms.csv)
FUELS = {"天然气": ("Natural_Gas", "万立方米"), "汽油": ("Gasoline", "t"),
         "柴油": ("Diesel_Oil", "t")}
FUEL_UNCERTAINTY = {"Natural_Gas": 0.036, "Gasoline": 0.015, "Diesel_Oil": 0.015}
STATUS_ZH = names("param_status")
GRID_UNCERTAINTY = 0.10  # illustrative: the announcements give no interval
ENERGY_ITEMS = {"电力": "electricity", "外购电力": "electricity", "热力": "heat", "外购热力": "heat"}
#: sources with no citable default factor: what the row must give instead
NO_DEFAULT = {
    "accommodation": "accommodation: no citable default factor; give the hotel's energy use "
                     "(项目 电力 kWh, 天然气 …) or a factor with its source (排放因子, 因子来源)",
    "materials": "materials: no citable default factor; give a factor with its source "
                 "(排放因子, 因子来源)",
}


@dataclass
class Footprint:
    """An event's account (tCO2e) and its offsets."""

    total_t: float
    by_source: dict[str, float]
    lines: pd.DataFrame
    retired_t: float
    credits: pd.DataFrame
    half_width_t: float
    problems: list[str] = field(default_factory=list)

    stage: str = "actual"

    @property
    def neutral(self) -> bool:
        """Only an account of the actual emissions (after the event) can be neutral."""
        return self.stage == "actual" and self.retired_t >= self.total_t and not self.problems

    def to_json(self) -> dict[str, object]:
        """CLI contract: total_t, by_source, retired_t, neutral, problems (+ interval)."""
        return {"total_t": round(self.total_t, 3),
                "by_source": {k: round(v, 3) for k, v in self.by_source.items()},
                "retired_t": round(self.retired_t, 3), "neutral": self.neutral,
                "problems": self.problems, "interval_95_t": round(self.half_width_t, 3)}


def _combustion_factor(fuel: str) -> float:
    """t CO2 per unit of the fuel's reference unit (``combustion_co2``: NCV × CC × OF × 44/12)."""
    table = refdata.load("combustion_co2")
    p = {r.parameter: float(r.value) for r in table[table["fuel"] == fuel].itertuples()}
    return p["ncv"] * p["cc"] * p["of"] * 44 / 12


def grid_factor(region: str, year: int, energy: str = "electricity") -> tuple[float, str]:
    """(t CO2 per MWh or GJ, the row used): region and year, else its latest, else 全国."""
    table = refdata.load("grid_factors")
    rows = table[table["energy"] == energy]
    for name in (region, "全国"):
        mine = rows[rows["region"] == name]
        if mine.empty:
            continue
        exact = mine[mine["year"] == year]
        pick = exact if not exact.empty else mine.sort_values("year", na_position="first")
        row = pick.iloc[-1]
        year_text = "" if pd.isna(row["year"]) else f"{int(row['year'])}年"
        return float(row["value"]), f"{row['source']}（{name}{year_text}）"
    raise InputError("no grid factor", found=f"{region} {year} {energy}")


def _line(source: str, item: str, amount: float, unit: str, row: int, info: dict[str, object],
          override: tuple[float, str] | None) -> dict[str, object]:
    """One source line in t CO2e with its factor, citation and 95 % half-width (relative)."""
    if source == "accommodation" and override is None and (item in FUELS or item in ENERGY_ITEMS):
        line = _line(ENERGY_ITEMS.get(item, "venue_fuel"), item, amount, unit, row, info, None)
        return {**line, "source": source, "citation": "酒店能耗：" + str(line["citation"])}
    if override is not None:
        factor_kg, cite = override
        to_unit = unit
        rel = 0.3
    elif source in NO_DEFAULT:
        raise InputError(NO_DEFAULT[source], row=row, column="排放因子", found=item)
    elif source in ("venue_fuel", "vehicle_fuel"):
        if item not in FUELS:
            raise InputError("unknown fuel", row=row, column="项目",
                             expected=" / ".join(FUELS), found=item)
        fuel, ref_unit = FUELS[item]
        factor_kg = _combustion_factor(fuel) * 1000
        to_unit, rel = ref_unit, FUEL_UNCERTAINTY[fuel]
        cite = "清单燃料参数（低位发热量×含碳量×氧化率×44/12）"
    elif source in ("electricity", "heat"):
        value, cite = grid_factor(str(info.get("region") or "全国"), int(info.get("year") or 0),
                                  "electricity" if source == "electricity" else "heat")
        cite = "电力二氧化碳排放因子公告" + cite[cite.index("（"):] if source == "electricity" \
            else "外购热力缺省排放因子" + cite[cite.index("（"):]
        factor_kg = value * 1000
        to_unit, rel = ("MWh", GRID_UNCERTAINTY) if source == "electricity" else ("GJ", 0.10)
    else:
        table = refdata.load("event_factors")
        match = table[(table["source"] == source)
                      & ((table["item"] == item) | (table["item_zh"] == item))]
        if match.empty:
            known = table.loc[table["source"] == source, "item_zh"]
            raise InputError("no factor for this item; give 排放因子 and 因子来源 on the row",
                             row=row, column="项目", expected=" / ".join(known), found=item)
        ref = match.iloc[0]
        factor_kg, to_unit = float(ref["value"]), str(ref["unit"])
        rel = float(ref["uncertainty_pct"]) / 100
        cite = f"{ref['source_doc']}（{STATUS_ZH[str(ref['status'])]}）"
    try:
        amount_ref = amount * conversion_factor(unit, to_unit) if unit != to_unit else amount
    except Exception:
        raise InputError("unit does not fit the item", row=row, column="单位",
                         expected=to_unit, found=unit) from None
    return {"source": source, "item": item, "amount": amount, "unit": unit,
            "factor_kg_per_unit": factor_kg, "factor_unit": to_unit, "citation": cite,
            "t_co2e": amount_ref * factor_kg / 1000, "rel_half_width": rel}


def account(info: dict[str, object], sources: pd.DataFrame) -> pd.DataFrame:
    """Lines of the account; every bad row reported at once (:class:`ValidationFailed`)."""
    zh_to_key = {v: k for k, v in SOURCES.items()}
    lines, problems = [], []
    for row, rec in sources.iterrows():
        source = zh_to_key.get(str(rec["类别"]).strip(), str(rec["类别"]).strip())
        try:
            if source not in SOURCES:
                raise InputError("unknown source", row=int(row), column="类别",
                                 expected=" / ".join(SOURCES.values()), found=str(rec["类别"]))
            amount = pd.to_numeric(rec["数量"], errors="coerce")
            if pd.isna(amount) or not math.isfinite(amount) or amount < 0:
                raise InputError("not a finite number ≥ 0", row=int(row), column="数量",
                                 found=str(rec["数量"]))
            override = None
            factor = rec.get("排放因子")
            if factor is not None and not pd.isna(factor) and str(factor).strip():
                value = pd.to_numeric(factor, errors="coerce")
                cite = str(rec.get("因子来源") or "").strip()
                if pd.isna(value) or value < 0 or not cite or cite == "nan":
                    raise InputError("a factor needs a number ≥ 0 and its source (因子来源)",
                                     row=int(row), column="排放因子", found=str(factor))
                override = (float(value), cite)
            lines.append(_line(source, str(rec["项目"]).strip(), float(amount),
                               str(rec["单位"]).strip(), int(row), info, override))
        except InputError as exc:
            problems.append(replace(exc.problem, sheet="排放源"))
    if problems:
        raise ValidationFailed(problems, "event workbook, sheet 排放源")
    return pd.DataFrame(lines)


def check_credits(credits: pd.DataFrame, retired_elsewhere: dict[str, str]) -> tuple[
        pd.DataFrame, list[Problem], list[str]]:
    """(credits accepted, input errors, problems): a serial in the wrong format or twice in the
    workbook is an input error; one retired already by another event is a problem and does not
    count."""
    types = refdata.load("offset_credit_types")
    names = {**dict(zip(types["credit_type"], types["credit_type"], strict=True)),
             **dict(zip(types["credit_type_zh"], types["credit_type"], strict=True)),
             "配额": "allowance", "CCER": "ccer", "碳普惠": "inclusive", "CER": "cer"}
    patterns = dict(zip(types["credit_type"], types["serial_pattern"], strict=True))
    examples = dict(zip(types["credit_type"], types["serial_example"], strict=True))
    errors: list[Problem] = []
    problems: list[str] = []
    keep = []
    seen: dict[str, int] = {}
    for row, rec in credits.iterrows():
        kind = names.get(str(rec["类型"]).strip())
        serial = str(rec["序列号"]).strip()
        qty = pd.to_numeric(rec["数量"], errors="coerce")
        if kind is None:
            errors.append(Problem("not an accepted kind of credit", sheet="抵消", row=int(row),
                                  column="类型", expected="配额、CCER、碳普惠、CER",
                                  found=str(rec["类型"])))
            continue
        if not re.fullmatch(patterns[kind], serial):
            errors.append(Problem("credit serial in the wrong format", sheet="抵消",
                                  row=int(row), column="序列号",
                                  expected=f"like {examples[kind]}", found=serial))
            continue
        if pd.isna(qty) or not math.isfinite(qty) or qty <= 0:
            errors.append(Problem("quantity must be a finite number > 0 (tCO2e)", sheet="抵消",
                                  row=int(row), column="数量", found=str(rec["数量"])))
            continue
        if serial in seen:
            errors.append(Problem(f"serial listed twice (row {seen[serial]})", sheet="抵消",
                                  row=int(row), column="序列号", found=serial))
            continue
        seen[serial] = int(row)
        if serial in retired_elsewhere:
            problems.append(f"序列号 {serial} 已于“{retired_elsewhere[serial]}”注销，不能重复使用")
            continue
        keep.append({"row": int(row), "credit_type": kind, "serial": serial,
                     "vintage": rec.get("年份"), "quantity_t": float(qty)})
    return pd.DataFrame(keep, columns=["row", "credit_type", "serial", "vintage",
                                       "quantity_t"]), errors, problems


def footprint(info: dict[str, object], sources: pd.DataFrame, credits: pd.DataFrame,
              retired_elsewhere: dict[str, str] | None = None) -> Footprint:
    """The event's account, its offsets and whether it is neutral."""
    lines = account(info, sources)
    accepted, errors, problems = check_credits(credits, retired_elsewhere or {})
    if errors:
        raise ValidationFailed(errors, "event workbook, sheet 抵消")
    total = float(lines["t_co2e"].sum()) if len(lines) else 0.0
    by_source = (lines.groupby("source")["t_co2e"].sum().to_dict() if len(lines) else {})
    half = math.sqrt(float(((lines["t_co2e"] * lines["rel_half_width"]) ** 2).sum())) \
        if len(lines) else 0.0
    retired = float(accepted["quantity_t"].sum())
    stage = str(info.get("stage") or "actual")
    if stage == "plan":
        problems.append("计划阶段：预计排放量；活动结束后按实际排放核算，再注销碳信用判定是否碳中和")
    elif retired < total:
        problems.append(f"抵消不足：排放 {total:,.2f} 吨，已注销 {retired:,.2f} 吨，"
                        f"尚差 {total - retired:,.2f} 吨")
    return Footprint(total_t=total, by_source={k: float(v) for k, v in by_source.items()},
                     lines=lines, retired_t=retired, credits=accepted, half_width_t=half,
                     problems=problems, stage=stage)
