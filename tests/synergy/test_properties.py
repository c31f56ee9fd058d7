"""Invariants of the synergy methods (Hypothesis)."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cocontrol.synergy.coupling import coupling_degree
from cocontrol.synergy.lmdi import lmdi_additive
from cocontrol.synergy.weights import entropy_weights, minmax

positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(positive, positive, positive, positive, positive, positive), min_size=1, max_size=4))
def test_lmdi_is_exact(rows):
    """Σ_k ΔC_xk = C^T − C^0 for any positive factors and any number of sub-categories."""
    records = []
    for i, (a0, b0, c0, a1, b1, c1) in enumerate(rows):
        records += [{"region": "R", "sub": i, "year": 0, "a": a0, "b": b0, "c": c0},
                    {"region": "R", "sub": i, "year": 1, "a": a1, "b": b1, "c": c1}]
    out = lmdi_additive(pd.DataFrame(records), ["a", "b", "c"], sub=["sub"]).iloc[0]
    # exact in arithmetic; in floating point up to rounding of the (possibly large, cancelling)
    # effects: allow 1e-12 of the largest |effect| besides 1e-9 of the total change
    effects = out[["a", "b", "c"]].astype(float)
    tol = 1e-9 * abs(out["total_change"]) + 1e-12 * effects.abs().max() + 1e-9
    assert abs(effects.sum() - out["total_change"]) <= tol


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 12), st.integers(1, 6), st.randoms(use_true_random=False))
def test_entropy_weights_are_a_distribution(m, n, rnd):
    x = np.array([[rnd.random() for _ in range(n)] for _ in range(m)])
    w = entropy_weights(minmax(x, np.ones(n, bool)))
    assert np.all(w >= 0) and np.isclose(w.sum(), 1.0)
    # row order does not matter
    assert np.allclose(w, entropy_weights(minmax(x[::-1], np.ones(n, bool))))


@given(st.floats(0, 1), st.floats(0, 1))
def test_coupling_bounds_and_symmetry(u1, u2):
    c, t, d = coupling_degree(np.array([u1]), np.array([u2]))
    c2, _, d2 = coupling_degree(np.array([u2]), np.array([u1]))
    assert 0 <= c[0] <= 1 + 1e-12 and 0 <= d[0] <= 1 + 1e-12
    assert np.isclose(c[0], c2[0]) and np.isclose(d[0], d2[0])
    # C ≤ 1 ⇒ D = √(C·T) ≤ √T; equal subsystems (> 0) couple perfectly
    assert d[0] <= np.sqrt(t[0]) + 1e-12
    if u1 == u2 > 0:
        assert np.isclose(c[0], 1.0)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 5), st.integers(1, 3), st.randoms(use_true_random=False))
def test_index_is_bounded_and_sums_its_contributions(n_regions, n_years, rnd):
    """0 ≤ index ≤ 100 and Σ_j contribution_j = index for every region-year (entropy weights)."""
    from cocontrol.synergy.index import composite_index
    from cocontrol.synergy.system import load_system

    system = load_system({"dimensions": [
        {"id": "a", "indicators": [
            {"id": f"a{k}", "name_zh": "x", "unit": "%", "direction": "+-"[k % 2],
             "subsystem": ("pollution", "carbon")[k % 2], "from": "stat:x"} for k in range(3)]},
        {"id": "b", "indicators": [
            {"id": "b0", "name_zh": "y", "unit": "%", "direction": "+", "subsystem": "shared",
             "from": "stat:y"}]}]})
    rows = [{"region": f"r{r}", "year": 2020 + y, "indicator": i, "value": rnd.uniform(-50, 50)}
            for r in range(n_regions) for y in range(n_years) for i in system.ids]
    result = composite_index(pd.DataFrame(rows), system)
    idx = result.scores.set_index(["region", "year"])["index"]
    assert ((idx >= -1e-9) & (idx <= 100 + 1e-9)).all()
    sums = result.contributions.groupby(["region", "year"])["contribution"].sum()
    assert np.allclose(sums.reindex(idx.index), idx)
    assert np.isclose(result.weights["weight"].sum(), 1.0)
