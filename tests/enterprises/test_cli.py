"""``cocontrol enterprise template`` and ``verify`` as the contract says; bad input exits 2 and
writes nothing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from cocontrol.cli import app
from cocontrol.enterprises import demo
from cocontrol.errors import ValidationFailed

from .conftest import coal, enterprise, write

runner = CliRunner()


def test_template_has_the_sheets(tmp_path) -> None:
    out = tmp_path / "模板.xlsx"
    r = runner.invoke(app, ["enterprise", "template", "-o", str(out)])
    assert r.exit_code == 0, r.output
    book = load_workbook(out)
    assert book.sheetnames == ["说明", "enterprises", "facilities", "stacks", "fuel",
                               "production", "electricity", "operation", "permit_report",
                               "controls", "cems"]
    assert [c.value for c in book["stacks"][1]] == ["enterprise_id", "stack_id", "facility_id",
                                                    "height", "permit_outlet_id"]
    assert [c.value for c in book["permit_report"][1]] == ["enterprise_id", "year", "species",
                                                           "reported", "month", "stack_id"]


def test_verify_json_and_excel(tmp_path, demo_folder) -> None:
    out = tmp_path / "核查结果.xlsx"
    r = runner.invoke(app, ["enterprise", "verify", str(demo_folder), "--year", str(demo.YEAR),
                            "-o", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert set(doc) == {"enterprises", "findings"}
    assert set(doc["enterprises"][0]) == {"enterprise_id", "year", "co2_t", "scope2_t",
                                          "intensity", "level", "grade", "colour"}
    assert set(doc["findings"][0]) == {"enterprise_id", "facility_id", "rule", "severity",
                                       "message", "evidence"}
    assert len(doc["enterprises"]) == 10
    book = load_workbook(out)
    assert book.sheetnames == ["说明", "企业碳账户", "核查发现", "核查规则", "月度核算"]
    assert "示例" in " ".join(str(c.value) for c in book["说明"]["A"])
    assert book["核查发现"].max_row == len(doc["findings"]) + 1
    _chinese_only(book, doc)


IDENTIFIER = re.compile(r"[a-z]+_[a-z_]+|Raw_Coal|Natural_Gas")


def _chinese_only(book, doc) -> None:
    """The workbook's 核查发现 and 核查规则 name rules, thresholds, evidence and fuels in Chinese
    (rule ids stay in the JSON only); energy_per_output's 0.31 is the 基准水平 of the 2021
    benchmark table, not a 阈值."""
    def cells(sheet: str) -> list[list[str]]:
        return [["" if c is None else str(c) for c in r]
                for r in book[sheet].iter_rows(values_only=True)]
    rows, rules = cells("核查发现"), cells("核查规则")
    fuels = {r[4] for r in book["月度核算"].iter_rows(min_row=2, values_only=True)}
    assert {"原煤", "天然气"} <= fuels
    for row in rows + rules:
        assert not IDENTIFIER.search(" ".join(row)), row
    assert {f["rule"] for f in doc["findings"]} >= {"energy_per_output", "stack_links_missing"}
    energy = next(r for r in rows if r[4] == "单位产品能耗偏离行业基准")
    assert "基准水平：0.31" in energy[-1] and "标杆水平：0.27" in energy[-1]
    assert "阈值" not in energy[-1]
    gap = next(r for r in rows if r[4] == "SO2物料衡算与执行报告不符")
    assert "阈值：±30.0%" in gap[-1]
    so2 = next(r for r in rules if r[0] == "SO2物料衡算与执行报告不符")
    assert so2[2] == "相对阈值 0.30；最小比对量（t） 1.0；不参与比对的行业代码 3011"
    assert "《污染源源强核算技术指南 准则》（HJ 884—2018）" in so2[4]
    # citations and explanations: Chinese titles with 文号 — no URL, no English source
    latin = re.compile(r"[A-Za-z]{2,}")
    allowed = {"SO", "CO", "NOx", "HJ", "CMA", "CNAS", "MJ", "kg", "tC", "GJ"}
    for row in rules[1:]:
        words = set(latin.findall(row[4] + row[5])) - allowed
        assert not words, (row[0], words)


def test_bad_input_exits_2_and_writes_nothing(tmp_path) -> None:
    folder = write(tmp_path / "bad", {"enterprises": [enterprise(uscc="91350100M000100Y44")],
                                      "fuel": [coal(13)]})
    out = tmp_path / "核查结果.xlsx"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    done = subprocess.run([sys.executable, "-m", "cocontrol", "enterprise", "verify", str(folder),
                           "-o", str(out)], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert "enterprises.csv" in done.stderr and "第 2 行，列“uscc”" in done.stderr
    assert "列“month”" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_city_passes_its_own_thresholds_and_scales(tmp_path, demo_folder) -> None:
    th = tmp_path / "阈值.csv"
    th.write_text("rule,parameter,value\nco2_accounting_vs_cems,k,10\n", encoding="utf-8")
    scale = tmp_path / "分档.csv"
    scale.write_text("axis,label,grade,lower,upper\nL,达标,,,3.0\nL,超标,,3.0,\n"
                     "K,1级,1,,1.0\nK,2级,2,1.0,\n", encoding="utf-8")
    r = runner.invoke(app, ["enterprise", "verify", str(demo_folder), "--format", "json",
                            "--thresholds", str(th), "--rating", str(scale)])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert "co2_accounting_vs_cems" not in {f["rule"] for f in doc["findings"]}
    levels = {e["enterprise_id"]: (e["level"], e["grade"]) for e in doc["enterprises"]}
    assert levels["E01"] == ("达标", 2)  # L = 2.8 ≤ 3.0; K = 2.8 / 2.54 = 1.10 > 1.0
    assert levels["E02"] == ("达标", 1)  # K = 0.76
    bad = tmp_path / "坏.csv"
    bad.write_text("rule,parameter,value\nno_such_rule,k,1\n", encoding="utf-8")
    r = runner.invoke(app, ["enterprise", "verify", str(demo_folder), "--thresholds", str(bad)])
    assert isinstance(r.exception, ValidationFailed) and "row 2" in str(r.exception)
