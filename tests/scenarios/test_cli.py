"""``cocontrol scenario``: the JSON contracts, exit codes 2 and 3, nothing written on errors."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from cocontrol.cli import app

from .conftest import SPEC

runner = CliRunner()


@pytest.fixture(scope="module")
def ran(city, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["scenario", "run", str(city), "--draws", "1000", "--seed", "5",
                                 "-o", str(out / "p.parquet"), "--iamc", str(out / "i.csv"),
                                 "--format", "json"])
    return result, out


def test_run_json_contract(ran):
    result, _ = ran
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["region"] == "测试市"
    assert [s["name"] for s in data["scenarios"]] == ["基准情景", "空措施情景", "规划情景"]
    for s in data["scenarios"]:
        assert set(s) == {"name", "peak_year", "peak_value_t", "p_peak_by", "peaked", "targets"}
        assert set(s["p_peak_by"]) == {str(y) for y in range(2022, 2035)}
        assert all(0 <= p <= 1 for p in s["p_peak_by"].values())
        for t in s["targets"]:
            assert set(t) == {"indicator", "year", "value", "unit", "relation", "projected",
                              "probability", "met_central"}
    plan = data["scenarios"][2]["targets"]
    nox = next(t for t in plan if t["indicator"] == "reduction")
    assert nox["projected"] > 0 and nox["unit"] == "t"


def test_run_text_in_the_pages_words(city):
    """The text output names each target by its indicator and says the peak as the page does
    (the 规划情景 plateau, test_view), never the spec's codes (peak_year, co2_per_gdp)."""
    result = runner.invoke(app, ["scenario", "run", str(city), "--draws", "200", "--seed", "5"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "规划情景：二氧化碳排放至2035年未见明显峰值（最高2,105万吨，出现在2023年；" in out
    assert "2030年碳排放达峰年份：预测 未达峰（目标 ≤ 2030）未达成，达成概率 0%" in out
    assert not any(code in out for code in ("peak_year", "co2_per_gdp", "non_fossil_share", "reduction"))


def test_run_outputs(ran):
    _, out = ran
    paths = pd.read_parquet(out / "p.parquet")
    assert {"scenario", "year", "sector", "fuel", "species", "value", "p05", "p50",
            "p95"} <= set(paths.columns)
    assert (paths["p05"] <= paths["p95"] + 1e-9).all()
    iamc = pd.read_csv(out / "i.csv")
    assert list(iamc.columns) == ["model", "scenario", "region", "variable", "unit", "year",
                                  "value"]
    wide = iamc.pivot_table(index=["scenario", "year"], columns="variable", values="value")
    parts = wide["Emissions|CO2|Energy"] + wide["Emissions|CO2|Industrial Processes"]
    assert (abs(wide["Emissions|CO2"] - parts) <= 1e-9 * wide["Emissions|CO2"]).all()


def test_bad_spec_exit_2_and_nothing_written(city, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SPEC.replace("activity: activity.csv", f"activity: {city.parent}/activity.csv")
                   .replace("controls: controls.csv", f"controls: {city.parent}/controls.csv")
                   .replace("Growth(0.5%)", "Growth(0.5%"), encoding="utf-8")
    out = tmp_path / "o.xlsx"
    result = runner.invoke(app, ["scenario", "run", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "第 13 行" in result.output  # Chinese by default
    assert "第 12 个字符处应为“,”或“)”" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() and not list(tmp_path.glob(".o.xlsx*"))


def test_optimize_contract_and_infeasible_exit_3(tmp_path):
    path = tmp_path / "m.csv"
    pd.DataFrame({"measure": ["A", "B", "C"], "cost": [8, 6, 5], "lumpy": ["是", "否", "true"],
                  "CO2": [100, 50, 40], "NOx": [0, 5, 10]}).to_csv(path, index=False)
    ok = runner.invoke(app, ["scenario", "optimize", str(path), "--target", "CO2=100",
                             "--target", "NOx=8", "--continuous", "--format", "json"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.stdout)
    assert set(data) == {"status", "selected", "x", "cost", "reductions", "shadow_prices"}
    assert data["status"] == "optimal" and data["cost"] == pytest.approx(9.44)
    bad = runner.invoke(app, ["scenario", "optimize", str(path), "--target", "CO2=1000",
                              "--format", "json"])
    assert bad.exit_code == 3
    assert json.loads(bad.stdout)["shortfall"]["CO2"] == pytest.approx(810)
    wrong = runner.invoke(app, ["scenario", "optimize", str(path), "--target", "SO2=5"])
    assert wrong.exit_code == 2 and "措施表中没有该目标物种的列" in wrong.output


def test_template_writes_and_refuses_to_overwrite(tmp_path):
    first = runner.invoke(app, ["scenario", "template", "-o", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert (tmp_path / "measures.xlsx").exists() and (tmp_path / "scenario.yaml").exists()
    again = runner.invoke(app, ["scenario", "template", "-o", str(tmp_path)])
    assert again.exit_code == 2
    ok = runner.invoke(app, ["scenario", "optimize", str(tmp_path / "measures.xlsx"),
                             "--target", "CO2=100000", "--format", "json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["status"] == "optimal"
