"""能源平衡表 import: power/heat inputs counted once, other transformation and non-energy use
excluded, industry from subsector rows.

Hand-worked expectation for the workbook below (万吨 / 亿立方米 / 亿千瓦时):
* power & heat (sector 39): raw coal 3000 + 300 = 3300; natural gas 5 + 2 = 7 — the coal
  washing (原煤 −200 → 洗精煤 +400), coking (洗精煤 −380 → 焦炭 +300) and refining
  (原油 −1000 → 汽油/柴油) inputs are not combustion, and the 电力/热力 outputs are not activity;
* ferrous metals: raw coal 200 − 50 (用作原料、材料) = 150, natural gas 6 − 3 = 3, coke 290;
* the 工业 total and 居民生活 total rows are not counted again;
* raw coal overall 3300 + 300 + 150 + 30 = 3780 万吨 → CO2 = 3.78e7 t × 1.9002988 t/t
  = 71 831 295 t.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from cocontrol.errors import InputError, ValidationFailed
from cocontrol.inventory import compute
from cocontrol.inventory.energy_balance import read_energy_balance

HEADER = ["项目", "原煤(万吨)", "洗精煤(万吨)", "焦炭(万吨)", "原油(万吨)", "汽油(万吨)",
          "柴油(万吨)", "天然气(亿立方米)", "电力(亿千瓦时)"]
N = None
ROWS = [
    ["一、可供本地区消费的能源量", 5000, 30, 10, 1200, 100, 150, 40, 300],
    ["二、加工转换投入(-)产出(+)量", -3500, 20, 300, -1000, 250, 300, -7, 1200],
    ["  1.火力发电", -3000, N, N, N, N, N, -5, 1200],
    ["  2.供热", -300, N, N, N, N, N, -2, N],
    ["  3.洗选煤", -200, 400, N, N, N, N, N, N],
    ["  4.炼焦", N, -380, 300, N, N, N, N, N],
    ["  5.炼油及煤制油", N, N, N, -1000, 250, 300, N, N],
    ["三、损失量", N, N, N, N, N, N, 0.5, 40],
    ["四、终端消费量", 680, N, 290, N, 150, 265, 21.5, 2100],
    ["  1.农、林、牧、渔业", N, N, N, N, N, 20, N, 30],
    ["  2.工业", 500, N, 290, N, N, 30, 8, 900],
    ["    #用作原料、材料", 50, N, N, N, N, N, 3, N],
    ["    非金属矿物制品业", 300, N, N, N, N, N, 2, 100],
    ["    黑色金属冶炼及压延加工业", 200, N, 290, N, N, 30, 6, 800],
    ["      #用作原料、材料", 50, N, N, N, N, N, 3, N],
    ["  3.建筑业", N, N, N, N, N, 15, N, N],
    ["  4.交通运输、仓储和邮政业", N, N, N, N, 100, 200, 1, N],
    ["  5.批发和零售业、住宿和餐饮业", N, N, N, N, N, N, 0.5, 40],
    ["  6.其他", N, N, N, N, 50, N, N, 60],
    ["  7.居民生活", 30, N, N, N, N, N, 4, 170],
    ["    城镇", N, N, N, N, N, N, 3.5, 100],
    ["    乡村", 30, N, N, N, N, N, 0.5, 70],
    ["五、平衡差额", 0, N, N, N, N, N, 0, 0],
]
POWER = "Production and Supply of Electric Power, Steam and Hot Water"
FERROUS = "Smelting and Pressing of Ferrous Metals"


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "山东能源平衡表2020.xlsx"
    pd.DataFrame([HEADER, *ROWS]).to_excel(path, header=False, index=False)
    return path


def test_activity_without_double_counting(workbook) -> None:
    act = read_energy_balance(workbook, region="山东", year=2020)
    got = act.set_index(["sector", "fuel"])["value"]
    assert got[(POWER, "Raw_Coal")] == 3300
    assert got[(POWER, "Natural_Gas")] == 7
    assert got[(FERROUS, "Raw_Coal")] == 150
    assert got[(FERROUS, "Natural_Gas")] == 3
    assert got[(FERROUS, "Coke")] == 290
    assert got[("Rural", "Raw_Coal")] == 30
    assert got[("Urban", "Natural_Gas")] == 3.5
    assert got[("Others", "Electricity")] == 60
    assert (POWER, "Electricity") not in got.index
    assert not act["fuel"].isin(["Cleaned_Coal", "Crude_Oil"]).any()
    coal = act[act["fuel"] == "Raw_Coal"]["value"].sum()
    assert coal == 3780
    gas = act[act["fuel"] == "Natural_Gas"]["value"].sum()
    assert gas == pytest.approx(7 + 2 + 3 + 1 + 0.5 + 3.5 + 0.5)  # 17.5 亿立方米


def test_co2_from_the_balance(workbook) -> None:
    act = read_energy_balance(workbook, region="山东", year=2020)
    result = compute(act)
    coal = result[(result["species"] == "CO2") & (result["fuel"] == "Raw_Coal")]["value"].sum()
    assert coal == pytest.approx(71_831_295, rel=1e-6)


def test_industry_total_only_needs_a_sector(tmp_path) -> None:
    rows = [r for r in ROWS if "非金属" not in r[0] and "黑色" not in r[0]
            and not r[0].startswith("      #")]
    path = tmp_path / "b.xlsx"
    pd.DataFrame([HEADER, *rows]).to_excel(path, header=False, index=False)
    with pytest.raises(InputError, match="工业"):
        read_energy_balance(path, region="山东", year=2020)
    act = read_energy_balance(path, region="山东", year=2020, industry_sector="其他制造业")
    got = act.set_index(["sector", "fuel"])["value"]
    assert got[("Other Manufacturing Industry", "Raw_Coal")] == 450  # 500 − 50 feedstock


# --- the shipped illustrative workbook (examples/energy_balance) --------------------------------

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "examples" / "energy_balance"


def _example_module():
    spec = importlib.util.spec_from_file_location("make_example", EXAMPLE_DIR / "make_example.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_example_matches_its_script() -> None:
    """The .xlsx in examples/ is what make_example.py writes (rerun the script after edits)."""
    module = _example_module()
    shipped = pd.read_excel(module.FILE, sheet_name="能源平衡表", header=None, dtype=object,
                            engine="calamine")
    expected = module.table().astype(object)
    assert shipped.shape == expected.shape
    for got, want in zip(shipped.values.ravel(), expected.values.ravel(), strict=True):
        assert (pd.isna(got) and pd.isna(want)) or got == want
    assert "illustrative" in str(shipped.iloc[0, 0])


def test_example_raw_coal_and_electricity_by_hand() -> None:
    """One fuel worked through the illustrative 济南 2020 table (万吨, 亿千瓦小时):

    raw coal — 火力发电 1800 + 供热 400 = 2200 to power and heat (the 洗选煤 input of 300 becomes
    洗精煤 and is not burned; the 煤合计 column is a total, not a fuel); 非金属 150; 黑色 100;
    化学 80 − 60 用作原料、材料 = 20; the 工业 total (330) and its feedstock line are not added
    again; 乡村 30 → 2200 + 150 + 100 + 20 + 30 = 2500 万吨 = 2.5e7 t, CO2 = 2.5e7 × 1.9002988
    (= 20.908 GJ/t × 0.02637 t C/GJ × 0.94 × 44/12) = 47 507 471 t.
    电力 — the +300 output of 火力发电 is not activity; final use 5 + 20 + 70 + 40 + 5 + 10 + 25
    + 30 + 70 + 25 = 300 亿千瓦时 = 3.0e7 MWh, scope 2 only, × 0.6838 t/MWh (山东 2021, the
    published year closest to 2020) = 20 514 000 t.
    """
    act = read_energy_balance(_example_module().FILE, region="济南市", year=2020,
                              sheet="能源平衡表")
    coal = act[act["fuel"] == "Raw_Coal"].set_index("sector")["value"]
    assert coal[POWER] == 2200
    assert coal["Raw Chemical Materials and Chemical Products"] == 20
    assert coal.sum() == 2500
    assert set(act["unit"][act["fuel"] == "Raw_Coal"]) == {"万吨"}
    elec = act[act["fuel"] == "Electricity"]
    assert POWER not in set(elec["sector"])
    assert elec["value"].sum() == 300
    result = compute(act)
    co2 = result[result["species"] == "CO2"]
    assert co2[co2["fuel"] == "Raw_Coal"]["value"].sum() == pytest.approx(47_507_471, rel=1e-6)
    assert set(co2[co2["fuel"] == "Raw_Coal"]["scope"]) == {1}
    power = co2[co2["fuel"] == "Electricity"]
    assert set(power["scope"]) == {2}
    assert power["value"].sum() == pytest.approx(20_514_000, rel=1e-9)


# --- bad tables: every offending cell with file, sheet, row and column ---------------------------


def _book(tmp_path, rows, name="b.xlsx", sheet="Sheet1"):
    path = tmp_path / name
    pd.DataFrame(rows).to_excel(path, header=False, index=False, sheet_name=sheet)
    return path


def test_not_a_balance_table(tmp_path) -> None:
    path = _book(tmp_path, [["region", "year", "sector", "fuel", "value", "unit"],
                            ["济南市", 2020, "建筑业", "柴油", 5, "万吨"]])
    with pytest.raises(InputError, match="not an energy balance table") as err:
        read_energy_balance(path, region="济南市", year=2020)
    assert err.value.problem.file == str(path) and err.value.problem.sheet == "Sheet1"


def test_every_bad_cell_is_listed(tmp_path) -> None:
    """Unknown fuel column (原媒), fuel without unit (柴油), unknown row with numbers (宇航业,
    suggestion 航空…? none needed), a text cell and a negative consumption — all at once."""
    header = ["项目", "原煤(万吨)", "原媒(万吨)", "柴油", "天然气(亿立方米)"]
    rows = [header,
            ["火力发电", -100, N, N, -1],
            ["建筑业", 5, N, 3, "x"],
            ["交通运输、仓储和邮政业", -2, N, 4, 1],
            ["宇航业", 1, N, N, N]]
    path = _book(tmp_path, rows, sheet="平衡表")
    with pytest.raises(ValidationFailed) as err:
        read_energy_balance(path, region="济南市", year=2020, sheet="平衡表")
    got = {(p.row, p.column, p.message.split(" —")[0]) for p in err.value.problems}
    assert got == {(1, "原媒(万吨)", "unknown fuel column"), (1, "柴油", "unit missing"),
                   (3, "天然气(亿立方米)", "not a number"),
                   (4, "原煤(万吨)", "negative consumption"), (5, "项目", "unknown row")}
    assert all(p.file == str(path) and p.sheet == "平衡表" for p in err.value.problems)
    assert "原煤" in str(err.value)  # the suggestion for 原媒


def test_unit_mismatch_and_missing_sheet(tmp_path) -> None:
    path = _book(tmp_path, [["项目", "原煤(万立方米)", "天然气(亿立方米)"], ["建筑业", 1, 1]])
    with pytest.raises(ValidationFailed, match="unit mismatch") as err:
        read_energy_balance(path, region="济南市", year=2020)
    assert [(p.row, p.column) for p in err.value.problems] == [(1, "原煤(万立方米)")]
    with pytest.raises(InputError, match="no such sheet"):
        read_energy_balance(path, region="济南市", year=2020, sheet="2020")


def test_gbk_csv_reads_like_the_workbook(workbook, tmp_path) -> None:
    path = tmp_path / "平衡表.csv"
    pd.DataFrame([HEADER, *ROWS]).to_csv(path, header=False, index=False, encoding="gb18030")
    from_csv = read_energy_balance(path, region="山东", year=2020)
    from_xlsx = read_energy_balance(workbook, region="山东", year=2020)
    pd.testing.assert_frame_equal(from_csv.reset_index(drop=True),
                                  from_xlsx.reset_index(drop=True))


def test_feedstock_only_on_the_industry_total_is_named(tmp_path) -> None:
    """Subsector rows without their own 用作原料、材料 line: the 工业 feedstock (50) cannot be
    assigned, so ferrous raw coal stays 200 and a warning says the feedstock was not taken off."""
    rows = [r for r in ROWS if not r[0].startswith("      #")]
    path = tmp_path / "c.xlsx"
    pd.DataFrame([HEADER, *rows]).to_excel(path, header=False, index=False)
    with pytest.warns(UserWarning, match="用作原料、材料 is given only for the 工业 total"):
        act = read_energy_balance(path, region="山东", year=2020)
    assert act.set_index(["sector", "fuel"])["value"][(FERROUS, "Raw_Coal")] == 200
