"""Runners: bind the unbound inventory expressions to DuckDB (default) or PySpark.

Inputs enter an engine as Arrow tables or Parquet files with explicit NULLs, never as float
pandas frames (ecosystem notes §1.2). A :class:`Session` is one engine connection for a
whole staged run: the sources are registered once, an intermediate result (the stage-1
``agg`` table) is materialised inside the engine — a DuckDB temp table, a cached Spark temp
view — and the later queries read it there, so no intermediate table travels through Python.

DuckDB runs the SQL that Ibis compiles from the expression (compiled once per distinct
expression and cached: expressions are immutable and compared structurally) on a plain
``duckdb`` connection; it registers Arrow tables without copying and reads Parquet lazily
(larger than memory, spilling to a temp directory beyond ``memory_limit`` — 3 GB unless
``COCONTROL_DUCKDB_MEMORY`` says otherwise). Spark runs ``local[2]`` by default or on a
``spark://`` master, with its warehouse in a temporary folder and temp views
(``createOrReplaceTempView``) so nothing is left in the working directory.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import ibis
import ibis.backends.sql.compilers  # Ibis SQL compilers: loaded with the module, used by every run
import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa

from cocontrol.errors import InputError

ENGINES = ("duckdb", "spark")
Source = pa.Table | pd.DataFrame | str | Path
_CSV = (".csv", ".txt")  # a path with this suffix is read as UTF-8 CSV text, else as Parquet


def to_arrow(frame: pd.DataFrame, schema: ibis.Schema) -> pa.Table:
    """Arrow table with the schema's columns; NaN and pandas NA become NULL."""
    arrays = {}
    for name, dtype in schema.items():
        col = frame[name] if name in frame.columns else pd.Series([None] * len(frame))
        if col.dtype == object:
            col = col.where(col.notna(), None)
        arrays[name] = pa.array(col, type=dtype.to_pyarrow(), from_pandas=True)
    return pa.table(arrays)


def source_columns(source: Source) -> list[str]:
    """Column names of a source: a Parquet path (its schema only), Arrow table or DataFrame."""
    if isinstance(source, str | Path) and Path(source).suffix.lower() in _CSV:
        import csv

        with open(source, encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh), [])
    if isinstance(source, str | Path):
        import pyarrow.parquet as pq

        return list(pq.read_schema(source).names)
    if isinstance(source, pa.Table):
        return list(source.column_names)
    return list(source.columns)


@lru_cache(maxsize=128)
def _compiled(op: Any, dialect: str) -> tuple[str, pa.Schema]:
    """SQL and Arrow result schema of an expression (keyed by its immutable operation node,
    which hashes and compares by structure, so equal expressions share one compilation)."""
    expr = op.to_expr().as_table()
    return ibis.to_sql(expr, dialect=dialect, pretty=False), expr.schema().to_pyarrow()


def compile_sql(expr: ir.Table, dialect: str = "duckdb") -> str:
    """The SQL of an unbound expression for ``dialect`` (cached)."""
    return _compiled(expr.op(), dialect)[0]


def precompile(expr: ir.Table, engine: str) -> ir.Table:
    """``expr`` after compiling it for ``engine`` into the cache (DuckDB; Spark queries are
    compiled by Ibis's PySpark backend when run)."""
    if engine == "duckdb":
        _compiled(expr.op(), "duckdb")
    return expr


@lru_cache(maxsize=2)
def spark_session(master: str | None = None) -> Any:
    """A cached SparkSession (local[2] unless ``master`` is given)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise InputError("the Spark engine needs pyspark (pip install cocontrol[spark])") from exc
    warehouse = tempfile.mkdtemp(prefix="cocontrol_spark_")
    # Python tasks (碳普惠's parts, ``mapInArrow``) run this interpreter, not the first
    # ``python3`` on the PATH (PySpark reads the variable when the context starts)
    import sys

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.appName("cocontrol")
               .master(master or os.environ.get("COCONTROL_SPARK_MASTER", "local[2]"))
               .config("spark.sql.warehouse.dir", warehouse)
               # the local driver's heap (JVM default 1 GB ran out on a 16-city scenario run;
               # 4 GB took a year of 碳普惠 records past 4 GB of memory in all, JVM and Python)
               .config("spark.driver.memory",
                       os.environ.get("COCONTROL_SPARK_DRIVER_MEMORY", "2g"))
               # few shuffle partitions (2 local cores; 200 tiny tasks cost more than they
               # give), coalesced further by adaptive execution where a stage is small
               .config("spark.sql.shuffle.partitions",
                       os.environ.get("COCONTROL_SPARK_SHUFFLE_PARTITIONS", "4"))
               .config("spark.sql.adaptive.enabled", "true")
               # an aggregate over rows already sorted by its keys streams them (a sort
               # aggregate) instead of hashing every group (碳普惠's caps over stage 1)
               .config("spark.sql.execution.replaceHashWithSortAgg", "true")
               # local mode: a table of up to 64 MB is broadcast (joined without shuffling
               # the large side), e.g. the repeated ids of a year of 碳普惠 records
               .config("spark.sql.autoBroadcastJoinThreshold", "64m")
               # Parquet written with plain microsecond timestamps, as DuckDB and Arrow write them
               .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    # further settings for an operator's tuning: COCONTROL_SPARK_CONF="key=value;key=value"
    for item in filter(None, os.environ.get("COCONTROL_SPARK_CONF", "").split(";")):
        key, _, value = item.partition("=")
        builder = builder.config(key.strip(), value.strip())
    return builder.getOrCreate()


def _spark_write_parquet(df: Any, path: Path) -> None:
    """Write a Spark DataFrame to the single Parquet file ``path``: timestamps as plain
    (time-zone-less) microseconds, like DuckDB's. One task writes the one file (``coalesce(1)``:
    the same CPU as parallel parts, without copying the parts into one file afterwards)."""
    import shutil

    from pyspark.sql import functions as F
    from pyspark.sql.types import TimestampType

    df = df.select([F.col(f"`{f.name}`").cast("timestamp_ntz").alias(f.name)
                    if isinstance(f.dataType, TimestampType) else F.col(f"`{f.name}`")
                    for f in df.schema.fields])
    parts_dir = path.with_name(path.name + ".parts")
    df.coalesce(1).write.mode("overwrite").parquet(str(parts_dir))
    try:
        parts = sorted(parts_dir.glob("part-*.parquet"))
        if len(parts) == 1:
            shutil.move(str(parts[0]), str(path))
            return
        import pyarrow.parquet as pq  # (not expected) parts copied into one file

        schema = pq.read_schema(parts[0]) if parts else pa.schema([])
        with pq.ParquetWriter(path, schema) as writer:
            for part in parts:
                pf = pq.ParquetFile(part)
                for i in range(pf.num_row_groups):
                    writer.write_table(pf.read_row_group(i))
    finally:
        shutil.rmtree(parts_dir, ignore_errors=True)


class Session:
    """One engine connection: :meth:`register` sources, :meth:`materialize` intermediate
    tables, :meth:`run` expressions to pandas; :meth:`close` (or ``with session(...)``)."""

    def __init__(self, engine: str = "duckdb", spark_master: str | None = None) -> None:
        if engine not in ENGINES:
            raise InputError("unknown engine", column="engine", expected=" or ".join(ENGINES),
                             found=engine)
        self.engine = engine
        self._columns: dict[str, list[str]] = {}
        self._cached: list[Any] = []
        if engine == "duckdb":
            import duckdb

            self._con = duckdb.connect()
            self._con.execute(f"SET temp_directory='{tempfile.gettempdir()}/cocontrol_duckdb'")
            # bounded memory: DuckDB spills joins and aggregates beyond this to temp_directory
            self._con.execute(
                f"SET memory_limit='{os.environ.get('COCONTROL_DUCKDB_MEMORY', '3GB')}'")
        else:
            self._spark = spark_session(spark_master)
            self._ibis = ibis.pyspark.connect(self._spark)

    def register(self, name: str, source: Source) -> None:
        """Make ``source`` (Arrow, pandas or a Parquet path) the table ``name``."""
        self._columns[name] = source_columns(source)
        if self.engine == "duckdb":
            if isinstance(source, str | Path):
                path = str(source).replace("'", "''")
                reader = (f"read_csv('{path}', header=true, all_varchar=true, delim=',', "
                          "quote='\"', escape='\"')" if Path(source).suffix.lower() in _CSV
                          else f"read_parquet('{path}')")
                self._con.execute(f'CREATE OR REPLACE TEMP VIEW "{name}" AS '
                                  f"SELECT * FROM {reader}")
            else:
                self._con.register(name, source)
            return
        if isinstance(source, str | Path) and Path(source).suffix.lower() in _CSV:
            df = self._spark.read.csv(str(source), header=True, encoding="UTF-8")
        elif isinstance(source, str | Path):
            df = self._spark.read.parquet(str(source))
        else:
            table = source if isinstance(source, pa.Table) else pa.Table.from_pandas(source)
            df = self._spark.createDataFrame(table)  # Arrow in, NULLs kept (Spark ≥ 4.0)
        df.createOrReplaceTempView(name)

    def register_sql(self, name: str, sql: str) -> None:
        """Make the DuckDB query ``sql`` the view ``name`` (e.g. a Parquet file reshaped
        with ``file_row_number``), or the Spark SQL query (a temp view)."""
        if self.engine != "duckdb":
            df = self._spark.sql(sql)
            df.createOrReplaceTempView(name)
            self._columns[name] = list(df.columns)
            return
        self._con.execute(f'CREATE OR REPLACE TEMP VIEW "{name}" AS {sql}')
        self._columns[name] = [d[0] for d in self._con.execute(
            f'SELECT * FROM "{name}" LIMIT 0').description]

    def columns(self, name: str) -> list[str]:
        """Column names of a registered or materialised table."""
        return self._columns[name]

    def materialize(self, name: str, expr: ir.Table, *, by: str | None = None,
                    order: list[str] | None = None, partitions: int | None = None,
                    disk: bool = False) -> None:
        """Compute ``expr`` inside the engine and keep it as table ``name`` for later
        queries of this session (DuckDB temp table; Spark cached temp view).

        Spark only: ``by`` hash-partitions the rows by that column into ``partitions`` parts
        (one shuffle) and ``order`` sorts each part (ascending, nulls first); the cached table
        keeps both, so a later aggregate or window grouped by ``by`` (or by a prefix of
        ``order``) reads it without another shuffle or sort. ``disk``: cache on local disk (serialized), not in
        the JVM heap."""
        if self.engine == "duckdb":
            self._con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS '
                              f'{compile_sql(expr, "duckdb")}')
            self._columns[name] = list(expr.columns)
            return
        from pyspark import StorageLevel

        df = self._spark.sql(compile_sql(expr, "pyspark"))
        if by is not None:
            df = df.repartition(partitions or int(self._spark.conf.get(
                "spark.sql.shuffle.partitions")), f"`{by}`")
        if order:
            df = df.sortWithinPartitions(*[f"`{c}`" for c in order])
        df = df.persist(StorageLevel.DISK_ONLY) if disk else df.cache()
        df.count()  # compute now, once; later queries read the cache
        self._cached.append(df)
        df.createOrReplaceTempView(name)
        self._columns[name] = list(df.columns)

    def run(self, exprs: Mapping[str, ir.Table], arrow: bool = False) -> dict[str, Any]:
        """Results of the expressions, as pandas frames (Arrow tables when ``arrow``)."""
        if self.engine == "spark":
            tables = {name: self._spark_arrow(expr) for name, expr in exprs.items()}
            return tables if arrow else {k: v.to_pandas() for k, v in tables.items()}
        out = {}
        for name, expr in exprs.items():
            sql, schema = _compiled(expr.op(), "duckdb")
            table = self._con.sql(sql).to_arrow_table().combine_chunks()  # one chunk: fast takes
            table = table.rename_columns(schema.names).cast(schema)
            out[name] = table if arrow else table.to_pandas()
        return out

    def _spark_arrow(self, expr: ir.Table) -> pa.Table:
        """A Spark result straight to Arrow (``DataFrame.toArrow``, Spark ≥ 4.0: no pandas
        round trip), cast to the expression's schema (Spark's timestamps are UTC-zoned,
        the session's zone)."""
        sql, schema = _compiled(expr.op(), "pyspark")
        table = self._spark.sql(sql).toArrow()
        fields = [pa.field(f.name, pa.timestamp("us", "UTC")) if pa.types.is_timestamp(f.type)
                  else f for f in schema]
        table = table.rename_columns(schema.names).cast(pa.schema(fields))
        return table.cast(schema) if fields != list(schema) else table

    def arrow_sql(self, sql: str) -> pa.Table:
        """The result of a SQL query (in this engine's dialect) as an Arrow table."""
        if self.engine == "duckdb":
            return self._con.sql(sql).to_arrow_table()
        return self._spark.sql(sql).toArrow()

    def write_parquet(self, expr: ir.Table, path: str | Path) -> None:
        """Stream the result of ``expr`` to one Parquet file (DuckDB ``COPY``; Spark writes
        its partitions in parallel, then they are copied into the one file row group by row
        group — see :func:`_spark_write_parquet`)."""
        if self.engine != "duckdb":
            _spark_write_parquet(self._spark.sql(compile_sql(expr, "pyspark")), Path(path))
            return
        target = str(path).replace("'", "''")
        self._con.execute(f"COPY ({compile_sql(expr, 'duckdb')}) TO '{target}' "
                          "(FORMAT PARQUET)")

    def close(self) -> None:
        """Release the connection (DuckDB; its temp tables go with it) or the cached
        intermediate tables and this session's temp views (Spark)."""
        if self.engine == "duckdb":
            self._con.close()
            return
        for df in self._cached:
            df.unpersist()
        self._cached.clear()
        for name in self._columns:  # the SparkSession is shared: leave no views behind
            self._spark.catalog.dropTempView(name)
        self._columns.clear()


@contextmanager
def session(sources: Mapping[str, Source] | None = None, *, engine: str = "duckdb",
            spark_master: str | None = None) -> Iterator[Session]:
    """A :class:`Session` with ``sources`` registered, closed on exit."""
    ses = Session(engine, spark_master)
    try:
        for name, src in (sources or {}).items():
            ses.register(name, src)
        yield ses
    finally:
        ses.close()


def execute(exprs: Mapping[str, ir.Table], sources: Mapping[str, Source], *,
            engine: str = "duckdb", spark_master: str | None = None) -> dict[str, pd.DataFrame]:
    """Run unbound expressions on one engine over the named sources; pandas results."""
    with session(sources, engine=engine, spark_master=spark_master) as ses:
        return ses.run(exprs)


def write_parquet(expr: ir.Table, sources: Mapping[str, Source], path: str | Path, *,
                  engine: str = "duckdb", spark_master: str | None = None) -> None:
    """Stream an expression's result to a Parquet file (DuckDB) — for inputs beyond memory."""
    if engine != "duckdb":
        raise InputError("streaming Parquet output is implemented for DuckDB", found=engine)
    with session(sources, engine=engine) as ses:
        ses.write_parquet(expr, path)
