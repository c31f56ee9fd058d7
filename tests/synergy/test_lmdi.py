"""LMDI-I additive (Ang 2005, Energy Policy 33:867) on hand-worked examples."""

import math

import pandas as pd
import pytest

from cocontrol.errors import InputError
from cocontrol.synergy.lmdi import kaya_lmdi, lmdi_additive, log_mean


def test_log_mean_special_cases():
    assert log_mean(2.0, 2.0) == pytest.approx(2.0)
    assert log_mean(5.0, 0.0) == 0.0
    # L(e, 1) = (e − 1)/(1 − 0) = e − 1
    assert log_mean(math.e, 1.0) == pytest.approx(math.e - 1)


def test_kaya_hand_worked():
    # year 0: P 100 × g 2 × ei 0.5 × ci 3 = 300; year 1: 110 × 2.2 × 0.5 × 2.7 = 326.7
    # ΔC = 26.7; L(326.7, 300) = 26.7 / ln(1.089) = 26.7 / 0.0852598 = 313.1603
    # P: 313.1603 × ln 1.1 = 29.8474; g: 29.8474; ei: × ln 1 = 0; ci: × ln 0.9 = −32.9947
    # sum 29.8474 + 29.8474 + 0 − 32.9947 = 26.7001 ≈ 26.7 (exact before rounding)
    table = pd.DataFrame({"region": ["R", "R"], "year": [2020, 2021], "P": [100, 110],
                          "g": [2, 2.2], "ei": [0.5, 0.5], "ci": [3, 2.7], "co2": [300, 326.7]})
    out = lmdi_additive(table, ["P", "g", "ei", "ci"], value="co2").iloc[0]
    assert out["P"] == pytest.approx(29.8474, abs=1e-3)
    assert out["g"] == pytest.approx(29.8474, abs=1e-3)
    assert out["ei"] == pytest.approx(0.0, abs=1e-12)
    assert out["ci"] == pytest.approx(-32.9947, abs=1e-3)
    assert out["total_change"] == pytest.approx(26.7)
    assert out[["P", "g", "ei", "ci"]].sum() == pytest.approx(out["total_change"], rel=1e-12)


def test_zero_values_new_sector():
    # C_i = Q × S_i × I_i. Year 0: Q 100; A: S 1, I 2 → 200; B: S 0, I 0.5 → 0.
    # Year 1: Q 100; A: S 0.8, I 2 → 160; B: S 0.2, I 0.5 → 10.   ΔC = 170 − 200 = −30.
    # Q: ln(1) = 0 for A; B's limit goes wholly to the factor that was 0 (S)  → Q = 0
    # S: A: L(160, 200) × ln 0.8 = (−40 / ln 0.8) × ln 0.8 = −40; B: +10     → S = −30
    # I: A: ln 1 = 0; B: 0                                                   → I = 0
    table = pd.DataFrame({
        "region": ["R"] * 4, "sector": ["A", "B", "A", "B"], "year": [2020, 2020, 2021, 2021],
        "Q": [100, 100, 100, 100], "S": [1.0, 0.0, 0.8, 0.2], "I": [2.0, 0.5, 2.0, 0.5],
    })
    out = lmdi_additive(table, ["Q", "S", "I"], sub=["sector"]).iloc[0]
    assert out["total_change"] == pytest.approx(-30)
    assert out["Q"] == pytest.approx(0.0, abs=1e-9)
    assert out["S"] == pytest.approx(-30)
    assert out["I"] == pytest.approx(0.0, abs=1e-9)
    assert out["note"] == ""


def test_factors_must_multiply_to_the_value():
    table = pd.DataFrame({"region": ["R"], "year": [2020], "a": [2.0], "b": [3.0], "c": [7.0]})
    with pytest.raises(InputError, match="do not multiply"):
        lmdi_additive(table, ["a", "b"], value="c")
    with pytest.raises(InputError, match="≥ 0"):
        lmdi_additive(table.assign(a=-1.0), ["a", "b"])


def test_kaya_from_inventory_and_statistics(make_emissions, make_statistics):
    # CO2 300 t → 326.7 t; population 100 → 110 万人; GDP 200 → 242 亿元 (g 2 → 2.2);
    # energy 100 → 121 万吨标准煤 (ei 0.5 → 0.5); ci = 3 → 2.7 t/万吨标准煤 — the case above.
    em = make_emissions({("R", 2020, "all"): {"CO2": 300}, ("R", 2021, "all"): {"CO2": 326.7}})
    st = make_statistics({
        ("R", 2020): {"population": (100, "万人"), "gdp_constant": (200, "亿元"),
                      "energy_consumption": (100, "万吨标准煤")},
        ("R", 2021): {"population": (1.1e6, "人"), "gdp_constant": (2.42e6, "万元"),
                      "energy_consumption": (121, "万吨标准煤")},
    })
    out = kaya_lmdi(em, st).iloc[0]
    assert out["population"] == pytest.approx(29.8474, abs=1e-3)
    assert out["carbon_intensity"] == pytest.approx(-32.9947, abs=1e-3)
