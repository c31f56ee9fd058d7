"""The CEADs Shandong provincial inventory (47 sectors × 17 fuels + process, Mt CO2) in our
structure, and back through the engine.

Source: CEADs (Shan et al. 2018 Sci Data 5:170201; Guan et al. 2021 Earth's Future),
``tests/refdata/data/ceads_province_shandong_sector_fuel_2015_2019.csv`` (from ../shared/validation). Published totals
(reference notes §4.2): Scope 1 854.463 Mt (2015), 937.117 Mt (2019); process 44.314 / 46.357.

Round trip: each (sector, fuel) CO2 is turned into an activity ``A = CO2 / EF`` with our
EF = NCV × CC × OF × 44/12 (process: cement, 0.2906 t/t); the engine must give the CEADs
totals back to 1e-9 — which checks the 17-fuel × 47-sector structure, name resolution and
aggregation, not CEADs' own factors.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cocontrol import refdata
from cocontrol.inventory import compute
from cocontrol.inventory.factors import combustion_co2

# the extract shipped with the reference-table tests (numbers unchanged; citation in its README)
CSV = (Path(__file__).resolve().parents[1] / "refdata" / "data"
       / "ceads_province_shandong_sector_fuel_2015_2019.csv")
TOTALS = {2015: 854.463, 2019: 937.117}


@pytest.fixture(scope="module")
def ceads() -> pd.DataFrame:
    if not CSV.is_file():
        pytest.skip(f"CEADs validation file not found at {CSV}")
    return pd.read_csv(CSV)


def _cells(ceads: pd.DataFrame) -> pd.DataFrame:
    fuels = set(refdata.load("fuels").dropna(subset=["ceads_order"])["fuel"])
    sectors = set(refdata.load("sectors")["sector"])
    cells = ceads[ceads["sector"].isin(sectors) & ceads["fuel"].isin(fuels | {"Process"})]
    return cells[cells["co2_mt"] != 0]


def test_structure_17_fuels_47_sectors(ceads: pd.DataFrame) -> None:
    fuels = refdata.load("fuels").dropna(subset=["ceads_order"]).sort_values("ceads_order")
    in_file = [f for f in dict.fromkeys(ceads["fuel"]) if f in set(fuels["fuel"])]
    assert in_file == list(fuels["fuel"]) and len(in_file) == 17
    sectors = [s for s in dict.fromkeys(ceads["sector"])
               if s not in ("Total Consumption", "TotalEmissions")]
    assert sectors == list(refdata.load("sectors").sort_values("code")["sector"])
    assert len(sectors) == 47


@pytest.mark.parametrize("year", [2015, 2019])
def test_totals_add_up(ceads: pd.DataFrame, year: int) -> None:
    data = ceads[ceads["year"] == year]
    cells = _cells(data)
    # the total row is called "Total Consumption" in the 2015 file, "TotalEmissions" in 2019
    is_total = data["sector"].isin(["TotalEmissions", "Total Consumption"])
    total_row = data[is_total & (data["fuel"] == "Scope_1_Total")]
    assert float(total_row["co2_mt"].iloc[0]) == pytest.approx(TOTALS[year], abs=1e-3)
    assert cells["co2_mt"].sum() == pytest.approx(float(total_row["co2_mt"].iloc[0]), abs=1e-4)
    by_fuel = cells.groupby("fuel")["co2_mt"].sum()
    totals = data[is_total].set_index("fuel")["co2_mt"]
    for fuel, value in by_fuel.items():
        assert value == pytest.approx(totals[fuel], abs=1e-4)


def test_round_trip_through_the_engine(ceads: pd.DataFrame) -> None:
    ef = combustion_co2().set_index("fuel")["ef"]
    cement = refdata.load("process_factors").set_index("process").loc["cement", "value"]
    cells = _cells(ceads).copy()
    is_process = cells["fuel"] == "Process"
    cells["value"] = cells["co2_mt"] * 1e6 / cells["fuel"].map(ef).where(~is_process,
                                                                         float(cement))
    cells["fuel"] = cells["fuel"].where(~is_process, "cement")
    units = refdata.load("fuels").set_index("fuel")["physical_unit"]
    cells["unit"] = cells["fuel"].map(units).fillna("t")
    cells["region"] = "山东"
    result = compute(cells[["region", "year", "sector", "fuel", "value", "unit"]])
    co2 = result[(result["species"] == "CO2") & (result["scope"] == 1)]
    for year, total in co2.groupby("year")["value"].sum().items():
        expected = _cells(ceads[ceads["year"] == year])["co2_mt"].sum()
        assert total / 1e6 == pytest.approx(expected, rel=1e-9)
        assert total / 1e6 == pytest.approx(TOTALS[year], abs=1e-3)
    power = co2[(co2["year"] == 2015) & (co2["sector"] == "Production and Supply of Electric "
                                          "Power, Steam and Hot Water")]["value"].sum() / 1e6
    assert power == pytest.approx(483.94, abs=0.01)  # reference notes §4.2
