"""Every workbook the product writes keeps plan and user text as text (issue 11): a cell
starting with =, +, -, @ is never a live formula — checked in the saved file's XML (no
``<f>`` element) for the report/dispatch writer, the inventory workbook, the plan review
workbook and the observation template."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import yaml
from openpyxl import load_workbook

from cocontrol.excel import escape_formulas, is_risky
from cocontrol.inventory.workbook import write_workbook
from cocontrol.plans.io import write_xlsx
from cocontrol.plans.model import PlanDocument
from cocontrol.reports.model import Column, Report, Section, Table
from cocontrol.reports.xlsx import render_xlsx
from cocontrol.tracking.template import write_template

EVIL = ['=HYPERLINK("http://evil.example","点击")', "+1+1", "-2+3", "@SUM(A1)",
        "=cmd|' /C calc'!A0"]
PLAN = Path(__file__).resolve().parents[1] / "examples" / "plans" / "zibo-2024-synergy.yaml"


def _formulas(path: Path) -> list[str]:
    """The ``<f>`` (formula) elements in every sheet of a saved workbook."""
    with zipfile.ZipFile(path) as zf:
        xml = "".join(zf.read(n).decode() for n in zf.namelist()
                      if n.startswith("xl/worksheets/"))
    return re.findall(r"<f>.*?</f>", xml)


def _texts(path: Path) -> set[str]:
    book = load_workbook(path)
    return {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None}


def test_is_risky() -> None:
    assert all(is_risky(t) for t in EVIL)
    assert not any(is_risky(t) for t in ("济南市", "1", "", "下降14.8%", None, 3.0, -2.0))


def test_report_and_dispatch_writer(tmp_path) -> None:
    table = Table("调度表", [Column("任务"), Column("进展")], [[t, "按期推进"] for t in EVIL])
    report = Report("报告", sections=[Section("一、调度", [table])])
    path = tmp_path / "dispatch.xlsx"
    path.write_bytes(render_xlsx(report))
    assert _formulas(path) == []
    assert set(EVIL) <= _texts(path)  # the text itself is kept, as text


def test_inventory_workbook(tmp_path) -> None:
    result = pd.DataFrame({"region": EVIL, "year": 2020, "sector": "Others",
                           "fuel": "Raw_Coal", "species": "CO2", "value": 1.0, "unit": "t",
                           "scope": 1})
    path = write_workbook(result, tmp_path / "inv.xlsx")
    assert _formulas(path) == []
    assert set(EVIL) <= _texts(path)


def test_plan_review_workbook_and_template(tmp_path) -> None:
    doc = PlanDocument.model_validate(yaml.safe_load(PLAN.read_text(encoding="utf-8")))
    doc.targets[0].indicator = EVIL[0]
    doc.targets[1].indicator = EVIL[3]
    doc.tasks[0].title = EVIL[1]
    write_xlsx(doc, tmp_path / "plan.xlsx")
    write_template(doc, tmp_path / "template.xlsx")
    for name in ("plan.xlsx", "template.xlsx"):
        assert _formulas(tmp_path / name) == [], name
        assert {EVIL[0], EVIL[3]} <= _texts(tmp_path / name), name


def test_escape_formulas_keeps_numbers() -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["=1+1", -5, 2.5, "-"])
    escape_formulas(book)
    a, b, c, d = book.active[1]
    assert (a.data_type, a.value) == ("s", "=1+1")
    assert (b.data_type, b.value, c.value) == ("n", -5, 2.5)
    assert d.data_type == "s"
