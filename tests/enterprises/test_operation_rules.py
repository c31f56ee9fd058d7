"""Hours and load against fuel burnt, and output against capacity (operation sheet), on a
hand-made 600 MW unit: hand-worked numbers, no finding on the clean year."""

from __future__ import annotations

import pytest

from cocontrol.enterprises.verify import verify

from .conftest import coal, enterprise, write

TCE_PER_GJ = 0.034120842
CAPACITY_MW = 600.0
HOURS, LOAD = 650.0, 0.8


def _amount(q_tce_per_mwh: float) -> float:
    """Coal (t, NCV 20 GJ/t) for q tce per MWh of capacity × hours × load."""
    return q_tce_per_mwh / TCE_PER_GJ * HOURS * LOAD * CAPACITY_MW / 20.0


def _data(tmp_path, fuel_factor=None, output_load=None, design_hours=None):
    fuel_factor = fuel_factor or {}
    output_load = output_load or {}
    fuel = [coal(m, amount=round(_amount(0.29) * fuel_factor.get(m, 1.0), 3), sulfur=None)
            for m in range(1, 13)]
    operation = []
    for m in range(1, 13):
        row = {"enterprise_id": "A", "facility_id": "U1", "year": 2024, "month": m,
               "hours": HOURS, "load": LOAD}
        if m in output_load:  # output only: the load it implies is used
            row.update(load=None, output=CAPACITY_MW * HOURS * output_load[m], output_unit="MWh")
        operation.append(row)
    return write(tmp_path, {
        "enterprises": [enterprise()], "fuel": fuel, "operation": operation,
        "facilities": [{"enterprise_id": "A", "facility_id": "U1", "kind": "机组",
                        "capacity": 60, "capacity_unit": "万千瓦",
                        "design_hours": design_hours}]})


RULES = {"hours_load_vs_fuel", "fuel_vs_capacity", "output_vs_capacity", "hours_vs_design"}


def test_clean_unit_has_no_finding(tmp_path) -> None:
    found = verify(_data(tmp_path)).findings
    assert not set(found["rule"]) & RULES


def test_half_fuel_in_may_and_output_beyond_capacity_in_july(tmp_path) -> None:
    found = verify(_data(tmp_path, fuel_factor={5: 0.5}, output_load={7: 1.2})).findings
    hours = found[found["rule"] == "hours_load_vs_fuel"]
    gaps = {e["month"]: e["relative_gap"] for e in hours["evidence"]}
    # May: half the fuel → −50 %; July: the load its output implies is 1.2, so its fuel per
    # hour × load is 0.8/1.2 of the others' → −33 % (median of the year = the 10 clean months)
    assert gaps == pytest.approx({5: -0.5, 7: 0.8 / 1.2 - 1}, abs=1e-6)
    cap = found[found["rule"] == "fuel_vs_capacity"].iloc[0]["evidence"]
    # q(May) = 0.29 × 0.5 = 0.145 and q(July) = 0.29 × 0.8/1.2 = 0.1933 tce/MWh, both below
    # 0.270 × 0.8 = 0.216 (advanced × low factor); the finding shows their median
    assert cap["months"] == [5, 7]
    assert cap["fuel_per_capacity"] == pytest.approx((0.145 + 0.29 * 0.8 / 1.2) / 2, rel=1e-4)
    out = found[found["rule"] == "output_vs_capacity"].iloc[0]
    assert out["evidence"]["months"] == [7]
    assert out["evidence"]["implied_load"] == pytest.approx(1.2)
    assert "120%" in out["message"] and "110%" in out["message"]


def test_hours_above_the_design_hours(tmp_path) -> None:
    """12 × 650 h = 7,800 h against design annual hours of 7,000 h: 111.4 %, one finding;
    8,000 h design or none: no finding; a city's threshold of 1.2 silences it."""
    import pandas as pd

    found = verify(_data(tmp_path / "a", design_hours=7000)).findings
    hit = found[found["rule"] == "hours_vs_design"]
    assert len(hit) == 1 and hit.iloc[0]["facility_id"] == "U1"
    ev = hit.iloc[0]["evidence"]
    assert ev["hours_total"] == pytest.approx(7800.0)
    assert ev["hours_share"] == pytest.approx(7800 / 7000)
    assert "7,800 h" in hit.iloc[0]["message"] and "111%" in hit.iloc[0]["message"]
    for design in (8000, None):
        found = verify(_data(tmp_path / f"b{design}", design_hours=design)).findings
        assert "hours_vs_design" not in set(found["rule"])
    city = pd.DataFrame([{"rule": "hours_vs_design", "parameter": "maximum_ratio", "value": "1.2"}])
    found = verify(_data(tmp_path / "c", design_hours=7000), thresholds=city).findings
    assert "hours_vs_design" not in set(found["rule"])
