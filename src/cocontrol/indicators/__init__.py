"""Derived indicators (派生指标): CO2 and energy per GDP, shares, pollutant reductions, net emissions.

:func:`derive` returns a long table ``region, year, indicator, label, value, unit, formula,
inputs``; statistics names are documented in :mod:`cocontrol.indicators.statistics`.
"""

from cocontrol.indicators.derive import derive
from cocontrol.indicators.statistics import STAT_UNITS, wide_statistics

__all__ = ["STAT_UNITS", "derive", "wide_statistics"]
