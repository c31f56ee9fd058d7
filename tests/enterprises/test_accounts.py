"""Ratings on every boundary of L (Zhejiang levels) and K (grades 1–5, Shandong colours),
and the property: scaling an enterprise's fuel (and the output with it) scales CO2 and SO2
and leaves its rating unchanged."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocontrol.enterprises.accounts import carbon_accounts, classify
from cocontrol.enterprises.parameters import rating_scale

EPS = 1e-9
ZJ, SD = rating_scale("zhejiang"), rating_scale("shandong")


@pytest.mark.parametrize("value, level", [
    (0.0, "低碳"), (0.6, "低碳"), (0.6 + EPS, "中碳"), (2.0, "中碳"), (2.0 + EPS, "高碳"),
    (50.0, "高碳")])
def test_level_on_every_boundary_of_L(value: float, level: str) -> None:
    assert classify(value, ZJ, "L")[0] == level


@pytest.mark.parametrize("value, grade, colour", [
    (0.1, 1, "绿"), (0.6, 1, "绿"), (0.6 + EPS, 2, "绿"), (0.8, 2, "绿"), (0.8 + EPS, 3, "黄"),
    (1.2, 3, "黄"), (1.2 + EPS, 4, "橙"), (2.0, 4, "橙"), (2.0 + EPS, 5, "红"), (9.0, 5, "红")])
def test_grade_and_colour_on_every_boundary_of_K(value: float, grade: int, colour: str) -> None:
    assert classify(value, ZJ, "K")[1] == grade
    assert classify(value, SD, "K")[0] == colour


def test_a_city_scale_replaces_the_shipped_one() -> None:
    city = pd.DataFrame({"axis": ["K", "K"], "label": ["优", "差"], "grade": [None, None],
                         "lower": [None, 1.0], "upper": [1.0, None]})
    assert classify(1.0, city, "K")[0] == "优" and classify(1.01, city, "K")[0] == "差"


def _years(factor: float, peers: bool) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    ids = ["A", "B", "C"] if peers else ["A"]
    years = pd.DataFrame({"enterprise_id": ids, "year": 2024,
                          "co2_t": [1000.0 * factor, 1500.0, 900.0][: len(ids)],
                          "scope2_t": [100.0 * factor, 50.0, 60.0][: len(ids)],
                          "value_added": [500.0 * factor, 400.0, 600.0][: len(ids)]})
    ents = pd.DataFrame({"enterprise_id": ids, "name": ids, "region": "济南市",
                         "industry": "4411", "two_high": True})
    prod = pd.DataFrame({"enterprise_id": ids, "year": 2024, "product": "供电量",
                         "amount": [1e4 * factor, 2e4, 1.5e4][: len(ids)], "unit": "MWh"})
    return years, ents, prod


def test_account_hand_worked() -> None:
    acc = carbon_accounts(*_years(1.0, peers=True)).set_index("enterprise_id")
    # A: L = (1000 + 100) / 500 = 2.2; peers' mean L = (2.2 + 3.875 + 1.6) / 3
    assert acc.at["A", "intensity"] == pytest.approx(2.2)
    mean = (2.2 + 1550 / 400 + 960 / 600) / 3
    assert acc.at["A", "k"] == pytest.approx(2.2 / mean)
    assert acc.at["A", "level"] == "高碳" and acc.at["A", "grade"] == 3
    assert acc.at["A", "intensity_output"] == pytest.approx(0.11)
    single = carbon_accounts(*_years(1.0, peers=False)).iloc[0]
    assert single["industry_mean"] == 3.0 and single["benchmark_source"] == "行业基准表"


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(factor=st.floats(min_value=0.05, max_value=20.0))
def test_scaling_fuel_scales_co2_and_so2_and_keeps_the_rating(tmp_path_factory, factor) -> None:
    from cocontrol.enterprises.intake import read_dataset
    from cocontrol.enterprises.verify import verify_dataset

    if "base" not in _CACHE:
        _CACHE["base"] = verify_dataset(read_dataset(_scaled_demo(tmp_path_factory, 1.0)))
    r0 = _CACHE["base"]
    r1 = verify_dataset(read_dataset(_scaled_demo(tmp_path_factory, factor)))
    from cocontrol.enterprises.demo import YEAR

    key = ["enterprise_id", "year"]
    a0, a1 = (r.accounts.set_index(key).loc[("E01", YEAR)] for r in (r0, r1))
    y0, y1 = (r.years.set_index(key).loc[("E01", YEAR)] for r in (r0, r1))
    assert a1["co2_t"] == pytest.approx(a0["co2_t"] * factor, rel=1e-9)
    assert y1["so2_balance_t"] == pytest.approx(y0["so2_balance_t"] * factor, rel=1e-9)
    assert a1["intensity"] == pytest.approx(a0["intensity"], rel=1e-9)
    assert (a1["level"], a1["grade"], a1["colour"]) == (a0["level"], a0["grade"], a0["colour"])


_CACHE: dict[str, object] = {}


def _scaled_demo(factory, factor: float):
    """The demo without CEMS, with E01's fuel, electricity, output and value added × factor."""
    from cocontrol.enterprises import demo

    frames = demo.tables()
    frames.pop("cems")
    e01 = {k: v["enterprise_id"] == "E01" for k, v in frames.items() if "enterprise_id" in v}
    frames["fuel"].loc[e01["fuel"], "amount"] *= factor
    frames["electricity"].loc[e01["electricity"], ["purchased_mwh", "green_mwh"]] *= factor
    frames["production"].loc[e01["production"], ["amount", "value_added"]] *= factor
    folder = factory.mktemp("scaled")
    for name, frame in frames.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


def test_trend_over_years_hand_worked() -> None:
    """Two years of one enterprise: L 2023 = (900 + 100) / 500 = 2.0, L 2024 = 2.2 →
    L较上年 +10 %; the first year has no change; each year rated on its own L."""
    years = pd.DataFrame({"enterprise_id": "A", "year": [2024, 2023],
                          "co2_t": [1000.0, 900.0], "scope2_t": [100.0, 100.0],
                          "value_added": [500.0, 500.0]})
    ents = pd.DataFrame({"enterprise_id": ["A"], "name": ["A"], "region": ["济南市"],
                         "industry": ["4411"], "two_high": [True]})
    prod = pd.DataFrame({"enterprise_id": "A", "year": [2023, 2024], "product": "供电量",
                         "amount": [1e4, 1e4], "unit": "MWh"})
    acc = carbon_accounts(years, ents, prod).set_index("year")
    assert list(acc.index) == [2023, 2024]
    assert acc.at[2023, "intensity"] == pytest.approx(2.0)
    assert acc.at[2024, "intensity"] == pytest.approx(2.2)
    assert pd.isna(acc.at[2023, "intensity_change"])
    assert acc.at[2024, "intensity_change"] == pytest.approx(0.1)
    assert acc.at[2023, "level"] == "中碳" and acc.at[2024, "level"] == "高碳"
