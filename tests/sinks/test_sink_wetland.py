"""Coastal wetland sinks (海草床, 盐沼, 红树林): area × rate, 亩 vs 公顷, retention, bad input."""

from __future__ import annotations

import pytest

from cocontrol.errors import ValidationFailed
from cocontrol.sinks import compute_sinks

from .helpers import activity, one


def test_weihai_1150_mu_seagrass_in_mu_and_hectares() -> None:
    """1150 亩 = 1150/15 = 76.667 公顷; × 0.43 t C/ha/yr = 32.967 t C → × 44/12 = 120.878 t CO2.

    (sinks-and-accounts.md §1.5 worked example: 121 t CO2/yr at 100 % retention.)
    """
    out = compute_sinks(activity(
        ("荣成市", 2024, "seagrass", "天鹅湖鳗草", "area", 1150, "亩"),
        ("荣成市", 2024, "海草床", "同一片, 公顷", "面积", 76.666667, "公顷")))
    assert list(out["value"]) == pytest.approx([-120.878, -120.878], abs=1e-3)
    assert set(out["status"]) == {"unverified"}  # IPCC rate recalled [R]: must say so
    assert "100 % assumed" in out["note"].iloc[0]
    assert "IPCC range 0.2–0.6" in out["note"].iloc[0]


def test_retention_scales_the_effective_area() -> None:
    """保存率 45 %: 76.667 ha × 0.45 × 0.43 × 44/12 = 54.395 t CO2; salt marsh 10 ha:
    10 × 0.91 × 44/12 = 33.367 t CO2."""
    out = compute_sinks(activity(
        ("荣成市", 2025, "seagrass", "天鹅湖鳗草", "area", 1150, "亩"),
        ("荣成市", 2025, "seagrass", "天鹅湖鳗草", "保存率", 45, "%"),
        ("荣成市", 2025, "salt_marsh", "桑沟湾盐沼", "area", 0.1, "平方千米")))
    assert one(out, sink_type="seagrass")["value"] == pytest.approx(-54.395, abs=1e-3)
    assert one(out, sink_type="salt_marsh")["value"] == pytest.approx(-33.367, abs=1e-3)


def test_negative_area_bad_retention_and_lone_retention_are_all_reported() -> None:
    bad = activity(
        ("荣成市", 2024, "seagrass", "A", "area", -5, "公顷"),
        ("荣成市", 2024, "seagrass", "B", "area", 5, "公顷"),
        ("荣成市", 2024, "seagrass", "B", "retention", 150, "%"),
        ("荣成市", 2024, "seagrass", "C", "retention", 50, "%"),
        ("荣成市", 2024, "seagras", "D", "area", 5, "公顷"),
        ("荣成市", 2024, "seagrass", "E", "area", 5, "t"))
    with pytest.raises(ValidationFailed) as err:
        compute_sinks(bad)
    by_row = {p.row: p for p in err.value.problems}
    assert sorted(by_row) == [2, 4, 5, 6, 7]
    assert "negative" in by_row[2].message and by_row[2].column == "value"
    assert "retention" in by_row[4].message
    assert "without an area" in by_row[5].message
    assert "seagrass" in by_row[6].message  # closest sink type suggested
    assert by_row[7].column == "unit"


def test_rate_table_can_be_replaced_for_a_sensitivity_run() -> None:
    """IPCC high end 0.6 t C/ha/yr: 76.667 ha × 0.6 × 44/12 = 168.667 t CO2 (notes §1.5: 169)."""
    from cocontrol import refdata

    table = refdata.load("sink_ecosystem_rates")
    high = table["parameter"].eq("rate_high") & table["sink_type"].eq("seagrass")
    central = table["parameter"].eq("soil_accumulation_rate") & table["sink_type"].eq("seagrass")
    table.loc[central, "value"] = table.loc[high, "value"].item()
    out = compute_sinks(activity(("荣成市", 2024, "seagrass", "天鹅湖鳗草", "area", 1150, "亩")),
                        tables={"sink_ecosystem_rates": table})
    assert out["value"].item() == pytest.approx(-168.667, abs=1e-3)
