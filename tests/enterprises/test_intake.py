"""Bad input: every problem named with file, sheet, row and column; nothing computed."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.enterprises.intake import read_dataset
from cocontrol.enterprises.template import write_template
from cocontrol.errors import ValidationFailed

from .conftest import coal, enterprise, write


def _problems(folder):
    with pytest.raises(ValidationFailed) as err:
        read_dataset(folder)
    return err.value.problems


def _find(problems, sheet, row, column):
    hits = [p for p in problems if p.sheet == sheet and p.row == row and p.column == column]
    assert hits, f"no problem at {sheet} row {row} column {column}: {[str(p) for p in problems]}"
    return hits[0]


def test_every_bad_cell_is_listed_with_file_sheet_row_and_column(tmp_path) -> None:
    folder = write(tmp_path / "bad", {
        "enterprises": [enterprise(), enterprise("B", uscc="91350100M000100Y44"),
                        enterprise("C", industry="火电")],
        "fuel": [coal(1), coal(13), coal(2, carbon_content=26.37), coal(3, amount=-5),
                 coal(4, enterprise_id="X"), coal(5, carbon_content=0.5),
                 coal(6, oxidation="150%"), coal(1), coal(2, facility_id="U2", hours=700)],
        "controls": [{"enterprise_id": "A", "facility_id": "U9", "species": "SO2",
                      "efficiency": 0.9, "start": None, "end": None}],
        "electricity": [{"enterprise_id": "A", "year": 2024, "month": 0, "purchased_mwh": 10,
                         "green_mwh": 20}],
    })
    problems = _problems(folder)
    assert "check character 3" in str(_find(problems, "enterprises", 3, "uscc"))
    _find(problems, "enterprises", 4, "industry")
    assert "1–12" in str(_find(problems, "fuel", 3, "month"))
    unit = _find(problems, "fuel", 4, "carbon_content")
    assert "tC/TJ" in unit.message and "0.02637" in unit.expected  # the factor 1000 detected
    assert "negative" in _find(problems, "fuel", 5, "amount").message
    assert "unknown enterprise" in _find(problems, "fuel", 6, "enterprise_id").message
    assert "out of range" in _find(problems, "fuel", 7, "carbon_content").message
    _find(problems, "fuel", 8, "oxidation")
    assert "duplicate" in _find(problems, "fuel", 9, "fuel").message
    hours = _find(problems, "fuel", 10, "hours")  # February 2024 has 29 × 24 = 696 hours
    assert "more hours than the month has" in hours.message and hours.expected == "≤ 696 h"
    assert "unknown facility" in _find(problems, "controls", 2, "facility_id").message
    _find(problems, "electricity", 2, "month")
    _find(problems, "electricity", 2, "green_mwh")
    assert all(p.file and p.file.startswith(str(folder)) for p in problems)


def test_cems_rows_out_of_order_duplicated_negative_or_unknown(tmp_path) -> None:
    t = pd.Timestamp("2024-01-01")
    rows = [{"enterprise_id": "A", "stack_id": "S1", "time": t + pd.Timedelta(hours=h),
             "flow": 1e5, "so2": 10.0} for h in (0, 1, 2, 1, 3, 3)]
    rows.append({"enterprise_id": "A", "stack_id": "S1", "time": t + pd.Timedelta(hours=4),
                 "flow": -1.0, "so2": 10.0})
    rows.append({"enterprise_id": "Z", "stack_id": "S2", "time": t, "flow": 1.0, "so2": 1.0})
    folder = write(tmp_path / "c", {"enterprises": [enterprise()], "fuel": [coal(1)],
                                    "cems": rows})
    problems = _problems(folder)
    here = [p.message for p in problems if p.sheet == "cems" and p.row == 5]
    assert any("out of order" in m for m in here)  # hour 1 after hour 2 (also a duplicate)
    dups = [p for p in problems if p.sheet == "cems" and "duplicated" in p.message]
    assert {p.row for p in dups} == {5, 7}  # the second hour 1 and the second hour 3
    assert "negative" in _find(problems, "cems", 8, "flow").message
    assert "unknown enterprise" in _find(problems, "cems", 9, "enterprise_id").message


def test_overlapping_controls_and_missing_sheets_are_refused(tmp_path) -> None:
    ctrl = [{"enterprise_id": "A", "facility_id": "U1", "species": "SO2", "efficiency": 0.9,
             "start": "2024-01-01", "end": "2024-08-01"},
            {"enterprise_id": "A", "facility_id": "U1", "species": "SO2", "efficiency": 0.95,
             "start": "2024-07-01", "end": None}]
    folder = write(tmp_path / "o", {"enterprises": [enterprise()], "fuel": [coal(1)],
                                    "controls": ctrl})
    assert "overlaps" in _find(_problems(folder), "controls", 3, "start").message
    empty = write(tmp_path / "e", {"enterprises": [enterprise()]})
    assert any(p.sheet == "fuel" and "missing sheet" in p.message for p in _problems(empty))


def test_the_template_reads_back_and_an_empty_template_is_refused(tmp_path) -> None:
    path = write_template(tmp_path / "t.xlsx")
    problems = _problems(path)
    assert {p.sheet for p in problems} == {"enterprises", "fuel"}
    assert all("no rows" in p.message for p in problems)
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["enterprises"].append(list(enterprise().values()))
    book["fuel"].append([coal(1)[c] for c in ("enterprise_id", "facility_id", "year", "month",
                                              "fuel", "amount", "unit", "ncv", "carbon_content",
                                              "oxidation", "sulfur", "measured")])
    book.save(path)
    data = read_dataset(path)
    assert data.fuel.at[0, "carbon_content"] == 0.026 and bool(data.fuel.at[0, "measured"])
