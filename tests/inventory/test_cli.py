"""``cocontrol inventory compute``: the contract other tools rely on."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest


def _run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cocontrol", "inventory", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_compute_writes_the_long_table(tmp_path) -> None:
    (tmp_path / "a.csv").write_text(
        "region,year,sector,fuel,value,unit\n"
        "济南市,2020,电力、热力的生产和供应业,原煤,1000,t\n"
        "济南市,2023,Others,电力,10000,万千瓦时\n", encoding="utf-8")
    done = _run("compute", "a.csv", "-o", "out.parquet", "--gwp", "AR6", "--uncertainty",
                "10000", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = pd.read_parquet(tmp_path / "out.parquet")
    assert {"region", "year", "sector", "fuel", "species", "value", "unit"} <= set(out.columns)
    co2 = out[(out["species"] == "CO2") & (out["scope"] == 1)]["value"].sum()
    assert co2 == pytest.approx(1900.2988, rel=1e-6)  # 1000 t × 1.9002988 t/t
    s2 = out[(out["species"] == "CO2") & (out["scope"] == 2)]["value"].sum()
    assert s2 == pytest.approx(61910, rel=1e-12)  # 100 000 MWh × 0.6191 (山东 2023)
    unc = pd.read_csv(tmp_path / "out.uncertainty.csv")
    total = unc[unc["sector"] == "total"].iloc[0]
    assert total["lower"] < total["value"] < total["upper"]


def test_bad_input_exits_nonzero_lists_rows_and_writes_nothing(tmp_path) -> None:
    (tmp_path / "bad.csv").write_text(
        "region,year,sector,fuel,value,unit\n"
        "济南市,2020,电力、热力的生产和供应业,原媒,1000,t\n"
        "济南市,2020,电力、热力的生产和供应业,柴油,-5,t\n"
        "济南市,2020,电力、热力的生产和供应业,天然气,5,万吨\n", encoding="utf-8")
    done = _run("compute", "bad.csv", "-o", "out.csv", cwd=tmp_path)
    assert done.returncode == 2
    for where in ("row 2", "row 3", "row 4"):
        assert where in done.stderr
    assert "原煤" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_template(tmp_path) -> None:
    done = _run("template", "-o", "模板.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "模板.xlsx").stat().st_size > 0
