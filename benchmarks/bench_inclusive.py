"""碳普惠 at city scale: a year of behaviour records credited, checked and ledgered.

Goal (issue 14): 50 million records of 1 million people (Parquet) credited, checked and ledgered
in under 5 minutes on DuckDB, memory under 4 GB. Synthetic, seeded records (sizes only): each
person makes ~50 trips a year across metro, bus and cycling, 1 % exact duplicates, 0.5 %
implausibly fast trips.

    .venv/bin/python benchmarks/bench_inclusive.py --records 50000000 --people 1000000

Runs the same path as ``cocontrol inclusive credit RECORDS.parquet`` (checks in the engine,
crediting, journal Parquet, one ledger entry per person) against a fresh store in a temporary
``COCONTROL_HOME``; prints wall and CPU seconds and the peak resident memory of the process;
``--stages`` also prints wall and CPU seconds of each engine stage and of the ledger insert.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path


def make_records(path: Path, records: int, people: int) -> None:
    """Write ``records`` synthetic records with DuckDB (no Python loop)."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"""
        COPY (
          SELECT 'r' || i AS record_id,
                 'p' || (hash(i) % {people}) AS person,
                 CASE i % 3 WHEN 0 THEN '地铁' WHEN 1 THEN '公交' ELSE '骑行' END AS scene,
                 TIMESTAMP '2025-01-01' + to_minutes(CAST(i // {people} * 10 + (i % 600) AS BIGINT))
                   + to_days(CAST(i % 365 AS INTEGER)) AS start,
                 start + to_minutes(CAST(20 + i % 30 AS BIGINT)) AS "end",
                 CASE WHEN i % 200 = 7 THEN 80.0 ELSE 2.0 + (i % 13) END AS distance_km
          FROM range({records}) t(i)
          UNION ALL
          SELECT 'r' || i, 'p' || (hash(i) % {people}),
                 CASE i % 3 WHEN 0 THEN '地铁' WHEN 1 THEN '公交' ELSE '骑行' END,
                 TIMESTAMP '2025-01-01' + to_minutes(CAST(i // {people} * 10 + (i % 600) AS BIGINT))
                   + to_days(CAST(i % 365 AS INTEGER)),
                 TIMESTAMP '2025-01-01' + to_minutes(CAST(i // {people} * 10 + (i % 600) + 25 AS BIGINT))
                   + to_days(CAST(i % 365 AS INTEGER)),
                 5.0
          FROM range(0, {records}, 100) t(i)
        ) TO '{path}' (FORMAT PARQUET, ROW_GROUP_SIZE 1000000)""")


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def time_stages() -> None:
    """Print wall and CPU seconds of every engine stage (materialised table, query batch,
    journal) and of storing the batch and its ledger entries."""
    from cocontrol.inventory import engines
    from cocontrol.store import inclusive

    def timed(kind: str, method):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            t, c = time.perf_counter(), _cpu()
            try:
                return method(*args, **kwargs)
            finally:
                name = args[1] if len(args) > 1 and isinstance(args[1], str) else (
                    ",".join(args[1]) if len(args) > 1 and isinstance(args[1], dict) else "")
                print(f"  {kind:13s} {name:28s} wall {time.perf_counter() - t:6.1f} s  "
                      f"CPU {_cpu() - c:6.1f} s", flush=True)
        return run

    for name in ("materialize", "run", "write_parquet"):
        setattr(engines.Session, name, timed(name, getattr(engines.Session, name)))
    inclusive.record_batch = timed("ledger", inclusive.record_batch)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=50_000_000)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--stages", action="store_true", help="time each engine stage")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cocontrol_bench_inclusive_"))
    os.environ["COCONTROL_HOME"] = str(work / "home")
    os.environ.pop("COCONTROL_DATABASE_URL", None)
    path = work / "records.parquet"
    t0 = time.perf_counter()
    make_records(path, args.records, args.people)
    print(f"generated {path.stat().st_size / 1e9:.2f} GB in {time.perf_counter() - t0:.1f} s")

    from cocontrol.inclusive.methodology import load
    from cocontrol.inclusive.records import read_records
    from cocontrol.store.inclusive import file_digest, post_records

    if args.stages:
        time_stages()

    t1 = time.perf_counter()
    use = resource.getrusage(resource.RUSAGE_SELF)
    result = post_records(read_records(path), methods=load(), partner="bench",
                          sha256=file_digest(path), name=path.name, actor="bench")
    took = time.perf_counter() - t1
    end = resource.getrusage(resource.RUSAGE_SELF)
    cpu = end.ru_utime + end.ru_stime - use.ru_utime - use.ru_stime
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"credited {result.records:,} records of {len(result.persons):,} people in {took:.1f} s "
          f"({result.records / took:,.0f} records/s; CPU {cpu:.1f} s); total {result.total_g / 1e6:,.1f} t CO2; "
          f"rejected {len(result.rejected):,}; peak RSS {peak:.2f} GiB")


if __name__ == "__main__":
    main()
