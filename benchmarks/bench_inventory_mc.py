"""Benchmark: IPCC Approach 2 Monte Carlo, 10 000 draws over 1 000 source categories (issue 3).

    .venv/bin/python benchmarks/bench_inventory_mc.py
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from cocontrol.inventory.uncertainty import monte_carlo


def main(categories: int = 1000, draws: int = 10_000, repeat: int = 3) -> None:
    rng = np.random.default_rng(11)
    cats = pd.DataFrame({
        "sector": [f"sector_{i % 47:02d}" for i in range(categories)],
        "value": rng.uniform(1e3, 1e6, categories),
        "u_activity": rng.uniform(0.02, 0.1, categories),
        "u_factor": rng.uniform(0.02, 1.0, categories),
        "distribution": np.where(rng.uniform(size=categories) < 0.3, "lognormal", "normal"),
    })
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = monte_carlo(cats, draws=draws, seed=1)
        times.append(time.perf_counter() - start)
    total = out.set_index("sector").loc["total"]
    print(f"{categories} categories × {draws} draws: best {min(times):.2f} s, "
          f"worst {max(times):.2f} s; total 95 % interval "
          f"[{total['lower']:.4g}, {total['upper']:.4g}] around {total['value']:.4g}")


if __name__ == "__main__":
    main()
