"""Co-verification rules (协同核查规则): each a named rule with its formula, threshold,
citation and plain Chinese explanation (``enterprise_rules.csv``; thresholds in
``enterprise_rule_thresholds.csv``), producing findings — not verdicts — with the numbers that
triggered them. Pure functions over the validated data and the accounting results.

A finding is a dict: enterprise_id, facility_id ("" for the whole enterprise), year, rule,
severity (high | medium | info), message (Chinese), evidence (numbers).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from cocontrol.enterprises.accounting import Accounting
from cocontrol.enterprises.codes import industry_digits
from cocontrol.enterprises.intake import Dataset
from cocontrol.enterprises.notice2022 import coal_default, measured_months
from cocontrol.enterprises.parameters import benchmarks, parameter, rules

FINDING_COLUMNS = ["enterprise_id", "facility_id", "year", "rule", "severity", "message",
                   "message_en", "evidence"]


@dataclass
class Context:
    """What the rules read: the data, the accounting results, per-enterprise-year sums and the
    thresholds ``{rule: {parameter: text}}``."""

    data: Dataset
    acc: Accounting
    years: pd.DataFrame
    thresholds: dict[str, dict[str, str]]

    def t(self, rule: str, name: str) -> float:
        return float(self.thresholds[rule][name])

    def industries(self) -> pd.Series:
        ent = self.data.enterprises
        return pd.Series(ent["industry"].map(industry_digits).values, index=ent["enterprise_id"])

    def excluded(self, rule: str) -> set[str]:
        text = self.thresholds.get(rule, {}).get("exclude_industries", "")
        return {p.strip() for p in text.split("|") if p.strip() and p.strip() != "nan"}


@lru_cache(maxsize=64)
def _severity(rule: str) -> str:
    return str(rules().at[rule, "severity"])


def _finding(rule: str, enterprise: str, facility: str, year: int, message: str,
             en: str = "", **evidence: object) -> dict[str, object]:
    clean = {k: (round(v, 6) if isinstance(v, float) else v) for k, v in evidence.items()}
    return {"enterprise_id": enterprise, "facility_id": facility, "year": int(year),
            "rule": rule, "severity": _severity(rule), "message": message, "message_en": en,
            "evidence": clean}


def _compare(ctx: Context, rule: str, a: str, b: str, a_zh: str, b_zh: str, a_en: str,
             b_en: str) -> list[dict]:
    """Relative gap (a − b) / b of two per-enterprise-year columns against the tolerance."""
    tol, minimum = ctx.t(rule, "relative_tolerance"), ctx.t(rule, "minimum_t")
    industry, skip = ctx.industries(), ctx.excluded(rule)
    out = []
    for r in ctx.years.itertuples(index=False):
        va, vb = getattr(r, a), getattr(r, b)
        if pd.isna(va) or pd.isna(vb) or vb < minimum:
            continue
        code = industry.get(r.enterprise_id, "")
        if any(code.startswith(s) for s in skip):
            continue
        gap = (va - vb) / vb
        if abs(gap) > tol:
            out.append(_finding(rule, r.enterprise_id, "", r.year,
                                f"{a_zh} {va:,.1f} t，{b_zh} {vb:,.1f} t，相差 {gap:+.0%}"
                                f"（阈值 ±{tol:.0%}）",
                                f"{a_en} {va:,.1f} t, {b_en} {vb:,.1f} t, gap {gap:+.0%} "
                                f"(threshold ±{tol:.0%})",
                                **{a: float(va), b: float(vb), "relative_gap": float(gap),
                                   "threshold": tol}))
    return out


def so2_balance_vs_reported(ctx: Context) -> list[dict]:
    return _compare(ctx, "so2_balance_vs_reported", "so2_reported_t", "so2_balance_t",
                    "执行报告SO2", "按燃煤量和硫分物料衡算SO2", "SO2 in the permit report",
                    "SO2 by coal mass balance")


def so2_cems_vs_reported(ctx: Context) -> list[dict]:
    return _compare(ctx, "so2_cems_vs_reported", "so2_reported_t", "so2_cems_t",
                    "执行报告SO2", "在线监测SO2", "SO2 in the permit report", "SO2 by CEMS")


def so2_balance_vs_cems(ctx: Context) -> list[dict]:
    return _compare(ctx, "so2_balance_vs_cems", "so2_cems_t", "so2_balance_t",
                    "在线监测SO2", "物料衡算SO2", "SO2 by CEMS", "SO2 by mass balance")


def co2_accounting_vs_cems(ctx: Context) -> list[dict]:
    """Threshold k × √(u_acc² + u_flow²): the stack-flow uncertainty widens it."""
    rule = "co2_accounting_vs_cems"
    tol = ctx.t(rule, "k") * math.hypot(ctx.t(rule, "u_accounting"), ctx.t(rule, "u_flow"))
    out = []
    for r in ctx.years.itertuples(index=False):
        if pd.isna(r.co2_cems_hours) or r.co2_cems_hours <= 0 or not r.co2_t > 0:
            continue
        gap = (r.co2_cems_t - r.co2_t) / r.co2_t
        if abs(gap) > tol:
            out.append(_finding(rule, r.enterprise_id, "", r.year,
                                f"CO2在线监测 {r.co2_cems_t:,.0f} t，燃料核算 {r.co2_t:,.0f} t，"
                                f"相差 {gap:+.0%}（阈值 ±{tol:.0%}，已计入烟气流量不确定度）",
                                f"CO2 by CEMS {r.co2_cems_t:,.0f} t, by fuel accounting "
                                f"{r.co2_t:,.0f} t, gap {gap:+.0%} (threshold ±{tol:.0%}, "
                                "stack-flow uncertainty included)",
                                co2_cems_t=float(r.co2_cems_t), co2_accounted_t=float(r.co2_t),
                                relative_gap=float(gap), threshold=tol,
                                cems_hours=int(r.co2_cems_hours)))
    return out


def _lab_set(data: Dataset) -> pd.DataFrame:
    lab = data.fuel[data.fuel["is_coal"] & data.fuel["measured"]].dropna(
        subset=["carbon_content", "ncv", "hydrogen", "moisture"]).copy()
    lab["carbon_pct"] = lab["carbon_content"] * lab["ncv"] * 100.0  # C_ar = CC × NCV
    return lab


def _loo_residuals(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Leave-one-out residuals of OLS y ~ [1, x]: e_i / (1 − h_ii)."""
    design = np.column_stack([np.ones(len(y)), x])
    beta, *_ = np.linalg.lstsq(design, y, rcond=None)
    pinv = np.linalg.pinv(design.T @ design)
    hat = np.einsum("ij,jk,ik->i", design, pinv, design)
    return (y - design @ beta) / np.clip(1.0 - hat, 1e-9, None)


def _regression(ctx: Context, rule: str, target: str, features: list[str], name_zh: str,
                unit: str, name_en: str) -> list[dict]:
    """Flag lab records whose ``target`` is beyond k × max(robust RMSE, floor) of the
    leave-one-out prediction from the other results of the same sample (Energies 2023)."""
    lab = _lab_set(ctx.data)
    if len(lab) < ctx.t(rule, "minimum_samples"):
        return []
    resid = _loo_residuals(lab[target].to_numpy(float), lab[features].to_numpy(float))
    rmse = 1.4826 * float(np.median(np.abs(resid - np.median(resid))))
    limit = ctx.t(rule, "k") * max(rmse, ctx.t(rule, "rmse_floor"))
    out = []
    hits = np.flatnonzero(np.abs(resid) > limit)
    for (_, r), e in zip(lab.iloc[hits].iterrows(), resid[hits], strict=True):
        predicted = r[target] - e
        out.append(_finding(rule, r["enterprise_id"], r["facility_id"], r["year"],
                            f"{int(r['month'])}月化验{name_zh} {r[target]:.2f}{unit}，"
                            f"按同一煤样其他指标回归应为 {predicted:.2f}{unit}，"
                            f"偏差 {e:+.2f}{unit}（阈值 ±{limit:.2f}{unit}）",
                            f"month {int(r['month'])}: lab {name_en} {r[target]:.2f}{unit}, "
                            f"regression on the sample's other results {predicted:.2f}{unit}, "
                            f"residual {e:+.2f}{unit} (threshold ±{limit:.2f}{unit})",
                            month=int(r["month"]), reported=float(r[target]),
                            predicted=float(predicted), residual=float(e), limit=limit,
                            rmse=rmse, samples=len(lab), row=int(r["row"])))
    return out


def lab_carbon_regression(ctx: Context) -> list[dict]:
    return _regression(ctx, "lab_carbon_regression", "carbon_pct", ["ncv", "hydrogen", "moisture"],
                       "元素碳含量", "%", "elemental carbon")


def lab_ncv_regression(ctx: Context) -> list[dict]:
    return _regression(ctx, "lab_ncv_regression", "ncv", ["carbon_pct", "hydrogen", "moisture"],
                       "低位发热量", " GJ/t", "net calorific value")


def unmeasured_months(ctx: Context) -> list[dict]:
    """Coal months without a tested carbon content, with the default the 2022 notice gives
    them (:mod:`.notice2022`: 0.03085 tC/GJ under 3 measured months a year, else 0.03356)."""
    rule = "unmeasured_months"
    limit = ctx.t(rule, "maximum_unmeasured")
    need = int(parameter("min_measured_months"))
    fuel = ctx.data.fuel.assign(_done=measured_months(ctx.data.fuel),
                                _default=coal_default(ctx.data.fuel))
    fuel = fuel[fuel["is_coal"]]
    keys = ["enterprise_id", "facility_id", "year"]
    missing = fuel[~(fuel["measured"] & fuel["carbon_content"].notna())]
    counts = missing.groupby(keys)["month"].nunique()
    hits = counts[counts > limit]
    if hits.empty:
        return []
    months = missing.groupby(keys)["month"].agg(lambda s: sorted(int(m) for m in s.unique()))
    done_of = missing.groupby(keys)["_done"].first()
    default_of = missing.groupby(keys)["_default"].first()
    out = []
    for (ent, fac, year) in hits.index:
        gone = months.loc[(ent, fac, year)]
        done = int(done_of.loc[(ent, fac, year)])
        default = float(default_of.loc[(ent, fac, year)])
        why = (f"全年实测不足{need}个月，按2022年通知取缺省值" if done < need
               else f"全年实测{done}个月（满{need}个月），按核算指南取缺省值")
        out.append(_finding(rule, ent, fac, year,
                            f"{len(gone)}个月燃煤含碳量未实测（{_months_text(gone)}月），"
                            f"{why} {default} tC/GJ",
                            f"coal carbon content not measured in {len(gone)} months "
                            f"({', '.join(map(str, gone))}); {done} measured months in the "
                            f"year, default {default} tC/GJ used",
                            unmeasured_months=gone, measured_months=done, default_cc=default))
    return out


def repeated_values(ctx: Context) -> list[dict]:
    """Runs of ≥ n consecutive months with the same lab pair (carbon content and NCV together,
    so a 3-significant-figure carbon content repeating by chance does not count) or the same
    amount."""
    rule = "repeated_values"
    run_length = int(ctx.t(rule, "run_length"))
    checks = {"化验结果（含碳量和发热量）": ["carbon_content", "ncv"], "消耗量": ["amount"]}
    english = {"化验结果（含碳量和发热量）": "lab carbon content and NCV", "消耗量": "amount"}
    out = []
    fuel = ctx.data.fuel.sort_values("month")
    for (ent, fac, _code, year), g in fuel.groupby(
            ["enterprise_id", "facility_id", "fuel_code", "year"]):
        months = g["month"].to_list()
        for zh, cols in checks.items():
            values = list(zip(*(g[c].to_list() for c in cols), strict=True))
            start = 0
            for i in range(1, len(values) + 1):
                if (i < len(values) and values[i] == values[start]
                        and months[i] == months[i - 1] + 1):
                    continue
                if i - start >= run_length and not any(pd.isna(v) for v in values[start]):
                    span = [int(m) for m in months[start:i]]
                    shown = "、".join(f"{v:g}" for v in values[start])
                    out.append(_finding(rule, ent, fac, year,
                                        f"{g['fuel'].iloc[0]}{zh}在{span[0]}–{span[-1]}月连续"
                                        f"{len(span)}个月完全相同（{shown}）",
                                        f"{english[zh]} identical in months "
                                        f"{span[0]}–{span[-1]} ({shown.replace('、', ', ')})",
                                        columns=cols, values=[float(v) for v in values[start]],
                                        months=span))
                start = i
    return out


def round_values(ctx: Context) -> list[dict]:
    rule = "round_values"
    step, need = ctx.t(rule, "step"), int(ctx.t(rule, "minimum_months"))
    fuel = ctx.data.fuel[(ctx.data.fuel["category"] != "gas") & (ctx.data.fuel["amount"] > 0)]
    rest = np.mod(fuel["amount"].to_numpy(float), step)
    hit = fuel[np.isclose(rest, 0) | np.isclose(rest, step)]
    keys = ["enterprise_id", "facility_id", "fuel_code", "year"]
    out = []
    for (ent, fac, _code, year), g in hit.groupby(keys):
        if len(g) < need:
            continue
        months = sorted(int(m) for m in g["month"])
        out.append(_finding(rule, ent, fac, year,
                            f"{g['fuel'].iloc[0]}消耗量有{len(g)}个月为{step:g} t的整数倍"
                            f"（{'、'.join(map(str, months))}月），不像计量值",
                            f"amount a multiple of {step:g} t in {len(g)} months "
                            f"({', '.join(map(str, months))}): not a metered value",
                            months=months, amounts=[float(a) for a in g["amount"]], step=step))
    return out


def lab_dates(ctx: Context) -> list[dict]:
    rule = "lab_dates"
    late = ctx.t(rule, "report_days_after_month")
    fuel = ctx.data.fuel
    sample, test, report = fuel["sample_date"], fuel["test_date"], fuel["report_date"]
    month_end = pd.to_datetime(pd.DataFrame({"year": fuel["year"].astype(int),
                                             "month": fuel["month"].astype(int), "day": 1})
                               ) + pd.offsets.MonthEnd(0)
    checks = {"报告日期早于采样日期": report < sample, "检测日期早于采样日期": test < sample,
              "报告日期早于检测日期": report < test,
              f"报告晚于月末{int(late)}天以上": (report - month_end).dt.days > late}
    flags = pd.DataFrame(checks)
    out = []
    for idx in fuel.index[flags.any(axis=1)]:
        r = fuel.loc[idx]
        problems = [name for name in checks if flags.at[idx, name]]
        dates = {k: (None if pd.isna(r[k]) else r[k].date().isoformat())
                 for k in ("sample_date", "test_date", "report_date")}
        out.append(_finding(rule, r["enterprise_id"], r["facility_id"], r["year"],
                            f"{int(r['month'])}月化验：{'；'.join(problems)}"
                            f"（采样 {dates['sample_date']}，检测 {dates['test_date']}，"
                            f"报告 {dates['report_date']}）",
                            f"month {int(r['month'])}: lab dates out of order or late "
                            f"(sampled {dates['sample_date']}, tested {dates['test_date']}, "
                            f"reported {dates['report_date']})",
                            month=int(r["month"]), row=int(r["row"]), **dates))
    return out


def copied_reports(ctx: Context) -> list[dict]:
    rule = "copied_reports"
    cols = ["carbon_content", "ncv", "hydrogen", "moisture", "sulfur"]
    lab = ctx.data.fuel.dropna(subset=cols).copy()
    lab["key"] = list(zip(*(lab[c].round(6) for c in cols), strict=True))
    need = ctx.t(rule, "minimum_enterprises")
    lab = lab[lab.groupby("key")["enterprise_id"].transform("nunique") >= need]
    out = []
    for key, g in lab.groupby("key"):
        firms = sorted(g["enterprise_id"].unique())
        if len(firms) < need:
            continue
        for r in g.itertuples(index=False):
            others = [f for f in firms if f != r.enterprise_id]
            out.append(_finding(rule, r.enterprise_id, r.facility_id, r.year,
                                f"{int(r.month)}月化验结果（含碳量、发热量、氢、水分、硫分）与"
                                f"{'、'.join(others)}的化验结果完全相同",
                                f"month {int(r.month)}: lab results identical to those of "
                                f"{', '.join(others)}",
                                month=int(r.month), row=int(r.row), same_as=others,
                                values=dict(zip(cols, map(float, key), strict=True))))
    return out


def energy_per_output(ctx: Context) -> list[dict]:
    rule = "energy_per_output"
    low, high = ctx.t(rule, "low_factor"), ctx.t(rule, "high_factor")
    bench = benchmarks().set_index("industry")
    tce_gj, tce_mwh = parameter("tce_per_gj"), parameter("electricity_tce_per_mwh")
    industry = ctx.industries()
    prod = ctx.data.production.groupby(["enterprise_id", "year", "product"])["amount"].sum()
    out = []
    for r in ctx.years.itertuples(index=False):
        code = industry.get(r.enterprise_id, "")
        if code not in bench.index:
            continue
        b = bench.loc[code]
        output = prod.get((r.enterprise_id, r.year, b["product"]))
        if output is None or not output > 0:
            continue
        elec = 0.0 if pd.isna(r.purchased_mwh) else float(r.purchased_mwh)
        energy = r.energy_gj * tce_gj + elec * tce_mwh
        ratio = energy / output
        adv, lim = float(b["energy_per_output_advanced"]), float(b["energy_per_output_limit"])
        if ratio < adv * low:
            text = f"低于行业标杆 {adv:g} 的{low:.0%}，燃料量可能少报或产量多报"
        elif ratio > lim * high:
            text = f"高于行业基准 {lim:g}"
        else:
            continue
        out.append(_finding(rule, r.enterprise_id, "", r.year,
                            f"单位{b['product']}综合能耗 {ratio:.3f} {b['energy_unit']}，{text}",
                            f"energy per output {ratio:.3f} {b['energy_unit']} against "
                            f"advanced {adv:g} and limit {lim:g}",
                            energy_tce=float(energy), output=float(output),
                            energy_per_output=float(ratio), advanced=adv, limit=lim,
                            unit=str(b["energy_unit"]), product=str(b["product"])))
    return out


def operation_months(ctx: Context) -> pd.DataFrame:
    """Per facility and month: fuel heat (GJ), hours and load — from the ``operation`` sheet
    when given (a missing load is the one the output implies: output / (capacity × hours)),
    else from the fuel sheet's hours and load columns — with the facility's capacity."""
    keys = ["enterprise_id", "facility_id", "year", "month"]
    fm = ctx.acc.facility_months
    month = fm.groupby(keys, as_index=False).agg(
        energy_gj=("energy_gj", "sum"), hours=("hours", "max"), load=("load", "max"))
    fac = ctx.data.facilities[["enterprise_id", "facility_id", "kind", "capacity_base",
                               "dimension", "design_hours"]]
    op = ctx.data.operation
    if len(op):
        op = op.merge(fac, on=["enterprise_id", "facility_id"], how="left")
        implied = op["output_base"] / (op["capacity_base"] * op["hours"])
        op = op.assign(load=op["load"].fillna(implied), implied_load=implied)
        month = month.drop(columns=["hours", "load"]).merge(
            op[[*keys, "hours", "load", "implied_load", "output_base"]], on=keys, how="inner")
    else:
        month = month.assign(implied_load=float("nan"), output_base=float("nan"))
    month = month.merge(fac, on=["enterprise_id", "facility_id"], how="left")
    for col in ("hours", "load", "implied_load", "output_base", "capacity_base", "energy_gj",
                "design_hours"):
        month[col] = pd.to_numeric(month[col], errors="coerce").astype(float)
    return month


def hours_load_vs_fuel(ctx: Context) -> list[dict]:
    """Fuel heat per operating hour × load against the facility's own year (median)."""
    rule = "hours_load_vs_fuel"
    tol, need = ctx.t(rule, "relative_tolerance"), int(ctx.t(rule, "minimum_months"))
    keys = ["enterprise_id", "facility_id", "year"]
    month = operation_months(ctx).dropna(subset=["hours", "load"])
    out = []
    for r in month[(month["hours"] == 0) & (month["energy_gj"] > 0)].itertuples(index=False):
        out.append(_finding(rule, r.enterprise_id, r.facility_id, r.year,
                            f"{int(r.month)}月运行小时为0，但消耗燃料 {r.energy_gj:,.0f} GJ",
                            f"month {int(r.month)}: 0 operating hours but {r.energy_gj:,.0f} GJ "
                            "of fuel",
                            month=int(r.month), hours=0.0, energy_gj=float(r.energy_gj)))
    run = month[(month["hours"] > 0) & (month["load"] > 0)].copy()
    run["ratio"] = run["energy_gj"] / (run["hours"] * run["load"])
    grouped = run.groupby(keys)["ratio"]
    run["median"] = grouped.transform("median")
    run["months"] = grouped.transform("count")
    run["gap"] = run["ratio"] / run["median"] - 1.0
    hits = run[(run["months"] >= need) & (run["gap"].abs() > tol)]
    for r in hits.itertuples(index=False):
        out.append(_finding(rule, r.enterprise_id, r.facility_id, r.year,
                            f"{int(r.month)}月单位运行小时·负荷的燃料热量 {r.ratio:,.1f} GJ，"
                            f"全年中位数 {r.median:,.1f} GJ，相差 {r.gap:+.0%}（阈值 ±{tol:.0%}）",
                            f"month {int(r.month)}: fuel heat per hour × load {r.ratio:,.1f} GJ, "
                            f"year's median {r.median:,.1f} GJ, gap {r.gap:+.0%} "
                            f"(threshold ±{tol:.0%})",
                            month=int(r.month), hours=float(r.hours), load=float(r.load),
                            energy_gj=float(r.energy_gj), ratio=float(r.ratio),
                            median=float(r.median), relative_gap=float(r.gap)))
    return out


def _months_text(months: list[int]) -> str:
    """Months as runs: [1, 2, 3, 5] → "1–3、5"."""
    runs: list[list[int]] = []
    for m in sorted(months):
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return "、".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else "、".join(map(str, r)) for r in runs)


def fuel_vs_capacity(ctx: Context) -> list[dict]:
    """Fuel per full-load hour of capacity, q = E_GJ × 0.0341 / (h × load × P) [tce/MWh or
    tce/t], against the industry's advanced (标杆) and limit (基准) energy per output: for units
    (MW → MWh of power) and kilns (t/h → t of clinker) only, one finding per facility-year."""
    rule = "fuel_vs_capacity"
    low, high = ctx.t(rule, "low_factor"), ctx.t(rule, "high_factor")
    bench = benchmarks().set_index("industry")
    industry = ctx.industries()
    tce = parameter("tce_per_gj")
    month = operation_months(ctx).dropna(subset=["hours", "load", "capacity_base"])
    month = month[(month["hours"] > 0) & (month["load"] > 0)
                  & month["kind"].isin(["机组", "窑炉"])].copy()
    month["q"] = month["energy_gj"] * tce / (month["hours"] * month["load"]
                                              * month["capacity_base"])
    out = []
    for (ent, fac, year), g in month.groupby(["enterprise_id", "facility_id", "year"]):
        code = industry.get(ent, "")
        if code not in bench.index:
            continue
        b = bench.loc[code]
        unit = {"power": "MWh", "mass": "t"}[g["dimension"].iloc[0]]
        if str(b["output_unit"]) != unit:
            continue
        adv, lim = float(b["energy_per_output_advanced"]), float(b["energy_per_output_limit"])
        bad = g[(g["q"] < adv * low) | (g["q"] > lim * high)]
        if bad.empty:
            continue
        months = sorted(int(m) for m in bad["month"])
        q = float(bad["q"].median())
        side = (f"低于行业标杆 {adv:g} 的{low:.0%}，燃料量可能少报" if q < adv * low
                else f"高于行业基准 {lim:g} 的{high:.0%}，燃料量可能多报或容量填报有误")
        out.append(_finding(rule, ent, fac, int(year),
                            f"{_months_text(months)}月按额定容量、运行小时和负荷率折算，满负荷"
                            f"每单位产出燃料 {q:.3f} {b['energy_unit']}（中位数），{side}",
                            f"months {', '.join(map(str, months))}: fuel per full-load output "
                            f"of capacity {q:.3f} {b['energy_unit']} (median) against advanced "
                            f"{adv:g} and limit {lim:g}",
                            months=months, fuel_per_capacity=q, advanced=adv,
                            limit_level=lim, unit=str(b["energy_unit"]), low_factor=low,
                            high_factor=high))
    return out


def output_vs_capacity(ctx: Context) -> list[dict]:
    """Load implied by the month's output, output / (capacity × hours), above the maximum."""
    rule = "output_vs_capacity"
    most = ctx.t(rule, "maximum_load")
    month = operation_months(ctx).dropna(subset=["implied_load"])
    bad = month[month["implied_load"] > most]
    out = []
    for (ent, fac, year), g in bad.groupby(["enterprise_id", "facility_id", "year"]):
        months = sorted(int(m) for m in g["month"])
        peak = float(g["implied_load"].max())
        out.append(_finding(rule, ent, fac, int(year),
                            f"{_months_text(months)}月产出折合负荷率最高 {peak:.0%}"
                            f"（产出 ÷（额定容量 × 运行小时）），超过 {most:.0%}，"
                            "产量、运行小时或额定容量有误",
                            f"months {', '.join(map(str, months))}: output implies a load of up "
                            f"to {peak:.0%} of capacity × hours (maximum {most:.0%})",
                            months=months, implied_load=peak, maximum_load=most,
                            loads=[round(float(v), 4) for v in g["implied_load"]]))
    return out


def hours_vs_design(ctx: Context) -> list[dict]:
    """A facility's operating hours summed over the year's months (operation sheet, else the
    fuel sheet's hours) above its design annual hours (设计年运行小时, the permit's 设计年生产
    时间) × ``maximum_ratio``: one finding per facility-year. Facilities without design hours
    are not compared."""
    rule = "hours_vs_design"
    most = ctx.t(rule, "maximum_ratio")
    keys = ["enterprise_id", "facility_id", "year"]
    month = operation_months(ctx).dropna(subset=["hours", "design_hours"])
    month = month[month["design_hours"] > 0]
    if month.empty:
        return []
    year = month.groupby(keys, as_index=False).agg(
        hours=("hours", "sum"), design_hours=("design_hours", "first"),
        months=("month", "nunique"))
    out = []
    for r in year[year["hours"] > year["design_hours"] * most].itertuples(index=False):
        share = r.hours / r.design_hours
        out.append(_finding(rule, r.enterprise_id, r.facility_id, int(r.year),
                            f"全年运行小时 {r.hours:,.0f} h（{int(r.months)}个月合计），是设计年运行"
                            f"小时 {r.design_hours:,.0f} h 的{share:.0%}（阈值 {most:.0%}），"
                            "运行记录或设计年运行小时填报可能有误",
                            f"operating hours {r.hours:,.0f} h over {int(r.months)} months, "
                            f"{share:.0%} of the design annual hours {r.design_hours:,.0f} h "
                            f"(threshold {most:.0%})",
                            hours_total=float(r.hours), design_hours=float(r.design_hours),
                            months_counted=int(r.months), hours_share=float(share),
                            maximum_ratio=most))
    return out


RULES: dict[str, Callable[[Context], list[dict]]] = {
    "so2_balance_vs_reported": so2_balance_vs_reported,
    "so2_cems_vs_reported": so2_cems_vs_reported,
    "so2_balance_vs_cems": so2_balance_vs_cems,
    "co2_accounting_vs_cems": co2_accounting_vs_cems,
    "lab_carbon_regression": lab_carbon_regression,
    "lab_ncv_regression": lab_ncv_regression,
    "unmeasured_months": unmeasured_months,
    "repeated_values": repeated_values,
    "round_values": round_values,
    "lab_dates": lab_dates,
    "copied_reports": copied_reports,
    "energy_per_output": energy_per_output,
    "hours_load_vs_fuel": hours_load_vs_fuel,
    "fuel_vs_capacity": fuel_vs_capacity,
    "output_vs_capacity": output_vs_capacity,
    "hours_vs_design": hours_vs_design,
}


def _stack_rules() -> None:
    """The per-stack, per-month CEMS rules live in :mod:`.stack_rules` (which imports this
    module's helpers), registered here in the order of the findings."""
    from cocontrol.enterprises import stack_rules

    RULES["co2_stack_month_vs_cems"] = stack_rules.co2_stack_month_vs_cems
    RULES["so2_stack_month_vs_cems"] = stack_rules.so2_stack_month_vs_cems
    RULES["reported_vs_cems_stack_month"] = stack_rules.reported_vs_cems_stack_month
    RULES["stack_links_missing"] = stack_rules.stack_links_missing


_stack_rules()


def run_rules(ctx: Context, only: list[str] | None = None) -> pd.DataFrame:
    """All rules (or ``only``) → one findings table, sorted by enterprise, rule, facility."""
    found: list[dict] = []
    for name, rule in RULES.items():
        if only is None or name in only:
            found += rule(ctx)
    frame = pd.DataFrame(found, columns=FINDING_COLUMNS)
    if frame.empty:
        return frame
    frame["_order"] = frame["rule"].map({n: i for i, n in enumerate(RULES)})
    frame = frame.sort_values(["enterprise_id", "year", "_order", "facility_id"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)
