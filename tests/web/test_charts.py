"""Web chart options: years spaced by time, the forecast band visible, no helper series named."""

from __future__ import annotations

from cocontrol.web.charts import line


def test_years_spaced_by_time_with_empty_slots():
    opt = line("", {"填报值": {2020: 10.0, 2023: 13.0}}, "%")
    assert opt["xAxis"]["data"] == ["2020", "2021", "2022", "2023"]
    assert opt["series"][0]["data"] == [10.0, None, None, 13.0]


def test_forecast_band_fans_out_from_the_last_value_under_one_legend_name():
    """Last reported 2023: 13; interval at 2025: 14–18. The fan opens linearly: 2024 lies half
    way, lower 13.5 and upper 15.5 (width 2); 2025 lower 14, width 4."""
    opt = line("", {"填报值": {2022: 12.0, 2023: 13.0}}, "%", band={2025: (14.0, 18.0)}, band_name="预测区间")
    assert opt["xAxis"]["data"] == ["2022", "2023", "2024", "2025"]
    lower, width = opt["series"][1], opt["series"][2]
    assert lower["data"] == [None, 13.0, 13.5, 14.0]
    assert width["data"] == [None, 0.0, 2.0, 4.0]
    assert "areaStyle" in width and lower["lineStyle"]["opacity"] == 0
    assert {s["name"] for s in opt["series"]} == {"填报值", "预测区间"}  # no "_lower" in the legend


def test_target_charts_start_at_zero_unless_a_value_is_negative():
    from cocontrol.web.views import _non_negative

    assert _non_negative({"reported": {2023: 200.0, 2024: 210.0}}, {2025: (205.0, 230.0)})
    assert not _non_negative({"reported": {2023: 1.5, 2024: -0.5}}, None)
    assert not _non_negative({"reported": {2023: 1.5}}, {2025: (-2.0, 3.0)})
    opt = line("", {"reported": {2023: 200.0}}, "万千瓦", zero=True)
    assert opt["yAxis"]["min"] == 0
