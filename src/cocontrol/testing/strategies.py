"""Hypothesis strategies for activity and control tables."""

from __future__ import annotations

import pandas as pd
from hypothesis import strategies as st

POWER = "Production and Supply of Electric Power, Steam and Hot Water"
SECTORS = [POWER, "Smelting and Pressing of Ferrous Metals", "Nonmetal Mineral Products",
           "Urban", "Others"]
FUELS = {"Raw_Coal": "万吨", "Coke": "t", "Diesel_Oil": "t", "Natural_Gas": "万立方米",
         "Fuel_Oil": "万吨"}
TECHNOLOGIES = ["limestone_gypsum_wet_fgd", "semi_dry_fgd", "scr", "sncr", "esp", "bag_filter",
                "low_nox_burner"]


@st.composite
def activities(draw: st.DrawFn, max_rows: int = 8) -> pd.DataFrame:
    """Activity tables with unique keys and non-negative values."""
    keys = draw(st.lists(st.tuples(st.sampled_from(SECTORS), st.sampled_from(sorted(FUELS))),
                         min_size=1, max_size=max_rows, unique=True))
    values = draw(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=len(keys),
                           max_size=len(keys)))
    return pd.DataFrame([("样例市", 2020, s, f, v, FUELS[f]) for (s, f), v in
                         zip(keys, values, strict=True)],
                        columns=["region", "year", "sector", "fuel", "value", "unit"])


@st.composite
def controls_for(draw: st.DrawFn, activity: pd.DataFrame) -> pd.DataFrame:
    """Controls on some of ``activity``'s sector × fuel pairs; shares per pair sum ≤ 1."""
    rows = []
    for sector, fuel in activity[["sector", "fuel"]].drop_duplicates().itertuples(index=False):
        techs = draw(st.lists(st.sampled_from(TECHNOLOGIES), max_size=3, unique=True))
        if not techs:
            continue
        weights = draw(st.lists(st.floats(0, 1), min_size=len(techs) + 1,
                                max_size=len(techs) + 1))
        total = sum(weights) or 1.0
        rows += [("样例市", 2020, sector, fuel, t, w / total)
                 for t, w in zip(techs, weights, strict=False)]
    return pd.DataFrame(rows, columns=["region", "year", "sector", "fuel", "technology",
                                       "penetration"])
