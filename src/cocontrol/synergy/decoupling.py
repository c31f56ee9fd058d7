"""Tapio decoupling (脱钩弹性) of CO2 or APeq from GDP.

Method: Tapio P. (2005) Towards a theory of decoupling: degrees of decoupling in the EU and the
case of road traffic in Finland between 1970 and 2001. *Transport Policy* 12(2):137-151::

    e = (ΔP / P₀) / (ΔG / G₀)        P pressure (CO2 or APeq), G real GDP (constant prices)

Eight states, with the 0.8 and 1.2 thresholds of Tapio's figure (boundaries: 0.8 ≤ e ≤ 1.2 is
coupling; e < 0.8 / e > 1.2 are the decoupling states):

=============  =========  =================================  ============
ΔG             ΔP         e                                  state
=============  =========  =================================  ============
> 0            < 0        e < 0                              强脱钩 strong decoupling
> 0            ≥ 0        0 ≤ e < 0.8                        弱脱钩 weak decoupling
> 0            > 0        0.8 ≤ e ≤ 1.2                      扩张连接 expansive coupling
> 0            > 0        e > 1.2                            扩张负脱钩 expansive negative decoupling
< 0            > 0        e < 0                              强负脱钩 strong negative decoupling
< 0            ≤ 0        0 ≤ e < 0.8                        弱负脱钩 weak negative decoupling
< 0            < 0        0.8 ≤ e ≤ 1.2                      衰退连接 recessive coupling
< 0            < 0        e > 1.2                            衰退脱钩 recessive decoupling
=============  =========  =================================  ============

ΔG = 0 leaves e undefined: ``e = NaN``, state "" and the reason in ``note``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cocontrol.synergy._frames import period_pairs

STATES_ZH = {
    "strong decoupling": "强脱钩",
    "weak decoupling": "弱脱钩",
    "expansive coupling": "扩张连接",
    "expansive negative decoupling": "扩张负脱钩",
    "strong negative decoupling": "强负脱钩",
    "weak negative decoupling": "弱负脱钩",
    "recessive coupling": "衰退连接",
    "recessive decoupling": "衰退脱钩",
}

LOWER, UPPER = 0.8, 1.2


def tapio_state(pressure_rate: np.ndarray, gdp_rate: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elasticity e and Tapio state (English key of :data:`STATES_ZH`) from relative changes."""
    p = np.asarray(pressure_rate, dtype=float)
    g = np.asarray(gdp_rate, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        e = np.where(g == 0, np.nan, p / np.where(g == 0, 1.0, g))
    ok = np.isfinite(e)
    r = np.round(e, 10)  # 0.04 / 0.05 is 0.7999999999999999 in binary floating point
    low, mid, high = r < LOWER, (r >= LOWER) & (r <= UPPER), r > UPPER
    state = np.select(
        [ok & (g > 0) & (r < 0), ok & (g > 0) & low, ok & (g > 0) & mid, ok & (g > 0) & high,
         ok & (g < 0) & (r < 0), ok & (g < 0) & low, ok & (g < 0) & mid, ok & (g < 0) & high],
        list(STATES_ZH),
        default="",
    )
    return e, state


def tapio(
    table: pd.DataFrame,
    by: Sequence[str] = ("region",),
    *,
    pressure: str = "co2",
    gdp: str = "gdp",
    periods: Sequence[tuple[int, int]] | None = None,
) -> pd.DataFrame:
    """Tapio decoupling of ``pressure`` from ``gdp`` in a wide table (``by``, year, columns).

    ``periods`` as in :func:`cocontrol.synergy._frames.period_pairs` (None: consecutive years).
    Returns ``by`` + base_year, target_year, pressure_change_rate, gdp_change_rate,
    elasticity, state, state_zh, note.
    """
    keys = list(by)
    pairs = period_pairs(table, keys, (pressure, gdp), periods)
    p0, p1 = pairs[f"{pressure}_0"].to_numpy(float), pairs[f"{pressure}_1"].to_numpy(float)
    g0, g1 = pairs[f"{gdp}_0"].to_numpy(float), pairs[f"{gdp}_1"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p_rate = np.where(p0 != 0, (p1 - p0) / p0, np.nan)
        g_rate = np.where(g0 != 0, (g1 - g0) / g0, np.nan)
    e, state = tapio_state(p_rate, g_rate)
    out = pairs[[*keys, "base_year", "target_year"]].copy()
    out["pressure"] = pressure
    out["pressure_change_rate"], out["gdp_change_rate"], out["elasticity"] = p_rate, g_rate, e
    out["state"] = state
    out["state_zh"] = out["state"].map(STATES_ZH).fillna("")
    out["note"] = np.select(
        [~np.isfinite(p_rate) | ~np.isfinite(g_rate), g_rate == 0],
        ["base value is 0 or missing: elasticity undefined", "ΔGDP = 0: elasticity undefined"],
        default="",
    )
    return out
