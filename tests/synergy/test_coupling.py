"""Coupling coordination degree D and its 10-class scale, by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from cocontrol.errors import InputError
from cocontrol.synergy.coupling import coordination_class, coupling_coordination, coupling_degree


def test_hand_worked():
    # U1 = 0.6, U2 = 0.4: C = 2√0.24 / 1.0 = 2 × 0.489898 = 0.979796
    # T = 0.5 × 0.6 + 0.5 × 0.4 = 0.5;  D = √(0.979796 × 0.5) = √0.489898 = 0.699927 → 初级协调
    c, t, d = coupling_degree(np.array([0.6]), np.array([0.4]))
    assert c[0] == pytest.approx(0.979796, abs=1e-6)
    assert t[0] == pytest.approx(0.5)
    assert d[0] == pytest.approx(0.699927, abs=1e-6)
    assert coordination_class(d)[0] == "初级协调"


def test_weighted_t_and_extremes():
    # α = 0.7: T = 0.7 × 0.6 + 0.3 × 0.4 = 0.54; D = √(0.979796 × 0.54) = 0.727393
    _, t, d = coupling_degree(np.array([0.6]), np.array([0.4]), 0.7, 0.3)
    assert t[0] == pytest.approx(0.54) and d[0] == pytest.approx(math.sqrt(0.979796 * 0.54), abs=1e-6)
    c, _, d = coupling_degree(np.array([0.0, 1.0]), np.array([0.0, 1.0]))
    assert c.tolist() == [0.0, 1.0] and d.tolist() == [0.0, 1.0]


def test_ten_classes_bounds():
    d = np.array([0.0, 0.05, 0.1, 0.25, 0.35, 0.45, 0.5, 0.65, 0.7, 0.85, 0.9, 1.0])
    assert coordination_class(d).tolist() == [
        "极度失调", "极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调",
        "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调", "优质协调"]


def test_bad_inputs():
    with pytest.raises(InputError, match="sum to 1"):
        coupling_degree(np.array([0.5]), np.array([0.5]), 0.6, 0.6)
    with pytest.raises(InputError, match=r"\[0, 1\]"):
        coupling_degree(np.array([1.5]), np.array([0.5]))


def test_table_form():
    out = coupling_coordination(pd.DataFrame({"region": ["A"], "u_pollution": [0.6], "u_carbon": [0.4]}))
    assert out[["C", "T", "D"]].iloc[0].tolist() == pytest.approx([0.979796, 0.5, 0.699927], abs=1e-6)
    assert out["class_zh"].iloc[0] == "初级协调"
