"""Runners: bind the unbound inventory expressions to DuckDB (default) or PySpark.

Inputs enter an engine as Arrow tables or Parquet files with explicit NULLs, never as float
pandas frames (ecosystem notes §1.2). DuckDB registers Arrow tables without copying and reads
Parquet lazily (larger than memory, spilling to a temp directory beyond ``memory_limit`` — 3 GB unless
``COCONTROL_DUCKDB_MEMORY`` says otherwise). Spark runs ``local[2]`` by
default or on a ``spark://`` master, with its warehouse in a temporary folder and temp views
(``createOrReplaceTempView``) so nothing is left in the working directory.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa

from cocontrol.errors import InputError

ENGINES = ("duckdb", "spark")
Source = pa.Table | pd.DataFrame | str | Path


def to_arrow(frame: pd.DataFrame, schema: ibis.Schema) -> pa.Table:
    """Arrow table with the schema's columns; NaN and pandas NA become NULL."""
    arrays = {}
    for name, dtype in schema.items():
        col = frame[name] if name in frame.columns else pd.Series([None] * len(frame))
        if col.dtype == object:
            col = col.where(col.notna(), None)
        arrays[name] = pa.array(col, type=dtype.to_pyarrow(), from_pandas=True)
    return pa.table(arrays)


def _duckdb(sources: Mapping[str, Source]) -> Any:
    con = ibis.duckdb.connect()
    con.raw_sql(f"SET temp_directory='{tempfile.gettempdir()}/cocontrol_duckdb'")
    # bounded memory: DuckDB spills joins and aggregates beyond this to temp_directory
    con.raw_sql(f"SET memory_limit='{os.environ.get('COCONTROL_DUCKDB_MEMORY', '3GB')}'")
    for name, src in sources.items():
        if isinstance(src, str | Path):
            con.read_parquet(str(src), table_name=name)
        else:
            con.con.register(name, src)
    return con


@lru_cache(maxsize=2)
def spark_session(master: str | None = None) -> Any:
    """A cached SparkSession (local[2] unless ``master`` is given)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise InputError("the Spark engine needs pyspark (pip install cocontrol[spark])") from exc
    warehouse = tempfile.mkdtemp(prefix="cocontrol_spark_")
    builder = (SparkSession.builder.appName("cocontrol")
               .master(master or os.environ.get("COCONTROL_SPARK_MASTER", "local[2]"))
               .config("spark.sql.warehouse.dir", warehouse)
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    return builder.getOrCreate()


def _spark(sources: Mapping[str, Source], master: str | None) -> Any:
    spark = spark_session(master)
    for name, src in sources.items():
        if isinstance(src, str | Path):
            df = spark.read.parquet(str(src))
        else:
            table = src if isinstance(src, pa.Table) else pa.Table.from_pandas(src)
            df = spark.createDataFrame(table)  # Arrow in, NULLs kept (Spark ≥ 4.0)
        df.createOrReplaceTempView(name)
    return ibis.pyspark.connect(spark)


def execute(exprs: Mapping[str, ir.Table], sources: Mapping[str, Source], *,
            engine: str = "duckdb", spark_master: str | None = None) -> dict[str, pd.DataFrame]:
    """Run unbound expressions on one engine over the named sources; pandas results."""
    if engine not in ENGINES:
        raise InputError("unknown engine", column="engine", expected=" or ".join(ENGINES),
                         found=engine)
    con = _duckdb(sources) if engine == "duckdb" else _spark(sources, spark_master)
    try:
        return {name: con.to_pyarrow(expr).to_pandas() for name, expr in exprs.items()}
    finally:
        if engine == "duckdb":
            con.disconnect()


def write_parquet(expr: ir.Table, sources: Mapping[str, Source], path: str | Path, *,
                  engine: str = "duckdb", spark_master: str | None = None) -> None:
    """Stream an expression's result to a Parquet file (DuckDB) — for inputs beyond memory."""
    if engine != "duckdb":
        raise InputError("streaming Parquet output is implemented for DuckDB", found=engine)
    con = _duckdb(sources)
    try:
        con.to_parquet(expr, str(path))
    finally:
        con.disconnect()
