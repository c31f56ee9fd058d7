"""The annual evaluation on layer results built by hand in the shapes the layers promise."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import pytest

from cocontrol.reports.annual import build_annual
from cocontrol.reports.model import Figure, Paragraph, Section, Table, walk
from cocontrol.reports.workspace import Results

from .test_report_build import _plan


@dataclass
class _Synergy:
    """Shape of cocontrol.synergy.SynergyResult (frames only; the ones the report reads)."""

    index: pd.DataFrame
    coupling: pd.DataFrame
    elasticity: pd.DataFrame


@pytest.fixture()
def results() -> Results:
    status = pd.DataFrame({
        "target_id": ["t1", "t2"], "region": ["测试市"] * 2,
        "indicator": ["细颗粒物（PM2.5）浓度", "新能源装机规模"], "target_year": [2025, 2025],
        "target_value": [24.0, 500.0], "unit": ["μg/m³", "万千瓦"], "relation": ["<=", ">="],
        "latest_year": [2025, 2024], "latest_value": [23.0, 300.0], "status": ["achieved", "off_track"],
        "status_label": ["已完成", "严重滞后"], "forecast": [None, 380.0], "forecast_low": [None, 350.0],
        "forecast_high": [None, 410.0], "reason": [None, "按近三年趋势，2025年预计380万千瓦"],
    })
    emissions = pd.DataFrame({
        "region": ["测试市"] * 6, "year": [2024, 2024, 2025, 2025, 2024, 2025],
        "sector": ["energy", "industry", "energy", "industry", "energy", "energy"],
        "fuel": ["原煤"] * 6, "species": ["CO2", "CO2", "CO2", "CO2", "SO2", "SO2"],
        "value": [1_000_000.0, 500_000.0, 900_000.0, 480_000.0, 200.0, 150.0],
        "unit": ["t"] * 6, "scope": ["scope1"] * 6,
    })
    indicators = pd.DataFrame({
        "region": ["测试市"], "year": [2025], "indicator": ["单位GDP二氧化碳排放"], "value": [0.69],
        "unit": ["t/万元"], "formula": ["CO2排放量 ÷ 不变价GDP"], "inputs": ["CO2, GDP"],
    })
    synergy = _Synergy(
        index=pd.DataFrame({"region": ["测试市"] * 2, "year": [2024, 2025], "index": [0.61, 0.66]}),
        coupling=pd.DataFrame(),
        elasticity=pd.DataFrame({"region": ["测试市", "测试市", "别市"], "base_year": [2020, 2025, 2020],
                                 "target_year": [2025, 2026, 2025], "ap_reduction_rate": [0.15, 0.1, 0.2],
                                 "co2_reduction_rate": [0.08, 0.1, 0.2], "els": [1.875, 1.0, 1.0],
                                 "reading": ["协同减排（减污快于降碳）", "x", "y"], "note": ["", "", ""]}),
    )
    return Results(region="测试市", year=2025, plans=[_plan()], status=status,
                   warnings=pd.DataFrame({"unit": ["市发展改革委"], "target_id": ["t2"], "level": ["红色预警"],
                                          "indicator": ["新能源装机规模"], "target_unit": ["万千瓦"]}),
                   emissions=emissions, indicators=indicators, synergy=synergy)


def _paragraphs(section: Section) -> list[str]:
    return [b.text for b in _walk(section) if isinstance(b, Paragraph)]


def _walk(section: Section):
    for b in section.blocks:
        if isinstance(b, Section):
            yield from _walk(b)
        else:
            yield b


def test_overview_co2_change_hand_worked(results):
    """CO2 2024 = (1 000 000 + 500 000) t = 150 万吨; 2025 = (900 000 + 480 000) t = 138 万吨;
    change = 138 / 150 − 1 = −8.0 %. A scope-2 row (purchased electricity) is left out."""
    extra = results.emissions.iloc[[2]].assign(scope="scope2", value=100_000.0)
    results.emissions = pd.concat([results.emissions, extra], ignore_index=True)
    report = build_annual(results, date=dt.date(2026, 1, 15))
    assert report.sections[0].title == "摘要"
    text = "".join(b.text for b in report.sections[0].blocks if isinstance(b, Paragraph))
    assert "目标指标2项，其中已完成1项、严重滞后1项。" in text  # the targets tracking judged
    head = next(b for b in report.sections[0].blocks if isinstance(b, Table))
    assert head.rows[0][:5] == ["二氧化碳排放量", 2025, "138.00", "万吨", -8.0]
    emis = "".join(b.text for b in report.sections[2].blocks if isinstance(b, Paragraph))
    assert "2025年测试市二氧化碳排放量（直接排放）为138.00万吨，比2024年下降8.0%" in emis
    lagging = next(b for b in report.sections[0].blocks if isinstance(b, Table) and b.caption.startswith("滞后"))
    assert lagging.rows[0][0] == "新能源装机规模" and lagging.rows[0][1] == "严重滞后"
    assert lagging.rows[0][2] == "300万千瓦（2024年）" and lagging.rows[0][3] == "市发展改革委、市能源局"


def test_targets_split_by_binding_lagging_listed(results):
    report = build_annual(results, date=dt.date(2026, 1, 15))
    sec = report.sections[1]
    subs = [b for b in sec.blocks if isinstance(b, Section)]
    assert [s.title for s in subs] == ["约束性指标", "预期性指标"]
    table = next(b for b in subs[1].blocks if isinstance(b, Table))
    assert [c.header for c in table.columns] == ["指标", "目标", "最新值（年份）", "状态"]
    assert table.rows[0] == ["新能源装机规模", "2025年不低于500万千瓦", "300万千瓦（2024年）", "严重滞后"]
    # issue 9 item 7: only targets lagging or at risk are listed; the others are counted in one line
    assert table.caption == "预期性指标中滞后或存在风险的目标"
    assert not any(isinstance(b, Table) for b in subs[0].blocks)
    lines = [b.text for b in subs[0].blocks if isinstance(b, Paragraph)]
    assert lines[-1].endswith("项目标中没有滞后或存在风险的目标（已完成1项），明细见Excel工作簿“目标状态”表。"), lines
    assert not any(isinstance(b, Figure) for b in sec.blocks)  # the counts are in the summary


def test_emission_tables_hand_worked(results):
    report = build_annual(results, date=dt.date(2026, 1, 15))
    tables = {t.caption: t for _, t in report.tables()}
    species = tables["2025年主要排放物排放量"]
    rows = {r[0]: r for r in species.rows}
    # SO2: 200 t → 150 t is −25 %
    assert rows["二氧化硫"][1:] == ["吨", "200", "150", -25.0]
    assert rows["二氧化碳"][1:] == ["万吨", "150.00", "138.00", -8.0]
    sectors = tables["2025年分部门二氧化碳排放量"]
    # energy 90 万吨 of 138 → 65.2 %; industry 48 → 34.8 %
    assert sectors.rows[0][0] == "能源" and sectors.rows[0][1] == pytest.approx(90.0)
    assert sectors.rows[0][2] == pytest.approx(65.2)  # share at its displayed precision
    workbook = {t.caption: t for t in report.workbook}  # detail only in the Excel workbook
    assert "派生指标" in workbook
    assert [c.header for c in tables["减污降碳协同度综合指数"].columns] == ["年份", "综合指数（0–100）"]
    assert "减污与降碳耦合协调度" not in workbook  # an empty frame makes no table
    # from the inventory (change = later − earlier): APeq = SO2 (α = 1) 200 → 150 t is −25.0 %,
    # CO2 150 → 138 万吨 is −8.0 %; Els = 25 / 8 = 3.125 → 3.12 shown; both fell → 协同减排
    els = tables["减污降碳协同效应弹性系数"]
    assert els.rows == [["2024→2025", -25.0, -8.0, 3.12, "协同减排（减污快于降碳）"]]
    assert els.columns[1].header == "大气污染物当量变化率（%）"
    # by sector 2024 → 2025: energy CO2 −10.00 万吨, APeq −50 t → 协同减排; industry −2.00 万吨, APeq 0 → 仅降碳
    changes = tables["分部门减污降碳协同类型（2024→2025年）"]
    assert changes.rows == [["能源", -50.0, -10.0, "协同减排"], ["工业", 0.0, -2.0, "仅降碳"]]
    warn = workbook["目标预警事项"]
    assert [c.header for c in warn.columns] == ["责任单位", "预警等级", "指标", "单位"]
    assert warn.rows == [["市发展改革委", "红色预警", "新能源装机规模", "万千瓦"]]


def test_problems_and_next_steps_name_the_lagging_target(results):
    report = build_annual(results, date=dt.date(2026, 1, 15))
    problems = _paragraphs(report.sections[6])
    assert problems[0] == ("新能源装机规模：目标为2025年不低于500万千瓦，最新为300万千瓦（2024年），评价为“严重滞后”。"
                           "按近三年趋势，2025年预计380万千瓦。")
    steps = _paragraphs(report.sections[7])
    assert steps[0].startswith("督促市发展改革委、市能源局对照“新能源装机规模”目标")


def test_numbering_across_sections(results):
    report = build_annual(results, date=dt.date(2026, 1, 15))
    labels = [e.label for e in walk(report) if isinstance(e.block, Table)]
    assert labels == [f"表{i}" for i in range(1, len(labels) + 1)]
    assert report.gaps == []


def test_unreadable_layer_result_becomes_a_gap_not_a_crash(results):
    """An inventory row in a unit the registry does not know stops only its own section."""
    results.emissions.loc[0, "unit"] = "桶"
    report = build_annual(results, date=dt.date(2026, 1, 15))
    emis = report.sections[2]
    assert emis.title == "温室气体与大气污染物排放"
    assert [type(b) for b in emis.blocks] == [Paragraph]
    assert emis.blocks[0].text.startswith("本节数据暂缺：") and "桶" in emis.blocks[0].text
    assert any(g.startswith("温室气体与大气污染物排放：") for g in report.gaps)
    assert report.sections[1].title == "目标指标完成情况"  # other sections still there


def test_plan_quote_is_cited_and_escaped_in_html(results):
    from cocontrol.reports.html import render_html

    from .conftest import SCRIPT

    results.plans[0].targets[1].quote = f"到2025年，新能源装机规模达到500万千瓦。{SCRIPT}"
    report = build_annual(results, date=dt.date(2026, 1, 15))
    assert _paragraphs(report.sections[6])[0].endswith(f"（规划原文：“到2025年，新能源装机规模达到500万千瓦。{SCRIPT}”）")
    page = render_html(report)
    assert SCRIPT not in page and "&lt;script&gt;" in page
