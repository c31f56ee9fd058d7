"""Cross-elasticity Els (pollutant over CO2) against hand and published numbers."""

import math

import numpy as np
import pandas as pd
import pytest

from cocontrol.synergy.elasticity import cross_elasticity, elasticity


def test_published_2_26_cities_example():
    # 杨添棋 等 2022 《环境科学》43(11):5315 (abstract; "2+26" cities, GAINS-JJJ, 2017→2020):
    # SO2 −27 %, CO2 −2 %  →  Els_SO2/CO2 = 0.27 / 0.02 = 13.5 (reference notes §4.4)
    els, note = cross_elasticity(np.array([0.27]), np.array([0.02]))
    assert els[0] == pytest.approx(13.5)
    assert note[0] == ""


def test_hand_worked_table():
    # A: APeq 100 → 80 (20 %), CO2 200 → 190 (5 %)  → Els = 0.20/0.05 = 4.0, 减污快于降碳
    # B: APeq 100 → 110 (−10 %), CO2 100 → 90 (10 %) → Els = −1.0, 此消彼长
    # C: CO2 50 → 50 (ΔCO2 = 0)                      → NaN with a note, not an error
    # D: APeq 100 → 95 (5 %), CO2 100 → 90 (10 %)    → 0.5, 降碳快于减污
    totals = pd.DataFrame({
        "region": ["A", "A", "B", "B", "C", "C", "D", "D"],
        "year": [2020, 2021] * 4,
        "apeq": [100, 80, 100, 110, 10, 9, 100, 95],
        "co2": [200, 190, 100, 90, 50, 50, 100, 90],
    })
    out = elasticity(totals).set_index("region")
    assert out.loc["A", "els"] == pytest.approx(4.0)
    assert out.loc["A", "reading"].startswith("协同减排（减污快于降碳")
    assert out.loc["B", "els"] == pytest.approx(-1.0)
    assert out.loc["B", "reading"] == "此消彼长"
    assert math.isnan(out.loc["C", "els"]) and "ΔCO2 = 0" in out.loc["C", "note"]
    assert out.loc["D", "els"] == pytest.approx(0.5)
    assert (out["base_year"] == 2020).all() and (out["target_year"] == 2021).all()


def test_explicit_periods_and_zero_base():
    totals = pd.DataFrame({"region": ["A"] * 3, "year": [2015, 2020, 2025],
                           "apeq": [0.0, 10.0, 5.0], "co2": [100.0, 90.0, 45.0]})
    out = elasticity(totals, periods=[(2015, 2025), (2020, 2025)])
    # 2015 base APeq = 0 → undefined; 2020→2025: 50 % / 50 % = 1.0
    assert math.isnan(out["els"].iloc[0]) and "base value" in out["note"].iloc[0]
    assert out["els"].iloc[1] == pytest.approx(1.0)
