"""One call that runs every synergy method on an inventory and the statistics (年度协同评价).

``evaluate(emissions, statistics, config)`` is what the reports, web and CLI call. Inputs:

* ``emissions`` — the inventory's long table (``cocontrol.inventory.compute``): region, year,
  sector, fuel, species, value, unit, scope; values in tonnes (any mass unit is converted).
* ``statistics`` — long table region, year, indicator, value, unit. Indicator names used:
  ``gdp_constant`` (亿元, constant prices) for Tapio and LMDI, ``population`` (万人) and
  ``energy_consumption`` (万吨标准煤) for LMDI, and whatever ``stat:`` names the indicator
  system uses (default system: pm25_concentration, good_air_days_ratio, non_fossil_share,
  coal_share, green_travel_share, task_completion_rate, co_verification_coverage,
  green_factories).

``config`` (mapping, all optional): ``system`` (YAML path or mapping; default shipped system),
``apeq_weights`` (species → α), ``co2_scopes`` (scope values of CO2 rows to count; default:
scope 1 only when the inventory also has other scopes — territorial CO2 as in CEADs, the same
boundary as the local air pollutants, and no double count of power-plant and purchased-
electricity CO2),
``base_year`` / ``target_year`` (coordinate period; default first / last year),
``index_weights`` (final indicator weights, fixed, summing to 1).

Whatever cannot be computed from the inputs is left out and said in ``notes`` (in Chinese for
the report), never silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from cocontrol.data.names import label
from cocontrol.errors import InputError
from cocontrol.synergy._frames import require_columns, statistic
from cocontrol.synergy.coordinates import coordinates
from cocontrol.synergy.coupling import coupling_coordination
from cocontrol.synergy.decoupling import tapio
from cocontrol.synergy.elasticity import elasticity, emission_totals
from cocontrol.synergy.index import composite_index
from cocontrol.synergy.lmdi import kaya_lmdi
from cocontrol.synergy.ranking import rank_regions
from cocontrol.synergy.sources import indicator_values
from cocontrol.synergy.system import IndicatorSystem, load_system

METHODS = {
    "apeq": "APeq = Σ_p (0.95 / w_p) · E_p, t SO2-eq; w_p 污染当量值 from 环境保护税法 附表二 "
            "(PM10/PM2.5 as 烟尘 2.18 kg, VOCs 0.95 kg from 财税〔2015〕71号)",
    "coordinates": "x = APeq₀ − APeq₁, y = CO2₀ − CO2₁ (reductions positive), quadrants I–IV; "
                   "毛显强 et al. co-control coordinate system (邢有凯 等 2020 中国环境管理 12(4))",
    "elasticity": "Els = (ΔAPeq/APeq₀) / (ΔCO2/CO2₀), pollutant over carbon; ΔCO2 = 0 → undefined",
    "decoupling": "e = (ΔP/P₀) / (ΔGDP/GDP₀), 8 states with 0.8 / 1.2 thresholds; Tapio 2005 "
                  "Transport Policy 12:137-151",
    "lmdi": "ΔC_k = Σ_i L(C_i^T, C_i^0) · ln(x_k^T / x_k^0) on CO2 = P·(G/P)·(E/G)·(C/E); "
            "LMDI-I additive, Ang 2005 Energy Policy 33:867; zeros: Ang & Liu 2007",
    "index": "S = Σ_j ω_d v_j x'_ij (min–max x'), weights entropy / AHP (Saaty 1980, CR < 0.1) "
             "/ fixed; default indicator system refdata/synergy_indicator_system.yaml (ours)",
    "coupling": "C = 2√(U₁U₂)/(U₁+U₂), T = αU₁ + βU₂, D = √(C·T), 10 classes (廖重斌 1999)",
    "ranking": "rank by index within each year; contribution_j = 100 · W_j · x'_ij",
}
"""Formula and source of each table, for the report's method annex (方法说明)."""


@dataclass
class SynergyResult:
    """Tables of one synergy evaluation (协同评价结果); empty tables where inputs were missing."""

    apeq: pd.DataFrame            # region, year, apeq (t SO2-eq), co2 (t)
    coordinates: pd.DataFrame     # region, sector, base/target values, reductions, quadrant
    elasticity: pd.DataFrame      # region, base_year, target_year, rates, els, reading, note
    decoupling: pd.DataFrame      # region, pressure (co2 | apeq), periods, elasticity, state_zh
    lmdi: pd.DataFrame            # region, periods, total_change, Kaya effects (t CO2)
    index: pd.DataFrame           # region, year, index (0–100), dimension scores, u_pollution, u_carbon
    coupling: pd.DataFrame        # region, year, u_pollution, u_carbon, C, T, D, class_zh
    ranking: pd.DataFrame         # region, year, index, rank, leader
    contributions: pd.DataFrame   # region, year, indicator, value, normalised, contribution, share, gap_to_leader
    weights: pd.DataFrame         # indicator, name_zh, dimension, weights, method
    indicators: pd.DataFrame      # region, year, indicator, value (inputs of the index)
    notes: list[str] = field(default_factory=list)
    methods: dict[str, str] = field(default_factory=lambda: dict(METHODS))


def _empty(*columns: str) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns))


DERIVABLE = {
    "gdp_constant": {"gdp_current", "gdp_deflator"},
    "coal_share": {"coal_consumption", "energy_consumption"},
    "non_fossil_share": {"non_fossil_consumption", "energy_consumption"},
}
"""Statistics derived through :mod:`cocontrol.indicators` when absent, and what they need."""


def complete_statistics(statistics: pd.DataFrame | None, emissions: pd.DataFrame,
                        notes: list[str]) -> pd.DataFrame | None:
    """Add ``gdp_constant``, ``coal_share`` and ``non_fossil_share`` where the statistics give
    only their ingredients (gdp_current + gdp_deflator; coal / non-fossil / total energy), using
    :func:`cocontrol.indicators.derive.derive` (constant prices of the first statistics year —
    every synergy method uses GDP only in ratios or growth rates, so the price base cancels)."""
    if statistics is None or statistics.empty:
        return statistics
    present = set(pd.unique(statistics["indicator"]))
    wanted = [k for k, needs in DERIVABLE.items() if k not in present and needs <= present]
    if not wanted:
        return statistics
    try:
        from cocontrol.indicators.derive import derive

        base = int(pd.Series(statistics["year"]).min())
        # only statistics-based rows are taken, so the inventory is not needed (and not passed:
        # summing a provincial inventory there would cost seconds)
        derived = derive(emissions.iloc[:0], statistics, base_year=base)
    except Exception as exc:  # the indicators layer rejecting the data is a note, not a failure
        notes.append(f"统计派生指标未计算（{type(exc).__name__}: {exc}）")
        return statistics
    rows = derived[derived["indicator"].isin(wanted)].dropna(subset=["value"])
    if rows.empty:
        return statistics
    found = sorted(pd.unique(rows["indicator"]))
    notes.append(f"由统计数据派生：{'、'.join(label('statistic', f) for f in found)}（{base}年不变价）")
    return pd.concat([statistics, rows[["region", "year", "indicator", "value", "unit"]]],
                     ignore_index=True)


MIN_COVERAGE = 0.5
"""An indicator with values for fewer than this share of region-years is left out of the index."""


def _index_tables(values: pd.DataFrame, system: IndicatorSystem,
                  fixed: Mapping[str, float] | None, notes: list[str]) -> dict[str, pd.DataFrame]:
    """Index, coupling, ranking, contributions and weights from the indicator values.

    Indicators present for fewer than :data:`MIN_COVERAGE` of the region-years are dropped,
    then region-years still lacking a value (e.g. the first year of a reduction rate); both
    are said in ``notes``.
    """
    empty = _empty("region", "year")
    out = {"index": empty, "coupling": empty, "ranking": empty, "contributions": empty,
           "weights": empty}
    if values.empty:
        return out
    wide = values.pivot(index=["region", "year"], columns="indicator", values="value")
    coverage = wide.notna().mean()
    sparse = sorted(coverage.index[coverage < MIN_COVERAGE])
    if sparse:
        names = {i.id: i.name_zh for i in system.indicators}
        notes.append(f"指标{'、'.join('“' + names.get(x, x) + '”' for x in sparse)}覆盖不足一半的地区-年份，未参与协同度指数")
        wide = wide.drop(columns=sparse)
    complete = wide.dropna()
    if len(wide) > len(complete):
        notes.append(f"{len(wide) - len(complete)} 个地区-年份缺少部分指标值（如首年无法计算下降率），"
                     "未参与协同度指数")
    if len(complete) < 2:
        notes.append("协同度指数未计算: 完整的地区-年份观测少于2个")
        return out
    sub = system.subset(set(complete.columns))
    lost = [name for d, name in system.dimensions if d not in {x for x, _ in sub.dimensions}]
    if lost:
        notes.append(f"维度 {'、'.join(lost)} 无可用指标，未参与指数；其余维度权重按比例归一")
    result = composite_index(complete.stack().rename("value").reset_index(), sub, fixed=fixed)
    out["index"], out["weights"] = result.scores, result.weights
    if result.scores[["u_pollution", "u_carbon"]].notna().all().all():
        out["coupling"] = coupling_coordination(
            result.scores[["region", "year", "u_pollution", "u_carbon"]], sub.alpha, sub.beta)
    else:
        notes.append("耦合协调度未计算: 减污或降碳子系统没有可用指标")
    out["ranking"], out["contributions"] = rank_regions(result.scores, result.contributions)
    return out


def evaluate(emissions: pd.DataFrame, statistics: pd.DataFrame | None = None,
             config: Mapping[str, Any] | None = None) -> SynergyResult:
    """Run APeq, coordinates, Els, Tapio, LMDI, the 协同度 index, coupling and ranking."""
    cfg = dict(config or {})
    require_columns(emissions, ("region", "year", "species", "value", "unit"), "emissions")
    if emissions.empty:
        raise InputError("emissions are empty", expected="the inventory's rows")
    weights, scopes = cfg.get("apeq_weights"), cfg.get("co2_scopes")
    notes: list[str] = []
    if scopes is None and "scope" in emissions.columns:
        found = list(pd.unique(emissions.loc[emissions["species"] == "CO2", "scope"]))
        direct = [v for v in found if str(v).strip() in ("1", "scope1", "scope 1", "范围1", "范围一")]
        if len(found) > 1 and direct:
            scopes = direct
            notes.append("二氧化碳按范围一（本地直接排放，与大气污染物口径一致）计，范围二（外购电力、热力）未计入")
    statistics = complete_statistics(statistics, emissions, notes)
    totals = emission_totals(emissions, ("region",), weights=weights, scopes=scopes)
    years = sorted(pd.unique(emissions["year"]))
    base, target = cfg.get("base_year", years[0]), cfg.get("target_year", years[-1])
    by = ("region", "sector") if "sector" in emissions.columns else ("region",)
    coords = coordinates(emissions, base, target, by, weights=weights, scopes=scopes) \
        if base != target else _empty(*by, "quadrant")
    els = elasticity(totals, ("region",))
    decoupling, lmdi = _empty("region", "pressure", "state_zh"), _empty("region", "total_change")
    if statistics is not None and "gdp_constant" in set(pd.unique(statistics["indicator"])):
        gdp = statistic(statistics, "gdp_constant", "亿元").rename("gdp")
        wide = totals.set_index(["region", "year"]).join(gdp, how="inner").reset_index()
        decoupling = pd.concat([tapio(wide, pressure="co2"), tapio(wide, pressure="apeq")],
                               ignore_index=True)
        needed = {"population", "energy_consumption"}
        if needed <= set(pd.unique(statistics["indicator"])):
            lmdi = kaya_lmdi(emissions, statistics, scopes=scopes)
        else:
            notes.append("LMDI 未计算：统计数据缺少" + "、".join(
                label("statistic", n) for n in sorted(needed - set(pd.unique(statistics["indicator"])))))
    else:
        notes.append("脱钩与LMDI分解未计算：统计数据缺少地区生产总值（不变价，亿元）")

    system = load_system(cfg.get("system"))
    values, left_out = indicator_values(system, emissions, statistics, weights=weights, scopes=scopes)
    notes += left_out
    tables = _index_tables(values, system, cfg.get("index_weights"), notes)
    return SynergyResult(
        apeq=totals, coordinates=coords, elasticity=els, decoupling=decoupling, lmdi=lmdi,
        **tables, indicators=values, notes=notes,
    )

