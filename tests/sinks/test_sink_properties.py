"""Invariants of the sink computation (Hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cocontrol import refdata
from cocontrol.sinks import compute_sinks

from .helpers import activity

SPECIES = sorted(set(refdata.load("sink_aquaculture")["item"]))
tonnes = st.floats(min_value=0.001, max_value=1e7, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(species=st.sampled_from(SPECIES), harvest=tonnes, k=st.floats(0.01, 100))
def test_aquaculture_removal_is_negative_and_linear_in_harvest(species: str, harvest: float,
                                                               k: float) -> None:
    one = compute_sinks(activity(("X", 2023, "aquaculture", species, "harvest_wet", harvest, "t")))
    scaled = compute_sinks(activity(("X", 2023, "aquaculture", species, "harvest_wet",
                                     harvest * k, "t")))
    assert (one["value"] < 0).all()
    assert scaled["value"].sum() == pytest.approx(one["value"].sum() * k, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(species=st.sampled_from(SPECIES), harvest=tonnes)
def test_dry_basis_never_gives_less_than_wet(species: str, harvest: float) -> None:
    """r_dw ≤ 1, so declaring the same tonnes as dry weight can only raise the removal."""
    wet = compute_sinks(activity(("X", 2023, "aquaculture", species, "harvest_wet", harvest, "t")))
    dry = compute_sinks(activity(("X", 2023, "aquaculture", species, "harvest_dry", harvest, "t")))
    assert dry["value"].sum() <= wet["value"].sum()


@settings(max_examples=40, deadline=None)
@given(mu=st.floats(min_value=0.01, max_value=1e6))
def test_mu_and_hectare_inputs_agree(mu: float) -> None:
    out = compute_sinks(activity(("X", 2024, "seagrass", "a", "area", mu, "亩"),
                                 ("X", 2024, "seagrass", "b", "area", mu / 15, "公顷")))
    assert out["value"].iloc[0] == pytest.approx(out["value"].iloc[1], rel=1e-9)
