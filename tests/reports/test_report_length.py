"""A report for the mayor stays short (issue 9, item 7): 存在问题 names the worst targets only,
下一步工作 one sentence per group of units, formulas and data notes go to the Excel workbook."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cocontrol.reports.annual import PROBLEMS_SHOWN, build_annual

from .test_report_annual import _paragraphs, results  # noqa: F401  (fixture)


def _many_lagging(res):  # type: ignore[no-untyped-def]
    """Ten more targets: t3…t8 存在风险, t9…t12 严重滞后 (all judged from a 2025 value)."""
    rows = []
    for i in range(3, 13):
        severe = i >= 9
        rows.append({"target_id": f"t{i}", "region": "测试市", "indicator": f"指标{i}", "target_year": 2025,
                     "target_value": 100.0, "unit": "%", "relation": ">=", "latest_year": 2025,
                     "latest_value": 50.0 + i, "status": "off_track" if severe else "at_risk",
                     "status_label": "严重滞后" if severe else "存在风险", "forecast": None, "forecast_low": None,
                     "forecast_high": None, "reason": None})
    res.status = pd.concat([res.status, pd.DataFrame(rows)], ignore_index=True)
    return res


def test_problems_name_the_worst_first_and_point_to_the_workbook(results):  # noqa: F811
    report = build_annual(_many_lagging(results), date=dt.date(2026, 1, 15))
    problems = [p for p in _paragraphs(report.sections[6]) if "：目标为" in p]
    assert len(problems) == PROBLEMS_SHOWN == 6
    # 严重滞后 first: t2 (新能源装机规模) and t9…t12, then the first 存在风险 (t3)
    assert [p.split("：")[0] for p in problems] == ["新能源装机规模", "指标9", "指标10", "指标11", "指标12", "指标3"]
    assert "以上为最突出的6项，全部11项滞后或存在风险的目标见Excel工作簿。" in _paragraphs(report.sections[6])
    sheet = next(t for t in report.workbook if t.sheet == "滞后目标（全部）")
    assert len(sheet.rows) == 11


def test_next_steps_one_sentence_per_group_of_units(results):  # noqa: F811
    report = build_annual(_many_lagging(results), date=dt.date(2026, 1, 15))
    steps = [p for p in _paragraphs(report.sections[7]) if p.startswith("督促")]
    assert steps[0].startswith("督促市发展改革委、市能源局对照“新能源装机规模”目标")
    # the ten targets without a named unit: one sentence, worst three named, the count given
    assert steps[1] == "督促相关责任单位对照“指标9”“指标10”“指标11”等10项目标加快推进相关工作，按月调度进展。"
    assert len(steps) == 2


def test_formulas_in_the_workbook_not_the_annex(results):  # noqa: F811
    report = build_annual(results, date=dt.date(2026, 1, 15))
    annex = {e.title: e.text for e in report.annex}
    assert annex["派生指标计算口径"] == "1项派生指标的计算公式见Excel工作簿。"
    table = next(t for t in report.workbook if t.sheet == "计算口径")
    assert table.rows == [["单位GDP二氧化碳排放", "CO2排放量 ÷ 不变价GDP"]]


def test_grouped_next_steps_in_english(results):  # noqa: F811
    import re

    from cocontrol.reports.english import english

    report = english(build_annual(_many_lagging(results), date=dt.date(2026, 1, 15)))
    steps = [p for p in _paragraphs(report.sections[7]) if p.startswith("Urge")]
    assert len(steps) == 2 and not any(re.search(r"[\u4e00-\u9fff]", s) for s in steps[1:]), steps
    assert "and the other targets (10 in all)" in steps[1]


SEED_CITIES = ("济南", "淄博", "威海", "荣成")
MAX_PAGES = 15
"""A report for the mayor is about 15 pages (issue 9, item 7); the detail is in the Excel workbook.
威海 and 荣成 were 16 until the methods annex took 四号 with run-in headings (each item one line
shorter) and an unmonitored restoration project a sentence instead of a table of dashes."""


@pytest.mark.slow
def test_seed_city_reports_at_most_15_pages(tmp_path, monkeypatch):
    """Each seed city's annual PDF on a fresh store, written as ``cocontrol report annual`` writes it.
    威海 (75 targets, 45 at risk in 2023) and 荣成 were 20 and 19 pages with every target listed."""
    import io

    from pypdf import PdfReader
    from typer.testing import CliRunner

    from cocontrol.cli import app as cli
    from cocontrol.store.db import dispose_engines

    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    monkeypatch.delenv("COCONTROL_EXAMPLES", raising=False)
    pages = {}
    try:
        for city in SEED_CITIES:
            out = tmp_path / f"{city}.pdf"
            result = CliRunner().invoke(cli, ["report", "annual", "--region", city, "--year", "2023", "-o", str(out)])
            assert result.exit_code == 0, result.output
            pages[city] = len(PdfReader(io.BytesIO(out.read_bytes())).pages)
    finally:
        dispose_engines()
    assert all(n <= MAX_PAGES for n in pages.values()), pages
