"""碳普惠 on Spark in one pass: Spark distributes the records by person, DuckDB credits each part.

The plan (Spark engine of :func:`cocontrol.inclusive.run.credit_batch`):

1. **The ids looked up across people** (:func:`cocontrol.inclusive.credit.known_ids`): one
   aggregate of the batch's record ids with the ids credited by earlier batches — the ids
   repeated in the file (with their first row) and those already credited. Few rows: they go
   to every task as two small tables (``repeated``, ``seen``).
2. **One shuffle**: one scan of the records, together with the earlier batches' trips
   (``prior``: the overlap rule across batches) in one union, hash-partitioned by person into
   parts of ~1 M records (``COCONTROL_SPARK_PERSON_PARTITIONS`` overrides). ``EXPLAIN
   FORMATTED`` of this query shows one Exchange, of the records and trips.
3. **Each part credited in a Python task** (``mapInArrow``,
   :func:`cocontrol.inclusive.partition.credit_part`): the DuckDB engine's own steps
   (:func:`cocontrol.inclusive.run.duckdb_steps`, the same SQL) over the part's records —
   all of its people's records, so the overlap window, the daily and yearly caps and the
   persons' totals are whole — writing persons, rejections, scene-months and journal rows as
   Parquet files; only a status row per task goes back through Spark.
4. **The driver** joins the parts: persons ordered by person, rejections by row, the
   scene-months summed (a person's records are all in one part, so the participants of a
   scene and month add up), the journal parts (Arrow IPC) written into the one journal
   Parquet file.

A record with an input error (stage 1's ``bad``) stops its task; the driver then names the
offending cells with the Spark queries of the checks and nothing is credited. The parts'
folder is a local temporary folder: on a ``spark://`` cluster it must be one the executors
and the driver share (``COCONTROL_SPARK_WORK``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import ibis
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from cocontrol.inclusive import partition
from cocontrol.inclusive.records import SCHEMA
from cocontrol.inventory.engines import Session, _compiled, compile_sql

RESULTS = ("persons", "rejected", "months")


def person_parts(rows: int, cores: int) -> int:
    """The parts the batch is shuffled into by person: one per ~1 M records (each is held by
    one Python task at a time), a multiple of the cores (no core idle in the last round)."""
    if os.environ.get("COCONTROL_SPARK_PERSON_PARTITIONS"):
        return int(os.environ["COCONTROL_SPARK_PERSON_PARTITIONS"])
    parts = max(1, -(-rows // 1_000_000))
    return -(-parts // cores) * cores


def _rows(records: pa.Table | str) -> int:
    return pq.read_metadata(records).num_rows if isinstance(records, str) else records.num_rows


def shuffled(ses: Session, parts: int) -> Any:
    """The records and the earlier batches' trips in one Spark DataFrame (``is_prior``),
    hash-partitioned by person into ``parts``: one scan, one Exchange. Times as plain
    (zone-less) microseconds, as DuckDB reads them."""
    spark = ses._spark
    recs = spark.sql(
        "SELECT row, record_id, person, scene, CAST(start AS TIMESTAMP_NTZ) AS start, "
        "CAST(`end` AS TIMESTAMP_NTZ) AS `end`, quantity, unit, false AS is_prior FROM records")
    prior = spark.sql(
        "SELECT CAST(NULL AS BIGINT) AS row, prior_id AS record_id, prior_person AS person, "
        "CAST(NULL AS STRING) AS scene, CAST(prior_start AS TIMESTAMP_NTZ) AS start, "
        "CAST(prior_end AS TIMESTAMP_NTZ) AS `end`, CAST(NULL AS DOUBLE) AS quantity, "
        "CAST(NULL AS STRING) AS unit, true AS is_prior FROM prior")
    return recs.unionByName(prior).repartition(parts, "person")


def _small_tables(known: pa.Table, methods: pa.Table, aliases: pa.Table) -> dict[str, bytes]:
    """The small tables every task registers: methodologies, aliases, and the ids of
    :func:`~cocontrol.inclusive.credit.known_ids` as :func:`~cocontrol.inclusive.credit.
    repeated` (``dup_id, first_row, copies``) and ``seen`` (``seen_id``)."""
    repeated = known.filter(pc.greater(known["copies"], 1))
    repeated = pa.table({"dup_id": repeated["kid"], "first_row": repeated["first_row"],
                         "copies": repeated["copies"]})
    seen = known.filter(pc.greater(known["entries"], known["copies"]))
    seen = pa.table({"seen_id": seen["kid"]})
    return {name: partition._ipc(t) for name, t in (
        ("methods", methods), ("aliases", aliases), ("repeated", repeated), ("seen", seen))}


def _job(plan: dict[str, Any], out: Path, journal_expr: ibis.Table | None,
         keep_records: bool) -> dict[str, Any]:
    """What every task runs: the DuckDB SQL of each step and result (compiled here, once)."""
    from cocontrol.inclusive.run import duckdb_steps

    results = {k: plan[k] for k in RESULTS}
    if keep_records:
        results["credited"] = plan["credited"]
    return {
        "steps": [(name, compile_sql(expr, "duckdb"), how)
                  for name, expr, how in duckdb_steps(plan, "flags_known")],
        "bad": compile_sql(plan["bad"], "duckdb"),
        "results": {k: (compile_sql(e, "duckdb"), partition._ipc(
            _compiled(e.op(), "duckdb")[1].empty_table())) for k, e in results.items()},
        "journal": compile_sql(journal_expr, "duckdb") if journal_expr is not None else "",
        "empty": partition._ipc(SCHEMA.append(pa.field("is_prior", pa.bool_())).empty_table()),
        "out": str(out), "tmp": str(out / "duckdb_tmp"),
        "memory": os.environ.get("COCONTROL_SPARK_PART_MEMORY", "1GB"),
    }


def credit_spark(ses: Session, plan: dict[str, Any], records: pa.Table | str,
                 methods: pa.Table, aliases: pa.Table, *,
                 journal_expr: ibis.Table | None, journal: str | Path | None,
                 keep_records: bool, refuse: Any) -> dict[str, pd.DataFrame]:
    """Run the one-pass plan over the session's registered ``records``, ``seen`` and
    ``prior``; return the persons, rejected, months (and credited) frames and write the
    journal. ``refuse()`` names the input errors (raises) when a task found one."""
    spark = ses._spark
    parts = person_parts(_rows(records), spark.sparkContext.defaultParallelism)
    # the ids' aggregate: as many shuffle parts as the records' (a few million ids each at
    # most; adaptive execution merges small ones), then the session's setting back
    setting = spark.conf.get("spark.sql.shuffle.partitions")
    spark.conf.set("spark.sql.shuffle.partitions", str(max(parts, int(setting))))
    try:
        known = ses.run({"known": plan["spark"]["known"]}, arrow=True)["known"]
    finally:
        spark.conf.set("spark.sql.shuffle.partitions", setting)
    small = spark.sparkContext.broadcast(_small_tables(known, methods, aliases))
    work = Path(os.environ.get("COCONTROL_SPARK_WORK") or tempfile.gettempdir())
    out = Path(tempfile.mkdtemp(prefix="cocontrol_onepass_", dir=work))
    try:
        for name in (*RESULTS, "credited", "journal", "duckdb_tmp"):
            (out / name).mkdir()
        job = _job(plan, out, journal_expr, keep_records)
        status = run_parts(ses, parts, job, small)
        if any(status.column("bad").to_pylist()):
            refuse()
        got = {name: _joined(out / name, plan[name]) for name in job["results"]}
        if journal is not None:
            _concat(sorted((out / "journal").glob("part-*.arrow")), Path(journal))
        return got
    finally:
        small.unpersist()
        shutil.rmtree(out, ignore_errors=True)


def run_parts(ses: Session, parts: int, job: dict[str, Any], small: Any) -> pa.Table:
    """The shuffle by person with every part credited in a Python task
    (:func:`cocontrol.inclusive.partition.credit_part`); the tasks' status rows (input errors
    found, CPU seconds of each task's steps)."""
    credit_part = partition.credit_part  # shipped by value (see :func:`_by_value`)
    _by_value()

    def task(batches):  # type: ignore[no-untyped-def]
        return credit_part(batches, job, small.value)

    return shuffled(ses, parts).mapInArrow(task, partition.STATUS).toArrow()


def _by_value() -> None:
    """Ship :mod:`cocontrol.inclusive.partition` to the Python workers by value: they need not
    import cocontrol (nor find the same copy of it)."""
    from pyspark import cloudpickle

    cloudpickle.register_pickle_by_value(partition)


def _joined(folder: Path, expr: ibis.Table) -> pd.DataFrame:
    """One result from its parts, ordered as the DuckDB engine orders it (scene-months of
    the parts summed)."""
    schema = _compiled(expr.op(), "duckdb")[1]
    files = sorted(folder.glob("part-*.parquet"))
    table = pa.concat_tables([pq.read_table(f) for f in files]) if files else schema.empty_table()
    if folder.name == "persons":
        table = table.sort_by("person")
    elif folder.name == "rejected":
        table = table.sort_by("row")
    elif folder.name == "months":
        keys = ["scene", "kind", "month"]
        table = table.group_by(keys, use_threads=False).aggregate(
            [(c, "sum") for c in ("participants", "records", "credited_g")])
        table = table.rename_columns([n.removesuffix("_sum") for n in table.column_names])
        table = table.select(schema.names).sort_by([("month", "ascending"),
                                                    ("scene", "ascending")])
    return table.cast(schema).to_pandas()


def _concat(parts: list[Path], path: Path) -> None:
    """The journal parts (Arrow IPC files of the tasks, DuckDB's types) written into one
    Parquet file, a record batch at a time (one part in memory at most)."""
    with pa.memory_map(str(parts[0])) as source:
        schema = pa.ipc.open_file(source).schema
    with pq.ParquetWriter(path, schema) as writer:
        for part in parts:
            with pa.memory_map(str(part)) as source:
                reader = pa.ipc.open_file(source)
                for i in range(reader.num_record_batches):
                    writer.write_batch(reader.get_batch(i), row_group_size=122_880)
