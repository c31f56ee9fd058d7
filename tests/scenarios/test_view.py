"""The 情景分析 view: traffic lights, chart data from the run, the optimiser sliders."""


import pytest

from cocontrol.scenarios import io, view


@pytest.fixture
def result(city_result):
    return city_result


def test_traffic_lights():
    assert view.light(0.95, False) == "green"
    assert view.light(0.6, True) == "amber"
    assert view.light(0.2, True) == "red"
    assert view.light(None, True) == "green" and view.light(None, False) == "red"


def test_page_arranges_the_run(result):
    page = view.page(result, "zh")
    assert page["region"] == "测试市"
    tot = io.totals(result)
    co2 = tot[(tot["species"] == "CO2") & (tot["scenario"] == "规划情景")].sort_values("year")
    plan = next(s for s in page["pathway"]["series"] if s["name"] == "规划情景")
    assert plan["data"] == [round(v / 1e4, 1) for v in co2["value"]]
    rows = [r for r in page["targets"] if r["scenario"] == "规划情景"]
    assert [r["indicator"] for r in rows] == ["碳排放达峰年份", "单位GDP二氧化碳排放变化",
                                              "NOx减排量", "非化石能源消费占比"]
    assert rows[0]["target"] == "≤ 2030"
    # the peak-year shares of each scenario add up to 100 %
    for s in page["peak"]["series"]:
        assert sum(s["data"]) == pytest.approx(100, abs=0.5)
    names = {d["name"] for d in page["coords"]["series"][0]["data"]}
    assert names == {"关停燃煤机组", "电动汽车", "钢铁脱硝"}


def test_portfolio_sliders(result):
    lib = view.measure_library(result)
    low = view.portfolio(result, 0.1, 0.1)
    high = view.portfolio(result, 0.9, 0.9)
    assert low["status"] == high["status"] == "optimal"
    assert low["cost"] <= high["cost"]
    assert high["reductions"]["CO2"] >= 0.9 * lib["CO2"].sum() - 1e-6
    assert view.portfolio(result, 1.0, 1.0)["status"] == "optimal"


def test_sensitivity_rows_are_named_for_people(result):
    rows = view.sensitivity(result, "zh")
    assert rows and all(":" not in r["input"] for r in rows)
    assert view.input_label("factor:solid:CO2", "zh") == "排放因子 固体燃料 CO2"
    assert view.input_label("driver:GDP", "en") == "driver GDP"


def test_sensitivity_carries_morris_screening(result):
    """Every sampled input has its Morris μ*, μ, σ beside its Sobol index; an input whose
    draws do not vary (μ* = 0) has no first-order index either."""
    for r in result.scenarios:
        if r.sensitivity is None:
            continue
        s = r.sensitivity
        assert {"s1", "mu", "mu_star", "sigma"} <= set(s.columns)
        assert s["mu_star"].notna().all() and (s["mu_star"] >= s["mu"].abs() - 1e-9).all()
    rows = view.sensitivity(result, "zh")
    assert all(r["morris"] is not None and r["morris"] >= 0 for r in rows)


def test_peak_words_and_probability_by_one_rule(result):
    """The test city's 规划情景 falls from its 2023 maximum (2,105 万吨) to 2027 and rises again; in
    2035 it is (2,105.06 − 2,066.01) / 2,105.06 = 1.9 % below the maximum — under the 5 % a peak
    needs, so it is a plateau, not "peaked in 2023", and its draws' probability of peaking by
    2030 is 0 % by the same rule (the card said 峰值年份 2023 beside 0 % before)."""
    peaks = {s["name"]: s for s in view.peaks(result)}
    plan = peaks["规划情景"]
    assert (plan["state"], plan["peaked"], plan["peak_year"]) == ("plateau", False, 2023)
    assert plan["words"]["zh"] == ("至2035年未见明显峰值（最高2,105万吨，出现在2023年；2035年仅比最高值低1.9%，"
                                   "达峰须低5%以上，呈平台期）")
    assert plan["p2030"] == "0"
    assert peaks["基准情景"]["words"]["zh"] == "至2035年仍未达峰（2035年2,460万吨）"
    row = next(r for r in view.targets(result, "zh")
               if r["scenario"] == "规划情景" and r["indicator"] == "碳排放达峰年份")
    assert row["projected"] == "未达峰" and row["probability"] == 0
