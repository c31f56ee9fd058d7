"""``cocontrol inventory compute``: the contract other tools rely on."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

POWER = "Production and Supply of Electric Power, Steam and Hot Water"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "energy_balance" / "make_example.py"


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


def test_compute_xlsx_workbook_and_iamc(tmp_path) -> None:
    """-o 清单.xlsx: 排放清单 (long, Chinese names beside the codes), 行业汇总 (sector × species)
    and IAMC sheets; --iamc writes the same IAMC table as CSV. Hand-worked: 1000 t raw coal in
    power → CO2 1900.2988 t = 0.0019002988 Mt; SO2 17 kg/t (T/CSES 144—2024: 2 × 1 % ×
    (1 − 0.15)) → 17 t = 0.017 kt; electricity
    100 000 MWh × 0.6191 = 61 910 t scope 2 (its own row in 行业汇总, never added to scope 1)."""
    from openpyxl import load_workbook

    (tmp_path / "a.csv").write_text(
        "region,year,sector,fuel,value,unit\n"
        "济南市,2023,电力、热力的生产和供应业,原煤,1000,t\n"
        "济南市,2023,Others,电力,10000,万千瓦时\n", encoding="utf-8")
    done = _run("compute", "a.csv", "-o", "清单.xlsx", "--iamc", "iamc.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    book = load_workbook(tmp_path / "清单.xlsx", read_only=True)
    assert book.sheetnames == ["说明", "排放清单", "行业汇总", "IAMC"]
    rows = list(book["排放清单"].iter_rows(values_only=True))
    assert rows[0][:3] == ("地区 region", "年份 year", "行业 sector")
    coal = {r[6]: r[7] for r in rows[1:] if r[4] == "Raw_Coal"}
    assert coal["CO2"] == pytest.approx(1900.2988, rel=1e-6)
    assert coal["SO2"] == pytest.approx(17.0, rel=1e-12)
    names = {r[4]: (r[3], r[5]) for r in rows[1:]}
    assert names["Raw_Coal"] == ("电力、热力的生产和供应业", "原煤")
    summary = list(book["行业汇总"].iter_rows(values_only=True))
    head = summary[0]
    power = next(r for r in summary[1:] if r[3] == "电力、热力的生产和供应业")
    assert power[head.index("CO2 (t)")] == pytest.approx(1900.2988, rel=1e-6)
    scope2 = next(r for r in summary[1:] if str(r[2]).startswith("范围二"))
    assert scope2[3] == "其他行业"  # the Others sector, by its Chinese name
    assert scope2[head.index("CO2 (t)")] == pytest.approx(61910, rel=1e-12)
    iamc = list(book["IAMC"].iter_rows(values_only=True))
    assert iamc[0][:5] == ("model", "scenario", "region", "variable", "unit") and iamc[0][5] == 2023
    csv = pd.read_csv(tmp_path / "iamc.csv")
    co2 = csv[csv["variable"].str.startswith("Emissions|CO2|Energy|")]
    assert co2["2023"].sum() == pytest.approx(0.0019002988, rel=1e-6)
    assert set(co2["unit"]) == {"Mt CO2/yr"}
    so2 = csv[csv["variable"].str.startswith("Emissions|SO2|")]
    assert so2["2023"].sum() == pytest.approx(0.017, rel=1e-12) and set(so2["unit"]) == {"kt SO2/yr"}


def test_bad_input_exits_nonzero_lists_rows_and_writes_nothing(tmp_path) -> None:
    (tmp_path / "bad.csv").write_text(
        "region,year,sector,fuel,value,unit\n"
        "济南市,2020,电力、热力的生产和供应业,原媒,1000,t\n"
        "济南市,2020,电力、热力的生产和供应业,柴油,-5,t\n"
        "济南市,2020,电力、热力的生产和供应业,天然气,5,万吨\n", encoding="utf-8")
    done = _run("compute", "bad.csv", "-o", "out.csv", cwd=tmp_path)
    assert done.returncode == 2
    for where in ("第 2 行", "第 3 行", "第 4 行"):
        assert where in done.stderr
    assert "原煤" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_template_reads_back_with_its_example_row(tmp_path) -> None:
    """The template's example row (济南市 2020 电力、热力的生产和供应业 原煤 1000 万吨) reads back
    through ``read_activity`` and computes: 1000 万吨 = 1e7 t × 1.9002988488 t CO2/t
    (20.908 GJ/t × 0.02637 t C/GJ × 0.94 × 44/12) = 19 002 988.488 t."""
    from cocontrol.data.activity import read_activity

    done = _run("template", "-o", "模板.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    act = read_activity(tmp_path / "模板.xlsx")
    assert act.attrs["sheet"] == "活动水平"
    assert len(act) == 1
    row = act.iloc[0]
    assert (row["region"], row["year"], row["sector"], row["fuel"], row["value"],
            row["unit"]) == ("济南市", 2020, POWER, "Raw_Coal", 1000, "万吨")
    assert pd.isna(row["month"]) and pd.isna(row["technology"]) and pd.isna(row["facility"])
    done = _run("compute", "模板.xlsx", "-o", "清单.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(tmp_path / "清单.csv", encoding="utf-8-sig")
    co2 = out[out["species"] == "CO2"]["value"].sum()
    assert co2 == pytest.approx(19_002_988.488, rel=1e-9)


def test_controls_option_cuts_pollutants_not_co2(tmp_path) -> None:
    """--controls (read by cocontrol.data.controls.read_controls): a control on the power-plant
    coal changes SO2 by (1 − X·η) and leaves CO2 as it is. X = 0.5 of 石灰石-石膏湿法脱硫; the
    expected SO2 ratio is taken from the shipped removal efficiency η (refdata)."""
    from cocontrol import refdata

    (tmp_path / "a.csv").write_text(
        "region,year,sector,fuel,value,unit\n"
        "济南市,2020,电力、热力的生产和供应业,原煤,1000,t\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text(
        "地区,年份,行业,能源品种,治理技术,普及率\n"
        "济南市,2020,电力、热力的生产和供应业,原煤,limestone_gypsum_wet_fgd,0.5\n",
        encoding="utf-8")
    assert _run("compute", "a.csv", "-o", "plain.csv", cwd=tmp_path).returncode == 0
    done = _run("compute", "a.csv", "-o", "ctl.csv", "--controls", "c.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    plain, ctl = (pd.read_csv(tmp_path / f, encoding="utf-8-sig").set_index("species")["value"]
                  for f in ("plain.csv", "ctl.csv"))
    tech = refdata.load("control_technologies")
    eta = tech[(tech["technology"] == "limestone_gypsum_wet_fgd")
               & (tech["species"] == "SO2")]["removal_efficiency"].astype(float).iloc[0]
    assert ctl["SO2"] == pytest.approx(plain["SO2"] * (1 - 0.5 * eta), rel=1e-12)
    assert ctl["CO2"] == plain["CO2"]
    (tmp_path / "bad.csv").write_text(
        "地区,年份,行业,能源品种,治理技术,普及率\n"
        "济南市,2020,电力、热力的生产和供应业,原煤,limestone_gypsum_wet_fgd,1.5\n",
        encoding="utf-8")
    done = _run("compute", "a.csv", "-o", "x.csv", "--controls", "bad.csv", cwd=tmp_path)
    assert done.returncode == 2 and "文件 bad.csv，第 2 行" in done.stderr  # Chinese by default
    assert not (tmp_path / "x.csv").exists()


def _balance_example():
    spec = importlib.util.spec_from_file_location("make_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.FILE


def test_balance_command_then_compute(tmp_path) -> None:
    """``inventory balance`` writes an activity table ``compute`` accepts. Raw coal of the
    illustrative 济南 2020 table: 2200 (火力发电 1800 + 供热 400; the 洗选煤 input not) + 150 + 100
    + (80 − 60 用作原料) + 30 = 2500 万吨 → 2.5e7 t × 1.9002988488 = 47 507 471.22 t CO2;
    电力 300 亿千瓦时 = 3e7 MWh × 0.6838 (山东 2021) = 20 514 000 t, scope 2."""
    book = _balance_example()
    done = _run("balance", str(book), "--region", "济南市", "--year", "2020", "--sheet",
                "能源平衡表", "-o", "activity.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    act = pd.read_csv(tmp_path / "activity.csv", encoding="utf-8-sig")
    assert list(act.columns) == ["region", "year", "sector", "fuel", "value", "unit"]
    assert act[act["fuel"] == "Raw_Coal"]["value"].sum() == 2500
    done = _run("compute", "activity.csv", "-o", "清单.parquet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = pd.read_parquet(tmp_path / "清单.parquet")
    co2 = out[out["species"] == "CO2"]
    assert co2[co2["fuel"] == "Raw_Coal"]["value"].sum() == pytest.approx(47_507_471.22,
                                                                          rel=1e-9)
    elec = co2[co2["fuel"] == "Electricity"]
    assert set(elec["scope"]) == {2}
    assert elec["value"].sum() == pytest.approx(20_514_000, rel=1e-9)


def test_balance_bad_table_exit_2_and_nothing_written(tmp_path) -> None:
    pd.DataFrame([["项目", "原煤(万吨)", "柴油", "原媒(万吨)"],
                  ["火力发电", -10, None, None],
                  ["宇航业", 1, 2, None]]).to_excel(tmp_path / "b.xlsx", header=False,
                                                    index=False, sheet_name="表1")
    (tmp_path / "activity.csv").write_text("earlier\n", encoding="utf-8")
    done = _run("balance", "b.xlsx", "--region", "济南市", "--year", "2020", cwd=tmp_path)
    assert done.returncode == 2
    for where in ("工作表“表1”，第 1 行，列“柴油”", "工作表“表1”，第 1 行，列“原媒(万吨)”",
                  "工作表“表1”，第 3 行，列“项目”"):
        assert f"文件 b.xlsx，{where}" in done.stderr
    assert "缺少单位" in done.stderr and "未知的行" in done.stderr
    assert (tmp_path / "activity.csv").read_text(encoding="utf-8") == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["activity.csv", "b.xlsx"]
    done = _run("balance", "b.xlsx", "--region", "济南市", "--year", "2020", "--sheet", "表2",
                cwd=tmp_path)
    assert done.returncode == 2 and "没有该工作表" in done.stderr and "表1" in done.stderr
