"""Factor coverage: missing (fuel, species) pairs are reported, never silently zero.

Since session 2 every default pair of the 17 CEADs fuels has a factor (coke PM10/PM2.5/VOCs from
EMEP/EEA 1.A.2 Tier 1, with an allocation row of 0 for blast-furnace coke in iron and steel; SO2
of coke-oven gas, other gas, LPG and refinery gas from sulfur limits of national gas standards), so
the demo data of every city computes without a warning. A real gap (here made by removing factors
from the table passed to ``compute``) still warns, in one short line.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from cocontrol.data.controls import read_controls
from cocontrol.inventory import compute, coverage
from cocontrol.inventory.factors import default_factors
from cocontrol.inventory.gaps import missing_note

COLS = ["region", "year", "sector", "fuel", "value", "unit"]
IRON = "Smelting and Pressing of Ferrous Metals"
MACHINERY = "Ordinary Machinery"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CITIES = ("jinan", "zibo", "weihai", "rongcheng")


def _act() -> pd.DataFrame:
    return pd.DataFrame([("济南市", 2020, IRON, "焦炭", 1000, "t"),
                         ("济南市", 2020, MACHINERY, "焦炭", 1000, "t"),
                         ("济南市", 2020, IRON, "原煤", 1000, "t"),
                         ("济南市", 2020, "Urban", "液化石油气", 10, "t"),
                         ("济南市", 2020, IRON, "焦炉煤气", 10, "万立方米"),
                         ("济南市", 2020, IRON, "电力", 100, "万千瓦时")], columns=COLS)


def test_coverage_finds_every_default_pair_and_scope2() -> None:
    table = coverage(_act())
    status = {(r.sector, r.fuel, r.species): r.status for r in table.itertuples(index=False)}
    assert (table["status"] != "missing").all()
    assert status[(IRON, "Electricity", "SO2")] == "scope 2"
    for sector in (IRON, MACHINERY):
        assert all(status[(sector, "Coke", sp)] == "found"
                   for sp in ("CO2", "SO2", "NOx", "PM10", "PM2.5", "VOCs", "CO", "CH4", "N2O"))
    assert status[("Urban", "LPG", "SO2")] == "found"
    assert status[(IRON, "Coke_Oven_Gas", "SO2")] == "found"
    found = table[table["status"] == "found"]
    assert found["factor_id"].notna().all()
    assert table[table["status"] != "found"]["factor_id"].isna().all()


def test_blast_furnace_coke_uses_the_allocation_row() -> None:
    """Iron and steel coke PM10 comes from its own row (0 by allocation), machinery coke from the
    ``*`` row: T/CSES 144—2024 mass balance A_ar × (1 − ar) × f = 0.13 × 0.15 × 0.20 =
    3.9 kg/t = 3.9e-3 t/t (coke ash 13 % assumed)."""
    table = coverage(_act(), species=["PM10"])
    table = table[table["fuel"] == "Coke"].set_index("sector")
    assert table.loc[IRON, "factor_id"] != table.loc[MACHINERY, "factor_id"]
    ef = default_factors().drop_duplicates("factor_id").set_index("factor_id")["ef"]
    assert ef[table.loc[IRON, "factor_id"]] == 0
    assert ef[table.loc[MACHINERY, "factor_id"]] == pytest.approx(3.9e-3, rel=1e-12)


def test_coverage_follows_technology_precedence() -> None:
    """Raw coal in a household stove: SO2 from the stove row, CH4 from the default row."""
    act = pd.DataFrame([("济南市", 2020, IRON, "原煤", "民用炉灶", 1, "t")],
                       columns=["region", "year", "sector", "fuel", "technology", "value",
                                "unit"])
    table = coverage(act, species=["SO2", "CH4"]).set_index("species")
    assert table.loc["SO2", "technology"] == "household_stove"
    assert table.loc["SO2", "factor_id"] != table.loc["CH4", "factor_id"]
    assert (table["status"] == "found").all()


@pytest.mark.parametrize("city", CITIES)
def test_demo_activity_has_no_missing_default_pair(city: str) -> None:
    table = coverage(EXAMPLES / "activity" / f"{city}.csv")
    missing = table[table["status"] == "missing"]
    assert missing.empty, missing[["sector", "fuel", "species"]].to_string()


@pytest.mark.parametrize("city", CITIES)
def test_compute_over_demo_data_raises_no_warning(city: str) -> None:
    controls = read_controls(EXAMPLES / "controls" / f"{city}.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = compute(EXAMPLES / "activity" / f"{city}.csv", controls=controls)
    assert result.attrs["missing_factors"] == []
    assert {"SO2", "PM2.5", "VOCs"} <= set(result["species"])


def test_real_gap_warns_in_one_short_line() -> None:
    """Remove coke PM10 and LPG SO2 from the factor table: both pairs are named once, in one line,
    whatever the number of sectors; the result has no such rows (absent, not zero)."""
    f = default_factors()
    gap = ((f["fuel"] == "Coke") & (f["species"] == "PM10")) | (
        (f["fuel"] == "LPG") & (f["species"] == "SO2"))
    with pytest.warns(UserWarning, match="absent") as record:
        result = compute(_act(), factors=f[~gap])
    messages = [str(w.message) for w in record if issubclass(w.category, UserWarning)]
    assert len(messages) == 1
    message = messages[0]
    assert "\n" not in message and len(message) < 200
    assert "Coke PM10" in message and "LPG SO2" in message and "2 fuel × species pairs" in message
    assert IRON not in message and "Raw_Coal" not in message
    missing = set(result.attrs["missing_factors"])
    assert {(IRON, "Coke", "", "PM10"), (MACHINERY, "Coke", "", "PM10"),
            ("Urban", "LPG", "", "SO2")} <= missing
    coke = result[result["fuel"] == "Coke"]
    assert not coke["species"].eq("PM10").any()
    assert coke["species"].eq("PM2.5").any()


def test_missing_note_singular() -> None:
    table = pd.DataFrame({"sector": ["A", "B"], "fuel": ["LPG", "LPG"], "technology": ["", ""],
                          "species": ["SO2", "SO2"], "status": ["missing", "missing"],
                          "factor_id": [None, None], "rows": [1, 2]})
    assert missing_note(table) == ("no emission factor for 1 fuel × species pair, absent (not "
                                   "zero): LPG SO2 (see inventory.coverage)")
