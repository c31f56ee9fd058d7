"""Uncertainty of the inventory (不确定性分析), IPCC 2006 GL Vol.1 Ch.3.

Input: one row per source category with ``sector``, ``value`` (emission, t) and the relative
half-widths of the 95 % intervals ``u_activity`` and ``u_factor`` (e.g. 0.05 for ±5 %).

* Approach 1 (error propagation): per category ``U = √(U_A² + U_EF²)`` (Eq. 3.1, product);
  for a sum ``U_total = √Σ(U_i·x_i)² / |Σ x_i|`` (Eq. 3.2), assuming independence.
* Approach 2 (Monte Carlo, Vol.1 Ch.3.2.3.2): each category's activity and factor are drawn
  independently (normal with σ = U/1.96 truncated at 0, or lognormal with the same 95 % half
  width for ``distribution = lognormal``), ``E = x·a·f``; the 2.5th and 97.5th percentiles of
  the sector and total sums are the 95 % interval. Vectorised numpy, seeded.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cocontrol import refdata
from cocontrol.data.activity import canonical_units

Z95 = 1.959963984540054


def error_propagation(categories: pd.DataFrame) -> pd.DataFrame:
    """Approach 1: value, relative 95 % half-width, lower and upper by sector and ``total``."""
    u = np.sqrt(categories["u_activity"] ** 2 + categories["u_factor"] ** 2)
    frame = categories.assign(_abs=(u * categories["value"]) ** 2)
    groups = [(s, g) for s, g in frame.groupby("sector", sort=True)] + [("total", frame)]
    rows = []
    for sector, g in groups:
        value = g["value"].sum()
        rel = np.sqrt(g["_abs"].sum()) / abs(value) if value else 0.0
        rows.append({"sector": sector, "value": value, "u_rel": rel,
                     "lower": value * (1 - rel), "upper": value * (1 + rel)})
    return pd.DataFrame(rows)


def _draw(rng: np.random.Generator, u: np.ndarray, lognormal: np.ndarray,
          draws: int) -> np.ndarray:
    """Multiplicative draws (mean 1 for normal, median 1 for lognormal), shape draws × n."""
    z = rng.standard_normal((draws, u.size))
    out = np.maximum(1.0 + z * (u / Z95), 0.0)
    if lognormal.any():
        out[:, lognormal] = np.exp(z[:, lognormal] * (np.log1p(u[lognormal]) / Z95))
    return out


def monte_carlo(categories: pd.DataFrame, *, draws: int = 10_000,
                seed: int = 20_061) -> pd.DataFrame:
    """Approach 2: mean, median and 95 % interval by sector and ``total`` (≥ 10 000 draws)."""
    if draws < 1:
        raise ValueError("draws must be positive")
    rng = np.random.default_rng(seed)
    x = categories["value"].to_numpy(float)
    logn = (categories.get("distribution", pd.Series("normal", index=categories.index))
            .eq("lognormal").to_numpy())
    a = _draw(rng, categories["u_activity"].to_numpy(float), np.zeros_like(logn), draws)
    f = _draw(rng, categories["u_factor"].to_numpy(float), logn, draws)
    e = a * f * x  # draws × categories
    del a, f
    codes, sectors = pd.factorize(categories["sector"], sort=True)
    indicator = np.zeros((x.size, len(sectors)))
    indicator[np.arange(x.size), codes] = 1.0
    by_sector = e @ indicator
    sims = np.column_stack([by_sector, e.sum(axis=1)])
    names = [*sectors, "total"]
    lo, med, hi = np.percentile(sims, [2.5, 50, 97.5], axis=0)
    return pd.DataFrame({"sector": names, "value": np.r_[[categories.groupby("sector")[
        "value"].sum().get(s, 0.0) for s in sectors], x.sum()], "mean": sims.mean(axis=0),
        "median": med, "lower": lo, "upper": hi})


def default_ranges(result: pd.DataFrame, species: str = "CO2") -> pd.DataFrame:
    """Source categories of one species from ``compute`` with default ranges attached.

    Ranges from ``refdata/uncertainty_defaults.csv`` (IPCC 2006 Vol.2 Ch.1–2 style): activity by
    ``*``; factors by fuel category (solid, liquid, gas, secondary, process) and species.
    """
    table = refdata.load("uncertainty_defaults")
    cats = refdata.load("fuels").set_index("fuel")["category"].to_dict()
    data = result[result["species"] == species].copy()
    data["category"] = [cats.get(f, "process" if f in canonical_units() else "*")
                        for f in data["fuel"]]

    def pick(quantity: str, category: str) -> tuple[float, str]:
        t = table[(table["quantity"] == quantity)]
        for c, s in ((category, species), ("*", species), (category, "*"), ("*", "*")):
            hit = t[(t["category"] == c) & (t["species"] == s)]
            if len(hit):
                return float(hit["half_width_95"].iloc[0]), str(hit["distribution"].iloc[0])
        raise KeyError(quantity)

    data["u_activity"] = [pick("activity", c)[0] for c in data["category"]]
    factor = [pick("factor", c) for c in data["category"]]
    data["u_factor"] = [u for u, _ in factor]
    data["distribution"] = [d for _, d in factor]
    return data.reset_index(drop=True)
