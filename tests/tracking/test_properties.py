"""Invariants of status and forecast over random series (Hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cocontrol.tracking import targets_frame
from cocontrol.tracking.forecast import trend
from cocontrol.tracking.status import assess
from tests.tracking.conftest import make_plan

values = st.lists(st.floats(1, 1000, allow_nan=False), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
@given(ys=values, horizon=st.integers(0, 10))
def test_interval_contains_forecast(ys, horizon):
    years = list(range(2015, 2015 + len(ys)))
    pts = pd.DataFrame({"key": "a", "year": years, "y": ys})
    for log in (False, True):
        f = trend(pts, pd.Series({"a": years[-1] + horizon}), log=pd.Series({"a": log})).loc["a"]
        if len(ys) >= 2 and len(set(years)) >= 2:
            assert f["low"] - 1e-6 * abs(f["forecast"]) <= f["forecast"] <= f["high"] + 1e-6 * abs(f["forecast"])
        if len(ys) == 1:
            assert f["forecast"] == ys[0] and np.isnan(f["low"])


@settings(max_examples=40, deadline=None)
@given(ys=values, target=st.floats(1, 1000), relation=st.sampled_from([">=", "<="]))
def test_latest_meeting_target_is_achieved_and_missing_is_never(ys, target, relation):
    doc = make_plan([{"id": "x", "indicator": "指标", "year": 2030, "value": target, "unit": "万千瓦",
                      "relation": relation}])
    obs = pd.DataFrame({"target": "x", "year": range(2016, 2016 + len(ys)), "value": ys, "unit": "万千瓦"})
    r = assess(targets_frame(doc), obs, as_of=2025).iloc[0]
    meets = ys[-1] >= target if relation == ">=" else ys[-1] <= target
    assert (r["status"] == "achieved") == meets
    assert r["status"] != "no_data"
