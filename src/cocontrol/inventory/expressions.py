"""The inventory as pure Ibis expressions over unbound tables (no I/O, any backend).

Tables (names are the ones the runners in :mod:`cocontrol.inventory.engines` register):

``activity``  region, year, month, sector, fuel, technology, facility, value, unit, row_id
``units``     fuel, unit, mult — multiplier to the fuel's canonical unit
``factors``   sector, fuel, technology, species, ef, scope, factor_id — t species per canonical
              unit; ``technology`` is ``""`` for the default (no boiler/kiln/vehicle class)
``grid``      region, year, fuel, species, ef, scope, factor_id — scope-2 factors
``controls``  region, year, sector, fuel, applies_to, species, ctrl, control — remaining
              fraction; ``applies_to`` is the activity technology the control is for
              (NULL or ``""``: every activity technology of that sector × fuel)
``agg``       region, year, sector, fuel, technology, amount — stage 1 (summed per key)

Method (one expression for every species; 清单核算):

* scope 1: ``E = A × EF × (1 − Σ_m X_m η_m)`` — fuel combustion CO2 with
  ``EF = NCV × CC × OF × 44/12`` (IPCC 2006 Vol.2 Eq. 2.1; 省级温室气体清单编制指南), CH4/N2O
  ``EF[kg/TJ] × NCV``, air pollutants the GAINS form ``A × EF_unabated × Σ_m X_m (1 − η_m)``
  (MEP 2014 大气污染物排放清单编制技术指南), process CO2 ``output × EF``. Controls only exist
  for pollutants in ``control_technologies.csv``, so CO2 and activity never change. A
  control row for the activity's own technology (``applies_to``, e.g. SCR on 煤粉炉 only)
  replaces the generic row of the same region, year, sector, fuel and species.
* scope 2: ``E = electricity or heat × grid factor(region, year)``, kept apart (scope = 2).

Only the common Ibis subset is used (joins, group_by/agg, coalesce, ifelse, casts), so the
same expression runs on DuckDB and PySpark (ecosystem notes §1.2).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from cocontrol.inventory.keys import (  # noqa: F401  (the column lists, also read from here)
    AGG_KEYS,
    CONTROL_KEYS,
    DUPLICATE_KEYS,
    OUTPUT,
    OUTPUT_KEYS,
    OUTPUT_ORDER,
    SUMMARY_KEYS,
)

ACTIVITY_SCHEMA = ibis.schema({
    "region": "string", "year": "int64", "month": "int64", "sector": "string",
    "fuel": "string", "technology": "string", "facility": "string", "value": "float64", "unit": "string",
    "row_id": "int64",
})
UNITS_SCHEMA = ibis.schema({"fuel": "string", "unit": "string", "mult": "float64"})
FACTORS_SCHEMA = ibis.schema({"sector": "string", "fuel": "string", "technology": "string",
                              "species": "string", "ef": "float64", "scope": "int64", "factor_id": "string"})
GRID_SCHEMA = ibis.schema({"region": "string", "year": "int64", "fuel": "string",
                           "species": "string", "ef": "float64", "scope": "int64",
                           "factor_id": "string"})
CONTROLS_SCHEMA = ibis.schema({"region": "string", "year": "int64", "sector": "string",
                               "fuel": "string", "applies_to": "string", "species": "string",
                               "ctrl": "float64", "control": "string"})
AGG_SCHEMA = ibis.schema({"region": "string", "year": "int64", "sector": "string",
                          "fuel": "string", "technology": "string", "amount": "float64"})
DETAIL = ["region", "year", "month", "sector", "fuel", "technology", "facility", "species", "scope",
          "row_id", "amount", "ef", "factor_id", "control", "control_applies_to", "ctrl", "value"]


def tables() -> dict[str, ir.Table]:
    """The unbound input tables, by the names the runners register."""
    return {
        "activity": ibis.table(ACTIVITY_SCHEMA, name="activity"),
        "units": ibis.table(UNITS_SCHEMA, name="units"),
        "factors": ibis.table(FACTORS_SCHEMA, name="factors"),
        "grid": ibis.table(GRID_SCHEMA, name="grid"),
        "controls": ibis.table(CONTROLS_SCHEMA, name="controls"),
    }


def normalize_missing(table: ir.Table, columns: list[str]) -> ir.Table:
    """NaN → NULL in float columns, so DuckDB and Spark agree (ecosystem notes §1.2)."""
    return table.mutate(**{c: table[c].isnan().ifelse(ibis.null("float64"), table[c])
                           for c in columns})


def _cleaned(activity: ir.Table) -> ir.Table:
    """Activity with NaN values as NULL and ``""`` (the default) for a NULL technology."""
    act = normalize_missing(activity, ["value"])
    return act.mutate(technology=act.technology.coalesce(""))


def canonical_activity(activity: ir.Table, units: ir.Table) -> ir.Table:
    """Activity in canonical units: ``amount = value × mult(fuel, unit)``."""
    joined = _cleaned(activity).join(units, ["fuel", "unit"])
    return joined.mutate(amount=joined.value * joined.mult).drop("mult")


def scope1_factors(act: ir.Table, factors: ir.Table) -> ir.Table:
    """Scope-1 factor rows for each activity row, technology first, per species.

    Precedence (already resolved between a sector's own and ``*`` rows by
    :func:`cocontrol.inventory.factors.expand_sectors`): (sector, fuel, technology) >
    (``*``, fuel, technology) > (sector, fuel, default) > (``*``, fuel, default). A species
    without a technology-specific factor falls back to the default row of the same fuel.
    """
    exact = act.join(factors, ["sector", "fuel", "technology"])
    spec = factors.filter(factors.technology != "").select(
        "sector", "fuel", "technology", "species").distinct()
    default = factors.filter(factors.technology == "").drop("technology")
    fallback = act.filter(act.technology != "").join(default, ["sector", "fuel"])
    fallback = fallback.anti_join(spec, ["sector", "fuel", "technology", "species"])
    return exact.union(fallback.select(*exact.columns), distinct=False)


def join_controls(rows: ir.Table, controls: ir.Table) -> ir.Table:
    """``rows`` (with region, year, sector, fuel, technology, species) plus the remaining
    fraction ``ctrl`` (1 without control), the ``control`` label and
    ``control_applies_to`` (the activity technology of the control rows used, ``""`` for the
    generic rows, NULL without control) for provenance.

    Precedence per (region, year, sector, fuel, species): the control rows for the row's
    own activity technology (``applies_to == technology``) replace the generic ones
    (``applies_to`` NULL or ``""``); two left joins and a coalesce, so DuckDB and Spark run
    the same plan.
    """
    c = controls.mutate(applies_to=controls.applies_to.coalesce(""))
    own = c.filter(c.applies_to != "")
    own = own.select(*CONTROL_KEYS, "applies_to", ctrl_own=own.ctrl, control_own=own.control)
    gen = c.filter(c.applies_to == "")
    gen = gen.select(*CONTROL_KEYS, ctrl_gen=gen.ctrl, control_gen=gen.control)
    cols = list(rows.columns)
    first = rows.left_join(own, [*[rows[k] == own[k] for k in CONTROL_KEYS],
                                 rows.technology == own.applies_to])
    first = first.select(*[first[k] for k in cols], first.ctrl_own, first.control_own)
    both = first.left_join(gen, [first[k] == gen[k] for k in CONTROL_KEYS])
    both = both.select(*[both[k] for k in cols], both.ctrl_own, both.control_own,
                       both.ctrl_gen, both.control_gen)
    has_own = both.ctrl_own.notnull()
    return both.mutate(
        ctrl=has_own.ifelse(both.ctrl_own, both.ctrl_gen.coalesce(1.0)),
        control=has_own.ifelse(both.control_own, both.control_gen),
        control_applies_to=has_own.ifelse(
            both.technology, both.ctrl_gen.notnull().ifelse(ibis.literal(""),
                                                            ibis.null("string"))),
    ).drop("ctrl_own", "control_own", "ctrl_gen", "control_gen")


def _apply(act: ir.Table, keep: list[str], factors: ir.Table, grid: ir.Table,
           controls: ir.Table) -> ir.Table:
    """Join factors (scope 1 by sector × fuel × technology, scope 2 by region × year × fuel)
    and controls (:func:`join_controls`)."""
    fcols = ["species", "ef", "scope", "factor_id"]
    s1 = scope1_factors(act, factors).select(*keep, *fcols)
    s2 = act.join(grid, ["region", "year", "fuel"]).select(*keep, *fcols)
    joined = join_controls(s1.union(s2, distinct=False), controls)
    return joined.mutate(value=joined.amount * joined.ef * joined.ctrl)


def emission_rows(activity: ir.Table, units: ir.Table, factors: ir.Table, grid: ir.Table,
                  controls: ir.Table) -> ir.Table:
    """One row per activity row × species × factor: amount, ef, control and value [t]."""
    act = canonical_activity(activity, units)
    keep = ["region", "year", "month", "sector", "fuel", "technology", "facility", "row_id",
            "amount"]
    return _apply(act, keep, factors, grid, controls).select(*DETAIL)


HASHES_SCHEMA = ibis.schema({"h": "int64"})


def summarise_activity(activity: ir.Table) -> ir.Table:
    """One row per (region, year, sector, fuel, technology, unit) as given in the file: row
    count, missing values (NULL or NaN), negative values and the sum of the values (NaN as
    NULL) — the checks and stage 1 of a large file from one scan.

    Comparisons with NULL are NULL, so the negative count coalesces to FALSE per row: a group
    whose values are all NULL has ``negative = 0``, not NULL."""
    a = normalize_missing(activity, ["value"])
    return a.group_by(SUMMARY_KEYS).agg(
        rows=a.count(), missing=a.value.isnull().sum(),
        negative=(a.value < 0).coalesce(False).sum(), total=a.value.sum())


def _key_hash(activity: ir.Table) -> ir.IntegerValue:
    return ibis.struct({k: activity[k] for k in DUPLICATE_KEYS}).hash()


def repeated_key_hashes(activity: ir.Table) -> ir.Table:
    """Hashes of the duplicate key (:data:`DUPLICATE_KEYS`) that occur more than once.

    A group-by over one integer instead of seven columns (facility ids are nearly unique, so
    the seven-column hash table is as large as the file); equal keys have equal hashes, so a
    key given twice is always among these. Different keys may share a hash (Spark's hash has
    32 bits): :func:`duplicate_keys` checks the candidates exactly."""
    h = activity.select(h=_key_hash(activity))
    return h.group_by("h").agg(rows=h.count()).filter(lambda t: t.rows > 1).select("h")


def duplicate_keys(activity: ir.Table, repeated: ir.Table) -> ir.Table:
    """Keys given more than once, among the rows whose key hash is in ``repeated``
    (:func:`repeated_key_hashes`)."""
    cand = activity.mutate(h=_key_hash(activity)).semi_join(repeated, "h").drop("h")
    return cand.group_by(DUPLICATE_KEYS).agg(rows=cand.count()).filter(lambda t: t.rows > 1)


def agg_table() -> ir.Table:
    """The unbound stage-1 result table (``agg``)."""
    return ibis.table(AGG_SCHEMA, name="agg")


def aggregate_activity(activity: ir.Table, units: ir.Table) -> ir.Table:
    """Stage 1: canonical activity summed per (region, year, sector, fuel) (``agg`` table).

    ``Σ_i A_i × EF × c = (Σ_i A_i) × EF × c`` because factor and control do not depend on the
    facility or month — so facility-level tables cost one aggregation, not one join per row.
    The unit multiplier is constant per (fuel, unit) too, so the values are summed per unit
    first and converted after (``Σ_i v_i m_u = m_u Σ_i v_i``): the join with ``units`` reads
    the few summed rows, not every facility row.
    """
    act = _cleaned(activity)
    per_unit = act.group_by([*AGG_KEYS, "unit"]).agg(total=act.value.sum())
    joined = per_unit.join(units, ["fuel", "unit"])
    return joined.group_by(AGG_KEYS).agg(amount=(joined.total * joined.mult).sum())


def apply_factors(agg: ir.Table, factors: ir.Table, grid: ir.Table, controls: ir.Table,
                  by_technology: bool = True) -> ir.Table:
    """Stage 2: emissions [t] by region, year, sector, fuel, (technology,) species and scope.

    ``by_technology`` leaves the technologies apart: an engine adds a group's rows in whatever
    order its threads deliver them, so summing several technologies here makes results
    differ in the last bits from run to run; :func:`cocontrol.inventory.core.
    collapse_technologies` adds them in a fixed order. Without a technology column in the
    activity every key has one row, and ``by_technology=False`` sums nothing but it."""
    rows = _apply(agg, [*AGG_KEYS, "amount"], factors, grid, controls)
    keys = [*OUTPUT_KEYS, "technology"] if by_technology else OUTPUT_KEYS
    return rows.group_by(keys).agg(value=rows.value.sum())


def inventory(activity: ir.Table, units: ir.Table, factors: ir.Table, grid: ir.Table,
              controls: ir.Table) -> ir.Table:
    """Both stages as one expression (the long table; technologies summed in the engine)."""
    return apply_factors(aggregate_activity(activity, units), factors, grid, controls,
                         by_technology=False)


def unmatched_keys(agg: ir.Table, factors: ir.Table, grid: ir.Table) -> ir.Table:
    """Keys of ``agg`` that find no factor at all (neither scope 1 nor scope 2)."""
    f_keys = factors.select("sector", "fuel").distinct()
    g_keys = grid.select("region", "year", "fuel").distinct()
    left = agg.anti_join(f_keys, ["sector", "fuel"])
    return left.anti_join(g_keys, ["region", "year", "fuel"]).select(*AGG_KEYS).distinct()


GWP_SCHEMA = ibis.schema({"species": "string", "gwp": "float64"})
INV_SCHEMA = ibis.schema({"region": "string", "year": "int64", "sector": "string",
                          "fuel": "string", "species": "string", "scope": "int64",
                          "value": "float64"})


def co2e_rows(inv: ir.Table, gwp: ir.Table) -> ir.Table:
    """CO2-equivalent rows ``CO2e = Σ_g E_g × GWP_g`` (g ∈ CH4, CO2, N2O; t CO2e) per
    (region, year, sector, fuel, scope) of ``inv`` (one row per key and species).

    The three terms are added in a fixed order (CH4, CO2, N2O, as the species sort), written
    as one compensated (Kahan) step, so results are the same on every run and engine,
    whatever order the engine's threads deliver rows in (DuckDB evaluates the compensation
    ``((a + b) − a) − b`` as 0: the plain sum; it may differ from the compensated pandas
    group sum in the last bit). A species without a row or with a NULL value is left out."""
    w = inv.join(gwp, "species")
    w = w.mutate(e=w.value * w.gwp)
    keys = ["region", "year", "sector", "fuel", "scope"]

    def term(species: str) -> ir.FloatingValue:
        return w.e.max(where=w.species == species)  # one row per key and species

    g = w.group_by(keys).agg(a=term("CH4"), b=term("CO2"), d=term("N2O"))
    a, b = g.a.coalesce(0.0), g.b.coalesce(0.0)
    s = a + b
    c = (s - a) - b
    value = g.d.isnull().ifelse(s, s + (g.d - c))
    return g.select(*keys[:4], species=ibis.literal("CO2e"), value=value,
                    unit=ibis.literal("t"), scope=g.scope)


def finish(inv: ir.Table, gwp: ir.Table, co2e: bool = True) -> ir.Table:
    """The output table: ``inv`` (one row per region, year, sector, fuel, species, scope)
    in t, plus the CO2e rows of :func:`co2e_rows` (in no order: an engine sorts 10⁶ rows of
    text slowly; :func:`cocontrol.inventory.core.in_output_order` orders them)."""
    out = inv.select(*OUTPUT[:4], "species", "value", unit=ibis.literal("t"), scope=inv.scope)
    if co2e:
        out = out.union(co2e_rows(inv, gwp), distinct=False)
    return out
