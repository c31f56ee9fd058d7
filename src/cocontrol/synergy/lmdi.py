"""LMDI-I additive decomposition (对数平均迪氏指数分解) of CO2 change on Kaya factors.

Method: Ang B.W. (2005) The LMDI approach to decomposition analysis: a practical guide.
*Energy Policy* 33(7):867-871; zero values: Ang B.W., Liu N. (2007) Handling zero values in the
logarithmic mean Divisia index decomposition approach. *Energy Policy* 35(1):238-246.

For an aggregate ``C = Σ_i C_i`` with ``C_i = Π_k x_{k,i}``::

    ΔC_tot = C^T − C^0 = Σ_k ΔC_{x_k}
    ΔC_{x_k} = Σ_i L(C_i^T, C_i^0) · ln(x_{k,i}^T / x_{k,i}^0)
    L(a, b) = (a − b) / (ln a − ln b),  L(a, a) = a

The decomposition is exact (no residual). Zero values use the analytical limits of Ang & Liu
(2007) (the limits their small-value strategy converges to): L(a, 0) = 0, and a sub-category
that appears (C_i^0 = 0) or disappears (C_i^T = 0) puts its whole change C_i^T − C_i^0 on the
factor that is zero; if several factors are zero there, the change is split equally between
them (our convention, flagged in ``note``).

Kaya identity (city level): CO2 = P · (G/P) · (E/G) · (CO2/E) — population, GDP per capita,
energy intensity, carbon intensity of energy (:func:`kaya_lmdi`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cocontrol.errors import InputError
from cocontrol.synergy._frames import period_pairs, require_columns, species_total, statistic

KAYA_FACTORS_ZH = {
    "population": "人口规模效应",
    "gdp_per_capita": "经济发展效应",
    "energy_intensity": "能源强度效应",
    "carbon_intensity": "能源碳强度效应",
}


def _log_ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """ln(a/b) to rounding accuracy: log1p((a − b)/b) when a ≈ b (no cancellation of
    ln a − ln b), log(a/b) otherwise (log1p loses digits when a/b is near 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = a / b
        return np.where(np.abs(ratio - 1) < 0.5, np.log1p((a - b) / b), np.log(ratio))


def log_mean(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Logarithmic mean L(a, b) = (a − b)/(ln a − ln b), L(a, a) = a, L(a, 0) = 0 (a, b ≥ 0)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        lm = (a - b) / _log_ratio(a, b)
    return np.where(a == b, a, np.where((a <= 0) | (b <= 0), 0.0, lm))


def lmdi_additive(
    table: pd.DataFrame,
    factors: Sequence[str],
    by: Sequence[str] = ("region",),
    *,
    sub: Sequence[str] = (),
    value: str | None = None,
    periods: Sequence[tuple[int, int]] | None = None,
    rtol: float = 1e-6,
) -> pd.DataFrame:
    """LMDI-I additive effects of ``factors`` on the change of their product.

    ``table`` has ``by`` + ``sub`` (sub-categories i, e.g. sector) + year + one column per
    factor (≥ 0). If ``value`` names a column, ``Π factors`` must equal it within ``rtol``
    (offending rows are listed). Returns one row per ``by`` group and period: base_year,
    target_year, total_change (C^T − C^0), one ``<factor>`` column of effects each, and note.
    """
    keys, subs, cols = list(by), list(sub), list(factors)
    require_columns(table, (*keys, *subs, "year", *cols), "LMDI table")
    values = table[cols].astype(float)
    if (values < 0).any().any() or values.isna().any().any():
        bad = table.loc[(values < 0).any(axis=1) | values.isna().any(axis=1), [*keys, *subs, "year"]]
        raise InputError(f"LMDI factors must be ≥ 0 and present; offending rows: "
                         f"{bad.head(10).to_dict('records')}", expected="factor values ≥ 0")
    product = values.prod(axis=1)
    if value is not None:
        off = ~np.isclose(product, table[value].astype(float), rtol=rtol, atol=0)
        if off.any():
            bad = table.loc[off, [*keys, *subs, "year", value]].head(10).to_dict("records")
            raise InputError(f"the factors {cols} do not multiply to {value!r} on rows {bad}",
                             expected=f"Π factors = {value} (rtol {rtol:g})")
    data = table[[*keys, *subs, "year", *cols]].assign(_c=product.to_numpy())
    pairs = period_pairs(data, [*keys, *subs], [*cols, "_c"], periods)
    c0, c1 = pairs["_c_0"].to_numpy(), pairs["_c_1"].to_numpy()
    x0 = pairs[[f"{k}_0" for k in cols]].to_numpy()
    x1 = pairs[[f"{k}_1" for k in cols]].to_numpy()
    weight = log_mean(c1, c0)
    with np.errstate(divide="ignore", invalid="ignore"):
        effects = weight[:, None] * _log_ratio(x1, x0)
    # Ang & Liu (2007) limits where C_i is zero at one end
    appear, vanish = (c0 == 0) & (c1 > 0), (c1 == 0) & (c0 > 0)
    zero_side = np.where(appear[:, None], x0 == 0, np.where(vanish[:, None], x1 == 0, False))
    n_zero = zero_side.sum(axis=1)
    limit = np.where(n_zero[:, None] > 0, zero_side * ((c1 - c0) / np.maximum(n_zero, 1))[:, None], 0.0)
    edge = appear | vanish | ((c0 == 0) & (c1 == 0))
    effects = np.where(edge[:, None], limit, effects)
    effects = np.where(np.isfinite(effects), effects, 0.0)
    rows = pairs[[*keys, "base_year", "target_year"]].copy()
    rows["total_change"] = c1 - c0
    for j, k in enumerate(cols):
        rows[k] = effects[:, j]
    rows["_split"] = (n_zero > 1) & edge
    group = [*keys, "base_year", "target_year"]
    out = rows.groupby(group, sort=True).agg(
        {"total_change": "sum", **{k: "sum" for k in cols}, "_split": "any"}).reset_index()
    out["note"] = np.where(out.pop("_split"), "several zero factors: change split equally", "")
    return out


def kaya_table(
    emissions: pd.DataFrame, statistics: pd.DataFrame, scopes: Sequence[object] | None = None
) -> pd.DataFrame:
    """Kaya factors by region and year from the inventory and the statistics.

    Statistics used: ``population`` (万人), ``gdp_constant`` (亿元, constant prices),
    ``energy_consumption`` (万吨标准煤). Returns region, year, co2 (t), population,
    gdp_per_capita (亿元/万人), energy_intensity (万吨标准煤/亿元), carbon_intensity (t/万吨标准煤).
    """
    co2 = species_total(emissions, "CO2", ["region", "year"], scopes)
    pop = statistic(statistics, "population", "万人")
    gdp = statistic(statistics, "gdp_constant", "亿元")
    energy = statistic(statistics, "energy_consumption", "万吨标准煤")
    frame = pd.concat([co2.rename("co2"), pop, gdp, energy], axis=1, join="inner")
    frame.index.names = ["region", "year"]
    out = pd.DataFrame({
        "co2": frame["co2"],
        "population": frame["population"],
        "gdp_per_capita": frame["gdp_constant"] / frame["population"],
        "energy_intensity": frame["energy_consumption"] / frame["gdp_constant"],
        "carbon_intensity": frame["co2"] / frame["energy_consumption"],
    })
    return out.reset_index()


def kaya_lmdi(
    emissions: pd.DataFrame,
    statistics: pd.DataFrame,
    periods: Sequence[tuple[int, int]] | None = None,
    scopes: Sequence[object] | None = None,
) -> pd.DataFrame:
    """LMDI-I decomposition of each region's CO2 change (t) on the four Kaya factors."""
    table = kaya_table(emissions, statistics, scopes)
    return lmdi_additive(table, list(KAYA_FACTORS_ZH), ("region",), value="co2", periods=periods)
