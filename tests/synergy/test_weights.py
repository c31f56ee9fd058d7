"""Entropy, AHP and fixed weights against hand calculation and a published AHP example."""

import math

import numpy as np
import pytest

from cocontrol.errors import InputError
from cocontrol.synergy.weights import ahp, entropy_weights, fixed_weights, minmax, random_index


def test_minmax_directions_and_constant_column():
    x = np.array([[10.0, 5.0, 7.0], [20.0, 3.0, 7.0], [30.0, 1.0, 7.0]])
    out = minmax(x, np.array([True, False, True]))
    assert out[:, 0].tolist() == [0.0, 0.5, 1.0]        # (x − 10)/20
    assert out[:, 1].tolist() == [0.0, 0.5, 1.0]        # (5 − x)/4, smaller is better
    assert out[:, 2].tolist() == [1.0, 1.0, 1.0]        # constant → 1 (documented)


def _entropy_by_hand(column, eps=1e-4):
    # p_i = (x_i + ε)/Σ(x + ε); e = −Σ p ln p / ln m; d = 1 − e
    shifted = [v + eps for v in column]
    total = sum(shifted)
    p = [v / total for v in shifted]
    return 1 - (-sum(q * math.log(q) for q in p) / math.log(len(column)))


def test_entropy_hand_worked():
    # c1 = [0, 0.5, 1]: p = [0.0000667, 0.333333, 0.666600]
    #     Σ p ln p = −0.000641 − 0.366204 − 0.270350 = −0.637195; e = 0.637195 / ln 3 = 0.5800
    #     d = 0.4200
    # c2 = [0, 0, 1]:   p = [0.0001, 0.0001, 0.9998]
    #     Σ p ln p = 2 × (−0.000921) − 0.000200 = −0.002042; e = 0.002042 / ln 3 = 0.00186
    #     d = 0.99814
    # c3 constant:      p = 1/3 each, e = 1, d = 0 → weight 0
    # w = d / Σd = [0.4200, 0.99814, 0] / 1.41814 = [0.2962, 0.7038, 0]
    x = np.array([[0.0, 0.0, 0.4], [0.5, 0.0, 0.4], [1.0, 1.0, 0.4]])
    d = [_entropy_by_hand(x[:, j]) for j in range(3)]
    assert d[0] == pytest.approx(0.4200, abs=1e-4) and d[1] == pytest.approx(0.99814, abs=1e-5)
    w = entropy_weights(x)
    assert w.tolist() == pytest.approx([d[0] / (d[0] + d[1]), d[1] / (d[0] + d[1]), 0.0])
    assert w.tolist() == pytest.approx([0.2962, 0.7038, 0.0], abs=1e-4)
    assert w[2] == 0.0


def test_entropy_needs_two_complete_rows():
    with pytest.raises(InputError, match="at least 2"):
        entropy_weights(np.array([[0.1, 0.2]]))
    with pytest.raises(InputError, match="missing"):
        entropy_weights(np.array([[0.1, np.nan], [0.2, 0.3]]))


def test_ahp_published_tourism_example():
    """姜启源, 谢金星, 叶俊《数学模型》(高等教育出版社), 层次分析法 chapter, 旅游地选择:
    criteria 景色, 费用, 居住, 饮食, 旅途; the book prints λ = 5.073, CI = 0.018, CR = 0.016
    and w = (0.263, 0.475, 0.055, 0.099, 0.110). The printed weights and λ are rounded (our
    principal eigenvector gives λ = 5.0721), hence the 0.002 tolerance. Cited from the widely
    reproduced textbook example; the book itself was not opened in this session."""
    a = [[1, 1 / 2, 4, 3, 3], [2, 1, 7, 5, 5], [1 / 4, 1 / 7, 1, 1 / 2, 1 / 3],
         [1 / 3, 1 / 5, 2, 1, 1], [1 / 3, 1 / 5, 3, 1, 1]]
    r = ahp(a, labels=["景色", "费用", "居住", "饮食", "旅途"])
    assert r.weights.tolist() == pytest.approx([0.263, 0.475, 0.055, 0.099, 0.110], abs=0.002)
    assert r.lambda_max == pytest.approx(5.073, abs=0.002)
    assert r.ci == pytest.approx(0.018, abs=0.0005)
    assert r.cr == pytest.approx(0.016, abs=0.0005)
    assert r.ri == 1.12 and r.consistent


def test_ahp_consistent_matrix_recovers_weights():
    # a_ij = w_i / w_j with w = (0.5, 0.3, 0.2) is perfectly consistent: λmax = 3, CI = CR = 0
    w = np.array([0.5, 0.3, 0.2])
    r = ahp(w[:, None] / w[None, :])
    assert r.weights.tolist() == pytest.approx(w.tolist())
    assert r.lambda_max == pytest.approx(3.0) and r.cr == pytest.approx(0.0, abs=1e-12)


def test_ahp_inconsistent_matrix_reports_cr_ci_ri_and_pair():
    # circular judgements: A ≫ B, B ≫ C, C ≫ A
    a = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    with pytest.raises(InputError) as err:
        ahp(a, labels=["目标", "路径", "管理"])
    text = str(err.value)
    for part in ("CR =", "CI =", "RI(3) = 0.58", "most inconsistent", "目标"):
        assert part in text
    r = ahp(a, check=False)
    assert r.cr > 0.1 and not r.consistent


def test_ahp_bad_matrices_name_the_cell():
    with pytest.raises(InputError, match=r"not reciprocal at cell \(C1, C2\)"):
        ahp([[1, 3], [3, 1]])
    with pytest.raises(InputError, match="diagonal"):
        ahp([[2, 1], [1, 1]])
    with pytest.raises(InputError, match="square"):
        ahp([[1, 2, 3]])
    with pytest.raises(InputError, match="positive"):
        ahp([[1, 0], [0, 1]])
    # 1/3 typed as 0.33 passes (3 × 0.33 = 0.99)
    assert ahp([[1, 3], [0.33, 1]]).weights.iloc[0] == pytest.approx(0.75, abs=0.002)


def test_random_index_table():
    # Saaty (1980): RI(3) 0.58, RI(4) 0.90, RI(5) 1.12, RI(9) 1.45
    assert [random_index(n) for n in (3, 4, 5, 9)] == [0.58, 0.90, 1.12, 1.45]
    with pytest.raises(InputError, match="no random index"):
        random_index(12)


def test_fixed_weights_must_sum_to_one():
    assert fixed_weights({"a": 0.4, "b": 0.6}, ["a", "b"], "x").sum() == pytest.approx(1)
    with pytest.raises(InputError) as err:
        fixed_weights({"a": 0.4, "b": 0.5}, ["a", "b"], "dimension weights")
    assert "sum to 0.9" in str(err.value) and "'a': 0.4" in str(err.value)
    with pytest.raises(InputError, match="missing"):
        fixed_weights({"a": 1.0}, ["a", "b"], "x")
