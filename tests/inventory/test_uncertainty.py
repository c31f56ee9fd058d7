"""IPCC 2006 Vol.1 Ch.3 uncertainty, hand-worked.

Two categories in one sector: x1 = 100 t with U_A = 3 %, U_EF = 4 % → U1 = √(3² + 4²) = 5 %;
x2 = 300 t with U_A = 5 %, U_EF = 12 % → U2 = 13 % (Eq. 3.1). Total 400 t,
U = √((0.05·100)² + (0.13·300)²) / 400 = √(25 + 1521) / 400 = 39.319/400 = 9.830 % (Eq. 3.2).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from cocontrol.inventory import compute
from cocontrol.inventory.io import to_iamc
from cocontrol.inventory.uncertainty import default_ranges, error_propagation, monte_carlo
from cocontrol.testing import sample_city

CATS = pd.DataFrame({"sector": ["a", "a"], "value": [100.0, 300.0],
                     "u_activity": [0.03, 0.05], "u_factor": [0.04, 0.12]})


def test_error_propagation_hand_worked() -> None:
    out = error_propagation(CATS).set_index("sector")
    assert out.loc["total", "value"] == 400
    assert out.loc["total", "u_rel"] == pytest.approx(math.sqrt(25 + 1521) / 400, rel=1e-12)
    assert out.loc["total", "lower"] == pytest.approx(400 * (1 - 0.098298), rel=1e-5)


def test_monte_carlo_matches_approach_1_for_small_normal_ranges() -> None:
    out = monte_carlo(CATS, draws=10_000, seed=1).set_index("sector")
    half = (out.loc["total", "upper"] - out.loc["total", "lower"]) / 2 / 400
    assert half == pytest.approx(0.0983, rel=0.05)
    assert out.loc["total", "mean"] == pytest.approx(400, rel=0.005)
    again = monte_carlo(CATS, draws=10_000, seed=1)
    pd.testing.assert_frame_equal(out.reset_index(), again)


def test_default_ranges_on_a_computed_inventory() -> None:
    result = compute(sample_city())
    cats = default_ranges(result[result["scope"] == 1], "CO2")
    coal = cats[cats["fuel"] == "Raw_Coal"]
    assert set(coal["u_factor"]) == {0.054} and set(coal["u_activity"]) == {0.05}
    out = monte_carlo(cats, draws=10_000, seed=3).set_index("sector")
    assert out.loc["total", "lower"] < cats["value"].sum() < out.loc["total", "upper"]


def test_iamc_export() -> None:
    """Raw coal 500 万吨 × 1.9002988 t/t = 9 501 494 t = 9.501494 Mt CO2 in 2020."""
    result = compute(sample_city())
    wide = to_iamc(result)
    assert list(wide.columns[:5]) == ["model", "scenario", "region", "variable", "unit"]
    row = wide[wide["variable"] == "Emissions|CO2|Energy|1A1a|Production and Supply of "
                                   "Electric Power, Steam and Hot Water"]
    assert row[2020].iloc[0] == pytest.approx(9.501494, rel=1e-6)
    assert row["unit"].iloc[0] == "Mt CO2/yr"
    assert wide["variable"].str.startswith("Emissions|CO2|Indirect").any()


def test_by_ipcc_category() -> None:
    """Power (1A1a) raw coal 2020: 500 万吨 × 1.9002988 t/t = 9 501 494 t CO2."""
    from cocontrol.inventory.io import by_ipcc

    out = by_ipcc(compute(sample_city()))
    hit = out[(out["ipcc_category"] == "1A1a") & (out["species"] == "CO2")
              & (out["year"] == 2020)]
    assert hit["value"].sum() == pytest.approx(9_501_494, rel=1e-6)
