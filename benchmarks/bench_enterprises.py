"""Benchmark: co-verification of a province (issue 13).

5,000 enterprises × 12 months of fuel (1–2 facilities each), production, electricity and
permit data, and hourly CEMS of 2,000 stacks for a year (17.5 M rows, Parquet). Synthetic,
seeded data generated from the same physical chain as the demo (sizes are what matters), with
a few problems planted so that rules have something to find, plus the facility and stack
registry and the operation sheet, so the capacity, design-hours and per-stack rules compare
something. Reports the time of intake (the CEMS checks in DuckDB), of the engine stage and of
every rule, each step's peak memory (RSS, Linux VmHWM reset before the step) and the load
average.

    .venv/bin/python benchmarks/bench_enterprises.py [--folder /tmp/cocontrol_bench_ent]
        [--enterprises 5000] [--stacks 2000]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

YEAR = 2023


def _uscc(i: int) -> str:
    from cocontrol.enterprises.codes import uscc_check_character

    body = f"91370100MA{i:07d}"
    return body + uscc_check_character(body)


def generate(folder: Path, n_ent: int, n_stacks: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    industries = np.array(["4411", "3011", "2911", "2621"])
    ind = industries[rng.integers(0, 4, n_ent)]
    ids = np.array([f"P{i:05d}" for i in range(n_ent)])
    pd.DataFrame({"enterprise_id": ids, "name": [f"示例企业{i}" for i in range(n_ent)],
                  "uscc": [_uscc(i) for i in range(n_ent)], "region": "示例市",
                  "industry": ind, "two_high": "是"}).to_parquet(folder / "enterprises.parquet")
    n_fac = rng.integers(1, 3, n_ent)
    ent_f = np.repeat(ids, n_fac)
    fac = np.concatenate([[f"U{j + 1}" for j in range(k)] for k in n_fac])
    k = rng.uniform(200, 3000, len(ent_f))
    rows = len(ent_f) * 12
    e = np.repeat(ent_f, 12)
    f = np.repeat(fac, 12)
    kk = np.repeat(k, 12)
    month = np.tile(np.arange(1, 13), len(ent_f))
    month_hours = pd.Series(pd.to_datetime(
        {"year": np.full(rows, YEAR), "month": month, "day": 1})).dt.days_in_month.to_numpy() * 24
    hours = (rng.uniform(600, 744, rows) / 744 * month_hours).round(1)  # within the month
    load = rng.uniform(0.6, 0.9, rows).round(3)
    c = rng.uniform(52, 60, rows)
    h = rng.uniform(2.9, 3.7, rows).round(2)
    m = rng.uniform(7, 13, rows).round(2)
    ncv = (0.34 * c + h - 0.025 * m - 0.6 + rng.normal(0, 0.12, rows)).round(3)
    gj = kk * hours * load * (1 + rng.normal(0, 0.01, rows))
    amount = (gj / ncv).round(2)
    cc = (c / 100 / ncv).round(5)
    sulfur = rng.uniform(0.5, 1.2, rows).round(2)
    sample = pd.to_datetime(pd.DataFrame({"year": YEAR, "month": month,
                                          "day": rng.integers(5, 24, rows)}))
    fuel = pd.DataFrame({"enterprise_id": e, "facility_id": f, "year": YEAR, "month": month,
                         "fuel": "原煤", "amount": amount, "unit": "t", "ncv": ncv,
                         "carbon_content": cc, "oxidation": 0.99, "sulfur": sulfur,
                         "measured": "是", "hydrogen": h, "moisture": m,
                         "sample_date": sample.dt.date.astype(str),
                         "test_date": (sample + pd.Timedelta(days=3)).dt.date.astype(str),
                         "report_date": (sample + pd.Timedelta(days=6)).dt.date.astype(str),
                         "hours": hours, "load": load})
    # planted: forged carbon content in 50 rows, report before sample in 50 rows
    bad = rng.choice(rows, 100, replace=False)
    fuel.loc[bad[:50], "carbon_content"] = (fuel.loc[bad[:50], "carbon_content"] * 0.85).round(5)
    fuel.loc[bad[50:], "report_date"] = (sample[bad[50:]] - pd.Timedelta(days=2)).dt.date.astype(str)
    fuel.to_parquet(folder / "fuel.parquet")
    so2_month = pd.Series(amount * sulfur / 100 * 1.6 * 0.05).groupby([e, month]).sum()
    gj_month = pd.Series(gj).groupby([e, month]).sum()
    co2_month = pd.Series(gj * cc * 0.99 * 44 / 12).groupby([e, month]).sum()
    energy_y = gj_month.groupby(level=0).sum()
    co2_y = co2_month.groupby(level=0).sum()
    per_out = pd.Series(ind, index=ids).map({"4411": 0.29, "3011": 0.108, "2911": 0.35,
                                             "2621": 1.2})
    product = pd.Series(ind, index=ids).map({"4411": "供电量", "3011": "水泥熟料",
                                             "2911": "轮胎", "2621": "合成氨"})
    output = energy_y * 0.034120842 / per_out
    va = co2_y / rng.uniform(0.3, 5, n_ent)
    em = np.repeat(ids, 12)
    mm = np.tile(np.arange(1, 13), n_ent)
    pd.DataFrame({"enterprise_id": em, "year": YEAR, "month": mm,
                  "product": np.repeat(product.to_numpy(), 12),
                  "amount": np.repeat((output / 12).round(2).to_numpy(), 12),
                  "unit": "t", "value_added": np.repeat((va / 12).round(2).to_numpy(), 12)}
                 ).to_parquet(folder / "production.parquet")
    pd.DataFrame({"enterprise_id": em, "year": YEAR, "month": mm,
                  "purchased_mwh": 0.0, "green_mwh": 0.0}).to_parquet(
        folder / "electricity.parquet")
    so2_y = so2_month.groupby(level=0).sum()
    # the CEMS enterprises report per outlet and month, the others a year's total
    cems_ids = ids[:n_stacks]
    monthly = so2_month.loc[list(cems_ids)].reset_index()
    monthly.columns = ["enterprise_id", "month", "reported"]
    rest = ids[n_stacks:]
    pd.concat([
        pd.DataFrame({"enterprise_id": monthly["enterprise_id"], "year": YEAR, "species": "SO2",
                      "reported": monthly["reported"].round(4),
                      "month": monthly["month"].astype(float),
                      "stack_id": monthly["enterprise_id"] + "-S1"}),
        pd.DataFrame({"enterprise_id": rest, "year": YEAR, "species": "SO2",
                      "reported": so2_y.reindex(rest).round(3).to_numpy(),
                      "month": np.nan, "stack_id": None})], ignore_index=True).to_parquet(
        folder / "permit_report.parquet")
    _registry(folder, ids, ind, ent_f, fac, k, hours, load, n_stacks)
    pd.DataFrame({"enterprise_id": ent_f, "facility_id": fac, "species": "SO2",
                  "efficiency": 0.95, "start": None, "end": None}).to_parquet(
        folder / "controls.parquet")
    # CEMS: the first n_stacks enterprises, one stack each, every hour of the year
    times = pd.date_range(f"{YEAR}-01-01", f"{YEAR}-12-31 23:00", freq="h")
    month_of = times.month.to_numpy()
    schema = pa.schema([("enterprise_id", pa.string()), ("stack_id", pa.string()),
                        ("time", pa.timestamp("us")), ("flow", pa.float64()),
                        ("so2", pa.float64()), ("nox", pa.float64()), ("pm", pa.float64()),
                        ("o2", pa.float64()), ("co2", pa.float64())])
    hours_in = np.bincount(month_of)[1:]
    with pq.ParquetWriter(folder / "cems.parquet", schema) as writer:
        for start in range(0, n_stacks, 100):
            parts = []
            for i in range(start, min(start + 100, n_stacks)):
                eid = ids[i]
                gjm = gj_month.loc[eid].to_numpy()
                flow = (gjm * 300 / hours_in)[month_of - 1] * (1 + rng.normal(0, 0.05, len(times)))
                so2 = (so2_month.loc[eid].to_numpy() * 1e9 / (gjm * 300))[month_of - 1]
                co2 = (co2_month.loc[eid].to_numpy() * 1000 / 1.977 / (gjm * 300) * 100)[month_of - 1]
                parts.append(pa.table({
                    "enterprise_id": np.full(len(times), eid), "stack_id": np.full(len(times), f"{eid}-S1"),
                    "time": times.to_numpy().astype("datetime64[us]"), "flow": flow, "so2": so2,
                    "nox": np.full(len(times), 35.0), "pm": np.full(len(times), 5.0),
                    "o2": np.full(len(times), 6.0), "co2": co2}, schema=schema))
            writer.write_table(pa.concat_tables(parts))


def _registry(folder: Path, ids: np.ndarray, ind: np.ndarray, ent_f: np.ndarray,
              fac: np.ndarray, k: np.ndarray, hours: np.ndarray, load: np.ndarray,
              n_stacks: int) -> None:
    """The facility and stack registry and the operation sheet (their own seeded draws, so
    the other sheets stay as before): power units in MW and kilns in t/h of clinker sized so
    that full-load fuel per output is the industry's (0.29 tce/MWh, 0.108 tce/t), boilers
    elsewhere; design hours 8,760 h except 20 planted facilities at 6,000 h; the operation
    sheet gives the fuel sheet's hours and load and the output they imply; one stack per CEMS
    enterprise serving all of its facilities."""
    rng = np.random.default_rng(11)
    industry = pd.Series(ind, index=ids).reindex(ent_f).to_numpy()
    kind = np.select([industry == "4411", industry == "3011"], ["机组", "窑炉"], "锅炉")
    tce = 0.034120842
    per_out = np.select([industry == "4411", industry == "3011"], [0.29, 0.108], 1.0)
    capacity = np.where(kind == "锅炉", k / 2.8, k * tce / per_out).round(3)
    unit = np.select([kind == "机组", kind == "窑炉"], ["MW", "t/h"], "t/h")
    design = np.full(len(ent_f), 8760.0)
    design[rng.choice(len(ent_f), 20, replace=False)] = 6000.0
    pd.DataFrame({"enterprise_id": ent_f, "facility_id": fac, "kind": kind,
                  "capacity": capacity, "capacity_unit": unit,
                  "design_hours": design}).to_parquet(folder / "facilities.parquet")
    rows = len(ent_f) * 12
    kind12, cap12 = np.repeat(kind, 12), np.repeat(capacity, 12)
    output = np.where(kind12 == "锅炉", np.nan, (cap12 * hours * load).round(1))
    pd.DataFrame({"enterprise_id": np.repeat(ent_f, 12), "facility_id": np.repeat(fac, 12),
                  "year": YEAR, "month": np.tile(np.arange(1, 13), len(ent_f)),
                  "hours": hours, "load": load, "output": output,
                  "output_unit": pd.Series(kind12).map({"机组": "MWh", "窑炉": "t"}).to_numpy(),
                  }).iloc[:rows].to_parquet(
        folder / "operation.parquet")
    links = pd.DataFrame({"enterprise_id": ent_f, "facility_id": fac})
    links = links[links["enterprise_id"].isin(ids[:n_stacks])]
    stacks = links.groupby("enterprise_id", sort=True)["facility_id"].agg("|".join).reset_index()
    stacks["stack_id"] = stacks["enterprise_id"] + "-S1"
    stacks["height"] = 120.0
    stacks[["enterprise_id", "stack_id", "facility_id", "height"]].to_parquet(
        folder / "stacks.parquet")


def _reset_peak() -> None:
    """Reset the process's peak RSS (VmHWM) so each step's own peak can be read (Linux)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _rss(field: str) -> float:
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, in GiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024 / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path, default=Path("/tmp/cocontrol_bench_ent"))
    parser.add_argument("--enterprises", type=int, default=5000)
    parser.add_argument("--stacks", type=int, default=2000)
    args = parser.parse_args()
    if not (args.folder / "cems.parquet").exists():
        t = time.perf_counter()
        generate(args.folder, args.enterprises, args.stacks)
        print(f"generated in {time.perf_counter() - t:.1f} s")
    from cocontrol.enterprises.accounting import enterprise_years, run
    from cocontrol.enterprises.accounts import carbon_accounts
    from cocontrol.enterprises.intake import read_dataset
    from cocontrol.enterprises.parameters import thresholds
    from cocontrol.enterprises.rules import RULES, Context

    timings: list[tuple[str, float, float, str]] = []

    def step(name, fn, note=""):
        _reset_peak()
        base = _rss("VmRSS")
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        timings.append((name, time.perf_counter() - t, time.process_time() - c,
                        _rss("VmHWM"), _rss("VmHWM") - base,
                        note(out) if callable(note) else note))
        return out

    data = step("intake: read + validate all sheets (CEMS checks in DuckDB)",
                lambda: read_dataset(args.folder),
                lambda d: f"{len(d.fuel):,} fuel rows, {d.cems_rows:,} CEMS rows")
    acc = step("engine: monthly CO2/SO2 chain + CEMS stack-month sums (DuckDB)",
               lambda: run(data), lambda a: f"{len(a.cems_months):,} stack-months")
    years = step("per-enterprise-year sums", lambda: enterprise_years(data, acc))
    ctx = Context(data, acc, years, thresholds())
    for name, rule in RULES.items():
        step(f"rule {name}", lambda rule=rule: rule(ctx), lambda f: f"{len(f)} findings")
    step("carbon accounts and ratings",
         lambda: carbon_accounts(years, data.enterprises, data.production))
    # the per-step resets of VmHWM also reset ru_maxrss: the run's peak is the steps' largest
    peak = max([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024,
                *(t[3] for t in timings)])
    print("| step | wall (s) | CPU, all threads (s) | peak RSS (GiB) | peak above start (GiB) "
          "| note |\n|---|---|---|---|---|---|")
    for name, seconds, cpu, high, above, note in timings:
        print(f"| {name} | {seconds:.1f} | {cpu:.1f} | {high:.2f} | {above:.2f} | {note} |")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"\npeak RSS of the process: {peak:.2f} GiB")


if __name__ == "__main__":
    main()
