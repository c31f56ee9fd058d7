"""Benchmark of the scenario model (issue 12).

1. 10 000 Monte Carlo draws of a whole city scenario: 47 sectors × 17 fuels, every species,
   2020–2035, four measures (one of them a control technology), drivers with yearly
   log-growth risk, measure uptake and the inventory's factor uncertainty — totals per draw
   and the percentiles of every (year, sector, fuel, species) cell.
2. The least-cost optimiser over 500 measures (half lumpy) and 3 targets, binary and relaxed.

Synthetic, seeded data (sizes only). Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/bench_scenarios.py
    PYTHONPATH=src .venv/bin/python benchmarks/bench_scenarios.py --province [--spark]
"""

from __future__ import annotations

import resource
import time
import warnings

import numpy as np
import pandas as pd

from cocontrol import refdata
from cocontrol.data.activity import canonical_units
from cocontrol.scenarios import drivers as dr
from cocontrol.scenarios import expressions as ex
from cocontrol.scenarios import model, morris
from cocontrol.scenarios import montecarlo as mc
from cocontrol.scenarios import optimize as op
from cocontrol.scenarios.measures import Measure

POWER = "Production and Supply of Electric Power, Steam and Hot Water"


def city() -> model.Base:
    sectors = refdata.load("sectors")["sector"].tolist()
    fuels = refdata.load("fuels")
    fuels = fuels[fuels["ceads_order"].notna()]["fuel"].tolist()[:17]
    keys = pd.DataFrame([(s, f, "") for s in sectors for f in fuels],
                        columns=["sector", "fuel", "technology"])
    rng = np.random.default_rng(12)
    amount = rng.lognormal(3, 1.5, len(keys))
    ctl = pd.DataFrame([{"region": "测试市", "year": 2020, "sector": POWER, "fuel": "Raw_Coal",
                         "technology": t, "applies_to": "", "penetration": p}
                        for t, p in (("limestone_gypsum_wet_fgd", 0.7), ("scr", 0.6),
                                     ("esp", 0.8))])
    return model.Base("测试市", 2020, keys, amount, ctl)


def bench_mc(draws: int = 10_000) -> None:
    base = city()
    assert len(canonical_units())
    proj = model.Projector(base, range(2020, 2036))
    drivers = {"GDP": dr.Driver("GDP", 1e4, ex.parse("Growth(5.5%, 2026, 4.5%)"), sigma=0.012),
               "population": dr.Driver("population", 900, ex.parse("Growth(0.5%)"), sigma=0.003)}
    rules = {"*": ex.parse("GrowthAs(GDP, 0.4)"),
             "residential": ex.parse("GrowthAs(population, 1) * GrowthAs(GDP, 0.2)"),
             "energy_industries": ex.parse("GrowthAs(GDP, 0.3)")}
    measures = [
        Measure("close", "activity", (POWER,), ("Raw_Coal",), share=0.2, start=2024, full=2027,
                uptake=(0.7, 1.0)),
        Measure("ev", "fuel_switch", ("transport",), ("Gasoline",), share=0.4, to_fuel="Electricity",
                ratio=0.29, start=2024, full=2030, uptake=(0.5, 0.9, 1.0)),
        Measure("eff", "activity", ("manufacturing",), ("*",), share=0.1, start=2025, full=2030,
                uptake=(0.5, 1.0)),
        Measure("scr", "control", (POWER,), ("Raw_Coal",), technology="scr", penetration=0.95,
                start=2024, full=2026),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        pw = proj.run("plan", drivers, rules, measures)
        t1 = time.perf_counter()
        species = sorted({s for s, _ in pw.pairs})
        lay = mc.layout(drivers, len(pw.years), [m.name for m in measures],
                        mc.category_of(pw.keys["fuel"].tolist()), species)
        u = mc.sample(lay, draws, 1)
        inp = mc.inputs(lay, u, drivers, {m.name: m for m in measures})
        d = mc.simulate(pw, inp)
        t2 = time.perf_counter()
        q = mc.quantiles(pw, inp)
        t3 = time.perf_counter()
        names, groups = mc.groups(lay)
        yi = list(pw.years).index(2030)
        mo = morris.screen(lambda x: mc.simulate(pw, mc.inputs(
            lay, x, drivers, {m.name: m for m in measures})).total("CO2")[:, yi],
            groups, names, lay.size, 20, seed=1)
        t4 = time.perf_counter()
    co2 = d.total("CO2")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(f"keys {len(pw.keys)} × pairs {len(pw.pairs)} × years {len(pw.years)}; "
          f"{lay.size} sampled inputs; {draws} draws")
    print(f"  deterministic run (engine factor cubes, 5 steps): {t1 - t0:.2f} s")
    print(f"  sample + totals per draw: {t2 - t1:.2f} s")
    print(f"  percentiles of {q[0].size:,} cells: {t3 - t2:.2f} s")
    print(f"  Monte Carlo total (sample, totals, percentiles): {t3 - t1:.2f} s; "
          f"whole run {t3 - t0:.2f} s; peak RSS {rss:.2f} GiB")
    print(f"  P(peak ≤ 2030) = {np.mean(mc.peak_years(co2, d.years) <= 2030):.3f}")
    print(f"  Morris screening, 20 trajectories × {len(groups) + 1} points: {t4 - t3:.2f} s; "
          f"largest μ*: {mo['input'].iloc[0]}")


def bench_optimizer(n: int = 500) -> None:
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({
        "measure": [f"m{i}" for i in range(n)],
        "cost": rng.uniform(10, 1000, n),
        "lumpy": np.where(rng.uniform(size=n) < 0.5, "是", "否"),
        "CO2": rng.uniform(0, 5e4, n), "NOx": rng.uniform(0, 50, n), "APeq": rng.uniform(0, 200, n),
        "excludes": [f"m{i + 1}" if i % 50 == 0 else None for i in range(n)],
        "requires": [f"m{i - 1}" if i % 70 == 1 else None for i in range(n)]})
    table = op.check_measures(frame)
    targets = {"CO2": 0.3 * frame["CO2"].sum(), "NOx": 0.35 * frame["NOx"].sum(),
               "APeq": 0.3 * frame["APeq"].sum()}
    for continuous in (False, True):
        best = np.inf
        for _ in range(3):
            t = time.perf_counter()
            p = op.optimize(table, targets, continuous=continuous)
            best = min(best, time.perf_counter() - t)
        print(f"optimiser {n} measures × 3 targets, {'relaxed + duals' if continuous else 'MILP'}: "
              f"{p.status}, {len(p.selected)} selected, best of 3 {best:.3f} s")


def bench_province(engines: tuple[str, ...] = ("duckdb",), n_cities: int = 16) -> None:
    """16 cities' baselines, their factor cubes in one engine run; engines compared."""
    from cocontrol.scenarios import province

    one = city()
    bases = [model.Base(f"城市{i:02d}", 2020, one.keys, one.amount * (1 + 0.05 * i),
                        one.controls.assign(region=f"城市{i:02d}")) for i in range(n_cities)]
    drivers = {"GDP": dr.Driver("GDP", 1e4, ex.parse("Growth(5%)"), sigma=0.01)}
    rules = {"*": ex.parse("GrowthAs(GDP, 0.4)")}
    ys = np.arange(2020, 2036)
    cls = model.year_classes(bases[0].region, ys, model._controls_for_years(bases[0], ys, None))
    print(f"years with distinct engine inputs (grid factor, controls): {len(np.unique(cls))} "
          f"of {len(ys)} → {n_cities * len(np.unique(cls)) * len(one.keys):,} unit rows")
    out = {}
    for engine in engines:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = time.perf_counter()
            out[engine] = province.run_cities(
                bases, range(2020, 2036), {b.region: drivers for b in bases},
                {b.region: rules for b in bases}, engine=engine)
        print(f"{n_cities} cities × {len(one.keys)} keys × 16 years, one {engine} run: "
              f"{time.perf_counter() - t:.1f} s")
    if len(out) == 2:
        a, b = out.values()
        worst = max(float(np.max(np.abs(a[r].emissions - b[r].emissions)
                                 / np.maximum(np.abs(a[r].emissions), 1e-30))) for r in a)
        print(f"  largest relative difference between engines: {worst:.2e}")


if __name__ == "__main__":
    import sys

    if "--province" in sys.argv:
        bench_province(("duckdb", "spark") if "--spark" in sys.argv else ("duckdb",))
    else:
        bench_mc()
        bench_optimizer()
