"""Acceptance of issue 3 from the command line: every line of its "CLI" and "Bad input"
paragraphs, run through the installed ``cocontrol`` entry point (real processes, real files).

Hand-worked numbers used below (factors from ``refdata/combustion_co2.csv``: NCV × CC × OF ×
44/12; CH4/N2O from ``refdata/emission_factors.csv``; grid from ``refdata/grid_factors.csv``):

* 原煤 1 万吨 in 电力、热力的生产和供应业 = 10 000 t × 20.908 GJ/t = 209 080 GJ;
  CO2 = 209 080 × 0.02637 × 0.94 × 44/12 = 19 002.988488 t;
  CH4 = 209.08 TJ × 1 kg/TJ = 0.20908 t; N2O = 209.08 TJ × 1.5 kg/TJ = 0.31362 t.
* 原煤 100 tce in 黑色金属 = 100 × 29.3076 GJ = 2 930.76 GJ (tce → GJ by ``cocontrol.units``);
  CO2 = 2 930.76 × 0.02637 × 0.94 × 44/12 = 266.372673 t.
* 柴油 100 t in 交通运输 = 100 × 42.652 × 0.0202 × 0.98 × 44/12 = 309.590964 t.
* 天然气 50 万立方米 in 城镇 = 50 × 389.31 GJ/万m³ × 0.0153 × 0.99 × 44/12 = 1 081.094405 t.
* 电力 1000 万千瓦时 in 其他行业 = 10 000 MWh × 0.6838 t/MWh (山东 2021, the published year
  closest to 2020; 济南市 → 山东) = 6 838 t, scope 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

BIN = Path(sys.executable).with_name("cocontrol")
COMMAND = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "cocontrol"]
COLUMNS = ["region", "year", "sector", "fuel", "species", "value", "unit", "scope"]
POWER = "Production and Supply of Electric Power, Steam and Hot Water"
ACTIVITY = """region,year,sector,fuel,value,unit
济南市,2020,电力、热力的生产和供应业,原煤,1,万吨
济南市,2020,黑色金属冶炼及压延加工业,原煤,100,tce
济南市,2020,交通运输、仓储和邮政业,柴油,100,t
济南市,2020,城镇居民生活消费,天然气,50,万立方米
济南市,2020,其他行业,电力,1000,万千瓦时
"""
CO2 = {  # (sector, fuel, scope) → t, worked in the module docstring
    (POWER, "Raw_Coal", 1): 19_002.988488,
    ("Smelting and Pressing of Ferrous Metals", "Raw_Coal", 1): 266.372673,
    ("Transportation, Storage, Post and Telecommunication Services", "Diesel_Oil", 1): 309.590964,
    ("Urban", "Natural_Gas", 1): 1_081.094405,
    ("Others", "Electricity", 2): 6_838.0,
}


def cocontrol(*args: str, cwd: Path, lang: str = "en", **kw) -> subprocess.CompletedProcess:
    """The command in English (``COCONTROL_LANG=en``): the messages this file checks word for
    word are the English edition; the Chinese default is checked in
    :func:`test_every_bad_row_is_listed_in_chinese_by_default` and ``tests/cli``."""
    env = {**os.environ, "COCONTROL_LANG": lang, **kw.pop("env", {})}
    return subprocess.run([*COMMAND, "inventory", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env=env, **kw)


@pytest.fixture
def activity(tmp_path) -> Path:
    path = tmp_path / "活动水平.csv"
    path.write_text(ACTIVITY, encoding="utf-8")
    return path


def _co2(out: pd.DataFrame) -> dict:
    co2 = out[out["species"] == "CO2"]
    return {(r.sector, r.fuel, r.scope): r.value for r in co2.itertuples(index=False)}


def _assert_hand_co2(out: pd.DataFrame) -> None:
    got = _co2(out)
    assert set(got) == set(CO2)
    for key, want in CO2.items():
        assert got[key] == pytest.approx(want, rel=1e-8), key


# --- CLI paragraph ------------------------------------------------------------------------------


def test_chinese_names_and_units_to_csv_with_the_contract_columns(activity) -> None:
    """INPUT with 原煤/柴油/天然气/电力 and t, 万吨, 万立方米, tce, 万千瓦时 → OUTPUT .csv."""
    done = cocontrol("compute", activity.name, "-o", "清单.csv", cwd=activity.parent)
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(activity.parent / "清单.csv", encoding="utf-8-sig")
    assert list(out.columns) == COLUMNS
    assert set(out["region"]) == {"济南市"} and set(out["year"]) == {2020}
    assert set(out["unit"]) == {"t"}
    _assert_hand_co2(out)
    assert "直接排放 CO2" in done.stdout  # summary: 19 002.99 + 266.37 + 309.59 + 1 081.09 t
    assert "2.07 万吨" in done.stdout


def test_parquet_output_equals_csv_output(activity) -> None:
    cwd = activity.parent
    assert cocontrol("compute", activity.name, "-o", "a.csv", cwd=cwd).returncode == 0
    done = cocontrol("compute", activity.name, "-o", "a.parquet", cwd=cwd)
    assert done.returncode == 0, done.stderr
    pq = pd.read_parquet(cwd / "a.parquet")
    assert list(pq.columns) == COLUMNS
    assert pq["year"].dtype == "int64" and pq["value"].dtype == "float64"
    csv = pd.read_csv(cwd / "a.csv", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(pq.reset_index(drop=True), csv, check_dtype=False,
                                  rtol=1e-12)
    _assert_hand_co2(pq)


def test_gwp_sets_change_co2e_only_by_the_gwp(activity) -> None:
    """CO2e = CO2 + GWP_CH4·CH4 + GWP_N2O·N2O; for the power-plant coal row (CH4 0.20908 t,
    N2O 0.31362 t): AR4 (25, 298) 19 002.988488 + 5.227 + 93.45876 = 19 101.674248;
    AR5 (28, 265) + 5.85424 + 83.1093 = 19 091.952028; AR6 (27.9, 273) + 5.833332 + 85.61826
    = 19 094.44008. Every other species is identical across the three runs."""
    cwd = activity.parent
    runs = {}
    for gwp in ("AR4", "AR5", "AR6"):
        done = cocontrol("compute", activity.name, "-o", f"{gwp}.csv", "--gwp", gwp, cwd=cwd)
        assert done.returncode == 0, done.stderr
        runs[gwp] = pd.read_csv(cwd / f"{gwp}.csv", encoding="utf-8-sig")
    plain = {g: r[r["species"] != "CO2e"].reset_index(drop=True) for g, r in runs.items()}
    pd.testing.assert_frame_equal(plain["AR4"], plain["AR5"])
    pd.testing.assert_frame_equal(plain["AR4"], plain["AR6"])
    coal = {g: r[(r["species"] == "CO2e") & (r["sector"] == POWER)]["value"].item()
            for g, r in runs.items()}
    assert coal["AR4"] == pytest.approx(19_101.674248, rel=1e-10)
    assert coal["AR5"] == pytest.approx(19_091.952028, rel=1e-10)
    assert coal["AR6"] == pytest.approx(19_094.44008, rel=1e-10)
    elec = {g: r[(r["species"] == "CO2e") & (r["fuel"] == "Electricity")]["value"].item()
            for g, r in runs.items()}
    assert elec == {g: pytest.approx(6_838.0) for g in runs}  # CO2 only: GWP 1 in every set


def test_uncertainty_writes_intervals(activity) -> None:
    """--uncertainty 10000: ``<stem>.uncertainty.csv`` with a 95 % interval per sector and in
    total around the scope-1 CO2 (19 002.988488 + 266.372673 + 309.590964 + 1 081.094405
    = 20 660.04653 t; electricity is scope 2 and not in it); its half-width is close to the
    IPCC Approach 1 result for the same categories (independent check of the draws)."""
    from cocontrol.inventory.uncertainty import default_ranges, error_propagation

    cwd = activity.parent
    done = cocontrol("compute", activity.name, "-o", "out.parquet", "--uncertainty", "10000",
                     cwd=cwd)
    assert done.returncode == 0, done.stderr
    unc = pd.read_csv(cwd / "out.uncertainty.csv", encoding="utf-8-sig")
    assert {"sector", "value", "lower", "upper"} <= set(unc.columns)
    assert len(unc) == 5  # four scope-1 sectors + total
    total = unc[unc["sector"] == "total"].iloc[0]
    assert total["value"] == pytest.approx(20_660.04653, rel=1e-8)
    assert total["lower"] < total["value"] < total["upper"]
    out = pd.read_parquet(cwd / "out.parquet")
    approach1 = error_propagation(default_ranges(out[out["scope"] == 1], "CO2"))
    a1 = approach1[approach1["sector"] == "total"].iloc[0]
    assert (total["upper"] - total["lower"]) == pytest.approx(a1["upper"] - a1["lower"],
                                                              rel=0.1)


@pytest.mark.spark
def test_engine_spark_gives_the_duckdb_result(activity) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed")
    cwd = activity.parent
    assert cocontrol("compute", activity.name, "-o", "duck.parquet", cwd=cwd).returncode == 0
    done = cocontrol("compute", activity.name, "-o", "spark.parquet", "--engine", "spark",
                     cwd=cwd)
    assert done.returncode == 0, done.stderr
    spark, duck = (pd.read_parquet(cwd / f"{e}.parquet") for e in ("spark", "duck"))
    assert list(spark.columns) == COLUMNS
    pd.testing.assert_frame_equal(spark, duck, rtol=1e-9)
    _assert_hand_co2(spark)


def _excel(path: Path, rows: list[list[object]]) -> None:
    """A workbook whose first sheet is a note and whose second holds the activity table."""
    header = ["地区", "年份", "行业", "能源品种", "数值", "单位"]
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        pd.DataFrame([["填报说明：数据在“2020年”工作表"]]).to_excel(
            book, sheet_name="说明", header=False, index=False)
        pd.DataFrame(rows, columns=header).to_excel(book, sheet_name="2020年", index=False)


def test_excel_input_with_sheet(activity) -> None:
    cwd = activity.parent
    rows = pd.read_csv(activity).values.tolist()
    _excel(cwd / "活动水平.xlsx", rows)
    done = cocontrol("compute", "活动水平.xlsx", "--sheet", "2020年", "-o", "x.csv", cwd=cwd)
    assert done.returncode == 0, done.stderr
    _assert_hand_co2(pd.read_csv(cwd / "x.csv", encoding="utf-8-sig"))
    first = cocontrol("compute", "活动水平.xlsx", "-o", "y.csv", cwd=cwd)  # the note sheet
    assert first.returncode == 2 and "sheet '说明'" in first.stderr
    assert "missing column" in first.stderr
    wrong = cocontrol("compute", "活动水平.xlsx", "--sheet", "2019年", "-o", "y.csv", cwd=cwd)
    assert wrong.returncode == 2 and "no such sheet" in wrong.stderr and "2020年" in wrong.stderr
    assert not (cwd / "y.csv").exists()


def test_progress_bar_on_a_terminal_and_silence_otherwise(activity) -> None:
    """stderr a terminal (pty): the rich progress bar is drawn there; stderr a pipe: nothing
    on stderr, only the one summary line on stdout."""
    pty = pytest.importorskip("pty")
    cwd = activity.parent
    piped = cocontrol("compute", activity.name, "-o", "p.csv", cwd=cwd)
    assert piped.returncode == 0 and piped.stderr == ""
    assert len(piped.stdout.strip().splitlines()) == 1 and "\x1b" not in piped.stdout
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([*COMMAND, "inventory", "compute", activity.name, "-o", "t.csv",
                             "--uncertainty", "10000"], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=follower, env=env)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    stdout, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0
    text = drawn.decode("utf-8", "replace")
    assert "核算" in text or "Monte Carlo" in text or "写出" in text  # step descriptions
    assert "━" in text  # the bar
    assert "已写出" in stdout.decode()


# --- Bad input paragraph ------------------------------------------------------------------------

BAD = """region,year,sector,fuel,value,unit
济南市,2020,电力、热力的生产和供应业,原媒,1,万吨
济南市,2020,黑色金属冶练及压延加工业,原煤,100,tce
济南市,2020,交通运输、仓储和邮政业,柴油,-5,t
济南市,2020,城镇居民生活消费,天然气,,万立方米
济南市,2020,其他行业,天然气,5,万吨
济南市,2020,其他行业,原煤,5,万立方米
济南市,2020,其他行业,柴油,5,tce
济南市,2020,其他行业,电力,1000,万千瓦时
济南市,2020,其他行业,电力,2000,万千瓦时
济南市,2020,建筑业,汽油,3,
济南市,2020,非金属矿物制品业,cement_clinker,5,tce
"""
EXPECTED = {  # spreadsheet row → column named in the message
    2: "fuel", 3: "sector", 4: "value", 5: "value", 6: "unit", 7: "unit", 9: "region/year",
    10: "region/year", 11: "unit", 12: "unit"}


def _assert_untouched(cwd: Path, before: dict[str, bytes]) -> None:
    after = {p.name: p.read_bytes() for p in cwd.iterdir()}
    assert after == before  # no new file, no temporary left, the old output as it was


def test_every_bad_row_is_listed_exit_2_and_nothing_written(tmp_path) -> None:
    """Unknown names (原媒 → 原煤; 黑色金属冶练… (typo 练) → 黑色金属冶炼及压延加工业), a negative and
    a missing value, unit mismatches (天然气 in 万吨, 原煤 in 万立方米, clinker — a product
    without a calorific value — in tce), a missing unit, and a
    duplicate key (rows 9 and 10) — all in one message; row 8 (柴油 in tce) is valid (tce is
    converted through the NCV) and is not listed. An existing output stays as it was."""
    (tmp_path / "bad.csv").write_text(BAD, encoding="utf-8")
    (tmp_path / "out.csv").write_text("earlier result\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = cocontrol("compute", "bad.csv", "-o", "out.csv", cwd=tmp_path)
    assert done.returncode == 2
    err = done.stderr
    for row, column in EXPECTED.items():
        assert f"file bad.csv, row {row}, column '{column}" in err, (row, err)
    assert "row 8," not in err
    assert "did you mean 原煤" in err
    assert "黑色金属冶炼及压延加工业" in err
    assert "duplicate key (rows 9, 10)" in err
    for fuel in ("Natural_Gas", "Raw_Coal", "cement_clinker"):
        assert f"does not fit {fuel}" in err
    assert "Traceback" not in err
    _assert_untouched(tmp_path, before)


def test_every_bad_row_is_listed_in_chinese_by_default(tmp_path) -> None:
    """The same bad file without COCONTROL_LANG: every row named in Chinese with its column."""
    (tmp_path / "bad.csv").write_text(BAD, encoding="utf-8")
    done = cocontrol("compute", "bad.csv", "-o", "out.csv", cwd=tmp_path, lang="zh")
    assert done.returncode == 2
    assert done.stderr.startswith("错误：活动水平数据 bad.csv 有误（共 ")
    for row, column in EXPECTED.items():
        assert f"文件 bad.csv，第 {row} 行，列“{column}" in done.stderr, (row, done.stderr)
    assert "是否应为 原煤" in done.stderr and "第 8 行" not in done.stderr
    assert not (tmp_path / "out.csv").exists()


def test_bad_rows_in_an_excel_sheet_name_the_sheet(tmp_path) -> None:
    rows = pd.read_csv(pd.io.common.StringIO(BAD), dtype=str, keep_default_na=False)
    _excel(tmp_path / "bad.xlsx", rows.replace("", None).values.tolist())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = cocontrol("compute", "bad.xlsx", "--sheet", "2020年", "-o", "out.parquet",
                     cwd=tmp_path)
    assert done.returncode == 2
    for row, column in EXPECTED.items():
        assert f"file bad.xlsx, sheet '2020年', row {row}, column '{column}" in done.stderr
    _assert_untouched(tmp_path, before)


def test_bad_rows_in_a_canonical_parquet_are_listed_by_row(tmp_path) -> None:
    """A Parquet file with every canonical column (month, facility too) but fewer rows than
    ``ROW_LEVEL_ERRORS_UP_TO`` is read like a CSV, so the message names every row (the
    in-engine check of larger files reports counts per offending value)."""
    frame = pd.read_csv(pd.io.common.StringIO(BAD), dtype={"value": float})
    frame = frame.assign(month=pd.array([None] * len(frame), dtype="Int64"),
                         facility=pd.array([None] * len(frame), dtype="string"))
    frame.to_parquet(tmp_path / "bad.parquet", index=False)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = cocontrol("compute", "bad.parquet", "-o", "out.csv", cwd=tmp_path)
    assert done.returncode == 2
    for row, column in EXPECTED.items():
        assert f"file bad.parquet, row {row}, column '{column}" in done.stderr, row
    _assert_untouched(tmp_path, before)


def test_activity_without_factor_lists_every_row(tmp_path) -> None:
    """乙烯 (ethylene) and 生猪 (livestock_pig) have factors only for their own sectors, not
    for 建筑业: both rows are named, nothing is written; 柴油 in 建筑业 (row 3) is fine."""
    (tmp_path / "nf.csv").write_text(
        "region,year,sector,fuel,value,unit\n"
        "济南市,2020,建筑业,ethylene,5,t\n"
        "济南市,2020,建筑业,柴油,5,t\n"
        "济南市,2020,建筑业,livestock_pig,100,item\n", encoding="utf-8")
    (tmp_path / "out.parquet").write_bytes(b"PAR1 earlier")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = cocontrol("compute", "nf.csv", "-o", "out.parquet", "--uncertainty", "10000",
                     cwd=tmp_path)
    assert done.returncode == 2
    assert "no emission factor" in done.stderr
    assert "file nf.csv, row 2, column 'fuel'" in done.stderr
    assert "file nf.csv, row 4, column 'fuel'" in done.stderr
    assert "row 3," not in done.stderr
    _assert_untouched(tmp_path, before)


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--gwp", "AR3", "unknown GWP set"),
    ("--engine", "polars", "unknown engine"),
    ("-o", "out.docx", "output must be .csv or .parquet or .xlsx"),
    ("--iamc", "iamc.xlsx", "output must be .csv"),
])
def test_bad_options_exit_2_and_write_nothing(activity, option, value, message) -> None:
    cwd = activity.parent
    before = {p.name: p.read_bytes() for p in cwd.iterdir()}
    args = ["compute", activity.name, option, value]
    done = cocontrol(*(args if option == "-o" else [*args, "-o", "out.csv"]), cwd=cwd)
    assert done.returncode == 2
    assert message in done.stderr
    _assert_untouched(cwd, before)
