"""STIRPAT fitted with ridge regression on a city's own history (scenarios.md §3.4).

``ln I = ln a + Σ_k β_k ln X_k + e`` (Dietz & Rosa; extended forms add urbanisation, industry
share, energy intensity …). The regressors are collinear in every city series, so the
coefficients are estimated with ridge regression on standardised logs,
``β* = (ZᵀZ + k I)⁻¹ Zᵀ y*``, back-transformed to elasticities ``β_k = β*_k σ_y / σ_k``; the
ridge constant ``k`` minimises generalised cross-validation (Golub, Heath & Wahba 1979) over
a grid unless given. The projection is ``ln Î_t = ln I_0 + Σ β_k (ln X_k,t − ln X_k,0)``, i.e.
the LEAP expression ``GrowthAs(X_1, β_1) * GrowthAs(X_2, β_2) …`` on the base-year value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cocontrol.errors import InputError

K_GRID = np.r_[0.0, np.geomspace(1e-4, 10.0, 81)]


@dataclass(frozen=True)
class Fit:
    """Elasticities ``beta`` by driver, intercept (ln a), ridge constant ``k``, R² of ln I,
    the fitted table (year, observed, fitted) and the ridge trace (k × driver)."""

    beta: dict[str, float]
    intercept: float
    k: float
    r2: float
    fitted: pd.DataFrame
    trace: pd.DataFrame

    def expression(self) -> str:
        """The projection as a LEAP expression over the drivers."""
        return " * ".join(f"GrowthAs({n}, {b:.6g})" for n, b in self.beta.items())


def fit(history: pd.DataFrame, impact: str, drivers: Sequence[str], *,
        k: float | None = None) -> Fit:
    """Fit ``impact`` on ``drivers`` (columns of ``history``, one row per year, all > 0)."""
    cols = [impact, *drivers]
    missing = [c for c in cols if c not in history.columns]
    if missing:
        raise InputError("history lacks a column", expected=", ".join(cols),
                         found=", ".join(missing))
    data = history[["year", *cols]].dropna()
    if len(data) < len(drivers) + 2:
        raise InputError("too few years of history for STIRPAT",
                         expected=f"at least {len(drivers) + 2} years", found=str(len(data)))
    if (data[cols] <= 0).any().any():
        raise InputError("STIRPAT needs positive values (logarithms)", column=impact)
    y = np.log(data[impact].to_numpy(float))
    x = np.log(data[list(drivers)].to_numpy(float))
    my, sy = y.mean(), y.std()
    mx, sx = x.mean(axis=0), x.std(axis=0)
    sx = np.where(sx > 0, sx, 1.0)
    z, ys = (x - mx) / sx, (y - my) / (sy if sy > 0 else 1.0)
    n, _p = z.shape
    u, s, vt = np.linalg.svd(z, full_matrices=False)
    uty = u.T @ ys

    def solve(kk: float) -> np.ndarray:
        return vt.T @ (s / (s ** 2 + kk) * uty)

    def gcv(kk: float) -> float:
        h = s ** 2 / (s ** 2 + kk)
        resid = ys - u @ (h * uty)
        return float(n * resid @ resid / (n - h.sum()) ** 2)

    chosen = float(min(K_GRID, key=gcv)) if k is None else float(k)
    bstar = solve(chosen)
    beta = bstar * (sy if sy > 0 else 1.0) / sx
    intercept = float(my - beta @ mx)
    pred = intercept + x @ beta
    ss = float(((y - y.mean()) ** 2).sum())
    r2 = 1.0 - float(((y - pred) ** 2).sum()) / ss if ss > 0 else 1.0
    trace = pd.DataFrame([solve(kk) * (sy if sy > 0 else 1.0) / sx for kk in K_GRID],
                         columns=list(drivers)).assign(k=K_GRID)
    fitted = pd.DataFrame({"year": data["year"].to_numpy(), "observed": np.exp(y),
                           "fitted": np.exp(pred)})
    return Fit(dict(zip(drivers, map(float, beta), strict=True)), intercept, chosen, r2,
               fitted, trace)


def project(base: float, beta: Mapping[str, float],
            drivers: Mapping[str, np.ndarray]) -> np.ndarray:
    """``I_t = I_0 × exp(Σ β_k (ln X_k,t − ln X_k,0))`` over the years of ``drivers``."""
    log = sum(b * (np.log(drivers[n]) - np.log(drivers[n][0])) for n, b in beta.items())
    return base * np.exp(log)
