"""Benchmark: facility-level inventory, N activity rows × 10 species (issue 3).

Implementations of the same computation over the same Parquet input —
``E[region, year, sector, fuel, species] = Σ value × mult(fuel, unit) × ef(sector, fuel, species)
× ctrl(region, year, sector, fuel, species)``:

* ``cocontrol``: the package's staged Ibis expressions (``cocontrol.inventory.core.
  run_inventory``: activity summed per key and kept in the engine, then factors and controls,
  in one DuckDB session), activity read from Parquet;
* ``duckdb_sql``: one hand-written DuckDB SQL query joining every row (the literal formula);
* ``duckdb_sql_preagg``: one hand-written query that sums activity per key first, as the
  package's expression does (the fair floor);
* ``pandas``: a straightforward pandas read → merge → merge → merge → groupby (the reference);
* ``cocontrol_spark`` (on request): the package's expressions on PySpark local[2];
* ``cocontrol_checked`` (on request, with ``--ceads``): ``scan.compute_parquet``, the CLI's
  path for large files (checks, name resolution, shipped factors).

Each runs in its own process (imports timed apart; wall and CPU seconds; peak = VmHWM). The
synthetic data are seeded and generated here into a temporary folder; nothing big is kept.
``--city jinan`` times ``compute()`` on one demo city instead (the web's small-input case).

    .venv/bin/python benchmarks/bench_inventory.py --rows 10000000 --repeat 3
    .venv/bin/python benchmarks/bench_inventory.py --rows 100000000 --only cocontrol
    .venv/bin/python benchmarks/bench_inventory.py --rows 100000000 --ceads --only cocontrol_checked
    .venv/bin/python benchmarks/bench_inventory.py --city jinan --repeat 3
    .venv/bin/python benchmarks/bench_inventory.py --cli --rows 10000000 --repeat 3

``--cli`` (issue 9): the path users run. A 10 M-row annual facility-level file (CEADs names,
nine years, no month or technology column) as CSV and as Parquet, each through
``cocontrol inventory compute FILE -o out.parquet`` in a fresh process (process start,
imports, checks, writing included), against references that also start a process, read
the same file and write their result: a pandas script (read → merge units → merge factors →
groupby; key columns as ``category``, else 10⁸ merged rows of text do not fit), one
hand-written DuckDB query (the same joins and GROUP BY) and ``duckdb_preagg``, the same query
summing the activity per key before the joins (the strict floor). The references
use the shipped default factors by code (no name resolution, no checks). Peak memory is the
child's ``ru_maxrss`` from ``wait4`` (the data are generated in another child, so the
parent's memory at fork time does not count); CPU seconds (user + system, all threads) come
from the same ``wait4`` — on a shared machine the fairer comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

SPECIES = ["CO2", "CH4", "N2O", "SO2", "NOx", "PM10", "PM2.5", "VOCs", "NH3", "CO"]
N_SECTORS, N_FUELS, N_REGIONS = 47, 17, 16


def _small_tables(folder: Path) -> None:
    rng = np.random.default_rng(7)
    sectors = [f"sector_{i:02d}" for i in range(N_SECTORS)]
    fuels = [f"fuel_{i:02d}" for i in range(N_FUELS)]
    units = pa.table({"fuel": fuels, "unit": ["t"] * N_FUELS,
                      "mult": rng.uniform(0.5, 2.0, N_FUELS)})
    keys = [(s, f, sp) for s in sectors for f in fuels for sp in SPECIES]
    factors = pa.table({"sector": [k[0] for k in keys], "fuel": [k[1] for k in keys],
                        "species": [k[2] for k in keys], "ef": rng.uniform(0, 3, len(keys)),
                        "scope": np.ones(len(keys), dtype="int64"),
                        "factor_id": [f"f{i}" for i in range(len(keys))]})
    ckeys = [(f"region_{r}", 2020, s, f, sp) for r in range(N_REGIONS) for s in sectors[:10]
             for f in fuels for sp in ("SO2", "NOx", "PM10", "PM2.5")]
    controls = pa.table({"region": [k[0] for k in ckeys], "year": [k[1] for k in ckeys],
                         "sector": [k[2] for k in ckeys], "fuel": [k[3] for k in ckeys],
                         "species": [k[4] for k in ckeys],
                         "ctrl": rng.uniform(0.05, 1, len(ckeys)),
                         "control": ["scr"] * len(ckeys)})
    grid = pa.table({"region": pa.array([], pa.string()), "year": pa.array([], pa.int64()),
                     "fuel": pa.array([], pa.string()), "species": pa.array([], pa.string()),
                     "ef": pa.array([], pa.float64()), "scope": pa.array([], pa.int64()),
                     "factor_id": pa.array([], pa.string())})
    for name, table in (("units", units), ("factors", factors), ("controls", controls),
                        ("grid", grid)):
        pq.write_table(table, folder / f"{name}.parquet")


def generate(folder: Path, rows: int, chunk: int = 5_000_000, ceads: bool = False) -> Path:
    """Activity Parquet with ``rows`` facility rows, written in chunks (bounded memory).

    ``ceads``: real CEADs sector names and fuel codes with their canonical units (for the
    ``cocontrol_checked`` runner, which validates and uses the shipped factors)."""
    path = folder / "activity.parquet"
    rng = np.random.default_rng(42)
    sectors = np.array([f"sector_{i:02d}" for i in range(N_SECTORS)])
    fuels = np.array([f"fuel_{i:02d}" for i in range(N_FUELS)])
    units = np.full(N_FUELS, "t")
    if ceads:
        from cocontrol import refdata

        sectors = refdata.load("sectors")["sector"].to_numpy(dtype=object).astype(str)
        table = refdata.load("fuels").dropna(subset=["ceads_order"])
        fuels = table["fuel"].to_numpy(dtype=object).astype(str)
        units = table["physical_unit"].to_numpy(dtype=object).astype(str)
    regions = np.array([f"region_{i}" for i in range(N_REGIONS)])
    writer = None
    for start in range(0, rows, chunk):
        n = min(chunk, rows - start)
        ids = np.arange(start, start + n, dtype="int64")
        table = pa.table({
            "region": pa.array(regions[rng.integers(0, N_REGIONS, n)]),
            "year": pa.array(np.full(n, 2020, dtype="int64")),
            "month": pa.nulls(n, pa.int64()),
            "sector": pa.array(sectors[rng.integers(0, N_SECTORS, n)]),
            "fuel": pa.array(fuels[(fi := rng.integers(0, N_FUELS, n))]),
            "facility": pc.cast(pa.array(ids), pa.string()),
            "value": pa.array(rng.uniform(0, 1000, n)),
            "unit": pa.array(units[fi]),
            "row_id": pa.array(ids),
        })
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    assert writer is not None
    writer.close()
    _small_tables(folder)
    return path


def run_cocontrol(folder: Path) -> int:
    from cocontrol.inventory.core import run_inventory

    names = ("activity", "units", "factors", "grid", "controls")
    sources = {name: str(folder / f"{name}.parquet") for name in names}
    inv, _missing = run_inventory(sources, engine="duckdb")
    return len(inv)


SQL = """
SELECT a.region, a.year, a.sector, a.fuel, f.species, f.scope,
       SUM(a.value * u.mult * f.ef * COALESCE(c.ctrl, 1.0)) AS value
FROM read_parquet('{a}') a
JOIN read_parquet('{u}') u ON a.fuel = u.fuel AND a.unit = u.unit
JOIN read_parquet('{f}') f ON a.sector = f.sector AND a.fuel = f.fuel
LEFT JOIN read_parquet('{c}') c ON a.region = c.region AND a.year = c.year
     AND a.sector = c.sector AND a.fuel = c.fuel AND f.species = c.species
GROUP BY ALL
"""


def _run_sql(folder: Path, sql: str) -> int:
    import duckdb

    con = duckdb.connect()
    query = sql.format(**{k: folder / f"{n}.parquet" for k, n in
                          (("a", "activity"), ("u", "units"), ("f", "factors"),
                           ("c", "controls"))})
    return con.sql(query).to_arrow_table().num_rows


def run_cocontrol_checked(folder: Path) -> int:
    """The public path for big files: in-engine checks, name resolution, shipped factors."""
    from cocontrol.inventory.scan import compute_parquet

    return len(compute_parquet(folder / "activity.parquet"))


def run_duckdb_sql(folder: Path) -> int:
    return _run_sql(folder, SQL)


SQL_PREAGG = """
WITH a AS (
  SELECT region, year, sector, a.fuel, SUM(value * u.mult) AS amount
  FROM read_parquet('{a}') a JOIN read_parquet('{u}') u ON a.fuel = u.fuel AND a.unit = u.unit
  GROUP BY ALL)
SELECT a.region, a.year, a.sector, a.fuel, f.species, f.scope,
       a.amount * f.ef * COALESCE(c.ctrl, 1.0) AS value
FROM a JOIN read_parquet('{f}') f ON a.sector = f.sector AND a.fuel = f.fuel
LEFT JOIN read_parquet('{c}') c ON a.region = c.region AND a.year = c.year
     AND a.sector = c.sector AND a.fuel = c.fuel AND f.species = c.species
"""


def run_duckdb_sql_preagg(folder: Path) -> int:
    return _run_sql(folder, SQL_PREAGG)


def run_pandas(folder: Path) -> int:
    """The reference: read → merge → merge → merge → groupby. Key columns are read as pandas
    ``category`` (Parquet dictionary) and only the needed columns are kept, so that 10 M rows
    × 10 species (10⁸ merged rows) fit in memory at all."""
    import pandas as pd

    keys = ["region", "sector", "fuel", "unit", "species"]

    def read(name: str, columns: list[str]) -> pd.DataFrame:
        return pd.read_parquet(folder / f"{name}.parquet", columns=columns,
                               read_dictionary=[c for c in columns if c in keys])

    act = read("activity", ["region", "year", "sector", "fuel", "value", "unit"])
    units = read("units", ["fuel", "unit", "mult"])
    factors = read("factors", ["sector", "fuel", "species", "ef", "scope"])
    controls = read("controls", ["region", "year", "sector", "fuel", "species", "ctrl"])
    for small in (units, factors, controls):  # same categories on both sides of a merge
        for col in set(small.columns) & set(act.columns) - {"year"}:
            small[col] = pd.Categorical(small[col], categories=act[col].cat.categories)
    controls["species"] = pd.Categorical(controls["species"],
                                         categories=factors["species"].cat.categories)
    df = act.merge(units, on=["fuel", "unit"])
    df["amount"] = df["value"] * df["mult"]
    df = df.drop(columns=["value", "unit", "mult"])
    df = df.merge(factors, on=["sector", "fuel"])
    df = df.merge(controls, on=["region", "year", "sector", "fuel", "species"], how="left")
    df["e"] = df["amount"] * df["ef"] * df["ctrl"].fillna(1.0)
    out = df.groupby(["region", "year", "sector", "fuel", "species", "scope"],
                     observed=True)["e"].sum()
    return len(out)


def run_city(city: str) -> dict:
    """Small input: ``compute()`` on one demo city (all years, its controls), as the web
    does after each data change — the first call in a fresh process, then warm calls."""
    import warnings

    from cocontrol import demo
    from cocontrol.inventory import compute

    act, controls = demo.activity(city), demo.controls(city)
    times = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # coverage notes (absent factors) are expected
        for _ in range(6):
            start = time.perf_counter()
            result = compute(act, controls=controls)
            times.append(time.perf_counter() - start)
    warm = sorted(times[1:])
    return {"name": f"city:{city}", "activity_rows": len(act), "control_rows": len(controls),
            "result_rows": len(result), "first": times[0], "warm_median": warm[len(warm) // 2],
            "warm_min": warm[0], "warm_max": warm[-1]}


def run_cocontrol_spark(folder: Path) -> int:
    """The same expressions on PySpark (local[2]); the session start-up is included."""
    from cocontrol.inventory.core import run_inventory

    names = ("activity", "units", "factors", "grid", "controls")
    sources = {name: str(folder / f"{name}.parquet") for name in names}
    inv, _missing = run_inventory(sources, engine="spark")
    return len(inv)


CLI_REFERENCE = r"""
import sys
kind, activity, units, factors, out = sys.argv[1:6]
if kind == "pandas":
    import pandas as pd
    keys = ["region", "sector", "fuel", "unit"]
    cols = ["region", "year", "sector", "fuel", "value", "unit"]
    if activity.endswith(".csv"):
        act = pd.read_csv(activity, usecols=cols, dtype={k: "category" for k in keys})
    else:
        act = pd.read_parquet(activity, columns=cols)
        act[keys] = act[keys].astype("category")
    u, f = pd.read_parquet(units), pd.read_parquet(factors)
    for small in (u, f):  # same categories on both sides, else 10^8 rows of text
        for c in set(small.columns) & set(keys):
            small[c] = pd.Categorical(small[c], categories=act[c].cat.categories)
    f["species"] = f["species"].astype("category")
    df = act.merge(u, on=["fuel", "unit"])
    df["amount"] = df["value"] * df["mult"]
    df = df.drop(columns=["value", "unit", "mult"]).merge(f, on=["sector", "fuel"])
    df["e"] = df["amount"] * df["ef"]
    res = df.groupby(["region", "year", "sector", "fuel", "species", "scope"],
                     as_index=False, observed=True)["e"].sum()
    res.to_parquet(out)
elif kind == "duckdb_preagg":
    import duckdb
    src = (f"read_csv('{activity}', header=true)" if activity.endswith(".csv")
           else f"read_parquet('{activity}')")
    duckdb.sql(f"COPY (WITH a AS (SELECT region, year, sector, fuel, unit, SUM(value) AS v "
               f"FROM {src} GROUP BY ALL) "
               f"SELECT a.region, a.year, a.sector, a.fuel, f.species, f.scope, "
               f"SUM(a.v * u.mult * f.ef) AS value FROM a "
               f"JOIN read_parquet('{units}') u ON a.fuel = u.fuel AND a.unit = u.unit "
               f"JOIN read_parquet('{factors}') f ON a.sector = f.sector AND a.fuel = f.fuel "
               f"GROUP BY ALL) TO '{out}' (FORMAT PARQUET)")
else:
    import duckdb
    src = (f"read_csv('{activity}', header=true)" if activity.endswith(".csv")
           else f"read_parquet('{activity}')")
    duckdb.sql(f"COPY (SELECT a.region, a.year, a.sector, a.fuel, f.species, f.scope, "
               f"SUM(a.value * u.mult * f.ef) AS value FROM {src} a "
               f"JOIN read_parquet('{units}') u ON a.fuel = u.fuel AND a.unit = u.unit "
               f"JOIN read_parquet('{factors}') f ON a.sector = f.sector AND a.fuel = f.fuel "
               f"GROUP BY ALL) TO '{out}' (FORMAT PARQUET)")
"""


SHANDONG_CITIES = ["济南市", "青岛市", "淄博市", "枣庄市", "东营市", "烟台市", "潍坊市", "济宁市", "泰安市",
                   "威海市", "日照市", "临沂市", "德州市", "聊城市", "滨州市", "菏泽市"]


def _write_both(paths: dict[str, Path], batches: Iterable[pa.Table]) -> None:
    """The same batches to the Parquet and the CSV file of ``paths``, one batch at a time."""
    import pyarrow.csv as pacsv

    pq_writer = csv_writer = None
    for batch in batches:
        if pq_writer is None:
            pq_writer = pq.ParquetWriter(paths["parquet"], batch.schema)
            csv_writer = pacsv.CSVWriter(paths["csv"], batch.schema)
        pq_writer.write_table(batch)
        csv_writer.write_table(batch)
    pq_writer.close()
    csv_writer.close()


def generate_cli(folder: Path, rows: int, chunk: int = 2_000_000) -> dict[str, Path]:
    """The issue-9 file: annual facility rows (2015–2023), CEADs sector names and fuel codes
    in their canonical units, no month, no technology column; CSV and Parquet of the same
    rows; plus the reference tables (unit multipliers, shipped default factors by code)."""
    from cocontrol import refdata

    rng = np.random.default_rng(42)
    sectors = refdata.load("sectors")["sector"].to_numpy(dtype=object).astype(str)
    table = refdata.load("fuels").dropna(subset=["ceads_order"])
    fuels = table["fuel"].to_numpy(dtype=object).astype(str)
    units = table["physical_unit"].to_numpy(dtype=object).astype(str)
    regions = np.array(SHANDONG_CITIES)
    paths = {"csv": folder / "activity.csv", "parquet": folder / "activity.parquet"}

    def batches() -> Iterator[pa.Table]:
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            fi = rng.integers(0, len(fuels), n)
            yield pa.table({
                "region": pa.array(regions[rng.integers(0, len(regions), n)]),
                "year": pa.array(rng.integers(2015, 2024, n)),
                "sector": pa.array(sectors[rng.integers(0, len(sectors), n)]),
                "fuel": pa.array(fuels[fi]),
                "facility": pc.cast(pa.array(np.arange(start, start + n)), pa.string()),
                "value": pa.array(np.round(rng.uniform(0, 1000, n), 3)),
                "unit": pa.array(units[fi]),
            })

    _write_both(paths, batches())
    _reference_tables(folder, list(fuels), list(units))
    return paths


def generate_cli_facilities(folder: Path, rows: int, shuffled: bool = False,
                            chunk: int = 2_000_000) -> dict[str, Path]:
    """A facility-level file as an export gives it (``--kind sorted``): ``rows`` / 20
    facilities (500 000 for 10 M rows), each in one region, with two sectors × two fuels
    per sector × five years (2019–2023) — 20 rows a facility, so facilities repeat on
    successive rows — listed by facility (an 18-character code), then year, sector, fuel;
    ``shuffled``: the same rows in a random order (``--kind shuffled``). Same columns, CEADs
    names and reference tables as :func:`generate_cli`."""
    from cocontrol import refdata

    rng = np.random.default_rng(7)
    sectors = np.array(sorted(refdata.load("sectors")["sector"].astype(str)), dtype=object)
    table = refdata.load("fuels").dropna(subset=["ceads_order"])
    by_name = sorted(zip(table["fuel"].astype(str), table["physical_unit"].astype(str),
                         strict=True))
    fuels = np.array([f for f, _ in by_name], dtype=object)
    units = np.array([u for _, u in by_name], dtype=object)
    regions = np.array(SHANDONG_CITIES)
    per = 20
    n_fac = -(-rows // per)

    def two(n: int, k: int) -> tuple[np.ndarray, np.ndarray]:  # two distinct of k, ordered
        a = rng.integers(0, k, n)
        b = (a + rng.integers(1, k, n)) % k
        return np.minimum(a, b), np.maximum(a, b)  # names are sorted: index order is byte order

    region = rng.integers(0, len(regions), n_fac)
    s_lo, s_hi = two(n_fac, len(sectors))
    f_pairs = [two(n_fac, len(fuels)), two(n_fac, len(fuels))]  # per sector slot
    row = np.arange(rows, dtype=np.int64)
    fac, j = row // per, row % per
    year = 2019 + j // 4
    slot = (j // 2) % 2
    sector = np.where(slot == 0, s_lo[fac], s_hi[fac])
    low = np.where(slot == 0, f_pairs[0][0][fac], f_pairs[1][0][fac])
    high = np.where(slot == 0, f_pairs[0][1][fac], f_pairs[1][1][fac])
    fuel = np.where(j % 2 == 0, low, high)
    value = np.round(rng.uniform(0, 1000, rows), 3)
    paths = {"csv": folder / "activity.csv", "parquet": folder / "activity.parquet"}
    folder.mkdir(parents=True, exist_ok=True)
    if shuffled:  # written in key order first, then shuffled by DuckDB (a seeded hash)
        paths = {k: v.with_name(f"sorted_{v.name}") for k, v in paths.items()}

    def batches() -> Iterator[pa.Table]:
        for start in range(0, rows, chunk):
            take = row[start:start + chunk]
            f = fac[take]
            yield pa.table({
                "region": pa.array(regions[region[f]]),
                "year": pa.array(year[take]),
                "sector": pa.array(sectors[sector[take]], pa.string()),
                "fuel": pa.array(fuels[fuel[take]], pa.string()),
                "facility": pa.array(np.char.add("91370", np.char.zfill(f.astype(str), 13))),
                "value": pa.array(value[take]),
                "unit": pa.array(units[fuel[take]], pa.string()),
            })

    _write_both(paths, batches())
    _reference_tables(folder, list(fuels), list(units))
    if shuffled:
        import duckdb

        src = str(paths["parquet"]).replace("'", "''")
        con = duckdb.connect()
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_parquet('{src}', "
                    "file_row_number = true) ORDER BY hash(file_row_number + 7)")
        con.execute("ALTER TABLE t DROP COLUMN file_row_number")
        for fmt, name in (("PARQUET", "activity.parquet"), ("CSV, HEADER", "activity.csv")):
            con.execute(f"COPY t TO '{folder / name}' (FORMAT {fmt})")
        con.close()
        for path in paths.values():
            path.unlink()
        paths = {"csv": folder / "activity.csv", "parquet": folder / "activity.parquet"}
    return paths


def _reference_tables(folder: Path, fuels: list[str], units: list[str]) -> None:
    """Unit multipliers and the shipped default factors by code, for the references."""
    from cocontrol.data.activity import unit_multiplier
    from cocontrol.inventory import factors as fx

    mult = pa.table({"fuel": fuels, "unit": units,
                     "mult": [unit_multiplier(f, u) for f, u in zip(fuels, units, strict=True)]})
    pq.write_table(mult, folder / "units.parquet")
    facs = fx.default_factors()
    facs = facs[(facs["technology"] == "") & facs["fuel"].isin(fuels)]
    pq.write_table(pa.Table.from_pandas(facs[["sector", "fuel", "species", "ef", "scope"]],
                                        preserve_index=False), folder / "factors.parquet")


def _timed(cmd: list[str], cwd: Path) -> dict:
    """Wall seconds and peak RSS (GiB, ``wait4``) of one child process from its start."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, error = out.read().decode(), err.read().decode()
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_gib": usage.ru_maxrss / 1024**2,
            "ok": proc.returncode == 0, "stdout": text.strip(), "stderr": error.strip()[-400:]}


def run_cli_bench(rows: int, repeat: int, only: list[str], data: Path | None = None) -> None:
    """``--cli``: the CLI and both references on the CSV and the Parquet file, interleaved.
    ``data``: a folder made before by ``--generate-cli DIR ROWS`` (else generated here)."""
    cli = Path(sys.executable).with_name("cocontrol")
    cli_cmd = [str(cli)] if cli.exists() else [sys.executable, "-m", "cocontrol"]
    with tempfile.TemporaryDirectory(prefix="bench_cli_") as tmp:
        folder = Path(tmp) if data is None else data.resolve()
        t0 = time.perf_counter()
        if data is None:
            # generated in a child process: wait4's ru_maxrss of a later child counts the
            # memory its parent had at fork time, so the parent stays small
            subprocess.run([sys.executable, __file__, "--generate-cli", str(folder), str(rows)],
                           check=True)
        paths = {"csv": folder / "activity.csv", "parquet": folder / "activity.parquet"}
        made = (f"generated {rows:,} rows" if data is None else f"files of {folder}")
        print(f"{made}: CSV {paths['csv'].stat().st_size / 1024**3:.2f} GiB, "
              f"Parquet {paths['parquet'].stat().st_size / 1024**3:.2f} GiB in "
              f"{time.perf_counter() - t0:.0f} s", flush=True)
        script = folder / "reference.py"
        script.write_text(CLI_REFERENCE, encoding="utf-8")
        for _ in range(repeat):
            for fmt in ("parquet", "csv"):
                src = str(paths[fmt])
                commands = {
                    "cli": [*cli_cmd, "inventory", "compute", src, "-o", "out_cli.parquet"],
                    "duckdb_query": [sys.executable, str(script), "duckdb", src,
                                     "units.parquet", "factors.parquet", "out_duckdb.parquet"],
                    "duckdb_preagg": [sys.executable, str(script), "duckdb_preagg", src,
                                      "units.parquet", "factors.parquet", "out_preagg.parquet"],
                    "pandas": [sys.executable, str(script), "pandas", src, "units.parquet",
                               "factors.parquet", "out_pandas.parquet"],
                }
                for name in only or commands:
                    res = _timed(commands[name], folder)
                    note = res["stdout"].splitlines()[-1] if res["ok"] and res["stdout"] else (
                        res["stderr"])
                    print(f"{fmt:>7} {name:>13}: {res['seconds']:7.2f} s (CPU {res['cpu']:6.2f} s)  peak "
                          f"{res['peak_gib']:.2f} GiB  load {os.getloadavg()[0]:.1f}  "
                          f"{'' if res['ok'] else 'FAILED '}{note[:200]}", flush=True)


RUNNERS = {"cocontrol": run_cocontrol, "cocontrol_checked": run_cocontrol_checked, "duckdb_sql": run_duckdb_sql,
           "duckdb_sql_preagg": run_duckdb_sql_preagg, "pandas": run_pandas,
           "cocontrol_spark": run_cocontrol_spark}


def child(name: str, folder: Path) -> None:
    start = time.perf_counter()
    import duckdb  # noqa: F401  (imports are timed apart)
    import pandas  # noqa: F401

    import cocontrol.inventory.core  # noqa: F401

    imports = time.perf_counter() - start
    if name.startswith("city:"):
        print(json.dumps({**run_city(name[5:]), "imports": imports}))
        return
    start, cpu = time.perf_counter(), time.process_time()
    n = RUNNERS[name](folder)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"name": name, "seconds": seconds, "cpu": cpu, "peak_gib": _peak_gib(),
                      "groups": n, "imports": imports}))


def _peak_gib() -> float:
    """Peak resident memory of this process: ``VmHWM`` (Linux; ``ru_maxrss`` would also
    count the parent's memory at fork time, here the data generator's), else ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024**2  # kB → GiB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def _spawn(name: str, folder: str) -> dict | None:
    done = subprocess.run([sys.executable, __file__, "--child", name, folder],
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(f"{name}: failed (exit {done.returncode}) {done.stderr[-500:]}", flush=True)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--only", nargs="*", default=[r for r in RUNNERS
                                                      if r not in ("cocontrol_checked",
                                                                   "cocontrol_spark")])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--ceads", action="store_true",
                        help="real CEADs names/units (needed by cocontrol_checked)")
    parser.add_argument("--city", help="small input only: compute() on this demo city")
    parser.add_argument("--cli", action="store_true",
                        help="issue 9: the CLI on a CSV and a Parquet file vs references")
    parser.add_argument("--generate-cli", nargs=2, metavar=("DIR", "ROWS"),
                        help="--cli's files only, into DIR (to be timed later with --data DIR)")
    parser.add_argument("--kind", choices=["rows", "sorted", "shuffled"], default="rows",
                        help="with --generate-cli: one facility a row (the issue-9 file, "
                             "default), or 20 rows a facility in key order or shuffled")
    parser.add_argument("--data", type=Path,
                        help="with --cli: time on the files of --generate-cli DIR ROWS (kept)")
    args = parser.parse_args()
    if args.generate_cli:
        folder, rows = Path(args.generate_cli[0]), int(args.generate_cli[1])
        if args.kind == "rows":
            generate_cli(folder, rows)
        else:
            generate_cli_facilities(folder, rows, shuffled=args.kind == "shuffled")
        return
    if args.cli:
        picked = [n for n in args.only if n in ("cli", "duckdb_query", "duckdb_preagg",
                                                "pandas")]
        picked = [] if picked == ["pandas"] and "--only" not in sys.argv else picked
        run_cli_bench(args.rows, args.repeat, picked, args.data)
        return
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    if args.city:
        for _ in range(args.repeat):
            if res := _spawn(f"city:{args.city}", "."):
                print(f"compute({args.city}: {res['activity_rows']} activity rows, "
                      f"{res['control_rows']} control rows → {res['result_rows']} rows): "
                      f"first call {res['first']:.2f} s, then median {res['warm_median']:.3f} s "
                      f"(min {res['warm_min']:.3f}, max {res['warm_max']:.3f}; 5 calls); "
                      f"imports {res['imports']:.1f} s", flush=True)
        return
    with tempfile.TemporaryDirectory(prefix="bench_inventory_") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        generate(folder, args.rows, ceads=args.ceads)
        size = (folder / "activity.parquet").stat().st_size / 1024**3
        print(f"generated {args.rows:,} rows ({size:.2f} GiB Parquet) in "
              f"{time.perf_counter() - t0:.0f} s; load average {os.getloadavg()[0]:.1f}",
              flush=True)
        for _ in range(args.repeat):  # runners interleaved: a load change hits all alike
            for name in args.only:
                if res := _spawn(name, str(folder)):
                    print(f"{name:>18}: {res['seconds']:8.2f} s (CPU {res['cpu']:6.2f} s)  "
                          f"peak {res['peak_gib']:.2f} GiB  "
                          f"{args.rows / res['seconds'] / 1e6:6.2f} M rows/s  "
                          f"({res['groups']:,} groups; imports {res['imports']:.1f} s, "
                          f"load {os.getloadavg()[0]:.1f})", flush=True)


if __name__ == "__main__":
    main()
