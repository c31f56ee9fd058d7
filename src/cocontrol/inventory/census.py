"""Independent check (独立校核): a computed inventory against published census totals.

No 第二次全国污染源普查公报 of a Shandong city could be read in the stored sources, so the
check compares *intensities*: a city's emission of a species per tonne of its scope-1 CO2
against the same ratio of the national census totals of 2017 (``refdata/census_totals.csv``:
SO2 696.32, NOx 1 785.22 万吨; CO2 of the CEADs national inventory). ``ratio = (E_city /
CO2_city) / (E_census / CO2_national)``; 1 means the city emits as much of the species per
tonne of CO2 as China did in 2017. Particles (颗粒物, incl. fugitive dust, not PM10 or PM2.5)
and VOCs (incl. solvents) are not modelled by an energy-based activity table: their ratios are
reported, not held to a band.
"""

from __future__ import annotations

import pandas as pd

from cocontrol import refdata
from cocontrol.units import conversion_factor

#: census label → inventory species; 颗粒物 is compared with PM10 (a lower bound)
SPECIES = {"SO2": "SO2", "NOx": "NOx", "颗粒物": "PM10", "VOCs": "VOCs"}
#: species held to a band in the tests (the others are reported only)
BANDED = ("SO2", "NOx")


def census(region: str = "全国", year: int = 2017) -> pd.Series:
    """Published totals in t (species → value; CO2 included)."""
    t = refdata.load("census_totals")
    t = t[(t["region"] == region) & (t["year"] == year)]
    return pd.Series({r.species: float(r.value) * conversion_factor(str(r.unit), "t")
                      for r in t.itertuples(index=False)})


def intensity_ratios(result: pd.DataFrame, year: int = 2017, region: str = "全国"
                     ) -> pd.DataFrame:
    """Per city: census label, species, city total [t], city CO2 [t], ratio (see module)."""
    ref = census(region, year)
    rows = []
    s1 = result[(result["scope"] == 1) & (result["year"] == year)]
    for city, part in s1.groupby("region"):
        totals = part.groupby("species")["value"].sum()
        co2 = float(totals.get("CO2", 0.0))
        for label, species in SPECIES.items():
            value = float(totals.get(species, 0.0))
            ratio = (value / co2) / (ref[label] / ref["CO2"]) if co2 else float("nan")
            rows.append({"region": city, "census": label, "species": species, "value_t": value,
                         "co2_t": co2, "ratio": ratio})
    return pd.DataFrame(rows)
