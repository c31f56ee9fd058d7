"""Large activity files (Parquet or UTF-8 CSV), checked and computed inside the engine.

For files beyond memory (10⁸ facility rows) :func:`compute_file` never loads the rows into
Python. The header is checked first (required columns, unknown ones with a suggestion). The
file is read twice in place (Parquet or CSV alike, whichever of the optional month,
technology and facility columns it has, text or typed): (1) its rows grouped by their keys
as given and the kind of their value cell (good, missing, not a number, not finite,
negative; :func:`raw_groups`) — the cleaning (trimmed keys, years and months as integers,
:func:`_key_columns`) then runs once per group, not per row, and the groups are summed per
(region, year, sector, fuel, technology, unit); (2) a 64-bit hash of each row's seven key
columns, sorted to find the keys given more than once (exactly checked on the candidates).
Names, units and technologies are resolved for the summary rows only, and the staged
inventory of ``compute`` runs on them. Problems name the file, the column and the offending
value with its number of rows (row numbers are not portable across engines;
``read_activity`` lists every row of small files).

An optional ``technology`` column (boiler/kiln/vehicle class, code or Chinese name such as
层燃炉) picks technology-specific factors and controls exactly as in ``compute``; NULL or
``""`` is the default technology, and a file without the column has the default throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa

from cocontrol.errors import InputError, ValidationFailed
from cocontrol.inventory import expressions as ex
from cocontrol.inventory import factors as fx
from cocontrol.inventory.bigfile import repeated_hashes
from cocontrol.inventory.checks import VALUE_PROBLEMS as _VALUE_PROBLEMS
from cocontrol.inventory.checks import check_duplicates as _check_duplicates
from cocontrol.inventory.checks import check_groups as _check_groups
from cocontrol.inventory.checks import missing_factor
from cocontrol.inventory.checks import resolve_names as _resolve
from cocontrol.inventory.checks import technology_codes as _technologies
from cocontrol.inventory.core import evaluate
from cocontrol.inventory.engines import session, to_arrow
from cocontrol.inventory.filehead import CSV_SUFFIXES as _CSV
from cocontrol.inventory.filehead import (
    ENGINE_SUFFIXES,
    beyond_row_limit,
    checked_columns,
    file_columns,
)
from cocontrol.inventory.filehead import is_utf8 as _is_utf8

# moved to filehead (no pandas) and checks; still importable from here
__all__ = ["ENGINE_SUFFIXES", "_VALUE_PROBLEMS", "_is_utf8", "beyond_row_limit",
           "compute_file", "compute_parquet", "file_columns", "scan_activity"]


def _raw_schema(path: Path, columns: list[str]) -> ibis.Schema:
    """The engine's view of the file: CSV cells are text; Parquet columns keep their types
    (a column of NULL type counts as absent)."""
    import pyarrow.parquet as pq

    if path.suffix.lower() in _CSV:
        return ibis.schema({c: "string" for c in columns})
    schema = pq.read_schema(path)
    return ibis.Schema.from_pyarrow(pa.schema([f for f in schema if f.type != pa.null()]))


def activity_columns(path: str | Path) -> tuple[dict[str, str], ibis.Schema]:
    """Canonical column → the file's column name, and the file's raw schema; raises
    :class:`ValidationFailed` (before anything runs) for a missing, doubled or unknown
    column, an unknown one with the name it most likely means (``facility_id → facility``)."""
    path = Path(path)
    given, canonical = checked_columns(path)
    raw = _raw_schema(path, given)
    mapping = {c: g for c, g in zip(canonical, given, strict=True) if g in raw}
    return mapping, raw


def _text(col: ir.Value, engine: str = "duckdb") -> ir.StringValue:
    """Trimmed text, NULL when empty. On Spark by a regular expression: Ibis writes its
    ``strip`` there as ``TRIM(' \\t\\n\\r\\v\\f' FROM …)`` and Spark reads ``\\f`` and ``\\v``
    as the letters f and v (``f3`` became ``3``)."""
    text = col.cast("string")
    text = text.strip() if engine == "duckdb" else text.re_replace(r"^\s+|\s+$", "")
    return text.nullif("")


def _number(col: ir.Value, raw_type: ibis.DataType, engine: str) -> tuple[ir.FloatingValue, ir.BooleanValue,
                                                             ir.BooleanValue]:
    """(number, given, parsed): a numeric column as it is (NaN = not given, as pandas and
    Parquet writers mean it); a text column parsed (``TRY_CAST``), empty = not given."""
    if raw_type.is_numeric():
        num = col.cast("float64")
        given = col.notnull() & ~num.isnan().coalesce(False)
        return num, given, given
    text = _text(col, engine)
    num = text.try_cast("float64")
    return num, text.notnull(), num.notnull()


def _key_columns(t: ir.Table, mapping: dict[str, str], raw: ibis.Schema,
                 engine: str) -> dict[str, ir.Value]:
    """The cleaned keys of ``t`` (columns named as in ``mapping``) and the year/month flags:
    keys as trimmed text (``""`` = default technology), ``year``/``month`` as integers (NULL
    when absent or not a year/month), ``bad_year``/``bad_month`` (given but not valid)."""

    def col(key: str) -> ir.Value | None:
        return t[mapping[key]] if key in mapping else None

    def text(key: str) -> ir.StringValue:
        c = col(key)
        return _text(c, engine) if c is not None else ibis.null("string")

    year_num, year_given, _ = _number(col("year"), raw[mapping["year"]], engine)
    year_ok = (year_num == year_num.round()) & year_num.between(1900, 2100)
    year_ok = year_ok.coalesce(False)
    if "month" in mapping:
        m_num, m_given, _ = _number(col("month"), raw[mapping["month"]], engine)
        m_ok = ((m_num == m_num.round()) & m_num.between(1, 12)).coalesce(False)
        month, bad_month = m_ok.ifelse(m_num.cast("int64"), ibis.null("int64")), m_given & ~m_ok
    else:
        month, bad_month = ibis.null("int64"), ibis.literal(False)
    return {"region": text("region"),
            "year": year_ok.ifelse(year_num.cast("int64"), ibis.null("int64")),
            "month": month, "sector": text("sector"), "fuel": text("fuel"),
            "technology": text("technology").coalesce(""), "facility": text("facility"),
            "unit": text("unit"), "bad_year": (year_given & ~year_ok).cast("int64"),
            "bad_month": bad_month.cast("int64")}


# kinds of value cell (one code per row): a good number, then the problems of _VALUE_PROBLEMS
_GOOD, _MISSING, _NOT_NUMBER, _NON_FINITE, _NEGATIVE = range(5)


def _value_code(t: ir.Table, mapping: dict[str, str], raw: ibis.Schema,
                engine: str) -> tuple[ir.FloatingValue, ir.IntegerValue]:
    """(number, kind): the cell read as a number (``TRY_CAST`` of the trimmed text, or the
    numeric cell) and its kind — good, missing (NULL, NaN, empty), not a number (text),
    not finite (inf, nan, beyond 1e308) or negative."""
    num, given, parsed = _number(t[mapping["value"]], raw[mapping["value"]], engine)
    inf = ibis.literal(float("inf"))  # not ``isinf()``: Ibis compiles it to FALSE for PySpark
    infinite = (num == inf) | (num == -inf)
    if raw[mapping["value"]].is_numeric():  # the same cases, fewer tests per row
        kind = ibis.cases((num.isnull() | num.isnan(), _MISSING), (infinite, _NON_FINITE),
                          (num < 0, _NEGATIVE), else_=_GOOD)
        return num, kind
    kind = ibis.cases((~given, _MISSING), (~parsed, _NOT_NUMBER),
                      ((infinite | num.isnan()).coalesce(False), _NON_FINITE),
                      (num < 0, _NEGATIVE), else_=_GOOD)
    return num, kind


def _value_columns(t: ir.Table, mapping: dict[str, str], raw: ibis.Schema,
                   engine: str) -> dict[str, ir.Value]:
    """``value`` (NULL unless a finite number) and the per-row flags ``missing`` (no value),
    ``not_number`` (text that is no number), ``non_finite`` (inf, nan, beyond 1e308), from
    :func:`_value_code`."""
    num, kind = _value_code(t, mapping, raw, engine)
    return {"value": kind.isin([_GOOD, _NEGATIVE]).ifelse(num, ibis.null("float64")),
            "missing": (kind == _MISSING).cast("int64"),
            "not_number": (kind == _NOT_NUMBER).cast("int64"),
            "non_finite": (kind == _NON_FINITE).cast("int64")}


def activity_table(mapping: dict[str, str], raw: ibis.Schema, name: str = "raw",
                   engine: str = "duckdb", table: ir.Table | None = None) -> ir.Table:
    """The cleaned activity over the file's table ``name`` (or ``table``; any optional
    columns present or not): the keys of :func:`_key_columns`, ``value`` and the value flags
    of :func:`_value_columns`, one row per row of the file."""
    t = ibis.table(raw, name=name) if table is None else table
    keys, values = _key_columns(t, mapping, raw, engine), _value_columns(t, mapping, raw, engine)
    return t.select(
        *[keys[k].name(k) for k in ("region", "year", "month", "sector", "fuel", "technology",
                                    "facility")],
        values["value"].name("value"), keys["unit"].name("unit"),
        keys["bad_year"].name("bad_year"), keys["bad_month"].name("bad_month"),
        *[values[k].name(k) for k in ("missing", "not_number", "non_finite")])


def summarise(act: ir.Table) -> ir.Table:
    """One row per (region, year, sector, fuel, technology, unit) as given: rows, the counts
    of each kind of bad value, negative values and the sum of the good ones — the checks and
    stage 1 of a large file from one scan (negative: NULL < 0 is NULL, counted as 0)."""
    return act.group_by(ex.SUMMARY_KEYS).agg(
        rows=act.count(), missing=act.missing.sum(), not_number=act.not_number.sum(),
        non_finite=act.non_finite.sum(), bad_year=act.bad_year.sum(),
        bad_month=act.bad_month.sum(), negative=(act.value < 0).coalesce(False).sum(),
        total=act.value.sum())


# the key columns a file's rows are grouped by as given (before cleaning), facility apart
_RAW_KEYS = ("region", "year", "month", "sector", "fuel", "technology", "unit")
_COUNTS = ("kind", "rows")


def raw_rows(mapping: dict[str, str], raw: ibis.Schema, name: str = "raw",
             engine: str = "duckdb") -> ir.Table:
    """Per row of the file: its key columns as given (canonical names, not cleaned — the
    cleaning of :func:`_key_columns` is a function of the cell, so it runs on the distinct
    values after grouping), ``num`` and ``kind`` of the value (:func:`_value_code`). The
    facility is not read here: whether cleaning would change it is tested by the hash pass
    (:func:`hashes_sql`), which reads it anyway."""
    t = ibis.table(raw, name=name)
    num, kind = _value_code(t, mapping, raw, engine)
    keys = {k: t[mapping[k]] for k in _RAW_KEYS if k in mapping}
    return t.select(**keys, kind=kind.cast("int64"), num=num)


def _hash_sql(columns: list[str], engine: str) -> str:
    """A 64-bit hash of the columns (quoted names) in the engine's SQL: DuckDB ``hash``
    (unsigned, halved to fit a signed integer), Spark ``xxhash64``. Equal keys hash equally;
    different keys rarely do, and every candidate is checked exactly."""
    args = ", ".join(columns)
    return f"xxhash64({args})" if engine == "spark" else f"CAST(hash({args}) >> 1 AS BIGINT)"


def _quote(name: str, engine: str) -> str:
    q = "`" if engine == "spark" else '"'
    return q + name.replace(q, q + q) + q


def candidates_sql(mapping: dict[str, str], engine: str) -> str:
    """The file's rows (table ``raw``) whose hash of the keys as given is in ``repeated``."""
    cols = [_quote(mapping[k], engine) for k in ex.DUPLICATE_KEYS if k in mapping]
    return (f"SELECT * FROM {_quote('raw', engine)} WHERE {_hash_sql(cols, engine)} IN "
            f"(SELECT {_quote('h', engine)} FROM {_quote('repeated', engine)})")


def _duplicates_among(mapping: dict[str, str], raw: ibis.Schema, engine: str) -> ir.Table:
    """Keys (cleaned) given more than once among the rows of the view ``cand``
    (:func:`candidates_sql`) — the exact check of :func:`scan_activity`."""
    cand = activity_table(mapping, raw, name="cand", engine=engine)
    return cand.group_by(ex.DUPLICATE_KEYS).agg(rows=cand.count()).filter(
        lambda x: x.rows > 1)


def _summary(per_group: pd.DataFrame) -> pd.DataFrame:
    """The summary of :func:`summarise` from the groups of keys as given and kinds of value,
    cleaned: summed per cleaned (region, year, sector, fuel, technology, unit); a year or
    month flag and a kind of value count the group's rows; only good and negative values
    are summed."""
    rows, kind = per_group["rows"], per_group["kind"]
    df = per_group.drop(columns=[k for k in _RAW_KEYS if k in per_group.columns]).rename(
        columns={f"clean_{k}": k for k in _RAW_KEYS})
    df = df.assign(bad_year=df["bad_year"] * rows, bad_month=df["bad_month"] * rows,
                   missing=rows * (kind == _MISSING), not_number=rows * (kind == _NOT_NUMBER),
                   non_finite=rows * (kind == _NON_FINITE), negative=rows * (kind == _NEGATIVE),
                   total=df["total"].where(kind.isin([_GOOD, _NEGATIVE])))
    counts = ["rows", "missing", "not_number", "non_finite", "bad_year", "bad_month",
              "negative"]
    by = df.groupby(ex.SUMMARY_KEYS, dropna=False, sort=False)
    out = by[counts].sum()
    out["total"] = by["total"].sum(min_count=1)  # all NULL stays NULL
    return out.reset_index()


def raw_groups(rows: ir.Table, keys: list[str]) -> ir.Table:
    """The rows of :func:`raw_rows` grouped by their keys as given and kind of value: row
    count and the sum of the numbers (meaningful for good and negative values only)."""
    return rows.group_by([*keys, "kind"]).agg(rows=rows.count(), total=rows.num.sum())


def _unclean_sql(column: str, engine: str) -> str:
    """True for a facility (quoted column name) that cleaning would change: ``""`` or a
    blank (space, tab, newline, carriage return, vertical tab, form feed) at an end — the
    characters :func:`_text` trims. DuckDB: RE2 escapes in a literal that keeps backslashes;
    Spark: Java's ``\\s`` is the same six characters (``'\\\\s'`` in its SQL literal)."""
    if engine == "spark":
        return f"({column} = '' OR {column} RLIKE '^\\\\s|\\\\s$')"
    return (f"({column} = '' OR regexp_matches({column}, "
            r"'^[ \t\n\r\x0b\x0c]|[ \t\n\r\x0b\x0c]$'))")


def hashes_sql(mapping: dict[str, str], raw: ibis.Schema, engine: str) -> str:
    """Per row of the file (table ``raw``), a 64-bit hash of its seven key columns as given
    (:func:`_hash_sql`), NULL for a row whose text facility cleaning would change
    (:func:`_unclean_sql`; then the hashes of the keys as given are not used)."""
    cols = [_quote(mapping[k], engine) for k in ex.DUPLICATE_KEYS if k in mapping]
    h = _hash_sql(cols, engine)
    if "facility" in mapping and raw[mapping["facility"]].is_string():
        h = f"CASE WHEN {_unclean_sql(_quote(mapping['facility'], engine), engine)} " \
            f"THEN NULL ELSE {h} END"
    return f"SELECT {h} AS h FROM {_quote('raw', engine)}"


def _one_to_one(groups: pd.DataFrame, keys: list[str]) -> bool:
    """Every key column's cleaning maps distinct given values to distinct cleaned ones
    (``groups`` holds ``<key>`` as given and ``clean_<key>`` side by side)."""
    for k in keys:
        pairs = groups[[k, f"clean_{k}"]].drop_duplicates()
        if pairs[f"clean_{k}"].duplicated().any():
            return False
    return True


def scan_activity(path: str | Path, *, engine: str = "duckdb",
                  spark_master: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The per-group summary (:func:`summarise`) and the duplicate keys of an activity file
    (CSV or Parquet, any optional columns), in one engine session.

    Rows are grouped by their keys as given and kind of value (:func:`raw_groups`); the
    cleaning runs on those groups and the summary sums them per cleaned key (a cell is
    trimmed and parsed once per distinct value, not once per row). Duplicates: a second
    read hashes each row's keys as given (:func:`hashes_sql`) and a sort finds the hashes
    given more than once (:func:`repeated_hashes`). When cleaning is one-to-one on every key
    column (no two given spellings of one key, no facility with blanks at an end — checked
    on the groups), keys equal after cleaning are equal as given, so those hashes find
    every duplicate, and a last pass over the rows of those hashes only checks them exactly
    (:func:`candidates_sql`). Otherwise the hashes of the cleaned keys are used
    (:func:`cocontrol.inventory.expressions.repeated_key_hashes`)."""
    path = Path(path)
    if engine == "duckdb":  # the same definitions in DuckDB SQL (cocontrol.inventory.sql)
        return _scan_duckdb(path)
    mapping, raw = activity_columns(path)
    rows = raw_rows(mapping, raw, engine=engine)
    keys = [k for k in _RAW_KEYS if k in mapping]
    with session({"raw": str(path)}, engine=engine, spark_master=spark_master) as ses:
        try:
            groups = ses.run({"g": raw_groups(rows, keys)}, arrow=True)["g"]
            hashes, unclean = repeated_hashes(
                ses.arrow_sql(hashes_sql(mapping, raw, engine))["h"])
            ses.register("groups", groups)
            gschema = ibis.Schema.from_pyarrow(groups.schema)
            g = ibis.table(gschema, name="groups")
            clean = _key_columns(g, {k: k for k in keys}, gschema, engine)
            cleaned = g.select(*keys, *[clean[k].name(f"clean_{k}") for k in _RAW_KEYS],
                               clean["bad_year"].name("bad_year"),
                               clean["bad_month"].name("bad_month"), *_COUNTS, "total")
            per_group = ses.run({"g": cleaned})["g"]
            exact = unclean == 0 and _one_to_one(per_group, keys)
            summary = _summary(per_group)
            if exact and len(hashes) == 0:
                dups = pd.DataFrame(columns=[*ex.DUPLICATE_KEYS, "rows"])
            elif exact:
                ses.register("repeated", hashes)
                ses.register_sql("cand", candidates_sql(mapping, engine))
                dups = ses.run({"dups": _duplicates_among(mapping, raw, engine)})["dups"]
            else:
                act = activity_table(mapping, raw, engine=engine)
                first = ses.run({"hashes": ex.repeated_key_hashes(act)})["hashes"]
                if len(first) == 0:
                    dups = pd.DataFrame(columns=[*ex.DUPLICATE_KEYS, "rows"])
                else:
                    ses.register("repeated", to_arrow(first, ex.HASHES_SCHEMA))
                    repeated = ibis.table(ex.HASHES_SCHEMA, name="repeated")
                    dups = ses.run({"dups": ex.duplicate_keys(act, repeated)})["dups"]
        except InputError:
            raise
        except Exception as exc:  # the engine could not read the file as a table
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError("cannot read the file as a table", file=str(path),
                             expected="a CSV (UTF-8, comma-separated, one header row) or "
                                      "Parquet file", found=first_line[:300]) from None
    return summary, dups


def _scan_duckdb(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    from cocontrol.inventory import bigfile
    from cocontrol.inventory.filehead import header

    mapping, kinds = header(path)
    con = bigfile.connect()
    try:
        bigfile.register_file(con, path)
        dups = bigfile.scan(con, path, mapping, kinds)
        summary = con.sql("SELECT * FROM summary").to_arrow_table().to_pandas()
    except (InputError, ValidationFailed):
        raise
    except Exception as exc:  # the engine could not read the file as a table
        msg = str(exc).strip()
        raise InputError("cannot read the file as a table", file=str(path),
                         expected="a CSV (UTF-8, comma-separated, one header row) or "
                                  "Parquet file",
                         found=(msg.splitlines()[0] if msg else type(exc).__name__)[:300]
                         ) from None
    finally:
        con.close()
    return summary, dups.to_pandas()


def compute_file(path: str | Path, *, gwp: str = "AR5", engine: str = "duckdb",
                    controls: pd.DataFrame | None = None, spark_master: str | None = None,
                    progress: Callable[[str], None] | None = None,
                    factors: object = None) -> pd.DataFrame:
    """``compute`` for an activity file of any size (see module docstring).

    The file (Parquet, or CSV in UTF-8) has the required columns region, year, sector, fuel,
    value, unit (English or Chinese headers) and any of the optional month, technology,
    facility; an unknown column stops it before anything runs, with the column it most
    likely means. ``controls``: a raw or :func:`cocontrol.data.controls.read_controls`
    frame, incl. the ``applies_to`` activity technology. ``factors``: the factor set (name,
    file; None = default).

    The file is read by :func:`scan_activity`; everything after works on the summary —
    one row per region, year, sector, fuel, technology and unit as given — whose values are
    the sums of the file's (``Σ_i A_i × EF × c = (Σ_i A_i) × EF × c``): names, units and
    technologies are resolved for those rows only, then :func:`cocontrol.inventory.core.evaluate`
    runs the same staged inventory as ``compute``. ``progress(text)`` is told when each of the
    two steps (scanning the file, computing the summary) begins.

    On DuckDB (the default) the same definitions run as SQL without Ibis
    (:func:`cocontrol.inventory.bigfile.run`); this module's Ibis expressions serve Spark."""
    if engine == "duckdb":  # DuckDB SQL, no Ibis (cocontrol.inventory.bigfile)
        from cocontrol.inventory import bigfile

        return bigfile.to_frame(bigfile.run(path, gwp=gwp, controls=controls,
                                            factors=factors, progress=progress))
    file = str(path)
    step = progress or (lambda text: None)
    fx.gwp_table(gwp)
    step(f"扫描并校验 {Path(file).name} / scanning ({engine})")
    summary, dups = scan_activity(path, engine=engine, spark_master=spark_master)
    sector_map, fuel_map, problems = _resolve(summary, file)
    problems += _check_groups(summary, fuel_map, file)
    problems += _check_duplicates(dups, file)
    tech_map, more = _technologies(summary, fuel_map, file)
    problems += more
    if problems:
        raise ValidationFailed(problems, summary=f"activity data {Path(file).name} is invalid")
    fuel = summary["fuel"].map(fuel_map)
    activity = pd.DataFrame({
        "region": summary["region"], "year": summary["year"].astype("int64"),
        "sector": summary["sector"].map(sector_map), "fuel": fuel,
        "technology": [tech_map.get((f, t), "") for f, t in zip(fuel, summary["technology"],
                                                                strict=True)]
        if tech_map else "",  # no technology given: the default throughout
        "value": summary["total"].astype("float64"), "unit": summary["unit"]})

    step(f"核算 {len(activity):,} 组 / computing ({engine})")
    return evaluate(activity, gwp=gwp, engine=engine, controls=controls, factors=factors,
                    spark_master=spark_master, no_factor=missing_factor(file))


compute_parquet = compute_file  # the name of the Parquet-only first version
