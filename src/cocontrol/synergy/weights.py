"""Indicator weights: entropy method (熵权法), AHP (层次分析法) with a consistency check, fixed.

Entropy weight method (熵权法; Shannon entropy applied to indicator weighting, e.g. Zeleny 1982
*Multiple Criteria Decision Making*; the form used in Chinese evaluation practice, reference
notes §3.4(f)) on min–max normalised values x'_ij ∈ [0, 1] of m observations::

    p_ij = (x'_ij + ε) / Σ_i (x'_ij + ε)         ε = 1e-4 avoids ln 0
    e_j  = −(1 / ln m) Σ_i p_ij ln p_ij
    d_j  = 1 − e_j,   w_j = d_j / Σ_j d_j

A column with identical values has p_ij = 1/m, e_j = 1 and therefore weight 0.

AHP (Saaty T.L. 1980 *The Analytic Hierarchy Process*, McGraw-Hill): weights are the principal
right eigenvector of the reciprocal judgement matrix A, normalised to sum 1;
``CI = (λmax − n)/(n − 1)``, ``CR = CI / RI(n)`` with Saaty's random index
(``refdata/ahp_random_index.csv``); the matrix is accepted when CR < 0.1. The most inconsistent
judgement is the pair with the largest |ln(a_ij · w_j / w_i)| (Saaty 2003, *EJOR* 145:85-91:
revise the judgement whose a_ij·w_j/w_i is furthest from 1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cocontrol.errors import InputError
from cocontrol.refdata import load
from cocontrol.synergy._frames import check_sum_to_one

EPSILON = 1e-4
CR_LIMIT = 0.1
RECIPROCAL_RTOL = 0.02
"""|a_ij · a_ji − 1| allowed: judgements typed as 0.33 for 1/3 (3 × 0.33 = 0.99) are accepted."""


def minmax(matrix: np.ndarray, positive: np.ndarray, lo: np.ndarray | None = None,
           hi: np.ndarray | None = None) -> np.ndarray:
    """Min–max normalisation (无量纲化): (x − min)/(max − min) for positive (+) indicators,
    (max − x)/(max − min) for negative (−) ones. ``lo`` / ``hi`` default to the column minima
    and maxima (pass per-row arrays to normalise within groups, e.g. years). Where max = min the
    value becomes 1.0 (every observation is equally best); NaN stays NaN."""
    x = np.asarray(matrix, dtype=float)
    lo = np.nanmin(x, axis=0) if lo is None else lo
    hi = np.nanmax(x, axis=0) if hi is None else hi
    span = hi - lo
    safe = np.where(span > 0, span, 1.0)
    scaled = np.where(np.asarray(positive, bool), (x - lo) / safe, (hi - x) / safe)
    return np.where(span > 0, scaled, np.where(np.isnan(x), np.nan, 1.0))


def entropy_weights(normalised: np.ndarray, epsilon: float = EPSILON) -> np.ndarray:
    """Entropy weights w_j of the columns of a normalised matrix (m observations × n indicators).

    Needs m ≥ 2 and no missing value. If every column is constant (all d_j = 0), returns equal
    weights — the information carries no preference.
    """
    x = np.asarray(normalised, dtype=float)
    if x.ndim != 2 or x.shape[0] < 2:
        raise InputError("the entropy method needs at least 2 observations (regions × years)",
                         expected="m ≥ 2 rows", found=str(x.shape))
    if np.isnan(x).any():
        rows, cols = np.nonzero(np.isnan(x))
        raise InputError(f"the entropy method cannot use missing values; missing at (row, column) "
                         f"{list(zip(rows[:10].tolist(), cols[:10].tolist(), strict=True))}",
                         expected="a complete matrix")
    p = (x + epsilon) / (x + epsilon).sum(axis=0)
    e = -(p * np.log(p)).sum(axis=0) / np.log(x.shape[0])
    d = np.where(np.ptp(x, axis=0) == 0, 0.0, np.clip(1.0 - e, 0.0, None))  # exact 0, not 1e-16
    total = d.sum()
    return d / total if total > 0 else np.full(x.shape[1], 1.0 / x.shape[1])


@dataclass(frozen=True)
class AHPResult:
    """Outcome of an AHP judgement matrix (判断矩阵)."""

    weights: pd.Series
    lambda_max: float
    ci: float
    ri: float
    cr: float
    worst_pair: tuple[str, str] | None

    @property
    def consistent(self) -> bool:
        return self.cr < CR_LIMIT


def random_index(n: int) -> float:
    """Saaty's random index RI(n) from ``refdata/ahp_random_index.csv`` (n = 1 … 10)."""
    table = load("ahp_random_index")
    row = table[table["n"] == n]
    if row.empty:
        raise InputError(
            f"no random index for a {n}×{n} AHP matrix (shipped: n = "
            f"{int(table['n'].min())}…{int(table['n'].max())}); split the criteria into groups",
            expected="at most 10 criteria per judgement matrix", found=str(n))
    return float(row["random_index"].iloc[0])


def ahp(matrix: Sequence[Sequence[float]] | np.ndarray, labels: Sequence[str] | None = None,
        *, check: bool = True) -> AHPResult:
    """AHP weights of a pairwise judgement matrix with Saaty's consistency check.

    ``matrix[i][j]`` is how much more important criterion i is than j (1–9 scale); it must be
    square, positive, with 1 on the diagonal and a_ji = 1/a_ij. With ``check`` a CR ≥ 0.1
    raises :class:`InputError` reporting CR, CI, RI and the most inconsistent pair.
    """
    a = np.asarray(matrix, dtype=float)
    n = a.shape[0] if a.ndim == 2 else 0
    if a.ndim != 2 or a.shape[0] != a.shape[1] or n == 0:
        raise InputError("an AHP judgement matrix must be square", expected="n × n",
                         found=str(a.shape))
    names = list(labels) if labels is not None else [f"C{i + 1}" for i in range(n)]
    if len(names) != n:
        raise InputError(f"{len(names)} labels for a {n}×{n} AHP matrix", expected=f"{n} labels")
    if not np.isfinite(a).all() or (a <= 0).any():
        i, j = np.argwhere(~np.isfinite(a) | (a <= 0))[0]
        raise InputError(f"AHP matrix cell ({names[i]}, {names[j]}) must be a positive number",
                         row=int(i) + 1, column=names[j], expected="a_ij > 0", found=str(a[i, j]))
    diag = np.flatnonzero(np.abs(np.diag(a) - 1) > 1e-9)
    if diag.size:
        i = int(diag[0])
        raise InputError(f"AHP matrix diagonal cell ({names[i]}, {names[i]}) must be 1",
                         row=i + 1, column=names[i], expected="1", found=str(a[i, i]))
    off = np.argwhere(np.triu(np.abs(a * a.T - 1) > RECIPROCAL_RTOL, k=1))
    if off.size:
        i, j = (int(v) for v in off[0])
        raise InputError(
            f"AHP matrix is not reciprocal at cell ({names[i]}, {names[j]}) = {a[i, j]:g} and "
            f"({names[j]}, {names[i]}) = {a[j, i]:g}; their product is {a[i, j] * a[j, i]:.4g}",
            row=i + 1, column=names[j], expected=f"a_ji = 1/a_ij = {1 / a[i, j]:.4g}",
            found=str(a[j, i]))
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lam = float(values[k].real)
    w = np.abs(vectors[:, k].real)
    w = w / w.sum()
    ci = (lam - n) / (n - 1) if n > 2 else 0.0
    ri = random_index(n)
    cr = ci / ri if ri > 0 else 0.0
    dev = np.abs(np.log(a * w[None, :] / w[:, None]))
    i, j = np.unravel_index(int(np.argmax(np.triu(dev, k=1))), dev.shape)
    worst = (names[i], names[j]) if n > 2 else None
    result = AHPResult(pd.Series(w, index=names, name="weight"), lam, ci, ri, cr, worst)
    if check and not result.consistent:
        raise InputError(
            f"AHP matrix fails the consistency check: CR = {cr:.4f} ≥ {CR_LIMIT} "
            f"(CI = {ci:.4f}, RI({n}) = {ri:.2f}, λmax = {lam:.4f}); the most inconsistent "
            f"judgement is ({worst[0]}, {worst[1]}) = {a[i, j]:g}, while the weights imply "
            f"{w[i] / w[j]:.3g}",
            row=int(i) + 1, column=worst[1], expected=f"CR < {CR_LIMIT}", found=f"{cr:.4f}")
    return result


def fixed_weights(weights: Mapping[str, float], names: Sequence[str], what: str) -> pd.Series:
    """Weights given by the user: every name present, none unknown, ≥ 0, summing to 1 (1e-6)."""
    missing = [n for n in names if n not in weights]
    extra = [k for k in weights if k not in set(names)]
    if missing or extra:
        raise InputError(f"{what}: fixed weights do not match the items; missing {missing}, "
                         f"unknown {extra}", expected=f"one weight for each of {list(names)}")
    check_sum_to_one({k: float(weights[k]) for k in names}, what)
    return pd.Series({k: float(weights[k]) for k in names}, name="weight")
