"""Accounting (核算): combustion CO2, scope 2, SO2 by mass balance and by CEMS.

Pure functions over tables. The monthly fuel chain and the hourly CEMS sums are Ibis
expressions over unbound tables, run by :class:`cocontrol.inventory.engines.Session` on DuckDB
(default) or PySpark; the small per-enterprise sums after them are pandas.

Combustion CO2, the MEE guideline chain (发电设施 2022 and the same structure for the other
industries; "排放量 = 消耗量 × 低位发热量 × 单位热值含碳量 × 碳氧化率 × 44/12")::

    E_CO2 [t] = FC [t or 万Nm³] × NCV [GJ/t or GJ/万Nm³] × CC [tC/GJ] × OF × 44/12

A coal month whose carbon content was not measured by a CMA/CNAS laboratory uses the default
of the 2022-06-08 notice (:mod:`.notice2022`: 0.03085 tC/GJ when the year has fewer than 3
measured months, else the guideline's 0.03356); other fuels without a value use the NDRC
default of ``combustion_co2.csv``, as do missing NCV and oxidation.

SO2 by mass balance (物料衡算), coal only::

    E_SO2 [t] = B [t] × S[%]/100 × 0.8 × 2 × (1 − η_month)

η_month is the efficiency of the desulfuriser times the share of the month's days it ran
(start and end dates inclusive); controls of one facility and pollutant never overlap (intake).

SO2 (and NOx, PM) by CEMS: E [t] = Σ_h C_h [mg/Nm³] × Q_h [Nm³/h] × 1 h × 10⁻⁹; CO2 by
CO2-CEMS: Σ_h CO2_h[%]/100 × Q_h × ρ_CO2 [kg/Nm³] / 1000.

Scope 2: (purchased − green) MWh × the year's grid factor (``grid_factors.csv``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pandas as pd

from cocontrol import refdata
from cocontrol.enterprises.intake import Dataset
from cocontrol.enterprises.notice2022 import coal_default
from cocontrol.enterprises.parameters import parameter
from cocontrol.inventory.engines import session, to_arrow

FUEL_SCHEMA = ibis.schema({
    "enterprise_id": "string", "facility_id": "string", "year": "int64", "month": "int64",
    "fuel_code": "string", "is_coal": "boolean", "amount": "float64", "ncv": "float64",
    "carbon_content": "float64", "measured": "boolean", "oxidation": "float64",
    "sulfur": "float64", "default_ncv": "float64", "default_cc": "float64",
    "default_of": "float64", "hours": "float64", "load": "float64"})
CONTROL_SCHEMA = ibis.schema({"enterprise_id": "string", "facility_id": "string",
                              "year": "int64", "month": "int64", "eta": "float64"})
CEMS_SCHEMA = ibis.schema({"enterprise_id": "string", "stack_id": "string",
                           "time": "timestamp", "flow": "float64", "so2": "float64",
                           "nox": "float64", "pm": "float64", "o2": "float64",
                           "co2": "float64"})


def facility_months() -> ir.Table:
    """Per fuel row (enterprise, facility, year, month, fuel): the values used and the results
    ``energy_gj``, ``co2_t``, ``so2_balance_t``, ``default_used``."""
    fuel = ibis.table(FUEL_SCHEMA, name="fuel")
    ctrl = ibis.table(CONTROL_SCHEMA, name="control_months")
    keys = ["enterprise_id", "facility_id", "year", "month"]
    joined = fuel.left_join(ctrl, keys).select(fuel, ctrl.eta)
    measured = joined.measured & joined.carbon_content.notnull()
    cc_used = ibis.ifelse(joined.is_coal, ibis.ifelse(measured, joined.carbon_content,
                                                      joined.default_cc),
                          joined.carbon_content.fill_null(joined.default_cc))
    default_used = ibis.ifelse(joined.is_coal, ~measured, joined.carbon_content.isnull())
    ncv = joined.ncv.fill_null(joined.default_ncv)
    of = joined.oxidation.fill_null(joined.default_of)
    eta = joined.eta.fill_null(0.0)
    so2_factor = parameter("so2_sulfur_conversion") * parameter("so2_per_sulfur")
    so2 = ibis.ifelse(joined.is_coal & joined.sulfur.notnull(),
                      joined.amount * joined.sulfur / 100.0 * so2_factor * (1.0 - eta), 0.0)
    return joined.mutate(ncv_used=ncv, cc_used=cc_used, of_used=of, eta=eta,
                         default_used=default_used, energy_gj=joined.amount * ncv,
                         co2_t=joined.amount * ncv * cc_used * of * parameter("co2_per_carbon"),
                         so2_balance_t=so2)


def cems_months() -> ir.Table:
    """Per enterprise, stack, year and month: hours, SO2/NOx/PM mass (t), CO2 mass (t) from
    CO2-CEMS and its hours."""
    cems = ibis.table(CEMS_SCHEMA, name="cems")
    rho = parameter("co2_density_stp")
    c = cems.mutate(year=cems.time.year().cast("int64"), month=cems.time.month().cast("int64"))
    return c.group_by(["enterprise_id", "stack_id", "year", "month"]).aggregate(
        hours=c.count(), flow_nm3=c.flow.sum(),
        so2_t=(c.so2 * c.flow).sum() * 1e-9, nox_t=(c.nox * c.flow).sum() * 1e-9,
        pm_t=(c.pm * c.flow).sum() * 1e-9,
        co2_t=(c.co2 * c.flow).sum() / 100.0 * rho / 1000.0, co2_hours=c.co2.count())


def control_months(controls: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """SO2 controls spread over months: η × (days run in the month / days in the month)."""
    rows = []
    so2 = controls[controls["species"] == "SO2"]
    for item in so2.itertuples(index=False):
        start = item.start if pd.notna(item.start) else pd.Timestamp.min
        end = item.end if pd.notna(item.end) else pd.Timestamp.max
        for year in years:
            for month in range(1, 13):
                days = calendar.monthrange(year, month)[1]
                first = pd.Timestamp(year, month, 1)
                last = pd.Timestamp(year, month, days)
                run = (min(end, last) - max(start, first)).days + 1
                if run > 0:
                    rows.append((item.enterprise_id, item.facility_id, year, month,
                                 float(item.efficiency) * min(run, days) / days))
    frame = pd.DataFrame(rows, columns=list(CONTROL_SCHEMA.names))
    return frame.groupby(list(CONTROL_SCHEMA.names[:4]), as_index=False)["eta"].sum()


@dataclass
class Accounting:
    """Results of the engine stage: per fuel row and per stack-month."""

    facility_months: pd.DataFrame
    cems_months: pd.DataFrame


def run(data: Dataset, *, engine: str = "duckdb") -> Accounting:
    """Run the monthly chain and the CEMS sums on ``engine``."""
    fuel = to_arrow(data.fuel.assign(default_cc=coal_default(data.fuel)), FUEL_SCHEMA)
    ctrl = to_arrow(control_months(data.controls, data.years()), CONTROL_SCHEMA)
    sources: dict[str, object] = {"fuel": fuel, "control_months": ctrl}
    exprs = {"facility_months": facility_months()}
    if data.cems is not None:
        sources["cems"] = data.cems
        exprs["cems_months"] = cems_months()
    with session(sources, engine=engine) as ses:  # type: ignore[arg-type]
        out = ses.run(exprs)
    empty = pd.DataFrame(columns=["enterprise_id", "stack_id", "year", "month", "hours",
                                  "flow_nm3", "so2_t", "nox_t", "pm_t", "co2_t", "co2_hours"])
    months = out.get("cems_months", empty)
    sort = ["enterprise_id", "stack_id", "year", "month"]
    return Accounting(
        out["facility_months"].sort_values(
            ["enterprise_id", "facility_id", "year", "month", "fuel_code"]).reset_index(drop=True),
        months.sort_values(sort).reset_index(drop=True))


def grid_factor(year: int, region: str = "全国") -> tuple[float, int]:
    """Grid factor (t/MWh) of ``region`` for ``year`` (``grid_factors.csv``); the latest
    earlier year when the year is not yet published. Returns (factor, year used)."""
    table = refdata.load("grid_factors")
    table = table[(table["region"] == region) & (table["energy"] == "electricity")]
    table = table.dropna(subset=["year"])
    years = sorted(int(y) for y in table["year"])
    usable = [y for y in years if y <= year] or years[:1]
    used = usable[-1]
    return float(table.loc[table["year"].astype(int) == used, "value"].iloc[0]), used


def scope2(electricity: pd.DataFrame, region: str = "全国") -> pd.DataFrame:
    """Scope 2 per enterprise and year: (purchased − green) MWh × grid factor of the year."""
    cols = ["enterprise_id", "year", "purchased_mwh", "green_mwh", "grid_factor",
            "grid_year", "scope2_t"]
    if electricity.empty:
        return pd.DataFrame(columns=cols)
    year = electricity.groupby(["enterprise_id", "year"], as_index=False)[
        ["purchased_mwh", "green_mwh"]].sum()
    factors = {int(y): grid_factor(int(y), region) for y in year["year"].unique()}
    year["grid_factor"] = year["year"].map(lambda y: factors[int(y)][0])
    year["grid_year"] = year["year"].map(lambda y: factors[int(y)][1])
    year["scope2_t"] = (year["purchased_mwh"] - year["green_mwh"]) * year["grid_factor"]
    return year[cols]


def enterprise_years(data: Dataset, acc: Accounting) -> pd.DataFrame:
    """Per enterprise and year: CO2 (scope 1), energy, SO2 by balance, by CEMS and reported,
    CO2 by CEMS, scope 2, output and value added."""
    key = ["enterprise_id", "year"]
    fm = acc.facility_months.assign(
        coal_t=acc.facility_months["amount"].where(acc.facility_months["is_coal"], 0.0))
    base = fm.groupby(key, as_index=False).agg(
        co2_t=("co2_t", "sum"), energy_gj=("energy_gj", "sum"),
        so2_balance_t=("so2_balance_t", "sum"), coal_t=("coal_t", "sum"))
    cm = acc.cems_months
    if len(cm):
        cy = cm.groupby(key, as_index=False).agg(
            so2_cems_t=("so2_t", "sum"), co2_cems_t=("co2_t", "sum"),
            co2_cems_hours=("co2_hours", "sum"), cems_hours=("hours", "sum"))
        base = base.merge(cy, on=key, how="left")
    else:
        for col in ("so2_cems_t", "co2_cems_t", "co2_cems_hours", "cems_hours"):
            base[col] = float("nan")
    rep = data.permit_report[data.permit_report["species"] == "SO2"]
    rep = rep.groupby(key, as_index=False)["reported"].sum().rename(
        columns={"reported": "so2_reported_t"})
    base = base.merge(rep, on=key, how="left")
    base = base.merge(scope2(data.electricity)[[*key, "purchased_mwh", "green_mwh", "grid_factor", "scope2_t"]],
                      on=key, how="left")
    base["scope2_t"] = base["scope2_t"].fillna(0.0)
    prod = data.production
    va = prod.groupby(key, as_index=False)["value_added"].sum(min_count=1)
    base = base.merge(va, on=key, how="left")
    return base.sort_values(key).reset_index(drop=True)
