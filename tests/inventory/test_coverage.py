"""Factor coverage: missing (fuel, species) pairs are reported, never silently zero.

refdata/emission_factors.csv has no default (``*``, empty technology) row for coke PM10,
PM2.5 and VOCs (notes: no source in hand) nor for LPG SO2; raw coal has all eight species.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from cocontrol.inventory import compute, coverage

COLS = ["region", "year", "sector", "fuel", "value", "unit"]
IRON = "Smelting and Pressing of Ferrous Metals"


def _act() -> pd.DataFrame:
    return pd.DataFrame([("济南市", 2020, IRON, "焦炭", 1000, "t"),
                         ("济南市", 2020, IRON, "原煤", 1000, "t"),
                         ("济南市", 2020, "Urban", "液化石油气", 10, "t"),
                         ("济南市", 2020, IRON, "电力", 100, "万千瓦时")], columns=COLS)


def test_coverage_lists_found_missing_and_scope2() -> None:
    table = coverage(_act())
    status = {(r.fuel, r.species): r.status for r in table.itertuples(index=False)}
    for sp in ("PM10", "PM2.5", "VOCs"):
        assert status[("Coke", sp)] == "missing"
    for sp in ("CO2", "SO2", "NOx", "CO", "CH4", "N2O"):
        assert status[("Coke", sp)] == "found"
    assert all(status[("Raw_Coal", sp)] == "found"
               for sp in ("CO2", "SO2", "NOx", "PM10", "PM2.5", "VOCs", "CO", "CH4", "N2O"))
    assert status[("LPG", "SO2")] == "missing"
    assert status[("Electricity", "SO2")] == "scope 2"
    found = table[table["status"] == "found"]
    assert found["factor_id"].notna().all()
    assert table[table["status"] != "found"]["factor_id"].isna().all()


def test_coverage_follows_technology_precedence() -> None:
    """Raw coal in a household stove: SO2 from the stove row, CH4 from the default row."""
    act = pd.DataFrame([("济南市", 2020, IRON, "原煤", "民用炉灶", 1, "t")],
                       columns=["region", "year", "sector", "fuel", "technology", "value",
                                "unit"])
    table = coverage(act, species=["SO2", "CH4"]).set_index("species")
    assert table.loc["SO2", "technology"] == "household_stove"
    assert table.loc["SO2", "factor_id"] != table.loc["CH4", "factor_id"]
    assert (table["status"] == "found").all()


def test_compute_warns_and_records_missing() -> None:
    with pytest.warns(UserWarning, match="absent") as record:
        result = compute(_act())
    message = str(record[0].message)
    assert "Coke" in message and "PM2.5" in message and "LPG" in message
    assert "Raw_Coal" not in message
    missing = set(result.attrs["missing_factors"])
    assert (IRON, "Coke", "", "PM10") in missing
    assert ("Urban", "LPG", "", "SO2") in missing
    # the missing species really are absent from the result (not a zero row)
    coke = result[result["fuel"] == "Coke"]
    assert not coke["species"].isin(["PM10", "PM2.5", "VOCs"]).any()


def test_compute_full_coverage_no_warning() -> None:
    act = pd.DataFrame([("济南市", 2020, IRON, "原煤", 1000, "t")], columns=COLS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = compute(act)
    assert result.attrs["missing_factors"] == []
