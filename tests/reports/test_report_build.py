"""Assembling reports from a workspace built by hand (and from the demo workspace)."""

from __future__ import annotations

import datetime as dt
import io
import sys

import docx
import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from cocontrol.cli import app
from cocontrol.errors import InputError
from cocontrol.plans.model import Plan, PlanDocument, Target, Task
from cocontrol.reports.build import annual_report, dispatch_report
from cocontrol.reports.dispatch import dispatch_rows, target_units, unit_summary
from cocontrol.reports.model import Paragraph, Section, Table, walk
from cocontrol.reports.workspace import MissingLayer, Workspace, gather, layer_function
from cocontrol.reports.write import write_report

DAY = dt.date(2026, 1, 15)


def _plan() -> PlanDocument:
    return PlanDocument(
        plan=Plan(id="test-2024", title="测试市减污降碳协同增效实施方案", issuer="测试市人民政府",
                  doc_number="测政字〔2024〕1号", region="测试市", source="test"),
        targets=[
            Target(id="t1", indicator="细颗粒物（PM2.5）浓度", year=2025, value=24, unit="μg/m³",
                   relation="<=", binding="约束性", responsible=["市生态环境局"]),
            Target(id="t2", indicator="新能源装机规模", year=2025, value=500, unit="万千瓦",
                   relation=">=", binding="预期性"),
            Target(id="t3", indicator="无废城市建设", qualitative="完成上级分解任务"),
        ],
        tasks=[
            Task(id="二.(一).1", title="推进新能源开发", lead=["市发展改革委"],
                 responsible=["市发展改革委", "市能源局"], targets=["t2"]),
            Task(id="二.(二).1", title="推广绿色建筑", responsible=["市住房城乡建设局"]),
        ],
    )


@pytest.fixture()
def workspace() -> Workspace:
    return Workspace(plans=[_plan()], name="手工工作区")


@pytest.fixture()
def no_tracking(monkeypatch):
    """Make the tracking layer absent the way an uninstalled module is absent."""
    import cocontrol.tracking

    monkeypatch.delattr(cocontrol.tracking, "targets_frame", raising=False)
    monkeypatch.setitem(sys.modules, "cocontrol.tracking.status", None)


def test_target_units_and_dispatch_rows(workspace, no_tracking):
    """Hand-worked: t1 names 市生态环境局; t2 sits in a task led by 市发展改革委 with 市能源局."""
    assert target_units(workspace.plans) == {"t1": ["市生态环境局"], "t2": ["市发展改革委", "市能源局"], "t3": []}
    res = gather("测试市", 2025, workspace)
    rows = dispatch_rows(res)
    got = list(zip(rows["责任单位"], rows["类别"], rows["编号"], rows["牵头/配合"].fillna(""), strict=True))
    assert got == [  # the plan's own numbering (二、（一）1.), 牵头 = the plan's lead or the first named unit
        ("市发展改革委", "目标指标", "二、（一）1.", ""), ("市发展改革委", "重点任务", "二、（一）1.", "牵头"),
        ("市能源局", "目标指标", "二、（一）1.", ""), ("市能源局", "重点任务", "二、（一）1.", "配合"),
        ("市住房城乡建设局", "重点任务", "二、（二）1.", "牵头"),
        ("市生态环境局", "目标指标", "", ""), ("（未明确责任单位）", "目标指标", "", ""),
    ]
    assert rows.loc[rows["类别"] == "重点任务", "最新值"].tolist() == ["未报送"] * 3
    summary = unit_summary(res).set_index("责任单位")
    assert summary.loc["市发展改革委", "重点任务数"] == 1
    assert summary.loc["市发展改革委", "目标指标数"] == 1
    assert summary.loc["市生态环境局", "重点任务数"] == 0
    # a unit with tasks but no targets: nothing lagging, nothing awaiting evaluation
    assert summary.loc["市住房城乡建设局"].tolist() == [1, 0, 0, 0]


def test_missing_layer_writes_gap_and_invents_nothing(workspace, no_tracking):
    report = annual_report("测试", 2025, workspace=workspace, date=DAY)
    assert report.title == "测试市2025年度减污降碳协同增效工作评价报告"
    heads = [e.label + e.block.title for e in walk(report) if e.level == 1]
    assert heads == ["一、摘要", "二、目标指标完成情况", "三、温室气体与大气污染物排放",
                     "四、减污降碳协同成效", "五、同类城市比较", "六、重点任务进展", "七、存在问题", "八、下一步工作"]
    section = report.sections[1]
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert texts[0].startswith("本节数据暂缺：目标跟踪：")
    table = next(b for b in section.blocks if isinstance(b, Table))
    # only the plan's own numbers: target years and values of t1 and t2
    numbers = {v for row in table.rows for v in row if isinstance(v, int | float)}
    assert numbers == {2025, 24, 500}
    assert any(g.startswith("目标跟踪：") for g in report.gaps)
    # emissions: no activity data in the workspace → gap, no table
    emis = report.sections[2]
    assert all(isinstance(b, Paragraph) and b.text.startswith("本节数据暂缺") for b in emis.blocks)
    assert any(a.title.startswith("规划方案：测试市") for a in report.annex)


def test_unknown_region_is_an_input_error(workspace):
    with pytest.raises(InputError, match="测试市"):
        annual_report("北京", 2025, workspace=workspace)


def test_layer_function_names_missing_piece(caplog):
    """Users read a sentence without module names; the log names the missing piece."""
    with pytest.raises(MissingLayer, match="计算功能尚不可用"):
        layer_function("cocontrol.nonexistent", "compute")
    assert "cocontrol.nonexistent" in caplog.text


def test_dispatch_report_writes_docx_and_xlsx(workspace, tmp_path, no_tracking):
    report = dispatch_report("测试市", 2025, workspace=workspace, date=DAY)
    assert report.title == "测试市2025年度减污降碳重点任务调度表"
    wb = openpyxl.load_workbook(write_report(report, tmp_path / "d.xlsx"))
    assert wb.sheetnames[:3] == ["说明", "表1 汇总", "表2 调度明细"]
    detail = wb["表2 调度明细"]
    header = [c.value for c in detail[1]]
    assert header[:4] == ["责任单位", "类别", "编号", "内容"]
    values = {r[header.index("内容")]: r[header.index("目标值")] for r in detail.iter_rows(min_row=2, values_only=True)}
    assert values["细颗粒物（PM2.5）浓度"] == 24 and isinstance(values["细颗粒物（PM2.5）浓度"], int | float)
    doc = docx.Document(str(write_report(report, tmp_path / "d.docx")))
    assert doc.paragraphs[0].text == report.title
    assert doc.tables[0].rows[0].cells[0].text == "责任单位"


def _demo_layers_missing() -> str | None:
    from cocontrol import demo

    if not demo.plan_files():
        return "examples/plans has no reviewed plan yet"
    for module, name in (("cocontrol.plans.io", "load_yaml"), ("cocontrol.tracking", "targets_frame"),
                         ("cocontrol.tracking.status", "assess"), ("cocontrol.tracking.warnings", "by_responsible_unit"),
                         ("cocontrol.inventory", "compute"), ("cocontrol.indicators", "derive"),
                         ("cocontrol.synergy", "evaluate")):
        try:
            layer_function(module, name)
        except MissingLayer as exc:
            return f"layer missing: {exc}"
    if demo.activity("荣成").empty:
        return "examples/activity/rongcheng.csv missing"
    return None


@pytest.mark.slow
def test_demo_rongcheng_2025_end_to_end(tmp_path):
    missing = _demo_layers_missing()
    if missing:
        pytest.skip(missing)
    report = annual_report("荣成", 2025, date=DAY)
    assert report.gaps == []
    doc = docx.Document(str(write_report(report, tmp_path / "a.docx")))
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1[0] == "一、摘要" and h1[-1] == "九、下一步工作"
    assert "七、海洋碳汇（蓝碳）" in h1  # 荣成 has seagrass and aquaculture sinks
    peers = next(s for s in report.sections if s.title == "同类城市比较")
    assert "（共4个城市）" in peers.blocks[0].text  # 济南, 淄博, 威海, 荣成 ranked together
    assert len(doc.inline_shapes) >= 2
    wb = openpyxl.load_workbook(write_report(report, tmp_path / "a.xlsx"))
    assert len(wb.sheetnames) == 1 + len(report.tables()) + len(report.workbook)
    status = report.sections[1]
    tables = [b for b in status.blocks if isinstance(b, Table)] + [
        b for s in status.blocks if isinstance(s, Section) for b in s.blocks if isinstance(b, Table)]
    assert tables and all(t.rows for t in tables)


def test_cli_annual_and_dispatch(tmp_path, monkeypatch):
    """The CLI reads the platform's store under COCONTROL_HOME (seeded from examples/ when fresh)."""
    from cocontrol.store.db import dispose_engines

    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    out = tmp_path / "年报.html"
    result = runner.invoke(app, ["report", "annual", "--region", "荣成", "--year", "2025", "-o", str(out),
                                 "--issuer", "荣成市生态环境局"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "荣成市2025年度减污降碳协同增效工作评价报告" in page and "荣成市生态环境局" in page
    out2 = tmp_path / "调度.bin"
    result = runner.invoke(app, ["report", "dispatch", "--region", "荣成", "--year", "2025",
                                 "-o", str(out2), "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(io.BytesIO(out2.read_bytes())).sheetnames[0] == "说明"
    bad = runner.invoke(app, ["report", "annual", "--region", "荣成", "--year", "2025", "-o", str(tmp_path / "x.txt")])
    assert isinstance(bad.exception, InputError)
    assert not (tmp_path / "x.txt").exists()
    assert (tmp_path / "home" / "cocontrol.db").is_file()  # the store the web platform would use
    dispose_engines()


def test_frames_with_numpy_values_stay_numeric():
    from cocontrol.reports.tables import frame_table

    frame = pd.DataFrame({"indicator": ["甲"], "value": pd.Series([1.5], dtype="float64"),
                          "year": pd.Series([2025], dtype="int64"), "latest_value": [float("nan")]})
    table = frame_table(frame, "t")
    assert [c.header for c in table.columns] == ["指标", "数值", "年份", "最新值"]
    assert table.rows[0] == ["甲", 1.5, 2025, None]
    assert type(table.rows[0][2]) is int


def test_defect_inside_a_layer_becomes_a_named_gap(workspace, monkeypatch, caplog):
    """A layer that crashes (a bug, not bad input) is logged and named; other sections remain."""
    import cocontrol.tracking

    def broken(doc, region=None):
        raise TypeError("operation 'add' not supported")

    monkeypatch.setattr(cocontrol.tracking, "targets_frame", broken)
    report = annual_report("测试市", 2025, workspace=workspace, date=DAY)
    assert any("计算出错（TypeError: operation 'add' not supported）" in g for g in report.gaps)
    assert "report layer tracking failed" in caplog.text
    assert len(report.sections) == 8
