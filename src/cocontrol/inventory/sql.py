"""The large-file path in DuckDB SQL: pure functions from a file's header to query text.

The same definitions as the Ibis expressions of :mod:`cocontrol.inventory.scan` and
:mod:`cocontrol.inventory.expressions` (which Spark runs), written out for DuckDB so that
the command line needs neither Ibis nor its SQL compilers (≈ 0.5 s of start-up) and the
per-key work after the scan runs as one query instead of a round trip through pandas.
Tests hold the two equal (``tests/inventory/test_sql.py``): the summary and duplicate
checks against the row-level definition, the output against ``compute``.

Cleaning (as :func:`cocontrol.inventory.scan._key_columns`): text keys trimmed of the six
blanks `` \\t\\n\\r\\v\\f`` and NULL when empty; year and month read as numbers (a numeric
column as it is, NaN = not given; a text cell ``TRY_CAST``) and valid when whole and in
1900–2100 / 1–12. Value cells get a kind (:data:`cocontrol.inventory.keys.GOOD` …).
"""

from __future__ import annotations

from collections.abc import Mapping

from cocontrol.inventory.keys import (
    DUPLICATE_KEYS,
    GOOD,
    MISSING,
    NEGATIVE,
    NON_FINITE,
    NOT_NUMBER,
    OUTPUT_ORDER,
    RAW_KEYS,
    SUMMARY_KEYS,
)

BLANKS = " \t\n\r\x0b\x0c"  # what the cleaning trims (Ibis ``strip`` on DuckDB)
Types = Mapping[str, str]  # column → "numeric" | "text" (anything not numeric is read as text)


def quote(name: str) -> str:
    """A quoted identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A quoted string literal (DuckDB keeps backslashes as they are)."""
    return "'" + text.replace("'", "''") + "'"


def text(col: str, kind: str) -> str:
    """Trimmed text of a column expression, NULL when empty."""
    value = col if kind == "text" else f"CAST({col} AS VARCHAR)"
    return f"NULLIF(TRIM({value}, {literal(BLANKS)}), '')"


def number(col: str, kind: str) -> tuple[str, str, str]:
    """(number, given, parsed) of a column expression: a numeric column as it is (NaN = not
    given), a text column parsed (``TRY_CAST`` of the trimmed text; empty = not given)."""
    if kind == "numeric":
        num = f"CAST({col} AS DOUBLE)"
        given = f"(({col} IS NOT NULL) AND NOT (COALESCE(ISNAN({num}), FALSE)))"
        return num, given, given
    t = text(col, kind)
    num = f"TRY_CAST({t} AS DOUBLE)"
    return num, f"({t} IS NOT NULL)", f"({num} IS NOT NULL)"


def value_kind(col: str, kind: str, num: str | None = None) -> tuple[str, str]:
    """(number, kind) of a value cell: good, missing (NULL, NaN, empty), not a number,
    not finite (inf, nan, beyond 1e308) or negative. ``num``: the name the number goes by
    when the kind is computed (a column of a subquery), else its expression.

    A text cell is first cast as it is — DuckDB's cast skips blanks at both ends, so when it
    gives a number that is the number of the trimmed text — and only a cell it refuses is
    trimmed of the six blanks and cast again (every row trimmed cost ~15 % of a CSV scan);
    a cell that is still no number is missing when empty after trimming, else not a number.
    """
    if kind == "numeric":
        value = f"CAST({col} AS DOUBLE)"
        n = num or value
        return value, (f"CASE WHEN ({n} IS NULL) OR ISNAN({n}) THEN {MISSING} "
                       f"WHEN ISINF({n}) THEN {NON_FINITE} WHEN {n} < 0 THEN {NEGATIVE} "
                       f"ELSE {GOOD} END")
    trimmed = text(col, kind)
    # COALESCE(cast, cast of the trimmed cell), written as a CASE: DuckDB then trims only the
    # cells the first cast refuses (as a COALESCE every cell was trimmed: ~40 % of a CSV scan)
    direct = f"TRY_CAST({col} AS DOUBLE)"
    value = f"CASE WHEN {direct} IS NULL THEN TRY_CAST({trimmed} AS DOUBLE) ELSE {direct} END"
    n = num or value
    return value, (f"CASE WHEN {n} IS NULL THEN (CASE WHEN {trimmed} IS NULL THEN {MISSING} "
                   f"ELSE {NOT_NUMBER} END) WHEN ISINF({n}) OR ISNAN({n}) THEN {NON_FINITE} "
                   f"WHEN {n} < 0 THEN {NEGATIVE} ELSE {GOOD} END")


def raw_keys(mapping: Mapping[str, str]) -> list[str]:
    """The grouping keys of the file (canonical names) among :data:`RAW_KEYS`."""
    return [k for k in RAW_KEYS if k in mapping]


def raw_groups(mapping: Mapping[str, str], types: Types, table: str = "raw") -> str:
    """The file's rows grouped by their keys as given and the kind of their value: rows and
    the sum of the numbers (meaningful for good and negative values only)."""
    keys = raw_keys(mapping)
    value = quote(mapping["value"])
    num, kind = value_kind(value, types[mapping["value"]], num="__num")
    cols = ", ".join(f"{quote(mapping[k])} AS {quote(k)}" for k in keys)
    n = len(keys) + 1
    return (f"SELECT {cols}, CAST({kind} AS BIGINT) AS kind, COUNT(*) AS rows, "
            f"SUM(__num) AS total FROM (SELECT *, {num} AS __num FROM {quote(table)}) "
            f"GROUP BY {', '.join(map(str, range(1, n + 1)))}")


def clean_keys(cols: Mapping[str, str], types: Mapping[str, str]) -> dict[str, str]:
    """Cleaned key expressions over columns ``cols`` (canonical name → column expression;
    ``types`` by canonical name): text keys, ``year``/``month`` as integers (NULL when absent
    or invalid), ``technology`` ``""`` for the default, and the 0/1 flags ``bad_year`` and
    ``bad_month`` (given but not valid)."""

    def txt(key: str) -> str:
        return text(cols[key], types[key]) if key in cols else "CAST(NULL AS VARCHAR)"

    def whole(key: str, low: int, high: int) -> tuple[str, str]:
        num, given, _ = number(cols[key], types[key])
        ok = (f"COALESCE(({num} = CAST(ROUND({num}, 0) AS BIGINT)) AND {num} BETWEEN {low} "
              f"AND {high}, FALSE)")
        return (f"CASE WHEN {ok} THEN CAST({num} AS BIGINT) ELSE CAST(NULL AS BIGINT) END",
                f"CAST({given} AND NOT ({ok}) AS BIGINT)")

    year, bad_year = whole("year", 1900, 2100)
    month, bad_month = (whole("month", 1, 12) if "month" in cols
                        else ("CAST(NULL AS BIGINT)", "CAST(0 AS BIGINT)"))
    return {"region": txt("region"), "year": year, "month": month, "sector": txt("sector"),
            "fuel": txt("fuel"), "technology": f"COALESCE({txt('technology')}, '')",
            "facility": txt("facility"), "unit": txt("unit"), "bad_year": bad_year,
            "bad_month": bad_month}


def cleaned_groups(keys: list[str], types: Types, table: str = "groups") -> str:
    """The groups of :func:`raw_groups` with their cleaned keys beside (``clean_<key>``)."""
    clean = clean_keys({k: quote(k) for k in keys}, types)
    cols = [quote(k) for k in keys]
    cols += [f"{clean[k]} AS {quote('clean_' + k)}" for k in RAW_KEYS]
    cols += [f"{clean['bad_year']} AS bad_year", f"{clean['bad_month']} AS bad_month",
             "kind", "rows", "total"]
    return f"SELECT {', '.join(cols)} FROM {quote(table)}"


def unchanged_by_cleaning(keys: list[str], types: Types, table: str = "groups") -> str:
    """How many distinct values of the key columns cleaning changes (as text: ``济南市 `` →
    ``济南市``, ``2020.0`` → ``2020``, ``""`` → NULL, a bad year → NULL …; NULL stays NULL),
    counted on each column's distinct values. 0 for the common file: then the cleaned keys
    are the keys as given (:func:`as_given_groups`), no year or month is bad and cleaning
    is one-to-one, and the ~10⁵ groups need no cleaning pass."""
    clean = clean_keys({k: quote(k) for k in keys}, types)
    # a sum over the distinct values (a filter would be pushed below the DISTINCT and
    # evaluated on every group)
    parts = [f"(SELECT COALESCE(SUM(CASE WHEN CAST({clean[k]} AS VARCHAR) IS DISTINCT FROM "
             f"CAST({quote(k)} AS VARCHAR) THEN 1 ELSE 0 END), 0) FROM (SELECT DISTINCT "
             f"{quote(k)} FROM {quote(table)}))" for k in keys]
    return f"SELECT {' + '.join(parts) if parts else '0'} AS n"


def as_given_groups(keys: list[str], types: Types, table: str = "groups") -> str:
    """:func:`cleaned_groups` when cleaning changes no value (:func:`unchanged_by_cleaning`
    is 0): each cleaned key the key as given in the cleaned key's type, the absent ones as
    :func:`clean_keys` makes them, no bad year or month."""
    cols = [quote(k) for k in keys]
    for k in RAW_KEYS:
        kind = "BIGINT" if k in ("year", "month") else "VARCHAR"
        absent = "''" if k == "technology" else f"CAST(NULL AS {kind})"  # as clean_keys
        value = f"CAST({quote(k)} AS {kind})" if k in keys else absent
        cols.append(f"{value} AS {quote('clean_' + k)}")
    cols += ["CAST(0 AS BIGINT) AS bad_year", "CAST(0 AS BIGINT) AS bad_month", "kind", "rows",
             "total"]
    return f"SELECT {', '.join(cols)} FROM {quote(table)}"


def summary(table: str = "cleaned") -> str:
    """One row per cleaned (region, year, sector, fuel, technology, unit): rows, the rows of
    each kind of bad value and of bad years/months, negative values, the sum of the good
    and negative values (NULL when there is none)."""
    keys = ", ".join(f"{quote('clean_' + k)} AS {quote(k)}" for k in SUMMARY_KEYS)

    def rows_of(kind: int) -> str:
        return f"CAST(SUM(CASE WHEN kind = {kind} THEN rows ELSE 0 END) AS BIGINT)"

    return (f"SELECT {keys}, CAST(SUM(rows) AS BIGINT) AS rows, "
            f"{rows_of(MISSING)} AS missing, {rows_of(NOT_NUMBER)} AS not_number, "
            f"{rows_of(NON_FINITE)} AS non_finite, "
            f"CAST(SUM(bad_year * rows) AS BIGINT) AS bad_year, "
            f"CAST(SUM(bad_month * rows) AS BIGINT) AS bad_month, "
            f"{rows_of(NEGATIVE)} AS negative, "
            f"SUM(CASE WHEN kind IN ({GOOD}, {NEGATIVE}) THEN total END) AS total "
            f"FROM {quote(table)} GROUP BY {', '.join(map(str, range(1, len(SUMMARY_KEYS) + 1)))}")


def check_profile(table: str = "summary") -> str:
    """The sums of the summary that its checks read (:mod:`cocontrol.inventory.checks`: rows
    per sector, per fuel, per sector × fuel × unit, per fuel × technology, rows without a
    region or year, bad years/months and bad values): the summary grouped by sector, fuel,
    technology and unit and by whether its region and year are missing — region and year
    NULL when missing, else ``''`` / 0 — a few hundred rows instead of one per key."""
    sums = ", ".join(f"CAST(SUM({c}) AS BIGINT) AS {c}" for c in (
        "rows", "missing", "not_number", "non_finite", "bad_year", "bad_month", "negative"))
    return ("SELECT CASE WHEN region IS NULL THEN NULL ELSE '' END AS region, "
            "CASE WHEN year IS NULL THEN NULL ELSE CAST(0 AS BIGINT) END AS year, "
            f"sector, fuel, technology, unit, {sums} FROM {quote(table)} "
            "GROUP BY 1, 2, 3, 4, 5, 6")


def not_one_to_one(keys: list[str], table: str = "cleaned") -> str:
    """How many cleaned values of the key columns come from more than one value as given
    (``2020`` and ``2020.0``, ``济南市`` and ``济南市 ``, NULL and ``""``): 0 when cleaning is
    one-to-one on every key column, so that keys equal after cleaning are equal as given."""
    parts = [f"(SELECT COUNT(*) FROM (SELECT {quote('clean_' + k)} FROM (SELECT DISTINCT "
             f"{quote(k)}, {quote('clean_' + k)} FROM {quote(table)}) GROUP BY 1 "
             f"HAVING COUNT(*) > 1))" for k in keys]
    return f"SELECT {' + '.join(parts) if parts else '0'} AS n"


def _hash(mapping: Mapping[str, str]) -> str:
    cols = ", ".join(quote(mapping[k]) for k in DUPLICATE_KEYS if k in mapping)
    return f"CAST(hash({cols}) >> 1 AS BIGINT)"


def unclean(col: str) -> str:
    """True for a text cell that cleaning may change: empty, or starting with a byte up to
    the space (the blanks and other control characters: tested widely, at the cost of the
    slower exact path for those files) or ending with one of the six blanks. Cheaper than
    a regular expression (two byte comparisons per row)."""
    ends = " OR ".join(f"ends_with({col}, chr({ord(c)}))" for c in BLANKS)
    return f"({col} < '!' OR {ends})"


def hashes(mapping: Mapping[str, str], types: Types, table: str = "raw") -> str:
    """Per row, a 64-bit hash of its key columns as given (DuckDB ``hash``, halved to fit a
    signed integer); NULL for a row whose text facility cleaning may change."""
    h = _hash(mapping)
    if "facility" in mapping and types[mapping["facility"]] == "text":
        h = f"CASE WHEN {unclean(quote(mapping['facility']))} THEN NULL ELSE {h} END"
    return f"SELECT {h} AS h FROM {quote(table)}"


def duplicates(mapping: Mapping[str, str], types: Types, table: str = "raw",
               repeated: str | None = "repeated", limit: int = 1000) -> str:
    """Cleaned keys given more than once with their row count — among the rows whose hash
    of the keys as given is in the table ``repeated`` (the exact check of the candidates),
    or among all rows when ``repeated`` is None; the first ``limit`` in key order."""
    clean = clean_keys({k: quote(mapping[k]) for k in mapping},
                       {k: types[mapping[k]] for k in mapping})
    cols = ", ".join(f"{clean[k]} AS {quote(k)}" for k in DUPLICATE_KEYS)
    where = f" WHERE {_hash(mapping)} IN (SELECT h FROM {quote(repeated)})" if repeated else ""
    keys = ", ".join(map(quote, DUPLICATE_KEYS))
    return (f"SELECT {keys}, COUNT(*) AS rows FROM (SELECT {cols} FROM {quote(table)}{where}) "
            f"GROUP BY ALL HAVING COUNT(*) > 1 ORDER BY {keys} LIMIT {limit}")


def agg(table: str = "summary") -> str:
    """Stage 1 on the summary: the codes of the names given (tables ``sector_map``,
    ``fuel_map``: given → code), values summed per unit and converted (``units``: fuel,
    unit, mult) — ``amount`` per (region, year, sector, fuel, technology), as
    :func:`cocontrol.inventory.expressions.aggregate_activity`."""
    return ("SELECT region, year, sector, fuel, technology, SUM(total * mult) AS amount FROM ("
            "SELECT a.region, a.year, a.sector, a.fuel, a.technology, a.unit, SUM(a.value) "
            "AS total FROM (SELECT s.region, s.year, sm.code AS sector, fm.code AS fuel, "
            "COALESCE(s.technology, '') AS technology, CASE WHEN ISNAN(s.total) THEN NULL "
            f"ELSE s.total END AS value, s.unit FROM {quote(table)} AS s "
            "JOIN sector_map AS sm ON s.sector = sm.given JOIN fuel_map AS fm "
            "ON s.fuel = fm.given) AS a GROUP BY 1, 2, 3, 4, 5, 6) AS p "
            "JOIN units AS u USING (fuel, unit) GROUP BY 1, 2, 3, 4, 5")


def unmatched(table: str = "agg") -> str:
    """Keys of ``agg`` with no factor at all (neither scope 1 nor a grid factor)."""
    return (f"SELECT DISTINCT region, year, sector, fuel, technology FROM {quote(table)} AS a "
            "WHERE NOT EXISTS (SELECT 1 FROM factors AS f WHERE f.sector = a.sector "
            "AND f.fuel = a.fuel) AND NOT EXISTS (SELECT 1 FROM grid AS g "
            "WHERE g.region = a.region AND g.year = a.year AND g.fuel = a.fuel)")


def single_rows() -> str:
    """0 when every output key of :func:`inventory` gets exactly one row (so its sum is that
    row's value and the GROUP BY can be left out): factors unique per sector, fuel,
    technology, species and scope; grid factors unique per region, year, fuel, species and
    scope, and never of a (fuel, species, scope) that a scope-1 factor has; controls unique
    per key (and activity technology). For activity without technologies."""
    def dup(table: str, cols: str, where: str = "") -> str:
        return (f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table}{where} GROUP BY {cols} "
                "HAVING COUNT(*) > 1))")

    parts = [dup("factors", "sector, fuel, technology, species, scope"),
             dup("grid", "region, year, fuel, species, scope"),
             "(SELECT COUNT(*) FROM factors AS f JOIN grid AS g ON f.fuel = g.fuel "
             "AND f.species = g.species AND f.scope = g.scope)",
             dup("controls", "region, year, sector, fuel, species",
                 " WHERE COALESCE(applies_to, '') = ''"),
             dup("controls", "region, year, sector, fuel, species, applies_to",
                 " WHERE COALESCE(applies_to, '') <> ''")]
    return f"SELECT {' + '.join(parts)} AS n"


def inventory(table: str = "agg", *, grouped: bool = True, carry: tuple[str, ...] = ()) -> str:
    """Stage 2, :func:`cocontrol.inventory.expressions.apply_factors` with the technologies
    summed: scope-1 factors by sector × fuel × technology (a technology without its own
    factor for a species falls back to the default row), grid factors by region × year ×
    fuel, controls (a row for the activity's own technology replaces the generic one),
    ``value = amount × ef × ctrl`` summed per (region, year, sector, fuel, species, scope)
    — not summed when not ``grouped`` (one row per key, :func:`single_rows`). ``carry``:
    columns of ``table`` and of the factor tables (``a.k0``, ``f.p``) passed on (functions
    of the key)."""
    keep = "a.region, a.year, a.sector, a.fuel, a.technology, a.amount"
    extra_a = "".join(f", a.{c}" for c in carry if c != "p")
    extra_f = ", f.p" if "p" in carry else ""
    extra_g = ", g.p" if "p" in carry else ""
    extra_r = "".join(f", r.{c}" for c in carry)
    ctrl = ("CASE WHEN o.ctrl_own IS NOT NULL THEN o.ctrl_own "
            "ELSE COALESCE(g.ctrl_gen, 1.0) END")
    value = (f"SUM(r.amount * r.ef * {ctrl})" if grouped else f"r.amount * r.ef * {ctrl}")
    group = (f"GROUP BY {', '.join(map(str, range(1, 7 + len(carry))))}" if grouped else "")
    return f"""
WITH rows AS (
  SELECT {keep}{extra_a}, f.species, f.ef, f.scope{extra_f} FROM {quote(table)} AS a
  JOIN factors AS f ON a.sector = f.sector AND a.fuel = f.fuel AND a.technology = f.technology
  UNION ALL
  SELECT {keep}{extra_a}, f.species, f.ef, f.scope{extra_f} FROM {quote(table)} AS a
  JOIN factors AS f ON a.sector = f.sector AND a.fuel = f.fuel AND f.technology = ''
  WHERE a.technology <> '' AND NOT EXISTS (
    SELECT 1 FROM factors AS x WHERE x.technology <> '' AND x.sector = a.sector
    AND x.fuel = a.fuel AND x.technology = a.technology AND x.species = f.species)
  UNION ALL
  SELECT {keep}{extra_a}, g.species, g.ef, g.scope{extra_g} FROM {quote(table)} AS a
  JOIN grid AS g ON a.region = g.region AND a.year = g.year AND a.fuel = g.fuel
), own AS (
  SELECT region, year, sector, fuel, species, COALESCE(applies_to, '') AS applies_to,
         ctrl AS ctrl_own FROM controls WHERE COALESCE(applies_to, '') <> ''
), gen AS (
  SELECT region, year, sector, fuel, species, ctrl AS ctrl_gen FROM controls
  WHERE COALESCE(applies_to, '') = ''
)
SELECT r.region, r.year, r.sector, r.fuel, r.species, r.scope{extra_r}, {value} AS value
FROM rows AS r
LEFT JOIN own AS o ON r.region = o.region AND r.year = o.year AND r.sector = o.sector
  AND r.fuel = o.fuel AND r.species = o.species AND r.technology = o.applies_to
LEFT JOIN gen AS g ON r.region = g.region AND r.year = g.year AND r.sector = g.sector
  AND r.fuel = g.fuel AND r.species = g.species
{group}"""


def inventory_plain(table: str = "agg", *, grid: bool = True,
                    carry: tuple[str, ...] = ()) -> str:
    """:func:`inventory` for activity without technologies and without controls, one row per
    output key (:func:`single_rows`): the same rows and values (a control factor of 1.0
    and a sum of one value change nothing) from the two joins that can match — scope-1
    factors of the default technology and, when ``grid``, grid factors."""
    extra_a = "".join(f", a.{c}" for c in carry if c != "p")
    extra = "".join(f", r.{c}" for c in carry)
    p = ", f.p" if "p" in carry else ""
    rows = (f"SELECT a.region, a.year, a.sector, a.fuel, a.amount{extra_a}, f.species, f.ef, "
            f"f.scope{p} FROM {quote(table)} AS a JOIN factors AS f ON a.sector = f.sector "
            "AND a.fuel = f.fuel AND f.technology = ''")
    if grid:
        rows += (f" UNION ALL SELECT a.region, a.year, a.sector, a.fuel, a.amount{extra_a}, "
                 f"g.species, g.ef, g.scope{p.replace('f.', 'g.')} FROM {quote(table)} AS a "
                 "JOIN grid AS g ON a.region = g.region AND a.year = g.year AND a.fuel = g.fuel")
    return (f"SELECT r.region, r.year, r.sector, r.fuel, r.species, r.scope{extra}, "
            f"r.amount * r.ef AS value FROM ({rows}) AS r")


# The CO2e of one key: its CH4, CO2 and N2O terms (value × GWP, ``e``) as ``a``, ``b``, ``d``, added
# in this order with the compensation of :func:`cocontrol.inventory.expressions.co2e_rows`.
_CO2E_TERMS = ("MAX(e) FILTER (WHERE species = 'CH4') AS a, "
               "MAX(e) FILTER (WHERE species = 'CO2') AS b, "
               "MAX(e) FILTER (WHERE species = 'N2O') AS d")
_A, _B = "COALESCE(a, 0.0)", "COALESCE(b, 0.0)"
_CO2E_VALUE = (f"CASE WHEN d IS NULL THEN {_A} + {_B} ELSE {_A} + {_B} + "
               f"(d - ((({_A} + {_B}) - {_A}) - {_B})) END")


def finished(table: str = "inv", co2e: bool = True) -> str:
    """The output rows (:data:`cocontrol.inventory.keys.OUTPUT`) of ``inv`` plus, when
    ``co2e``, the CO2e rows of :func:`cocontrol.inventory.expressions.co2e_rows` (terms
    CH4, CO2, N2O added in this order, the same formula), in output order
    (:data:`cocontrol.inventory.keys.OUTPUT_ORDER`; text by code point = UTF-8 bytes) —
    the text path, when the names do not fit :func:`coded`'s integer key."""
    out = (f"SELECT region, year, sector, fuel, species, value, 't' AS unit, scope "
           f"FROM {quote(table)}")
    if co2e:
        out += (f" UNION ALL SELECT region, year, sector, fuel, 'CO2e' AS species, {_CO2E_VALUE} "
                "AS value, 't' AS unit, scope FROM (SELECT region, year, sector, fuel, scope, "
                f"{_CO2E_TERMS} FROM (SELECT i.region, i.year, "
                "i.sector, i.fuel, i.species, i.scope, i.value * w.gwp AS e "
                f"FROM {quote(table)} AS i JOIN gwp AS w ON i.species = w.species) "
                "GROUP BY 1, 2, 3, 4, 5)")
    return (f"SELECT region, year, sector, fuel, species, value, unit, scope FROM ({out}) "
            f"ORDER BY {', '.join(OUTPUT_ORDER)}")


def coded(table: str = "inv", co2e: bool = True, co2e_p: int = 0, order: str = "",
          years: int = 1, first_year: int = 0, fuels: int = 1) -> str:
    """:func:`finished` on the codes alone — no text to carry or sort: per output row the
    region, sector, fuel and species ranks (``r``, ``s``, ``f``, ``p``, 32-bit), ``year``,
    ``value`` and ``scope``, from ``inv``'s ``k0`` (region rank × ``years`` + year −
    ``first_year``) and ``k1`` (sector rank × ``fuels`` + fuel rank); ordered by ``order``
    (:func:`order_key`). The caller puts the names back (dictionary columns)."""
    out = f"SELECT k0, k1, scope, p, value FROM {quote(table)}"
    if co2e:
        out += (f" UNION ALL SELECT k0, k1, scope, {co2e_p} AS p, {_CO2E_VALUE} AS value FROM ("
                "SELECT k0, k1, scope, "
                f"{_CO2E_TERMS} FROM (SELECT i.k0, i.k1, i.scope, "
                f"w.species, i.value * w.gwp AS e FROM {quote(table)} AS i "
                "JOIN gwp AS w ON i.p = w.p) GROUP BY 1, 2, 3)")
    return (f"SELECT CAST(k0 // {years} AS INTEGER) AS r, k0 % {years} + {first_year} AS year, "
            f"CAST(k1 // {fuels} AS INTEGER) AS s, CAST(k1 % {fuels} AS INTEGER) AS f, "
            f"CAST(p AS INTEGER) AS p, value, scope FROM ({out}) ORDER BY {order}")


def coded_headline(table: str = "inv", co2_p: int = 0, years: int = 1,
                   first_year: int = 0) -> str:
    """The closing line's figures on the codes of ``inv``: per year the direct (scope 1)
    CO2 in t (``fsum``), and the number of regions and the first region's rank."""
    return (f"SELECT k0 % {years} + {first_year} AS year, "
            f"fsum(value) FILTER (WHERE p = {co2_p} AND scope = 1) AS co2, "
            f"(SELECT COUNT(DISTINCT k0 // {years}) FROM {quote(table)}) AS regions, "
            f"(SELECT MIN(k0 // {years}) FROM {quote(table)}) AS region "
            f"FROM {quote(table)} GROUP BY 1 ORDER BY 1")


def order_key(years: int, scopes: int, sector_fuels: int, species: int) -> str:
    """One integer that sorts as region, year, scope, sector, fuel, species: mixed radix of
    ``k0`` (region rank × ``years`` + year offset), scope (< ``scopes``), ``k1`` (sector rank
    × fuels + fuel rank, < ``sector_fuels``) and ``p`` (species rank, < ``species``)."""
    del years  # k0 already holds region and year
    return f"((k0 * {scopes} + scope) * {sector_fuels} + k1) * {species} + p"
