"""Derived indicators against hand calculations."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from cocontrol.errors import ValidationFailed
from cocontrol.indicators import derive


def inventory() -> pd.DataFrame:
    rows = [("A", 2020, "CO2", 1_000_000), ("A", 2021, "CO2", 1_050_000),
            ("A", 2020, "NOx", 1_000), ("A", 2021, "NOx", 900), ("A", 2021, "NOX", 0)]
    return pd.DataFrame([dict(region=r, year=y, sector="电力", fuel="煤", species=s, value=v,
                              unit="t", scope="1") for r, y, s, v in rows])


def statistics() -> pd.DataFrame:
    rows = [(2020, "gdp_current", 100, "亿元"), (2021, "gdp_current", 1_100_000, "万元"),
            (2020, "gdp_deflator", 100, "index"), (2021, "gdp_deflator", 104, "index"),
            (2020, "energy_consumption", 50, "万吨标准煤"), (2021, "energy_consumption", 51, "万吨标准煤"),
            (2021, "coal_consumption", 25.5, "万吨标准煤"), (2021, "non_fossil_consumption", 5.1, "万吨标准煤"),
            (2021, "population", 50, "万人")]
    return pd.DataFrame([dict(region="A", year=y, indicator=i, value=v, unit=u, label="illustrative",
                              source="test") for y, i, v, u in rows])


def value(out: pd.DataFrame, indicator: str, year: int) -> float:
    return float(out[(out["indicator"] == indicator) & (out["year"] == year)]["value"].iloc[0])


def test_intensities_shares_reductions():
    """GDP 2021 at 2020 prices = 110 亿元 (1 100 000 万元) × 100/104 = 105.769 亿元.

    CO2/GDP: 2020 = 1e6 t / 1e6 万元 = 1.0; 2021 = 1.05e6 / 1.057692e6 = 0.992727 t/万元
    → 下降 (1 − 0.992727)·100 = 0.7273 %. Energy/GDP 2021 = 510 000 / 1 057 692 = 0.482182
    (2020: 0.5) → 3.5636 %. Non-fossil 5.1/51 = 10 %, coal 25.5/51 = 50 %.
    NOx 1000 → 900 t: reduction 100 t, 10 %. CO2 per capita 1.05e6 / 500 000 = 2.1 t.
    """
    out = derive(inventory(), statistics(), base_year=2020)
    assert value(out, "gdp_constant", 2021) == pytest.approx(105.7692, rel=1e-6)
    assert value(out, "co2_per_gdp", 2021) == pytest.approx(0.992727, rel=1e-5)
    assert value(out, "co2_per_gdp_reduction", 2021) == pytest.approx(0.72727, rel=1e-4)
    assert value(out, "co2_per_gdp_annual_change", 2021) == pytest.approx(0.72727, rel=1e-4)
    assert value(out, "energy_per_gdp", 2021) == pytest.approx(0.482182, rel=1e-5)
    assert value(out, "energy_per_gdp_reduction", 2021) == pytest.approx(3.5636, rel=1e-4)
    assert value(out, "non_fossil_share", 2021) == pytest.approx(10)
    assert value(out, "coal_share", 2021) == pytest.approx(50)
    assert value(out, "NOx_reduction", 2021) == pytest.approx(100)
    assert value(out, "NOx_reduction_pct", 2021) == pytest.approx(10)
    assert value(out, "co2_per_capita", 2021) == pytest.approx(2.1)
    row = out[(out["indicator"] == "co2_per_gdp") & (out["year"] == 2021)].iloc[0]
    assert row["formula"] == "二氧化碳排放量 ÷ 地区生产总值（2020年不变价）" and row["unit"] == "吨/万元"
    inputs = json.loads(row["inputs"])
    assert inputs["CO2_t"]["value"] == 1_050_000 and inputs["GDP_t"]["unit"] == "万元"


def test_net_emissions_after_sinks_and_constant_gdp_given():
    stats = pd.DataFrame([dict(region="A", year=2021, indicator="gdp_constant", value=100, unit="亿元")])
    # removals negative (IPCC inventory convention of cocontrol.sinks)
    sinks = pd.DataFrame([dict(region="A", year=2021, sink_type="forest", value=-20, unit="万吨"),
                          dict(region="A", year=2021, sink_type="seagrass", value=-50_000, unit="tCO2")])
    out = derive(inventory(), stats, base_year=2020, sinks=sinks)
    # 1 050 000 − (200 000 + 50 000) = 800 000 t; CO2/GDP = 1.05e6 / 1e6 万元 = 1.05
    assert value(out, "net_emissions", 2021) == pytest.approx(800_000)
    assert value(out, "co2_per_gdp", 2021) == pytest.approx(1.05)
    assert "gdp_constant" not in set(out["indicator"])  # only derived when deflating


def test_no_deflator_no_intensity():
    stats = statistics()
    stats = stats[stats["indicator"] != "gdp_deflator"]
    out = derive(inventory(), stats, base_year=2020)
    assert "co2_per_gdp" not in set(out["indicator"])


def test_statistics_unit_of_wrong_kind():
    stats = statistics()
    stats.loc[stats["indicator"] == "population", "unit"] = "万吨"
    with pytest.raises(ValidationFailed, match="population"):
        derive(inventory(), stats, base_year=2020)


def test_scope_one_by_default_when_scope_two_present():
    inv = inventory()
    scope2 = inv[inv["species"] == "CO2"].assign(scope="2", value=500_000)
    both = pd.concat([inv, scope2], ignore_index=True)
    out = derive(both, statistics(), base_year=2020)
    assert value(out, "co2_total", 2021) == pytest.approx(1_050_000)
    out = derive(both, statistics(), base_year=2020, scopes=["1", "2"])
    assert value(out, "co2_total", 2021) == pytest.approx(1_550_000)
