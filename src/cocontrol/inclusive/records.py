"""Behaviour records (行为记录) posted by partner systems: read and shape them for the engine.

A record file (CSV UTF-8/GBK, Excel, Parquet) has the columns ``record_id, person, scene, start,
end`` and either ``distance_km`` (a trip) or ``quantity`` with ``unit`` (a count: rides, steps,
items). ``person`` is the partner's pseudonymous id — never a name or a phone number.

Small files are read into pandas (every cell checked, errors name the row); a Parquet file is
handed to the engine as it is, with its record number as the row (``file_row_number + 1``), so a
year of a city's records (tens of millions of rows) is never held in Python.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa

from cocontrol.data.tables import read_table
from cocontrol.errors import InputError, Problem, ValidationFailed

REQUIRED = ("record_id", "person", "scene", "start", "end")
HEADER = {"记录编号": "record_id", "用户": "person", "个人": "person", "场景": "scene",
          "开始时间": "start", "结束时间": "end", "距离": "distance_km", "距离(公里)": "distance_km",
          "数量": "quantity", "单位": "unit", "合作方": "partner"}
SCHEMA = pa.schema([("row", pa.int64()), ("record_id", pa.string()), ("person", pa.string()),
                    ("scene", pa.string()), ("start", pa.timestamp("us")),
                    ("end", pa.timestamp("us")), ("quantity", pa.float64()),
                    ("unit", pa.string())])


def _check_columns(columns: list[str], file: str) -> None:
    missing = [c for c in REQUIRED if c not in columns]
    if "distance_km" not in columns and "quantity" not in columns:
        missing.append("distance_km or quantity")
    if missing:
        raise ValidationFailed([Problem("missing columns", file=file,
                                        expected="record_id, person, scene, start, end, "
                                        "distance_km (or quantity, unit)",
                                        found=", ".join(missing))], "behaviour records")


def read_records(path: str | Path) -> pa.Table | str:
    """Records as an Arrow table of :data:`SCHEMA` (CSV/Excel), or a Parquet path left for the
    engine (see :func:`parquet_view_sql`). Cells that cannot be read raise
    :class:`ValidationFailed` naming file, row and column."""
    path = Path(path)
    if path.suffix.lower() in (".parquet", ".pq"):
        from cocontrol.data.sniff import check_table_file

        check_table_file(path)  # missing, empty, truncated: refused before the engine reads it
        import pyarrow.parquet as pq

        try:
            names = pq.read_schema(path).names
        except (pa.ArrowInvalid, OSError) as exc:
            raise InputError("not a readable Parquet file", file=str(path),
                             found=str(exc)[:120]) from None
        _check_columns(list(names), str(path))
        return str(path)
    frame, sheet = read_table(path)
    frame = frame.rename(columns=lambda c: HEADER.get(str(c), str(c)))
    _check_columns(list(frame.columns), str(path))
    return from_frame(frame, file=str(path), sheet=sheet)


def from_frame(frame: pd.DataFrame, *, file: str | None = None,
               sheet: str | None = None) -> pa.Table:
    """Arrow records from a frame whose index is the row number (API posts and tests too)."""
    problems: list[Problem] = []
    out = pd.DataFrame(index=frame.index)
    for col in ("record_id", "person", "scene"):
        text = frame[col].astype("string").str.strip()
        for row in frame.index[text.isna() | (text == "")]:
            problems.append(Problem("empty cell", file=file, sheet=sheet, row=int(row),
                                    column=col))
        out[col] = text
    for col in ("start", "end"):
        times = pd.to_datetime(frame[col], errors="coerce", format="mixed")
        for row in frame.index[times.isna()]:
            problems.append(Problem("not a date and time", file=file, sheet=sheet,
                                    row=int(row), column=col, expected="YYYY-MM-DD HH:MM",
                                    found=str(frame.at[row, col])))
        out[col] = times.astype("datetime64[us]")
    column = "distance_km" if "distance_km" in frame.columns else "quantity"
    amount = pd.to_numeric(frame[column], errors="coerce")
    for row in frame.index[amount.isna() & frame[column].notna()]:
        problems.append(Problem("not a number", file=file, sheet=sheet, row=int(row),
                                column=column, found=str(frame.at[row, column])))
    out["quantity"] = amount.astype("float64")
    if column == "distance_km":
        out["unit"] = "km"
    elif "unit" in frame.columns:
        out["unit"] = frame["unit"].astype("string").str.strip()
    else:
        out["unit"] = pd.NA
    if problems:
        raise ValidationFailed(problems, "behaviour records")
    out.insert(0, "row", frame.index.astype("int64"))
    return pa.Table.from_pandas(out.reset_index(drop=True), schema=SCHEMA, preserve_index=False)


def parquet_view_sql(path: str, engine: str = "duckdb") -> str:
    """The ``SELECT`` (DuckDB, or Spark SQL for ``engine="spark"``) shaping a record Parquet
    file into :data:`SCHEMA` (row = record number in the file; unreadable times become NULL and
    are reported by the checks). Either engine reads the file itself, in parallel: DuckDB with
    ``file_row_number``, Spark with the file source's hidden ``_metadata.row_index``."""
    import pyarrow.parquet as pq

    names = set(pq.read_schema(path).names)
    spark = engine == "spark"
    text = "STRING" if spark else "VARCHAR"
    end = "`end`" if spark else '"end"'
    if "distance_km" in names:
        amount, unit = "TRY_CAST(distance_km AS DOUBLE)", "'km'"
    else:
        amount = "TRY_CAST(quantity AS DOUBLE)"
        unit = f"CAST(unit AS {text})" if "unit" in names else f"CAST(NULL AS {text})"
    if spark:
        row = "CAST(_metadata.row_index + 1 AS BIGINT)"
        source = "parquet.`" + path.replace("`", "``") + "`"
    else:
        row = "CAST(file_row_number + 1 AS BIGINT)"
        source = "read_parquet('" + path.replace("'", "''") + "', file_row_number = true)"
    return (f"SELECT {row} AS row, "
            f"CAST(record_id AS {text}) AS record_id, CAST(person AS {text}) AS person, "
            f"CAST(scene AS {text}) AS scene, TRY_CAST(start AS TIMESTAMP) AS start, "
            f"TRY_CAST({end} AS TIMESTAMP) AS {end}, {amount} AS quantity, {unit} AS unit "
            f"FROM {source}")
