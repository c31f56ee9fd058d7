"""Co-control coordinate system (协同控制效应坐标系).

Method (毛显强 et al.; 邢有凯, 毛显强 等 2020 《中国环境管理》12(4):20-28, Tangshan): each sector,
measure, region or period is a point

    x = ΔAPeq = APeq₀ − APeq₁   (air-pollutant reduction, t SO2-eq; reduction positive)
    y = ΔCO2  = CO2₀ − CO2₁     (CO2 reduction, t; reduction positive)

Quadrants (our labels; the axis orientation "reductions positive" is stated because papers
differ): I x>0, y>0 协同减排 (both reduced); II x<0, y>0 降碳增污 (trade-off); III x<0, y<0
协同增排 (both increased); IV x>0, y<0 减污增碳 (trade-off). Points on an axis are 仅减污,
仅降碳, 仅增污, 仅增碳 or 无变化. ``angle_deg`` is the direction of the point of *relative*
reductions (x/APeq₀, y/CO2₀): 45° means both fell by the same share.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from cocontrol.errors import InputError
from cocontrol.synergy._frames import require_columns, species_total, to_unit
from cocontrol.synergy.apeq import apeq as compute_apeq

QUADRANT_LABELS = {
    "I": "协同减排", "II": "降碳增污", "III": "协同增排", "IV": "减污增碳",
    "+x": "仅减污", "+y": "仅降碳", "-x": "仅增污", "-y": "仅增碳", "0": "无变化",
}


def classify_quadrants(x: np.ndarray | pd.Series, y: np.ndarray | pd.Series) -> np.ndarray:
    """Quadrant code (I, II, III, IV, +x, +y, -x, -y, 0) of reductions ``x`` (APeq), ``y`` (CO2)."""
    sx, sy = np.sign(np.asarray(x, dtype=float)), np.sign(np.asarray(y, dtype=float))
    conditions = [
        (sx > 0) & (sy > 0), (sx < 0) & (sy > 0), (sx < 0) & (sy < 0), (sx > 0) & (sy < 0),
        (sx > 0) & (sy == 0), (sx == 0) & (sy > 0), (sx < 0) & (sy == 0), (sx == 0) & (sy < 0),
        (sx == 0) & (sy == 0),
    ]
    codes = ["I", "II", "III", "IV", "+x", "+y", "-x", "-y", "0"]
    return np.select(conditions, codes, default="")


def place(frame: pd.DataFrame, base_columns: tuple[str, str] | None = None) -> pd.DataFrame:
    """Add quadrant, label and angle to a table with ``apeq_reduction`` and ``co2_reduction``.

    Use this directly for measures whose reductions are known (措施减排量). With
    ``base_columns=(apeq0, co2_0)`` relative reductions and the angle are added as well.
    """
    require_columns(frame, ("apeq_reduction", "co2_reduction"), "coordinate table")
    out = frame.copy()
    out["quadrant"] = classify_quadrants(out["apeq_reduction"], out["co2_reduction"])
    out["quadrant_zh"] = out["quadrant"].map(QUADRANT_LABELS)
    if base_columns is not None:
        a0, c0 = (out[c].astype(float).to_numpy() for c in base_columns)
        with np.errstate(divide="ignore", invalid="ignore"):
            rx = np.where(a0 > 0, out["apeq_reduction"].to_numpy(float) / a0, np.nan)
            ry = np.where(c0 > 0, out["co2_reduction"].to_numpy(float) / c0, np.nan)
        out["apeq_reduction_rate"] = rx
        out["co2_reduction_rate"] = ry
        angle = np.degrees(np.arctan2(ry, rx))
        out["angle_deg"] = np.where((rx == 0) & (ry == 0), np.nan, angle)
    return out


def coordinates(
    emissions: pd.DataFrame,
    base_year: int,
    target_year: int,
    by: Sequence[str] = ("region", "sector"),
    *,
    weights: Mapping[str, float] | None = None,
    scopes: Sequence[object] | None = None,
) -> pd.DataFrame:
    """Co-control coordinates of every ``by`` group between ``base_year`` and ``target_year``.

    Returns ``by`` + apeq_base, apeq_target, co2_base, co2_target (t), apeq_reduction,
    co2_reduction, their rates, quadrant, quadrant_zh, angle_deg. A group missing in one year
    counts as zero emissions in that year.
    """
    require_columns(emissions, ("year", *by), "emissions")
    years = set(pd.unique(emissions["year"]))
    missing = [y for y in (base_year, target_year) if y not in years]
    if missing:
        raise InputError(f"emissions have no rows for year(s) {missing}", column="year",
                         expected=f"years {base_year} and {target_year}",
                         found=", ".join(map(str, sorted(years))))
    sub = emissions[emissions["year"].isin([base_year, target_year])]
    keys = [*by, "year"]
    ap = compute_apeq(sub, weights, by=keys).set_index(keys)["apeq"]
    co2 = species_total(sub, "CO2", keys, scopes)
    both = pd.concat([ap.rename("apeq"), co2.rename("co2")], axis=1).fillna(0.0)
    wide = both.unstack("year").reindex(
        columns=pd.MultiIndex.from_product([["apeq", "co2"], [base_year, target_year]])
    ).fillna(0.0)
    out = pd.DataFrame({
        "apeq_base": wide[("apeq", base_year)], "apeq_target": wide[("apeq", target_year)],
        "co2_base": wide[("co2", base_year)], "co2_target": wide[("co2", target_year)],
    }).reset_index()
    out["base_year"], out["target_year"] = base_year, target_year
    out["apeq_reduction"] = out["apeq_base"] - out["apeq_target"]
    out["co2_reduction"] = out["co2_base"] - out["co2_target"]
    return place(out, base_columns=("apeq_base", "co2_base"))


def measure_coordinates(reductions: pd.DataFrame, by: Sequence[str] = ("measure",), *,
                        weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Coordinates of measures (措施) from their reductions per species.

    ``reductions`` has ``by`` + species, value, unit: the tonnes each measure avoids (positive =
    reduced; a measure that adds a pollutant, e.g. SCR ammonia slip, gives a negative value).
    Pollutants are weighted to APeq as in :func:`cocontrol.synergy.apeq.apeq`; CO2 rows give
    the y axis. Returns ``by`` + apeq_reduction, co2_reduction, quadrant, quadrant_zh.
    """
    keys = list(by)
    require_columns(reductions, (*keys, "species", "value", "unit"), "measure reductions")
    ap = compute_apeq(reductions, weights, by=keys).set_index(keys)["apeq"]
    co2_rows = reductions[reductions["species"].astype(str) == "CO2"]
    co2 = to_unit(co2_rows["value"], co2_rows["unit"], "t", "measure reductions of CO2")
    co2 = co2.groupby([co2_rows[k] for k in keys]).sum()
    out = pd.concat([ap.rename("apeq_reduction"), co2.rename("co2_reduction")], axis=1).fillna(0.0)
    return place(out.reset_index())
