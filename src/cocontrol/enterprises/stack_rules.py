"""Per stack and per month: the accounted emissions of the facilities behind a stack against
the stack's CEMS mass (在线监测与核算逐排口逐月比对).

The stacks sheet names the facilities each stack serves; without it an enterprise whose CEMS
has a single stack is taken to send all its facilities through that stack, one with
several stacks each named by a facility id sends each facility through its namesake, and any
other is not compared but gets a data-quality finding (``stack_links_missing``: 排口与设施
对应关系缺失，无法逐排口比对) instead of being skipped silently. A stack-month is
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


def _links(ctx: Context) -> tuple[pd.DataFrame, list[str]]:
    """(enterprise_id, stack_id, facility_id) rows and the enterprises that cannot be linked.

    An enterprise with rows in the stacks sheet uses them. One without: a single CEMS stack
    takes all of its facilities; several CEMS stacks are attributed only when unambiguous —
    every CEMS stack id is one of the enterprise's facility ids (a stack named after the unit
    it serves); otherwise the enterprise is listed as unlinked."""
    st = ctx.data.stacks
    rows = [(r.enterprise_id, r.stack_id, f) for r in st.itertuples(index=False)
            for f in r.facility_ids] if len(st) else []
    listed = pd.DataFrame(rows, columns=["enterprise_id", "stack_id", "facility_id"])
    cm = ctx.acc.cems_months
    if cm.empty:
        return listed, []
    fac = ctx.acc.facility_months[["enterprise_id", "facility_id"]].drop_duplicates()
    stacks = cm[~cm["enterprise_id"].isin(set(listed["enterprise_id"]))][
        ["enterprise_id", "stack_id"]].drop_duplicates()
    extra, unlinked = [listed], []
    for ent, g in stacks.groupby("enterprise_id"):
        own = set(fac.loc[fac["enterprise_id"] == ent, "facility_id"])
        ids = list(g["stack_id"])
        if len(ids) < ctx.t("stack_links_missing", "minimum_stacks"):
            extra.append(pd.DataFrame({"enterprise_id": ent, "stack_id": ids[0],
                                       "facility_id": sorted(own)}))
        elif own and set(ids) <= own:
            extra.append(pd.DataFrame({"enterprise_id": ent, "stack_id": ids,
                                       "facility_id": ids}))
        else:
            unlinked.append(str(ent))
    links = pd.concat(extra, ignore_index=True) if len(extra) > 1 else listed
    return links, unlinked


def stack_facilities(ctx: Context) -> pd.DataFrame:
    """(enterprise_id, stack_id, facility_id) rows: from the stacks sheet, else inferred where
    unambiguous (see :func:`_links`)."""
    return _links(ctx)[0]


def stack_links_missing(ctx: Context) -> list[dict]:
    """A data-quality finding for each enterprise (and CEMS year) with several CEMS stacks, no
    stacks sheet rows and stack ids that are not its facility ids: its emissions cannot be
    attributed to stacks, so the per-stack rules compare nothing for it."""
    rule = "stack_links_missing"
    unlinked = _links(ctx)[1]
    cm = ctx.acc.cems_months
    out = []
    for ent in unlinked:
        part = cm[cm["enterprise_id"] == ent]
        stacks = sorted(str(x) for x in part["stack_id"].unique())
        for year in sorted(int(y) for y in part["year"].unique()):
            out.append(_finding(
                rule, ent, "", year,
                f"排口与设施对应关系缺失，无法逐排口比对：在线监测有 {len(stacks)} 个排口"
                f"（{'、'.join(stacks)}），未填排口名录，排口编号也不是设施编号；"
                "请在排口名录中填写每个排口所连的设施",
                f"stack-to-facility links missing, no per-stack comparison: CEMS has "
                f"{len(stacks)} stacks ({', '.join(stacks)}), no stacks sheet rows and the "
                "stack ids are not facility ids; fill the stacks sheet",
                stack=stacks))
    return out


def _stack_months(ctx: Context, value: str, cems_value: str, hours: str) -> pd.DataFrame:
    links = stack_facilities(ctx)
    cm = ctx.acc.cems_months.rename(columns={"co2_t": "co2_cems", "so2_t": "so2_cems"})
    if links.empty or cm.empty:
        return pd.DataFrame()
    keys = ["enterprise_id", "stack_id", "year", "month"]
    acc = ctx.acc.facility_months.merge(links, on=["enterprise_id", "facility_id"])
    acc = acc.groupby(keys, as_index=False)[value].sum()
    month = acc.merge(cm[[*keys, cems_value, hours]], on=keys, how="inner")
    month["coverage"] = _coverage(month, hours)
    return month


def _coverage(month: pd.DataFrame, hours: str) -> pd.Series:
    """Share of each stack-month's calendar hours with CEMS data (``hours`` column)."""
    calendar_hours = [calendar.monthrange(int(y), int(m))[1] * 24
                      for y, m in zip(month["year"], month["month"], strict=True)]
    return month[hours] / pd.Series(calendar_hours, index=month.index, dtype=float)


def _beyond(month: pd.DataFrame, value: str, reference: str, tol: float,
            keys: list[str]) -> list[tuple[tuple, pd.DataFrame, list[int], pd.Series]]:
    """The stack-months whose relative gap (value − reference) / reference is beyond ±tol,
    grouped by ``keys``: (key, the group with its ``gap`` column, its months, its worst
    month) — the shared comparison of the per-stack, per-month rules."""
    month = month.assign(gap=(month[value] - month[reference]) / month[reference])
    out = []
    for key, g in month[month["gap"].abs() > tol].groupby(keys):
        out.append((key, g, [int(m) for m in g["month"]], g.loc[g["gap"].abs().idxmax()]))
    return out


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
    out = []
    for (ent, stack, year), g, months, worst in _beyond(
            month, cems_value, value, tol, ["enterprise_id", "stack_id", "year"]):
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
    month["cems"] = 0.0
    for species, column in CEMS_SPECIES.items():
        month.loc[month["species"] == species, "cems"] = month[column].astype(float)
    month = month[(_coverage(month, "hours") >= coverage) & (month["cems"] >= minimum)]
    out = []
    for (ent, stack, year, species), g, months, worst in _beyond(
            month, "reported", "cems", tol, ["enterprise_id", "stack_id", "year", "species"]):
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
