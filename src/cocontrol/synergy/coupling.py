"""Coupling coordination degree (耦合协调度) of the pollution- and carbon-reduction subsystems.

Method (capacity-coupling model as used in Chinese regional studies; 10-class scale after
廖重斌 1999 《热带地理》19(2):171-177, reference notes §3.4(e))::

    C = 2·√(U₁·U₂) / (U₁ + U₂)        coupling degree (耦合度), 0 … 1
    T = α·U₁ + β·U₂,  α + β = 1        comprehensive coordination index (default α = β = 0.5)
    D = √(C·T)                        coupling coordination degree (耦合协调度)

U₁ is the 减污 (pollution-reduction) subsystem index and U₂ the 降碳 (carbon-reduction) one,
both in [0, 1] (:mod:`cocontrol.synergy.index`). We use the original C, not the "revised" C of
Wang S. et al. 2021. U₁ = U₂ = 0 gives C = 0 (no coupling), D = 0.

Classes by D, each band [lower, upper) with 1.0 in the last band: 0–0.1 极度失调, 0.1–0.2
严重失调, 0.2–0.3 中度失调, 0.3–0.4 轻度失调, 0.4–0.5 濒临失调, 0.5–0.6 勉强协调, 0.6–0.7
初级协调, 0.7–0.8 中级协调, 0.8–0.9 良好协调, 0.9–1.0 优质协调.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cocontrol.errors import InputError
from cocontrol.synergy._frames import require_columns

CLASSES_ZH = ("极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调",
              "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调")


def coupling_degree(u1: np.ndarray, u2: np.ndarray, alpha: float = 0.5,
                    beta: float = 0.5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(C, T, D) of two subsystem indices in [0, 1]."""
    if abs(alpha + beta - 1) > 1e-6 or alpha < 0 or beta < 0:
        raise InputError(f"coupling weights α = {alpha}, β = {beta} must be ≥ 0 and sum to 1 "
                         f"(they sum to {alpha + beta:g})", expected="α + β = 1")
    a, b = np.asarray(u1, float), np.asarray(u2, float)
    outside = (a < 0) | (a > 1) | (b < 0) | (b > 1)
    if outside.any():
        raise InputError(f"subsystem indices must lie in [0, 1]; {int(outside.sum())} do not "
                         f"(e.g. U1 = {a[outside][0]:g}, U2 = {b[outside][0]:g})",
                         expected="0 ≤ U ≤ 1")
    s = a + b
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(s > 0, 2.0 * np.sqrt(a) * np.sqrt(b) / np.where(s > 0, s, 1.0), 0.0)
    t = alpha * a + beta * b
    return c, t, np.sqrt(c * t)


def coordination_class(d: np.ndarray) -> np.ndarray:
    """The 10-class name (极度失调 … 优质协调) of each D."""
    idx = np.clip(np.floor(np.asarray(d, float) * 10 + 1e-12).astype(int), 0, 9)
    return np.asarray(CLASSES_ZH, dtype=object)[idx]


def coupling_coordination(scores: pd.DataFrame, alpha: float = 0.5, beta: float = 0.5,
                          u1: str = "u_pollution", u2: str = "u_carbon") -> pd.DataFrame:
    """Add C, T, D and class_zh to a table with subsystem columns ``u1`` and ``u2``."""
    require_columns(scores, (u1, u2), "subsystem scores")
    out = scores.copy()
    c, t, d = coupling_degree(out[u1].to_numpy(), out[u2].to_numpy(), alpha, beta)
    out["C"], out["T"], out["D"] = c, t, d
    out["class_zh"] = coordination_class(d)
    return out
