"""Integrated emission inventory (综合排放清单): GHG (scope 1 and 2) and air pollutants.

``compute(activity, gwp=..., engine="duckdb"|"spark", controls=..., factors=...)`` returns the
long table region, year, sector, fuel, species, value [t], unit, scope; see
:mod:`cocontrol.inventory.core`. Expressions are pure Ibis (:mod:`.expressions`), run by
:mod:`.engines`; provenance, uncertainty, energy balance import and IAMC output sit beside.
"""

from cocontrol.inventory.core import co2e, compute

__all__ = ["co2e", "compute"]
