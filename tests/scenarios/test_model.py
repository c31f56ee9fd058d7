"""Projection through the inventory engine: base year = inventory, no measures = baseline,
co-benefit properties of closing coal and of control technologies, EV on the year's grid."""

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocontrol.data.activity import read_activity
from cocontrol.data.controls import read_controls
from cocontrol.inventory import compute
from cocontrol.scenarios import model, runner
from cocontrol.scenarios.measures import Cost, Measure, crf
from cocontrol.scenarios.spec import read_spec, resolve

from .conftest import POWER, STEEL, TRANSPORT


@pytest.fixture(scope="module")
def setup(city):
    spec = read_spec(city)
    act = read_activity(spec.activity)
    ctl = read_controls(spec.controls)
    base = model.load_base(act, ctl, spec.region, spec.base_year)
    proj = model.Projector(base, spec.years, spec.grid_driver)
    return spec, act, ctl, base, proj


def _run(spec, proj, name, measures=None):
    res = resolve(spec, name)
    ms = [spec.measures[m] for m in res.measures] if measures is None else measures
    return proj.run(name, res.drivers, res.activity_rules, ms)


def test_base_year_equals_the_inventory(setup):
    spec, act, ctl, _, proj = setup
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        inv = compute(act[act["year"] == 2022].reset_index(drop=True),
                      controls=ctl[ctl["year"] == 2022], co2e_rows=False)
    for name in spec.scenarios:
        pw = _run(spec, proj, name)
        table = model.long_table(pw, spec.region)
        got = table[(table["year"] == 2022) & (table["species"] != "CO2e")]
        merged = inv.merge(got, on=["sector", "fuel", "species", "scope"], how="outer",
                           suffixes=("_inv", "_scen"))
        merged = merged.fillna({"value_inv": 0.0, "value_scen": 0.0})
        np.testing.assert_allclose(merged["value_scen"], merged["value_inv"], rtol=1e-12)


def test_no_measures_is_the_baseline_bit_for_bit(setup):
    spec, *_, proj = setup
    base = _run(spec, proj, "基准情景")
    empty = _run(spec, proj, "空措施情景")
    assert np.array_equal(base.emissions, empty.emissions)
    assert np.array_equal(base.activity, empty.activity)


def _closure(share, start, full):
    return Measure(name="close", kind="activity", sectors=(POWER,), fuels=("Raw_Coal",),
                   share=share, start=start, full=full)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(share=st.floats(0.01, 1.0), start=st.integers(2023, 2035), span=st.integers(0, 5))
def test_closing_coal_lowers_co2_so2_nox_pm(setup, share, start, span):
    spec, *_, proj = setup
    base = _run(spec, proj, "基准情景", [])
    pw = _run(spec, proj, "基准情景", [_closure(share, start, min(start + span, 2035))])
    after = pw.years >= start
    for sp in ("CO2", "SO2", "NOx", "PM2.5", "PM10"):
        assert np.all(pw.total(sp)[after] < base.total(sp)[after]), sp
        assert np.array_equal(pw.total(sp)[~after], base.total(sp)[~after]), sp


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tech=st.sampled_from(["scr", "limestone_gypsum_wet_fgd", "bag_filter", "sncr"]),
       target=st.sampled_from([STEEL, POWER]), p=st.floats(0.05, 1.0))
def test_control_never_changes_co2_nor_raises_a_pollutant(setup, tech, target, p):
    spec, *_, proj = setup
    fuel = "Coke" if target == STEEL else "Raw_Coal"
    m = Measure(name="ctl", kind="control", sectors=(target,), fuels=(fuel,), technology=tech,
                penetration=p, start=2024, full=2026)
    base = _run(spec, proj, "基准情景", [])
    pw = _run(spec, proj, "基准情景", [m])
    for sp, scope in base.pairs:
        j0, j1 = base.pairs.index((sp, scope)), pw.pairs.index((sp, scope))
        b, a = base.emissions[:, :, j0], pw.emissions[:, :, j1]
        if sp in ("CO2", "CH4", "N2O"):
            assert np.array_equal(a, b), sp
        else:
            assert np.all(a <= b * (1 + 1e-12)), sp


def test_ev_electricity_takes_the_grid_factor_of_the_same_year(setup):
    spec, *_, proj = setup
    ev = spec.measures["电动汽车"]
    base = _run(spec, proj, "基准情景", [])
    pw = _run(spec, proj, "基准情景", [ev])
    gas = base.keys.index[(base.keys["sector"] == TRANSPORT) & (base.keys["fuel"] == "Gasoline")][0]
    elec = pw.keys.index[(pw.keys["sector"] == TRANSPORT) & (pw.keys["fuel"] == "Electricity")][0]
    moved = base.activity[:, gas] * 0.5 * ev.ramp(pw.years)  # t gasoline
    j = pw.pairs.index(("CO2", 2))
    grid = pw.drivers["grid"]  # t/MWh; 1 万千瓦时 = 10 MWh
    later = pw.years > 2022  # the base year keeps the inventory's published factor
    np.testing.assert_allclose(pw.emissions[later, elec, j], (moved * 0.29 * 10 * grid)[later],
                               rtol=1e-12)


def test_crf_and_annual_cost():
    # CRF(8 %, 20 y) = 0.08·1.08^20 / (1.08^20 − 1) = 0.101852…
    assert crf(0.08, 20) == pytest.approx(0.1018522, rel=1e-6)
    assert Cost(investment=1000, life=20, discount_rate=0.08, om=10,
                fuel_savings=30).annualised() == pytest.approx(1000 * 0.1018522 - 20, rel=1e-6)
    assert crf(0.0, 10) == pytest.approx(0.1)


def test_cobenefits_are_the_with_and_without_difference(setup):
    spec, *_, proj = setup
    pw = _run(spec, proj, "规划情景")
    table = runner.cobenefits(pw, 2030, spec.co2_scopes, {})
    close = table.set_index("measure").loc["关停燃煤机组"]
    assert close["CO2"] > 0 and close["SO2"] > 0 and close["NOx"] > 0 and close["APeq"] > 0
    ctl = table.set_index("measure").loc["钢铁脱硝"]
    assert ctl["CO2"] == 0 and ctl["NOx"] > 0
    # the incremental reductions add up to baseline − plan
    base = _run(spec, proj, "基准情景")
    yi = list(pw.years).index(2030)
    assert table["NOx"].sum() == pytest.approx(base.total("NOx")[yi] - pw.total("NOx")[yi])
