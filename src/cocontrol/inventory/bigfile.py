"""A large activity file (Parquet or UTF-8 CSV) checked and computed in DuckDB SQL.

The DuckDB side of :func:`cocontrol.inventory.scan.compute_file` and the command line's
path: the queries of :mod:`cocontrol.inventory.sql`, without Ibis.

1. The header is checked (:func:`cocontrol.inventory.filehead.header`).
2. First read (a worker thread; DuckDB releases the interpreter, so the reference tables —
   factor set, GWP, names, controls — are prepared beside it): the rows grouped by their
   keys as given and the kind of their value (:func:`cocontrol.inventory.sql.raw_groups`),
   cleaned and summed per key: the summary, ~10⁵ rows for 10⁷ facility rows.
3. Second read, beside step 4: for a file whose facilities increase from row to row
   (:mod:`cocontrol.inventory.ordered`; its first rows looked at during the first read,
   :func:`may_be_ordered`), that column alone — then no key is given twice;
   for any other file, on its own connection, a 64-bit hash of each row's key
   columns (:func:`cocontrol.inventory.sql.hashes`), sorted to find keys given twice,
   checked exactly (:func:`duplicate_rows`).
4. The summary is checked (:mod:`cocontrol.inventory.checks`) and, without activity
   technologies, the staged inventory, the CO2e rows and the output order run on integer
   codes of the names (:class:`Codes`; no text carried or sorted), the names put back as
   dictionary columns. Nothing is written before every check, the duplicates included, has
   passed. A file with activity technologies takes
   :func:`cocontrol.inventory.core.evaluate` on the summary (technologies summed in a fixed
   order).

Same checks, same numbers as ``compute`` (``tests/inventory/test_bigfile.py``); the command's
Parquet output is the one the pandas path wrote (``benchmarks/compare_cli_output.py``).
"""

from __future__ import annotations

import math
import os
import tempfile
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.inventory import sql
from cocontrol.inventory.filehead import header, is_csv
from cocontrol.inventory.keys import OUTPUT

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

DUPS_SCHEMA = pa.schema([("region", pa.string()), ("year", pa.int64()),
                         ("month", pa.int64()), ("sector", pa.string()),
                         ("fuel", pa.string()), ("technology", pa.string()),
                         ("facility", pa.string()), ("rows", pa.int64())])


def connect() -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the engine settings of
    :class:`cocontrol.inventory.engines.Session` (spill folder, memory limit)."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET temp_directory='{tempfile.gettempdir()}/cocontrol_duckdb'")
    con.execute(f"SET memory_limit='{os.environ.get('COCONTROL_DUCKDB_MEMORY', '3GB')}'")
    return con


def register_file(con: duckdb.DuckDBPyConnection, path: str | Path, name: str = "raw") -> None:
    """The file as the view ``name``: CSV cells as text (UTF-8, comma, ``"`` quotes),
    Parquet columns as stored."""
    p = sql.literal(str(path))
    reader = (f"read_csv({p}, header=true, all_varchar=true, delim=',', quote='\"', "
              "escape='\"')" if is_csv(path) else f"read_parquet({p})")
    con.execute(f"CREATE OR REPLACE TEMP VIEW {sql.quote(name)} AS SELECT * FROM {reader}")


def repeated_hashes(hashes: pa.ChunkedArray | pa.Array) -> tuple[pa.Table, int]:
    """:func:`repeated` as a table (column ``h``)."""
    same, nulls = repeated(hashes)
    return pa.table({"h": pa.array(same, pa.int64())}), nulls


def repeated(hashes: pa.ChunkedArray | pa.Array) -> tuple[Any, int]:
    """The hashes that occur more than once (numpy, sorted), and the number of NULL hashes
    (rows whose facility cleaning may change; when there is one, the hashes are not used —
    the cleaned keys are grouped — and not sorted): an in-place sort of the 64-bit integers
    (for 10⁷ rows a few times faster than an engine's hash table with one entry per
    facility; 16 bytes a row in memory while it runs, 1.6 GB for 10⁸ rows)."""
    import numpy as np

    nulls = hashes.null_count
    if nulls:
        return np.empty(0, dtype="int64"), nulls
    chunks = hashes.chunks if isinstance(hashes, pa.ChunkedArray) else [hashes]
    h = populated(sum(len(c) for c in chunks))
    if len(h):
        # the chunks' value buffers as they are (no NULL here; ``to_numpy`` imports pandas)
        np.concatenate([np.frombuffer(c.buffers()[1], dtype="int64", count=len(c),
                                      offset=8 * c.offset) for c in chunks], out=h)
    h.sort()
    same = h[1:][h[1:] == h[:-1]]  # sorted; each value once (np.unique imports numpy.ma)
    first = np.ones(len(same), dtype=bool)
    first[1:] = same[1:] != same[:-1]
    return same[first], nulls


def populated(n: int) -> Any:
    """A writable int64 array of ``n`` items whose pages are mapped in one call
    (``MAP_POPULATE``): a page first touched one by one costs ~10 µs on the virtual machines
    this runs on (80 MB, the hashes of 10⁷ rows: ~0.5–1 s), mapped at once ~25 ms. Elsewhere
    than Linux a plain ``numpy.empty``."""
    import mmap

    import numpy as np

    flags = getattr(mmap, "MAP_POPULATE", 0)
    if n == 0 or not flags:
        return np.empty(n, dtype="int64")
    buffer = mmap.mmap(-1, 8 * n, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | flags)
    return np.frombuffer(buffer, dtype="int64")  # the array keeps the mapping alive


def group(con: duckdb.DuckDBPyConnection, mapping: dict[str, str],
          kinds: dict[str, str]) -> bool:
    """First read of the view ``raw``: its rows grouped by their keys as given and kind of
    value, cleaned and summed per key (the temp tables ``cleaned`` and ``summary``).
    Returns whether cleaning is one-to-one on every key column (no two spellings of one
    key), so that keys equal after cleaning are equal as given."""
    read_groups(con, mapping, kinds)
    return clean_groups(con, mapping, kinds)


def read_groups(con: duckdb.DuckDBPyConnection, mapping: dict[str, str],
                kinds: dict[str, str]) -> None:
    """The read of :func:`group`: the rows of the view ``raw`` grouped by their keys as
    given and kind of value (:func:`cocontrol.inventory.sql.raw_groups`), the temp table
    ``groups``."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE groups AS {sql.raw_groups(mapping, kinds)}")


def clean_groups(con: duckdb.DuckDBPyConnection, mapping: dict[str, str],
                 kinds: dict[str, str]) -> bool:
    """The rest of :func:`group` on the ~10⁵ groups read (the temp table ``groups``):
    cleaned, summed per key."""
    con.execute("SET threads=1")  # ~10⁵ groups: a second thread costs more than it saves
    keys = sql.raw_keys(mapping)
    ckinds = {k: kinds[mapping[k]] for k in keys}
    if con.sql(sql.unchanged_by_cleaning(keys, ckinds)).fetchone()[0] == 0:
        # the common file: every key already clean, summed as given (one-to-one)
        con.execute(f"CREATE OR REPLACE TEMP VIEW cleaned AS {sql.as_given_groups(keys, ckinds)}")
        con.execute(f"CREATE OR REPLACE TEMP TABLE summary AS {sql.summary()}")
        con.execute("DROP VIEW cleaned")
        con.execute("DROP TABLE groups")
        return True
    con.execute(f"CREATE OR REPLACE TEMP TABLE cleaned AS {sql.cleaned_groups(keys, ckinds)}")
    con.execute("DROP TABLE groups")
    con.execute(f"CREATE OR REPLACE TEMP TABLE summary AS {sql.summary()}")
    return con.sql(sql.not_one_to_one(keys)).fetchone()[0] == 0


def hash_pass(path: str | Path, mapping: dict[str, str], kinds: dict[str, str],
              threads: int | None = None) -> tuple[Any, int]:
    """Second read, on a connection of its own (so it can run beside the per-key work of
    the first): the repeated hashes of the keys as given and the rows whose facility
    cleaning may change (:func:`repeated_hashes`). ``threads``: DuckDB threads of that
    connection (:func:`hash_threads`; default every core)."""
    con = connect()
    if threads:
        con.execute(f"SET threads={int(threads)}")
    # the hashes are sorted: their order is free (10⁷ rows: ~0.04 s less on Parquet, ~0.15 s
    # less on CSV, against the file's row order kept)
    con.execute("SET preserve_insertion_order=false")
    try:
        register_file(con, path)
        return repeated(con.sql(sql.hashes(mapping, kinds)).to_arrow_table()["h"])
    finally:
        con.close()


def distinct_facilities(path: str | Path, mapping: dict[str, str], kinds: dict[str, str],
                        rows: int) -> bool:
    """Whether the file's facilities, increasing from row to row, prove every key distinct
    (:func:`cocontrol.inventory.ordered.increasing_facilities`) on all its ``rows`` (the
    count of the first read: a CSV file read another way would not match it). False when
    that cannot be read from the file (the engine's reads say what is wrong with it).

    A proof over the whole key (for files whose facilities repeat on successive rows) was
    measured and left out: on a 10⁷-row export in key order it cost about the hash read's CPU
    on Parquet (five columns read on one thread) and more wall on CSV (benchmarks/README.md,
    session 9, helper lj)."""
    column = mapping.get("facility")
    if column is None or kinds.get(column) != "text":
        return False
    from cocontrol.inventory.ordered import increasing_facilities

    try:
        return increasing_facilities(path, column) == rows
    except Exception:  # a file the reader refuses: the engine's reads report it
        return False


def may_be_ordered(con: duckdb.DuckDBPyConnection, path: str | Path, mapping: dict[str, str],
                   kinds: dict[str, str]) -> bool:
    """Whether the file's first facilities increase
    (:func:`cocontrol.inventory.ordered.may_increase` on its first rows, read by the engine):
    False settles that :func:`distinct_facilities` would not prove the keys distinct, without
    its pass (pyarrow's reader opened and a batch read: 0.05–0.1 s of CPU on the second
    read's path). Run beside the grouping: a CSV file's head read in Python
    (:func:`cocontrol.inventory.ordered.csv_head`; a second view of the file would sniff it
    again), a Parquet file's first rows by a small query on a cursor of ``con``'s database; a
    file either refuses is left to the reads (True)."""
    column = mapping.get("facility")
    if column is None or kinds.get(column) != "text":
        return False
    from cocontrol.inventory.ordered import PROBE, csv_head, may_increase

    if is_csv(path):
        head = csv_head(path, column)
        return head is None or may_increase(head)
    try:
        probe = con.cursor()
        try:
            register_file(probe, path)
            first = probe.sql(f"SELECT {sql.quote(column)} FROM raw LIMIT {PROBE}")
            values = first.to_arrow_table().column(0).combine_chunks()
        finally:
            probe.close()
    except Exception:  # the grouping reports what is wrong with the file
        return True
    return may_increase(values)


def hash_or_ordered(path: str | Path, mapping: dict[str, str], kinds: dict[str, str],
                    rows: int, threads: int | None = None,
                    ordered: bool = True) -> tuple[Any, int] | None:
    """None when :func:`distinct_facilities` proves every key of the file's ``rows``
    distinct, else :func:`hash_pass`. ``ordered`` False (:func:`may_be_ordered`): hashed at
    once."""
    if ordered and distinct_facilities(path, mapping, kinds, rows):
        return None
    return hash_pass(path, mapping, kinds, threads)


# Per-row cost of the second read against the per-key work's cost per group of the first
# read, as rows per group at which the two take about as long (10 M rows, ~115 000 groups,
# one thread each: Parquet ~0.9 s / ~1.0 s, CSV ~3.6 s / ~1.0 s)
HASH_ROWS_PER_GROUP = {"parquet": 100, "csv": 28}


def hash_threads(rows: int, groups: int, csv: bool) -> int:
    """DuckDB threads for the second read (:func:`hash_pass`), which runs beside the per-key
    work (one thread, ~proportional to the groups) — on two cores, say H and P their CPU
    seconds on one thread. With two threads for the read the three threads share the two
    cores, so the per-key work gets two thirds of one while the read runs: done after
    P + H/4 when H < 2P (a core idles at the end), after P/2 + H/2 otherwise. With one
    thread each: after max(H, P). One thread is the shorter whenever H < 4/3·P — a file
    with ~100 rows per group or fewer (Parquet; ~28 for CSV, whose second parse costs
    ~4 times as much a row) — and the read then also costs a little less CPU (no second
    thread to feed). More cores than two: every core."""
    import os

    cores = os.cpu_count() or 1
    if cores > 2:
        return cores
    per_group = HASH_ROWS_PER_GROUP["csv" if csv else "parquet"]
    return 1 if rows * 3 < 4 * per_group * max(groups, 1) else cores


def duplicate_rows(con: duckdb.DuckDBPyConnection, mapping: dict[str, str],
                   kinds: dict[str, str], hashed: tuple[Any, int],
                   one_to_one: bool) -> pa.Table:
    """The duplicate keys (at most 1000, in key order): when cleaning is one-to-one and no
    facility has blanks at an end, the rows of the repeated hashes (:func:`repeated`) are
    checked exactly; otherwise the cleaned keys of every row are grouped."""
    same, unclean = hashed
    exact = unclean == 0 and one_to_one
    if exact and len(same) == 0:
        return pa.Table.from_batches([], schema=DUPS_SCHEMA)
    if exact:
        con.register("repeated", pa.table({"h": pa.array(same, pa.int64())}))
    dups = con.sql(sql.duplicates(mapping, kinds, repeated="repeated" if exact else None))
    return dups.to_arrow_table()


def scan(con: duckdb.DuckDBPyConnection, path: str | Path, mapping: dict[str, str],
         kinds: dict[str, str]) -> pa.Table:
    """Both reads of the view ``raw`` of ``path`` one after the other (:func:`group`,
    :func:`hash_or_ordered`): the summary (temp table ``summary``) and the duplicate keys."""
    one_to_one = group(con, mapping, kinds)
    rows = con.sql("SELECT COALESCE(SUM(rows), 0) FROM summary").fetchone()[0]
    hashed = hash_or_ordered(path, mapping, kinds, int(rows))
    if hashed is None:  # the facilities alone prove every key distinct
        return pa.Table.from_batches([], schema=DUPS_SCHEMA)
    return duplicate_rows(con, mapping, kinds, hashed, one_to_one)


@dataclass
class References:
    """The shipped or given tables the computation needs, prepared beside the scan — as Arrow
    tables and plain Python, so that the command's path needs no pandas unless the file
    brings controls, electricity or heat, or activity technologies."""

    factors: pa.Table  # expanded scope-1 factor table (:data:`FACTOR_COLUMNS`)
    factors_file: str | None  # the same table as a Parquet file of the cache (shipped sets)
    gwp: list[tuple[str, float]]  # (species, gwp)
    label: str
    key: str | None
    lookup: dict  # the factor set's gaps.factor_lookup (for the coverage table)
    fuels: list[str]  # gaps.combustion_fuels (for the coverage table)
    controls: Any  # the controls as read (pandas) or None
    multipliers: Any  # their remaining fractions per key (pandas) or None


def references(gwp: str, factors: object, controls: object) -> References:
    """Factor set, GWP weights, controls and their multipliers, as
    :func:`cocontrol.inventory.core.prepare` makes them. A shipped set's tables — and the
    sector and fuel vocabularies (:func:`cocontrol.data.names.use`) — come from the
    reference cache (:mod:`cocontrol.inventory.refcache`) as Arrow tables, read back without
    pandas; the pandas forms are prepared only for controls."""
    from cocontrol.data import names
    from cocontrol.inventory import refcache

    def prepare_pandas() -> tuple[Any, ...]:
        from cocontrol.inventory import factors as fx
        from cocontrol.inventory.gaps import factor_lookup

        weights = fx.gwp_table(gwp)  # an unknown GWP set fails here
        facs, eff, label, key = fx.resolve(factors)
        return weights, facs, eff, label, key, factor_lookup(facs)

    shipped = refcache.cacheable(factors)
    frames: list[tuple[Any, ...]] = []

    def pandas_tables() -> tuple[Any, ...]:  # once, from the cache for a shipped set
        if not frames:
            frames.append(refcache.cached("references-pandas", (gwp, str(factors)),
                                          prepare_pandas) if shipped else prepare_pandas())
        return frames[0]

    def prepare() -> tuple[Any, ...]:
        from cocontrol.inventory.gaps import combustion_fuels

        weights, facs, _eff, label, key, lookup = pandas_tables()
        table = [(str(sp), float(g)) for sp, g in zip(weights["species"], weights["gwp"],
                                                      strict=True)]
        return (_arrow(facs, FACTOR_COLUMNS), table, str(label),
                None if key is None else str(key), dict(lookup),
                [str(f) for f in combustion_fuels()], names.sectors(), names.fuels())

    factors_file = None
    if shipped:  # prepared once per code version, read back without pandas
        parts = (gwp, str(factors))
        facs, weights, label, key, lookup, fuels, sectors, fuel_names = refcache.cached(
            "references", parts, prepare, libs=("pyarrow",))
        names.use(sectors, fuel_names)
        # the factor table also as a Parquet file, which the engine reads without a Python
        # object handed to it (DuckDB imports pandas to check whether such an object is a frame)
        stored = refcache.cached_parquet("factors", parts, lambda: facs)
        factors_file = None if stored is None else str(stored)
    else:
        facs, weights, label, key, lookup, fuels, _s, _f = prepare()
    mult = None
    if isinstance(controls, str | Path):
        from cocontrol.data.controls import read_controls

        controls = read_controls(controls)
    if controls is not None and len(controls):  # type: ignore[arg-type]
        from cocontrol.inventory import factors as fx

        _w, frame, eff, *_ = pandas_tables()
        mult = fx.control_multipliers(controls, efficiency=eff, factors=frame)
    names.sectors(), names.fuels()  # read now, beside the scan
    return References(facs, factors_file, weights, label, key, lookup, fuels, controls, mult)


@dataclass
class Result:
    """The outcome of :func:`run`: the output table in order (None when written to a
    file), its row count, the factor set's label, the (sector, fuel, technology, species)
    without a factor, and the closing line's figures (scope-1 CO2 per year, regions)."""

    table: pa.Table | None
    rows: int
    label: str
    missing_factors: list[tuple[str, str, str, str]] = field(default_factory=list)
    co2_by_year: list[tuple[int, float]] = field(default_factory=list)
    regions: int = 0
    region: str | None = None
    frame: Any = None  # the pandas result when the general path (technologies) ran


_SQL_TYPES = {pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE"}


def small_table(con: duckdb.DuckDBPyConnection, name: str, schema: pa.Schema,
                rows: list[tuple]) -> None:
    """A temp table of a few hundred rows written as SQL literals, in the rows' order (not a
    Python object handed to the engine: DuckDB and pyarrow import pandas — ~0.3 s of CPU — to
    check whether an object is a frame). Numbers are exact: a float is written as its
    shortest round-trip text, cast to DOUBLE."""
    def lit(value: object, kind: pa.DataType) -> str:
        if value is None:
            return "NULL"
        if kind == pa.string():
            return sql.literal(str(value))
        if kind == pa.float64():
            return f"CAST('{float(value)!r}' AS DOUBLE)"
        return str(int(value))  # type: ignore[call-overload]

    cols = ", ".join(f"{sql.quote(f.name)} {_SQL_TYPES[f.type]}" for f in schema)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {sql.quote(name)} ({cols})")
    if rows:
        values = ", ".join("(" + ", ".join(lit(v, f.type) for v, f in zip(row, schema,
                                                                           strict=True)) + ")"
                           for row in rows)
        con.execute(f"INSERT INTO {sql.quote(name)} VALUES {values}")


def strings(words: list[str]) -> pa.Array:
    """An Arrow string array of ``words`` built from its buffers (``pa.array`` of a Python
    list imports pandas, to check whether it is a pandas object)."""
    import numpy as np

    data = [w.encode("utf-8") for w in words]
    offsets = np.zeros(len(data) + 1, dtype="int32")
    np.cumsum([len(d) for d in data], out=offsets[1:])
    return pa.Array.from_buffers(pa.string(), len(data),
                                 [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(data))])


def _arrow(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    """Arrow table with the schema's columns (absent string columns ``""``; NaN → NULL)."""
    cols = {}
    for f in schema:
        col = frame[f.name] if f.name in frame.columns else None
        if col is None:
            cols[f.name] = pa.array([""] * len(frame), f.type)
        else:
            col = col.astype(object).where(col.notna(), None) if col.dtype == object else col
            cols[f.name] = pa.array(col, type=f.type, from_pandas=True)
    return pa.table(cols, schema=schema)


FACTOR_COLUMNS = pa.schema([("sector", pa.string()), ("fuel", pa.string()),
                            ("technology", pa.string()), ("species", pa.string()),
                            ("ef", pa.float64()), ("scope", pa.int64())])
FACTORS = FACTOR_COLUMNS.append(pa.field("p", pa.int64()))
NAME_MAP = pa.schema([("given", pa.string()), ("code", pa.string())])
UNITS = pa.schema([("fuel", pa.string()), ("unit", pa.string()), ("mult", pa.float64())])
GWP = pa.schema([("species", pa.string()), ("gwp", pa.float64()), ("p", pa.int64())])
GRID = pa.schema([("region", pa.string()), ("year", pa.int64()), ("fuel", pa.string()),
                  ("species", pa.string()), ("ef", pa.float64()), ("scope", pa.int64()),
                  ("p", pa.int64())])
CONTROLS = pa.schema([("region", pa.string()), ("year", pa.int64()), ("sector", pa.string()),
                      ("fuel", pa.string()), ("applies_to", pa.string()),
                      ("species", pa.string()), ("ctrl", pa.float64()),
                      ("control", pa.string())])


def run(path: str | Path, *, gwp: str = "AR5", controls: object = None, factors: object = None,
        progress: Callable[[str], None] | None = None, output: str | Path | None = None,
        co2e_rows: bool = True) -> Result:
    """Check and compute an activity file in DuckDB (see the module docstring). ``controls``
    a frame (raw or read) or a file path; ``factors`` as in ``compute``; ``output``: a
    Parquet path, written atomically (then ``Result.table`` is None). Raises
    :class:`ValidationFailed` with every problem before anything is written."""
    file = str(path)
    step = progress or (lambda text: None)
    mapping, kinds = header(path)
    con = connect()
    try:
        register_file(con, path)
        step(f"扫描并校验 {Path(file).name} / scanning (duckdb)")
        with ThreadPoolExecutor(1) as pool:
            grouping = pool.submit(read_groups, con, mapping, kinds)
            try:
                refs = references(gwp, factors, controls)
                ordered = may_be_ordered(con, path, mapping, kinds)
            except BaseException:
                con.interrupt()
                raise
            _read(grouping.result, file)
            # the second read starts now, beside the cleaning, the checks, the per-key work
            # and the writing of the output (to a temporary file, renamed once it is known
            # that no key is given twice), on one thread or every core (:func:`hash_threads`)
            rows, groups = con.sql("SELECT COALESCE(SUM(rows), 0), COUNT(*) "
                                   "FROM groups").fetchone()
            hashing = pool.submit(hash_or_ordered, path, mapping, kinds, int(rows),
                                  hash_threads(int(rows), int(groups), is_csv(path)), ordered)
            try:
                one_to_one = _read(lambda: clean_groups(con, mapping, kinds), file)
            except BaseException:
                hashing.cancel()
                raise

            def dups() -> pa.Table:
                hashed = _read(hashing.result, file)
                if hashed is None:  # the facilities alone prove every key distinct
                    return pa.Table.from_batches([], schema=DUPS_SCHEMA)
                return duplicate_rows(con, mapping, kinds, hashed, one_to_one)

            return _compute(con, file, dups, refs, gwp=gwp, factors=factors, step=step,
                            output=output, co2e_rows=co2e_rows)
    finally:
        con.close()


def _read(result: Callable[[], Any], file: str) -> Any:
    """``result()`` of a read of the file; an engine error is the file's fault."""
    try:
        return result()
    except (InputError, ValidationFailed):
        raise
    except Exception as exc:  # the engine could not read the file as a table
        msg = str(exc).strip()
        first = msg.splitlines()[0] if msg else type(exc).__name__
        raise InputError("cannot read the file as a table", file=file,
                         expected="a CSV (UTF-8, comma-separated, one header row) or "
                                  "Parquet file", found=first[:300]) from None


def _compute(con: duckdb.DuckDBPyConnection, file: str, dups: Callable[[], pa.Table],
             refs: References, *,
             gwp: str, factors: object, step: Callable[[str], None],
             output: str | Path | None, co2e_rows: bool) -> Result:
    from cocontrol.inventory import checks, gaps, refcache

    unit_multiplier = refcache.UnitMemo()  # pint only for a (fuel, unit) not seen before
    # the checks read sums over the summary's keys: a few hundred rows, not one per key
    # (as Python rows: no pandas on this path)
    profile = con.sql(sql.check_profile()).to_arrow_table().to_pylist()
    sector_map, fuel_map, problems = checks.resolve_names(profile, file)
    problems += checks.check_groups(profile, fuel_map, file, unit_multiplier)
    tech_map, more = checks.technology_codes(profile, fuel_map, file)
    duplicated: list[Problem] | None = None

    def duplicates() -> list[Problem]:  # waits for the second read (once)
        nonlocal duplicated
        if duplicated is None:
            duplicated = checks.check_duplicates(dups(), file)
        return duplicated

    if problems or more or tech_map:
        problems += duplicates() + more
    if problems:
        raise ValidationFailed(problems, summary=f"activity data {Path(file).name} is invalid")
    step(f"核算 {con.sql('SELECT COUNT(*) FROM summary').fetchone()[0]:,} 组 / computing (duckdb)")
    if tech_map:  # activity technologies: the general path, technologies summed in order
        summary = con.sql("SELECT * FROM summary").to_arrow_table().to_pandas()  # pandas here
        return _general(summary, summary["fuel"].map(fuel_map), sector_map, tech_map, refs,
                        file, gwp, factors, co2e_rows)
    small_table(con, "sector_map", NAME_MAP, list(sector_map.items()))
    small_table(con, "fuel_map", NAME_MAP, list(fuel_map.items()))
    pairs = sorted({(fuel_map[r["fuel"]], r["unit"]) for r in profile})
    small_table(con, "units", UNITS, [(f, u, unit_multiplier(f, u)) for f, u in pairs])
    unit_multiplier.save()
    con.execute(f"CREATE OR REPLACE TEMP TABLE agg AS {sql.agg()}")
    region_years = con.sql("SELECT DISTINCT region, year FROM agg ORDER BY 1, 2").fetchall()
    grid_species: list[str] = []  # grid factors join electricity and heat only
    if con.sql("SELECT COUNT(*) FROM agg WHERE fuel IN ('Electricity', 'Heat')").fetchone()[0]:
        import pandas as pd

        from cocontrol.inventory import factors as fx

        frame = fx.grid_factors(pd.DataFrame(region_years, columns=["region", "year"]))
        grid_species = list(frame["species"])
    factor_species = refs.factors["species"].to_pylist()
    species = sorted({*factor_species, *grid_species, "CO2e"})
    rank = {sp: i for i, sp in enumerate(species)}
    p_of = "CASE species " + " ".join(f"WHEN {sql.literal(sp)} THEN {i}"
                                      for sp, i in rank.items()) + " END"
    if refs.factors_file is not None:  # read by the engine, in the file's row order
        con.execute(f"CREATE OR REPLACE TEMP TABLE factors AS SELECT *, CAST({p_of} AS BIGINT) "
                    f"AS p FROM read_parquet({sql.literal(refs.factors_file)})")
    else:
        con.register("factors", refs.factors.append_column(
            "p", pa.array([rank[sp] for sp in factor_species], pa.int64())))
    if grid_species:
        con.register("grid", _arrow(frame.assign(p=frame["species"].map(rank)), GRID))
    else:
        small_table(con, "grid", GRID, [])
    if refs.multipliers is not None:
        con.register("controls", _arrow(refs.multipliers, CONTROLS))
    else:
        small_table(con, "controls", CONTROLS, [])
    small_table(con, "gwp", GWP, [(sp, g, rank.get(sp)) for sp, g in refs.gwp])
    missing = con.sql(sql.unmatched()).to_arrow_table()
    if missing.num_rows and duplicates():
        raise ValidationFailed(duplicates(),
                               summary=f"activity data {Path(file).name} is invalid")
    if missing.num_rows:
        raise checks.missing_factor(file)(missing)
    # the coverage of the (sector, fuel) pairs given (gaps.factor_coverage's groups: the
    # profile's rows per pair, in order)
    pairs_given: dict[tuple[str, str, str], int] = {}
    for r in profile:
        key = (sector_map[r["sector"]], fuel_map[r["fuel"]], "")
        pairs_given[key] = pairs_given.get(key, 0) + 1
    cover = gaps.coverage_rows([(*k, n) for k, n in sorted(pairs_given.items())], refs.lookup,
                               fuels=refs.fuels)
    codes = _codes(con, region_years, species)
    grouped = con.sql(sql.single_rows()).fetchone()[0] != 0
    result = Result(None, 0, refs.label, [
        (sector, fuel, tech, sp) for sector, fuel, tech, sp, status, _fid, _n in cover
        if status == "missing"])
    if codes is None:  # too many names for one integer key: sort the text
        con.execute(f"CREATE OR REPLACE TEMP TABLE inv AS {sql.inventory('agg', grouped=grouped)}")
        table = con.sql(sql.finished("inv", co2e_rows)).to_arrow_table()
    else:
        if grouped or refs.multipliers is not None:
            inv = sql.inventory("agg_r", grouped=grouped, carry=("k0", "k1", "p"))
        else:  # one row per key, no technology, no control: the two joins that match
            inv = sql.inventory_plain("agg_r", grid=bool(grid_species),
                                    carry=("k0", "k1", "p"))
        con.execute(f"CREATE OR REPLACE TEMP TABLE inv AS SELECT k0, k1, scope, p, value "
                    f"FROM ({inv})")
        codes.headline(con, result)
        # one batch (one thread here): the columns are taken as they are, not copied
        coded = con.sql(codes.query(co2e_rows, rank["CO2e"])).to_arrow_table(batch_size=1 << 30)
        table = codes.table(coded, encoded=output is not None)
    if codes is None:
        _headline(result, table)
    result.rows = table.num_rows

    def checked() -> None:  # the second read ran beside all this
        if duplicates():
            raise ValidationFailed(duplicates(),
                                   summary=f"activity data {Path(file).name} is invalid")
        if result.missing_factors:
            warnings.warn(gaps.missing_note(cover), UserWarning, stacklevel=4)

    if output is None:
        checked()
        result.table = table
        return result
    import pyarrow.parquet as pq

    from cocontrol.files import write_atomic

    step(f"写出 {Path(output).name} / writing")

    def save(tmp: str) -> None:  # written beside the second read, renamed after its check
        # dictionary columns are written as such; without the Arrow schema they read as text.
        # The values are written plain (a dictionary of 10⁶ distinct floats is built, then
        # dropped by the writer) and without statistics (min/max of each page, unused here):
        # the same rows, half the writer's time and fresh memory
        pq.write_table(table, tmp, store_schema=False, write_statistics=False,
                       use_dictionary=[c for c in table.column_names if c != "value"])
        checked()

    write_atomic(output, save)
    return result


@dataclass
class Codes:
    """Output names as integers: ``k0 = region rank × years + (year − first)``, ``k1 =
    sector rank × fuels + fuel rank``, ``p`` the species rank (ranks in Python's string
    order, by code point — the order of a text sort); ``key`` sorts as the output order."""

    regions: list[str]
    first_year: int
    years: int
    sectors: list[str]
    fuels: list[str]
    species: list[str]
    key: str

    def query(self, co2e: bool, co2e_p: int) -> str:
        """The output rows on codes (:func:`cocontrol.inventory.sql.coded`)."""
        return sql.coded("inv", co2e, co2e_p, self.key, self.years, self.first_year,
                         len(self.fuels))

    def table(self, coded: pa.Table, encoded: bool = False) -> pa.Table:
        """The output table (:data:`OUTPUT`) of the rows of :meth:`query`, names from the
        lists: dictionary-encoded columns when ``encoded`` (for Parquet, whose writer
        stores them as they are), else text."""
        import numpy as np

        if any(c.num_chunks > 1 for c in coded.columns):  # a copy: fresh pages cost here
            coded = coded.combine_chunks()

        def names(words: list[str], idx: pa.Array) -> pa.Array:
            dictionary = strings(words)
            if encoded:  # pyarrow.compute (0.04 s of CPU to import) not needed then
                return pa.DictionaryArray.from_arrays(idx, dictionary)
            import pyarrow.compute as pc

            return pc.take(dictionary, idx)

        def col(name: str) -> pa.Array:
            return coded[name].chunk(0) if coded[name].num_chunks else coded[name].combine_chunks()

        def whole(name: str) -> pa.Array:  # BIGINT already: no cast (it imports pc)
            values = col(name)
            return values if values.type == pa.int64() else values.cast(pa.int64())

        return pa.table({
            "region": names(self.regions, col("r")), "year": whole("year"),
            "sector": names(self.sectors, col("s")), "fuel": names(self.fuels, col("f")),
            "species": names(self.species, col("p")), "value": col("value"),
            "unit": names(["t"], pa.Array.from_buffers(pa.int32(), coded.num_rows, [
                None, pa.py_buffer(np.zeros(coded.num_rows, dtype="int32"))])),
            "scope": whole("scope")})

    def headline(self, con: duckdb.DuckDBPyConnection, result: Result) -> None:
        """The closing line's figures from ``inv``: scope-1 CO2 per year (``fsum``), the
        number of regions and the first."""
        rows = con.sql(sql.coded_headline("inv", self.species.index("CO2"), self.years,
                                          self.first_year)).fetchall()
        result.co2_by_year = [(int(y), float(v)) for y, v, _, _ in rows if v is not None]
        if rows:
            result.regions, result.region = int(rows[0][2]), self.regions[int(rows[0][3])]


def _codes(con: duckdb.DuckDBPyConnection, region_years: list[tuple[str, int]],
           species: list[str]) -> Codes | None:
    """:class:`Codes` for ``agg`` (and ``agg_r``: ``agg`` with ``k0`` and ``k1``); None when
    the ranks would not fit one 63-bit integer (then the text is sorted)."""
    regions = sorted({r for r, _ in region_years})
    years = [y for _, y in region_years]
    sectors = sorted(r[0] for r in con.sql("SELECT DISTINCT sector FROM agg").fetchall())
    fuels = sorted(r[0] for r in con.sql("SELECT DISTINCT fuel FROM agg").fetchall())
    scopes = con.sql("SELECT MIN(scope), MAX(scope) FROM (SELECT scope FROM factors "
                     "UNION ALL SELECT scope FROM grid)").fetchone()
    if not regions or scopes is None or scopes[0] is None or scopes[0] < 0:
        return None
    n_years, n_scopes = max(years) - min(years) + 1, int(scopes[1]) + 1
    sizes = [len(regions), n_years, n_scopes, len(sectors), len(fuels), len(species)]
    if math.prod(float(n) for n in sizes) >= 2.0 ** 62:
        return None
    for name, words in (("region", regions), ("sector", sectors), ("fuel", fuels)):
        small_table(con, f"{name}_rank", pa.schema([(name, pa.string()), ("r", pa.int64())]),
                    [(w, i) for i, w in enumerate(words)])
    con.execute(f"CREATE OR REPLACE TEMP TABLE agg_r AS SELECT a.*, "
                f"rr.r * {n_years} + (a.year - {min(years)}) AS k0, "
                f"sr.r * {len(fuels)} + fr.r AS k1 FROM agg AS a "
                "JOIN region_rank AS rr ON a.region = rr.region "
                "JOIN sector_rank AS sr ON a.sector = sr.sector "
                "JOIN fuel_rank AS fr ON a.fuel = fr.fuel")
    key = sql.order_key(n_years, n_scopes, len(sectors) * len(fuels), len(species))
    return Codes(regions, min(years), n_years, sectors, fuels, species, key)


def _headline(result: Result, table: pa.Table) -> None:
    """The closing line's figures from the output table: scope-1 CO2 per year (``fsum``),
    the number of regions and the first."""
    import numpy as np
    import pyarrow.compute as pc

    co2 = table.filter(pc.and_(pc.equal(table["species"], "CO2"),
                               pc.equal(table["scope"], 1)))
    years, values = co2["year"].to_numpy(), co2["value"].to_numpy()
    result.co2_by_year = [(int(y), math.fsum(values[years == y])) for y in np.unique(years)]
    regions = pc.unique(table["region"])
    result.regions = len(regions)
    result.region = str(regions[0]) if len(regions) else None


def _general(summary: pd.DataFrame, fuel: pd.Series, sector_map: dict, tech_map: dict,
             refs: References, file: str, gwp: str, factors: object,
             co2e_rows: bool) -> Result:
    """Activity technologies: :func:`cocontrol.inventory.core.evaluate` on the summary."""
    import pandas as pd

    from cocontrol.inventory.checks import missing_factor
    from cocontrol.inventory.core import evaluate

    activity = pd.DataFrame({
        "region": summary["region"], "year": summary["year"].astype("int64"),
        "sector": summary["sector"].map(sector_map), "fuel": fuel,
        "technology": [tech_map.get((f, t), "") for f, t in zip(fuel, summary["technology"],
                                                                strict=True)],
        "value": summary["total"].astype("float64"), "unit": summary["unit"]})

    frame = evaluate(activity, gwp=gwp, engine="duckdb", controls=refs.controls, factors=factors,
                     no_factor=missing_factor(file), co2e_rows=co2e_rows)
    return Result(None, len(frame), refs.label, list(frame.attrs.get("missing_factors", [])),
                  frame=frame)


def to_frame(result: Result) -> pd.DataFrame:
    """The result as the pandas frame ``compute`` returns (columns, dtypes, ``attrs``)."""
    if result.frame is not None:
        return result.frame
    assert result.table is not None
    frame = result.table.to_pandas()
    frame = frame[OUTPUT].astype({"year": "int64", "scope": "int64", "value": "float64"})
    frame.attrs["factor_set"] = result.label
    frame.attrs["missing_factors"] = result.missing_factors
    return frame

