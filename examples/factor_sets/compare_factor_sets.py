"""Compare the seed cities' inventories under each factor set (排放因子集对比).

Run from the repository root::

    PYTHONPATH=src python examples/factor_sets/compare_factor_sets.py [-o examples/factor_sets/因子集对比.xlsx]

For 济南, 淄博, 威海 and 荣成 (``examples/activity``, ``examples/controls``; activity scaled to
the CEADs city CO2 totals, labelled illustrative) and the years 2017 (the census year) and
2023, the scope-1 totals per species and per sector under

* ``tcses2024`` — T/CSES 144—2024 (the default),
* ``previous`` — the values shipped before,
* ``jinan_measured_example.csv`` — the format of a city's own factor file (made-up values),

with the ratio default/previous, and the intensity check against the 2017 national census
(:mod:`cocontrol.inventory.census`). Every sheet names its factor sets; nothing here is a
published inventory of these cities.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import pandas as pd

from cocontrol import refdata
from cocontrol.data.controls import read_controls
from cocontrol.demo import CITIES
from cocontrol.inventory import compute, factor_sets
from cocontrol.inventory.census import intensity_ratios

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
YEARS = (2017, 2023)
POLLUTANTS = ["SO2", "NOx", "PM10", "PM2.5", "VOCs", "NH3", "CO"]


def run() -> dict[str, pd.DataFrame]:
    sets = {"tcses2024": "tcses2024", "previous": "previous",
            "measured_example": str(HERE / "jinan_measured_example.csv")}
    labels = {k: factor_sets.load(v).label for k, v in sets.items()}
    city_rows, sector_rows, census_rows = [], [], []
    for slug in CITIES:
        act = ROOT / "examples" / "activity" / f"{slug}.csv"
        ctl = read_controls(ROOT / "examples" / "controls" / f"{slug}.csv")
        for key, spec in sets.items():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = compute(act, controls=ctl, factors=spec)
            s1 = res[(res["scope"] == 1) & res["year"].isin(YEARS)
                     & res["species"].isin(POLLUTANTS)]
            for (region, year, species), v in s1.groupby(["region", "year", "species"])[
                    "value"].sum().items():
                city_rows.append({"地区": region, "年份": year, "物种": species,
                                  "因子集": key, "排放量 (t)": v})
            for (region, year, sector, species), v in s1.groupby(
                    ["region", "year", "sector", "species"])["value"].sum().items():
                sector_rows.append({"地区": region, "年份": year, "行业": sector, "物种": species,
                                    "因子集": key, "排放量 (t)": v})
            ratios = intensity_ratios(res, 2017).assign(因子集=key)
            census_rows.append(ratios)
    city = pd.DataFrame(city_rows).pivot_table(index=["地区", "年份", "物种"], columns="因子集",
                                               values="排放量 (t)").reset_index()
    city["默认/旧值"] = city["tcses2024"] / city["previous"]
    sector = pd.DataFrame(sector_rows).pivot_table(
        index=["地区", "年份", "行业", "物种"], columns="因子集", values="排放量 (t)").reset_index()
    zh = refdata.load("sectors").set_index("sector")["name_zh"]
    sector.insert(3, "行业名称", sector["行业"].map(zh))
    census = pd.concat(census_rows, ignore_index=True).rename(columns={
        "region": "地区", "census": "普查口径", "species": "清单物种", "value_t": "城市排放量 (t)",
        "co2_t": "城市 CO2 (t)", "ratio": "强度比 (城市/全国)"})
    about = pd.DataFrame({"项目": ["说明", *[f"因子集 {k}" for k in labels], "活动水平", "普查校核"],
                          "内容": ["各城市范围一排放量在不同排放因子集下的对比（示例数据）",
                                 *labels.values(),
                                 "示例数据：按 CEADs 城市 CO2 总量缩放的活动水平，非统计数据",
                                 "强度比 = (城市排放量/城市CO2) ÷ (2017年全国普查排放量/全国CO2)；"
                                 "SO2、NOx 在 1/3–3 之间视为合理，颗粒物与 VOCs 仅列示"]})
    return {"说明": about, "城市总量": city, "分行业": sector, "普查强度校核": census}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=HERE / "因子集对比.xlsx")
    out = parser.parse_args().output
    sheets = run()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    city = sheets["城市总量"]
    print(city[city["年份"] == 2017].round(1).to_string(index=False))
    print(f"written {out}")


if __name__ == "__main__":
    main()
