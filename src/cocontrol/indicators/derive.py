"""Derived indicators (派生指标) computed from the inventory and statistics, never typed in.

Every row carries its ``formula`` and ``inputs`` (JSON of the named input values with units),
so a report can show where a figure came from. Definitions (B = ``base_year``):

* GDP at constant B prices (不变价GDP): ``GDP_t(当年价) × D_B / D_t`` with D the GDP deflator
  (any index base); or ``gdp_constant`` as supplied. No deflator → no intensity indicator.
* ``co2_per_gdp`` 单位GDP二氧化碳排放 [吨/万元] = ``CO2_t / GDP_t(不变价)``; ``co2_total``
  is Σ CO2 over all sectors, fuels and scopes in the inventory.
* ``*_reduction`` 比B年下降 [%] = ``(1 − I_t / I_B) × 100``; ``*_annual_change`` 比上年下降
  [%] = ``(1 − I_t / I_{t−1}) × 100`` (the form of 单位GDP二氧化碳排放降低率 in the
  national assessment of carbon intensity). ``co2_total`` counts scope 1 by default when the
  inventory also has scope 2 (same rule as ``cocontrol.synergy``).
* ``energy_per_gdp`` 单位GDP能耗 [吨标准煤/万元] = ``E_t / GDP_t(不变价)``.
* ``non_fossil_share`` 非化石能源占能源消费总量比重 [%] = ``E_nonfossil / E × 100``;
  ``coal_share`` 煤炭占比 [%] = ``E_coal / E × 100``.
* ``co2_per_capita`` 人均二氧化碳排放 [吨/人] = ``CO2_t / population``.
* per pollutant p (SO2, NOx, VOCs, PM2.5, PM10, NH3, CO, BC, OC, COD, NH3-N):
  ``{p}_total`` [吨]; ``{p}_reduction`` 比B年减排量 [吨] = ``E_B − E_t``;
  ``{p}_reduction_pct`` [%] = ``(1 − E_t/E_B) × 100``.
* ``net_emissions`` 净排放 [吨] = ``GHG_t + S_t`` with GHG the inventory's CO2e rows when it
  has them, else CO2; S the sum of the sinks' ``value`` in the IPCC inventory sign convention
  of :mod:`cocontrol.sinks` (removals negative t CO2, a net loss positive).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from cocontrol.data.names import label as label_of
from cocontrol.indicators.statistics import wide_statistics
from cocontrol.units import conversion_factor

POLLUTANTS = ("SO2", "NOx", "VOCs", "PM2.5", "PM10", "NH3", "CO", "BC", "OC", "COD", "NH3-N")
_ALIASES = {"NOX": "NOx", "VOC": "VOCs", "NMVOC": "VOCs", "VOCS": "VOCs", "PM25": "PM2.5",
            "PM2_5": "PM2.5", "NH3N": "NH3-N", "CO2E": "CO2e"}
POLLUTANT_LABELS = {"SO2": "二氧化硫", "NOx": "氮氧化物", "VOCs": "挥发性有机物", "PM2.5": "细颗粒物",
                    "PM10": "可吸入颗粒物", "NH3": "氨", "CO": "一氧化碳", "BC": "黑碳", "OC": "有机碳",
                    "COD": "化学需氧量", "NH3-N": "氨氮"}
OUT_COLUMNS = ["region", "year", "indicator", "label", "value", "unit", "formula", "inputs"]


DIRECT_SCOPES = ("1", "scope1", "scope 1", "范围1", "范围一")


def _species_totals(inventory: pd.DataFrame, scopes: Sequence[object] | None) -> pd.DataFrame:
    """Σ value in tonnes by region, year and species (wide), over the chosen scopes.

    Default: scope 1 (direct, territorial — the CEADs boundary, the same as the local air
    pollutants, no double count of local power plants and purchased electricity) when the
    inventory has several scopes; every row otherwise.
    """
    if inventory is None or inventory.empty:
        return pd.DataFrame(columns=["region", "year"])
    inv = inventory.copy()
    if "scope" in inv.columns:
        found = inv["scope"].astype(str).str.strip()
        if scopes is not None:
            inv = inv[found.isin([str(s) for s in scopes])]
        elif found.nunique() > 1 and found.isin(DIRECT_SCOPES).any():
            inv = inv[found.isin(DIRECT_SCOPES)]
    inv["species"] = inv["species"].astype(str).map(lambda s: _ALIASES.get(s.upper(), s))
    if "unit" in inv.columns:
        factor = {u: conversion_factor(u, "t") for u in inv["unit"].dropna().unique()}
        inv["value"] = inv["value"] * inv["unit"].map(factor).fillna(1.0)
    wide = inv.pivot_table(index=["region", "year"], columns="species", values="value", aggfunc="sum")
    wide.columns.name = None
    return wide.reset_index()


def _sinks_total(sinks: pd.DataFrame | None) -> pd.DataFrame:
    if sinks is None or sinks.empty:
        return pd.DataFrame(columns=["region", "year", "_sinks"])
    s = sinks.copy()
    if "unit" in s.columns:
        factor = {u: conversion_factor(u, "t") for u in s["unit"].dropna().unique()}
        s["value"] = s["value"] * s["unit"].map(factor).fillna(1.0)
    return s.groupby(["region", "year"], as_index=False)["value"].sum().rename(columns={"value": "_sinks"})


class _Out:
    """Collects indicator rows with formula and inputs."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.parts: list[pd.DataFrame] = []

    def add(self, name: str, label: str, value: pd.Series, unit: str, formula: str,
            inputs: dict[str, tuple[pd.Series, str]]) -> None:
        ok = value.notna() & np.isfinite(value.astype(float))
        if not ok.any():
            return
        f = self.frame[ok]
        ins = pd.DataFrame({k: v[ok] for k, (v, _) in inputs.items()})
        units = {k: u for k, (_, u) in inputs.items()}
        text = [json.dumps({k: {"value": None if pd.isna(v) else round(float(v), 6), "unit": units[k]}
                            for k, v in rec.items()}, ensure_ascii=False)
                for rec in ins.to_dict("records")]
        self.parts.append(pd.DataFrame({
            "region": f["region"].to_numpy(), "year": f["year"].to_numpy(), "indicator": name,
            "label": label, "value": value[ok].astype(float).to_numpy(), "unit": unit,
            "formula": formula, "inputs": text}))

    def result(self) -> pd.DataFrame:
        if not self.parts:
            return pd.DataFrame(columns=OUT_COLUMNS)
        out = pd.concat(self.parts, ignore_index=True)
        return out.sort_values(["region", "indicator", "year"], kind="stable").reset_index(drop=True)


def _at(frame: pd.DataFrame, col: str, year: int | None = None, lag: int = 0) -> pd.Series:
    """Value of ``col`` in the same region in ``year`` (or ``lag`` years earlier)."""
    if year is not None:
        ref = frame[frame["year"] == year].set_index("region")[col]
        return frame["region"].map(ref)
    ref = frame.set_index(["region", "year"])[col]
    key = pd.MultiIndex.from_arrays([frame["region"], frame["year"] - lag])
    return pd.Series(ref.reindex(key).to_numpy(), index=frame.index)


def derive(inventory: pd.DataFrame, statistics: pd.DataFrame, *, base_year: int,
           sinks: pd.DataFrame | None = None, scopes: Sequence[object] | None = None) -> pd.DataFrame:
    """Derived indicators by region and year (long table, see the module docstring).

    ``inventory``: region, year, species, value, unit (tonnes), as from
    ``cocontrol.inventory.compute``; ``statistics``: see :mod:`.statistics`. ``scopes``: scope
    values to count (default scope 1 when the inventory has several, see ``_species_totals``).
    """
    sp, st = _species_totals(inventory, scopes), wide_statistics(statistics)
    frame = sp.merge(st, on=["region", "year"], how="outer").merge(
        _sinks_total(sinks), on=["region", "year"], how="left")
    frame = frame.sort_values(["region", "year"]).reset_index(drop=True)
    frame["year"] = frame["year"].astype(int)
    for col in ("CO2", "CO2e", "gdp_current", "gdp_deflator", "gdp_constant", "population",
                "energy_consumption", "coal_consumption", "non_fossil_consumption"):
        if col not in frame.columns:
            frame[col] = np.nan
    out = _Out(frame)
    B = base_year

    # constant-price GDP at base-year prices
    deflated = frame["gdp_current"] * _at(frame, "gdp_deflator", B) / frame["gdp_deflator"]
    frame["gdp_k"] = frame["gdp_constant"].fillna(deflated)
    out.add("gdp_constant", f"地区生产总值（{B}年不变价）", deflated, "亿元",
            f"当年价地区生产总值 × 平减指数（{B}年）÷ 平减指数（当年）", {"GDP_t(当年价)": (frame["gdp_current"], "亿元"),
                                            f"D_{B}": (_at(frame, "gdp_deflator", B), "index"),
                                            "D_t": (frame["gdp_deflator"], "index")})
    gdp_wan = frame["gdp_k"] * conversion_factor("亿元", "万元")
    co2 = frame["CO2"]
    out.add("co2_total", "二氧化碳排放总量", co2, "t", "Σ CO2（清单各部门、燃料；默认范围1）",
            {"CO2_t": (co2, "t")})
    _intensity(out, frame, "co2_per_gdp", "单位GDP二氧化碳排放", co2, gdp_wan, "吨/万元", "CO2", B)
    energy_t = frame["energy_consumption"] * conversion_factor("万吨标准煤", "吨标准煤")
    _intensity(out, frame, "energy_per_gdp", "单位GDP能耗", energy_t, gdp_wan, "吨标准煤/万元", "E", B)
    for name, label, part in (("non_fossil_share", "非化石能源占能源消费总量比重", "non_fossil_consumption"),
                              ("coal_share", "煤炭占能源消费总量比重", "coal_consumption")):
        out.add(name, label, frame[part] / frame["energy_consumption"] * 100, "%",
                f"{label_of('statistic', part)} ÷ 能源消费总量 × 100",
                {part: (frame[part], "万吨标准煤"), "energy_consumption": (frame["energy_consumption"], "万吨标准煤")})
    persons = frame["population"] * conversion_factor("万人", "人")
    out.add("co2_per_capita", "人均二氧化碳排放", co2 / persons, "吨/人", "二氧化碳排放量 ÷ 常住人口",
            {"CO2_t": (co2, "t"), "常住人口": (frame["population"], "万人")})
    for p in POLLUTANTS:
        if p not in frame.columns:
            continue
        e, eb = frame[p], _at(frame, p, B)
        name = POLLUTANT_LABELS[p]
        out.add(f"{p}_total", f"{name}排放量", e, "t", f"Σ {p}", {f"{p}_t": (e, "t")})
        out.add(f"{p}_reduction", f"{name}比{B}年减排量", eb - e, "t", f"{name}（{B}年）− {name}（当年）",
                {f"{p}_{B}": (eb, "t"), f"{p}_t": (e, "t")})
        out.add(f"{p}_reduction_pct", f"{name}比{B}年下降率", (1 - e / eb) * 100, "%",
                f"(1 − {name}（当年）÷ {name}（{B}年）) × 100", {f"{p}_{B}": (eb, "t"), f"{p}_t": (e, "t")})
    ghg_name = "CO2e" if frame["CO2e"].notna().any() else "CO2"
    ghg = frame[ghg_name]
    out.add("net_emissions", "净排放量（扣除碳汇）", ghg + frame["_sinks"], "t",
            f"{ghg_name} + 碳汇（移除量为负）", {f"{ghg_name}_t": (ghg, "t"), "碳汇_t": (frame["_sinks"], "t")})
    return out.result()


NUMERATORS = {"CO2": "二氧化碳排放量", "E": "能源消费总量"}
"""Chinese names of the intensity numerators in the formulas the report's annex prints."""


def _intensity(out: _Out, frame: pd.DataFrame, name: str, label: str, num: pd.Series,
               gdp_wan: pd.Series, unit: str, sym: str, B: int) -> None:
    """Intensity I = num / GDP(不变价) with its change against B and against the year before."""
    frame[f"_{name}"] = num / gdp_wan
    i, ib, iprev = frame[f"_{name}"], _at(frame, f"_{name}", B), _at(frame, f"_{name}", lag=1)
    num_unit = unit.split("/")[0]
    out.add(name, label, i, unit, f"{NUMERATORS.get(sym, sym)} ÷ 地区生产总值（{B}年不变价）",
            {f"{sym}_t": (num, num_unit), "GDP_t": (gdp_wan, "万元")})
    out.add(f"{name}_reduction", f"{label}比{B}年下降", (1 - i / ib) * 100, "%",
            f"(1 − 当年{label} ÷ {B}年{label}) × 100", {"I_t": (i, unit), f"I_{B}": (ib, unit)})
    out.add(f"{name}_annual_change", f"{label}比上年下降", (1 - i / iprev) * 100, "%",
            f"(1 − 当年{label} ÷ 上年{label}) × 100", {"I_t": (i, unit), "I_{t−1}": (iprev, unit)})
