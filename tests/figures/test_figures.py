"""The registry of published figures and the signs/labels it promises (hand-worked values)."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from cocontrol.figures import display, figure, registry
from cocontrol.figures.emissions import co2_by_year
from cocontrol.figures.synergy import elasticity_reading, sector_changes, synergy_class
from cocontrol.figures.targets import target_figure

changes = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


def test_registry_states_unit_scope_sign_and_precision():
    reg = registry()
    assert reg["co2"].display_unit == "万吨" and reg["co2"].scope == "范围一" and reg["co2"].decimals == 2
    assert reg["apeq"].display_unit == "吨" and reg["share"].decimals == 1
    assert reg["co2_change"].sign == "change"
    assert all(f.name_zh and f.name_en and f.definition_zh for f in reg.values())


def test_display_in_display_unit():
    assert display("co2", 99_566_524.12, unit=True) == "9,956.65万吨"  # t → 万吨, two decimals
    assert display("co2_change", -20.0) == "0.00"  # −0.002 万吨 shows no sign it does not carry
    assert display("apeq", None) == "—"


def test_co2_is_scope_1_only():
    em = pd.DataFrame({"year": [2023, 2023], "species": ["CO2", "CO2"], "value": [100.0, 40.0],
                       "unit": ["t", "t"], "scope": [1, 2]})
    assert co2_by_year(em) == {2023: 100.0}


@given(changes, changes)
def test_class_follows_the_displayed_signs(d_apeq, d_co2):
    """The label agrees with the signs of the two changes as shown (later − earlier)."""
    label = synergy_class(d_apeq, d_co2)
    a = float(display("apeq_change", d_apeq, grouping=False))
    c = float(display("co2_change", d_co2, grouping=False))
    falls_a, falls_c = a < 0, c < 0
    rises_a, rises_c = a > 0, c > 0
    if falls_a and falls_c:
        assert label == "协同减排"
    elif rises_a and rises_c:
        assert label == "协同增排"
    elif falls_a and rises_c:
        assert label == "减污增碳"
    elif rises_a and falls_c:
        assert label == "降碳增污"
    else:
        assert label.startswith("仅") or label == "无变化"


@given(st.floats(-99, 500, allow_nan=False), st.floats(-99, 500, allow_nan=False))
def test_elasticity_reading_follows_the_displayed_rates(ra, rc):
    els, reading = elasticity_reading(ra, rc)
    a = float(display("apeq_change_rate", ra, grouping=False))
    c = float(display("co2_change_rate", rc, grouping=False))
    if a < 0 and c < 0:
        assert reading.startswith("协同减排")
        assert ("减污快于降碳" in reading) == (abs(a) > abs(c))
    elif a > 0 and c > 0:
        assert reading == "协同增排"
    elif a < 0 < c:
        assert reading == "减污增碳"
    elif c < 0 < a:
        assert reading == "降碳增污"
    if c == 0:
        assert els is None
    else:
        assert math.isclose(els, ra / rc)


def test_sector_changes_hand_worked():
    """Steel rose 13.4 Mt CO2 and 500 t SO2 → ΔCO2 +1,340.00 万吨, 协同增排 (the sign a reader sees
    matches the inventory); coal mining fell → 协同减排."""
    em = pd.DataFrame({
        "region": "r", "year": [2020, 2023, 2020, 2023, 2020, 2023, 2020, 2023],
        "sector": ["钢", "钢", "钢", "钢", "煤", "煤", "煤", "煤"],
        "species": ["CO2", "CO2", "SO2", "SO2", "CO2", "CO2", "SO2", "SO2"],
        "value": [10e6, 23.4e6, 1000.0, 1500.0, 5e6, 4.9e6, 800.0, 700.0], "unit": "t", "scope": 1,
    })
    base, target, frame = sector_changes(em, 2023)
    assert (base, target) == (2020, 2023)
    rows = {r["sector"]: r for r in frame.to_dict("records")}
    assert display("co2_change", rows["钢"]["co2_change"]) == "1,340.00"
    assert rows["钢"]["synergy_class"] == "协同增排"
    assert display("co2_change", rows["煤"]["co2_change"]) == "-10.00"
    assert rows["煤"]["synergy_class"] == "协同减排"
    assert math.isclose(rows["煤"]["co2_change_rate"], -2.0)


def test_status_shows_its_basis_or_is_no_data():
    base = {"status_label": "已完成", "latest_year": 2020, "latest_value": 0.0, "unit": "%", "measure": "level"}
    assert target_figure({**base, "latest_basis": "baseline"})["basis"] == "基期值 0%（2020年）"
    assert target_figure({**base, "latest_basis": "observed"})["basis"] == "0%（2020年）"
    bare = target_figure({"status_label": "存在风险", "latest_year": None, "latest_value": None})
    assert bare["status"] == "无数据" and bare["latest_text"] == "—"
    assert figure("target_status").name_zh == "目标完成状态"


def test_baseline_counts_only_when_shown_as_such():
    """荣成's 农村生活污水治理率 (≥55 % by 2025, 基期 43.4 % in 2020) with no submission: the status is
    judged from the plan's baseline, and every surface says so (基期值 43.4%（2020年）)."""
    import pandas as pd

    from cocontrol.plans.model import Plan, PlanDocument, Target
    from cocontrol.tracking import targets_frame
    from cocontrol.tracking.status import assess

    doc = PlanDocument(plan=Plan(id="rc", title="测试", region="荣成市"), targets=[
        Target(id="T017", indicator="农村生活污水治理率", year=2025, value=55, unit="%", relation=">=",
               baseline_value=43.4, baseline_year=2020)])
    row = assess(targets_frame(doc), pd.DataFrame(), as_of=2025).iloc[0].to_dict()
    assert row["latest_basis"] == "baseline" and row["reason"].startswith("基期值43.4%（2020年")
    fig = target_figure(row)
    assert fig["basis"] == "基期值 43.4%（2020年）" and fig["baseline"]
    obs = pd.DataFrame({"region": ["荣成市"], "plan": ["rc"], "target": ["T017"], "year": [2024], "value": [51.5],
                        "unit": ["%"]})
    row = assess(targets_frame(doc), obs, as_of=2025).iloc[0].to_dict()
    assert target_figure(row)["basis"] == "51.5%（2024年）"


def test_a_change_is_named_by_its_direction():
    """荣成's 煤炭消费总量 (下降10% by 2025, demo 113 → 120.5 万吨标准煤 from 2020 to 2023): coal use
    rose by (120.5 − 113) / 113 = 6.637 %. Every surface says 上升6.64%（2023年）, the reason
    累计增长6.64% (the same two decimals as the value beside it) — never 下降-6.64%; 济南's 单位GDP能耗 (下降14.8%) reduced 9.1 %: 下降9.1%;
    an increase target (提高3%) reads 提高3.01% or, gone the other way, 降低1%."""
    import pandas as pd

    from cocontrol.plans.model import Plan, PlanDocument, Target
    from cocontrol.reports.english import translate
    from cocontrol.tracking import targets_frame
    from cocontrol.tracking.status import assess

    doc = PlanDocument(plan=Plan(id="rc", title="测试", region="荣成市"), targets=[
        Target(id="T048", indicator="煤炭消费总量", year=2025, value=10, unit="%", relation="reduce_by",
               base_year=2020)])
    obs = pd.DataFrame({"region": "荣成市", "plan": "rc", "target": "T048", "year": [2020, 2021, 2022, 2023],
                        "value": [113.0, 117.2, 118.1, 120.5], "unit": "万吨标准煤"})
    row = assess(targets_frame(doc), obs, as_of=2025).iloc[0].to_dict()
    assert round(row["latest_value"], 3) == round(-(120.5 - 113) / 113 * 100, 3) == -6.637
    assert target_figure(row)["basis"] == "上升6.64%（2023年）"
    assert row["reason"].startswith("2023年累计增长6.64%（") and "下降-" not in row["reason"]
    assert "预计累计增长" in row["reason"] and "预计-" not in row["reason"]
    assert translate(target_figure(row)["basis"], plan=True) == "up 6.64% (2023)"
    assert target_figure({**row, "latest_value": 9.1})["basis"] == "下降9.1%（2023年）"
    up = {**row, "relation": "increase_by"}
    assert target_figure({**up, "latest_value": 3.01})["basis"] == "提高3.01%（2023年）"
    assert target_figure({**up, "latest_value": -1.0})["basis"] == "降低1%（2023年）"
    assert translate("降低1%（2023年）", plan=True) == "down 1% (2023)"
