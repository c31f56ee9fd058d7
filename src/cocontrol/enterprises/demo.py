"""Illustrative enterprises of the seed cities (示例企业, 数据均为示例): power, cement, tyres
and chemicals in 济南, 淄博, 威海 and 荣成, with problems planted in some of them.

Every number here is made up (illustrative), generated from a physical chain so that clean
enterprises are consistent across their records: coal lab sets follow one relation
(NCV = 0.34 C + H − 0.025 M − 0.6, GJ/t, with small noise), fuel follows hours × load, CEMS SO2
follows the mass balance and CEMS CO2 the accounting, the permit report follows CEMS, and output
follows the industry's energy per output. :data:`PLANTED` says which rules each planted
enterprise must trigger; the clean ones must trigger none.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from cocontrol.enterprises.codes import ALPHABET, uscc_check_character

YEAR = 2024
PLANTED: dict[str, set[str]] = {
    "E02": {"co2_accounting_vs_cems", "so2_balance_vs_reported", "so2_balance_vs_cems",
            "energy_per_output", "fuel_vs_capacity", "co2_stack_month_vs_cems",
            "so2_stack_month_vs_cems"},
    "E03": {"lab_carbon_regression", "lab_dates", "copied_reports", "repeated_values",
            "hours_vs_design"},
    "E04": {"round_values", "unmeasured_months", "output_vs_capacity"},
    "E07": {"hours_load_vs_fuel", "so2_cems_vs_reported", "so2_stack_month_vs_cems",
            "reported_vs_cems_stack_month"},
    "E09": {"lab_ncv_regression", "copied_reports", "stack_links_missing"},
}
CLEAN = ("E01", "E05", "E06", "E08", "E10")


@dataclass
class Firm:
    eid: str
    name: str
    region: str
    division: str  # administrative division code for the USCC
    industry: str
    product: str
    unit: str
    energy_per_output: float  # tce per unit of product
    intensity: float  # target L, tCO2/万元
    facilities: dict[str, float]  # coal facility → GJ per (hour × load)
    sulfur: float  # % as received
    eta: float = 0.0  # SO2 control efficiency
    eta_start: str | None = None
    purchased: float = 1000.0  # MWh per month
    green: float = 0.0
    gas: float = 0.0  # 万Nm³ natural gas per month (facility G1)
    co2_cems: bool = False
    so2_cems_share: float = 1.0  # CEMS SO2 / mass balance (kilns retain sulfur)
    notes: list[str] = field(default_factory=list)


FIRMS = [
    Firm("E01", "【示例】济南华能热电有限公司", "济南市历城区", "370112", "4411", "供电量", "MWh",
         0.29, 2.8, {"U1": 6500.0, "U2": 6200.0}, 0.8, 0.97, None, 800, co2_cems=True),
    Firm("E02", "【示例】淄博恒源发电有限公司", "淄博市临淄区", "370305", "4411", "供电量", "MWh",
         0.29, 3.2, {"U1": 7000.0}, 1.0, 0.96, None, 900, co2_cems=True),
    Firm("E03", "【示例】威海海滨热电有限公司", "威海市环翠区", "371002", "4411", "供电量", "MWh",
         0.29, 3.0, {"U1": 5200.0}, 0.7, 0.97, None, 700, co2_cems=True),
    Firm("E04", "【示例】淄博山水水泥有限公司", "淄博市博山区", "370304", "3011", "水泥熟料", "t",
         0.108, 2.2, {"K1": 720.0}, 0.9, 0.0, None, 6000, so2_cems_share=0.1),
    Firm("E05", "【示例】济南长清水泥有限公司", "济南市长清区", "370113", "3011", "水泥熟料", "t",
         0.108, 2.6, {"K1": 650.0}, 0.8, 0.0, None, 5500, so2_cems_share=0.1),
    Firm("E06", "【示例】威海三角轮胎有限公司", "威海市文登区", "371003", "2911", "轮胎", "t",
         0.35, 0.4, {"B1": 300.0}, 0.9, 0.90, "2024-07-01", 3000, 600, gas=15.0),
    Firm("E07", "【示例】荣成成山轮胎有限公司", "荣成市", "371082", "2911", "轮胎", "t",
         0.35, 0.55, {"B1": 280.0}, 1.0, 0.92, None, 2800, gas=10.0),
    Firm("E08", "【示例】淄博齐鲁化工有限公司", "淄博市临淄区", "370305", "2621", "合成氨", "t",
         1.2, 3.5, {"G1B": 1500.0, "G2B": 1400.0}, 0.7, 0.95, None, 8000),
    Firm("E09", "【示例】淄博金城化肥有限公司", "淄博市张店区", "370303", "2621", "合成氨", "t",
         1.2, 4.5, {"B1": 1300.0}, 0.8, 0.95, None, 7000),
    Firm("E10", "【示例】济南明泉化工有限公司", "济南市章丘区", "370114", "2621", "合成氨", "t",
         1.2, 4.0, {"B1": 1200.0}, 0.6, 0.95, None, 6500),
]


def uscc(division: str, serial: int) -> str:
    """A well-formed illustrative 统一社会信用代码 (check character by GB 32100)."""
    body = f"91{division}MA{serial:07d}"
    assert all(c in ALPHABET for c in body)
    return body + uscc_check_character(body)


def _lab(rng: np.random.Generator, sulfur: float) -> dict[str, float]:
    c = rng.uniform(52, 60)
    h = rng.uniform(2.9, 3.7)
    m = rng.uniform(7, 13)
    ncv = 0.34 * c + h - 0.025 * m - 0.6 + rng.normal(0, 0.12)
    return {"C": c, "hydrogen": round(h, 2), "moisture": round(m, 2),
            "ncv": round(ncv, 3), "carbon_content": round(c / 100 / ncv, 5),
            "sulfur": round(sulfur + rng.uniform(-0.1, 0.1), 2)}


def tables(seed: int = 13) -> dict[str, pd.DataFrame]:
    """The demo sheets (enterprises, facilities, stacks, fuel, operation, production,
    electricity, permit_report, controls, cems) for :data:`YEAR`, with the problems of
    :data:`PLANTED`, plus a clean :data:`HISTORY` year (fuel, production, electricity, permit
    report) so the accounts have a trend."""
    rng = np.random.default_rng(seed)
    ent, fuel, prod, elec, permit, ctrl, cems = [], [], [], [], [], [], []
    for i, f in enumerate(FIRMS):
        ent.append({"enterprise_id": f.eid, "name": f.name, "uscc": uscc(f.division, 100 + i),
                    "region": f.region, "industry": f.industry, "two_high": "是",
                    "permit_no": f"{f.division}PW{i:04d}"})
        for fac in f.facilities:
            if f.eta > 0:
                ctrl.append({"enterprise_id": f.eid, "facility_id": fac, "species": "SO2",
                             "efficiency": f.eta, "start": f.eta_start, "end": None})
        rows, true_so2, true_co2, true_gj = _fuel_year(rng, f, YEAR)
        fuel += rows
        purchased = [round(f.purchased * rng.uniform(0.9, 1.1), 1) for _ in range(12)]
        for month in range(1, 13):
            elec.append({"enterprise_id": f.eid, "year": YEAR, "month": month,
                         "purchased_mwh": purchased[month - 1], "green_mwh": f.green})
        energy_tce = true_gj.sum() * 0.034120842 + sum(purchased) * 0.1229
        output = energy_tce / f.energy_per_output
        scope2 = (sum(purchased) - 12 * f.green) * 0.5306
        value_added = (true_co2.sum() + scope2) / f.intensity
        for month in range(1, 13):
            prod.append({"enterprise_id": f.eid, "year": YEAR, "month": month,
                         "product": f.product, "amount": round(output / 12, 2), "unit": f.unit,
                         "value_added": round(value_added / 12, 2)})
        so2_cems = true_so2 * f.so2_cems_share * (1 + rng.normal(0, 0.02, 12))
        co2_cems = true_co2 * (1 + rng.normal(0, 0.02, 12))
        cems += _cems(rng, f, true_gj, so2_cems, co2_cems)
        permit.append({"enterprise_id": f.eid, "year": YEAR, "species": "SO2",
                       "reported": round(float(so2_cems.sum() * rng.uniform(0.97, 1.03)), 2)})
        permit.append({"enterprise_id": f.eid, "year": YEAR, "species": "NOx",
                       "reported": round(float(true_gj.sum() * 0.00004), 2)})
    history = _history(seed)
    fuel_frame = pd.DataFrame(fuel)
    facilities, stacks, operation = _registry(fuel_frame, seed)
    frames = {"enterprises": pd.DataFrame(ent), "facilities": facilities, "stacks": stacks,
              "fuel": fuel_frame.drop(columns=["hours", "load"]), "operation": operation,
              "production": pd.DataFrame(prod), "electricity": pd.DataFrame(elec),
              "permit_report": pd.DataFrame(permit), "controls": pd.DataFrame(ctrl),
              "cems": pd.concat(cems, ignore_index=True)}
    _plant(frames)
    for name, rows in history.items():  # the clean year before, appended after the plants
        frames[name] = pd.concat([frames[name], pd.DataFrame(rows)], ignore_index=True)
    return frames


def _fuel_year(rng: np.random.Generator, f: Firm, year: int
               ) -> tuple[list[dict], np.ndarray, np.ndarray, np.ndarray]:
    """One year of a firm's fuel rows (coal with its lab set, hours and load; gas) and the true
    monthly SO2 (mass balance with the desulfuriser of its start date), CO2 and heat."""
    true_so2, true_co2, true_gj = np.zeros(12), np.zeros(12), np.zeros(12)
    start = pd.Timestamp(f.eta_start) if f.eta_start else None
    rows = []
    for fac, k in f.facilities.items():
        for month in range(1, 13):
            days = calendar.monthrange(year, month)[1]  # at most the month's hours
            hours = round(float(rng.uniform(600, 744)) * days / 31, 1)
            load = round(float(rng.uniform(0.6, 0.9)), 3)
            lab = _lab(rng, f.sulfur)
            gj = k * hours * load * (1 + rng.normal(0, 0.01))
            amount = round(gj / lab["ncv"], 2)
            gj = amount * lab["ncv"]
            on = start is None or pd.Timestamp(year, month, 1) >= start.replace(day=1)
            eta = f.eta if on else 0.0
            true_so2[month - 1] += amount * lab["sulfur"] / 100 * 1.6 * (1 - eta)
            true_co2[month - 1] += gj * lab["carbon_content"] * 0.99 * 44 / 12
            true_gj[month - 1] += gj
            day = int(rng.integers(5, 24))
            sample = pd.Timestamp(year, month, day)
            test = sample + pd.Timedelta(days=int(rng.integers(2, 6)))
            report = test + pd.Timedelta(days=int(rng.integers(1, 6)))
            rows.append({"enterprise_id": f.eid, "facility_id": fac, "year": year,
                         "month": month, "fuel": "原煤", "amount": amount, "unit": "t",
                         "ncv": lab["ncv"], "carbon_content": lab["carbon_content"],
                         "oxidation": 0.99, "sulfur": lab["sulfur"], "measured": "是",
                         "hydrogen": lab["hydrogen"], "moisture": lab["moisture"],
                         "sample_date": sample.date().isoformat(),
                         "test_date": test.date().isoformat(),
                         "report_date": report.date().isoformat(),
                         "hours": hours, "load": load})
    if f.gas:
        for month in range(1, 13):
            amount = round(f.gas * rng.uniform(0.9, 1.1), 3)
            true_gj[month - 1] += amount * 389.31
            true_co2[month - 1] += amount * 389.31 * 0.0153 * 0.99 * 44 / 12
            rows.append({"enterprise_id": f.eid, "facility_id": "G1", "year": year,
                         "month": month, "fuel": "天然气", "amount": amount, "unit": "万Nm3",
                         "measured": "否"})
    return rows, true_so2, true_co2, true_gj


HISTORY = YEAR - 1
HISTORY_INTENSITY = 1.06  # illustrative: each firm's L was 6 % higher the year before


def _history(seed: int) -> dict[str, list[dict]]:
    """A clean year before :data:`YEAR` for the accounts' trend: fuel (without hours and
    load: the operation sheet covers :data:`YEAR` only), production, electricity and the
    annual permit report; no CEMS. Its own random stream, so :data:`YEAR` stays as it was."""
    rng = np.random.default_rng(seed + 2)
    out: dict[str, list[dict]] = {"fuel": [], "production": [], "electricity": [],
                                  "permit_report": []}
    for f in FIRMS:
        rows, so2, co2, gj = _fuel_year(rng, f, HISTORY)
        out["fuel"] += [{k: v for k, v in r.items() if k not in ("hours", "load")} for r in rows]
        purchased = [round(f.purchased * rng.uniform(0.9, 1.1), 1) for _ in range(12)]
        energy_tce = gj.sum() * 0.034120842 + sum(purchased) * 0.1229
        value_added = ((co2.sum() + (sum(purchased) - 12 * f.green) * 0.5306)
                       / (f.intensity * HISTORY_INTENSITY))
        for month in range(1, 13):
            out["electricity"].append({"enterprise_id": f.eid, "year": HISTORY, "month": month,
                                       "purchased_mwh": purchased[month - 1],
                                       "green_mwh": f.green})
            out["production"].append({"enterprise_id": f.eid, "year": HISTORY, "month": month,
                                      "product": f.product,
                                      "amount": round(energy_tce / f.energy_per_output / 12, 2),
                                      "unit": f.unit, "value_added": round(value_added / 12, 2)})
        out["permit_report"].append({"enterprise_id": f.eid, "year": HISTORY, "species": "SO2",
                                     "reported": round(float((so2 * f.so2_cems_share).sum()), 2)})
    return out


KINDS = {"4411": ("机组", "MW"), "3011": ("窑炉", "t/d"), "2911": ("锅炉", "t/h"),
         "2621": ("锅炉", "t/h")}
STEAM_GJ_PER_T = 3.3  # illustrative fuel heat per t of steam (enthalpy ~2.8 GJ/t, η ~0.85)


def _registry(fuel: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Facilities (capacity consistent with the firm's fuel per hour × load and its energy per
    output), one stack per firm serving all its facilities, and the monthly operation record
    (hours, load and the output that capacity × hours × load gives)."""
    rng = np.random.default_rng(seed + 1)  # separate stream: the other sheets stay as they were
    facilities, stacks, operation = [], [], []
    for f in FIRMS:
        kind, unit = KINDS[f.industry]
        ids = list(f.facilities) + (["G1"] if f.gas else [])
        for fac, k in f.facilities.items():
            if kind == "锅炉":
                per_hour = k / STEAM_GJ_PER_T  # t/h of steam
            else:
                per_hour = k * 0.034120842 / f.energy_per_output  # MW or t/h of clinker
            capacity = round(per_hour * (24 if unit == "t/d" else 1), -1)
            facilities.append({"enterprise_id": f.eid, "facility_id": fac, "kind": kind,
                               "capacity": capacity, "capacity_unit": unit,
                               "design_hours": 8000 if kind == "机组" else None})
            base = capacity / (24 if unit == "t/d" else 1)
            rows = fuel[(fuel["enterprise_id"] == f.eid) & (fuel["facility_id"] == fac)]
            for r in rows.itertuples(index=False):
                output = base * r.hours * r.load * (1 + rng.normal(0, 0.005))
                operation.append({"enterprise_id": f.eid, "facility_id": fac, "year": r.year,
                                  "month": r.month, "hours": r.hours, "load": r.load,
                                  "output": round(output, 1),
                                  "output_unit": "MWh" if unit == "MW" else "t"})
        if f.gas:
            facilities.append({"enterprise_id": f.eid, "facility_id": "G1", "kind": "锅炉",
                               "capacity": 20.0, "capacity_unit": "t/h", "design_hours": None})
        stacks.append({"enterprise_id": f.eid, "stack_id": f"{f.eid}-S1",
                       "facility_id": "|".join(ids), "height": 180 if kind == "机组" else 80,
                       "permit_outlet_id": "DA001"})
    return pd.DataFrame(facilities), pd.DataFrame(stacks), pd.DataFrame(operation)


def _cems(rng: np.random.Generator, f: Firm, gj: np.ndarray, so2: np.ndarray,
          co2: np.ndarray) -> list[pd.DataFrame]:
    out = []
    for month in range(1, 13):
        hours = calendar.monthrange(YEAR, month)[1] * 24
        times = pd.date_range(pd.Timestamp(YEAR, month, 1), periods=hours, freq="h")
        flow = gj[month - 1] * 300.0 / hours * (1 + rng.normal(0, 0.05, hours))
        conc = 1 + rng.normal(0, 0.05, hours)
        conc *= so2[month - 1] * 1e9 / float((conc * flow).sum())
        frame = pd.DataFrame({"enterprise_id": f.eid, "stack_id": f"{f.eid}-S1", "time": times,
                              "flow": flow.round(1), "so2": conc.round(3),
                              "nox": (35 + rng.normal(0, 3, hours)).round(2),
                              "pm": (5 + rng.normal(0, 0.5, hours)).round(2),
                              "o2": (6 + rng.normal(0, 0.3, hours)).round(2)})
        if f.co2_cems:
            pct = co2[month - 1] * 1000 / 1.977 / float(frame["flow"].sum()) * 100
            frame["co2"] = np.round(pct * (1 + rng.normal(0, 0.01, hours)), 3)
        else:
            frame["co2"] = np.nan
        out.append(frame)
    return out


def _plant(t: dict[str, pd.DataFrame]) -> None:
    """The planted problems of :data:`PLANTED` (the true values stay in CEMS and output)."""
    fuel = t["fuel"]

    def rows(eid: str, months: object = None, fac: str | None = None) -> pd.Series:
        mask = (fuel["enterprise_id"] == eid) & (fuel["fuel"] == "原煤") & (fuel["year"] == YEAR)
        if months is not None:
            mask &= fuel["month"].isin(months)  # type: ignore[arg-type]
        if fac is not None:
            mask &= fuel["facility_id"] == fac
        return mask

    # E02: coal under-reported by 40 % every month (CEMS, report and output keep the truth)
    fuel.loc[rows("E02"), "amount"] = (fuel.loc[rows("E02"), "amount"] * 0.6).round(2)
    # E03: carbon content forged 15 % low in March–April; June report dated before sampling;
    # September lab set copied from E09; October–December the same lab values
    fuel.loc[rows("E03", [3, 4]), "carbon_content"] = (
        fuel.loc[rows("E03", [3, 4]), "carbon_content"] * 0.85).round(5)
    june = rows("E03", [6])
    fuel.loc[june, "report_date"] = (pd.to_datetime(fuel.loc[june, "sample_date"])
                                     - pd.Timedelta(days=3)).dt.date.astype(str)
    lab = ["carbon_content", "ncv", "hydrogen", "moisture", "sulfur"]
    fuel.loc[rows("E03", [9]), lab] = fuel.loc[rows("E09", [9]), lab].to_numpy()
    fuel.loc[rows("E03", [11, 12]), ["carbon_content", "ncv"]] = fuel.loc[
        rows("E03", [10]), ["carbon_content", "ncv"]].to_numpy()
    # E03: the unit's design annual hours entered as 7,000 h; it ran about 7,900 h
    fac = t["facilities"]
    fac.loc[(fac["enterprise_id"] == "E03") & (fac["facility_id"] == "U1"), "design_hours"] = 7000
    # E04: coal amounts estimated as round thousands in Feb–May; Jul–Nov not measured
    fuel.loc[rows("E04", [2, 3, 4, 5]), "amount"] = (
        fuel.loc[rows("E04", [2, 3, 4, 5]), "amount"] / 1000).round() * 1000
    fuel.loc[rows("E04", range(7, 12)), ["measured", "carbon_content"]] = ["否", np.nan]
    # E04: March clinker output 40 % above what the kiln's capacity × hours allows
    op = t["operation"]
    march = (op["enterprise_id"] == "E04") & (op["month"] == 3)
    op.loc[march, "output"] = (op.loc[march, "hours"] * 1.4 * op.loc[march, "output"]
                               / (op.loc[march, "hours"] * op.loc[march, "load"])).round(1)
    # E07 and E08 report SO2 per outlet and month (from CEMS); E07 from August at a fifth
    _monthly_permit(t, "E08", {})
    _monthly_permit(t, "E07", {m: 0.2 for m in range(8, 13)})
    # E07: August coal reported at half
    fuel.loc[rows("E07", [8]), "amount"] = (fuel.loc[rows("E07", [8]), "amount"] * 0.5).round(2)
    # E09: the flue gas leaves by two monitored stacks (half the flow each, same
    # concentrations: the firm's CEMS totals unchanged) and the stacks sheet is left empty
    cems = t["cems"]
    e09 = cems["enterprise_id"] == "E09"
    halves = [cems[e09].assign(stack_id=s, flow=(cems.loc[e09, "flow"] / 2).round(2))
              for s in ("E09-S1", "E09-S2")]
    t["cems"] = pd.concat([cems[~e09], *halves], ignore_index=True)
    t["stacks"] = t["stacks"][t["stacks"]["enterprise_id"] != "E09"].reset_index(drop=True)
    # E09: NCV inflated by 2.5 GJ/t in May–June, elemental carbon kept (CC = C / NCV)
    may = rows("E09", [5, 6])
    old = fuel.loc[may, "ncv"].copy()
    fuel.loc[may, "ncv"] = (old + 2.5).round(3)
    fuel.loc[may, "carbon_content"] = (fuel.loc[may, "carbon_content"] * old
                                       / fuel.loc[may, "ncv"]).round(5)


def _monthly_permit(t: dict[str, pd.DataFrame], eid: str, factor: dict[int, float]) -> None:
    """Replace the firm's annual SO2 row by one row per stack and month, equal to the CEMS
    mass of that stack-month times ``factor`` (1 where not given)."""
    cems = t["cems"][t["cems"]["enterprise_id"] == eid]
    month = pd.to_datetime(cems["time"]).dt.month
    mass = (cems["so2"] * cems["flow"] * 1e-9).groupby([cems["stack_id"], month]).sum()
    rows = [{"enterprise_id": eid, "year": YEAR, "species": "SO2",
             "reported": round(float(v) * factor.get(int(m), 1.0), 3), "month": int(m),
             "stack_id": stack} for (stack, m), v in mass.items()]
    rep = t["permit_report"]
    keep = ~((rep["enterprise_id"] == eid) & (rep["species"] == "SO2"))
    t["permit_report"] = pd.concat([rep[keep], pd.DataFrame(rows)], ignore_index=True)


def write(folder: str | Path, seed: int = 13) -> Path:
    """Write the demo as a folder of CSV files (cems as Parquet)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables(seed).items():
        if name == "cems":
            frame.to_parquet(folder / "cems.parquet", index=False)
        else:
            frame.to_csv(folder / f"{name}.csv", index=False, encoding="utf-8")
    return folder
