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
    # an achieved target is counted in the report's status chapter and listed in the workbook
    assert "1项目标中没有滞后或存在风险的目标（已完成1项），明细见Excel工作簿“目标状态”表。" in [
        getattr(b, "text", None) for b in report.sections[1].blocks]
    assert not any(isinstance(b, Table) for b in report.sections[1].blocks)
    table = next(t for t in report.workbook if t.sheet == "目标状态")
    header = [c.header for c in table.columns]
    cells = dict(zip(header, table.rows[0], strict=True))
    assert cells["目标"] == "2025年不低于90座" and cells["状态"] == "已完成"
    assert cells["最新值（年份）"] == "95座（2025年）"
    detail = next(t for t in report.workbook if t.caption == "目标指标完成情况明细")
    cells = dict(zip([c.header for c in detail.columns], detail.rows[0], strict=True))
    assert "按“不低于”判定（原文含“建成”" in cells["判定说明"]


def _qualitative(values: list[object]) -> Workspace:
    """济南's 单位地区生产总值二氧化碳排放 2025 “完成省下达目标任务” (no number), with the
    informative level 1.13 吨/万元 (2024) a department reported beside it."""
    doc = PlanDocument(
        plan=Plan(id="q", title="测试方案", region="测试市", horizon=(2023, 2025)),
        targets=[Target(id="t1", indicator="单位地区生产总值二氧化碳排放", year=2025, value=None,
                        qualitative="完成省下达目标任务", relation="reduce_by",
                        quote="完成省下达单位地区生产总值二氧化碳排放目标任务", responsible=["市发展改革委"])])
    n = len(values)
    obs = pd.DataFrame({"region": ["测试市"] * n, "plan": ["q"] * n, "target": ["t1"] * n,
                        "year": [2024] * n, "value": values, "unit": ["吨/万元", ""][:n]})
    return Workspace(plans=[doc], observations=obs, name="手工工作区")


def test_dispatch_status_agrees_with_its_basis_as_on_the_pages():
    """Issue 9 item 3: the 调度表 reads the pages' function (figures.targets.target_figure). A
    qualitative target with only an informative number and no reported 完成情况 is 无数据 with
    “—”, never “1.13（2024年）” beside 无数据; with 进展正常 reported it is 进度正常 from that report."""
    from cocontrol.figures.targets import target_figure

    for values, shown, status in (([1.13], "—", "无数据"),
                                  ([1.13, "进展正常"], "填报“进展正常”（2024年）", "进度正常")):
        res = gather("测试市", 2025, _qualitative(values), layers=("tracking",))
        row = dispatch_rows(res).query("类别 == '目标指标'").iloc[0]
        page = target_figure(res.status.iloc[0].to_dict())
        assert (row["最新值"], row["状态"]) == (shown, status)
        assert (page["basis"] or "—", page["status"]) == (shown, status)


def test_a_peak_target_reads_not_later_than_its_year_in_the_dispatch_table():
    """2030年前实现碳达峰: 不晚于 | 2030 | 年 in the 调度表, 2030年前达峰 in the annual report's wording."""
    doc = PlanDocument(
        plan=Plan(id="p", title="测试方案", region="测试市", horizon=(2024, 2030)),
        targets=[Target(id="t1", indicator="碳达峰", year=2030, value=2030, unit="年", relation="<=",
                        quote="确保2030年前实现碳达峰。", responsible=["市发展改革委"])])
    res = gather("测试市", 2025, Workspace(plans=[doc], observations=pd.DataFrame(), name="手工工作区"),
                 layers=("tracking",))
    row = dispatch_rows(res).iloc[0]
    assert (row["目标方向"], row["目标值"], row["单位"]) == ("不晚于", 2030, "年")
