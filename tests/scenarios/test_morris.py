"""Morris elementary effects against a function with known effects."""

import numpy as np
import pytest

from cocontrol.scenarios import morris


def f(u):
    """3 x0 − 2 x1 + 0 x2 + 4 x3 x4 + x5² + (x6 + x7): known elementary effects."""
    return (3 * u[:, 0] - 2 * u[:, 1] + 4 * u[:, 3] * u[:, 4] + u[:, 5] ** 2
            + u[:, 6] + u[:, 7])


GROUPS = [[0], [1], [2], [3], [4], [5], [6, 7]]
NAMES = ["a", "b", "zero", "x3", "x4", "square", "pair"]


def test_design_moves_one_group_per_step_inside_the_cube():
    d = morris.design(GROUPS, 8, r=30, levels=4, seed=1)
    u = d.u.reshape(30, 8, 8)
    assert np.all((u > 0) & (u < 1))
    steps = np.abs(np.diff(u, axis=1)) > 0  # [r, G, D]
    changed = steps.sum(axis=2)
    assert np.all((changed == 1) | (changed == 2))  # the pair group moves both columns
    assert np.allclose(np.abs(np.diff(u, axis=1))[steps], d.delta)
    assert np.allclose(u[:, :, 6], u[:, :, 7])
    # every group moves exactly once per trajectory
    assert np.all(steps[:, :, 0].sum(axis=1) == 1)


def test_effects_of_a_known_function():
    e = morris.screen(f, GROUPS, NAMES, 8, r=40, levels=4, seed=3).set_index("input")
    # linear terms: EE equals the coefficient on every trajectory (σ = 0)
    assert e.loc["a", "mu"] == pytest.approx(3)
    assert e.loc["a", "mu_star"] == pytest.approx(3)
    assert e.loc["a", "sigma"] == pytest.approx(0, abs=1e-12)
    assert e.loc["b", "mu"] == pytest.approx(-2)
    assert e.loc["b", "mu_star"] == pytest.approx(2)
    assert e.loc["zero", "mu_star"] == 0
    assert e.loc["pair", "mu"] == pytest.approx(2)  # the group moves x6 and x7 by Δ each
    # x3·x4: EE of x3 is 4·x4 at the point, x4 on the levels {1/8, 3/8, 5/8, 7/8}
    assert 0.5 <= e.loc["x3", "mu_star"] <= 3.5 and e.loc["x3", "sigma"] > 0.3
    # x5²: EE = 2x + Δ with the lower point x in {1/8, 3/8}, Δ = 1/2: 0.75 or 1.25
    assert set(np.round(morris.design(GROUPS, 8, 40, 4, 3).delta, 6).flat) == {0.5}
    assert 0.75 <= e.loc["square", "mu"] <= 1.25 and e.loc["square", "sigma"] > 0
    assert e.index[0] == "a" and e.index[-1] == "zero"


def test_square_effects_exactly():
    d = morris.design([[0]], 1, r=50, levels=4, seed=5)
    e = morris.effects(d, d.u[:, 0] ** 2, ["x"])
    lower = np.minimum(d.u.reshape(50, 2)[:, 0], d.u.reshape(50, 2)[:, 1])
    assert e.loc[0, "mu"] == pytest.approx(np.mean(2 * lower + 0.5))


def test_equals_salib_on_the_same_trajectories():
    """SALib (optional extra ``sensitivity``) analyses the same points to the same μ, μ*, σ
    up to its step: SALib divides by Δ = p / (2 (p − 1)) of the grid {0, 1/(p−1), …, 1}
    (2/3 for p = 4), this module by the step it takes on the cell-centred grid (½)."""
    analyze = pytest.importorskip("SALib.analyze.morris")
    groups = [[k] for k in range(6)]
    names = [f"x{k}" for k in range(6)]
    d = morris.design(groups, 6, r=25, levels=4, seed=7)
    y = f(np.c_[d.u, np.zeros((len(d.u), 2))])
    mine = morris.effects(d, y, names).set_index("input").loc[names]
    problem = {"num_vars": 6, "names": names, "bounds": [[0, 1]] * 6}
    ref = analyze.analyze(problem, d.u, y, num_levels=4, num_resamples=10, seed=1)
    scale = (4 / (2 * (4 - 1))) / d.delta
    np.testing.assert_allclose(mine["mu"], ref["mu"] * scale, atol=1e-10)
    np.testing.assert_allclose(mine["mu_star"], ref["mu_star"] * scale, atol=1e-10)
    np.testing.assert_allclose(mine["sigma"], ref["sigma"] * scale, atol=1e-10)
    assert mine.loc["x0", "mu"] == pytest.approx(3)  # the true slope: this module's scale
