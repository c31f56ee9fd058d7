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

import pandas as pd
import pytest

from cocontrol.errors import InputError
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
