"""Measures (措施) in the GAINS form: what a measure changes, from when, at what cost.

Kinds (IIASA GAINS documentation, "scenario components" and "technology"; scenarios.md §3.2):

* ``activity`` — activity of the matched sector × fuel falls by ``share`` (or by ``amount`` in
  ``unit``; tce/GJ for several fuels) — closing a unit, capacity phase-out, energy saving;
* ``fuel_switch`` — that share moves to ``to_fuel`` in the same sector, ``ratio`` canonical
  units of the new fuel per unit of the old one (default: the same energy, GJ for GJ); an EV
  measure moves gasoline to electricity, which then takes the grid factor of the same
  scenario year through the inventory's scope-2 expression;
* ``emission_factor`` — the factor of ``species`` falls by ``share`` (a cleaner process);
* ``control`` — penetration of a control technology (``refdata/control_technologies.csv``)
  rises to ``penetration``; the other technologies of that sector × fuel give up share in
  proportion so the shares never exceed 1. Controls remove pollutants only, never CO2.

Timing: no effect before ``start``, a linear ramp to full effect in ``full``
(``φ_t = (t − start + 1)/(full − start + 1)``), full effect after.

Cost: investment annualised with the capital recovery factor
``CRF = r(1+r)^n / ((1+r)^n − 1)`` (GAINS cost module; PyPSA-Eur costs: annuity), plus O&M,
minus fuel savings, in 万元 per year at full effect; ``annual`` overrides the computation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

KINDS = ("activity", "fuel_switch", "emission_factor", "control")
DEFAULT_DISCOUNT_RATE = 0.08  # illustrative social discount rate; give discount_rate per measure


@dataclass(frozen=True)
class Cost:
    """Cost components in 万元 (investment) and 万元 per year (om, fuel_savings, annual)."""

    investment: float = 0.0
    life: float = 20.0
    discount_rate: float = DEFAULT_DISCOUNT_RATE
    om: float = 0.0
    fuel_savings: float = 0.0
    annual: float | None = None

    def annualised(self) -> float:
        """Annual cost 万元/年 = I × CRF(r, n) + O&M − fuel savings."""
        if self.annual is not None:
            return float(self.annual)
        return self.investment * crf(self.discount_rate, self.life) + self.om - self.fuel_savings


def crf(rate: float, life: float) -> float:
    """Capital recovery factor r(1+r)^n / ((1+r)^n − 1); 1/n when r = 0."""
    if life <= 0:
        return 1.0
    if rate == 0:
        return 1.0 / life
    g = (1.0 + rate) ** life
    return rate * g / (g - 1.0)


@dataclass(frozen=True)
class Measure:
    """One measure of the library; ``sectors``/``fuels`` hold CEADs codes, groups or ``*``."""

    name: str
    kind: str
    sectors: tuple[str, ...]
    fuels: tuple[str, ...]
    share: float | None = None
    amount: float | None = None
    unit: str | None = None
    to_fuel: str | None = None
    ratio: float | None = None
    species: tuple[str, ...] = ()
    technology: str | None = None
    penetration: float | None = None
    start: int = 0
    full: int = 0
    cost: Cost = Cost()
    uptake: tuple[float, ...] = (1.0, 1.0)
    quote: str = ""
    responsible: str = ""
    source: str = ""
    label: str = "illustrative"
    line: int | None = None

    def ramp(self, years: np.ndarray) -> np.ndarray:
        """Share of the full effect reached in each year (0 before start, 1 from full on)."""
        years = np.asarray(years, dtype=float)
        span = self.full - self.start + 1
        return np.clip((years - self.start + 1) / span, 0.0, 1.0)
