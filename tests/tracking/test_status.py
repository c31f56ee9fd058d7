"""Status rules against hand-worked examples (see each docstring for the arithmetic)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from cocontrol.tracking.status import assess
from tests.tracking.conftest import obs_frame

WIND = {"id": "wind", "indicator": "海上风电在运在建装机规模", "year": 2026, "value": 260,
        "unit": "万千瓦", "relation": ">=", "baseline_value": 150, "baseline_year": 2024}


def one(frame_of, target, rows, as_of):
    return assess(frame_of([target]), obs_frame(rows), as_of=as_of).iloc[0]


def test_ge_level_linear_path_off_track_with_mw_converted(frame_of):
    """威海: 海上风电 ≥ 260万千瓦 by 2026 from 150 in 2024; 2025 reported 1800 MW = 180万千瓦.

    Path 2025 = 150 + (260−150)·1/2 = 205. Two points → line 150, 180 → 2026: 210;
    shortfall (260−210)/110 = 0.45 > 0.25 → off track; interval persistence 180 … 180+2·30·1 = 240.
    """
    r = one(frame_of, WIND, [("wind", 2025, 1800, "MW")], 2025)
    assert r["latest_value"] == pytest.approx(180)
    assert r["required_value_now"] == pytest.approx(205)
    assert r["forecast"] == pytest.approx(210)
    assert (r["forecast_low"], r["forecast_high"]) == pytest.approx((180, 240))
    assert r["status"] == "off_track" and r["status_label"] == "严重滞后"


def test_ge_level_on_track(frame_of):
    """2025 = 210 > path 205; line 150 → 210 reaches 270 ≥ 260 in 2026 → on track."""
    r = one(frame_of, WIND, [("wind", 2025, 210, "万千瓦")], 2025)
    assert r["forecast"] == pytest.approx(270)
    assert r["status"] == "on_track"


def test_target_year_past_not_met(frame_of):
    r = one(frame_of, WIND, [("wind", 2025, 210, "万千瓦"), ("wind", 2026, 240, "万千瓦")], 2026)
    assert r["status"] == "off_track"
    assert "目标年已过" in r["reason"]


def test_le_level_pm25_ols_interval(frame_of):
    """PM2.5 ≤ 24 by 2026; 30, 28, 27 in 2022–2024.

    OLS: b = −1.5, ȳ = 28.333 at 2023 → 2026: 28.333 − 4.5 = 23.833 (meets).
    Residuals 1/6, −1/3, 1/6 → SSE = 1/6, s = 0.40825; se = s·√(1 + 1/3 + 9/2) = 0.98601;
    t(0.95, 1) = 6.3138 → interval 23.833 ± 6.2254. Path from (2022, 30) to (2026, 24)
    at 2024 = 27 = latest → no lag → on track.
    """
    t = {"id": "pm", "indicator": "PM2.5浓度", "year": 2026, "value": 24, "unit": "微克/立方米",
         "relation": "<="}
    rows = [("pm", 2022, 30, "μg/m³"), ("pm", 2023, 28, "μg/m³"), ("pm", 2024, 27, "μg/m³")]
    r = one(frame_of, t, rows, 2024)
    assert r["forecast"] == pytest.approx(23.8333, abs=1e-3)
    assert r["forecast_low"] == pytest.approx(23.8333 - 6.2254, abs=1e-3)
    assert r["forecast_high"] == pytest.approx(23.8333 + 6.2254, abs=1e-3)
    assert r["required_value_now"] == pytest.approx(27)
    assert r["status"] == "on_track"


def test_reduce_by_from_levels_geometric_path(frame_of):
    """济南: CO2/GDP −68 % vs 2005 by 2030. Levels 2.5 (2005), 1.0 (2020), 0.9 (2022) t/万元.

    Latest change (1 − 0.9/2.5)·100 = 64 %. Geometric path at 2022:
    100·0.32^(17/25) = 46.08 → required 53.92 %. Log-linear fit on index 100, 40, 36
    (b = −0.06047/yr) → 2030 index 22.03 → 77.97 % ≥ 68 → on track.
    """
    t = {"id": "co2", "indicator": "单位地区生产总值二氧化碳排放", "year": 2030, "value": 68,
         "unit": "%", "relation": "reduce_by", "base_year": 2005}
    rows = [("co2", 2005, 2.5, "吨/万元"), ("co2", 2020, 1.0, "吨/万元"), ("co2", 2022, 0.9, "吨/万元")]
    r = one(frame_of, t, rows, 2022)
    assert r["latest_value"] == pytest.approx(64)
    assert r["required_value_now"] == pytest.approx(53.92, abs=0.01)
    assert r["forecast"] == pytest.approx(77.97, abs=0.05)
    assert r["forecast_low"] <= r["forecast"] <= r["forecast_high"]
    assert r["status"] == "on_track"


RATE = {"id": "rate", "indicator": "单位地区生产总值二氧化碳排放", "year": 2026, "value": 3,
        "unit": "%", "relation": "reduce_by", "annual_rate": True, "base_year": 2023}


def test_annual_rate_from_yearly_changes(frame_of):
    """威海: 年平均下降3% 2023→2026. Reported −3.5 % (2024), −2.0 % (2025).

    Index 96.5, 94.57 → average rate 1 − √0.9457 = 2.753 %. Target index 100·0.97³ = 91.267
    (need 8.733). Path 2025: 100·0.97² = 94.09; lag (94.57−94.09)/8.733 = 0.055 ≤ 0.1.
    Log-linear through 100, 96.5, 94.57 (b = (ln 94.57 − ln 100)/2 = −0.027915, z̄ = 4.574683):
    2026 index e^(4.574683 − 2·0.027915) = 91.730 → 1 − 0.91730^(1/3) = 2.836 %/yr < 3;
    shortfall (91.730−91.267)/8.733 = 0.053 ≤ 0.25 → at risk.
    """
    r = one(frame_of, RATE, [("rate", 2024, 3.5, "%"), ("rate", 2025, 2.0, "%")], 2025)
    assert r["latest_value"] == pytest.approx(2.7529, abs=1e-3)
    assert r["required_value_now"] == pytest.approx(3.0)
    assert r["forecast"] == pytest.approx(2.836, abs=1e-3)
    assert r["status"] == "at_risk"


def test_annual_rate_same_from_levels(frame_of):
    rows = [("rate", 2023, 1.0, "吨/万元"), ("rate", 2024, 0.965, "吨/万元"),
            ("rate", 2025, 0.965 * 0.98, "吨/万元")]
    r = one(frame_of, RATE, rows, 2025)
    assert r["latest_value"] == pytest.approx(2.7529, abs=1e-3)
    assert r["status"] == "at_risk"


def test_annual_rate_missing_year_named(frame_of):
    r = one(frame_of, RATE, [("rate", 2025, 2.0, "%")], 2025)
    assert r["status"] == "no_data"
    assert "缺少2024年数据" in r["reason"]


def test_reduce_by_levels_without_base_year_is_no_data(frame_of):
    t = {"id": "c", "indicator": "煤炭消费总量", "year": 2025, "value": 10, "unit": "%",
         "relation": "reduce_by", "base_year": 2020}
    r = one(frame_of, t, [("c", 2023, 300, "万吨标准煤")], 2024)
    assert r["status"] == "no_data"
    assert "缺少基准年2020年数据" in r["reason"]


def test_increase_by_achieved(frame_of):
    """多式联运货运量 +10 % vs 2020: 1000 → 1120 万吨 = +12 % → achieved."""
    t = {"id": "m", "indicator": "多式联运货运量", "year": 2025, "value": 10, "unit": "%",
         "relation": "increase_by", "base_year": 2020}
    r = one(frame_of, t, [("m", 2020, 1000, "万吨"), ("m", 2023, 1120, "万吨")], 2024)
    assert r["latest_value"] == pytest.approx(12)
    assert r["status"] == "achieved"


def test_eq_zero_and_approx(frame_of):
    zero = {"id": "z", "indicator": "地表水劣V类水体比例", "year": 2025, "value": 0, "unit": "%",
            "relation": "=", "baseline_value": 0, "baseline_year": 2020}
    assert one(frame_of, zero, [("z", 2023, 0, "%")], 2023)["status"] == "achieved"
    assert one(frame_of, zero, [("z", 2023, 5, "%")], 2023)["status"] == "off_track"
    ev = {"id": "ev", "indicator": "新能源汽车新车销量占比", "year": 2025, "value": 20, "unit": "%",
          "relation": ">=", "approx": True}
    # 左右: tolerance 5 % of 20 = 1 point → 19.2 counts as reaching 20 左右.
    assert one(frame_of, ev, [("ev", 2025, 19.2, "%")], 2025)["status"] == "achieved"
    strict = dict(ev, approx=False)
    assert one(frame_of, strict, [("ev", 2025, 19.2, "%")], 2025)["status"] == "off_track"


def test_cumulative_reduction(frame_of):
    """NOx [10.43] cumulative 2015→2020, reported as cumulative % changes: 11 % in 2020."""
    t = {"id": "nox", "indicator": "氮氧化物排放总量减少", "year": 2020, "value": 10.43, "unit": "%",
         "relation": "reduce_by", "base_year": 2015, "cumulative": True}
    r = one(frame_of, t, [("nox", 2018, 7, "%"), ("nox", 2020, 11, "%")], 2021)
    assert r["latest_value"] == pytest.approx(11)
    assert r["status"] == "achieved"


def test_qualitative_judgements_and_no_data(frame_of):
    targets = [{"id": f"q{i}", "indicator": f"定性{i}", "year": 2025, "qualitative": "完成上级分解任务"}
               for i in range(4)]
    obs = obs_frame([("q0", 2024, "完成", None), ("q1", 2024, "未完成", None),
                     ("q2", 2024, "进展正常", None), ("q2", 2025, "存在风险", None)])
    r = assess(frame_of(targets), obs, as_of=2025).set_index("target_id")
    assert list(r["status"]) == ["achieved", "off_track", "off_track", "no_data"]
    assert r.loc["q2", "latest_text"] == "存在风险"
    assert np.isnan(r.loc["q0", "forecast"])


def test_qualitative_without_any_judgement_rows(frame_of):
    """Only numeric observations (the judgement column is then all empty, read back as numbers):
    the qualitative target is 无数据 with its reason, the numeric one is assessed as usual."""
    targets = [WIND, {"id": "q0", "indicator": "定性0", "year": 2025, "qualitative": "完成上级分解任务"}]
    obs = obs_frame([("wind", 2025, 2100, "MW")])
    obs["value_text"] = np.nan
    r = assess(frame_of(targets), obs, as_of=2025).set_index("target_id")
    assert r.loc["q0", "status"] == "no_data"
    assert "完成上级分解任务" in r.loc["q0", "reason"]
    assert r.loc["wind", "latest_value"] == pytest.approx(210)


def test_no_data_and_as_of_filter(frame_of):
    r = one(frame_of, WIND, [("wind", 2027, 300, "万千瓦")], 2025)
    # only the plan's baseline (150 in 2024) counts: one point below target → at risk
    assert r["latest_year"] == 2024 and r["status"] == "at_risk"
    t = {"id": "x", "indicator": "光伏", "year": 2026, "value": 200, "unit": "万千瓦", "relation": ">="}
    r = one(frame_of, t, [], 2025)
    assert r["status"] == "no_data" and r["status_label"] == "无数据"


def test_bad_rows_left_out_with_problems(frame_of):
    obs = obs_frame([("wind", 2025, 210, "万吨"), ("wind", 2025, 2100, "MW")])
    res = assess(frame_of([WIND]), obs.iloc[[0]], as_of=2025)
    assert res.iloc[0]["latest_year"] == 2024  # the 万吨 row cannot count
    assert assess(frame_of([WIND]), obs.iloc[[1]], as_of=2025).iloc[0]["latest_value"] == 210


def test_two_plans_sharing_target_ids():
    """威海 has two plans whose targets are both numbered T001 …: statuses stay apart."""
    import pandas as pd

    from cocontrol.plans.model import PlanDocument
    from cocontrol.tracking import targets_frame
    from cocontrol.tracking.warnings import by_responsible_unit

    def doc(pid, value):
        return PlanDocument.model_validate({"plan": {"id": pid, "title": pid, "region": "威海市"}, "targets": [
            {"id": "T001", "indicator": "无废细胞数量", "year": 2026, "value": value, "unit": "个",
             "relation": ">=", "responsible": ["市生态环境局"]}]})
    a, b = doc("pilot", 600), doc("beautiful", 4000)
    targets = pd.concat([targets_frame(a), targets_frame(b)], ignore_index=True)
    obs = pd.DataFrame({"indicator": "无废细胞数量", "year": [2024, 2025], "value": [420, 515], "unit": "个"})
    res = assess(targets, obs, as_of=2025).set_index("plan_id")
    # line 420 → 515 reaches 610 in 2026: ≥ 600 on track; far from 4000: off track
    assert res.loc["pilot", "forecast"] == pytest.approx(610)
    assert (res.loc["pilot", "status"], res.loc["beautiful", "status"]) == ("on_track", "off_track")
    assert by_responsible_unit(assess(targets, obs, as_of=2025), a).empty
    assert by_responsible_unit(assess(targets, obs, as_of=2025), b)["target_id"].tolist() == ["T001"]


def test_monthly_value_counts_when_no_annual_and_gap_named(frame_of):
    """A year-to-date value (month 9) stands for its year until the annual value arrives."""
    import pandas as pd

    t = {"id": "pm", "indicator": "PM2.5浓度", "year": 2026, "value": 24, "unit": "μg/m³",
         "relation": "<="}
    obs = pd.DataFrame({"target": "pm", "year": [2022, 2023, 2023, 2024], "month": [None, None, 6, 9],
                        "value": [30, 28, 35, 26], "unit": "μg/m³"})
    r = assess(frame_of([t]), obs, as_of=2025).iloc[0]
    assert (r["latest_year"], r["latest_value"]) == (2024, 26)
    assert r["n_points"] == 3  # 2023 annual (28) wins over its June value (35)
    assert "缺少2025年数据" in r["reason"]


def test_target_without_year_says_so():
    from cocontrol.plans.model import PlanDocument
    from cocontrol.tracking import targets_frame

    doc = PlanDocument.model_validate({"plan": {"id": "p", "title": "t"}, "targets": [
        {"id": "x", "indicator": "海草植株保存率", "value": 45, "unit": "%", "relation": ">="}]})
    r = assess(targets_frame(doc), obs_frame([("x", 2025, 50, "%")]), as_of=2025).iloc[0]
    assert r["status"] == "no_data" and "未写明目标年份" in r["reason"]


def test_counts_read_whole_in_the_reason(frame_of):
    """威海: 海岛休闲度假旅游目的地 ≥ 1 处 by 2027 from 0 in 2023; 0 in 2024 and 2025.

    Path 2025 = 0 + (1 − 0)·2/4 = 0.5 处 — a count is reached whole, so the reason asks for 1 处;
    the line through 0, 0, 0 forecasts 0 处 (never "0.5处")."""
    target = {"id": "isle", "indicator": "海岛休闲度假旅游目的地", "year": 2027, "value": 1, "unit": "处",
              "relation": ">=", "baseline_value": 0, "baseline_year": 2023}
    r = one(frame_of, target, [("isle", 2024, 0, "处"), ("isle", 2025, 0, "处")], 2025)
    assert r["required_value_now"] == pytest.approx(0.5)  # the number stays exact
    assert "进度要求1处（2025年）" in r["reason"] and "预计0处" in r["reason"]
    assert not re.search(r"\d\.\d+处", r["reason"])


def test_a_later_baseline_does_not_judge_an_earlier_year(frame_of):
    """Issue 9 (bad input): 威海's wind target has its baseline 150万千瓦 in 2024. Evaluated for
    2023 — a year before any value — it is 无数据, not judged from the 2024 baseline; for 2024
    the baseline is the basis (基期值)."""
    early = one(frame_of, WIND, [], 2023)
    assert early["status"] == "no_data" and np.isnan(early["latest_value"])
    on_time = one(frame_of, WIND, [], 2024)
    assert on_time["latest_value"] == pytest.approx(150) and on_time["latest_basis"] == "baseline"


def test_a_share_is_forecast_within_0_to_100_percent():
    """济南's 城市建成区绿地率 (≥37 % by 2030), demo 25.9 % (2022) and 31.45 % (2023): the straight
    trend gives 31.45 + 7 × 5.55 = 70.3 % for 2030 and its interval reached 109.2 % — a share
    stops at 100 %; the status is unchanged (the trend reaches the target either way)."""
    import pandas as pd

    from cocontrol.plans.model import Plan, PlanDocument, Target
    from cocontrol.tracking import targets_frame
    from cocontrol.tracking.status import assess

    doc = PlanDocument(plan=Plan(id="jn", title="测试", region="济南市"), targets=[
        Target(id="T021", indicator="城市建成区绿地率", year=2030, value=37, unit="%", relation=">=")])
    obs = pd.DataFrame({"region": "济南市", "plan": "jn", "target": "T021", "year": [2022, 2023],
                        "value": [25.9, 31.45], "unit": "%"})
    row = assess(targets_frame(doc), obs, as_of=2023).iloc[0]
    assert 0 <= row["forecast_low"] <= row["forecast"] <= row["forecast_high"] <= 100
    assert row["forecast"] == pytest.approx(70.3, abs=0.05)
    assert row["status"] == "on_track"
