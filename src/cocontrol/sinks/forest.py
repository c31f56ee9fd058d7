"""Forest biomass carbon sink (森林碳汇), IPCC 2006 Vol.4 Tier 1.

Two methods, chosen per region and forest type (``item``):

* **Gain-loss** (Vol.4 Ch.2 Eq 2.7) when the input has ``volume_increment`` (蓄积年生长量) or
  ``harvest_volume`` (采伐消耗量) rows::

      ΔC_G = I_V × BCEF_I × (1 + R) × CF              Eq 2.9–2.10, component biomass_gain
      L    = H   × BCEF_R × (1 + R) × CF              Eq 2.12,      component wood_removal_loss

* **Stock difference** (Eq 2.8) otherwise, from ``growing_stock`` (蓄积量) in two or more years::

      C_t  = V × BCEF_S × (1 + R) × CF
      ΔC   = (C_t2 − C_t1) / (t2 − t1)                reported in year t2, component stock_change

  BCEF_S and R of the IPCC types are taken once per period, at the mean growing stock per ha
  of t1 and t2: with factors looked up per year, a stand crossing a class boundary (e.g. 40 →
  45 m³/ha, BCEF_S 1.7 → 1.4) would show a spurious loss although its volume grew.

Volumes are totals of the region (m³, 万立方米); × 44/12 gives t CO2, removals negative, a net
loss positive. BCEF (t biomass per m³) and R for the IPCC types (温带阔叶林, 温带松林,
温带其他针叶林; Tables 4.4, 4.5) depend on the growing stock per hectare V/A and the above-ground
biomass per hectare V/A × BCEF_S, so those types also need ``area`` and ``growing_stock`` in
the year. The Chinese species groups (杉木, 马尾松, 杨树, 栎类) use the provincial guideline's
stock-expansion form BCEF = SVD × BEF for stock, increment and removals alike (省级温室气体清单编制
指南, 蓄积量扩展法). Shandong's 黑松/赤松 fit 温带松林, 刺槐 温带阔叶林.
"""

from __future__ import annotations

import math
from itertools import pairwise

import pandas as pd

from cocontrol import refdata
from cocontrol.errors import Problem, ReferenceDataError
from cocontrol.sinks.table import (
    C_TO_CO2,
    STATUS_RANK,
    Param,
    provenance,
    rows_of,
    unknown,
    vocabulary,
)

TABLE = "sink_forest"
Classed = list[tuple[float, float, Param]]


def parameters(table: pd.DataFrame) -> dict[str, dict[str, Classed]]:
    """Forest type → parameter → [(class lower, class upper, Param)] from ``sink_forest``."""
    out: dict[str, dict[str, Classed]] = {}
    for r in table.itertuples(index=False):
        lower = 0.0 if pd.isna(r.class_lower) else float(r.class_lower)
        upper = math.inf if pd.isna(r.class_upper) else float(r.class_upper)
        out.setdefault(str(r.item), {}).setdefault(str(r.parameter), []).append(
            (lower, upper, Param(str(r.parameter), float(r.value), str(r.unit), str(r.source),
                                 str(r.status))))
    for item, params in out.items():
        ok = {"CF", "R"} <= set(params) and (
            {"BCEF_S", "BCEF_I", "BCEF_R"} <= set(params) or {"SVD", "BEF"} <= set(params))
        if not ok:
            raise ReferenceDataError(f"{TABLE}: forest type {item!r} lacks parameters; has "
                                     f"{sorted(params)}, needs CF, R and BCEF_S/I/R or SVD, BEF")
    return out


def _pick(classes: Classed, x: float | None, what: str) -> Param:
    if len(classes) == 1:
        return classes[0][2]
    if x is None:
        raise ReferenceDataError(f"{TABLE}: {classes[0][2].name} is tabulated by {what} "
                                 "classes, but none is known for this forest type")
    for lower, upper, param in classes:
        if lower < x <= upper or (x == lower == 0):
            return param
    raise ReferenceDataError(f"{TABLE}: no {classes[0][2].name} class for {what} = {x:g}")


def factors(params: dict[str, Classed], density: float | None) -> dict[str, Param]:
    """CF, R and BCEF_S/I/R of one forest type at growing stock ``density`` (m³/ha)."""
    if "SVD" in params:
        svd, bef = params["SVD"][0][2], params["BEF"][0][2]
        product = Param("SVD×BEF", svd.value * bef.value, "t/立方米", svd.source,
                        min(svd.status, bef.status, key=STATUS_RANK.__getitem__))
        out = {f"BCEF_{k}": product for k in "SIR"} | {"SVD": svd, "BEF": bef}
    else:
        out = {f"BCEF_{k}": _pick(params[f"BCEF_{k}"], density, "growing stock per ha")
               for k in "SIR"}
    biomass = None if density is None else density * out["BCEF_S"].value
    out["R"] = _pick(params["R"], biomass, "above-ground biomass per ha")
    out["CF"] = params["CF"][0][2]
    return out


def compute(rows: pd.DataFrame, table: pd.DataFrame | None = None,
            ) -> tuple[list[dict[str, object]], list[Problem]]:
    """Forest sink (negative t CO2) per region, forest type and year for validated rows."""
    table = refdata.load(TABLE) if table is None else table
    known = parameters(table)
    names = vocabulary("forest type", {k: () for k in known})
    records: list[dict[str, object]] = []
    problems: list[Problem] = []
    for (region, item), group in rows.groupby(["region", "item"], sort=True):
        kind = names.resolve(item)
        if kind is None:
            problems += [unknown("forest type", names, item, "item", int(r)) for r in group.index]
            continue
        years = {int(y): dict(zip(g["variable"], g["amount"], strict=True))
                 for y, g in group.groupby("year")}
        flows = group["variable"].isin(["volume_increment", "harvest_volume"]).any()
        run = _gain_loss if flows else _stock_difference
        out, trouble = run(years, known[kind], "SVD" not in known[kind])
        if trouble:
            problems.append(Problem(f"forest {item!r} {region}: {trouble} (rows "
                                    f"{rows_of(group)})", row=int(group.index[0]),
                                    column="variable"))
            continue
        records += [{"region": region, "sink_type": "forest", "item": kind, "species": "CO2",
                     "unit": "tCO2", **rec} for rec in out]
    return records, problems


def _density(values: dict[str, float], classed: bool) -> tuple[float | None, str | None]:
    if not classed:
        return None, None
    if "area" not in values or "growing_stock" not in values:
        return None, "IPCC BCEF and R depend on growing stock per ha: give area and growing_stock"
    if values["area"] <= 0:
        return None, "area must be > 0"
    return values["growing_stock"] / values["area"], None


def _gain_loss(years: dict[int, dict[str, float]], params: dict[str, Classed],
               classed: bool) -> tuple[list[dict[str, object]], str | None]:
    out: list[dict[str, object]] = []
    for year, values in sorted(years.items()):
        if not {"volume_increment", "harvest_volume"} & set(values):
            continue
        density, trouble = _density(values, classed)
        if trouble:
            return [], f"{year}: {trouble}"
        f = factors(params, density)
        for var, bcef, comp, sign, eq in (
                ("volume_increment", "BCEF_I", "biomass_gain", -1, "Eq 2.9–2.10"),
                ("harvest_volume", "BCEF_R", "wood_removal_loss", 1, "Eq 2.12")):
            if var in values:
                tonnes_c = values[var] * f[bcef].value * (1 + f["R"].value) * f["CF"].value
                out.append({"year": year, "component": comp, "value": sign * tonnes_c * C_TO_CO2,
                            "method": f"IPCC 2006 Vol.4 gain-loss {eq}: {values[var]:g} m³ × "
                                      f"{bcef} × (1+R) × CF × 44/12",
                            **provenance([f[bcef], f["R"], f["CF"]]), "note": ""})
    return out, None


def _stock_difference(years: dict[int, dict[str, float]], params: dict[str, Classed],
                      classed: bool) -> tuple[list[dict[str, object]], str | None]:
    stocks: list[tuple[int, float, float | None]] = []
    for year, values in sorted(years.items()):
        if "growing_stock" not in values:
            continue
        density, trouble = _density(values, classed)
        if trouble:
            return [], f"{year}: {trouble}"
        stocks.append((year, values["growing_stock"], density))
    if len(stocks) < 2:
        return [], "stock difference needs growing_stock in at least two years"
    out: list[dict[str, object]] = []
    for (t1, v1, d1), (t2, v2, d2) in pairwise(stocks):
        mean = None if d1 is None or d2 is None else (d1 + d2) / 2
        f = factors(params, mean)
        change = (v2 - v1) * f["BCEF_S"].value * (1 + f["R"].value) * f["CF"].value / (t2 - t1)
        period = f"annual mean over {t1}–{t2}; " if t2 - t1 > 1 else ""
        out.append({"year": t2, "component": "stock_change", "value": -change * C_TO_CO2,
                    "method": f"IPCC 2006 Vol.4 stock difference Eq 2.8: (C_{t2} − C_{t1}) / "
                              f"{t2 - t1} yr, C = V × BCEF_S × (1+R) × CF, × 44/12",
                    **provenance([f["BCEF_S"], f["R"], f["CF"]]),
                    "note": period + ("one set of BCEF_S and R for both years, at the mean "
                                      f"growing stock {mean:.1f} m³/ha, so a class boundary "
                                      "crossed between the years creates no change"
                                      if mean is not None else "")})
    return out, None
