"""Composite 减污降碳协同度 index from an indicator system (综合指数法).

Method (linear weighted sum of normalised indicators, the usual form of Chinese evaluation
indices; reference notes §3.4(e),(f))::

    x'_ij  = min–max normalised value of indicator j for observation i (direction applied)
    W_j    = ω_d(j) · v_j        ω dimension weight (fixed / equal / AHP), v_j weight of j
                                 inside its dimension (entropy / equal / fixed / AHP)
    S_i    = Σ_j W_j · x'_ij     composite index, 0 … 1 (reported × 100 as ``index``)
    S_i,d  = Σ_{j∈d} v_j · x'_ij dimension score (目标协同度, 路径协同度 …)
    U_s,i  = Σ_{j∈s} W_j x'_ij / Σ_{j∈s} W_j   subsystem index for s = pollution, carbon

Observations are region-years. With ``normalisation: panel`` min and max are taken over the
whole panel, so scores compare across years; ``year`` normalises within each year. Entropy
weights are computed once over all observations (panel entropy) and normalised within each
dimension.
Everything is vectorised over an (observations × indicators) matrix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cocontrol.errors import InputError
from cocontrol.synergy._frames import check_sum_to_one, require_columns
from cocontrol.synergy.system import IndicatorSystem
from cocontrol.synergy.weights import ahp, entropy_weights, fixed_weights, minmax


@dataclass(frozen=True)
class IndexResult:
    """Scores by region-year, the weights used, and each indicator's contribution."""

    scores: pd.DataFrame         # region, year, index (0–100), <dimension> scores, u_pollution, u_carbon
    weights: pd.DataFrame        # indicator, name_zh, dimension, dimension_weight, within_weight, weight, method
    contributions: pd.DataFrame  # region, year, indicator, value, normalised, contribution (index points)


def indicator_matrix(values: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """Wide (region, year) × indicator matrix from a long table; missing cells are listed."""
    require_columns(values, ("region", "year", "indicator", "value"), "indicator values")
    unknown = sorted(set(pd.unique(values["indicator"])) - set(ids))
    if unknown:
        raise InputError(f"indicator values for indicators not in the system: {unknown}",
                         column="indicator", expected=f"one of {ids}")
    dup = values.duplicated(["region", "year", "indicator"], keep=False)
    if dup.any():
        first = values.loc[dup, ["region", "year", "indicator"]].head(5).to_dict("records")
        raise InputError(f"indicator given more than once for {first}",
                         expected="one value per region, year and indicator")
    wide = values.pivot(index=["region", "year"], columns="indicator", values="value")
    wide = wide.reindex(columns=ids).astype(float)
    if wide.isna().any().any():
        stacked = wide.isna().stack()
        gaps = stacked[stacked].index[:10].tolist()
        raise InputError(f"{int(wide.isna().sum().sum())} indicator value(s) missing, e.g. "
                         f"(region, year, indicator) {gaps}",
                         expected="every indicator for every region and year (or drop the indicator)")
    return wide


def _configured_weights(given: Mapping[str, float], present: list[str], what: str) -> pd.Series:
    """Fixed weights checked as configured (sum 1), then renormalised over the items present."""
    full = {str(k): float(v) for k, v in dict(given).items()}
    check_sum_to_one(full, what)
    kept = {k: v for k, v in full.items() if k in present}
    total = sum(kept.values())
    if len(kept) < len(full) and total > 0:  # items without data were dropped
        kept = {k: v / total for k, v in kept.items()}
    return fixed_weights(kept, present, what)


def _ahp_present(matrix: object, order: list[str], present: list[str], what: str) -> pd.Series:
    """AHP weights of the judgement matrix cut down to the items present (CR re-checked)."""
    a = np.asarray(matrix, dtype=float)
    if a.ndim != 2 or a.shape[0] != len(order):
        raise InputError(f"{what}: AHP matrix is {a.shape} but {len(order)} items are configured "
                         f"({order})", expected=f"a {len(order)}×{len(order)} matrix")
    keep = [order.index(p) for p in present]
    return ahp(a[np.ix_(keep, keep)], labels=present).weights


def _dimension_weights(system: IndicatorSystem) -> pd.Series:
    ids = [d for d, _ in system.dimensions]
    spec = system.dimension_weighting
    method = spec.get("method", "equal")
    if method == "fixed":
        return _configured_weights(spec.get("weights", {}), ids, "dimension weights")
    if method == "ahp":
        order = list(spec.get("order", system.configured.get("", ids)))
        return _ahp_present(spec["matrix"], order, ids, "dimension weights")
    return pd.Series(1.0 / len(ids), index=ids)


def _within_weights(system: IndicatorSystem, normalised: np.ndarray) -> pd.Series:
    spec = system.indicator_weighting
    method = spec.get("method", "entropy")
    dims = pd.Series([i.dimension for i in system.indicators], index=system.ids)
    if method == "entropy":
        d = pd.Series(entropy_weights(normalised), index=system.ids)  # ∝ d_j = 1 − e_j
        sums = d.groupby(dims).transform("sum")
        sizes = dims.groupby(dims).transform("size")
        return d.div(sums.where(sums > 0)).fillna(1.0 / sizes)
    if method == "equal":
        return 1.0 / dims.groupby(dims).transform("size")
    parts = []
    for dim, _ in system.dimensions:
        members = dims.index[dims == dim].tolist()
        what = f"indicator weights of {dim}"
        if method == "fixed":
            parts.append(_configured_weights(dict(spec["weights"].get(dim, {})), members, what))
        else:
            order = list(system.configured.get(dim, members))
            parts.append(_ahp_present(spec["matrices"][dim], order, members, what))
    return pd.concat(parts).reindex(system.ids)


def composite_index(values: pd.DataFrame, system: IndicatorSystem,
                    fixed: Mapping[str, float] | None = None) -> IndexResult:
    """协同度 index of every region-year in ``values`` (long: region, year, indicator, value).

    ``fixed`` optionally gives final indicator weights W_j directly (must sum to 1), bypassing
    the system's weighting.
    """
    ids = system.ids
    wide = indicator_matrix(values, ids)
    positive = np.array([i.direction > 0 for i in system.indicators])
    if system.normalisation == "year":
        years = wide.index.get_level_values("year")
        norm = minmax(wide.to_numpy(), positive, wide.groupby(years).transform("min").to_numpy(),
                      wide.groupby(years).transform("max").to_numpy())
    else:
        norm = minmax(wide.to_numpy(), positive)
    dims = [i.dimension for i in system.indicators]
    if fixed is not None:
        weight = fixed_weights(fixed, ids, "indicator weights")
        dim_w = weight.groupby(dims).sum()
        within = weight / weight.groupby(dims).transform("sum").replace(0, np.nan)
        method = "fixed"
    else:
        dim_w = _dimension_weights(system)
        within = _within_weights(system, norm)
        weight = within * dim_w.reindex(dims).to_numpy()
        method = f"{system.dimension_weighting.get('method', 'equal')}×" \
                 f"{system.indicator_weighting.get('method', 'entropy')}"
    w = weight.to_numpy(dtype=float)
    contrib = norm * w
    scores = pd.DataFrame(index=wide.index)
    scores["index"] = contrib.sum(axis=1) * 100.0
    within_v = within.fillna(0.0).to_numpy(dtype=float)
    for dim, _ in system.dimensions:
        cols = np.array([d == dim for d in dims])
        scores[dim] = (norm[:, cols] * within_v[cols]).sum(axis=1)
    for sub in ("pollution", "carbon"):
        cols = np.array([i.subsystem == sub for i in system.indicators])
        total = w[cols].sum()
        scores[f"u_{sub}"] = (contrib[:, cols].sum(axis=1) / total) if total > 0 else np.nan
    table = pd.DataFrame({
        "indicator": ids,
        "name_zh": [i.name_zh for i in system.indicators],
        "dimension": dims,
        "dimension_weight": dim_w.reindex(dims).to_numpy(),
        "within_weight": within.to_numpy(dtype=float),
        "weight": w,
        "method": method,
    })
    n_obs, n_ind = norm.shape
    contributions = pd.DataFrame({
        "region": np.repeat(wide.index.get_level_values("region"), n_ind),
        "year": np.repeat(wide.index.get_level_values("year"), n_ind),
        "indicator": np.tile(ids, n_obs),
        "value": wide.to_numpy().ravel(),
        "normalised": norm.ravel(),
        "contribution": contrib.ravel() * 100.0,
    })
    return IndexResult(scores.reset_index(), table, contributions)
