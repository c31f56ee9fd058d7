"""碳普惠 bulk engine: old and new code give the same results (run before and after a change).

    python benchmarks/compare_inclusive.py make DIR 2000000       # inputs, once
    PYTHONPATH=<old>/src python benchmarks/compare_inclusive.py run DIR OLD
    PYTHONPATH=<new>/src python benchmarks/compare_inclusive.py run DIR NEW
    python benchmarks/compare_inclusive.py check OLD NEW

Inputs (synthetic, seeded): ``a`` the benchmark's trips (duplicates, too fast, overlaps);
``c`` dense trips of 60 people (daily and yearly caps); ``w`` steps and rides (counts, daily
caps, duplicates); ``d`` a second batch of ``a`` (seen ids, trips overlapping credited ones,
new trips); ``e`` a file with input errors of every kind. ``run`` posts ``e`` (refused), then
``a, c, w, d`` in order into a fresh store and writes every result (persons, rejections with
reasons, scene-months, totals, the journals sorted by record id, the ledger, the problems of
``e``); ``check`` compares two such folders (floats to 1e-9 relative).
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path


def make(out: Path, n: int) -> None:
    import duckdb

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_inclusive import make_records

    out.mkdir(parents=True, exist_ok=True)
    make_records(out / "a.parquet", n, n // 50)
    con = duckdb.connect()
    con.execute(f"""COPY (SELECT 'c' || i AS record_id, 'q' || (hash(i) % 60) AS person,
       CASE i % 3 WHEN 0 THEN 'metro' WHEN 1 THEN '公交' ELSE 'cycling' END AS scene,
       TIMESTAMP '2025-01-01' + to_minutes(CAST((hash(i * 7) % 525600) AS BIGINT)) AS start,
       start + to_minutes(CAST(5 + i % 40 AS BIGINT)) AS "end",
       CASE WHEN i % 97 = 3 THEN 0.0 ELSE 1.0 + (i % 17) END AS distance_km
       FROM range({n // 5}) t(i)) TO '{out}/c.parquet' (FORMAT PARQUET)""")
    con.execute(f"""COPY (SELECT 'w' || (i % {n // 10 - 50}) AS record_id,
       'q' || (hash(i) % 500) AS person,
       CASE i % 2 WHEN 0 THEN 'walking' ELSE 'metro_ride' END AS scene,
       TIMESTAMP '2025-01-01' + to_minutes(CAST((hash(i * 3) % 525600) AS BIGINT)) AS start,
       start + to_minutes(CAST(i % 60 AS BIGINT)) AS "end",
       CASE i % 2 WHEN 0 THEN CAST(hash(i) % 20000 AS DOUBLE) ELSE 1.0 + i % 3 END AS quantity,
       CASE i % 2 WHEN 0 THEN '步' ELSE '次' END AS unit
       FROM range({n // 10}) t(i)) TO '{out}/w.parquet' (FORMAT PARQUET)""")
    a = f"read_parquet('{out}/a.parquet')"
    con.execute(f"""COPY (
       SELECT record_id, person, scene, start, "end", distance_km FROM {a}
         WHERE hash(record_id) % 10 = 0
       UNION ALL SELECT 'x' || record_id, person, scene, start + INTERVAL 7 MINUTE,
         "end" + INTERVAL 7 MINUTE, distance_km FROM {a} WHERE hash(record_id) % 10 = 1
       UNION ALL SELECT 'y' || record_id, person, scene, start + INTERVAL 3 DAY,
         "end" + INTERVAL 3 DAY, distance_km FROM {a} WHERE hash(record_id) % 10 = 2
       ) TO '{out}/d.parquet' (FORMAT PARQUET)""")
    con.execute(f"""COPY (SELECT
       CASE WHEN i % 5000 = 1 THEN '' WHEN i % 7000 = 2 THEN ' \t' ELSE 'e' || i END AS record_id,
       CASE WHEN i % 6000 = 3 THEN '  ' WHEN i % 6100 = 4 THEN NULL ELSE 'p' || (i % 1000) END
         AS person,
       CASE WHEN i % 8000 = 5 THEN 'boat' WHEN i % 3 = 0 THEN 'metro' ELSE '骑行' END AS scene,
       TIMESTAMP '2025-01-01' + to_minutes(CAST(i AS BIGINT)) AS start,
       CASE WHEN i % 9000 = 6 THEN start - INTERVAL 5 MINUTE WHEN i % 9100 = 7 THEN NULL
         ELSE start + INTERVAL 20 MINUTE END AS "end",
       CASE WHEN i % 9500 = 8 THEN -1.0 WHEN i % 9600 = 9 THEN 'nan'::DOUBLE
         WHEN i % 9700 = 10 THEN 'inf'::DOUBLE ELSE 3.0 END AS distance_km
       FROM range(300000) t(i)) TO '{out}/e.parquet' (FORMAT PARQUET)""")


def run(inp: Path, out: Path, engine: str = "duckdb") -> None:
    os.environ["COCONTROL_HOME"] = tempfile.mkdtemp(prefix="cocontrol_compare_")
    os.environ.pop("COCONTROL_DATABASE_URL", None)
    import duckdb
    import pandas as pd
    from sqlalchemy import select

    from cocontrol.errors import ValidationFailed
    from cocontrol.inclusive.methodology import load
    from cocontrol.inclusive.records import read_records
    from cocontrol.store import inclusive as si
    from cocontrol.store.db import transaction

    out.mkdir(parents=True, exist_ok=True)

    def post(path: Path) -> object:
        return si.post_records(read_records(path), methods=load(), partner="p",
                               sha256=si.file_digest(path), name=path.name, actor="compare",
                               engine=engine)

    try:
        post(inp / "e.parquet")
        raise SystemExit("e.parquet was credited")
    except ValidationFailed as exc:
        pd.DataFrame([{k: str(v) for k, v in dataclasses.asdict(p).items()}
                      for p in exc.problems]).to_parquet(out / "e_problems.parquet")
    for name in ("a", "c", "w", "d"):
        t = time.perf_counter()
        r = post(inp / f"{name}.parquet")
        print(name, f"{time.perf_counter() - t:.1f} s", r.records, len(r.rejected),  # type: ignore[attr-defined]
              r.rejected["reason"].value_counts().to_dict(), flush=True)  # type: ignore[attr-defined]
        r.persons.to_parquet(out / f"{name}_persons.parquet")  # type: ignore[attr-defined]
        r.rejected.to_parquet(out / f"{name}_rejected.parquet")  # type: ignore[attr-defined]
        r.by_scene_month.to_parquet(out / f"{name}_months.parquet")  # type: ignore[attr-defined]
        pd.Series({"total_g": r.total_g, "records": r.records, **r.avoided}).to_frame(  # type: ignore[attr-defined]
            "v").to_parquet(out / f"{name}_totals.parquet")
    cols = ["seq", "person", "kind", "amount_g", "batch_id", "note", "region", "reverses"]
    with transaction() as s:
        journals = s.execute(select(si.InclusiveBatch.name, si.InclusiveBatch.journal)).all()
        ledger = pd.DataFrame(s.execute(select(*(getattr(si.LedgerEntry, c) for c in cols)))
                              .all(), columns=cols)
    ledger.to_parquet(out / "ledger.parquet")
    con = duckdb.connect()
    for name, journal in journals:
        con.execute(f"COPY (SELECT * FROM read_parquet('{journal}') ORDER BY record_id) "
                    f"TO '{out}/{name}_journal.parquet'")


def check(a: Path, b: Path) -> int:
    import numpy as np
    import pandas as pd

    bad = 0
    for f in sorted(a.glob("*.parquet")):
        x, y = pd.read_parquet(f), pd.read_parquet(b / f.name)
        try:
            assert list(x.columns) == list(y.columns), (list(x.columns), list(y.columns))
            assert len(x) == len(y), (len(x), len(y))
            for col in x.columns:
                u, v = x[col].reset_index(drop=True), y[col].reset_index(drop=True)
                if pd.api.types.is_float_dtype(u):
                    assert np.allclose(u.to_numpy(float), v.to_numpy(float), rtol=1e-9,
                                       atol=1e-6, equal_nan=True), col
                else:
                    nu, nv = u.isna(), v.isna()
                    assert (nu == nv).all(), (col, "NULLs differ")
                    same = u[~nu].astype(str) == v[~nv].astype(str)
                    assert same.all(), (col, x[~nu][~same].head(), y[~nv][~same].head())
            print("same", f.name, len(x))
        except AssertionError as exc:
            bad += 1
            print("DIFFERENT", f.name, exc)
    print("ALL EQUAL" if not bad else f"{bad} DIFFERENT")
    return 1 if bad else 0


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    if cmd == "make":
        make(Path(args[0]), int(args[1]))
    elif cmd == "run":
        run(Path(args[0]), Path(args[1]), *args[2:])
    else:
        raise SystemExit(check(Path(args[0]), Path(args[1])))
