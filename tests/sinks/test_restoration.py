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


def test_survival_above_100_percent_is_refused(tmp_path) -> None:
    path = tmp_path / "p.xlsx"
    write_template(path)
    book = load_workbook(path)
    book["监测"]["C2"] = 104
    book["监测"]["A3"] = "not a date"
    book.save(path)
    with pytest.raises(ValidationFailed) as err:
        read_project(path)
    assert {(p.row, p.column) for p in err.value.problems} == {(2, "shoot_survival"),
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
