"""Property: a control technology changes pollutants only — never CO2, CH4, N2O or activity —
and never increases any pollutant (GAINS form E = A × EF × Σ_m X_m (1 − η_m), 0 ≤ η ≤ 1) —
with activity rows that name a boiler class and controls generic or for one class
(``applies_to``)."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocontrol.inventory import compute
from cocontrol.inventory.provenance import explain
from cocontrol.testing.strategies import activities, controls_for

KEYS = ["region", "year", "sector", "fuel", "species", "scope"]


@st.composite
def cases(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame]:
    act = draw(activities())
    return act, draw(controls_for(act))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_controls_never_change_co2_or_activity_and_never_increase(case) -> None:
    act, ctl = case
    base = compute(act, provenance=True)
    ctrl = compute(act, controls=ctl, provenance=True)
    merged = base.merge(ctrl, on=KEYS, suffixes=("_base", "_ctrl"), how="outer")
    assert merged[["value_base", "value_ctrl"]].notna().all().all()
    ghg = merged["species"].isin(["CO2", "CH4", "N2O", "CO2e"])
    assert (merged.loc[ghg, "value_base"] == merged.loc[ghg, "value_ctrl"]).all()
    assert (merged["value_ctrl"] <= merged["value_base"] * (1 + 1e-12) + 1e-12).all()
    # the activity behind each row is the same with and without controls
    for frame in (base, ctrl):
        detail = frame.attrs["provenance"].frame
        assert detail.groupby("row_id")["amount"].nunique().max() == 1
    if len(base):
        first = explain(ctrl, 0)
        assert first and all("factor_source" in item for item in first)
