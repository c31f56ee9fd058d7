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
# activity technologies (boiler classes) with their own factors; "" = the fuel's default
BOILERS = {"Raw_Coal": ["", "pulverized_coal_boiler", "grate_boiler", "cfb_boiler"]}


@st.composite
def activities(draw: st.DrawFn, max_rows: int = 8) -> pd.DataFrame:
    """Activity tables with unique keys (sector, fuel, technology) and non-negative values;
    raw coal may name a boiler class (``technology``), other fuels take the default."""
    pairs = st.sampled_from(SECTORS).flatmap(lambda s: st.sampled_from(sorted(FUELS)).flatmap(
        lambda f: st.tuples(st.just(s), st.just(f), st.sampled_from(BOILERS.get(f, [""])))))
    keys = draw(st.lists(pairs, min_size=1, max_size=max_rows, unique=True))
    values = draw(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=len(keys),
                           max_size=len(keys)))
    return pd.DataFrame([("样例市", 2020, s, f, t or None, v, FUELS[f]) for (s, f, t), v in
                         zip(keys, values, strict=True)],
                        columns=["region", "year", "sector", "fuel", "technology", "value",
                                 "unit"])


@st.composite
def controls_for(draw: st.DrawFn, activity: pd.DataFrame) -> pd.DataFrame:
    """Controls on some of ``activity``'s sector × fuel pairs, generic (``applies_to`` "") or
    for one boiler class of the fuel; shares per pair and applies_to sum ≤ 1."""
    rows = []
    for sector, fuel in activity[["sector", "fuel"]].drop_duplicates().itertuples(index=False):
        for applies_to in draw(st.lists(st.sampled_from(BOILERS.get(fuel, [""])), max_size=2,
                                        unique=True)):
            techs = draw(st.lists(st.sampled_from(TECHNOLOGIES), max_size=3, unique=True))
            if not techs:
                continue
            weights = draw(st.lists(st.floats(0, 1), min_size=len(techs) + 1,
                                    max_size=len(techs) + 1))
            total = sum(weights) or 1.0
            rows += [("样例市", 2020, sector, fuel, t, applies_to, w / total)
                     for t, w in zip(techs, weights, strict=False)]
    return pd.DataFrame(rows, columns=["region", "year", "sector", "fuel", "technology",
                                       "applies_to", "penetration"])
