"""Benchmark: status and forecasts of 16 cities × 300 targets × 10 years (issue 4 goal < 5 s).

Synthetic, seeded targets of every kind (≥/≤/= levels, reduce_by from levels, annual rates
from yearly changes, increase_by, qualitative) and 10 years of observations each.

    .venv/bin/python benchmarks/bench_tracking.py
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from bench_synergy import best_of  # the script's folder is on sys.path

from cocontrol.plans.model import PlanDocument
from cocontrol.tracking.observations import validate_observations
from cocontrol.tracking.status import assess
from cocontrol.tracking.warnings import by_responsible_unit

CITIES, TARGETS, YEARS = 16, 300, list(range(2016, 2026))
KINDS = [(">=", 0.40), ("<=", 0.20), ("=", 0.10), ("reduce_by", 0.15), ("annual", 0.05),
         ("increase_by", 0.05), ("qualitative", 0.05)]


def build(seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame, list[PlanDocument]]:
    rng = np.random.default_rng(seed)
    kinds = rng.choice([k for k, _ in KINDS], p=[w for _, w in KINDS], size=TARGETS)
    docs, obs = [], []
    for c in range(CITIES):
        region = f"城市{c:02d}"
        targets = []
        for i, kind in enumerate(kinds):
            tid = f"c{c}t{i}"
            base = float(rng.uniform(50, 500))
            slope = float(rng.normal(0.02, 0.03))
            t = {"id": tid, "indicator": f"指标{i}", "year": 2030, "responsible": [f"部门{i % 12}"]}
            if kind == "qualitative":
                t["qualitative"] = "完成上级分解任务"
                obs += [(region, tid, y, np.nan, str(rng.choice(["完成", "进展正常", "存在风险"])), None)
                        for y in YEARS]
            elif kind == "annual":
                t |= {"value": 3.0, "unit": "%", "relation": "reduce_by", "annual_rate": True,
                      "base_year": YEARS[0] - 1}
                obs += [(region, tid, y, float(rng.normal(3, 1)), None, "%") for y in YEARS]
            else:
                rel = kind
                series = base * (1 + slope) ** np.arange(len(YEARS)) * rng.normal(1, 0.02, len(YEARS))
                if kind in ("reduce_by", "increase_by"):
                    t |= {"value": 20.0, "unit": "%", "relation": rel, "base_year": YEARS[0]}
                    unit = "万吨"
                else:
                    t |= {"value": round(base * 1.2, 1), "unit": "万千瓦", "relation": rel}
                    unit = "万千瓦"
                obs += [(region, tid, y, float(v), None, unit) for y, v in zip(YEARS, series, strict=True)]
            targets.append(t)
        docs.append(PlanDocument.model_validate(
            {"plan": {"id": f"plan{c}", "title": "基准测试", "region": region}, "targets": targets}))
    from cocontrol.tracking import targets_frame

    tf = pd.concat([targets_frame(d) for d in docs], ignore_index=True)
    raw = pd.DataFrame(obs, columns=["region", "target", "year", "value", "value_text", "unit"])
    return tf, raw, docs


def main() -> None:
    targets, raw, docs = build()
    t0 = time.perf_counter()
    valid = validate_observations(raw, targets)
    t_valid = time.perf_counter() - t0
    print(f"{len(targets)} targets, {len(raw)} observations")
    print(f"validate + convert units (once): {t_valid:.2f} s")
    t_assess = best_of(lambda: assess(targets, valid, as_of=2025))
    print(f"assess (status + path + forecast with interval + reasons): {t_assess:.2f} s")
    status = assess(targets, valid, as_of=2025)
    t_warn = best_of(lambda: [by_responsible_unit(status, d) for d in docs])
    print(f"warnings per responsible unit, 16 plans: {t_warn:.2f} s")
    print(status["status"].value_counts().to_dict())


if __name__ == "__main__":
    main()
