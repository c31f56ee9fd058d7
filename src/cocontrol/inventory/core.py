"""``compute``: activity × factor × control → the integrated inventory (综合排放清单).

Output: the long table ``region, year, sector, fuel, species, value, unit, scope`` with values
in tonnes (``unit = "t"``), scope 1 (direct: combustion, process) and scope 2 (purchased
electricity and heat) apart, and — unless ``co2e=False`` — extra rows ``species = "CO2e"``
per (region, year, sector, fuel, scope) summing CO2, CH4 and N2O weighted by the chosen GWP-100
set (see :func:`co2e`). Filter ``species == "CO2"`` for CO2 alone.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa

from cocontrol import refdata
from cocontrol.data.activity import check_activity, read_activity, unit_multiplier
from cocontrol.errors import Problem, ValidationFailed
from cocontrol.inventory import expressions as ex
from cocontrol.inventory import factors as fx
from cocontrol.inventory import gaps
from cocontrol.inventory.engines import precompile, session, to_arrow

OUTPUT = ["region", "year", "sector", "fuel", "species", "value", "unit", "scope"]


def co2e(df: pd.DataFrame, gwp: str = "AR5") -> pd.DataFrame:
    """CO2-equivalent rows: ``CO2e = Σ_g E_g × GWP_g`` for g ∈ {CO2, CH4, N2O} (t CO2e).

    GWP-100 from ``refdata/gwp.csv``: AR4 CH4 25 / N2O 298, AR5 28 / 265, AR6 27.9 / 273.
    """
    weights = _gwp(gwp)
    ghg = df.merge(weights, on="species")
    ghg = ghg.assign(value=ghg["value"] * ghg["gwp"])
    keys = ["region", "year", "sector", "fuel", "scope"]
    out = ghg.groupby(keys, as_index=False, sort=False)["value"].sum()
    return out.assign(species="CO2e", unit="t")[OUTPUT]


@lru_cache(maxsize=8)
def _gwp(gwp: str) -> pd.DataFrame:
    """:func:`cocontrol.inventory.factors.gwp_table`, read once per set (shipped data)."""
    return fx.gwp_table(gwp)


class _Content:
    """A small frame keyed by its exact content (columns, dtypes, index, every value, the
    file/sheet it came from), so results derived from it alone can be cached; an unhashable
    value makes the key unique (no caching)."""

    __slots__ = ("frame", "key")

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        key = (tuple(frame.columns), tuple(map(str, frame.dtypes)), tuple(frame.index),
               str(frame.attrs.get("file")), str(frame.attrs.get("sheet")),
               tuple(frame.itertuples(index=False, name=None)))
        try:
            hash(key)
        except TypeError:
            key = (id(self),)
        self.key = key

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Content) and self.key == other.key


@lru_cache(maxsize=16)
def _controls(controls: _Content, factor_set: str) -> pd.DataFrame:
    facs, eff, _, _ = fx.resolve(factor_set)
    return fx.control_multipliers(controls.frame, efficiency=eff, factors=facs)


@lru_cache(maxsize=64)
def _grid(pairs: tuple[tuple[str, int], ...]) -> pd.DataFrame:
    return fx.grid_factors(pd.DataFrame(list(pairs), columns=["region", "year"]))


def prepare_activity(activity: pd.DataFrame) -> pd.DataFrame:
    """Activity with ``row_id`` (its row number) and ``technology`` ``""`` where empty."""
    act = activity.reset_index(names="row_id")
    tech = act["technology"] if "technology" in act.columns else pd.Series("", act.index)
    act["technology"] = tech.astype(object).where(tech.notna(), "")
    return act


def prepare(activity: pd.DataFrame, controls: pd.DataFrame | None,
            factors: object) -> dict[str, pd.DataFrame]:
    """The engine's input tables (pandas) for a canonical activity frame; ``factors`` as in
    :func:`cocontrol.inventory.factors.resolve` (its label in ``tables["factors"].attrs``)."""
    act = prepare_activity(activity)
    pairs = act[["fuel", "unit"]].drop_duplicates()
    units = pairs.assign(mult=[unit_multiplier(f, u) for f, u in pairs.itertuples(index=False)])
    facs, eff, label, key = fx.resolve(factors)
    tech = (refdata.load("control_technologies") if eff is None else eff).drop_duplicates(
        "technology")
    facs.attrs.update(factor_set=label, control_cite=dict(zip(
        tech["technology"], tech["source"] + " (" + tech["edition"] + "; " + tech["status"] + ")",
        strict=True)))
    # reference tables depend only on the shipped data and these keys: computed once each
    pairs = act[["region", "year"]].drop_duplicates()
    grid = _grid(tuple(zip(pairs["region"], map(int, pairs["year"]), strict=True))).copy()
    if controls is None or not len(controls):
        ctl = pd.DataFrame(columns=list(ex.CONTROLS_SCHEMA.names))
    elif key is not None:
        ctl = _controls(_Content(controls), key).copy()
    else:
        ctl = fx.control_multipliers(controls, efficiency=eff, factors=facs)
    return {"activity": act, "units": units, "factors": facs, "grid": grid, "controls": ctl}


def _arrow(tables: dict[str, pd.DataFrame]) -> dict:
    schemas = {"activity": ex.ACTIVITY_SCHEMA, "units": ex.UNITS_SCHEMA,
               "factors": ex.FACTORS_SCHEMA, "grid": ex.GRID_SCHEMA,
               "controls": ex.CONTROLS_SCHEMA}
    return {k: to_arrow(v, schemas[k]) for k, v in tables.items()}


def _input_table(name: str, columns: frozenset[str]) -> ir.Table:
    """Unbound input ``name`` for a source with ``columns``: a string column of the schema
    that the source lacks (``technology`` of older activity/factor files, a newer optional
    control column) is ``""`` — the default — on every row; keys (region, sector, fuel,
    species, unit) and numbers are never made up."""
    schema = ex.tables()[name].schema()
    absent = [c for c in schema.names if c not in columns]
    if not absent:
        return ibis.table(schema, name=name)
    keys = {*ex.OUTPUT_KEYS, "unit"}
    if any(c in keys or not schema[c].is_string() for c in absent):
        return ibis.table(schema, name=name)  # a required column: the engine names it
    table = ibis.table({k: v for k, v in schema.items() if k in columns}, name=name)
    return table.mutate(**{c: ibis.literal("", type="string") for c in absent}).select(
        *schema.names)


@lru_cache(maxsize=16)
def _inputs(shapes: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, ir.Table]:
    known = ex.tables()
    return {name: _input_table(name, cols) for name, cols in shapes if name in known}


@lru_cache(maxsize=16)
def _stage1(shapes: tuple[tuple[str, frozenset[str]], ...], engine: str) -> ir.Table:
    t = _inputs(shapes)
    return precompile(ex.aggregate_activity(t["activity"], t["units"]), engine)


@lru_cache(maxsize=32)
def _stage2(shapes: tuple[tuple[str, frozenset[str]], ...], engine: str,
            detail: bool, by_technology: bool | None = None,
            finish: bool | None = None) -> dict[str, ir.Table]:
    """``inv`` and ``missing`` over the stage-1 table ``agg`` (and ``detail`` over the
    inputs, for provenance), built and compiled once per input shape and engine.
    ``by_technology``: keep the technologies apart (None: when the activity has the column)."""
    t = _inputs(shapes)
    agg = ex.agg_table()
    with_technology = (("technology" in dict(shapes)["activity"]) if by_technology is None
                       else by_technology)
    inv = ex.apply_factors(agg, t["factors"], t["grid"], t["controls"],
                           by_technology=with_technology)
    out = {"missing": ex.unmatched_keys(agg, t["factors"], t["grid"])}
    if finish is None:
        out["inv"] = inv
    else:  # the output table (CO2e rows when ``finish``, ordered) instead of ``inv``
        out["out"] = ex.finish(inv, ibis.table(ex.GWP_SCHEMA, name="gwp"), finish)
    if detail:
        out["detail"] = ex.emission_rows(**t)
    return {k: precompile(v, engine) for k, v in out.items()}


def _run(sources: dict, engine: str, spark_master: str | None,
         detail: bool = False, by_technology: bool | None = None,
         finish: bool | None = None) -> dict[str, pd.DataFrame]:
    """Both stages (and the provenance detail) in one engine session: stage 1 kept in the
    engine as the table ``agg`` (DuckDB temp table / cached Spark view), never in Python.
    The stage-2 queries are built and compiled in a second thread while the engine (which
    releases the GIL) sums the activity."""
    with session(sources, engine=engine, spark_master=spark_master) as ses, \
            ThreadPoolExecutor(1) as pool:
        shapes = tuple(sorted((k, frozenset(ses.columns(k))) for k in sources))
        first = _stage1(shapes, engine)
        later = pool.submit(_stage2, shapes, engine, detail, by_technology, finish)
        ses.materialize("agg", first)
        exprs = later.result()
        out = ses.run({k: v for k, v in exprs.items() if k != "out"})
        if "out" in exprs:  # Arrow, for in_output_order
            out.update(ses.run({"out": exprs["out"]}, arrow=True))
        return out


def collapse_technologies(by_tech: pd.DataFrame) -> pd.DataFrame:
    """Stage-2 rows summed over the activity technologies in a fixed order (keys, then
    technology), so equal inputs give bit-identical results; a group of NULLs stays NULL.
    Rows without a technology column (summed in the engine: one row per key) are passed on."""
    if "technology" not in by_tech.columns:
        return by_tech
    rows = by_tech.sort_values([*ex.OUTPUT_KEYS, "technology"], kind="stable")
    return rows.groupby(ex.OUTPUT_KEYS, as_index=False, sort=False, dropna=False)["value"].sum(
        min_count=1)


def run_inventory(sources: dict, *, engine: str = "duckdb",
                  spark_master: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Staged run in one engine session: (1) activity summed per key, kept in the engine,
    (2) factors and controls on that small table. Returns (inventory, keys without any
    factor). ``sources``: Arrow tables or Parquet paths named activity, units, factors,
    grid, controls."""
    out = _run(sources, engine, spark_master)
    return collapse_technologies(out["inv"]), out["missing"]


def _used(factors: pd.DataFrame, activity: pd.DataFrame) -> pd.DataFrame:
    """The factor rows of the (sector, fuel) pairs present in ``activity`` (order kept)."""
    keys = ["sector", "fuel"]
    have = pd.MultiIndex.from_frame(activity[keys].drop_duplicates())
    return factors[pd.MultiIndex.from_frame(factors[keys]).isin(have)]


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
             factors: object = None) -> pd.DataFrame:
    """Which (sector, fuel or process, technology) × species of ``activity`` has a factor.

    Returns sector, fuel, technology, species, status (``found`` / ``missing`` /
    ``scope 2``), factor_id, rows; see :mod:`cocontrol.inventory.gaps` for the default species.
    """
    act = prepare_activity(_read(activity))
    facs = fx.resolve(factors)[0]
    return gaps.factor_coverage(act, facs, species)


def compute(activity: pd.DataFrame | str | Path, *, gwp: str = "AR5", engine: str = "duckdb",
            controls: pd.DataFrame | None = None, factors: object = None,
            spark_master: str | None = None, provenance: bool = False,
            co2e_rows: bool = True) -> pd.DataFrame:
    """Compute the inventory; see the module docstring for the output.

    ``activity``: a canonical or raw activity DataFrame (extra columns such as label/source
    are ignored) or a path (CSV/GBK CSV, Parquet, Excel) read by
    :func:`cocontrol.data.activity.read_activity`. ``controls``: region, year, sector, fuel,
    technology, penetration [, 投运率]. ``factors``: the factor set — None (default,
    T/CSES 144—2024), a shipped set's name (``previous``), a user factor file (.csv/.xlsx, see
    :mod:`cocontrol.inventory.factor_sets`), or a prepared scope-1 factor table with columns
    sector (or ``*``), fuel, species, ef [t per canonical unit], scope, factor_id, source;
    its label is in ``result.attrs["factor_set"]``.
    ``provenance=True`` attaches the per-row detail in ``result.attrs["provenance"].frame`` for
    :func:`cocontrol.inventory.provenance.explain`.

    Raises :class:`ValidationFailed` (every offending row) before any computation. Activity
    without a factor for a requested species (:func:`coverage`) is never a silent zero: a
    ``UserWarning`` names it and ``result.attrs["missing_factors"]`` lists (sector, fuel,
    technology, species).
    """
    act = _read(activity)
    return evaluate(act, gwp=gwp, engine=engine, controls=controls, factors=factors,
                    spark_master=spark_master, provenance=provenance, co2e_rows=co2e_rows,
                    no_factor=lambda keys: _no_factor(keys, act))


def evaluate(act: pd.DataFrame, *, gwp: str = "AR5", engine: str = "duckdb",
             controls: pd.DataFrame | None = None, factors: object = None,
             spark_master: str | None = None, provenance: bool = False, co2e_rows: bool = True,
             no_factor: Callable[[pd.DataFrame], ValidationFailed]) -> pd.DataFrame:
    """:func:`compute` for an activity frame already checked (canonical names and columns):
    the staged run, the factor coverage warning, CO2e rows and the output order.
    ``no_factor(keys)`` makes the error for keys without any factor (the caller knows how to
    name its rows: file rows for :func:`compute`, values for a large Parquet file).

    With one technology (the default) everywhere, the CO2e rows and the order are computed
    in the engine in the same session (:func:`cocontrol.inventory.expressions.finish`);
    with several, the technologies are summed in a fixed order first
    (:func:`collapse_technologies`) and the same expression runs on that table."""
    weights = _gwp(gwp)
    tables = prepare(act, controls, factors)
    sources = {**_arrow(tables), "gwp": to_arrow(weights, ex.GWP_SCHEMA)}
    # one technology (the default) everywhere: one row per key, summed in the engine
    several = bool((tables["activity"]["technology"] != "").any())
    out = _run(sources, engine, spark_master, detail=provenance, by_technology=several,
               finish=None if several else co2e_rows)
    missing = out["missing"]
    if len(missing):
        raise no_factor(missing)
    if several:
        inv = collapse_technologies(out["inv"])
        with session({"inv": to_arrow(inv, ex.INV_SCHEMA), "gwp": sources["gwp"]},
                     engine=engine, spark_master=spark_master) as ses:
            table = ses.run({"out": _finished(co2e_rows)}, arrow=True)["out"]
    else:
        table = out["out"]
    result = in_output_order(table).to_pandas()
    cover = gaps.factor_coverage(tables["activity"], _used(tables["factors"], act))
    if (cover["status"] == "missing").any():
        warnings.warn(gaps.missing_note(cover), UserWarning, stacklevel=3)
    result = result.astype({"year": "int64", "scope": "int64", "value": "float64"})
    result.attrs["factor_set"] = tables["factors"].attrs.get("factor_set")
    result.attrs["missing_factors"] = [
        (r.sector, r.fuel, r.technology, r.species)
        for r in cover[cover["status"] == "missing"].itertuples(index=False)]
    if provenance:
        result.attrs["provenance"] = Provenance(_annotate(out["detail"], tables))
        result.attrs["gwp"] = gwp
    return result


def in_output_order(table: pa.Table) -> pa.Table:
    """``table`` ordered by region, year, scope, sector, fuel, species
    (:data:`cocontrol.inventory.expressions.OUTPUT_ORDER`; text by code point, as a sort of
    the strings would): each text column is dictionary-encoded and its values become their
    rank among the column's distinct values; the ranks make one integer key (mixed radix)
    whose stable ``argsort`` orders the rows. Text columns are rebuilt from their small
    dictionaries. A tenth of the time of sorting 10⁶ rows of text; output keys are never
    NULL."""
    import numpy as np
    import pyarrow.compute as pc

    encoded: dict[str, tuple[pa.Array, np.ndarray]] = {}
    for name in table.column_names:
        col = table[name]
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            enc = pc.dictionary_encode(col).combine_chunks()
            encoded[name] = (enc.dictionary, enc.indices.to_numpy(zero_copy_only=False))
    codes = []
    for name in ex.OUTPUT_ORDER:
        if name in encoded:
            words, idx = encoded[name]
            rank = np.empty(len(words), dtype="int64")
            rank[np.argsort(np.array(words.to_pylist(), dtype=object), kind="stable")] = (
                np.arange(len(words)))
            codes.append(rank[idx])
        else:
            values = np.asarray(table[name], dtype="int64")
            codes.append(values - (values.min() if len(values) else 0))
    sizes = [int(c.max()) + 1 if len(c) else 1 for c in codes]
    if np.prod([float(n) for n in sizes]) < 2.0 ** 62:
        key = np.zeros(len(table), dtype="int64")
        for c, n in zip(codes, sizes, strict=True):
            key = key * n + c
        order = np.argsort(key, kind="stable")
    else:  # too many distinct values for one integer: sort by the ranks column by column
        order = np.lexsort(codes[::-1])
    columns = []
    for name in table.column_names:
        if name in encoded:
            words, idx = encoded[name]
            columns.append(words.take(pa.array(idx[order])).cast(table.schema.field(name).type))
        else:
            columns.append(table[name].take(pa.array(order)))
    return pa.table(columns, schema=table.schema)


@lru_cache(maxsize=4)
def _finished(co2e: bool) -> ir.Table:
    """The output expression over the tables ``inv`` and ``gwp`` (built once per flag)."""
    return ex.finish(ibis.table(ex.INV_SCHEMA, name="inv"),
                     ibis.table(ex.GWP_SCHEMA, name="gwp"), co2e)


class Provenance:
    """Holder of the per-row detail; compared by identity so pandas can propagate ``attrs``."""

    __slots__ = ("frame",)

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def __deepcopy__(self, memo: dict) -> Provenance:
        return self


def _annotate(detail: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    sources = pd.concat([tables["factors"][["factor_id", "source", "tier"]],
                         tables["grid"][["factor_id", "source"]]]).drop_duplicates("factor_id")
    act = tables["activity"][["row_id", "value", "unit"]].rename(
        columns={"value": "activity_value", "unit": "activity_unit"})
    out = detail.merge(sources, on="factor_id", how="left").merge(act, on="row_id", how="left")
    out["factor_set"] = tables["factors"].attrs.get("factor_set")
    cite = tables["factors"].attrs.get("control_cite") or {}
    out["control_source"] = [
        None if not isinstance(c, str) else "; ".join(f"{t}: {cite.get(t, '?')}"
                                                       for t in c.split("+"))
        for c in out["control"]]
    return out
