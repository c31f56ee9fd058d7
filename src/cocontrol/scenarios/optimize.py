"""Least-cost portfolio (最优措施组合): GAINS optimisation reduced to a city measure library.

``min Σ c_i x_i`` subject to ``Σ a_i,p x_i ≥ R_p`` for every target p (CO2, a pollutant, APeq),
``x_j + x_k ≤ 1`` (``excludes``), ``x_j ≤ x_k`` (``requires``), ``0 ≤ x_i ≤ 1`` and ``x_i ∈ {0, 1}``
for lumpy measures (closing a unit) — scenarios.md §3.8 — solved with
``scipy.optimize.milp`` (HiGHS). Shadow prices of the targets come from the continuous
relaxation (``scipy.optimize.linprog(method="highs")`` duals): the cost of one more unit of
each target, 万元 per t — the price of asking for both. When the targets cannot be met the
shortfall of each is its target minus the largest reduction the library can give under the
same exclusions and requirements.

The measures table: ``measure``, ``cost`` (annual, 万元, ≥ 0), ``lumpy`` (是/否, true/false;
default true), one column per reduced quantity (CO2, SO2, NOx, PM2.5, PM10, VOCs, NH3 in t,
APeq in t SO2-eq) and optional ``excludes`` / ``requires`` (other measures' names separated by
、 or |).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from cocontrol.data.tables import read_table
from cocontrol.errors import InputError, Problem, ValidationFailed

QUANTITIES = ("CO2", "SO2", "NOx", "PM2.5", "PM10", "VOCs", "NH3", "APeq")
UNITS = {q: "t" for q in QUANTITIES} | {"APeq": "t SO2-eq"}
_TRUE = {"是", "true", "yes", "1", "y", "t", "整体", "lumpy"}
_FALSE = {"否", "false", "no", "0", "n", "f", "连续", "continuous"}
HEADERS = {"措施": "measure", "措施名称": "measure", "年成本": "cost", "成本": "cost",
           "年化成本": "cost", "cost_wan_yuan": "cost", "整体实施": "lumpy", "不可分": "lumpy",
           "互斥": "excludes", "前提": "requires", "依赖": "requires"}


@dataclass
class Portfolio:
    status: str
    selected: list[str]
    x: dict[str, float]
    cost: float
    reductions: dict[str, float]
    shadow_prices: dict[str, float] = field(default_factory=dict)
    shortfall: dict[str, float] = field(default_factory=dict)

    def as_json(self, continuous: bool) -> dict:
        out = {"status": self.status, "selected": self.selected, "x": self.x,
               "cost": self.cost, "reductions": self.reductions,
               "shadow_prices": self.shadow_prices if continuous else {}}
        if self.status == "infeasible":
            out["shortfall"] = self.shortfall
        return out


def _names(cell: object) -> list[str]:
    if cell is None or (isinstance(cell, float) and np.isnan(cell)):
        return []
    return [s.strip() for s in re.split(r"[、|,，;；]", str(cell)) if s.strip()]


def check_measures(frame: pd.DataFrame, *, file: str | None = None,
                   sheet: str | None = None) -> pd.DataFrame:
    """Validated measures table (rows as the spreadsheet shows them: header = row 1)."""
    canon = {q.lower(): q for q in QUANTITIES} | {"pm25": "PM2.5", "voc": "VOCs"}
    frame = frame.rename(columns=lambda c: HEADERS.get(str(c).strip(), canon.get(
        str(c).strip().lower(), str(c).strip())))
    frame = frame.reset_index(drop=True)
    where = {"file": file, "sheet": sheet}
    problems: list[Problem] = []
    for col in ("measure", "cost"):
        if col not in frame.columns:
            problems.append(Problem("missing column", column=col, expected=col, **where))
    qty = [c for c in frame.columns if c in QUANTITIES]
    unknown = [c for c in frame.columns if c not in (*QUANTITIES, "measure", "cost", "lumpy",
                                                       "excludes", "requires", "note", "source",
                                                       "label", "quote", "responsible")]
    for c in unknown:
        problems.append(Problem("unknown column (species?)", column=c,
                                expected="measure, cost, lumpy, excludes, requires or one of "
                                         + ", ".join(QUANTITIES), found=c, **where))
    if not qty:
        problems.append(Problem("no reduction column", expected=", ".join(QUANTITIES), **where))
    if problems:
        raise ValidationFailed(problems, summary="measures table is invalid")
    names = frame["measure"].astype(str).str.strip()
    seen: set[str] = set()
    out = pd.DataFrame({"measure": names})
    for i, r in frame.iterrows():
        row = int(i) + 2
        name = names[i]
        if not name or name == "nan":
            problems.append(Problem("measure without name", row=row, column="measure", **where))
        elif name in seen:
            problems.append(Problem("measure given twice", row=row, column="measure", found=name,
                                    **where))
        seen.add(name)
        for col in ("cost", *qty):
            v = pd.to_numeric(pd.Series([r[col]]), errors="coerce").iloc[0]
            if pd.isna(v) and col != "cost" and (r[col] is None or str(r[col]).strip() in (
                    "", "nan")):
                continue
            if pd.isna(v):
                problems.append(Problem("not a number", row=row, column=col,
                                        expected="a number", found=str(r[col]), **where))
            elif col == "cost" and v < 0:
                problems.append(Problem("negative cost", row=row, column=col,
                                        expected="annual cost ≥ 0 (万元)", found=str(r[col]),
                                        **where))
    out["cost"] = pd.to_numeric(frame["cost"], errors="coerce")
    for q in qty:
        out[q] = pd.to_numeric(frame[q], errors="coerce").fillna(0.0)
    lumpy = []
    for i, v in enumerate(frame["lumpy"] if "lumpy" in frame.columns else [None] * len(frame)):
        text = "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip().lower()
        if text in ("", *_TRUE) or v is True:
            lumpy.append(True)
        elif text in _FALSE or v is False:
            lumpy.append(False)
        else:
            problems.append(Problem("lumpy must be 是/否 or true/false", row=i + 2, column="lumpy",
                                    expected="是, 否, true or false", found=str(v), **where))
            lumpy.append(True)
    out["lumpy"] = lumpy
    for col in ("excludes", "requires"):
        lists = [_names(v) for v in (frame[col] if col in frame.columns else [None] * len(frame))]
        for i, items in enumerate(lists):
            for n in items:
                if n not in seen:
                    problems.append(Problem(f"{col} names an unknown measure", row=i + 2,
                                            column=col, expected="a name of the measure column",
                                            found=n, **where))
        out[col] = lists
    if problems:
        raise ValidationFailed(problems, summary="measures table is invalid")
    return out


def read_measures(path: str | Path) -> pd.DataFrame:
    frame, sheet = read_table(path)
    return check_measures(frame, file=str(path), sheet=sheet)


def parse_targets(items: list[str], columns: list[str]) -> dict[str, float]:
    """``SPECIES=AMOUNT`` strings (in the units of the measure columns)."""
    out = {}
    for item in items:
        species, sep, amount = item.partition("=")
        species = species.strip()
        if not sep:
            raise InputError("a target is SPECIES=AMOUNT", column="--target",
                             expected="e.g. CO2=500000", found=item)
        if species not in QUANTITIES:
            raise InputError("unknown target species", column="--target",
                             expected=", ".join(QUANTITIES), found=species)
        if species not in columns:
            raise InputError("no column for the target species in the measures table",
                             column="--target", expected=", ".join(columns), found=species)
        try:
            value = float(amount.strip())
        except ValueError:
            raise InputError("target amount is not a plain number in the column's unit",
                             column="--target", expected=f"{species}=<{UNITS[species]}>",
                             found=item) from None
        if value < 0:
            raise InputError("target amount is negative", column="--target",
                             expected="a reduction ≥ 0", found=item)
        out[species] = value
    if not out:
        raise InputError("at least one --target", column="--target", expected="CO2=…")
    return out


def _logic(measures: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of exclusions (x_j + x_k ≤ 1) and requirements (x_j − x_k ≤ 0)."""
    idx = {n: i for i, n in enumerate(measures["measure"])}
    n = len(measures)
    rows, ub = [], []
    pairs = set()
    for i, items in enumerate(measures["excludes"]):
        for other in items:
            key = tuple(sorted((i, idx[other])))
            if key in pairs or key[0] == key[1]:
                continue
            pairs.add(key)
            r = np.zeros(n)
            r[list(key)] = 1.0
            rows.append(r)
            ub.append(1.0)
    for i, items in enumerate(measures["requires"]):
        for other in items:
            r = np.zeros(n)
            r[i], r[idx[other]] = 1.0, -1.0
            rows.append(r)
            ub.append(0.0)
    a = np.array(rows) if rows else np.zeros((0, n))
    return a, np.full(len(ub), -np.inf), np.array(ub)


def optimize(measures: pd.DataFrame, targets: dict[str, float], *,
             continuous: bool = False) -> Portfolio:
    """Least-cost portfolio meeting every target (see the module docstring)."""
    names = measures["measure"].tolist()
    c = measures["cost"].to_numpy(float)
    species = list(targets)
    a = measures[species].to_numpy(float).T  # [P, N]
    r = np.array([targets[s] for s in species])
    logic, llo, lup = _logic(measures)
    integrality = (np.zeros(len(c)) if continuous
                   else measures["lumpy"].to_numpy(bool).astype(int))
    cons = [LinearConstraint(a, r, np.inf)]
    if len(logic):
        cons.append(LinearConstraint(logic, llo, lup))
    res = milp(c, integrality=integrality, bounds=Bounds(0, 1), constraints=cons)
    if res.status != 0 or res.x is None:
        short = {}
        for p, s in enumerate(species):
            best = milp(-a[p], integrality=integrality, bounds=Bounds(0, 1),
                        constraints=cons[1:] if len(cons) > 1 else [])
            reach = float(-best.fun) if best.x is not None else 0.0
            short[s] = max(0.0, targets[s] - reach)
        return Portfolio("infeasible", [], {}, 0.0, {}, {}, short)
    x = np.where(integrality.astype(bool), np.round(res.x), res.x)
    x = np.clip(x, 0.0, 1.0)
    red = {s: float(a[p] @ x) for p, s in enumerate(species)}
    prices = {}
    if continuous:
        a_ub = np.vstack([-a, logic]) if len(logic) else -a
        b_ub = np.r_[-r, lup] if len(logic) else -r
        lp = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method="highs")
        if lp.status == 0:
            prices = {s: float(-lp.ineqlin.marginals[p]) for p, s in enumerate(species)}
    return Portfolio("optimal", [n for n, v in zip(names, x, strict=True) if v > 1e-9],
                     {n: float(v) for n, v in zip(names, x, strict=True)},
                     float(c @ x), red, prices)
