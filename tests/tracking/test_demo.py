"""The demo workspace: observations of the four seed cities against their reviewed plans."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol import demo
from cocontrol.plans.model import PlanDocument
from cocontrol.tracking import targets_frame
from cocontrol.tracking.observations import validate_observations
from cocontrol.tracking.status import STATUS_LABELS, assess

yaml = pytest.importorskip("yaml")


def city_targets(region: str) -> pd.DataFrame:
    docs = [PlanDocument.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
            for p in demo.plan_files()]
    mine = [d for d in docs if d.plan.region == region]
    if not mine:
        pytest.skip(f"no reviewed plan of {region} in examples/plans")
    return pd.concat([targets_frame(d) for d in mine], ignore_index=True)


@pytest.mark.parametrize("city", list(demo.CITIES))
def test_demo_observations_validate_strictly(city):
    targets = city_targets(demo.CITIES[city])
    obs = validate_observations(demo.observations(city), targets)  # raises on any bad row
    assert not obs.empty and set(obs["label"]) == {"illustrative"}


def test_every_row_of_rongcheng_table_gets_a_status():
    """专栏1 of 荣成市“十四五”生态环境保护规划 (seed 002): the 24 rows with a 2025 entry.

    Row 25 (自然岸线保有率, 2025 “/”) sets no target, so the reviewed plan has none.
    """
    targets = city_targets("荣成市")
    table = targets[targets["plan_id"] == "rongcheng-2021-eco"].head(24)
    assert table["indicator"].iloc[0] == "氮氧化物排放总量减少"
    assert table["indicator"].iloc[-1] == "农药使用量"
    res = assess(table, demo.observations("rongcheng"), as_of=2025)
    assert len(res) == 24
    assert set(res["status"]) <= set(STATUS_LABELS) - {"no_data"}
    assert res["reason"].str.len().gt(0).all()
    # hand check: 农药使用量 ≤ 120.51 t from 147.79 (2020); 142, 137, 131, 127 in 2021–2024.
    # OLS on 2020–2024 (147.79, 142, 137, 131, 127): slope −52.58/10 = −5.258/yr, mean 136.958 in 2022 → 2025: 136.958 − 3·5.258 = 121.18 > 120.51,
    # shortfall 0.67/27.28 = 0.025 ≤ 0.25 → at risk.
    row = res.set_index("indicator").loc["农药使用量"]
    assert row["forecast"] == pytest.approx(121.18, abs=0.01)
    assert row["status"] == "at_risk"
