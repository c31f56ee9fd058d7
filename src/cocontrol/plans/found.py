"""A target as read from one sentence, before it becomes a :class:`~cocontrol.plans.model.Target`."""

from __future__ import annotations

from dataclasses import dataclass

from cocontrol.plans.quantities import Quantity


@dataclass
class Found:
    """A target read from a sentence (clean-text offsets; the caller maps them back)."""

    indicator: str
    year: int | None
    quantity: Quantity
    relation: str
    base_year: int | None
    approx: bool
    strive: bool
    annual_rate: bool
    cumulative: bool = False
    baseline_value: float | None = None
    baseline_year: int | None = None
    paired_year: bool = False  # the year was paired with this value (2020-2022年…分别达65%、70%、80%)
