"""Templates: the measures workbook (for ``scenario optimize``) and a commented scenario YAML.

Every number in them is labelled illustrative.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from cocontrol.errors import InputError
from cocontrol.files import write_atomic

MEASURE_HEADERS = ["measure", "cost", "lumpy", "CO2", "SO2", "NOx", "PM2.5", "VOCs", "APeq",
                   "excludes", "requires", "source"]
MEASURE_ROWS = [
    ["关停30万千瓦以下燃煤机组", 12000, "是", 900000, 180, 260, 25, 10, 470, "", "", "示例 illustrative"],
    ["燃煤锅炉超低排放改造", 3000, "否", 0, 400, 600, 60, 0, 1026, "", "", "示例 illustrative"],
    ["公交车电动化", 5000, "否", 60000, 2, 120, 5, 30, 153, "", "", "示例 illustrative"],
    ["屋顶分布式光伏", 8000, "否", 200000, 40, 60, 8, 3, 106, "", "", "示例 illustrative"],
    ["燃煤锅炉煤改气", 4000, "是", 70000, 150, 80, 20, 0, 239, "燃煤锅炉超低排放改造", "",
     "示例 illustrative"],
]

SPEC = """\
# 情景设定模板 (scenario specification). Every number below is ILLUSTRATIVE: replace it with
# the city's own data and name the source in a comment.
title: 示例城市碳达峰路径
region: 济南市                 # as in the activity file
base_year: 2023                # a year of the activity file: the base year equals the inventory
end_year: 2035                 # ≤ 2060
activity: activity.csv         # the inventory's activity file (relative to this file)
controls: controls.csv         # optional: control-technology penetration of the inventory
draws: 10000                   # Monte Carlo draws (Latin hypercube)
seed: 1
co2_scopes: [1, 2]             # CO2 of targets and peak: 1 direct, 2 purchased electricity/heat
history:                       # reference-year values for intensity targets (constant prices)
  GDP: {2005: 3300, 2020: 9500}
  CO2: {2005: 60000000}        # t
drivers:                       # key assumptions: base-year value and a LEAP expression
  GDP: {base: 11196, unit: 亿元, expression: "Growth(5.5%, 2026, 5%)", sigma: 0.012}
  population: {base: 927, unit: 万人, expression: "Growth(0.6%)", sigma: 0.002}
  non_fossil_share: {base: 7.5, unit: "%", expression: "Interp(2025, 8.5, 2030, 12)"}
  # a group of shares: members: {primary: {base: 4, expression: "Interp(2030, 3)"},
  #   secondary: {base: 36, expression: "Interp(2030, 33)"}, tertiary: {base: 60, expression: "Remainder(100)"}}
activity_rules:                # relative activity index (1 in the base year) per sector, group or *
  "*": GrowthAs(GDP, 0.35)
  energy_industries: GrowthAs(GDP, 0.3)
  residential: GrowthAs(population, 1.0) * GrowthAs(GDP, 0.2)
measures:                      # kinds: activity, fuel_switch, emission_factor, control
  - name: 关停整合小燃煤热源
    kind: activity
    sector: 电力、热力生产和供应业
    fuel: 原煤
    share: 0.15                # or amount: 50 with unit: 万吨 (tce/GJ for several fuels)
    start: 2024
    full: 2027
    quote: 规划原文
    responsible: 责任单位
    cost: {investment: 150000, life: 20, discount_rate: 0.08, om: 0, fuel_savings: 20000}   # 万元
    uptake: [0.7, 1.0]         # uncertainty of the measure's effect: [low, high] or [low, mode, high]
  - name: 公交电动化
    kind: fuel_switch
    sector: transport
    fuel: [汽油, 柴油]
    to_fuel: 电力
    ratio: 0.29                # 万千瓦时 per t of fuel replaced
    share: 0.3
    start: 2024
    full: 2030
  - name: 钢铁除尘改造
    kind: control
    sector: 黑色金属冶炼及压延加工业
    fuel: 焦炭
    technology: bag_filter
    penetration: 0.95
    start: 2024
    full: 2026
packages:
  能源结构优化: {measures: [关停整合小燃煤热源]}
  交通运输: {measures: [公交电动化]}
scenarios:
  基准情景: {}
  规划情景: {parent: 基准情景, inherits: [能源结构优化, 交通运输], measures: [钢铁除尘改造]}
targets:
  - {indicator: peak_year, year: 2030, value: 2030, unit: 年, relation: "<="}
  - {indicator: co2_per_gdp, year: 2030, against: 2005, value: -68, unit: "%", relation: "<="}
  - {indicator: reduction, species: NOx, year: 2025, against: 基准情景, value: 1000, unit: t, relation: ">="}
"""


def write_templates(folder: str | Path, *, force: bool = False) -> list[Path]:
    folder = Path(folder)
    targets = [folder / "measures.xlsx", folder / "scenario.yaml"]
    existing = [str(p) for p in targets if p.exists()]
    if existing and not force:
        raise InputError("file exists (use --force to overwrite)", file=existing[0],
                         expected="a folder without measures.xlsx and scenario.yaml")

    def save(tmp: str) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "措施"
        ws.append(MEASURE_HEADERS)
        for row in MEASURE_ROWS:
            ws.append(row)
        wb.save(tmp)

    write_atomic(targets[0], save)
    write_atomic(targets[1], lambda tmp: Path(tmp).write_text(SPEC, encoding="utf-8"))
    return targets
