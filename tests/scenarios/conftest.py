"""A small city (illustrative numbers) written as the inventory's own files, and a spec."""

from pathlib import Path

import pandas as pd
import pytest

POWER = "Production and Supply of Electric Power, Steam and Hot Water"
TRANSPORT = "Transportation, Storage, Post and Telecommunication Services"
STEEL = "Smelting and Pressing of Ferrous Metals"

ACTIVITY = [
    (POWER, "Raw_Coal", 500.0, "万吨"), (POWER, "Natural_Gas", 2000.0, "万立方米"),
    (TRANSPORT, "Gasoline", 40.0, "万吨"), (TRANSPORT, "Diesel_Oil", 60.0, "万吨"),
    (STEEL, "Coke", 120.0, "万吨"), (STEEL, "Electricity", 300000.0, "万千瓦时"),
    ("Urban", "Natural_Gas", 30000.0, "万立方米"), ("Urban", "Electricity", 400000.0, "万千瓦时"),
]
CONTROLS = [(POWER, "Raw_Coal", "limestone_gypsum_wet_fgd", 0.6),
            (POWER, "Raw_Coal", "scr", 0.5), (POWER, "Raw_Coal", "esp", 0.7)]

SPEC = """\
region: 测试市
base_year: 2022
end_year: 2035
activity: activity.csv
controls: controls.csv
draws: 2000
seed: 7
history:
  GDP: {2005: 1000}
  CO2: {2005: 20000000}
drivers:
  GDP: {base: 3000, unit: 亿元, expression: "Growth(5%, 2026, 4%)", sigma: 0.01}
  population: {base: 300, unit: 万人, expression: "Growth(0.5%)"}
  grid: {base: 0.58, unit: t/MWh, expression: "Interp(2030, 0.5, 2035, 0.45)"}
  non_fossil_share: {base: 8, unit: "%", expression: "Interp(2030, 13)"}
grid_factor: grid
activity_rules:
  "*": GrowthAs(GDP, 0.4)
  residential: GrowthAs(population, 1) * GrowthAs(GDP, 0.3)
measures:
  - {name: 关停燃煤机组, kind: activity, sector: 电力、热力生产和供应业, fuel: 原煤, share: 0.3,
     start: 2024, full: 2026, cost: {investment: 100000, life: 20, om: 1000}, uptake: [0.8, 1.0]}
  - {name: 电动汽车, kind: fuel_switch, sector: transport, fuel: 汽油, to_fuel: 电力, ratio: 0.29,
     share: 0.5, start: 2024, full: 2030, cost: {annual: 5000}}
  - {name: 钢铁脱硝, kind: control, sector: 黑色金属冶炼及压延加工业, fuel: 焦炭, technology: scr,
     penetration: 0.9, start: 2024, full: 2025, cost: {investment: 20000, life: 15}}
packages:
  能源: {measures: [关停燃煤机组]}
  交通: {measures: [电动汽车]}
  工业: {measures: [钢铁脱硝]}
  空包: {}
scenarios:
  基准情景: {}
  空措施情景: {parent: 基准情景, inherits: [空包]}
  规划情景: {parent: 基准情景, inherits: [能源, 交通, 工业]}
targets:
  - {indicator: peak_year, year: 2030, value: 2030, unit: 年, relation: "<="}
  - {indicator: co2_per_gdp, year: 2030, against: 2005, value: -50, unit: "%", relation: "<="}
  - {indicator: reduction, species: NOx, year: 2030, against: 基准情景, value: 1000, unit: t, relation: ">="}
  - {indicator: non_fossil_share, year: 2030, value: 12, unit: "%", relation: ">="}
"""


def write_city(folder: Path, spec: str = SPEC) -> Path:
    rows = [{"region": "测试市", "year": y, "sector": s, "fuel": f, "value": v * (1 + 0.02 * (y - 2022)),
             "unit": u} for y in (2020, 2021, 2022) for s, f, v, u in ACTIVITY]
    pd.DataFrame(rows).to_csv(folder / "activity.csv", index=False)
    ctl = [{"region": "测试市", "year": y, "sector": s, "fuel": f, "technology": t, "penetration": p}
           for y in (2020, 2021, 2022) for s, f, t, p in CONTROLS]
    pd.DataFrame(ctl).to_csv(folder / "controls.csv", index=False)
    path = folder / "spec.yaml"
    path.write_text(spec, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def city(tmp_path_factory) -> Path:
    return write_city(tmp_path_factory.mktemp("city"))


@pytest.fixture(scope="session")
def city_result(city):
    """One run of the small city (300 draws), shared by the view and report tests."""
    import warnings

    from cocontrol.scenarios import runner
    from cocontrol.scenarios.spec import read_spec

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return runner.run(read_spec(city), draws=300, quantiles=False)
