"""Seagrass / salt-marsh restoration: survival against the project's thresholds, the sink range."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from cocontrol.errors import ValidationFailed
from cocontrol.sinks.project import read_project, write_template
from cocontrol.sinks.restoration import (
    Project,
    biomass_stock_t,
    eligibility,
    sink_range,
    survey_status,
)

WEIHAI = Project(name="鳗草", sink_type="seagrass", area_ha=1150 / 15,
                 start=pd.Timestamp("2024-04-01"), care_years=3, shoot_threshold=0.45,
                 seedling_threshold=0.30)


def _surveys(rows):
    frame = pd.DataFrame(rows, columns=["date", "shoot_survival", "seedling_survival", "cover"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame.index = frame.index + 2
    return frame


def test_survival_on_the_threshold() -> None:
    status = survey_status(WEIHAI, _surveys([
        ("2024-10-01", 0.449, 0.35, None),   # shoots just below 45 %
        ("2025-10-01", 0.45, 0.30, None),    # exactly on both thresholds
        ("2026-10-01", 0.50, 0.299, None),   # seedlings just below 30 %
        ("2027-10-01", 0.10, 0.10, None),    # after the 3 years of care
    ]))
    assert list(status["status"]) == ["未达标", "达标", "未达标", "管护期外"]


def test_sink_range_for_1150_mu_from_the_cited_rates() -> None:
    # 1150 亩 = 76.667 ha; IPCC 2013 Wetlands Supplement seagrass 0.2 / 0.43 / 0.6 tC/ha/yr
    rng = sink_range(WEIHAI)
    ha = 1150 / 15
    assert rng["low_t"] == pytest.approx(ha * 0.2 * 44 / 12)
    assert rng["central_t"] == pytest.approx(ha * 0.43 * 44 / 12)   # ≈ 120.9 t CO2/yr
    assert rng["high_t"] == pytest.approx(ha * 0.6 * 44 / 12)
    assert rng["central_t"] == pytest.approx(120.9, abs=0.05)
    assert sink_range(WEIHAI, cover=0.5)["central_t"] == pytest.approx(rng["central_t"] / 2)


def test_biomass_is_a_one_off_stock_not_a_yearly_sink() -> None:
    # Sanggou Bay: 646.6 g DW/m², tissue carbon 35.5 %
    stock = biomass_stock_t(WEIHAI, 646.6, cover=1.0)
    assert stock == pytest.approx(646.6 * (1150 / 15) * 1e4 * 0.355 / 1e6 * 44 / 12)
    assert biomass_stock_t(WEIHAI, None) is None


def test_salt_marsh_eligibility_needs_cover_below_five_percent() -> None:
    marsh = Project(name="盐沼", sink_type="salt_marsh", area_ha=10, start=pd.Timestamp("2025-01-01"),
                    care_years=3, shoot_threshold=0.5, seedling_threshold=0.3,
                    pre_project_cover=0.05)
    assert "不符合" in eligibility(marsh)[0]
    ok = Project(**{**marsh.__dict__, "pre_project_cover": 0.049})
    assert "符合 CCER-14-003" in eligibility(ok)[0] and "不符合" not in eligibility(ok)[0]
    assert "does not meet" in eligibility(marsh, "en")[0]
    assert "CCER-14-003-V01 applies" in eligibility(ok, "en")[0]


def test_survival_above_100_percent_is_refused(tmp_path) -> None:
    path = tmp_path / "p.xlsx"
    write_template(path)
    book = load_workbook(path)
    book["监测"]["C2"] = 104
    book["监测"]["A3"] = "not a date"
    book.save(path)
    with pytest.raises(ValidationFailed) as err:
        read_project(path)
    assert {(p.row, p.column) for p in err.value.problems} == {(2, "植株成活率(%)"),
                                                               (3, "日期")}


def test_cli_restoration_contract(tmp_path) -> None:
    write_template(tmp_path / "p.xlsx")
    done = subprocess.run([sys.executable, "-m", "cocontrol", "sinks", "restoration", "p.xlsx",
                           "--format", "json"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300, env={**os.environ})
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert [s["status"] for s in out["surveys"]] == ["达标", "未达标"]  # 44.9 % < 45 %
    assert out["area_ha"] == pytest.approx(76.667, abs=1e-3)
    low, central, high = (out["sink_t_per_year"][k] for k in ("low", "central", "high"))
    assert low < central < high


def test_weihai_thresholds_are_quoted_from_the_seed_plan() -> None:
    """Every 威海 plan figure in sink_restoration.csv is 'verified' only because its quote is in
    the plan text (seeds/000_622501f90e077414.txt, 威政字〔2024〕52号) and holds its value."""
    import re
    from pathlib import Path

    from cocontrol import refdata
    from cocontrol.sinks.restoration import weihai_plan_parameters

    plan = re.sub(r"\s+", "", (Path(__file__).resolve().parents[2] / "examples" / "seeds"
                               / "000_622501f90e077414.txt").read_text(encoding="utf-8"))
    table = refdata.load("sink_restoration")
    rows = table[table["parameter"].str.startswith("weihai_")]
    assert len(rows) == 6 and set(rows["status"]) == {"verified"}
    shown = {"area": "1150亩", "shoots_planted": "2300万株", "seeds_sown": "3000万粒",
             "care_years": "3年管护", "shoot_threshold": "植株保存率不低于45%",
             "seedling_threshold": "种子实生苗保存率不低于30%"}
    for r in rows.itertuples():
        quote = re.search(r'quote: "(.+?)"', r.note).group(1)
        assert quote in plan, r.parameter
        assert shown[r.parameter[len("weihai_"):]] in quote
    assert weihai_plan_parameters() == {"area": 1150, "shoots_planted": 23_000_000,
                                        "seeds_sown": 30_000_000, "care_years": 3,
                                        "shoot_threshold": 0.45, "seedling_threshold": 0.30}


def test_stored_projects_enter_blue_carbon_in_place_of_file_rows() -> None:
    from cocontrol.sinks.blue import removals_by_year
    from cocontrol.sinks.restoration import StoredProject, merge_projects, project_activity

    sp = StoredProject(project=WEIHAI, region="威海市", label="illustrative", surveys=_surveys([
        ("2024-10-01", 0.52, 0.35, 0.40), ("2025-06-01", 0.50, 0.33, 0.30),
        ("2025-10-01", 0.46, 0.31, 0.45)]))
    rows = project_activity([sp])
    assert list(rows["year"].unique()) == [2024, 2025]
    # the year's last survey gives the cover: 2025 → 45 %, the same central figure as sink_range
    file_rows = pd.DataFrame([["威海市", 2025, "seagrass", "鳗草", "area", 1150, "亩", "real"],
                              ["威海市", 2025, "seagrass", "别的海草床", "area", 150, "亩", "real"]],
                             columns=["region", "year", "sink_type", "item", "variable", "value",
                                      "unit", "label"])
    merged = merge_projects(file_rows, rows)
    _, blue = removals_by_year(merged, "威海市")
    central = sink_range(WEIHAI, 0.45)["central_t"]
    assert blue[2025] == pytest.approx(central + 10 * 0.43 * 44 / 12)   # 150 亩 = 10 ha kept
    assert blue[2024] == pytest.approx(sink_range(WEIHAI, 0.40)["central_t"])
    assert merge_projects(file_rows, project_activity([])) is file_rows


def test_report_chapter_lists_stored_projects_with_status_and_range() -> None:
    from cocontrol.sinks.report import chapter
    from cocontrol.sinks.restoration import StoredProject

    sp = StoredProject(project=WEIHAI, region="测试市", label="illustrative", surveys=_surveys([
        ("2024-10-01", 0.52, 0.35, 0.40), ("2025-10-01", 0.449, 0.31, 0.45)]))
    empty = pd.DataFrame(columns=["region", "year", "sink_type", "item", "variable", "value",
                                  "unit", "label"])
    sec = chapter("测试市", 2025, None, empty, projects=[sp])
    table = next(b for b in sec.blocks if getattr(b, "caption", "").startswith("海草床、盐沼修复项目"))
    row = table.rows[0]
    assert row[4:6] == ["2025-10-01", "未达标"] and row[-1] == "示例"
    ha = 1150 / 15
    assert row[6:9] == pytest.approx([ha * 0.45 * r * 44 / 12 for r in (0.2, 0.43, 0.6)])
    as_of_2024 = next(b for b in chapter("测试市", 2024, None, empty, projects=[sp]).blocks
                  if getattr(b, "caption", "").startswith("海草床"))
    assert as_of_2024.rows[0][4:6] == ["2024-10-01", "达标"]
    surveys = next(b for b in sec.blocks if getattr(b, "caption", "") == "修复项目监测结果")
    assert [r[1] for r in surveys.rows] == ["2024-10-01", "2025-10-01"]
    assert [r[-1] for r in surveys.rows] == ["达标", "未达标"]
    assert surveys.rows[1][2] == pytest.approx(44.9)
    assert chapter("别的市", 2025, None, empty, projects=[sp]) is None
