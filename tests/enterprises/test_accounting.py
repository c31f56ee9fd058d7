"""Hand-worked accounting: combustion CO2 with measured and default carbon content, SO2 mass
balance with a desulfuriser starting mid-year, CEMS hourly mass, scope 2."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.enterprises.accounting import enterprise_years, run, scope2
from cocontrol.enterprises.intake import read_dataset

from .conftest import coal, enterprise, write


def _data(tmp_path, fuel, controls=(), cems=(), electricity=()):
    sheets = {"enterprises": [enterprise()], "fuel": fuel}
    if controls:
        sheets["controls"] = list(controls)
    if cems:
        sheets["cems"] = list(cems)
    if electricity:
        sheets["electricity"] = list(electricity)
    return read_dataset(write(tmp_path / "d", sheets))


def test_combustion_co2_measured_and_default_carbon_content(tmp_path) -> None:
    data = _data(tmp_path, [coal(1), coal(2, measured="否", carbon_content=None)])
    fm = run(data).facility_months.set_index("month")
    # 1000 t × 20 GJ/t × 0.026 tC/GJ × 0.99 × 44/12 = 1887.6 t
    assert fm.at[1, "co2_t"] == pytest.approx(1000 * 20 * 0.026 * 0.99 * 44 / 12)
    assert fm.at[1, "co2_t"] == pytest.approx(1887.6, abs=1e-9)
    # unmeasured month: the 2022 notice's default 0.03085 tC/GJ → 2239.71 t
    assert fm.at[2, "cc_used"] == 0.03085
    assert fm.at[2, "co2_t"] == pytest.approx(2239.71, abs=1e-9)  # 617 × 0.99 × 44/12
    assert bool(fm.at[2, "default_used"]) and not bool(fm.at[1, "default_used"])


def test_a_measured_month_without_flag_still_uses_the_default_for_coal(tmp_path) -> None:
    data = _data(tmp_path, [coal(1, measured="否")])  # value given, but not lab-tested
    assert run(data).facility_months.at[0, "cc_used"] == 0.03085


def test_gas_uses_ndrc_defaults_when_values_are_missing(tmp_path) -> None:
    gas = {"enterprise_id": "A", "facility_id": "G1", "year": 2024, "month": 1,
           "fuel": "天然气", "amount": 10000, "unit": "Nm3"}
    fm = run(_data(tmp_path, [gas])).facility_months
    # 1 万Nm³ × 389.31 GJ/万Nm³ × 0.0153 tC/GJ × 0.99 × 44/12 = 21.622 t
    assert fm.at[0, "co2_t"] == pytest.approx(21.622, abs=1e-3)


def test_so2_mass_balance_with_desulfuriser_from_july(tmp_path) -> None:
    fuel = [coal(m) for m in range(1, 13)]
    ctrl = [{"enterprise_id": "A", "facility_id": "U1", "species": "SO2", "efficiency": 0.9,
             "start": "2024-07-01", "end": None}]
    fm = run(_data(tmp_path, fuel, ctrl)).facility_months.set_index("month")
    # 1000 t × 1 % × 0.8 × 2 = 16 t a month before, 1.6 t after
    assert fm.loc[1:6, "so2_balance_t"].tolist() == pytest.approx([16.0] * 6)
    assert fm.loc[7:12, "so2_balance_t"].tolist() == pytest.approx([1.6] * 6)
    assert fm["so2_balance_t"].sum() == pytest.approx(105.6)


def test_so2_mass_balance_with_desulfuriser_from_mid_july_and_percent(tmp_path) -> None:
    fuel = [coal(7), coal(8)]
    ctrl = [{"enterprise_id": "A", "facility_id": "U1", "species": "SO2", "efficiency": "90%",
             "start": "2024-07-16", "end": "2024-08-10"}]
    fm = run(_data(tmp_path, fuel, ctrl)).facility_months.set_index("month")
    assert fm.at[7, "so2_balance_t"] == pytest.approx(16 * (1 - 0.9 * 16 / 31))  # 8.5677
    assert fm.at[8, "so2_balance_t"] == pytest.approx(16 * (1 - 0.9 * 10 / 31))


def test_cems_hourly_mass_against_a_hand_sum(tmp_path) -> None:
    hours = [("2024-01-01 00:00", 1e6, 100.0, 12.0), ("2024-01-01 01:00", 5e5, 200.0, 12.0),
             ("2024-01-01 02:00", 2e6, 50.0, None), ("2024-02-01 00:00", 1e6, 10.0, None)]
    cems = [{"enterprise_id": "A", "stack_id": "S1", "time": pd.Timestamp(t), "flow": q,
             "so2": c, "nox": 20.0, "pm": 1.0, "o2": 6.0, "co2": co2} for t, q, c, co2 in hours]
    cm = run(_data(tmp_path, [coal(1)], cems=cems)).cems_months.set_index("month")
    # Σ C × Q × 1e-9: (100×1e6 + 200×5e5 + 50×2e6) mg = 3e8 mg = 0.3 t
    assert cm.at[1, "so2_t"] == pytest.approx(0.3)
    assert cm.at[2, "so2_t"] == pytest.approx(0.01)
    assert cm.at[1, "nox_t"] == pytest.approx(20 * 3.5e6 * 1e-9)
    # CO2: 12 % × (1e6 + 5e5) Nm³ × 1.977 kg/Nm³ = 355.86 t
    assert cm.at[1, "co2_t"] == pytest.approx(0.12 * 1.5e6 * 1.977 / 1000)
    assert cm.at[1, "hours"] == 3 and cm.at[1, "co2_hours"] == 2


def test_scope2_net_of_green_power_with_the_years_grid_factor() -> None:
    elec = pd.DataFrame({"enterprise_id": ["A", "A", "B"], "year": [2023, 2023, 2024],
                         "purchased_mwh": [600.0, 400.0, 100.0], "green_mwh": [200.0, 0.0, 0.0]})
    s2 = scope2(elec).set_index("enterprise_id")
    assert s2.at["A", "scope2_t"] == pytest.approx(800 * 0.5306)  # 2023 national factor
    assert s2.at["B", "grid_year"] == 2023  # 2024 not published: latest earlier year


def test_enterprise_year_sums(tmp_path) -> None:
    data = _data(tmp_path, [coal(1), coal(2, amount=500.0)],
                 electricity=[{"enterprise_id": "A", "year": 2024, "month": 1,
                               "purchased_mwh": 100, "green_mwh": 0}])
    ey = enterprise_years(data, run(data)).iloc[0]
    assert ey["co2_t"] == pytest.approx(1.5 * 1887.6)
    assert ey["so2_balance_t"] == pytest.approx(24.0)
    assert ey["scope2_t"] == pytest.approx(53.06)
