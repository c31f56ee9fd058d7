"""evaluate() end to end on a 2-city, 3-year hand-made dataset; indicator formulas by hand."""

import math

import pandas as pd
import pytest

from cocontrol.synergy import evaluate
from cocontrol.synergy.sources import evaluate_expression, parse


def _inputs(make_emissions, make_statistics):
    em = make_emissions({
        ("威海", 2021, "power"): {"CO2": 100, "SO2": 10, "NOx": 10, "VOCs": 4},
        ("威海", 2022, "power"): {"CO2": 95, "SO2": 8, "NOx": 9, "VOCs": 4},
        ("威海", 2023, "power"): {"CO2": 90, "SO2": 7, "NOx": 8, "VOCs": 3},
        ("淄博", 2021, "power"): {"CO2": 300, "SO2": 30, "NOx": 20, "VOCs": 10},
        ("淄博", 2022, "power"): {"CO2": 310, "SO2": 28, "NOx": 21, "VOCs": 9},
        ("淄博", 2023, "power"): {"CO2": 305, "SO2": 27, "NOx": 20, "VOCs": 9},
    })
    st = make_statistics({
        (r, y): {"gdp_constant": (g, "亿元"), "population": (p, "万人"),
                 "energy_consumption": (e, "万吨标准煤"), "pm25_concentration": (pm, "μg/m³")}
        for r, y, g, p, e, pm in [
            ("威海", 2021, 10.0, 2.9, 5.0, 25), ("威海", 2022, 10.5, 2.9, 5.1, 24),
            ("威海", 2023, 11.0, 2.9, 5.2, 23), ("淄博", 2021, 20.0, 4.7, 15.0, 45),
            ("淄博", 2022, 20.8, 4.7, 15.2, 44), ("淄博", 2023, 21.5, 4.7, 15.1, 42)]
    })
    return em, st


def test_reduction_rate_formula(make_emissions, make_statistics):
    # 威海 CO2/GDP: 2021 100/10 = 10; 2022 95/10.5 = 9.047619 → (10 − 9.047619)/10 = 9.52381 %
    em, st = _inputs(make_emissions, make_statistics)
    s = evaluate_expression("reduction_rate(emission:CO2 / stat:gdp_constant)", em, st)
    assert s.loc[("威海", 2022)] == pytest.approx(9.52381, abs=1e-5)
    assert math.isnan(s.loc[("威海", 2021)])
    assert parse("apeq / stat:gdp_constant") == (False, ["apeq", "stat:gdp_constant"])
    with pytest.raises(Exception, match="cannot read"):
        parse("emission:CO2 * 2")


def test_evaluate_end_to_end(make_emissions, make_statistics):
    em, st = _inputs(make_emissions, make_statistics)
    res = evaluate(em, st)
    # APeq 威海 2021 = SO2 10 + NOx 10 + VOCs 4 = 24 t SO2-eq
    ap = res.apeq.set_index(["region", "year"])
    assert ap.loc[("威海", 2021), "apeq"] == pytest.approx(24)
    # coordinates 2021 → 2023, 威海 power: x = 24 − 18 = 6, y = 100 − 90 = 10 → I
    c = res.coordinates.set_index("region")
    assert c.loc["威海", "apeq_reduction"] == pytest.approx(6) and c.loc["威海", "quadrant"] == "I"
    # Els 威海 2021→2022: APeq 24 → 21 (12.5 %), CO2 100 → 95 (5 %) → 2.5
    e = res.elasticity.set_index(["region", "base_year"])
    assert e.loc[("威海", 2021), "els"] == pytest.approx(2.5)
    # Tapio 威海 CO2 2021→2022: −5 % / +5 % = −1 → 强脱钩
    t = res.decoupling[(res.decoupling["pressure"] == "co2")].set_index(["region", "base_year"])
    assert t.loc[("威海", 2021), "state_zh"] == "强脱钩"
    # LMDI effects add up to the CO2 change of each period
    effects = res.lmdi[["population", "gdp_per_capita", "energy_intensity", "carbon_intensity"]].sum(axis=1)
    assert effects.to_numpy() == pytest.approx(res.lmdi["total_change"].to_numpy())
    # index computed for 2022, 2023 (first year lacks reduction rates), ranked, coupled
    assert sorted(res.index["year"].unique()) == [2022, 2023]
    assert set(res.ranking["rank"]) == {1, 2}
    assert res.coupling["D"].between(0, 1).all()
    assert any("减污降碳协同任务按期完成率" in n and "重点任务完成率" in n for n in res.notes)
    assert any("管理协同" in n for n in res.notes)


def test_evaluate_without_statistics(make_emissions, make_statistics):
    em, _ = _inputs(make_emissions, make_statistics)
    res = evaluate(em, None)
    assert res.decoupling.empty and res.lmdi.empty
    assert any("地区生产总值（不变价" in n for n in res.notes)
    assert not res.index.empty  # emission-only indicators still score


def test_scope_1_by_default_and_configurable(make_emissions, make_statistics):
    em, st = _inputs(make_emissions, make_statistics)
    extra = em[em["species"] == "CO2"].assign(scope=2, value=1000.0)  # purchased electricity
    both = pd.concat([em, extra], ignore_index=True)
    res = evaluate(both, st)
    assert any("范围一" in n and "范围二" in n for n in res.notes)
    assert res.apeq.set_index(["region", "year"]).loc[("威海", 2021), "co2"] == 100
    all_scopes = evaluate(both, st, {"co2_scopes": [1, 2]})
    assert all_scopes.apeq.set_index(["region", "year"]).loc[("威海", 2021), "co2"] == 1100


def test_gdp_constant_derived_from_current_prices(make_emissions, make_statistics):
    # no gdp_constant: 2021 GDP 10 亿元 (deflator 100), 2022 11.55 亿元 (deflator 105)
    # → 2021 prices: 11.55 × 100 / 105 = 11.0, growth +10 %; CO2 100 → 95 (−5 %) → e = −0.5 强脱钩
    em = make_emissions({("威海", 2021, "power"): {"CO2": 100, "SO2": 1},
                         ("威海", 2022, "power"): {"CO2": 95, "SO2": 1}})
    st = make_statistics({("威海", 2021): {"gdp_current": (10, "亿元"), "gdp_deflator": (100, "index")},
                          ("威海", 2022): {"gdp_current": (11.55, "亿元"), "gdp_deflator": (105, "index")}})
    res = evaluate(em, st)
    row = res.decoupling[res.decoupling["pressure"] == "co2"].iloc[0]
    assert row["gdp_change_rate"] == pytest.approx(0.10)
    assert row["elasticity"] == pytest.approx(-0.5) and row["state_zh"] == "强脱钩"
    assert any("地区生产总值（不变价）" in n and "派生" in n for n in res.notes)


def test_demo_city_through_the_real_inventory():
    """威海 example activity (illustrative, calibrated to CEADs totals) → inventory → evaluate."""
    from pathlib import Path

    from cocontrol.inventory.core import compute

    root = Path(__file__).resolve().parents[2] / "examples"
    em = compute(pd.read_csv(root / "activity" / "weihai.csv"))
    st = pd.read_csv(root / "statistics" / "weihai.csv")
    res = evaluate(em, st)
    assert (res.apeq["apeq"] > 0).all() and (res.apeq["co2"] > 0).all()
    # scope-1 CO2 only: equals the inventory's scope-1 CO2 rows
    scope1 = em[(em["species"] == "CO2") & (em["scope"] == 1)].groupby("year")["value"].sum()
    assert res.apeq.set_index("year")["co2"].to_numpy() == pytest.approx(scope1.to_numpy())
    effects = res.lmdi[["population", "gdp_per_capita", "energy_intensity", "carbon_intensity"]].sum(axis=1)
    assert effects.to_numpy() == pytest.approx(res.lmdi["total_change"].to_numpy())
    assert res.coupling["D"].between(0, 1).all() and not res.index.empty
    assert set(res.coordinates["quadrant"]) <= {"I", "II", "III", "IV", "+x", "+y", "-x", "-y", "0"}


def test_sparse_indicator_is_dropped_not_the_region_years(make_emissions, make_statistics):
    em, st = _inputs(make_emissions, make_statistics)
    # good_air_days_ratio only for 威海 2023: 1 of 6 region-years < 50 % coverage → left out
    extra = make_statistics({("威海", 2023): {"good_air_days_ratio": (90.0, "%")}})
    res = evaluate(em, pd.concat([st, extra], ignore_index=True))
    assert any("空气质量优良天数比率" in n and "覆盖不足" in n for n in res.notes)
    assert "good_air_days_ratio" not in set(res.weights["indicator"])
    assert len(res.index) == 4  # 2 regions × 2022, 2023 (2021 lacks the reduction rates)


def test_result_says_its_methods(make_emissions, make_statistics):
    em, st = _inputs(make_emissions, make_statistics)
    methods = evaluate(em, st).methods
    assert {"apeq", "coordinates", "elasticity", "decoupling", "lmdi", "index", "coupling",
            "ranking"} <= set(methods)
    assert "Tapio 2005" in methods["decoupling"] and "附表二" in methods["apeq"]
