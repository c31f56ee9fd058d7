"""Morris elementary effects (敏感性筛选), vectorised, with groups of inputs.

Method: Morris (1991) one-at-a-time trajectories on a ``p``-level grid of the unit hypercube,
with the revised measure ``μ*`` (mean absolute elementary effect) of Campolongo, Cariboni &
Saltelli (2007) and their groups of factors (a group's columns move together, e.g. one
driver's yearly innovations). Each of ``r`` trajectories starts at a random grid point and
moves every group once, in random order, by ``Δ = p / (2 (p − 1))`` grid steps — here on the
cell-centred levels ``(l + ½)/p`` (so inverse CDFs stay finite) a jump of ``p/2`` levels,
``Δ = ½``. Elementary effect of group ``g`` on trajectory ``t``:
``EE = (y(x + Δ eg) − y(x)) / Δ`` (always from the lower to the upper point). Outputs per
group: ``μ`` (mean EE), ``μ*`` (mean |EE|) and ``σ`` (standard deviation of EE, ddof 1):
``μ*`` ranks importance, ``σ`` flags interaction or non-linearity. Cost: ``r (G + 1)``
model runs, all in one call of the vectorised model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Design:
    """``r`` trajectories of ``G + 1`` points: ``u`` [r (G+1), D]; ``rank`` [r, G] the
    step at which each group moves; ``sign`` [r, G] +1 up / −1 down; ``delta``."""

    u: np.ndarray
    rank: np.ndarray
    sign: np.ndarray
    delta: float
    groups: tuple[np.ndarray, ...]


def design(groups: Sequence[Sequence[int]], dims: int, r: int = 20, levels: int = 4,
           seed: int = 0) -> Design:
    """Morris trajectories for ``groups`` (column indices) of a ``dims``-column sample."""
    if levels < 2 or levels % 2:
        raise ValueError("levels must be an even number ≥ 2")
    rng = np.random.default_rng(seed)
    g = len(groups)
    half = levels // 2
    delta = half / levels
    start = (rng.integers(0, half, size=(r, g)) + 0.5) / levels  # lower point of each jump
    sign = rng.choice(np.array([-1, 1]), size=(r, g))
    rank = np.argsort(rng.random((r, g)), axis=1).argsort(axis=1)  # step of each group
    step = np.arange(g + 1)[None, :, None]  # [1, G+1, 1]
    moved = rank[:, None, :] < step  # [r, G+1, G]: group moved by step s
    # going up starts at the lower point, going down at the upper one
    first = start + np.where(sign < 0, delta, 0.0)
    value = first[:, None, :] + moved * sign[:, None, :] * delta  # [r, G+1, G]
    u = np.full((r, g + 1, dims), 0.5)
    for k, cols in enumerate(groups):
        u[:, :, np.asarray(cols, dtype=int)] = value[:, :, k:k + 1]
    return Design(u.reshape(r * (g + 1), dims), rank, sign, delta,
                  tuple(np.asarray(c, dtype=int) for c in groups))


def effects(d: Design, y: np.ndarray, names: Sequence[str]) -> pd.DataFrame:
    """μ, μ*, σ per group from the model outputs ``y`` [r (G+1)] of :func:`design`'s points.
    Sorted by μ*, largest first."""
    r, g = d.rank.shape
    y = np.asarray(y, dtype=float).reshape(r, g + 1)
    t = np.arange(r)[:, None]
    after = y[t, d.rank + 1]
    before = y[t, d.rank]
    ee = (after - before) * d.sign / d.delta  # [r, G]: upper minus lower point
    sigma = ee.std(axis=0, ddof=1) if r > 1 else np.zeros(g)
    out = pd.DataFrame({"input": list(names), "mu": ee.mean(axis=0),
                        "mu_star": np.abs(ee).mean(axis=0), "sigma": sigma})
    return out.sort_values("mu_star", ascending=False, ignore_index=True)


def screen(model: Callable[[np.ndarray], np.ndarray], groups: Sequence[Sequence[int]],
           names: Sequence[str], dims: int, r: int = 20, levels: int = 4,
           seed: int = 0) -> pd.DataFrame:
    """:func:`design`, one vectorised ``model`` call on all points, :func:`effects`."""
    d = design(groups, dims, r, levels, seed)
    return effects(d, model(d.u), names)
