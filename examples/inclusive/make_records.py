"""Illustrative 碳普惠 behaviour records for the demo cities (示例数据, not real people or trips).

    python examples/inclusive/make_records.py

Writes ``<city>.csv`` (record_id, person, scene, start, end, distance_km) for 济南市 (metro, bus,
cycling) and 威海市 (bus, cycling: Weihai has no metro), January–October 2025, seeded so every run
gives the same file. Pseudonymous people (``demo-…``); a few records are planted to show the
plausibility rules: a duplicate id, a bicycle trip at 60 km/h, two overlapping trips.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent
CITIES = {"jinan": ("济南市", ["地铁", "公交", "骑行"]), "weihai": ("威海市", ["公交", "骑行"])}
SPEED = {"地铁": 35.0, "公交": 18.0, "骑行": 12.0}
DISTANCE = {"地铁": (4, 25), "公交": (2, 15), "骑行": (1, 8)}


def make(slug: str, seed: int) -> pd.DataFrame:
    _, scenes = CITIES[slug]
    rng = np.random.default_rng(seed)
    rows = []
    for n in range(1500):
        scene = scenes[rng.integers(len(scenes))]
        day = pd.Timestamp("2025-01-01") + pd.Timedelta(days=int(rng.integers(0, 304)))
        start = day + pd.Timedelta(minutes=int(rng.integers(6 * 60, 21 * 60)))
        km = round(float(rng.uniform(*DISTANCE[scene])), 1)
        end = start + pd.Timedelta(minutes=max(3, round(km / SPEED[scene] * 60)))
        rows.append([f"{slug}-{n:05d}", f"demo-{slug}-{rng.integers(0, 240):03d}", scene, start,
                     end, km])
    frame = pd.DataFrame(rows, columns=["record_id", "person", "scene", "start", "end",
                                        "distance_km"])
    planted = frame.iloc[[0, 1, 2]].copy()
    planted.iloc[0, 0] = frame.iloc[5, 0]                            # a duplicate id
    planted.iloc[1, 2], planted.iloc[1, 5] = "骑行", 30.0            # 30 km in …
    planted.iloc[1, 4] = planted.iloc[1, 3] + pd.Timedelta(minutes=30)  # … 30 min: 60 km/h
    planted.iloc[2, 0] = f"{slug}-overlap"                           # starts inside trip 2
    planted.iloc[2, 3] = frame.iloc[2, 3] + pd.Timedelta(minutes=1)
    planted.iloc[2, 4] = frame.iloc[2, 4] + pd.Timedelta(minutes=5)
    planted.iloc[2, 1] = frame.iloc[2, 1]
    planted.iloc[1, 0] = f"{slug}-fast"
    out = pd.concat([frame, planted], ignore_index=True).sort_values("start")
    out["start"] = out["start"].dt.strftime("%Y-%m-%d %H:%M")
    out["end"] = out["end"].dt.strftime("%Y-%m-%d %H:%M")
    return out


if __name__ == "__main__":
    for i, slug in enumerate(CITIES):
        make(slug, 20250 + i).to_csv(HERE / f"{slug}.csv", index=False)
