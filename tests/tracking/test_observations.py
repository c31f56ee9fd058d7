"""Reading, validating, converting and versioning observations (real files in tmp_path)."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from cocontrol.errors import ValidationFailed
from cocontrol.tracking.observations import merge_versions, read_observations, resolve_target
from cocontrol.tracking.targets import targets_frame
from cocontrol.tracking.template import write_template
from tests.tracking.conftest import make_plan

TARGETS = [
    {"id": "wind", "indicator": "海上风电在运在建装机规模", "year": 2026, "value": 260, "unit": "万千瓦",
     "relation": ">=", "responsible": ["市发展改革委"]},
    {"id": "share", "indicator": "非化石能源消费占比", "year": 2026, "value": 25, "unit": "%",
     "relation": ">="},
    {"id": "nox", "indicator": "氮氧化物排放总量减少", "year": 2025, "qualitative": "完成上级分解任务"},
    {"id": "co2", "indicator": "单位地区生产总值二氧化碳排放", "year": 2026, "value": 3, "unit": "%",
     "relation": "reduce_by", "annual_rate": True, "base_year": 2023},
]
PLAN = make_plan(TARGETS)

HEADER = "地区,目标编号,指标,年份,数值,单位,来源\n"


def write(tmp_path, text, name="obs.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_gbk_chinese_headers_unit_conversion(tmp_path):
    text = HEADER + ("威海市,wind,,2025,1800,MW,市发改委\n"
                     "威海市,,非化石能源消费占比（%）,2025,21.5,%,统计局\n"
                     "威海市,nox,,2024,完成,,生态环境局\n"
                     "威海市,co2,,2024,2.95,吨/万元,核算\n")
    obs = read_observations(write(tmp_path, text, encoding="gbk"), plan=PLAN, submitter="市发展改革委")
    wind = obs.set_index("target").loc["wind"]
    assert wind["value"] == pytest.approx(180) and wind["unit"] == "万千瓦"
    assert wind["orig_value"] == 1800 and wind["orig_unit"] == "MW"
    assert obs.set_index("target").loc["share", "kind"] == "level"  # resolved by indicator text
    assert obs.set_index("target").loc["nox", "kind"] == "judgement"
    assert obs.set_index("target").loc["co2", "kind"] == "level"  # a level for a change target
    assert set(obs["submitter"]) == {"市发展改革委"}


def test_every_bad_row_listed_nothing_returned(tmp_path):
    text = HEADER + ("威海市,wind,,2025,326,万吨,x\n"        # row 2: unit of another kind
                     "威海市,share,,二〇二五,21,%,x\n"      # row 3: bad year
                     "威海市,,不存在的指标,2025,1,%,x\n"    # row 4: unknown target
                     "威海市,nox,,2024,差不多,,x\n"          # row 5: not a judgement
                     "威海市,share,,2024,20,%,x\n"          # rows 6 and 7: duplicate
                     "威海市,share,,2024,20.5,%,x\n")
    with pytest.raises(ValidationFailed) as err:
        read_observations(write(tmp_path, text), plan=PLAN)
    rows = sorted(p.row for p in err.value.problems)
    assert rows == [2, 3, 4, 5, 6, 7]
    msg = str(err.value)
    assert "'万吨'" in msg and "'万千瓦'" in msg and "obs.csv" in msg
    unit_problem = next(p for p in err.value.problems if p.row == 2)
    assert unit_problem.column == "unit"


def test_missing_columns(tmp_path):
    with pytest.raises(ValidationFailed, match="missing column"):
        read_observations(write(tmp_path, "地区,数值\n威海市,1\n"), plan=PLAN)


def test_template_round_trip(tmp_path):
    path = write_template(PLAN, tmp_path / "t.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["填报", "目标", "说明"]
    ws = wb["填报"]
    header = [c.value for c in ws[1]]
    assert header[:8] == ["地区", "规划", "目标编号", "指标", "年份", "月份", "数值", "单位"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    # one row per target × year: horizon 2024–2026 → wind 2023..2026, co2 base 2023..2026 …
    assert ("wind", 2023) in {(r[2], r[4]) for r in rows} and ("wind", 2026) in {(r[2], r[4]) for r in rows}
    assert any(dv.formula1 == '"完成,进展正常,存在风险,未完成"' for dv in ws.data_validations.dataValidation)
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 3).value == "wind" and ws.cell(r, 5).value == 2025:
            ws.cell(r, 7).value = 2000
            ws.cell(r, 8).value = "MW"
        if ws.cell(r, 3).value == "nox" and ws.cell(r, 5).value == 2024:
            ws.cell(r, 7).value = "进展正常"
    wb.save(path)
    obs = read_observations(path, plan=PLAN)
    assert len(obs) == 2  # unfilled rows are skipped, 说明/目标 sheets ignored
    assert obs.set_index("target").loc["wind", "value"] == pytest.approx(200)
    assert obs.set_index("target").loc["nox", "sheet"] == "填报"


def test_excel_error_names_sheet_and_row(tmp_path):
    path = write_template(PLAN, tmp_path / "t.xlsx")
    wb = load_workbook(path)
    wb["填报"].cell(3, 7).value = "abc"
    wb.save(path)
    with pytest.raises(ValidationFailed) as err:
        read_observations(path, plan=PLAN)
    (p,) = err.value.problems
    assert (p.sheet, p.row, p.column) == ("填报", 3, "value")


def test_merge_versions_latest_counts_history_kept(tmp_path):
    first = read_observations(write(tmp_path, HEADER + "威海市,wind,,2025,180,万千瓦,a\n"), plan=PLAN)
    second = read_observations(write(tmp_path, HEADER + "威海市,wind,,2025,190,万千瓦,b\n"
                                     "威海市,wind,,2024,150,万千瓦,b\n", "b.csv"), plan=PLAN)
    h1 = merge_versions(None, first, submitted_at="2026-01-01T00:00:00+00:00")
    path = tmp_path / "history.csv"
    h1.to_csv(path, index=False)
    h2 = merge_versions(pd.read_csv(path), second)
    assert len(h2) == 3
    y25 = h2[h2["year"] == 2025].set_index("version")
    assert list(y25.index) == [1, 2]
    assert y25.loc[1, "value"] == 180 and not y25.loc[1, "is_latest"]
    assert y25.loc[2, "value"] == 190 and y25.loc[2, "is_latest"]
    assert h2[h2["year"] == 2024]["version"].tolist() == [1]


def test_resolver_exact_then_containment_and_ambiguity():
    t = targets_frame(make_plan([*TARGETS, {"id": "a", "indicator": "营运车辆单位运输周转量二氧化碳排放", "year": 2025, "value": 4, "unit": "%", "relation": "reduce_by", "base_year": 2020}, {"id": "b", "indicator": "营运船舶单位运输周转量二氧化碳排放", "year": 2025, "value": 3.5, "unit": "%", "relation": "reduce_by", "base_year": 2020}, {"id": "wind25", "indicator": "海上风电在运在建装机规模", "year": 2025, "value": 200, "unit": "万千瓦", "relation": ">="}, {"id": "pm", "indicator": "细颗粒物（PM2.5）浓度", "year": 2025, "value": 24, "unit": "μg/m³", "relation": "<="}]))
    assert resolve_target("非化石能源消费占比(%)", t) == (["share"], [])
    # milestones of one indicator all take the observation
    assert resolve_target("海上风电", t) == (["wind", "wind25"], [])
    # a unit in brackets is dropped, a name in brackets kept
    assert resolve_target("细颗粒物（PM2.5）浓度（μg/m3）", t) == (["pm"], [])
    assert resolve_target("PM2.5浓度", t) == (["pm"], [])
    found, candidates = resolve_target("单位运输周转量二氧化碳排放", t)
    assert found == [] and len(candidates) == 2
