"""``compute``: activity × factor × control → the integrated inventory (综合排放清单).

Output: the long table ``region, year, sector, fuel, species, value, unit, scope`` with values
in tonnes (``unit = "t"``), scope 1 (direct: combustion, process) and scope 2 (purchased
electricity and heat) apart, and — unless ``co2e=False`` — extra rows ``species = "CO2e"``
per (region, year, sector, fuel, scope) summing CO2, CH4 and N2O weighted by the chosen GWP-100
set (see :func:`co2e`). Filter ``species == "CO2"`` for CO2 alone.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from cocontrol import refdata
from cocontrol.data.activity import check_activity, read_activity, unit_multiplier
from cocontrol.errors import Problem, ValidationFailed
from cocontrol.inventory import expressions as ex
from cocontrol.inventory import factors as fx
from cocontrol.inventory import gaps
from cocontrol.inventory.engines import execute, to_arrow

OUTPUT = ["region", "year", "sector", "fuel", "species", "value", "unit", "scope"]


def co2e(df: pd.DataFrame, gwp: str = "AR5") -> pd.DataFrame:
    """CO2-equivalent rows: ``CO2e = Σ_g E_g × GWP_g`` for g ∈ {CO2, CH4, N2O} (t CO2e).

    GWP-100 from ``refdata/gwp.csv``: AR4 CH4 25 / N2O 298, AR5 28 / 265, AR6 27.9 / 273.
    """
    weights = fx.gwp_table(gwp)
    ghg = df.merge(weights, on="species")
    ghg = ghg.assign(value=ghg["value"] * ghg["gwp"])
    keys = ["region", "year", "sector", "fuel", "scope"]
    out = ghg.groupby(keys, as_index=False, sort=False)["value"].sum()
    return out.assign(species="CO2e", unit="t")[OUTPUT]


def prepare_activity(activity: pd.DataFrame) -> pd.DataFrame:
    """Activity with ``row_id`` (its row number) and ``technology`` ``""`` where empty."""
    act = activity.reset_index(names="row_id")
    tech = act["technology"] if "technology" in act.columns else pd.Series("", act.index)
    act["technology"] = tech.astype(object).where(tech.notna(), "")
    return act


def prepare(activity: pd.DataFrame, controls: pd.DataFrame | None,
            factors: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    """The engine's input tables (pandas) for a canonical activity frame."""
    act = prepare_activity(activity)
    pairs = act[["fuel", "unit"]].drop_duplicates()
    units = pairs.assign(mult=[unit_multiplier(f, u) for f, u in pairs.itertuples(index=False)])
    facs = fx.default_factors() if factors is None else fx.expand_sectors(factors)
    grid = fx.grid_factors(act)
    ctl = (fx.control_multipliers(controls) if controls is not None and len(controls)
           else pd.DataFrame(columns=list(ex.CONTROLS_SCHEMA.names)))
    return {"activity": act, "units": units, "factors": facs, "grid": grid, "controls": ctl}


def _arrow(tables: dict[str, pd.DataFrame]) -> dict:
    schemas = {"activity": ex.ACTIVITY_SCHEMA, "units": ex.UNITS_SCHEMA,
               "factors": ex.FACTORS_SCHEMA, "grid": ex.GRID_SCHEMA,
               "controls": ex.CONTROLS_SCHEMA}
    return {k: to_arrow(v, schemas[k]) for k, v in tables.items()}


def _has_technology(source: object) -> bool:
    if isinstance(source, str | Path):
        import pyarrow.parquet as pq

        return "technology" in pq.read_schema(source).names
    return "technology" in getattr(source, "column_names", getattr(source, "columns", []))


def run_inventory(sources: dict, *, engine: str = "duckdb",
                  spark_master: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Staged run: (1) activity summed per key on the engine, (2) factors and controls on
    that small table. Returns (inventory, keys without any factor). ``sources``: Arrow tables
    or Parquet paths named activity, units, factors, grid, controls."""
    t = ex.tables()
    for name in ("activity", "factors"):
        if not _has_technology(sources[name]):
            t[name] = ex.default_technology(name)
    stage1 = execute({"agg": ex.aggregate_activity(t["activity"], t["units"])},
                     {k: sources[k] for k in ("activity", "units")}, engine=engine,
                     spark_master=spark_master)["agg"]
    agg = ex.agg_table()
    stage2 = {k: v for k, v in sources.items() if k in ("factors", "grid", "controls")}
    stage2["agg"] = to_arrow(stage1, ex.AGG_SCHEMA)
    out = execute({"inv": ex.apply_factors(agg, t["factors"], t["grid"], t["controls"]),
                   "missing": ex.unmatched_keys(agg, t["factors"], t["grid"])},
                  stage2, engine=engine, spark_master=spark_master)
    return out["inv"], out["missing"]


def _no_factor(keys: pd.DataFrame, activity: pd.DataFrame) -> ValidationFailed:
    file, sheet = activity.attrs.get("file"), activity.attrs.get("sheet")
    rows = prepare_activity(activity).merge(keys, on=ex.AGG_KEYS)
    return ValidationFailed(
        [Problem("no emission factor for this sector and fuel", file=file, sheet=sheet,
                 row=int(r.row_id), column="fuel",
                 expected="a fuel/product with a factor for this sector (or a grid factor)",
                 found=f"{r.sector} × {r.fuel} ({r.region} {r.year})")
         for r in rows.sort_values("row_id").itertuples(index=False)],
        summary="activity without factor")


def _read(activity: pd.DataFrame | str | Path) -> pd.DataFrame:
    if isinstance(activity, str | Path):
        return read_activity(activity)
    return check_activity(activity)


def coverage(activity: pd.DataFrame | str | Path, *, species: Sequence[str] | None = None,
             factors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which (sector, fuel or process, technology) × species of ``activity`` has a factor.

    Returns sector, fuel, technology, species, status (``found`` / ``missing`` /
    ``scope 2``), factor_id, rows; see :mod:`cocontrol.inventory.gaps` for the default species.
    """
    act = prepare_activity(_read(activity))
    facs = fx.default_factors() if factors is None else fx.expand_sectors(factors)
    return gaps.factor_coverage(act, facs, species)


def compute(activity: pd.DataFrame | str | Path, *, gwp: str = "AR5", engine: str = "duckdb",
            controls: pd.DataFrame | None = None, factors: pd.DataFrame | None = None,
            spark_master: str | None = None, provenance: bool = False,
            co2e_rows: bool = True) -> pd.DataFrame:
    """Compute the inventory; see the module docstring for the output.

    ``activity``: a canonical or raw activity DataFrame (extra columns such as label/source
    are ignored) or a path (CSV/GBK CSV, Parquet, Excel) read by
    :func:`cocontrol.data.activity.read_activity`. ``controls``: region, year, sector, fuel,
    technology, penetration. ``factors``: a replacement scope-1 factor table with columns
    sector (or ``*``), fuel, species, ef [t per canonical unit], scope, factor_id, source.
    ``provenance=True`` attaches the per-row detail in ``result.attrs["provenance"].frame`` for
    :func:`cocontrol.inventory.provenance.explain`.

    Raises :class:`ValidationFailed` (every offending row) before any computation. Activity
    without a factor for a requested species (:func:`coverage`) is never a silent zero: a
    ``UserWarning`` names it and ``result.attrs["missing_factors"]`` lists (sector, fuel,
    technology, species).
    """
    act = _read(activity)
    fx.gwp_table(gwp)
    tables = prepare(act, controls, factors)
    sources = _arrow(tables)
    if provenance:
        t = ex.tables()
        detail = execute({"detail": ex.emission_rows(**t)}, sources, engine=engine,
                         spark_master=spark_master)["detail"]
    result, missing = run_inventory(sources, engine=engine, spark_master=spark_master)
    if len(missing):
        raise _no_factor(missing, act)
    cover = gaps.factor_coverage(tables["activity"], tables["factors"])
    if (cover["status"] == "missing").any():
        warnings.warn(gaps.missing_note(cover), UserWarning, stacklevel=2)
    # engine output order is arbitrary (hash aggregation): sort first so the CO2e sums
    # always add CO2, CH4, N2O in the same order (bit-identical results run to run)
    result = result.assign(unit="t")[OUTPUT].sort_values(ex.OUTPUT_KEYS, ignore_index=True)
    if co2e_rows:
        result = pd.concat([result, co2e(result, gwp)], ignore_index=True)
    result = result.astype({"year": "int64", "scope": "int64", "value": "float64"})
    result = result.sort_values(["region", "year", "scope", "sector", "fuel", "species"],
                                ignore_index=True)
    result.attrs["missing_factors"] = [
        (r.sector, r.fuel, r.technology, r.species)
        for r in cover[cover["status"] == "missing"].itertuples(index=False)]
    if provenance:
        result.attrs["provenance"] = Provenance(_annotate(detail, tables))
        result.attrs["gwp"] = gwp
    return result


class Provenance:
    """Holder of the per-row detail; compared by identity so pandas can propagate ``attrs``."""

    __slots__ = ("frame",)

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def __deepcopy__(self, memo: dict) -> Provenance:
        return self


def _annotate(detail: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    sources = pd.concat([tables["factors"][["factor_id", "source"]],
                         tables["grid"][["factor_id", "source"]]]).drop_duplicates("factor_id")
    act = tables["activity"][["row_id", "value", "unit"]].rename(
        columns={"value": "activity_value", "unit": "activity_unit"})
    out = detail.merge(sources, on="factor_id", how="left").merge(act, on="row_id", how="left")
    tech = refdata.load("control_technologies").drop_duplicates("technology")
    cite = dict(zip(tech["technology"],
                    tech["source"] + " (" + tech["edition"] + "; " + tech["status"] + ")",
                    strict=True))
    out["control_source"] = [
        None if not isinstance(c, str) else "; ".join(f"{t}: {cite.get(t, '?')}"
                                                       for t in c.split("+"))
        for c in out["control"]]
    return out
