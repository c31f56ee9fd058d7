"""碳中和证明: only for an actual account whose retired credits cover its emissions; the
document states the event, period, emissions with their interval and every credit retired."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from cocontrol.events.certificate import certificate, facts_from_footprint, refusal
from cocontrol.events.footprint import footprint
from cocontrol.events.workbook import write_template
from tests.events.test_footprint import _credits, _sources  # the workbook sheets as read

INFO = {"name": "测试会议", "region": "山东", "year": 2023, "type": "会议",
        "start": pd.Timestamp("2026-05-20"), "end": "2026-05-21", "venue": "威海国际会展中心",
        "city": "威海市", "attendees": 600}




ELECTRICITY = _sources([("外购电力", "电力", 10, "MWh", None, None)])   # 10 × 0.6191 = 6.191 t


def test_certificate_states_event_emissions_interval_and_credits(tmp_path) -> None:
    from docx import Document

    from cocontrol.reports.write import write_report

    fp = footprint(INFO, ELECTRICITY, _credits([("CCER", "CCER-14-0001-A", 2025, 4),
                                                ("碳普惠", "SDCP-2025-000123", 2024.0, 3)]))
    facts = facts_from_footprint(INFO, fp)
    assert refusal(facts) is None
    doc = Document(write_report(certificate(facts), tmp_path / "c.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    # 6.191 t with a 10 % grid-factor half-width: 6.191 ± 0.619 → 5.57—6.81
    assert "6.19 吨二氧化碳当量（95% 置信区间 5.57—6.81 吨" in text
    assert "测试会议碳中和证明" in text and "2026-05-20—2026-05-21" in cells
    assert "威海国际会展中心" in cells
    assert cells[
        cells.index("CCER-14-0001-A") - 1: cells.index("CCER-14-0001-A") + 3] == ["国家核证自愿减排量（CCER）", "CCER-14-0001-A", "2025", "4.00"]
    assert "碳普惠核证减排量" in cells and "2024" in cells and "2024.0" not in cells
    assert "注销量 7.00 吨不少于排放量 6.19 吨" in text and "第三方核查意见" in text


def test_not_neutral_is_refused_in_one_chinese_line() -> None:
    short = facts_from_footprint(INFO, footprint(INFO, ELECTRICITY, _credits([
        ("CCER", "CCER-14-0001-A", 2025, 6)])))
    line = refusal(short)
    assert line == ("“测试会议”未实现碳中和：排放 6.19 吨二氧化碳当量，已注销 6.00 吨，尚差 0.19 吨，"
                    "不能出具碳中和证明。")
    with pytest.raises(ValueError):
        certificate(short)
    plan = {**INFO, "stage": "plan"}
    planned = facts_from_footprint(plan, footprint(plan, ELECTRICITY, _credits([
        ("CCER", "CCER-14-0001-A", 2025, 30)])))
    assert "计划阶段" in refusal(planned) and "\n" not in refusal(planned)
    exact = facts_from_footprint(INFO, footprint(INFO, _sources([
        ("住宿", "住宿", 10, "间·夜", 100, "酒店账单")]), _credits([("CER", "CER-1234-5", 2012, 1)])))
    assert exact.total_t == pytest.approx(1.0) and refusal(exact) is None   # retired = emissions


def test_cli_certificate(tmp_path, store_home) -> None:
    env = {**os.environ, "COCONTROL_HOME": str(store_home)}
    env.pop("COCONTROL_DATABASE_URL", None)
    write_template(tmp_path / "a.xlsx")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "cocontrol", "event", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)

    done = run("report", "a.xlsx", "--certificate")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "碳中和证明.docx").read_bytes()[:2] == b"PK"
    book = load_workbook(tmp_path / "a.xlsx")
    for row in book["抵消"].iter_rows(min_row=2):
        row[3].value = 10     # 10 t retired against 55.41 t
    book.save(tmp_path / "b.xlsx")
    refused = run("report", "b.xlsx", "--certificate", "-o", "b.pdf")
    assert refused.returncode == 2 and not (tmp_path / "b.pdf").exists()
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "未实现碳中和" in refused.stderr and "尚差 45.41 吨" in refused.stderr
    report = run("report", "b.xlsx")      # the report itself is still written
    assert report.returncode == 0 and (tmp_path / "碳中和报告.docx").exists()
