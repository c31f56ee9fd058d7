"""Integrated emission inventory (综合排放清单): GHG (scope 1 and 2) and air pollutants.

* ``compute(activity, gwp=..., engine="duckdb"|"spark", controls=..., factors=...,
  provenance=False)`` → long table region, year, sector, fuel, species, value [t], unit,
  scope, plus ``species == "CO2e"`` rows (:mod:`.core`); a ``UserWarning`` and
  ``attrs["missing_factors"]`` name activity without a factor for a requested species;
* ``coverage(activity)`` → (sector, fuel, technology) × species: found / missing / scope 2;
* ``scan.compute_parquet(path)`` for canonical Parquet beyond memory (checks in the engine);
* pure Ibis expressions (:mod:`.expressions`), runners (:mod:`.engines`), factor tables
  (:mod:`.factors`), ``provenance.explain``, ``uncertainty.error_propagation/monte_carlo``,
  ``energy_balance.read_energy_balance``, ``io.to_iamc/pivot/by_ipcc/write``.
"""

__all__ = ["co2e", "compute", "coverage"]


def __getattr__(name: str) -> object:
    """``compute``, ``coverage`` and ``co2e`` load :mod:`.core` (Ibis, pandas) when first
    used, so the command line's large-file path (:mod:`.bigfile`) starts without them."""
    if name in __all__:
        from cocontrol.inventory import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
