"""``cocontrol track`` template / import / status / warnings on real files."""

from __future__ import annotations

import pandas as pd
from openpyxl import load_workbook
from typer.testing import CliRunner

from cocontrol.cli import app
from cocontrol.errors import ValidationFailed

PLAN = """\
plan: {id: t, title: 测试方案, region: 威海市, horizon: [2024, 2026]}
targets:
  - {id: wind, indicator: 海上风电在运在建装机规模, year: 2026, value: 260, unit: 万千瓦,
     relation: ">=", baseline_value: 150, baseline_year: 2024, responsible: [市发展改革委]}
tasks:
  - {id: "1", title: 发展海上风电, responsible: [市发展改革委], targets: [wind]}
"""


def test_template_import_versions_status(tmp_path):
    runner = CliRunner()
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    xlsx = tmp_path / "模板.xlsx"
    r = runner.invoke(app, ["track", "template", str(plan), "-o", str(xlsx)])
    assert r.exit_code == 0, r.output
    assert load_workbook(xlsx).sheetnames == ["填报", "目标", "说明"]

    history = tmp_path / "history.csv"
    first = tmp_path / "a.csv"
    first.write_text("地区,目标编号,年份,数值,单位\n威海市,wind,2025,1800,MW\n", encoding="gbk")
    second = tmp_path / "b.csv"
    second.write_text("地区,目标编号,年份,数值,单位\n威海市,wind,2025,2100,MW\n", encoding="utf-8")
    for f in (first, second):
        r = runner.invoke(app, ["track", "import", str(f), "--plan", str(plan), "--history", str(history)])
        assert r.exit_code == 0, r.output
    h = pd.read_csv(history)
    assert h["version"].tolist() == [1, 2] and h["is_latest"].tolist() == [False, True]
    assert h["value"].tolist() == [180.0, 210.0]

    r = runner.invoke(app, ["track", "status", "--plan", str(plan), "--history", str(history),
                            "--year", "2025"])
    assert r.exit_code == 0, r.output
    assert "进度正常" in r.output  # the latest version (210 > path 205) counts, not 180

    r = runner.invoke(app, ["track", "warnings", "--plan", str(plan), "--obs", str(first),
                            "--year", "2025"])
    assert r.exit_code == 0 and "市发展改革委" in r.output and "红色预警" in r.output


def test_bad_import_writes_nothing(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("地区,目标编号,年份,数值,单位\n威海市,wind,2025,2100,万吨\n", encoding="utf-8")
    history = tmp_path / "history.csv"
    r = CliRunner().invoke(app, ["track", "import", str(bad), "--plan", str(plan), "--history", str(history)])
    assert isinstance(r.exception, ValidationFailed)
    assert "万吨" in str(r.exception) and "万千瓦" in str(r.exception)
    assert not history.exists()


def test_track_reads_every_plan_file_plan_load_accepts(tmp_path):
    """The .json contract and the .xlsx workbook of ``plan extract`` are plans for ``track`` too;
    a file of another kind is a user error (InputError: exit 2 in ``main``) naming the accepted kinds."""
    import yaml

    from cocontrol.plans.io import write_xlsx
    from cocontrol.plans.model import PlanDocument

    doc = PlanDocument.model_validate(yaml.safe_load(PLAN))
    as_json = tmp_path / "plan.json"
    as_json.write_text(doc.model_dump_json(), encoding="utf-8")
    as_xlsx = tmp_path / "plan.xlsx"
    write_xlsx(doc, as_xlsx)
    runner = CliRunner()
    obs = tmp_path / "a.csv"
    obs.write_text("地区,目标编号,年份,数值,单位\n威海市,wind,2025,1800,MW\n", encoding="utf-8")
    for plan in (as_json, as_xlsx):
        r = runner.invoke(app, ["track", "warnings", "--plan", str(plan), "--obs", str(obs), "--year", "2025"])
        assert r.exit_code == 0, r.output
        assert "红色预警" in r.output and "市发展改革委" in r.output
    other = tmp_path / "plan.txt"
    other.write_text(PLAN, encoding="utf-8")
    r = runner.invoke(app, ["track", "warnings", "--plan", str(other), "--obs", str(obs), "--year", "2025"])
    from cocontrol.errors import InputError

    assert isinstance(r.exception, InputError)
    assert ".yaml, .json or .xlsx" in str(r.exception)


def test_status_names_targets_by_indicator_never_by_id(tmp_path):
    """A Chinese reader sees 指标 (and the year when the plan states it twice), never the plan's
    target ids (T020, wind)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.replace("targets:\n", """targets:
  - {id: T020, indicator: 海上风电在运在建装机规模, year: 2025, value: 200, unit: 万千瓦,
     relation: ">=", baseline_value: 150, baseline_year: 2024, responsible: [市发展改革委]}
""").replace("horizon: [2024, 2026]", "horizon: [2024, 2026]"), encoding="utf-8")
    obs = tmp_path / "a.csv"
    obs.write_text("地区,目标编号,年份,数值,单位\n威海市,wind,2025,1800,MW\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["track", "status", "--plan", str(plan), "--obs", str(obs),
                                 "--year", "2025"], env={"COLUMNS": "400"})
    assert r.exit_code == 0, r.output
    assert "T020" not in r.output and "wind" not in r.output and "编号" not in r.output
    assert "海上风电在运在建装机规模（2025年）" in r.output and "海上风电在运在建装机规模（2026年）" in r.output
