"""The demo sink files load, compute and label every row."""

from __future__ import annotations

import pytest

from cocontrol import demo
from cocontrol.sinks import compute_sinks


@pytest.mark.parametrize("city", sorted(demo.CITIES))
def test_demo_sinks_compute_and_are_labelled(city: str) -> None:
    data = demo.sinks(city)
    assert not data.empty
    assert set(data["label"]) <= {"real", "illustrative"}
    assert data["source"].str.len().gt(20).all()
    real = data[data["label"] == "real"]
    assert real["source"].str.contains("威政字〔2024〕52号").all()
    data.index = data.index + 2
    out = compute_sinks(data, file=f"examples/sinks/{city}.csv")
    assert (out["year"].isin(data["year"])).all() and len(out) > 0


def test_seagrass_row_of_the_weihai_plan() -> None:
    """1150 亩 × 45 % retention: 76.667 ha × 0.45 × 0.43 × 44/12 = 54.395 t CO2 in 2024."""
    data = demo.sinks("rongcheng")
    data.index = data.index + 2
    out = compute_sinks(data)
    row = out[(out["sink_type"] == "seagrass") & (out["year"] == 2024)]
    assert row["value"].item() == pytest.approx(-54.395, abs=1e-3)
