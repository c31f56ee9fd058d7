"""Write the illustrative energy balance workbook ``济南市能源平衡表2020_示例.xlsx``.

ILLUSTRATIVE: every number below is made up to look like a city table of the China Energy
Statistical Yearbook layout (地区能源平衡表(实物量): fuels as columns, units in a 计量单位 row,
supply / transformation / final consumption rows). It is not 济南's statistics and must never
be quoted as such. Run from the repository root after a change:
``.venv/bin/python examples/energy_balance/make_example.py``; ``cocontrol inventory balance``
reads the result (see README.md here and tests/inventory/test_energy_balance.py).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
FILE = HERE / "济南市能源平衡表2020_示例.xlsx"
TITLE = "济南市能源平衡表（实物量）2020年 —— 示例数据（illustrative，非真实统计数据）"
HEADER = ["项目", "煤合计", "原煤", "洗精煤", "焦炭", "高炉煤气", "原油", "汽油", "柴油",
          "燃料油", "液化石油气", "天然气", "热力", "电力"]
UNITS = ["计量单位", "万吨", "万吨", "万吨", "万吨", "亿立方米", "万吨", "万吨", "万吨",
         "万吨", "万吨", "亿立方米", "万百万千焦", "亿千瓦小时"]
N = None
ROWS = [
    # 项目                      煤合计 原煤   洗精煤 焦炭  高炉煤气 原油  汽油 柴油 燃料油 LPG  天然气 热力   电力
    ["一、可供本地区消费的能源量", 3100, 2800, 0, 0, 0, 500, 35, 78, 5, 12, 15.5, 0, 160],
    ["  1.一次能源生产量", 0, 0, N, N, N, N, N, N, N, N, N, N, 0],
    ["  2.外省（区、市）调入量", 3150, 2850, N, N, N, 520, 40, 80, 5, 12, 15.5, N, 160],
    ["  3.本省（区、市）调出量(-)", -50, -50, N, N, N, -20, -5, -2, N, N, N, N, N],
    ["二、加工转换投入(-)产出(+)量", -2700, -2500, 0, 150, 40, N, 120, 150, 30, 20, -5, 8000, 300],
    ["  1.火力发电", -1800, -1800, N, N, -20, N, N, N, N, N, -3, N, 300],
    ["  2.供热", -400, -400, N, N, N, N, N, N, N, N, -2, 8000, N],
    ["  3.洗选煤", -100, -300, 200, N, N, N, N, N, N, N, N, N, N],
    ["  4.炼焦", -200, N, -200, 150, 60, N, N, N, N, N, N, N, N],
    ["  5.炼油及煤制油", N, N, N, N, N, -500, 120, 150, 30, 20, N, N, N],
    ["三、损失量", N, N, N, N, N, N, N, N, N, N, 0.2, 500, 20],
    ["四、终端消费量", 380, 380, N, 150, 40, N, 35, 78, 5, 12, 10.3, 7000, 300],
    ["  1.农、林、牧、渔业", N, N, N, N, N, N, N, 10, N, N, N, N, 5],
    ["  2.工业", 330, 330, N, 150, 40, N, N, N, N, N, 4.5, 1000, 130],
    ["    #用作原料、材料", 60, 60, N, N, N, N, N, N, N, N, 1, N, N],
    ["    非金属矿物制品业", 150, 150, N, N, N, N, N, N, N, N, 1, N, 20],
    ["    黑色金属冶炼和压延加工业", 100, 100, N, 150, 40, N, N, N, N, N, 2, N, 70],
    ["    化学原料和化学制品制造业", 80, 80, N, N, N, N, N, N, N, N, 1.5, 1000, 40],
    ["      #用作原料、材料", 60, 60, N, N, N, N, N, N, N, N, 1, N, N],
    ["  3.建筑业", N, N, N, N, N, N, N, 8, N, N, N, N, 5],
    ["  4.交通运输、仓储和邮政业", N, N, N, N, N, N, 20, 60, 5, N, 1, N, 10],
    ["  5.批发和零售业、住宿和餐饮业", N, N, N, N, N, N, N, N, N, 3, 1, N, 25],
    ["  6.其他", N, N, N, N, N, N, 15, N, N, N, N, 1000, 30],
    ["  7.居民生活", 30, 30, N, N, N, N, N, N, N, 9, 3.8, 5000, 95],
    ["    城镇", N, N, N, N, N, N, N, N, N, 5, 3.5, 5000, 70],
    ["    乡村", 30, 30, N, N, N, N, N, N, N, 4, 0.3, N, 25],
    ["五、平衡差额", 20, -80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500, 140],
]
NOTE = ["说明：本表为示例数据（illustrative），数字均为虚构，仅用于演示 cocontrol inventory balance 的"
        "读取方法（火力发电、供热投入计入电力热力生产业；其他加工转换投入和用作原料、材料的部分不计入燃烧；"
        "终端消费的电力、热力计为间接排放）。不得作为济南市统计数据引用。"]


def table() -> pd.DataFrame:
    """The sheet's cells (no header), exactly as written to the workbook."""
    width = len(HEADER)
    return pd.DataFrame([[TITLE, *[N] * (width - 1)], HEADER, UNITS, *ROWS],
                        columns=range(width))


def write(path: Path = FILE) -> Path:
    """Write the workbook: sheet 能源平衡表 (the table) and 说明 (the illustrative label)."""
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        table().to_excel(book, sheet_name="能源平衡表", header=False, index=False)
        pd.DataFrame([NOTE]).to_excel(book, sheet_name="说明", header=False, index=False)
    return path


if __name__ == "__main__":
    print(write())
