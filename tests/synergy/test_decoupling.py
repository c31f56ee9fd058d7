"""Tapio (2005) decoupling states, one hand-made case per state (Transport Policy 12:137-151)."""

import math

import pandas as pd
import pytest

from cocontrol.synergy.decoupling import tapio

CASES = [
    # (CO2 0 → 1, GDP 0 → 1, e = %ΔCO2 / %ΔGDP, state)
    ((100, 98), (100, 105), -0.4, "强脱钩"),
    ((100, 102), (100, 105), 0.4, "弱脱钩"),
    ((100, 105), (100, 105), 1.0, "扩张连接"),
    ((100, 104), (100, 105), 0.8, "扩张连接"),     # threshold 0.8 belongs to coupling
    ((100, 112), (100, 110), 1.2, "扩张连接"),     # threshold 1.2 belongs to coupling
    ((100, 110), (100, 105), 2.0, "扩张负脱钩"),
    ((100, 102), (100, 95), -0.4, "强负脱钩"),
    ((100, 98), (100, 95), 0.4, "弱负脱钩"),
    ((100, 95), (100, 95), 1.0, "衰退连接"),
    ((100, 90), (100, 95), 2.0, "衰退脱钩"),
]


@pytest.mark.parametrize(("co2", "gdp", "e", "state"), CASES)
def test_eight_states(co2, gdp, e, state):
    table = pd.DataFrame({"region": ["X", "X"], "year": [2020, 2021], "co2": co2, "gdp": gdp})
    row = tapio(table).iloc[0]
    assert row["elasticity"] == pytest.approx(e)
    assert row["state_zh"] == state


def test_flat_gdp_is_undefined_not_an_error():
    table = pd.DataFrame({"region": ["X", "X"], "year": [2020, 2021], "apeq": [10, 9], "gdp": [5, 5]})
    row = tapio(table, pressure="apeq").iloc[0]
    assert math.isnan(row["elasticity"]) and row["state_zh"] == ""
    assert "ΔGDP = 0" in row["note"]
    assert row["pressure"] == "apeq"
