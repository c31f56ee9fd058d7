"""Forest sink, IPCC 2006 Vol.4 Tier 1, against hand calculations."""

from __future__ import annotations

import pytest

from cocontrol.errors import ValidationFailed
from cocontrol.sinks import compute_sinks

from .helpers import activity, one


def test_stock_difference_temperate_pines() -> None:
    """温带松林 1000 ha (2025 area given as 1.5 万亩 = 1000 ha).

    V: 2020 90 000 m³ (90 m³/ha), 2025 12 万 m³ (120 m³/ha); mean 105 m³/ha → BCEF_S 0.70
    (class 100–200); AGB 105 × 0.70 = 73.5 t/ha → R 0.29 (conifer 50–150); CF 0.47.
    ΔC = (120 000 − 90 000) × 0.70 × 1.29 × 0.47 / 5 = 12 732.3 / 5 = 2546.46 t C/yr
       → × 44/12 = 9337.02 t CO2/yr removed, shown in 2025.
    """
    out = compute_sinks(activity(
        ("威海市", 2020, "forest", "温带松林", "area", 1000, "公顷"),
        ("威海市", 2020, "forest", "温带松林", "growing_stock", 90000, "立方米"),
        ("威海市", 2025, "forest", "温带松林", "area", 1.5, "万亩"),
        ("威海市", 2025, "forest", "温带松林", "growing_stock", 12, "万立方米")))
    row = one(out, year=2025)
    assert row["value"] == pytest.approx(-9337.02, abs=1e-2)
    assert row["component"] == "stock_change" and "2020–2025" in row["note"]
    assert row["status"] == "unverified"  # CF 0.47 is recalled [R]
    assert "BCEF_S=0.7 " in row["parameters"] and "R=0.29" in row["parameters"]


def test_growing_stand_crossing_a_class_boundary_is_still_a_sink() -> None:
    """温带阔叶林 1000 ha, 40 → 45 m³/ha in one year (BCEF_S classes 21–40: 1.7, 41–100: 1.4).

    Mean 42.5 m³/ha → BCEF_S 1.4; AGB 59.5 → R 0.46; ΔC = 5000 × 1.4 × 1.46 × 0.47 = 4803.4 t C
    → 17 612.47 t CO2 removed (per-year factors would give 40 000 × 1.7 → 45 000 × 1.4, a loss).
    """
    out = compute_sinks(activity(
        ("威海市", 2022, "forest", "温带阔叶林", "area", 1000, "公顷"),
        ("威海市", 2022, "forest", "温带阔叶林", "growing_stock", 40000, "立方米"),
        ("威海市", 2023, "forest", "温带阔叶林", "area", 1000, "公顷"),
        ("威海市", 2023, "forest", "温带阔叶林", "growing_stock", 45000, "立方米")))
    assert one(out, year=2023)["value"] == pytest.approx(-17612.47, abs=1e-2)


def test_gain_loss_ipcc_hardwoods() -> None:
    """温带阔叶林 1000 ha, 150 000 m³ → 150 m³/ha → BCEF_I 0.6, BCEF_R 1.17; AGB 150 × 1.05 =
    157.5 t/ha → R 0.24 (broadleaf >150); CF 0.47.
    gain 5000 × 0.6 × 1.24 × 0.47 = 1748.4 t C → 6410.8 t CO2 removed
    loss 1000 × 1.17 × 1.24 × 0.47 = 681.876 t C → 2500.212 t CO2 emitted.
    """
    out = compute_sinks(activity(
        ("济南市", 2023, "forest", "温带阔叶林", "area", 1000, "公顷"),
        ("济南市", 2023, "forest", "温带阔叶林", "growing_stock", 150000, "立方米"),
        ("济南市", 2023, "forest", "温带阔叶林", "年生长量", 5000, "立方米"),
        ("济南市", 2023, "forest", "温带阔叶林", "harvest_volume", 1000, "立方米")))
    assert one(out, component="biomass_gain")["value"] == pytest.approx(-6410.8, abs=1e-3)
    assert one(out, component="wood_removal_loss")["value"] == pytest.approx(2500.212, abs=1e-3)
    assert out["value"].sum() == pytest.approx(-3910.588, abs=1e-3)  # net removal


def test_gain_loss_chinese_species_uses_svd_times_bef() -> None:
    """杨树: BCEF = 0.378 × 1.446 = 0.546588; 1000 m³ × 0.546588 × 1.227 × 0.50 = 335.3317 t C
    → 1229.550 t CO2."""
    out = compute_sinks(activity(("淄博市", 2023, "forest", "杨树", "volume_increment", 1000, "m³")))
    row = one(out, component="biomass_gain")
    assert row["value"] == pytest.approx(-1229.550, abs=1e-3)
    assert row["status"] == "unverified" and "SVD×BEF=0.546588" in row["parameters"]


def test_missing_inputs_and_unknown_forest_type() -> None:
    bad = activity(
        ("威海市", 2023, "forest", "温带松林", "volume_increment", 100, "立方米"),
        ("威海市", 2023, "forest", "杉树", "growing_stock", 100, "立方米"),
        ("威海市", 2020, "forest", "杨树", "growing_stock", 100, "立方米"),
        ("威海市", 2023, "forest", "温带阔叶林", "area", 0, "公顷"),
        ("威海市", 2023, "forest", "温带阔叶林", "growing_stock", 10, "立方米"),
        ("威海市", 2024, "forest", "温带阔叶林", "area", 10, "公顷"),
        ("威海市", 2024, "forest", "温带阔叶林", "growing_stock", 10, "立方米"))
    with pytest.raises(ValidationFailed) as err:
        compute_sinks(bad)
    text = str(err.value)
    assert "give area and growing_stock" in text
    assert "杉木" in text  # suggestion for 杉树
    assert "at least two years" in text
    assert "area must be > 0" in text
    assert {p.row for p in err.value.problems} == {2, 3, 4, 5}


def test_forest_type_without_cf_is_a_reference_error() -> None:
    from cocontrol import refdata
    from cocontrol.errors import ReferenceDataError

    table = refdata.load("sink_forest")
    table = table[~(table["item"].eq("杨树") & table["parameter"].eq("CF"))]
    with pytest.raises(ReferenceDataError, match="杨树"):
        compute_sinks(activity(("淄博市", 2023, "forest", "杨树", "volume_increment", 1, "立方米")),
                      tables={"sink_forest": table})
