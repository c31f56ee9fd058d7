"""Independent check (独立校核): a computed inventory against published totals.

No 第二次全国污染源普查公报 of a Shandong city could be read in the stored sources (search log in
``refdata/SOURCES.md``), so the check compares *intensities*: a city's emission of a species per
tonne of its scope-1 CO2 against the same ratio of a published reference
(``refdata/census_totals.csv``), ``ratio = (E_city / CO2_city) / (E_ref / CO2_ref)``; 1 means the
city emits as much of the species per tonne of CO2 as the reference region did.

References (one per region and year):

- 全国 2017 — 第二次全国污染源普查公报 (SO2 696.32, NOx 1 785.22, 颗粒物 1 684.05, VOCs 1 017.45 万吨)
  over the CEADs national CO2. All sources: 颗粒物 includes fugitive dust (compared with PM10, a
  lower bound) and VOCs include solvents, which an energy-based activity table has no rows for.
- 山东省 2021 — He, Jiang, Gao & Lu (2024) *Sustainability* 16(3):1304, a bottom-up inventory
  of Shandong's *energy consumption* (the same scope as the activity table) with its own GHG
  total (1 017.23 Mt CO2eq) as the denominator: SO2 308.83, NOx 913.00, PM10 425.81, PM2.5 273.08,
  CO 1 815.00, VOCs 299.79, NH3 13.04 kt.
- 山东省 2016 — an all-source provincial inventory (dust and solvents included) over the CEADs
  provincial CO2 interpolated to 2016; reported only (see SOURCES.md for why).
"""

from __future__ import annotations

import pandas as pd

from cocontrol import refdata
from cocontrol.units import conversion_factor

#: published label → inventory species; 颗粒物 (total particulate matter) is compared with PM10,
#: a lower bound; other labels are inventory species already
SPECIES = {"颗粒物": "PM10"}
#: species held to a band against the national census (the others are reported only)
BANDED = ("SO2", "NOx")


def census(region: str = "全国", year: int = 2017) -> pd.Series:
    """Published totals in t (label → value; the CO2 denominator included)."""
    t = refdata.load("census_totals")
    t = t[(t["region"] == region) & (t["year"] == year)]
    if t.empty:
        raise KeyError(f"census_totals.csv has no rows for {region} {year}")
    return pd.Series({r.species: float(r.value) * conversion_factor(str(r.unit), "t")
                      for r in t.itertuples(index=False)})


def energy_rows(result: pd.DataFrame) -> pd.DataFrame:
    """Rows of fuel combustion only (fuel in ``refdata/fuels.csv``; process rows such as
    cement clinker or nitrogen fertilizer dropped), for an energy-consumption reference."""
    fuels = set(refdata.load("fuels")["fuel"])
    return result[result["fuel"].isin(fuels)]


def intensity_ratios(result: pd.DataFrame, year: int = 2017, region: str = "全国",
                     reference_year: int | None = None, energy_only: bool = False
                     ) -> pd.DataFrame:
    """Per city and published label: species, city total [t], city CO2 [t], ratio (see module).

    ``year`` selects the city's inventory, ``reference_year`` (default: the same) the
    published totals of ``region``; ``energy_only`` keeps fuel-combustion rows on both sides of
    the city's ratio (emission and CO2), for a reference that covers energy consumption only.
    """
    ref = census(region, reference_year or year)
    labels = [label for label in ref.index if label != "CO2"]
    rows = []
    s1 = result[(result["scope"] == 1) & (result["year"] == year)]
    if energy_only:
        s1 = energy_rows(s1)
    for city, part in s1.groupby("region"):
        totals = part.groupby("species")["value"].sum()
        co2 = float(totals.get("CO2", 0.0))
        for label in labels:
            species = SPECIES.get(label, label)
            value = float(totals.get(species, 0.0))
            ratio = (value / co2) / (ref[label] / ref["CO2"]) if co2 else float("nan")
            rows.append({"region": city, "census": label, "species": species, "value_t": value,
                         "co2_t": co2, "ratio": ratio})
    return pd.DataFrame(rows)
