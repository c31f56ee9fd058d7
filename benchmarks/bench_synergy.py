"""Benchmark: the 减污降碳协同度 index for 16 cities × 300 indicators × 10 years.

Issue 4 asks for status, forecasts and the synergy index at this size in under 5 s; this script
times the synergy part (indicator matrix → entropy/AHP/fixed weights → index → coupling
coordination → ranking with contributions) and a full ``evaluate()`` on a 16-city inventory.
The data are synthetic (random, seeded) — only the sizes matter here.

    .venv/bin/python benchmarks/bench_synergy.py
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from cocontrol.synergy import coupling_coordination, evaluate, rank_regions
from cocontrol.synergy.index import composite_index
from cocontrol.synergy.system import load_system

REGIONS, INDICATORS, YEARS = 16, 300, 10
DIMENSIONS = ("goal", "path", "effect", "management")


def synthetic_system(method: str) -> dict:
    per_dim = INDICATORS // len(DIMENSIONS)
    dims = []
    for dim in DIMENSIONS:
        dims.append({"id": dim, "name_zh": dim, "indicators": [
            {"id": f"{dim}_{k}", "name_zh": f"{dim}_{k}", "unit": "%",
             "direction": "+" if k % 3 else "-", "subsystem": ("pollution", "carbon", "shared")[k % 3],
             "from": f"stat:{dim}_{k}"} for k in range(per_dim)]})
    weighting = {"dimensions": {"method": "ahp", "matrix": [[1, 2, 2, 3], [1 / 2, 1, 1, 2],
                                                            [1 / 2, 1, 1, 2], [1 / 3, 1 / 2, 1 / 2, 1]]},
                 "indicators": {"method": method}}
    return {"name": "bench", "dimensions": dims, "weighting": weighting}


def synthetic_values(rng: np.random.Generator) -> pd.DataFrame:
    ids = [f"{dim}_{k}" for dim in DIMENSIONS for k in range(INDICATORS // len(DIMENSIONS))]
    regions = [f"city{r:02d}" for r in range(REGIONS)]
    years = list(range(2016, 2016 + YEARS))
    idx = pd.MultiIndex.from_product([regions, years, ids], names=["region", "year", "indicator"])
    return pd.DataFrame({"value": rng.uniform(0, 100, len(idx))}, index=idx).reset_index()


def synthetic_inventory(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """16 cities × 10 years × 20 sectors × 10 fuels × 8 species = 256 000 inventory rows."""
    species = ["CO2", "SO2", "NOx", "PM10", "PM2.5", "VOCs", "CH4", "N2O"]
    idx = pd.MultiIndex.from_product(
        [[f"city{r:02d}" for r in range(REGIONS)], range(2016, 2016 + YEARS),
         [f"sector{i:02d}" for i in range(20)], [f"fuel{i}" for i in range(10)], species],
        names=["region", "year", "sector", "fuel", "species"])
    em = pd.DataFrame({"value": rng.uniform(1, 1e4, len(idx))}, index=idx).reset_index()
    em["unit"], em["scope"] = "t", 1
    stats = []
    for name, unit in [("gdp_constant", "亿元"), ("population", "万人"),
                       ("energy_consumption", "万吨标准煤"), ("pm25_concentration", "μg/m³"),
                       ("non_fossil_share", "%"), ("good_air_days_ratio", "%")]:
        s = em[["region", "year"]].drop_duplicates().assign(indicator=name, unit=unit)
        s["value"] = rng.uniform(10, 1000, len(s))
        stats.append(s)
    return em, pd.concat(stats, ignore_index=True)


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    rng = np.random.default_rng(20241121)
    values = synthetic_values(rng)
    print(f"indicator values: {len(values):,} rows "
          f"({REGIONS} regions × {INDICATORS} indicators × {YEARS} years)")
    for method in ("entropy", "equal"):
        system = load_system(synthetic_system(method))

        def run(system=system) -> None:
            result = composite_index(values, system)
            coupling_coordination(result.scores)
            rank_regions(result.scores, result.contributions)

        print(f"index + coupling + ranking ({method} × AHP): {best_of(run):.3f} s")
    em, stats = synthetic_inventory(rng)
    print(f"inventory: {len(em):,} rows; evaluate() with the default system: "
          f"{best_of(lambda: evaluate(em, stats)):.3f} s")


if __name__ == "__main__":
    main()
