"""Technology-specific factors (分炉型/车型排放因子): lookup precedence and validation.

Factors (refdata/emission_factors.csv): power-sector raw coal default NOx 8.0 kg/t, SO2 16.0
kg/t, CH4 1 kg/TJ; ``*`` × raw coal × grate_boiler (层燃炉) NOx 4.0 kg/t, SO2 17.0 kg/t, no CH4
row; raw coal NCV 20.908 GJ/t.
"""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.data.activity import check_activity
from cocontrol.errors import ValidationFailed
from cocontrol.inventory import compute

POWER = "Production and Supply of Electric Power, Steam and Hot Water"
COLS = ["region", "year", "sector", "fuel", "technology", "value", "unit"]


def _value(result: pd.DataFrame, species: str, sector: str | None = None) -> float:
    hit = result[(result["species"] == species) & (result["scope"] == 1)]
    if sector:
        hit = hit[hit["sector"] == sector]
    return float(hit["value"].sum())


def test_grate_boiler_vs_default_power_sector_raw_coal() -> None:
    """1000 t 原煤 burnt in power: default (power-sector row, 煤粉炉) vs 层燃炉.

    default (T/CSES 144—2024 电力生产 煤粉炉, S 1 %, A_ar 20 %): PM10 = 0.20 × (1 − 0.25) × 0.23
    = 34.5 kg/t → 34.5 t; CO 2 kg/t → 2.0 t; NOx 8.19 kg/t → 8.19 t; SO2 17.0 t.
    层燃炉 (power, Raw_Coal, grate_boiler beats (power, Raw_Coal, default)): PM10 = 0.20 ×
    (1 − 0.85) × 0.33 = 9.9 kg/t → 9.9 t; CO 8 kg/t → 8.0 t; NOx 8.19 t; SO2 17.0 t.
    CH4 has no grate-boiler row, so it falls back to the power-sector default in both cases:
    1000 t × 20.908 GJ/t = 20.908 TJ × 1 kg/TJ = 0.020908 t.
    """
    rows = [("济南市", 2020, "电力、热力的生产和供应业", "原煤", None, 1000, "t"),
            ("青岛市", 2020, "电力、热力的生产和供应业", "原煤", "层燃炉", 1000, "t")]
    result = compute(pd.DataFrame(rows, columns=COLS))
    default = result[result["region"] == "济南市"]
    grate = result[result["region"] == "青岛市"]
    assert _value(default, "PM10") == pytest.approx(34.5, rel=1e-12)
    assert _value(default, "CO") == pytest.approx(2.0, rel=1e-12)
    assert _value(grate, "PM10") == pytest.approx(9.9, rel=1e-12)
    assert _value(grate, "CO") == pytest.approx(8.0, rel=1e-12)
    for frame in (default, grate):
        assert _value(frame, "NOx") == pytest.approx(8.19, rel=1e-12)
        assert _value(frame, "SO2") == pytest.approx(17.0, rel=1e-12)
    for frame in (default, grate):
        assert _value(frame, "CH4") == pytest.approx(0.020908, rel=1e-9)
    # each species appears once per key: no double counting of default + technology rows
    keys = ["region", "year", "sector", "fuel", "species", "scope"]
    assert not result.duplicated(keys).any()


def _factors() -> pd.DataFrame:
    rows = [(POWER, "grate_boiler", "SO2", 4.0), ("*", "grate_boiler", "SO2", 3.0),
            (POWER, "", "SO2", 2.0), ("*", "", "SO2", 1.0), ("*", "", "NOx", 10.0)]
    return pd.DataFrame([{"sector": s, "fuel": "Raw_Coal", "technology": t, "species": sp,
                          "ef": ef, "scope": 1, "factor_id": f"test:{i}", "source": "test"}
                         for i, (s, t, sp, ef) in enumerate(rows)])


@pytest.mark.parametrize("engine", ["duckdb", "spark"])
def test_precedence_on_both_engines(engine: str) -> None:
    """Four levels with 1 t each (SO2 ef = t per t):
    power × grate → (power, grate) 4; Others × grate → (*, grate) 3;
    power × cfb (no cfb row) → (power, —) 2; Others × cfb → (*, —) 1.
    NOx has only a default row: 10 t/t for every row (4 × 10 = 40 t in total).
    Two power rows (grate and cfb) share one output key: SO2 4 + 2 = 6 t."""
    rows = [("济南市", 2020, POWER, "Raw_Coal", "grate_boiler", 1, "t"),
            ("济南市", 2020, "Others", "Raw_Coal", "grate_boiler", 1, "t"),
            ("济南市", 2020, POWER, "Raw_Coal", "cfb_boiler", 1, "t"),
            ("济南市", 2020, "Others", "Raw_Coal", "循环流化床锅炉", 1, "t")]
    result = compute(pd.DataFrame(rows, columns=COLS), factors=_factors(), engine=engine,
                     co2e_rows=False)
    assert _value(result, "SO2", POWER) == pytest.approx(6.0)
    assert _value(result, "SO2", "Others") == pytest.approx(4.0)
    assert _value(result, "NOx") == pytest.approx(40.0)
    assert len(result) == 4


def test_unknown_technology_names_row_and_lists_known() -> None:
    """Row 3 gives a vehicle standard for coal, row 4 a boiler for natural gas (none known)."""
    rows = [("济南市", 2020, POWER, "原煤", "煤粉炉", 1, "t"),
            ("济南市", 2021, POWER, "原煤", "国五", 1, "t"),
            ("济南市", 2020, POWER, "天然气", "层燃炉", 1, "万立方米")]
    with pytest.raises(ValidationFailed) as err:
        check_activity(pd.DataFrame(rows, columns=COLS))
    problems = {p.row: p for p in err.value.problems}
    assert sorted(problems) == [3, 4]
    assert problems[3].column == "technology" and problems[3].found == "国五"
    assert "grate_boiler" in problems[3].expected and "层燃炉" in problems[3].expected
    assert "Natural_Gas has no technology-specific factors" in problems[4].expected


def test_technology_resolved_to_code() -> None:
    rows = [("济南市", 2020, POWER, "原煤", "层燃炉", 1, "t"),
            ("济南市", 2020, "交通运输、仓储和邮政业", "heavy_duty_diesel_vehicle", "国六", 5, "km")]
    act = check_activity(pd.DataFrame(rows, columns=COLS))
    assert act["technology"].tolist() == ["grate_boiler", "china_6"]
