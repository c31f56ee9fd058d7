"""Reports show a bare-number target's direction as tracking judged it (建成90座 → 不低于)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from cocontrol.plans.model import Plan, PlanDocument, Target
from cocontrol.reports.annual import build_annual
from cocontrol.reports.dispatch import dispatch_rows
from cocontrol.reports.model import Table
from cocontrol.reports.workspace import Workspace, gather


def _workspace() -> Workspace:
    doc = PlanDocument(
        plan=Plan(id="z", title="测试方案", region="测试市", horizon=(2024, 2025)),
        targets=[Target(id="t1", indicator="建成或改造综合能源港", year=2025, value=90, unit="座",
                        relation="=", quote="到2025年，全市建成或改造综合能源港90座。",
                        responsible=["市能源局"])])
    obs = pd.DataFrame({"region": ["测试市"] * 2, "plan": ["z"] * 2, "target": ["t1"] * 2,
                        "year": [2024, 2025], "value": [80.0, 95.0], "unit": ["座"] * 2})
    return Workspace(plans=[doc], observations=obs, name="手工工作区")


def test_dispatch_and_annual_say_not_lower_than():
    """95 built against a bare 90: judged ≥ → 已完成, direction 不低于 in both reports."""
    res = gather("测试市", 2025, _workspace(), layers=("tracking",))
    row = res.status.iloc[0]
    assert (row["judged_relation"], row["status"]) == (">=", "achieved")
    assert dispatch_rows(res).loc[0, "目标方向"] == "不低于"
    report = build_annual(res, date=dt.date(2026, 1, 15))
    table = next(b for b in report.sections[1].blocks if isinstance(b, Table))
    header = [c.header for c in table.columns]
    cells = dict(zip(header, table.rows[0], strict=True))
    assert cells["目标"] == "2025年不低于90座" and cells["状态"] == "已完成"
    assert cells["最新值（年份）"] == "95座（2025年）"
    detail = next(t for t in report.workbook if t.caption == "目标指标完成情况明细")
    cells = dict(zip([c.header for c in detail.columns], detail.rows[0], strict=True))
    assert "按“不低于”判定（原文含“建成”" in cells["判定说明"]
