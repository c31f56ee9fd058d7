"""Monte Carlo against an analytic probability (i.i.d. log growth), seeding, sensitivity."""

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm

from cocontrol.scenarios import drivers as dr
from cocontrol.scenarios import expressions as ex
from cocontrol.scenarios import model
from cocontrol.scenarios import montecarlo as mc

from .conftest import POWER


@pytest.fixture(scope="module")
def one_key():
    base = model.Base("测试市", 2022, pd.DataFrame({"sector": [POWER], "fuel": ["Raw_Coal"],
                                                    "technology": [""]}), np.array([1e6]), None)
    proj = model.Projector(base, range(2022, 2036))
    drivers = {"GDP": dr.Driver("GDP", 100.0, ex.parse("Growth(3%)"), sigma=0.02)}
    pw = proj.run("x", drivers, {"*": ex.parse("GrowthAs(GDP, 1)")}, [])
    return drivers, pw


def _draws(drivers, pw, n, seed):
    lay = mc.layout(drivers, len(pw.years), [], [], [])  # driver risk only
    return mc.simulate(pw, mc.inputs(lay, mc.sample(lay, n, seed), drivers, {}))


def test_probability_matches_the_lognormal_random_walk(one_key):
    drivers, pw = one_key
    d = _draws(drivers, pw, 10_000, 11)
    co2 = d.total("CO2")
    t = 13  # 2022 → 2035
    k = 1.45
    # ln(E_T/E_0) = T ln 1.03 + σ Σ z ~ N(T ln 1.03, σ² T)
    analytic = norm.cdf((np.log(k) - t * np.log(1.03)) / (0.02 * np.sqrt(t)))
    estimate = np.mean(co2[:, -1] <= k * co2[:, 0])
    se = np.sqrt(analytic * (1 - analytic) / 10_000)
    assert abs(estimate - analytic) < 3 * se
    # the central path is the median of the draws
    assert np.median(co2[:, -1]) == pytest.approx(pw.total("CO2")[-1], rel=0.01)


def test_same_seed_same_draws_and_a_new_seed_differs(one_key):
    drivers, pw = one_key
    a = _draws(drivers, pw, 500, 3).total("CO2")
    b = _draws(drivers, pw, 500, 3).total("CO2")
    c = _draws(drivers, pw, 500, 4).total("CO2")
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_peak_probability_and_first_order_indices():
    years = np.arange(2022, 2026)
    series = np.array([[1, 3, 2, 1], [1, 2, 3, 4], [4, 3, 2, 1], [1, 2, 3, 2.5]], float)
    assert mc.p_peak_by(series, years) == {"2022": 0.25, "2023": 0.5, "2024": 0.75}
    # one rule for a path and for draws: the maximum, then more than 5 % lower by the last year.
    # [3, 2, 2.5, 2.9]: maximum 3 in 2022 but 2025 only 3.3 % below it — a plateau, no peak;
    # [3, 2, 2.5, 2.8]: 6.7 % below — peaked in 2022
    flat = np.array([[3, 2, 2.5, 2.9], [3, 2, 2.5, 2.8]], float)
    assert mc.peak_years(flat, years).tolist() == [0, 2022]
    assert mc.peak_years(flat[0], years) == 0 and mc.peak_years(flat[1], years) == 2022
    assert mc.p_peak_by(flat, years) == {"2022": 0.5, "2023": 0.5, "2024": 0.5}
    rng = np.random.default_rng(0)
    x1, x2 = rng.uniform(size=20_000), rng.uniform(size=20_000)
    s1 = mc.first_order({"x1": x1, "x2": x2}, 4 * x1 + x2).set_index("input")["s1"]
    # Var(4 x1) / Var(4 x1 + x2) = 16/17
    assert s1["x1"] == pytest.approx(16 / 17, abs=0.02)
    assert s1["x2"] == pytest.approx(1 / 17, abs=0.02)


def test_triangular_uptake_inverse_cdf():
    x = np.linspace(0.0005, 0.9995, 1000)
    v = mc.qmc_triangular(x, 0.5, 0.9, 1.0)
    assert v.min() >= 0.5 and v.max() <= 1.0
    assert v.mean() == pytest.approx((0.5 + 0.9 + 1.0) / 3, abs=0.005)


def test_cell_percentiles_equal_the_draw_by_draw_computation(city):
    from cocontrol.data.activity import read_activity
    from cocontrol.data.controls import read_controls
    from cocontrol.scenarios.spec import read_spec, resolve

    spec = read_spec(city)
    base = model.load_base(read_activity(spec.activity), read_controls(spec.controls),
                           spec.region, spec.base_year)
    res = resolve(spec, "规划情景")
    pw = model.Projector(base, spec.years, spec.grid_driver).run(
        res.name, res.drivers, res.activity_rules, [spec.measures[m] for m in res.measures])
    lay = mc.layout(spec.drivers, len(pw.years), list(res.measures),
                    mc.category_of(pw.keys["fuel"].tolist()), [s for s, _ in pw.pairs])
    inp = mc.inputs(lay, mc.sample(lay, 2000, 9), res.drivers, spec.measures)
    got = mc.quantiles(pw, inp, (0.05, 0.5, 0.95))
    # brute force: every cell's 2000 values
    g_of, c_of, cats = mc._classes(pw)
    m = np.ones((2000, len(pw.years), len(pw.rules)))
    for g, node in enumerate(pw.rules):
        for drv, beta in ex.elasticities(node).items():
            if drv in inp.log_dev:
                m[:, :, g] *= np.exp(beta * inp.log_dev[drv])
    deltas = np.stack([pw.steps[i][2] - pw.steps[i - 1][2] for i in range(1, len(pw.steps))])
    u = np.column_stack([inp.uptake[n] - 1 for n, _, _ in pw.steps[1:]])
    for k in range(len(pw.keys)):
        for j, (sp, _) in enumerate(pw.pairs):
            f = inp.act[cats[c_of[k]]] * inp.ef[(cats[c_of[k]], sp)]
            v = (pw.emissions[:, k, j][None, :] + u @ deltas[:, :, k, j]) * m[:, :, g_of[k]] \
                * f[:, None]
            np.testing.assert_allclose(got[:, :, k, j], np.quantile(v, (0.05, 0.5, 0.95), axis=0),
                                       rtol=2e-5, atol=1e-9)
