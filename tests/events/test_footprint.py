"""Large-event footprint (MEE 2019 guideline) hand-worked; a serial retired once is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from cocontrol.errors import ValidationFailed
from cocontrol.events.footprint import footprint
from cocontrol.events.workbook import read_event, write_template

INFO = {"name": "测试会议", "region": "山东", "year": 2023}


def _sources(rows):
    frame = pd.DataFrame(rows, columns=["类别", "项目", "数量", "单位", "排放因子", "因子来源"])
    frame.index = frame.index + 2
    return frame


def _credits(rows):
    frame = pd.DataFrame(rows, columns=["类型", "序列号", "年份", "数量"])
    frame.index = frame.index + 2
    return frame


def test_footprint_by_source_hand_worked() -> None:
    sources = _sources([
        ("外购电力", "电力", 10, "MWh", None, None),          # 10 × 0.6191 (山东 2023)
        ("场馆燃料", "天然气", 1, "万立方米", None, None),     # 389.31 GJ × 0.0153 × 0.99 × 44/12
        ("交通", "地铁", 1000, "人·公里", None, None),         # 1000 × 0.061 kg
        ("住宿", "住宿", 10, "间·夜", 40, "酒店能耗账单折算"),  # own cited factor 40 kg
        ("住宿", "电力", 2000, "kWh", None, None),             # the hotel's own bill: 2 × 0.6191
        ("废弃物", "厨余垃圾填埋", 100, "kg", None, None),      # IPCC 2006 Vol.5 defaults, below
        ("废弃物", "纸类垃圾填埋", 10, "kg", None, None),
        ("废弃物", "塑料、金属、玻璃等填埋", 50, "kg", None, None),
    ])
    result = footprint(INFO, sources, _credits([("CCER", "CCER-14-0001-A", 2025, 30)]))
    gas = 389.31 * 0.0153 * 0.99 * 44 / 12
    # CH4 = DOC × DOCf 0.5 × MCF 1.0 × F 0.5 × 16/12 × (1 − OX 0.1), × GWP 28 (AR5)
    per_kg = {doc: doc * 0.5 * 1.0 * 0.5 * 16 / 12 * 0.9 * 28 for doc in (0.15, 0.40)}
    expected = {"electricity": 6.191, "venue_fuel": gas, "travel": 0.061,
                "accommodation": 0.4 + 2 * 0.6191,
                "waste": (100 * per_kg[0.15] + 10 * per_kg[0.40]) / 1000}
    assert per_kg[0.15] == pytest.approx(1.26) and per_kg[0.40] == pytest.approx(3.36)
    assert result.by_source == pytest.approx(expected, rel=1e-6)
    assert result.total_t == pytest.approx(sum(expected.values()))
    assert result.retired_t == 30 and result.neutral
    hotel = result.lines[(result.lines["source"] == "accommodation")
                         & (result.lines["item"] == "电力")].iloc[0]
    assert hotel["citation"].startswith("酒店能耗：电力二氧化碳排放因子公告")


def test_no_silent_default_for_hotels_and_materials() -> None:
    """No citable per-room-night or per-kg-paper factor was found: such a row must carry the
    hotel's energy or a cited factor, else it is refused naming sheet, row and column — in
    Chinese — and nothing is accounted."""
    from cocontrol.messages import render

    with pytest.raises(ValidationFailed) as err:
        footprint(INFO, _sources([("外购电力", "电力", 10, "MWh", None, None),
                                  ("住宿", "住宿", 900, "间·夜", None, None),
                                  ("会议用品", "纸张印刷品", 50, "kg", None, None),
                                  ("废弃物", "垃圾填埋", 50, "kg", None, None)]), _credits([]))
    problems = err.value.problems
    assert [(p.row, p.column) for p in problems] == [(3, "排放因子"), (4, "排放因子"), (5, "项目")]
    zh = [render(p, "zh") for p in problems]
    assert "第 3 行" in zh[0] and "住宿：无可引用的缺省因子，请填写酒店能耗" in zh[0], zh[0]
    assert "会议用品：无可引用的缺省因子，请填写带来源的因子" in zh[1], zh[1]
    assert "厨余垃圾填埋" in zh[2], zh[2]
    ok = footprint(INFO, _sources([("会议用品", "纸张印刷品", 50, "kg", 1.1, "供应商产品碳足迹报告")]),
                   _credits([]))
    assert ok.by_source == {"materials": pytest.approx(0.055)}


def test_neutral_only_when_retired_covers_emissions() -> None:
    sources = _sources([("外购电力", "电力", 10, "MWh", None, None)])
    short = footprint(INFO, sources, _credits([("碳普惠", "SDCP-2025-000123", 2025, 6)]))
    assert not short.neutral and short.retired_t == 6
    assert any("尚差" in p for p in short.problems)


def test_bad_rows_are_named() -> None:
    with pytest.raises(ValidationFailed) as err:
        footprint(INFO, _sources([("外购电力", "电力", -1, "MWh", None, None),
                                  ("烟花", "x", 1, "kg", None, None),
                                  ("住宿", "住宿", 3, "间·夜", 20, None)]), _credits([]))
    assert [(p.row, p.column) for p in err.value.problems] == [
        (2, "数量"), (3, "类别"), (4, "排放因子")]
    with pytest.raises(ValidationFailed, match="wrong format") as err:
        footprint(INFO, _sources([]), _credits([("CCER", "12345", 2025, 1),
                                                ("CCER", "CCER-1-2-3-4", 2025, 1),
                                                ("CCER", "CCER-1-2-3-4", 2025, 1)]))
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "序列号"), (4, "序列号")]


def test_serial_retired_once_is_refused_by_the_next_event(tmp_path, store_home) -> None:
    env = {**os.environ, "COCONTROL_HOME": str(store_home)}
    env.pop("COCONTROL_DATABASE_URL", None)
    write_template(tmp_path / "a.xlsx")
    info, sources, credits = read_event(tmp_path / "a.xlsx")
    assert list(credits["序列号"]) == ["CCER-14-EXAMPLE-0001"]
    assert info["name"].endswith("（示例数据）") and len(sources) == 9

    def run(*args):
        return subprocess.run([sys.executable, "-m", "cocontrol", "event", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)

    first = run("footprint", "a.xlsx", "--format", "json", "--retire")
    assert first.returncode == 0, first.stderr
    out = json.loads(first.stdout)
    assert out["neutral"] is True and out["retired_t"] == 100
    book = load_workbook(tmp_path / "a.xlsx")
    book["活动"]["B3"] = "第二个活动"
    book.save(tmp_path / "b.xlsx")
    second = json.loads(run("footprint", "b.xlsx", "--format", "json").stdout)
    assert second["neutral"] is False and second["retired_t"] == 0
    assert any("已于“示例论坛（示例数据）”注销" in p for p in second["problems"])
    refused = run("footprint", "b.xlsx", "--retire")
    assert refused.returncode == 2 and "已被其他活动注销" in refused.stderr


def test_neutrality_report_states_the_account_and_the_credits(tmp_path) -> None:
    from docx import Document

    from cocontrol.events.report import neutrality_report
    from cocontrol.reports.write import write_report

    sources = _sources([("外购电力", "电力", 10, "MWh", None, None),
                        ("场馆燃料", "天然气", 1, "万立方米", None, None)])
    fp = footprint(INFO, sources, _credits([("CCER", "CCER-14-0001-A", 2025, 30)]))
    path = write_report(neutrality_report(INFO, fp), tmp_path / "r.docx")
    doc = Document(path)
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert f"{fp.total_t:,.2f}" in text and "已实现碳中和" in text
    assert "CCER-14-0001-A" in cells and "21,622 kgCO2e/万立方米" in cells
    lines = doc.tables[0]
    header = [c.text for c in lines.rows[0].cells]
    power = next(r for r in lines.rows if r.cells[1].text == "电力")
    assert power.cells[header.index("不确定性（±%）")].text == "10"   # grid factor ±10 %
    assert "第三方核查声明" in text


def test_a_plan_is_never_neutral_and_lists_its_measures(tmp_path) -> None:
    from docx import Document

    from cocontrol.events.report import neutrality_report
    from cocontrol.reports.write import write_report

    info = {**INFO, "stage": "plan", "measures": [("场馆使用绿色电力", 5.0)]}
    sources = _sources([("外购电力", "电力", 10, "MWh", None, None)])
    fp = footprint(info, sources, _credits([("CCER", "CCER-14-0001-A", 2025, 30)]))
    assert fp.retired_t == 30 and not fp.neutral and any("计划阶段" in p for p in fp.problems)
    doc = Document(write_report(neutrality_report(info, fp), tmp_path / "plan.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "碳中和实施计划" in text and "场馆使用绿色电力" in [
        c.text for t in doc.tables for row in t.rows for c in row.cells]


def test_travel_and_catering_factors_from_their_cited_sources() -> None:
    """2019 full-process factors reported for 毛保华's team (中国环境报 2024-03-05): HSR 30.48,
    domestic air 108.3–112.9 (mid 110.6) gCO2 per passenger-km; hotel buffets 3.092–11.948
    kgCO2e per meal (哈尔滨, 环境保护与循环经济 2024(10)), mid 7.52, half-range ±59 %."""
    sources = _sources([("交通", "高铁/火车", 1000, "人·公里", None, None),
                        ("交通", "飞机（国内）", 1000, "人·公里", None, None),
                        ("餐饮", "餐饮", 100, "人次", None, None)])
    result = footprint(INFO, sources, _credits([]))
    assert result.by_source["travel"] == pytest.approx(0.03048 + (0.1083 + 0.1129) / 2)
    assert result.by_source["catering"] == pytest.approx(100 * (3.092 + 11.948) / 2 / 1000)
    meal = result.lines[result.lines["source"] == "catering"].iloc[0]
    assert meal["rel_half_width"] == pytest.approx((11.948 - 3.092) / 2 / 7.52, abs=0.005)
    assert "转引" in meal["citation"]


def test_every_event_factor_says_where_it_comes_from() -> None:
    """Every default factor cites a document and an edition (no 平台缺省值 left); the landfill
    factors are recomputed from the IPCC 2006 Vol.5 defaults their note states."""
    from cocontrol import refdata

    table = refdata.load("event_factors")
    assert set(table["status"]) <= {"verified", "transcribed"}
    for r in table.itertuples():
        assert r.source_doc != "平台缺省值" and r.edition and "searched" not in r.note, r.item
    assert not set(table["source"]) & {"accommodation", "materials"}
    gwp = refdata.load("gwp")
    ch4 = float(gwp[(gwp["species"] == "CH4") & (gwp["gwp_set"] == "AR5")]["value"].iloc[0])
    landfill = table[table["source"] == "waste"].set_index("item")
    for item, doc in (("landfill_food", 0.15), ("landfill_paper", 0.40), ("landfill_inert", 0.0)):
        assert float(landfill.loc[item, "value"]) == pytest.approx(
            doc * 0.5 * 1.0 * 0.5 * 16 / 12 * (1 - 0.1) * ch4)
        assert f"DOC {doc:.2f}" in landfill.loc[item, "note"] or doc == 0
