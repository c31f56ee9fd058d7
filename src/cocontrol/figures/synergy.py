"""Co-control figures (协同数据项): ΔCO2 / ΔAPeq by sector with their class, elasticity by period.

Sign convention (registry ``conventions``): a change is later − earlier, so a reduction is
negative. The class (协同减排, 协同增排, 减污增碳, 降碳增污, or 仅减污 … 无变化 on an axis) and the
elasticity reading are derived from the *displayed* changes — rounded to the registry's
precision — so the words on a row never contradict the signs printed beside them.

Method: co-control coordinate system and cross-elasticity of 毛显强 et al. (邢有凯, 毛显强 等
2020 《中国环境管理》12(4):20-28; 宋鹏, 张慧敏, 毛显强 2022 《中国环境科学》), restated with
changes instead of reductions; Els = (ΔAPeq/APeq₀)/(ΔCO2/CO2₀) is the same either way.
"""

from __future__ import annotations

import itertools
import math

import pandas as pd

from cocontrol.figures import convention, figure
from cocontrol.figures.emissions import direct_emissions

CLASSES_ZH = {
    (-1, -1): "协同减排", (1, 1): "协同增排", (-1, 1): "减污增碳", (1, -1): "降碳增污",
    (-1, 0): "仅减污", (0, -1): "仅降碳", (1, 0): "仅增污", (0, 1): "仅增碳", (0, 0): "无变化",
}
"""(sign of ΔAPeq, sign of ΔCO2) → class; Δ = later − earlier."""
CLASSES_EN = {
    "协同减排": "both reduced", "协同增排": "both increased", "减污增碳": "pollutants down, CO2 up",
    "降碳增污": "CO2 down, pollutants up", "仅减污": "pollutants down only", "仅降碳": "CO2 down only",
    "仅增污": "pollutants up only", "仅增碳": "CO2 up only", "无变化": "no change", "无法判定": "undetermined",
}


READING_EN = {"（减污快于降碳）": " (pollutants fell faster)", "（降碳快于或同步于减污）": " (CO2 fell faster or as fast)",
              "无法计算（基期排放为零或缺失）": "undefined (base year zero or missing)"}


def reading_en(reading: str) -> str:
    """English text of a class or elasticity reading (English pages)."""
    if reading in READING_EN:
        return READING_EN[reading]
    for zh, en in READING_EN.items():
        if reading.endswith(zh):
            return CLASSES_EN.get(reading[: -len(zh)], reading) + en
    return CLASSES_EN.get(reading, reading)


def _sign(value: float | None) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return (value > 0) - (value < 0)


def synergy_class(d_apeq: float | None, d_co2: float | None, *, keys: tuple[str, str] = ("apeq_change", "co2_change")) -> str:
    """Class of a pair of changes (later − earlier) judged at the precision they are shown with
    (``keys``: the registry figures of the two changes)."""
    sa = _sign(figure(keys[0]).scaled(d_apeq))
    sc = _sign(figure(keys[1]).scaled(d_co2))
    if sa is None or sc is None:
        return "无法判定"
    return CLASSES_ZH[(sa, sc)]


def base_year(years: list[int], year: int) -> int | None:
    """The coordinate period's base: the registry's base year (2020, “十四五”基期) when the
    inventory has it and it precedes ``year``, else the earliest year before ``year``."""
    before = sorted(y for y in years if y < year)
    if not before:
        return None
    wanted = int(convention("base_year"))
    return wanted if wanted in before else before[0]


def _pairs(em: pd.DataFrame, keys: list[str], years: list[int]) -> pd.DataFrame:
    """APeq and CO2 (t, direct) by ``keys`` + year for ``years``."""
    from cocontrol.synergy.elasticity import emission_totals

    em = direct_emissions(em)
    em = em[em["year"].isin(years)]
    if "region" not in keys:
        em = em.assign(region="")
    return emission_totals(em, by=("region", *keys))


def sector_changes(em: pd.DataFrame | None, year: int) -> tuple[int | None, int | None, pd.DataFrame]:
    """Figures ``co2_change``, ``apeq_change`` (t) and ``synergy_class`` by sector between the base
    year (:func:`base_year`) and ``year`` (or the latest inventory year before it).

    Returns (base, target, table of sector, co2_0, co2_1, apeq_0, apeq_1, co2_change,
    apeq_change, co2_change_rate, apeq_change_rate (%), synergy_class), largest |ΔCO2| first.
    A sector missing in one year counts as zero emissions in that year.
    """
    empty = pd.DataFrame(columns=["sector", "co2_change", "apeq_change", "synergy_class"])
    if em is None or em.empty:
        return None, None, empty
    years = sorted({int(y) for y in em["year"]})
    target = max((y for y in years if y <= year), default=None)
    base = base_year(years, target) if target is not None else None
    if base is None or target is None:
        return base, target, empty
    totals = _pairs(em, ["sector"], [base, target])
    wide = totals.pivot_table(index="sector", columns="year", values=["co2", "apeq"], aggfunc="sum",
                              fill_value=0.0)
    out = pd.DataFrame({"sector": wide.index.astype(str)})
    for name in ("co2", "apeq"):
        v0 = wide[(name, base)].to_numpy(float) if (name, base) in wide else 0.0
        v1 = wide[(name, target)].to_numpy(float) if (name, target) in wide else 0.0
        out[f"{name}_0"], out[f"{name}_1"] = v0, v1
        out[f"{name}_change"] = out[f"{name}_1"] - out[f"{name}_0"]
        out[f"{name}_change_rate"] = [(c / b * 100) if b > 0 else float("nan")
                                      for c, b in zip(out[f"{name}_change"], out[f"{name}_0"], strict=True)]
    out["synergy_class"] = [synergy_class(a, c) for a, c in zip(out["apeq_change"], out["co2_change"], strict=True)]
    order = out["co2_change"].abs().sort_values(ascending=False, kind="stable").index
    return base, target, out.loc[order].reset_index(drop=True)


def elasticity_reading(apeq_rate: float | None, co2_rate: float | None) -> tuple[float | None, str]:
    """Els and its reading from two change rates (%, later − earlier), judged at displayed precision.

    Both falling: 协同减排 (减污快于降碳 when |ΔAPeq%| > |ΔCO2%| as shown, else 降碳快于或同步于减污);
    both rising: 协同增排; opposite signs: 减污增碳 / 降碳增污; a rate shown as 0.0: 仅… (Els undefined).
    """
    spec_a, spec_c = figure("apeq_change_rate"), figure("co2_change_rate")
    a, c = spec_a.scaled(apeq_rate), spec_c.scaled(co2_rate)
    if a is None or c is None:
        return None, "无法计算（基期排放为零或缺失）"
    cls = CLASSES_ZH[(_sign(a), _sign(c))]
    els = float(apeq_rate) / float(co2_rate) if c != 0 else None  # type: ignore[arg-type]
    if cls == "协同减排":
        cls += "（减污快于降碳）" if abs(a) > abs(c) else "（降碳快于或同步于减污）"
    return els, cls


def elasticity_rows(em: pd.DataFrame | None, year: int) -> pd.DataFrame:
    """Figures ``apeq_change_rate``, ``co2_change_rate`` (%), ``els`` and the reading for each
    pair of consecutive inventory years up to ``year`` (region totals, direct emissions)."""
    cols = ["base_year", "target_year", "apeq_0", "apeq_1", "co2_0", "co2_1", "apeq_change_rate",
            "co2_change_rate", "els", "reading"]
    if em is None or em.empty:
        return pd.DataFrame(columns=cols)
    years = sorted(y for y in {int(y) for y in em["year"]} if y <= year)
    totals = _pairs(em, [], years).groupby("year")[["apeq", "co2"]].sum()
    rows = []
    for y0, y1 in itertools.pairwise(years):
        a0, a1 = float(totals.at[y0, "apeq"]), float(totals.at[y1, "apeq"])
        c0, c1 = float(totals.at[y0, "co2"]), float(totals.at[y1, "co2"])
        ra = (a1 - a0) / a0 * 100 if a0 > 0 else None
        rc = (c1 - c0) / c0 * 100 if c0 > 0 else None
        els, reading = elasticity_reading(ra, rc)
        rows.append({"base_year": y0, "target_year": y1, "apeq_0": a0, "apeq_1": a1, "co2_0": c0, "co2_1": c1,
                     "apeq_change_rate": ra, "co2_change_rate": rc, "els": els, "reading": reading})
    return pd.DataFrame(rows, columns=cols)
