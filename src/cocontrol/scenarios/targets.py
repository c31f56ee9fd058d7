"""The plan's targets per scenario (规划目标): projected value, gap, probability.

Indicators (every one evaluated on arrays ``[..., Y]`` so the same code serves the central
path and every Monte Carlo draw):

* ``peak_year`` — the peak year (scopes of the spec) as :func:`.montecarlo.peak_years` defines
  it (the maximum, followed by a decline beyond the registry's margin); NaN when the path has
  no peak within the horizon (not met); met when ≤ the target year;
* ``peak_value`` — the maximum [t];
* ``co2_per_gdp`` / ``energy_per_gdp`` — change of the intensity in ``year`` against the
  reference year ``against`` [%]: ``(E_t/GDP_t) / (E_ref/GDP_ref) − 1`` (GDP at constant
  prices, the driver ``GDP``);
* ``coal_share`` — coal (solid fuels) in energy use [%] (equivalent calorific value);
* ``non_fossil_share`` — the driver ``non_fossil_share`` [%] (a city inventory cannot derive
  it: imported electricity is not split by source);
* ``emission`` — emission of ``species`` in ``year`` [t];
* ``reduction`` — reduction of ``species`` [t] in ``year`` against a year (``E_ref − E_t``)
  or against another scenario in the same year (``E_other − E_t``; paired draws).

The gap is ``projected − value`` with the sign that shows how far from meeting it
(positive: missed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from cocontrol.errors import InputError
from cocontrol.scenarios.spec import Target

UNITS = {"peak_year": "年", "peak_value": "t", "co2_per_gdp": "%", "energy_per_gdp": "%",
         "coal_share": "%", "non_fossil_share": "%", "emission": "t", "reduction": "t"}


class Series:
    """What an indicator reads, for one scenario (central: shape [Y]; draws: [N, Y])."""

    def __init__(self, years: np.ndarray, total: Callable[[str], np.ndarray],
                 energy: np.ndarray, coal: np.ndarray, drivers: Mapping[str, np.ndarray],
                 co2_scopes: tuple[int, ...]):
        self.years, self.total, self.energy, self.coal = years, total, energy, coal
        self.drivers, self.co2_scopes = drivers, co2_scopes

    def at(self, values: np.ndarray, year: int) -> np.ndarray:
        return values[..., list(self.years).index(year)]


def _driver(s: Series, name: str) -> np.ndarray:
    for k, v in s.drivers.items():
        if k.lower() == name.lower():
            return v
    raise InputError(f"this target needs the driver {name!r}", expected=f"a driver named {name}",
                     found=", ".join(s.drivers))


def evaluate(t: Target, s: Series, reference: Callable[[str, int], float],
             other: Series | None = None) -> np.ndarray:
    """The projected indicator (scalar per path). ``reference(quantity, year)`` gives CO2,
    energy or GDP of a reference year (history or inventory)."""
    co2 = s.total("CO2")
    if t.indicator == "peak_year":  # the one peak rule (montecarlo.peak_years); none → NaN, not met
        from cocontrol.scenarios.montecarlo import peak_years

        py = np.asarray(peak_years(co2, s.years), float)
        return np.where(py > 0, py, np.nan)
    if t.indicator == "peak_value":
        return co2.max(axis=-1)
    if t.indicator in ("co2_per_gdp", "energy_per_gdp"):
        num = co2 if t.indicator == "co2_per_gdp" else s.energy
        qty = "CO2" if t.indicator == "co2_per_gdp" else "energy"
        gdp = _driver(s, "GDP")
        ref = reference(qty, int(t.against)) / reference("GDP", int(t.against))
        return (s.at(num, t.year) / s.at(gdp, t.year) / ref - 1.0) * 100.0
    if t.indicator == "coal_share":
        return s.at(s.coal, t.year) / s.at(s.energy, t.year) * 100.0
    if t.indicator == "non_fossil_share":
        return s.at(_driver(s, "non_fossil_share"), t.year) * np.ones(np.shape(co2)[:-1])
    e = s.total(t.species)
    if t.indicator == "emission":
        return s.at(e, t.year)
    if isinstance(t.against, str):
        if other is None:
            raise InputError("reduction against a scenario that was not run", found=t.against)
        return s.at(other.total(t.species), t.year) - s.at(e, t.year)
    ref_year = int(t.against) if t.against is not None else int(s.years[0])
    return reference(t.species, ref_year) - s.at(e, t.year)


def met(t: Target, projected: np.ndarray) -> np.ndarray:
    """Whether the target is met (elementwise)."""
    if t.indicator == "peak_year":
        return projected <= t.value
    return projected <= t.value if t.relation == "<=" else projected >= t.value
