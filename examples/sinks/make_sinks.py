"""Write the demo sink activity files ``examples/sinks/<city>.csv`` (run from the repo root).

Only the seagrass restoration rows quote a published figure (the 1150 亩 鳗草 restoration and its
45 % plant-retention floor in 威政字〔2024〕52号); every other number is a round illustrative value
of plausible order, not a statistic. Replace a row with yearbook data by writing ``real`` in
``label`` and the table (e.g. 《中国渔业统计年鉴2024》 表 x) in ``source``.
"""

from __future__ import annotations

import csv
from pathlib import Path

PLAN = ("real: 威海市减污降碳协同创新试点实施方案 (威政字〔2024〕52号) 三(二)2 — planned 1150亩 "
        "鳗草海草床 restoration in 荣成大天鹅国家级自然保护区 天鹅湖及养鱼池湾; a plan figure, "
        "not a survey of the achieved area")
RETAIN = ("real: 威政字〔2024〕52号 — 植株保存率不低于45% (the plan's floor, used as the "
          "effective share)")
LATER = ("illustrative: assumes the 2024 planned 1150亩 and 45 % retention persist; not a "
         "monitoring result")
AQUA = ("illustrative: round number of plausible order for the city's mariculture, not from "
        "《中国渔业统计年鉴》 or the city yearbook; seaweed declared as dry weight, shellfish as "
        "live weight")
FOREST = ("illustrative: round area and growing stock of plausible order, not from the forest "
          "resource inventory (森林资源清查)")
ITEM = "天鹅湖鳗草海草床修复"

# city → (region, aquaculture wet/dry tonnes in 万吨 for 2021–2023, forest rows)
AQUACULTURE = {  # species: (variable, 2021, 2022, 2023) in 万吨
    "weihai": {"海带": ("harvest_dry", 30, 31, 32), "裙带菜": ("harvest_dry", 4, 4, 4.5),
               "牡蛎": ("harvest_wet", 25, 26, 27), "扇贝": ("harvest_wet", 15, 15, 16),
               "贻贝": ("harvest_wet", 5, 5, 5)},
    "rongcheng": {"海带": ("harvest_dry", 15, 15.5, 16), "裙带菜": ("harvest_dry", 2, 2, 2.2),
                  "牡蛎": ("harvest_wet", 12, 12.5, 13), "扇贝": ("harvest_wet", 8, 8, 8.5)},
}
FOREST_STOCK = {  # forest type: (area 公顷, growing stock 万立方米 2020, 2023)
    "weihai": {"温带松林": (60000, 300, 330), "温带阔叶林": (40000, 160, 180)},
    "rongcheng": {"温带松林": (15000, 70, 78), "温带阔叶林": (8000, 30, 34)},
    "jinan": {"温带其他针叶林": (50000, 150, 170), "温带阔叶林": (80000, 400, 450)},
    "zibo": {"温带其他针叶林": (40000, 120, 135)},
}
POPLAR = {"zibo": (8, 3)}  # 杨树 annual increment and harvest, 万立方米, 2021–2023
REGION = {"weihai": "威海市", "rongcheng": "荣成市", "jinan": "济南市", "zibo": "淄博市"}


def rows(city: str) -> list[tuple[object, ...]]:
    region = REGION[city]
    out: list[tuple[object, ...]] = []
    if city in ("weihai", "rongcheng"):
        for year in (2024, 2025, 2026):
            source = PLAN if year == 2024 else LATER
            out.append((region, year, "seagrass", ITEM, "area", 1150, "亩",
                        "real" if year == 2024 else "illustrative", source))
            out.append((region, year, "seagrass", ITEM, "retention", 45, "%",
                        "real" if year == 2024 else "illustrative",
                        RETAIN if year == 2024 else LATER))
    for species, (variable, *values) in AQUACULTURE.get(city, {}).items():
        for year, value in zip((2021, 2022, 2023), values, strict=True):
            out.append((region, year, "aquaculture", species, variable, value, "万吨",
                        "illustrative", AQUA))
    for kind, (area, v2020, v2023) in FOREST_STOCK.get(city, {}).items():
        for year, stock in ((2020, v2020), (2023, v2023)):
            out.append((region, year, "forest", kind, "area", area, "公顷", "illustrative",
                        FOREST))
            out.append((region, year, "forest", kind, "growing_stock", stock, "万立方米",
                        "illustrative", FOREST))
    if city in POPLAR:
        growth, cut = POPLAR[city]
        for year in (2021, 2022, 2023):
            out.append((region, year, "forest", "杨树", "volume_increment", growth, "万立方米",
                        "illustrative", FOREST))
            out.append((region, year, "forest", "杨树", "harvest_volume", cut, "万立方米",
                        "illustrative", FOREST))
    return out


def main() -> None:
    folder = Path(__file__).resolve().parent
    header = ("region", "year", "sink_type", "item", "variable", "value", "unit", "label",
              "source")
    for city in REGION:
        with open(folder / f"{city}.csv", "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows(city))


if __name__ == "__main__":
    main()
