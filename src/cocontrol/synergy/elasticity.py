"""Cross-elasticity of pollutant and CO2 reduction (协同减排交叉弹性 Els).

Method (毛显强 et al. co-control literature; 宋鹏, 张慧敏, 毛显强 2022 《中国环境科学》 use the
same 减污降碳交叉弹性). Direction stated explicitly — pollutant over carbon::

    Els_AP/CO2 = (ΔAP / AP₀) / (ΔCO2 / CO2₀)

with Δ = value₀ − value₁ (reductions positive; the ratio is the same with changes).
Els > 1: the pollutant fell proportionally more than CO2; 0 < Els ≤ 1: CO2 fell more (or as
much); Els < 0: trade-off (one fell, the other rose). Some papers publish the inverse
(CO2 over AP): invert our value to compare.

ΔCO2 = 0, CO2₀ = 0 or AP₀ = 0 give ``els = NaN`` with the reason in ``note`` — never an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from cocontrol.synergy._frames import period_pairs, species_total
from cocontrol.synergy.apeq import apeq as compute_apeq


def cross_elasticity(ap_rate: np.ndarray, co2_rate: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Els = ap_rate / co2_rate for relative reductions, with a note where it is undefined.

    Returns ``(els, note)``; ``note`` is "" where Els is defined.
    """
    ap = np.asarray(ap_rate, dtype=float)
    co2 = np.asarray(co2_rate, dtype=float)
    undefined = (co2 == 0) | ~np.isfinite(co2) | ~np.isfinite(ap)
    with np.errstate(divide="ignore", invalid="ignore"):
        els = np.where(undefined, np.nan, ap / np.where(co2 == 0, 1.0, co2))
    note = np.select(
        [~np.isfinite(co2) | ~np.isfinite(ap), co2 == 0],
        ["base value is 0 or missing: elasticity undefined", "ΔCO2 = 0: elasticity undefined"],
        default="",
    )
    return els, note


def interpret(els: np.ndarray, ap_rate: np.ndarray, co2_rate: np.ndarray) -> np.ndarray:
    """Chinese reading of Els (协同减排 / 此消彼长 / 协同增排)."""
    ap, co2 = np.asarray(ap_rate, float), np.asarray(co2_rate, float)
    return np.select(
        [np.isnan(els), (ap > 0) & (co2 > 0) & (els > 1), (ap > 0) & (co2 > 0),
         (ap < 0) & (co2 < 0), els < 0, ap == 0],
        ["无法计算", "协同减排（减污快于降碳）", "协同减排（降碳快于或同步于减污）",
         "协同增排", "此消彼长", "仅降碳或仅增碳"],
        default="",
    )


def elasticity(
    totals: pd.DataFrame,
    by: Sequence[str] = ("region",),
    *,
    ap: str = "apeq",
    co2: str = "co2",
    periods: Sequence[tuple[int, int]] | None = None,
) -> pd.DataFrame:
    """Els for every ``by`` group and period of a wide table (``by``, year, ``ap``, ``co2``).

    ``periods`` lists (base_year, target_year) pairs; None means consecutive years present in
    each group. Returns ``by`` + base_year, target_year, ap_reduction_rate,
    co2_reduction_rate, els, reading, note.
    """
    keys = list(by)
    pairs = period_pairs(totals, keys, (ap, co2), periods)
    a0, a1 = pairs[f"{ap}_0"].to_numpy(float), pairs[f"{ap}_1"].to_numpy(float)
    c0, c1 = pairs[f"{co2}_0"].to_numpy(float), pairs[f"{co2}_1"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ap_rate = np.where(a0 > 0, (a0 - a1) / a0, np.nan)
        co2_rate = np.where(c0 > 0, (c0 - c1) / c0, np.nan)
    els, note = cross_elasticity(ap_rate, co2_rate)
    out = pairs[[*keys, "base_year", "target_year"]].copy()
    out["ap_reduction_rate"], out["co2_reduction_rate"], out["els"] = ap_rate, co2_rate, els
    out["reading"] = interpret(els, ap_rate, co2_rate)
    out["note"] = note
    return out


def emission_totals(
    emissions: pd.DataFrame,
    by: Sequence[str] = ("region",),
    *,
    weights: Mapping[str, float] | None = None,
    scopes: Sequence[object] | None = None,
) -> pd.DataFrame:
    """Wide table ``by``, year, apeq (t SO2-eq), co2 (t) from the inventory's long table."""
    keys = [*by, "year"]
    ap = compute_apeq(emissions, weights, by=keys).set_index(keys)["apeq"]
    co2 = species_total(emissions, "CO2", keys, scopes)
    return pd.concat([ap.rename("apeq"), co2.rename("co2")], axis=1).fillna(0.0).reset_index()
