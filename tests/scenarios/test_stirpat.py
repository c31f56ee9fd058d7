"""STIRPAT: Δln I = Σ β_k Δln X_k (Jiangsu elasticities, scenarios.md §2.6) and the ridge fit."""

import numpy as np
import pandas as pd
import pytest

from cocontrol.scenarios import expressions as ex
from cocontrol.scenarios import stirpat

# 黄蕊 et al. (Jiangsu), cited in 郭莉 et al. 2022: +1 % population, per-capita GDP, energy
# intensity, urbanisation ⇒ CO2 +3.467 %, +0.242 %, +0.313 %, +0.151 %
JIANGSU = {"population": 3.467, "gdp_per_capita": 0.242, "energy_intensity": 0.313,
           "urbanisation": 0.151}


def test_projection_reproduces_the_log_linear_identity():
    years = np.arange(2020, 2036)
    rates = {"population": 0.003, "gdp_per_capita": 0.05, "energy_intensity": -0.03,
             "urbanisation": 0.008}
    x = {n: 100 * (1 + r) ** (years - 2020) for n, r in rates.items()}
    out = stirpat.project(800.0, JIANGSU, x)
    dln = np.log(out[-1]) - np.log(out[0])
    assert dln == pytest.approx(sum(JIANGSU[n] * 15 * np.log1p(r) for n, r in rates.items()))


def test_projection_equals_the_growthas_product_expression():
    years = np.arange(2020, 2036)
    x = {n: 50 * np.exp(0.02 * i * (years - 2020)) for i, n in enumerate(JIANGSU, 1)}
    text = " * ".join(f"GrowthAs({n}, {b})" for n, b in JIANGSU.items())
    assert np.allclose(ex.evaluate(ex.parse(text), years, 800.0, x),
                       stirpat.project(800.0, JIANGSU, x), rtol=1e-12)


def test_ridge_without_penalty_recovers_exact_elasticities():
    rng = np.random.default_rng(1)
    years = np.arange(2000, 2024)
    p = 700 * np.exp(np.cumsum(rng.normal(0.005, 0.01, years.size)))
    a = 5 * np.exp(np.cumsum(rng.normal(0.06, 0.02, years.size)))
    t = 1.2 * np.exp(np.cumsum(rng.normal(-0.03, 0.015, years.size)))
    impact = 3.0 * p ** 1.1 * a ** 0.6 * t ** 0.9
    hist = pd.DataFrame({"year": years, "co2": impact, "P": p, "A": a, "T": t})
    f = stirpat.fit(hist, "co2", ["P", "A", "T"], k=0.0)
    assert f.beta["P"] == pytest.approx(1.1, abs=1e-8)
    assert f.beta["A"] == pytest.approx(0.6, abs=1e-8)
    assert f.beta["T"] == pytest.approx(0.9, abs=1e-8)
    assert f.r2 == pytest.approx(1.0)
    assert f.intercept == pytest.approx(np.log(3.0), abs=1e-6)
    # the ridge constant from GCV shrinks towards zero, never beyond the grid
    g = stirpat.fit(hist, "co2", ["P", "A", "T"])
    assert 0.0 <= g.k <= 10.0 and g.r2 > 0.99


def test_too_little_history_is_refused():
    hist = pd.DataFrame({"year": [2020, 2021], "co2": [1.0, 2.0], "P": [1.0, 2.0]})
    with pytest.raises(Exception, match="too few years"):
        stirpat.fit(hist, "co2", ["P"])
