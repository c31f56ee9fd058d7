"""碳普惠 on Spark: one part of the records (all of some people's), credited inside a Python task.

Spark hands each task the records of the people hashed to its part — and the trips those
people had credited by earlier batches — as Arrow record batches (``DataFrame.mapInArrow``).
:func:`credit_part` runs **the same DuckDB SQL** the DuckDB engine runs for a whole batch
(compiled once in the driver from the expressions of :mod:`cocontrol.inclusive.credit`, the
list of :func:`cocontrol.inclusive.run.duckdb_steps`): one definition of every rule, no
second implementation that could drift. Every per-person rule (the overlap window, the daily
and yearly caps, the persons' totals) is complete within a part because all of a person's
records are in it; the two rules that look across people — a record id repeated in the file,
an id credited by an earlier batch — come in as small tables computed over the whole file
beforehand (``repeated``, ``seen``; :func:`cocontrol.inclusive.onepass.credit_spark`).

The task writes its part's persons, rejections, scene-months (and journal rows) as Parquet
files into a folder shared with the driver and returns one status row. This module imports
nothing of cocontrol and is shipped to the tasks by value, so a Python worker imports only
DuckDB and pyarrow.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

#: the status row each task returns (its part, input error found, persons, rejected)
#: and the task's CPU seconds: receiving the rows, the steps, the results and journal written
STATUS = ("part INT, bad BOOLEAN, persons BIGINT, rejected BIGINT, receive_s DOUBLE, "
          "steps_s DOUBLE, write_s DOUBLE")
_STATUS = pa.schema([("part", pa.int32()), ("bad", pa.bool_()), ("persons", pa.int64()),
                     ("rejected", pa.int64()), ("receive_s", pa.float64()),
                     ("steps_s", pa.float64()), ("write_s", pa.float64())])
RECORD_COLUMNS = ["row", "record_id", "person", "scene", "start", "end", "quantity", "unit"]
PRIOR_COLUMNS = ["prior_id", "prior_person", "prior_start", "prior_end"]


def _ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _table(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(data).read_all()


def credit_part(batches: Iterator[pa.RecordBatch], job: dict[str, Any],
                small: dict[str, bytes]) -> Iterator[pa.RecordBatch]:
    """Credit one part: ``batches`` are its rows (the records, ``is_prior`` false, and the
    earlier batches' trips of its people, ``is_prior`` true); ``job`` the DuckDB SQL of every
    step and result, the result schemas and the output folder; ``small`` the Arrow IPC bytes
    of the methodologies, aliases, repeated and seen ids. Yields one status row."""
    import duckdb
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    from pyspark import TaskContext

    part = TaskContext.get().partitionId()
    clock = time.process_time()
    rows = list(batches)
    status: dict[str, list[Any]] = {"part": [part], "bad": [False], "persons": [0],
                                    "rejected": [0], "receive_s": [0.0], "steps_s": [0.0],
                                    "write_s": [0.0]}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.process_time()
        status[name] = [status[name][0] + now - clock]
        clock = now

    lap("receive_s")
    # a part without rows (few people, many parts) runs the steps too: its empty results
    # and journal part carry the columns
    data = pa.Table.from_batches(rows) if rows else _table(job["empty"])
    del rows
    old = data.column("is_prior")
    records = data.filter(pc.invert(old)).select(RECORD_COLUMNS)
    prior = data.filter(old).select(["record_id", "person", "start", "end"]).rename_columns(
        PRIOR_COLUMNS)
    del data, old
    lap("receive_s")
    con = duckdb.connect()
    try:
        # one thread: Spark runs as many tasks as it has cores
        con.execute("SET threads = 1")
        con.execute(f"SET memory_limit = '{job['memory']}'")
        # a folder of its own: tasks run side by side, each spilling (if at all) apart
        spill = os.path.join(job["tmp"], f"part-{part:05d}").replace("'", "''")
        con.execute(f"SET temp_directory = '{spill}'")
        con.register("records", records)
        con.register("prior", prior)
        for name, data_ in small.items():
            con.register(name, _table(data_))
        for name, sql, how in job["steps"]:
            kind = "VIEW" if how == "view" else "TABLE"
            con.execute(f'CREATE OR REPLACE TEMP {kind} "{name}" AS {sql}')
            if name == "flags" and con.execute(job["bad"]).fetchall():
                status["bad"] = [True]
                lap("steps_s")
                yield pa.RecordBatch.from_pydict(status, schema=_STATUS)
                return
        lap("steps_s")
        out = job["out"]
        for name, (sql, schema) in job["results"].items():
            # as :meth:`cocontrol.inventory.engines.Session.run` casts a DuckDB result
            schema = _table(schema).schema
            table = con.sql(sql).to_arrow_table()
            table = table.rename_columns(schema.names).cast(schema)
            pq.write_table(table, os.path.join(out, name, f"part-{part:05d}.parquet"))
            if name in ("persons", "rejected"):
                status[name] = [table.num_rows]
        if job["journal"]:
            # Arrow IPC, not Parquet: the driver encodes the one journal file once
            reader = con.sql(job["journal"]).fetch_record_batch(rows_per_batch=122_880)
            target = os.path.join(out, "journal", f"part-{part:05d}.arrow")
            with pa.OSFile(target, "wb") as sink, \
                    pa.ipc.new_file(sink, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
    finally:
        con.close()
    lap("write_s")
    yield pa.RecordBatch.from_pydict(status, schema=_STATUS)
