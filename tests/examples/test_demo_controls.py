"""The demo control tables cover what the documented control policy covers.

The independent check (``tests/inventory/test_census.py``) found the demo SO2 3.5–5.2× the
Shandong 2021 energy inventory because ultra-low emission sat on the power sector's raw coal only:
washed coal and briquettes burnt in the same units, coke and coal in iron and steel, and coal in
industrial boilers had no desulfurisation. These tests keep that from coming back, derived from the
shipped activity and control files (no printed figure):

- power and heat: every coal, coke and oil fuel of the sector in the activity carries the same
  control shares as its raw coal (环发〔2015〕164号 applies to the unit, not to a fuel category);
- iron and steel coal and coke, industrial (mining and manufacturing) coal: a desulfuriser in every
  year (GB 13271-2014 SO2 400 mg/m3 for in-use coal boilers; steel ultra-low emission by 2020-10);
- outside the power sector, where policy only tightened, no penetration falls from one year to
  the next;
- every row says it is illustrative and what it is anchored on (or that it is not).
"""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol import refdata
from cocontrol.demo import examples_dir

POWER = "Production and Supply of Electric Power, Steam and Hot Water"
STEEL = "Smelting and Pressing of Ferrous Metals"
COALS = ("Raw_Coal", "Cleaned_Coal", "Other_Washed_Coal", "Briquettes")
COKES = ("Coke", "Other_Coking_Products")
OILS = ("Fuel_Oil", "Crude_Oil", "Other_Petroleum_Products")
SO2_REMOVERS = {"limestone_gypsum_wet_fgd", "semi_dry_fgd", "in_furnace_desulfurization",
                "ultra_low_emission"}
CITIES = ("jinan", "zibo", "weihai", "rongcheng")


def _load(slug: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = examples_dir()
    return (pd.read_csv(folder / "activity" / f"{slug}.csv"),
            pd.read_csv(folder / "controls" / f"{slug}.csv"))


def _cells(act: pd.DataFrame, sector: str, fuels: tuple[str, ...]) -> pd.DataFrame:
    return act[(act["sector"] == sector) & act["fuel"].isin(fuels)][["year", "sector", "fuel"]]


@pytest.mark.parametrize("slug", CITIES)
def test_every_power_sector_fuel_has_the_raw_coal_controls(slug: str) -> None:
    act, ctl = _load(slug)
    power = ctl[ctl["sector"] == POWER]
    for cell in _cells(act, POWER, COALS + COKES + OILS).itertuples(index=False):
        raw = power[(power["year"] == cell.year) & (power["fuel"] == "Raw_Coal")]
        this = power[(power["year"] == cell.year) & (power["fuel"] == cell.fuel)]
        assert not raw.empty, (slug, cell)
        assert (dict(zip(this["technology"], this["penetration"], strict=True))
                == dict(zip(raw["technology"], raw["penetration"], strict=True))), (slug, cell)


@pytest.mark.parametrize("slug", CITIES)
def test_steel_and_industrial_coal_are_desulfurised_every_year(slug: str) -> None:
    act, ctl = _load(slug)
    codes = refdata.load("sectors").set_index("sector")["code"].astype(int)
    industry = [s for s, c in codes.items() if 2 <= c <= 38 and s != STEEL]
    cells = pd.concat([_cells(act, STEEL, COALS + COKES)]
                      + [_cells(act, s, COALS) for s in industry])
    assert len(cells) > 0
    so2 = ctl[ctl["technology"].isin(SO2_REMOVERS) & (ctl["penetration"] > 0)]
    have = set(zip(so2["year"], so2["sector"], so2["fuel"], strict=True))
    missing = [c for c in cells.itertuples(index=False, name=None) if c not in have]
    assert not missing, (slug, missing[:5])


@pytest.mark.parametrize("slug", CITIES)
def test_penetration_never_falls_outside_the_power_sector(slug: str) -> None:
    _, ctl = _load(slug)
    rest = ctl[ctl["sector"] != POWER].sort_values("year")
    for key, part in rest.groupby(["sector", "fuel", "technology"]):
        assert part["penetration"].is_monotonic_increasing, (slug, key)


@pytest.mark.parametrize("slug", CITIES)
def test_every_row_is_labelled_and_states_its_anchor(slug: str) -> None:
    _, ctl = _load(slug)
    assert set(ctl["label"]) == {"illustrative"}
    assert ctl["source"].str.startswith("illustrative").all()
    anchored = ctl["source"].str.contains("anchored")
    assert anchored.all(), ctl.loc[~anchored, "source"].unique()[:3]
