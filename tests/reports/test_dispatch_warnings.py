"""The 预警事项 table (调度表 and the annual report's workbook) as an official reads it: years
as years (2023, never 2,023 — a float year once went through the thousands formatter) and the
linked tasks by the plan's own numbering (三、（一）1.), not the stored path (三.一.1)."""

from __future__ import annotations

import pandas as pd

from cocontrol.reports.dispatch import warnings_table
from cocontrol.reports.model import format_cell


def test_warning_rows_show_years_and_the_plans_numbering():
    frame = pd.DataFrame([{
        "unit": "市发展改革委", "level": "黄色预警", "indicator": "燃煤机组供电煤耗", "status_label": "存在风险",
        "latest_year": 2023.0, "latest_value": 0.4800000000000026, "target_year": 2030, "target_value": 2.0,
        "target_unit": "%", "reason": "…", "tasks": "三.一.1 着力推动煤炭清洁高效利用；三.一.专栏1.8 储能示范项目",
    }])
    table = warnings_table(frame)
    row = dict(zip([c.label for c in table.columns], table.rows[0], strict=True))
    assert format_cell(row["最新年份"]) == "2023" and format_cell(row["目标年"]) == "2030"
    assert format_cell(row["最新值"]) == "0.48"
    assert row["关联任务"] == "三、（一）1. 着力推动煤炭清洁高效利用；三、（一）专栏1 8. 储能示范项目"
