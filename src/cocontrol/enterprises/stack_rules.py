"""Per stack and per month: the accounted emissions of the facilities behind a stack against
the stack's CEMS mass (在线监测与核算逐排口逐月比对).

The stacks sheet names the facilities each stack serves; without it an enterprise whose CEMS
has a single stack is taken to send all its facilities through that stack, and one with
several stacks is not compared (its emissions cannot be attributed). A stack-month is
compared only when its CEMS covers at least ``minimum_coverage`` of the month's hours (CO2:
hours with a CO2 value), so missing data is not read as a gap. The threshold carries the
stack-flow uncertainty (flow errors of 25–50 % reported; MEE: "break through flow
monitoring", verification-and-accounts.md A.4)::

    |E_CEMS − E_accounted| / E_accounted > k × √(u_accounted² + u_flow²)

One finding per stack and year lists the months beyond the threshold with their numbers.
"""

from __future__ import annotations

import calendar
import math

import pandas as pd

from cocontrol.enterprises.rules import Context, _finding, _months_text


def stack_facilities(ctx: Context) -> pd.DataFrame:
    """(enterprise_id, stack_id, facility_id) rows: from the stacks sheet, else the single
    CEMS stack of an enterprise takes all of its facilities."""
    st = ctx.data.stacks
    if len(st):
        rows = [(r.enterprise_id, r.stack_id, f) for r in st.itertuples(index=False)
                for f in r.facility_ids]
        return pd.DataFrame(rows, columns=["enterprise_id", "stack_id", "facility_id"])
    cm = ctx.acc.cems_months
    single = cm.groupby("enterprise_id")["stack_id"].nunique()
    single = single[single == 1].index
    stacks = cm[cm["enterprise_id"].isin(single)][["enterprise_id", "stack_id"]].drop_duplicates()
    fac = ctx.acc.facility_months[["enterprise_id", "facility_id"]].drop_duplicates()
    return stacks.merge(fac, on="enterprise_id")


def _stack_months(ctx: Context, value: str, cems_value: str, hours: str) -> pd.DataFrame:
    links = stack_facilities(ctx)
    cm = ctx.acc.cems_months.rename(columns={"co2_t": "co2_cems", "so2_t": "so2_cems"})
    if links.empty or cm.empty:
        return pd.DataFrame()
    keys = ["enterprise_id", "stack_id", "year", "month"]
    acc = ctx.acc.facility_months.merge(links, on=["enterprise_id", "facility_id"])
    acc = acc.groupby(keys, as_index=False)[value].sum()
    month = acc.merge(cm[[*keys, cems_value, hours]], on=keys, how="inner")
    month["month_hours"] = [calendar.monthrange(int(y), int(m))[1] * 24
                            for y, m in zip(month["year"], month["month"], strict=True)]
    month["coverage"] = month[hours] / month["month_hours"]
    return month


def _compare(ctx: Context, rule: str, value: str, cems_value: str, hours: str, zh: str,
             basis: str, en: str) -> list[dict]:
    tol = ctx.t(rule, "k") * math.hypot(ctx.t(rule, "u_accounting"), ctx.t(rule, "u_flow"))
    coverage = ctx.t(rule, "minimum_coverage")
    minimum = ctx.t(rule, "minimum_t")
    month = _stack_months(ctx, value, cems_value, hours)
    if month.empty:
        return []
    industry, skip = ctx.industries(), ctx.excluded(rule)
    month = month[(month["coverage"] >= coverage) & (month[value] >= minimum)].copy()
    kept = month["enterprise_id"].map(
        lambda e: not any(str(industry.get(e, "")).startswith(s) for s in skip))
    month = month[kept.astype(bool)]
    month["gap"] = (month[cems_value] - month[value]) / month[value]
    bad = month[month["gap"].abs() > tol]
    out = []
    for (ent, stack, year), g in bad.groupby(["enterprise_id", "stack_id", "year"]):
        months = [int(m) for m in g["month"]]
        worst = g.loc[g["gap"].abs().idxmax()]
        out.append(_finding(
            rule, ent, stack, int(year),
            f"排口{stack} {_months_text(months)}月在线监测{zh}与{basis}相差超过 ±{tol:.0%}"
            f"（阈值已计入烟气流量不确定度）；相差最大的是{int(worst['month'])}月：在线监测 "
            f"{worst[cems_value]:,.1f} t，{basis} {worst[value]:,.1f} t，"
            f"相差 {worst['gap']:+.0%}",
            f"stack {stack}, months {', '.join(map(str, months))}: {en} by CEMS and by "
            f"accounting differ beyond ±{tol:.0%} (stack-flow uncertainty included); largest in "
            f"month {int(worst['month'])}: CEMS {worst[cems_value]:,.1f} t, accounted "
            f"{worst[value]:,.1f} t, gap {worst['gap']:+.0%}",
            stack=stack, months=months, threshold=tol,
            cems_t=[round(float(v), 3) for v in g[cems_value]],
            accounted_t=[round(float(v), 3) for v in g[value]],
            relative_gap=[round(float(v), 4) for v in g["gap"]],
            coverage=[round(float(v), 4) for v in g["coverage"]]))
    return out


def co2_stack_month_vs_cems(ctx: Context) -> list[dict]:
    return _compare(ctx, "co2_stack_month_vs_cems", "co2_t", "co2_cems", "co2_hours", "CO2",
                    "燃料核算", "CO2")


def so2_stack_month_vs_cems(ctx: Context) -> list[dict]:
    return _compare(ctx, "so2_stack_month_vs_cems", "so2_balance_t", "so2_cems", "hours",
                    "SO2", "物料衡算", "SO2 (mass balance)")


CEMS_SPECIES = {"SO2": "so2_t", "NOx": "nox_t", "颗粒物": "pm_t"}


def reported_vs_cems_stack_month(ctx: Context) -> list[dict]:
    """The permit execution report's monthly actual emissions per outlet against the same
    stack-month's CEMS mass: the report is meant to be computed from the CEMS, so only the
    plain tolerance applies (both sides share the same flow measurement)."""
    rule = "reported_vs_cems_stack_month"
    tol, minimum = ctx.t(rule, "relative_tolerance"), ctx.t(rule, "minimum_t")
    coverage = ctx.t(rule, "minimum_coverage")
    rep = ctx.data.permit_report
    rep = rep[rep["month"].notna() & rep["stack_id"].notna()
              & rep["species"].isin(list(CEMS_SPECIES))]
    cm = ctx.acc.cems_months
    if rep.empty or cm.empty:
        return []
    keys = ["enterprise_id", "stack_id", "year", "month"]
    rep = rep.astype({"year": "int64", "month": "int64"})
    month = rep.merge(cm, on=keys, how="inner")
    month["cems"] = [float(r[CEMS_SPECIES[r["species"]]]) for _, r in month.iterrows()]
    month["month_hours"] = [calendar.monthrange(int(y), int(m))[1] * 24
                            for y, m in zip(month["year"], month["month"], strict=True)]
    month = month[(month["hours"] / month["month_hours"] >= coverage)
                  & (month["cems"] >= minimum)].copy()
    month["gap"] = (month["reported"] - month["cems"]) / month["cems"]
    bad = month[month["gap"].abs() > tol]
    out = []
    for (ent, stack, year, species), g in bad.groupby(
            ["enterprise_id", "stack_id", "year", "species"]):
        months = [int(m) for m in g["month"]]
        worst = g.loc[g["gap"].abs().idxmax()]
        out.append(_finding(
            rule, ent, stack, int(year),
            f"排口{stack} {_months_text(months)}月执行报告{species}与在线监测相差超过 ±{tol:.0%}；"
            f"相差最大的是{int(worst['month'])}月：执行报告 {worst['reported']:,.2f} t，"
            f"在线监测 {worst['cems']:,.2f} t，相差 {worst['gap']:+.0%}",
            f"stack {stack}, months {', '.join(map(str, months))}: {species} in the permit "
            f"report differs from CEMS beyond ±{tol:.0%}; largest in month "
            f"{int(worst['month'])}: reported {worst['reported']:,.2f} t, CEMS "
            f"{worst['cems']:,.2f} t, gap {worst['gap']:+.0%}",
            stack=stack, species=species, months=months, threshold=tol,
            reported=[round(float(v), 3) for v in g["reported"]],
            cems_t=[round(float(v), 3) for v in g["cems"]],
            relative_gap=[round(float(v), 4) for v in g["gap"]]))
    return out
