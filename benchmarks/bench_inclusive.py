"""碳普惠 at city scale: a year of behaviour records credited, checked and ledgered.

Goal (issue 14): 50 million records of 1 million people (Parquet) credited, checked and ledgered
in under 5 minutes on DuckDB, memory under 4 GB. Synthetic, seeded records (sizes only): each
person makes ~50 trips a year across metro, bus and cycling, 1 % exact duplicates, 0.5 %
implausibly fast trips.

    .venv/bin/python benchmarks/bench_inclusive.py --records 50000000 --people 1000000
    .venv/bin/python benchmarks/bench_inclusive.py --records 50000000 --people 1000000 \
        --engine spark --cli

Runs the same path as ``cocontrol inclusive credit RECORDS.parquet [--engine spark]`` (checks
in the engine, crediting, journal Parquet, one ledger entry per person) against a fresh store in
a temporary ``COCONTROL_HOME``; prints wall and CPU seconds and the peak resident memory.
``--engine spark``: the PySpark path (``local[2]``; its JVM is a child process). ``--cli``: run
the ``cocontrol inclusive credit`` command itself as a child process (process start, imports
and, for Spark, the JVM's start included). Memory and CPU are those of the whole process tree
(this process, the CLI and the JVM), polled from ``/proc`` every 0.2 s: the peak of the summed
resident sets (an upper bound: pages shared between processes count twice) and the CPU seconds
of every process of the tree. The load average before and after is printed beside them (the
machine is shared). ``--stages`` (in process only) also prints wall and CPU seconds of each
engine stage and of the ledger insert; for Spark it prints each stage's physical plan too
(``--explain``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


class TreeMonitor(threading.Thread):
    """Poll ``/proc`` for this process and all its descendants: peak of the summed resident
    sets (bytes) and the last CPU seconds (user + system) seen of every process of the tree
    (a process that ends loses at most its last ``interval`` of CPU)."""

    def __init__(self, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self.stop = threading.Event()

    @staticmethod
    def _stat(pid: int) -> tuple[int, float, int] | None:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        # after "(comm)" field n of proc(5) is fields[n - 3]: ppid 4, utime 14, stime 15, rss 24
        ppid = int(fields[1])
        cpu = (int(fields[11]) + int(fields[12])) / TICK
        return ppid, cpu, int(fields[21]) * PAGE

    def sample(self) -> None:
        stats = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                st = self._stat(int(name))
                if st is not None:
                    stats[int(name)] = st
        tree, todo = set(), [os.getpid()]
        while todo:
            pid = todo.pop()
            tree.add(pid)
            todo += [p for p, st in stats.items() if st[0] == pid and p not in tree]
        total = sum(stats[p][2] for p in tree if p in stats)
        if total > self.peak:  # what the tree held at its peak, process by process
            self.at_peak = {p: (stats[p][2], self.command(p)) for p in tree if p in stats}
        self.peak = max(self.peak, total)
        for p in tree:
            if p in stats:
                self.cpu[p] = max(self.cpu.get(p, 0.0), stats[p][1])

    def start(self) -> None:
        self.sample()  # CPU before the measured part (the generation) is not counted
        self.base = dict(self.cpu)
        self.peak = 0
        super().start()

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.interval)

    def peak_processes(self) -> str:
        """The processes of the tree at the peak, largest first: RSS and command."""
        peak = sorted(getattr(self, "at_peak", {}).values(), key=lambda x: -x[0])
        return "; ".join(f"{rss / 2**30:.2f} GiB {cmd}" for rss, cmd in peak[:6])

    @staticmethod
    def command(pid: int) -> str:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            return "(ended)"
        return "java (Spark)" if "java" in cmd.split(" ")[0] else cmd[-50:]

    def finish(self) -> tuple[float, float]:
        """(peak GiB, CPU seconds of the tree)."""
        self.stop.set()
        self.join()
        self.sample()
        return self.peak / 2**30, sum(v - self.base.get(p, 0.0) for p, v in self.cpu.items())


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


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
    """CPU seconds of this process and of its live descendants (the Spark JVM)."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    own = use.ru_utime + use.ru_stime
    mon = TreeMonitor()
    mon.sample()
    return own + sum(v for p, v in mon.cpu.items() if p != os.getpid())


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
                name = args[0].name if args and isinstance(args[0], Path) else (
                    args[1] if len(args) > 1 and isinstance(args[1], str) else (
                    ",".join(args[1]) if len(args) > 1 and isinstance(args[1], dict) else ""))
                print(f"  {kind:13s} {name:28s} wall {time.perf_counter() - t:6.1f} s  "
                      f"CPU {_cpu() - c:6.1f} s", flush=True)
        return run

    for name in ("materialize", "run", "write_parquet"):
        setattr(engines.Session, name, timed(name, getattr(engines.Session, name)))
    # Spark's one pass: the whole plan, and the driver's joining of the parts (the rest of
    # ``onepass`` is the ids before it and the shuffle with the parts credited in tasks)
    from cocontrol.inclusive import onepass

    onepass.credit_spark = timed("one pass", onepass.credit_spark)
    onepass._joined = timed("join parts", onepass._joined)
    onepass._concat = timed("journal", onepass._concat)
    plain_parts = onepass.run_parts

    def run_parts(*args, **kwargs):  # type: ignore[no-untyped-def]
        st = plain_parts(*args, **kwargs)  # the Python tasks' own CPU (inside the one pass's)
        print("  tasks (Python, DuckDB): " + ", ".join(
            f"{c} {sum(st.column(c).to_pylist()):.1f} s"
            for c in ("receive_s", "steps_s", "write_s")) + f"; {st.num_rows} parts", flush=True)
        return st

    onepass.run_parts = run_parts
    inclusive.record_batch = timed("ledger", inclusive.record_batch)


def explain_spark(folder: Path) -> None:
    """Write the physical plan (``EXPLAIN FORMATTED``) of every Spark stage into ``folder``."""
    from cocontrol.inventory import engines

    plain = engines.Session.materialize
    folder.mkdir(parents=True, exist_ok=True)

    def materialize(self, name, expr, **how):  # type: ignore[no-untyped-def]
        if self.engine == "spark":
            sql = engines.compile_sql(expr, "pyspark")
            plan = self._spark.sql(f"EXPLAIN FORMATTED {sql}").collect()[0][0]
            (folder / f"{name}.txt").write_text(sql + "\n\n" + plan, encoding="utf-8")
        return plain(self, name, expr, **how)

    def run(self, exprs, arrow=False):  # type: ignore[no-untyped-def]
        if self.engine == "spark":
            for name, expr in exprs.items():
                df = self._spark.sql(engines.compile_sql(expr, "pyspark"))
                (folder / f"run_{name}.txt").write_text(
                    df._jdf.queryExecution().explainString(
                        self._spark._jvm.org.apache.spark.sql.execution.ExplainMode.fromString(
                            "formatted")), encoding="utf-8")
        return plain_run(self, exprs, arrow)

    plain_run = engines.Session.run
    engines.Session.materialize = materialize
    engines.Session.run = run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=50_000_000)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument("--cli", action="store_true",
                        help="run `cocontrol inclusive credit` as a child process")
    parser.add_argument("--stages", action="store_true", help="time each engine stage")
    parser.add_argument("--explain", type=Path, help="Spark: write each stage's plan here")
    parser.add_argument("--keep", type=Path, help="write the result JSON (persons summed) here")
    parser.add_argument("--file", type=Path,
                        help="the record file: generated there if missing, else reused")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cocontrol_bench_inclusive_"))
    os.environ["COCONTROL_HOME"] = str(work / "home")
    os.environ.pop("COCONTROL_DATABASE_URL", None)
    path = args.file or work / "records.parquet"
    t0 = time.perf_counter()
    if not path.exists():
        make_records(path, args.records, args.people)
        print(f"generated {path.stat().st_size / 1e9:.2f} GB in {time.perf_counter() - t0:.1f} s",
              flush=True)
    else:
        print(f"reusing {path} ({path.stat().st_size / 1e9:.2f} GB)", flush=True)
    spark_env = {k: v for k, v in os.environ.items() if k.startswith("COCONTROL_SPARK")}
    print(f"engine {args.engine}{' (CLI child process)' if args.cli else ''}; "
          f"{spark_env if args.engine == 'spark' else ''}; load average before {load_average()}",
          flush=True)
    monitor = TreeMonitor()
    if args.cli:
        cli = Path(sys.executable).with_name("cocontrol")
        monitor.start()
        t1 = time.perf_counter()
        # the text summary: the JSON of a million persons would measure json.dumps
        done = subprocess.run([str(cli), "inclusive", "credit", str(path), "--partner", "bench",
                               "--engine", args.engine], capture_output=True, text=True,
                              check=False)
        took = time.perf_counter() - t1
        peak, cpu = monitor.finish()
        if done.returncode != 0:
            raise SystemExit(f"cocontrol failed ({done.returncode}): {done.stderr[-3000:]}")
        print(done.stdout.strip())
        found = re.search(r"([\d,]+) 条记录，计入 ([\d,]+) 人，减排 ([\d,.]+) 吨 CO2；未计入 ([\d,]+)",
                          done.stdout)
        assert found, done.stdout
        records, people, rejected = (int(found[i].replace(",", "")) for i in (1, 2, 4))
        total_g = float(found[3].replace(",", "")) * 1e6
    else:
        from cocontrol.inclusive.methodology import load
        from cocontrol.inclusive.records import read_records
        from cocontrol.store.inclusive import file_digest, post_records

        if args.stages:
            time_stages()
        if args.explain:
            explain_spark(args.explain)
        monitor.start()
        t1 = time.perf_counter()
        result = post_records(read_records(path), methods=load(), partner="bench",
                              sha256=file_digest(path), name=path.name, actor="bench",
                              engine=args.engine)
        took = time.perf_counter() - t1
        peak, cpu = monitor.finish()
        records, people = result.records, len(result.persons)
        total_g, rejected = result.total_g, len(result.rejected)
    if args.keep:
        args.keep.write_text(json.dumps({"records": records, "people": people,
                                         "total_g": total_g, "rejected": rejected}))
    print(f"at the peak: {monitor.peak_processes()}")
    journals = list((work / "home").rglob("*.parquet"))
    print(f"credited {records:,} records of {people:,} people in {took:.1f} s "
          f"({records / took:,.0f} records/s; CPU of the process tree {cpu:.1f} s); "
          f"total {total_g / 1e6:,.1f} t CO2; rejected {rejected:,}; "
          f"peak RSS of the process tree {peak:.2f} GiB; journal "
          f"{sum(j.stat().st_size for j in journals) / 1e9:.2f} GB; "
          f"load average after {load_average()}")


if __name__ == "__main__":
    main()
