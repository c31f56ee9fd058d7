"""Checks of the hourly CEMS sheet (在线监测小时数据) inside DuckDB.

A province's year of 2,000 stacks is 17.5 M rows, so the checks are SQL over the file (Parquet
read lazily with its row numbers) rather than pandas: required columns, numbers and times that
do not parse, negative values, O2 and CO2 beyond 100 %, unknown enterprises, a stack reported by
two enterprises, duplicated hours of a stack and hours out of order (earlier than the row
before it of the same stack). Each kind of problem lists its first rows (spreadsheet numbering:
header = row 1) and how many more there are.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from cocontrol.enterprises.schema import SHEETS
from cocontrol.errors import Problem

NUMBERS = ("flow", "so2", "nox", "pm", "o2", "co2")
SHOWN = 20  # rows listed per kind of problem
CANONICAL = {"enterprise_id": "VARCHAR", "stack_id": "VARCHAR", "time": "TIMESTAMP",
             "flow": "DOUBLE", "so2": "DOUBLE", "nox": "DOUBLE", "pm": "DOUBLE", "o2": "DOUBLE",
             "co2": "DOUBLE"}


def connect() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"SET temp_directory='{tempfile.gettempdir()}/cocontrol_duckdb'")
    con.execute(f"SET memory_limit='{os.environ.get('COCONTROL_DUCKDB_MEMORY', '3GB')}'")
    return con


def _register(con: duckdb.DuckDBPyConnection, raw: object) -> list[str]:
    if isinstance(raw, Path):
        path = str(raw).replace("'", "''")
        con.execute("CREATE VIEW raw AS SELECT *, file_row_number + 2 AS _row FROM "
                    f"read_parquet('{path}', file_row_number = true)")
    else:
        frame = raw.copy()  # type: ignore[union-attr]
        for col in frame.columns:
            frame[col] = frame[col].map(lambda v: None if pd.isna(v) else str(v))
        frame["_row"] = frame.index.astype("int64")
        con.register("raw_frame", pa.Table.from_pandas(frame, preserve_index=False))
        con.execute("CREATE VIEW raw AS SELECT * FROM raw_frame")
    return [r[0] for r in con.execute("DESCRIBE raw").fetchall()]


def _typed_sql(columns: list[str]) -> str:
    parts = ["_row", "CAST(enterprise_id AS VARCHAR) AS enterprise_id",
             "CAST(stack_id AS VARCHAR) AS stack_id", "time AS time_raw",
             "TRY_CAST(time AS TIMESTAMP) AS time"]
    for col in NUMBERS:
        if col in columns:
            parts += [f"{col} AS {col}_raw", f"TRY_CAST({col} AS DOUBLE) AS {col}"]
        else:
            parts += [f"NULL AS {col}_raw", f"CAST(NULL AS DOUBLE) AS {col}"]
    return "SELECT " + ", ".join(parts) + " FROM raw"


def _is_canonical(con: duckdb.DuckDBPyConnection) -> bool:
    types = {r[0]: r[1] for r in con.execute("DESCRIBE raw").fetchall()}
    return all(types.get(c) == t for c, t in CANONICAL.items())


def check(raw: object, known: set[str], *, file: str, sheet: str | None,
          stacks: set[tuple[str, str]] | None = None) -> tuple[object, int, list[Problem]]:
    """Validate the CEMS sheet; returns (typed source for the engine, row count, problems).

    The source is the Parquet path itself when its columns already have the canonical types,
    otherwise a typed Arrow table."""
    con = connect()
    try:
        return _check(con, raw, known, file, sheet, stacks)
    finally:
        con.close()


def _check(con: duckdb.DuckDBPyConnection, raw: object, known: set[str], file: str,
           sheet: str | None, stacks: set[tuple[str, str]] | None = None
           ) -> tuple[object, int, list[Problem]]:
    problems: list[Problem] = []
    columns = _register(con, raw)
    missing = [c for c in SHEETS["cems"].required if c not in columns]
    if missing:
        return None, 0, [Problem("missing column", file=file, sheet=sheet, row=1, column=c,
                                 expected=", ".join(SHEETS["cems"].required)) for c in missing]
    # a view, not a table: each check streams the (Parquet) source again instead of holding
    # 17.5 M typed rows in memory; numbers that do not parse only exist in text sources
    canonical = isinstance(raw, Path) and _is_canonical(con)
    con.execute(f"CREATE VIEW typed AS {_typed_sql(columns)}")
    con.register("known_ids", pa.table({"id": pa.array(sorted(known), pa.string())}))
    checks: list[tuple[str, str, str, str, str]] = [
        ("enterprise_id IS NULL", "enterprise_id", "missing value", "a value", "enterprise_id"),
        ("stack_id IS NULL", "stack_id", "missing value", "a value", "stack_id"),
        ("enterprise_id IS NOT NULL AND enterprise_id NOT IN (SELECT id FROM known_ids)",
         "enterprise_id", "unknown enterprise id", "an enterprise_id of the enterprises sheet",
         "enterprise_id"),
        ("time IS NULL", "time", "missing or unreadable time", "a time such as 2024-01-01 00:00",
         "time_raw"),
        ("flow IS NULL", "flow", "missing or non-numeric flow", "a number (Nm³/h)", "flow_raw"),
    ]
    for col in NUMBERS:
        if not canonical:
            checks.append((f"{col}_raw IS NOT NULL AND {col} IS NULL", col, "not a number",
                           "a number", f"{col}_raw"))
        checks.append((f"{col} < 0", col, "negative amount", "≥ 0", col))
    if stacks is not None:  # an enterprise listed in the stacks sheet: its CEMS stacks must be
        # there; one with no rows there is left to the rule stack_links_missing
        pairs = sorted(stacks)
        con.register("known_stacks", pa.table({
            "e": pa.array([p[0] for p in pairs], pa.string()),
            "s": pa.array([p[1] for p in pairs], pa.string())}))
        checks.append(("enterprise_id IN (SELECT e FROM known_stacks) AND stack_id IS NOT NULL "
                       "AND enterprise_id || chr(31) || stack_id NOT IN "
                       "(SELECT e || chr(31) || s FROM known_stacks)",
                       "stack_id", "unknown stack id",
                       "a stack_id of this enterprise in the stacks sheet", "stack_id"))
    checks.append(("o2 > 21", "o2", "value too large", "≤ 21 (%)", "o2"))
    checks.append(("co2 > 100", "co2", "value too large", "≤ 100 (%)", "co2"))
    # one scan counts every row-wise problem; rows are listed only for those that occur
    counts = con.execute("SELECT " + ", ".join(
        f"COUNT(*) FILTER (WHERE {where})" for where, *_ in checks) + " FROM typed").fetchone()
    for (where, column, message, expected, shown), n in zip(checks, counts, strict=True):
        if n:
            problems += _rows(con, f"SELECT _row, {shown} FROM typed WHERE {where}", file,
                              sheet, column, message, expected, total=int(n))
    problems += _rows(con, """
        SELECT _row, stack_id FROM typed WHERE stack_id IN (
            SELECT stack_id FROM typed GROUP BY stack_id HAVING COUNT(DISTINCT enterprise_id) > 1)
        QUALIFY enterprise_id <> FIRST(enterprise_id) OVER (PARTITION BY stack_id ORDER BY _row)
        """, file, sheet, "stack_id", "stack reported by two enterprises",
        "each stack under one enterprise")
    problems += _rows(con, """
        SELECT _row, CAST(time AS VARCHAR) FROM typed WHERE time IS NOT NULL
        QUALIFY ROW_NUMBER() OVER (PARTITION BY stack_id, time ORDER BY _row) > 1
        """, file, sheet, "time", "duplicated hour of the stack", "one row per stack and hour")
    problems += _rows(con, """
        SELECT _row, CAST(time AS VARCHAR) FROM (
            SELECT _row, time, LAG(time) OVER (PARTITION BY stack_id ORDER BY _row) AS before
            FROM typed WHERE time IS NOT NULL) WHERE time < before
        """, file, sheet, "time", "row out of order (earlier than the row before it for the "
        "same stack)", "hours in ascending order per stack")
    rows = int(con.execute("SELECT COUNT(*) FROM typed").fetchone()[0])  # type: ignore[index]
    if problems:
        return None, rows, problems
    if canonical:
        return raw, rows, []
    table = con.execute("SELECT enterprise_id, stack_id, time, " + ", ".join(NUMBERS)
                        + " FROM typed ORDER BY _row").to_arrow_table()
    return table, rows, []


def _rows(con: duckdb.DuckDBPyConnection, sql: str, file: str, sheet: str | None, column: str,
          message: str, expected: str, total: int | None = None) -> list[Problem]:
    if total is None:
        total = int(con.execute(f"SELECT COUNT(*) FROM ({sql})").fetchone()[0])  # type: ignore[index]
    if not total:
        return []
    hits = con.execute(f"SELECT * FROM ({sql}) ORDER BY 1 LIMIT {SHOWN}").fetchall()
    out = [Problem(message, file=file, sheet=sheet, row=int(r[0]), column=column,
                   expected=expected, found=None if r[1] is None else str(r[1])) for r in hits]
    if total > SHOWN:
        out.append(Problem(f"{message}: {total - SHOWN} more rows like these", file=file,
                           sheet=sheet, column=column, expected=expected))
    return out
