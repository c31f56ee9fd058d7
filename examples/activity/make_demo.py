"""Build the illustrative demo activity and control data of the four seed cities.

Run from the repository root: ``.venv/bin/python examples/activity/make_demo.py``.
It rewrites ``examples/activity/<city>.csv`` and ``examples/controls/<city>.csv``.

Method (every number it writes is labelled ``illustrative``; no real city energy balance was at
hand):

1. Structure: the CEADs Shandong provincial CO2 inventory, 47 sectors x 17 fuels + Process, 2015
   and 2019 (Shan et al. 2018 Sci Data 5:170201; Guan et al. 2021 Earth's Future), linearly
   interpolated for 2016-2018; after 2019 raw coal falls 3 % and natural gas rises 10 % a year.
2. City mix: sector weights per city (e.g. Zibo chemicals x 2.2, Weihai steel and coking x 0.05,
   Jinan steel x 1.6 for 莱芜's steelworks), shares below 0.05 % dropped, renormalised.
3. Scale: the shares times the CEADs city scope-1 total of that year (Shan et al. 2022 Sci Bull
   67:1910) for 2015-2019; after 2019 the 2019 total times an illustrative index. Boundary: 莱芜
   was merged into 济南 in January 2019, so 济南 2015-2018 are restated on today's boundary as
   CEADs 济南 + CEADs 莱芜 (莱芜 2018 is not in the CEADs table at hand: its 2017 value is
   carried forward, and the row's source says so), and the steel weight applies to every year —
   the series has no break in 2019, as an inventory after a boundary change should. 荣成 has no CEADs
   series: it is 25 % of the Weihai series (roughly its share of Weihai's industrial output).
4. Activity: A = CO2 / (NCV x CC x OF x 44/12) with the factors of ``cocontrol.refdata``
   ``combustion_co2``; process CO2 -> cement clinker t with ``process_factors`` cement_clinker.
5. Electricity, heat and fertilizer N: illustrative city totals with a fixed sector split.
6. Controls: illustrative penetration paths per control group (``PATHS``), each anchored on a
   documented policy or standard and with its assumptions stated (``CONTROL_SOURCE``, also
   written into every row's ``source``); see :func:`control_rows`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from cocontrol import refdata
from cocontrol.units import conversion_factor

ROOT = Path(__file__).resolve().parents[2]
PROVINCE = ROOT / "tests/refdata/data/ceads_province_shandong_sector_fuel_2015_2019.csv"
CITIES_CEADS = ROOT / "tests/examples/data/ceads_city_co2_2015_2019.csv"
YEARS = range(2015, 2024)
TOTALS = ("Total Consumption", "TotalEmissions")
NOT_FUELS = ("Scope_2_Heat", "Scope_2_Electricity", "Other_Energy", "Scope_1_Total")

AGRI = "Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy"
CHEM = "Raw Chemical Materials and Chemical Products"
COKING = "Petroleum Processing and Coking"
FERR = "Smelting and Pressing of Ferrous Metals"
NONMET = "Nonmetal Mineral Products"
POWER = "Production and Supply of Electric Power, Steam and Hot Water"
TRANS = "Transportation, Storage, Post and Telecommunication Services"
TRADE = "Wholesale, Retail Trade and Catering Services"
MINING = "Coal Mining and Dressing"
OILGAS = "Petroleum and Natural Gas Extraction"

CITY = {
    "jinan": {"region": "济南市", "ceads": "山东济南", "after2019": (0.97, 1.00, 0.98, 0.96),
              "weights": {MINING: 0.3, OILGAS: 0.05, FERR: 1.6, COKING: 0.8, CHEM: 0.6, TRANS: 1.3, "Urban": 1.3},
              "absorbed": ("山东莱芜", 2019), "process": True,
              "electricity": 3.9e6, "heat": 6.0e7, "n_fert": 9.0e4},
    "zibo": {"region": "淄博市", "ceads": "山东淄博", "after2019": (0.97, 0.99, 0.97, 0.95),
             "weights": {MINING: 0.5, OILGAS: 0.05, CHEM: 2.2, COKING: 1.8, NONMET: 1.6, FERR: 0.5, TRANS: 0.8},
             "process": True, "electricity": 4.5e6, "heat": 4.0e7, "n_fert": 5.0e4},
    "weihai": {"region": "威海市", "ceads": "山东威海", "after2019": (0.98, 1.01, 0.99, 0.98),
               "weights": {MINING: 0.02, OILGAS: 0.02, FERR: 0.05, COKING: 0.05, CHEM: 0.4, NONMET: 0.6, TRANS: 1.4,
                           AGRI: 2.0, "Urban": 1.2, "Rural": 1.2},
               "process": False, "electricity": 1.7e6, "heat": 2.0e7, "n_fert": 4.0e4},
}
RONGCHENG_SHARE = 0.25

ELEC_SPLIT = {AGRI: 0.03, CHEM: 0.14, NONMET: 0.08, FERR: 0.08,
              "Electric Equipment and Machinery": 0.06, "Transportation Equipment": 0.05,
              "Construction": 0.02, TRANS: 0.03, TRADE: 0.09, "Others": 0.12,
              "Urban": 0.14, "Rural": 0.06, "Textile Industry": 0.04, "Food Processing": 0.06}
HEAT_SPLIT = {"Urban": 0.7, TRADE: 0.1, "Others": 0.1, CHEM: 0.1}

SRC_STRUCT = ("illustrative: CEADs Shandong sector-fuel CO2 structure {struct} with {slug} sector "
              "weights, scaled to {what}; activity = CO2/(NCV*CC*OF*44/12) with cocontrol refdata; "
              "see examples/README.md")


def per_unit_co2() -> dict[str, tuple[float, str]]:
    """t CO2 per physical unit of each CEADs fuel, and that unit (NCV x CC x OF x 44/12)."""
    co = refdata.load("combustion_co2").pivot(index="fuel", columns="parameter", values="value")
    units = refdata.load("fuels").set_index("fuel")["physical_unit"]
    out = {}
    for fuel, row in co.astype(float).iterrows():
        out[str(fuel)] = (row["ncv"] * row["cc"] * row["of"] * 44 / 12, str(units[fuel]))
    return out


def structure(province: pd.DataFrame, year: int) -> pd.Series:
    """Shares of (sector, fuel) in the provincial total for ``year`` (see module docstring)."""
    cells = province[~province["sector"].isin(TOTALS) & ~province["fuel"].isin(NOT_FUELS)]
    wide = cells.pivot_table(index=["sector", "fuel"], columns="year", values="co2_mt")
    s15, s19 = wide[2015] / wide[2015].sum(), wide[2019] / wide[2019].sum()
    if year <= 2019:
        w = (year - 2015) / 4
        return (1 - w) * s15 + w * s19
    k = year - 2019
    fuel = s19.index.get_level_values("fuel")
    adj = s19.copy()
    adj[fuel == "Raw_Coal"] *= 1 - 0.03 * k
    adj[fuel == "Natural_Gas"] *= 1 + 0.10 * k
    return adj / adj.sum()


def city_shares(base: pd.Series, spec: dict, year: int) -> pd.Series:
    weights = dict(spec["weights"])
    if year >= 2019:
        weights.update(spec.get("weights2019", {}))
    sector = base.index.get_level_values("sector")
    fuel = base.index.get_level_values("fuel")
    s = base * pd.Series(sector, index=base.index).map(weights).fillna(1.0).to_numpy()
    if not spec["process"]:
        s[fuel == "Process"] = 0.0
    s = s[s / s.sum() >= 5e-4]
    return s / s.sum()


def targets(ceads: pd.DataFrame) -> dict[str, dict[int, tuple[float, str]]]:
    """Scope-1 CO2 total (Mt) per city and year, with how it was obtained."""
    out: dict[str, dict[int, tuple[float, str]]] = {}
    for slug, spec in CITY.items():
        series = ceads[ceads["city"] == spec["ceads"]].set_index("year")["co2_mt"]
        out[slug] = {int(y): (float(v), f"CEADs {spec['ceads']} {y} total {v:.2f} Mt")
                     for y, v in series.items()}
        if "absorbed" in spec:  # restate the years before the merger on today's boundary
            other, merged = spec["absorbed"]
            part = ceads[ceads["city"] == other].set_index("year")["co2_mt"]
            for y, (v, _why) in list(out[slug].items()):
                if y >= merged:
                    continue
                known = part[part.index <= y]
                py, pv = int(known.index[-1]), float(known.iloc[-1])
                given = f"{other} {y} {pv:.2f}" if py == y else (
                    f"{other} {pv:.2f} of {py} carried forward (no CEADs {y} value)")
                out[slug][y] = (v + pv, f"CEADs {spec['ceads']} {y} {v:.2f} + {given} Mt, "
                                        f"restated on today's boundary ({other} merged in {merged})")
        base = float(series[2019])
        for k, idx in enumerate(spec["after2019"], start=1):
            out[slug][2019 + k] = (base * idx,
                                   f"2019 CEADs total x {idx} (illustrative index, no CEADs data)")
    out["rongcheng"] = {y: (v * RONGCHENG_SHARE, f"{RONGCHENG_SHARE:.0%} of the Weihai series "
                            f"({why}); 荣成 has no CEADs series")
                        for y, (v, why) in out["weihai"].items()}
    return out


def activity_rows(slug: str, region: str, spec: dict, province: pd.DataFrame,
                  total: dict[int, tuple[float, str]]) -> list[dict]:
    factor = per_unit_co2()
    clinker = float(refdata.load("process_factors").set_index("process").loc["cement_clinker",
                                                                               "value"])
    wan = conversion_factor("t", "万吨")
    rows: list[dict] = []
    for year in YEARS:
        mt, what = total[year]
        struct = "2015/2019 interpolated" if year <= 2019 else "2019 with coal->gas shift"
        source = SRC_STRUCT.format(struct=struct, slug=slug, what=what)
        for (sector, fuel), share in city_shares(structure(province, year), spec, year).items():
            co2_t = share * mt * 1e6
            if fuel == "Process":
                rows.append(dict(sector=NONMET, fuel="cement_clinker",
                                 value=round(co2_t / clinker), unit="t"))
                continue
            per_unit, unit = factor[fuel]
            amount = co2_t / per_unit
            if unit == "t":
                amount, unit = amount * wan, "万吨"
            rows.append(dict(sector=sector, fuel=fuel, value=round(amount, 4), unit=unit))
        for r in rows:
            r.setdefault("year", year)
            r.setdefault("source", source)
        rows.extend(secondary_rows(spec, year))
    for r in rows:
        r["region"] = region
        r["label"] = "illustrative"
    cols = ["region", "year", "sector", "fuel", "value", "unit", "label", "source"]
    return [{c: r[c] for c in cols} for r in rows if r["value"] > 0]


def secondary_rows(spec: dict, year: int) -> list[dict]:
    """Electricity (万千瓦时), purchased heat (吉焦) and fertilizer N (t): illustrative totals."""
    k = year - 2019
    grow_e = 1.04 ** k if year != 2020 else 1.01
    out = []
    src_e = (f"illustrative: city electricity use {spec['electricity'] / 1e4:.0f} 亿kWh in 2019, "
             "+4 %/yr, fixed sector split (not statistics)")
    for sector, share in ELEC_SPLIT.items():
        out.append(dict(year=year, sector=sector, fuel="Electricity", unit="万千瓦时",
                        value=round(spec["electricity"] * grow_e * share / sum(ELEC_SPLIT.values())),
                        source=src_e))
    src_h = (f"illustrative: purchased heat {spec['heat'] / 1e6:.0f} 百万GJ in 2019, +3 %/yr, "
             "fixed split (not statistics)")
    for sector, share in HEAT_SPLIT.items():
        out.append(dict(year=year, sector=sector, fuel="Heat", unit="吉焦",
                        value=round(spec["heat"] * 1.03 ** k * share), source=src_h))
    out.append(dict(year=year, sector=AGRI, fuel="nitrogen_fertilizer", unit="t",
                    value=round(spec["n_fert"] * 0.98 ** (year - 2015)),
                    source="illustrative: fertilizer N applied (折纯), -2 %/yr "
                           "(化肥零增长行动); not statistics"))
    return out


#: coal, coke and oil fuels of the CEADs table that a stack control acts on
SOLID = ("Raw_Coal", "Cleaned_Coal", "Other_Washed_Coal", "Briquettes")
COKES = ("Coke", "Other_Coking_Products")
OILS = ("Fuel_Oil", "Crude_Oil", "Other_Petroleum_Products")
#: sectors without stack controls in the demo (households, services, farms, transport,
#: construction): small stoves and engines, no end-of-pipe device assumed
UNCONTROLLED = {AGRI, TRANS, TRADE, "Construction", "Others", "Urban", "Rural"}

#: penetration paths 2015…2023 (before the city ``pace``), one per control group; what each is
#: anchored on and what is assumed is in CONTROL_SOURCE (also written into every row)
PATHS = {
    "power_ule": (0.15, 0.35, 0.6, 0.8, 0.9, 0.95, 1.0, 1.0, 1.0),
    "boiler_fgd": (0.4, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.9, 0.9),
    "boiler_dust": (0.6, 0.75, 0.85, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95),
    "steel_fgd": (0.6, 0.6, 0.6, 0.6, 0.7, 0.9, 1.0, 1.0, 1.0),
    "steel_scr": (0.0, 0.0, 0.0, 0.2, 0.4, 0.8, 1.0, 1.0, 1.0),
    "kiln_fgd": (0.3, 0.3, 0.3, 0.4, 0.6, 0.8, 0.9, 0.9, 0.9),
}

CONTROL_SOURCE = {
    "power": (
        "illustrative, anchored: 全面实施燃煤电厂超低排放和节能改造工作方案 (环发〔2015〕164号, "
        "issued 2015-12-11, all units able to retrofit by 2020) and the NEA 2018 notice (central "
        "provinces by 2018, western by 2020, so the east earlier); assumed: the city pace 15 % (2015) → 100 % (2021) ultra-low, "
        "the rest wet FGD + SCR + ESP/bag (units under GB 13223-2011 [M]), the same shares for every "
        "coal, coke and oil fuel of the sector (washed coal and briquettes burn in the same units "
        "as raw coal); not plant data"),
    "steel": (
        "illustrative, anchored: 山东省钢铁行业超低排放改造实施方案 (all organised sources by "
        "2020-10: sinter head SO2 35, NOx 50, other sources SO2 50 mg/m3) and DB37/990-2019 "
        "(in force 2019-11-01); assumed: before 2019 sinter and pellet flue gas desulfurised "
        "(GB 28662-2012 [M]) taken as 60 % of the sector's fuel sulfur [M], SCR from 2018 (日照钢铁 "
        "sinter SCR 2018), 100 % from 2021; not plant data"),
    "boiler": (
        "illustrative, anchored: GB 13271-2014 in-use coal boilers SO2 400, PM 80 mg/m3 from "
        "2015-10-01 (>10 t/h) and 2016-07-01 (≤10 t/h), which at S 1 % (17 kg SO2/t over an "
        "assumed 12 m3/kg flue gas ≈ 1 400 mg/m3) needs a desulfuriser and a dust collector; "
        "Shandong's ≤35 t/h coal boilers retired 2019–2021 (鲁环发〔2020〕47号); assumed: compliance 40 % (2015) → 90 % "
        "(2021), dust collectors 60 % → 95 %; not plant data"),
    "chem_lnb": (
        "illustrative, not anchored: low-NOx burners on chemical-industry coal boilers, "
        "30 % (2015) → 80 % (2023), assumed; GB 13271-2014's NOx 400 mg/m3 does not require them"),
    "kiln": (
        "illustrative, anchored: DB37/2376-2013 (covers 锅炉和炉窑), 工业炉窑大气污染综合治理方案 "
        "(环大气〔2019〕56号, 2019-07) and DB37/2375-2019 工业炉窑 (in force 2019-11-01); "
        "assumed: kiln desulfurisation 30 % (2015–2017) → 90 % (2021), kiln dust removal as "
        "for clinker; not plant data"),
    "clinker": (
        "illustrative, not anchored: cement kiln SNCR 60 % (2015) → 100 % (2023), bag filters 80 % → "
        "100 %, assumed (GB 4915-2013 limits not read); not plant data"),
}


def control_rows(region: str, pace: float, activity: pd.DataFrame | None = None) -> list[dict]:
    """Illustrative penetration (0–1) of control technologies, rising over time.

    One row per (year, sector, fuel, technology) of the sector × fuel cells that the city's
    activity table has (every cell when ``activity`` is None). Groups (paths in ``PATHS``,
    anchors and assumptions in ``CONTROL_SOURCE``): power and heat — every coal, coke and oil
    fuel; iron and steel — coal and coke; industrial coal boilers — coal of every other
    industrial sector; kilns — coal of non-metal mineral products; cement clinker (process).
    Households, services, farms, transport and construction carry none. Per (sector, fuel,
    species) the penetrations sum to at most 1 (GAINS convention). ``pace`` < 1 delays the
    retrofits (smaller cities)."""
    cells = (None if activity is None else
             set(zip(activity["sector"], activity["fuel"], strict=True)))
    codes = refdata.load("sectors").set_index("sector")["code"].astype(int)
    industry = [s for s, code in codes.items()  # mining, manufacturing, gas and water (≤ 41)
                if code <= 41 and s not in UNCONTROLLED and s not in (POWER, FERR, NONMET)]
    plan: list[tuple[str, tuple[str, ...], str, str]] = (
        [(POWER, SOLID + COKES + OILS, "power", "power")]
        + [(FERR, SOLID + COKES, "steel", "steel")]
        + [(s, SOLID, "boiler", "boiler") for s in industry]
        + [(NONMET, SOLID, "kiln", "kiln")])
    rows = []
    for i, year in enumerate(YEARS):
        def at(path: str, i: int = i) -> float:
            return min(1.0, PATHS[path][i] * pace)
        u = round(at("power_ule"), 3)
        rest = 1.0 - u
        esp = round(rest * 0.7, 3)
        t = (year - 2015) / 8
        techs = {
            "power": (("ultra_low_emission", u), ("limestone_gypsum_wet_fgd", rest * 0.97),
                      ("scr", rest * 0.95), ("esp", esp), ("bag_filter", rest - esp)),
            "steel": (("limestone_gypsum_wet_fgd", at("steel_fgd")), ("scr", at("steel_scr")),
                      ("bag_filter", at("boiler_dust"))),
            "boiler": (("limestone_gypsum_wet_fgd", at("boiler_fgd")),
                       ("bag_filter", at("boiler_dust"))),
            "kiln": (("limestone_gypsum_wet_fgd", at("kiln_fgd")),
                     ("bag_filter", min(1.0, 0.8 + 0.2 * t))),
        }
        for sector, fuels, group, src in plan:
            for fuel in fuels:
                if cells is not None and (sector, fuel) not in cells:
                    continue
                for tech, pen in techs[group]:
                    if pen <= 0:
                        continue
                    rows.append(dict(region=region, year=year, sector=sector, fuel=fuel,
                                     technology=tech, penetration=round(pen, 3),
                                     label="illustrative", source=CONTROL_SOURCE[src]))
                if sector == CHEM and group == "boiler":
                    rows.append(dict(region=region, year=year, sector=sector, fuel=fuel,
                                     technology="low_nox_burner",
                                     penetration=round((0.3 + 0.5 * t) * pace, 3),
                                     label="illustrative", source=CONTROL_SOURCE["chem_lnb"]))
        for tech, pen in (("sncr", min(1.0, 0.6 + 0.4 * t)),
                          ("bag_filter", min(1.0, 0.8 + 0.2 * t))):
            rows.append(dict(region=region, year=year, sector=NONMET, fuel="cement_clinker",
                             technology=tech, penetration=round(pen, 3), label="illustrative",
                             source=CONTROL_SOURCE["clinker"]))
    return rows


def main(argv: list[str]) -> int:
    province = pd.read_csv(PROVINCE)
    ceads = pd.read_csv(CITIES_CEADS)
    total = targets(ceads)
    specs = dict(CITY)
    specs["rongcheng"] = {**CITY["weihai"], "electricity": CITY["weihai"]["electricity"] * 0.25,
                          "heat": CITY["weihai"]["heat"] * 0.2,
                          "n_fert": CITY["weihai"]["n_fert"] * 0.3, "region": "荣成市"}
    pace = {"jinan": 1.0, "zibo": 1.0, "weihai": 0.9, "rongcheng": 0.85}
    for slug, spec in specs.items():
        act = pd.DataFrame(activity_rows(slug, spec["region"], spec, province, total[slug]))
        act.to_csv(ROOT / "examples/activity" / f"{slug}.csv", index=False, encoding="utf-8")
        ctl = pd.DataFrame(control_rows(spec["region"], pace[slug], act))
        ctl.to_csv(ROOT / "examples/controls" / f"{slug}.csv", index=False, encoding="utf-8")
        print(slug, len(act), "activity rows,", len(ctl), "control rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
