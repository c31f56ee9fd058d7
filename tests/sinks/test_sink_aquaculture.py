"""Aquaculture removable carbon (可移出碳汇) against hand calculations with Sun Kang 2020 表2."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol import refdata
from cocontrol.errors import ReferenceDataError, ValidationFailed
from cocontrol.sinks import compute_sinks

from .helpers import activity, one


def test_oyster_wet_harvest_shell_and_soft_tissue_separately() -> None:
    """1000 t live oysters (牡蛎): dry = 1000 × 0.6510 = 651 t.

    soft tissue 651 × 0.0614 × 0.4598 = 18.37885 t C → × 44/12 = 67.389 t CO2
    shell       651 × 0.9386 × 0.1268 = 77.47843 t C → × 44/12 = 284.088 t CO2
    total 95.857 t C → 351.477 t CO2, i.e. 0.0959 t C and 0.351 t CO2 per t harvest
    (sinks-and-accounts.md §1.3 rounds 0.0959 × 44/12 to 0.352).
    """
    out = compute_sinks(activity(("威海市", 2023, "aquaculture", "牡蛎", "harvest_wet", 1000, "t")))
    soft = one(out, component="soft_tissue")
    shell = one(out, component="shell")
    assert soft["value"] == pytest.approx(-67.389, abs=1e-3)
    assert shell["value"] == pytest.approx(-284.088, abs=1e-3)
    assert soft["value"] + shell["value"] == pytest.approx(-351.477, abs=1e-3)
    assert "disputed" in shell["note"] and "disputed" not in soft["note"]
    assert soft["unit"] == "tCO2" and soft["species"] == "CO2"
    assert soft["status"] == "verified" and soft["sources"] == "Sun Kang et al. 2020"


def test_kelp_dry_basis_skips_the_dry_wet_ratio() -> None:
    """海带 1 万吨 dry: 10000 × 0.312 = 3120 t C → 11 440 t CO2; the same tonnes wet: × 0.20 → 2288."""
    out = compute_sinks(activity(
        ("荣成市", 2023, "aquaculture", "海带", "harvest_dry", 1, "万吨"),
        ("荣成市", 2024, "aquaculture", "kelp", "鲜重产量", 10000, "t")))
    assert one(out, year=2023)["value"] == pytest.approx(-11440.0)
    assert one(out, year=2024)["value"] == pytest.approx(-2288.0)
    assert set(out["component"]) == {"soft_tissue"}  # seaweed has no shell row
    assert "dry_wet_ratio" not in one(out, year=2023)["parameters"]
    assert "dry_wet_ratio=0.2" in one(out, year=2024)["parameters"]


def test_unlabelled_clam_row_is_reported_unverified() -> None:
    out = compute_sinks(activity(("荣成市", 2023, "aquaculture", "蛤", "harvest_wet", 100, "t")))
    assert set(out["status"]) == {"unverified"}


def test_unknown_and_fed_species_listed_at_once_with_suggestions() -> None:
    bad = activity(
        ("威海市", 2023, "aquaculture", "牡砺", "harvest_wet", 10, "t"),
        ("威海市", 2023, "aquaculture", "海参", "harvest_wet", 10, "t"),
        ("威海市", 2023, "aquaculture", "扇贝", "harvest_wet", 10, "亩"),
        ("威海市", 2023, "aquaculture", "贻贝", "harvest", 10, "t"))
    with pytest.raises(ValidationFailed) as err:
        compute_sinks(bad, file="sinks.xlsx")
    problems = {p.row: p for p in err.value.problems}
    assert sorted(problems) == [2, 3, 4, 5]
    assert "牡蛎" in problems[2].message and problems[2].column == "item"
    assert "投饵" in problems[3].message
    assert problems[4].column == "unit"
    assert problems[5].column == "variable" and "harvest_wet" in str(problems[5])
    assert all(p.file == "sinks.xlsx" for p in err.value.problems)


def test_missing_reference_parameter_is_a_reference_error() -> None:
    table = refdata.load("sink_aquaculture")
    table = table[~((table["item"] == "牡蛎") & (table["parameter"] == "carbon_shell"))]
    with pytest.raises(ReferenceDataError, match=r"牡蛎.*carbon_shell"):
        compute_sinks(activity(("威海市", 2023, "aquaculture", "扇贝", "harvest_wet", 1, "t")),
                      tables={"sink_aquaculture": table})


def test_shellfish_fractions_sum_to_one_and_match_the_published_table() -> None:
    table = refdata.load("sink_aquaculture")
    wide = table.pivot(index="item", columns="parameter", values="value").astype(float)
    assert (wide["soft_tissue_fraction"] + wide["shell_fraction"]).round(2).eq(100).all()
    # 孙康 et al. 2020 表2, 扇贝 row: 63.89, 14.35, 85.65, 42.84, 11.40
    assert wide.loc["扇贝"].to_dict() == pytest.approx({
        "dry_wet_ratio": 63.89, "soft_tissue_fraction": 14.35, "shell_fraction": 85.65,
        "carbon_soft_tissue": 42.84, "carbon_shell": 11.40})
    assert isinstance(wide, pd.DataFrame)
