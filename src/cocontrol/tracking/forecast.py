"""Trend forecast to the target year with a prediction interval (趋势外推预测).

Vectorised over many series at once (one groupby of sums, no per-series loop):

* n ≥ 3 points: ordinary least squares ``y = a + b·t``; the forecast at year H is
  ``ŷ = a + b·H`` and the two-sided prediction interval at level 1−α is
  ``ŷ ± t_{1−α/2, n−2} · s · √(1 + 1/n + (H − t̄)² / Sxx)`` with ``s² = SSE/(n−2)``
  (standard OLS prediction interval, e.g. Montgomery & Runger, *Applied Statistics and
  Probability for Engineers*, §11-6). Default level 90 %.
* n = 2 (stated rule): the line through both points; the interval runs from persistence
  (no further change after the latest year) to twice the observed pace.
* n = 1 (stated rule): persistence (the value stays); no interval.
* ``log=True`` fits ``ln y`` (constant yearly rate — geometric path) and transforms back;
  a series with a value ≤ 0 falls back to the linear fit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

METHOD_OLS = "线性趋势回归（{n}点，{level:.0%}预测区间）"
METHOD_OLS_LOG = "对数线性趋势回归（年均变化率不变，{n}点，{level:.0%}预测区间）"
METHOD_TWO = "两点外推（区间：保持现值至两倍变化速度）"
METHOD_ONE = "单点：假定保持现值（无区间）"


def trend(points: pd.DataFrame, horizon: pd.Series, *, log: pd.Series | None = None,
          level: float = 0.90) -> pd.DataFrame:
    """Forecast each series to its horizon year.

    ``points``: columns ``key, year, y`` (one row per key and year, NaN-free).
    ``horizon``: year to forecast to, indexed by key. ``log``: bool per key (fit ln y).
    Returns a frame indexed by key with ``forecast, low, high, n, slope, method``
    (``slope`` per year, in y units, or the yearly growth factor − 1 when log).
    """
    keys = horizon.index
    out = pd.DataFrame(index=keys)
    if points.empty:
        return out.assign(forecast=np.nan, low=np.nan, high=np.nan, n=0, slope=np.nan,
                          method=None)
    p = points[["key", "year", "y"]].copy()
    p["year"] = p["year"].astype(float)
    p["y"] = p["y"].astype(float)
    use_log = (log.reindex(keys).fillna(False).astype(bool) if log is not None
               else pd.Series(False, index=keys))
    positive = p.groupby("key")["y"].min() > 0
    use_log = use_log & positive.reindex(keys).fillna(False)
    p["log"] = p["key"].map(use_log).fillna(False).astype(bool)
    p["z"] = np.where(p["log"], np.log(p["y"].where(p["y"] > 0, np.nan)), p["y"])
    g = p.groupby("key")
    n = g["z"].count()
    tbar, zbar = g["year"].mean(), g["z"].mean()
    p["dt"] = p["year"] - p["key"].map(tbar)
    p["dz"] = p["z"] - p["key"].map(zbar)
    sxx = (p["dt"] ** 2).groupby(p["key"]).sum()
    sxy = (p["dt"] * p["dz"]).groupby(p["key"]).sum()
    b = (sxy / sxx.where(sxx > 0)).fillna(0.0)
    a = zbar - b * tbar
    p["res"] = p["z"] - (p["key"].map(a) + p["key"].map(b) * p["year"])
    sse = (p["res"] ** 2).groupby(p["key"]).sum()
    last = p.sort_values("year").groupby("key").tail(1).set_index("key")

    n = n.reindex(keys).fillna(0).astype(int)
    h = horizon.astype(float)
    a, b = a.reindex(keys), b.reindex(keys)
    sxx, sse, tb = sxx.reindex(keys), sse.reindex(keys), tbar.reindex(keys)
    z_last, t_last = last["z"].reindex(keys), last["year"].reindex(keys)
    zhat = a + b * h
    dof = (n - 2).clip(lower=1)
    tq = pd.Series(stats.t.ppf(0.5 + level / 2, dof), index=keys)
    s = np.sqrt(sse / dof)
    se = s * np.sqrt(1 + 1 / n.clip(lower=1) + (h - tb) ** 2 / sxx.where(sxx > 0))
    ols = (n >= 3) & (sxx > 0)
    low_z = np.where(ols, zhat - tq * se, np.nan)
    high_z = np.where(ols, zhat + tq * se, np.nan)
    two = (n == 2) & (sxx > 0)
    double = z_last + 2 * b * (h - t_last)
    low_z = np.where(two, np.minimum(z_last, double), low_z)
    high_z = np.where(two, np.maximum(z_last, double), high_z)
    one = ~(ols | two) & (n >= 1)
    zhat = zhat.where(~one, z_last)
    def back(z: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return np.where(use_log, np.exp(np.clip(z, -700, 700)), z)

    y_last = last["y"].reindex(keys).to_numpy(dtype=float)
    out["forecast"] = np.where(one, y_last, back(zhat.to_numpy(dtype=float)))
    out["low"] = back(np.asarray(low_z, dtype=float))
    out["high"] = back(np.asarray(high_z, dtype=float))
    out.loc[n == 0, ["forecast", "low", "high"]] = np.nan
    out["n"] = n
    with np.errstate(over="ignore"):
        out["slope"] = np.where(use_log, np.expm1(b.where(use_log, 0.0).clip(-700, 700)), b)
    method = pd.Series(None, index=keys, dtype=object)
    fmt_log = [METHOD_OLS_LOG.format(n=k, level=level) for k in n]
    fmt_lin = [METHOD_OLS.format(n=k, level=level) for k in n]
    method[:] = np.where(use_log, fmt_log, fmt_lin)
    method[two] = METHOD_TWO
    method[one] = METHOD_ONE
    method[n == 0] = None
    out["method"] = method
    return out
