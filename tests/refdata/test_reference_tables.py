"""Reference tables of the integrated inventory (融合清单参考数据).

Each table must load through :func:`cocontrol.refdata.load` with complete provenance, every unit
must parse with :func:`cocontrol.units.parse_unit`, keys must be unique, and a few numbers are
checked against the value printed in their publication (cited next to each check).
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest

from cocontrol import refdata
from cocontrol.units import parse_unit

VALIDATION = Path(__file__).parent / "data" / "ceads_province_shandong_sector_fuel_2015_2019.csv"

# table -> columns that identify one number
KEYS: dict[str, tuple[str, ...]] = {
    "fuels": ("fuel",),
    "sectors": ("sector",),
    "combustion_co2": ("fuel", "parameter"),
    "ipcc2006_combustion": ("fuel", "parameter"),
    "gwp": ("species", "gwp_set"),
    "grid_factors": ("region", "year", "energy"),
    "emission_factors": ("sector", "fuel", "technology", "species"),
    "control_technologies": ("sector", "fuel", "technology", "species"),
    "process_factors": ("process", "species"),
}
UNIT_COLUMNS = {"combustion_co2": "unit", "ipcc2006_combustion": "unit", "gwp": "unit",
                "grid_factors": "unit", "emission_factors": "unit", "process_factors": "unit",
                "fuels": "physical_unit"}


def _value(table: pd.DataFrame, **where: object) -> float:
    mask = pd.Series(True, index=table.index)
    for col, val in where.items():
        mask &= table[col].astype("string").fillna("") == str(val)
    hit = table.loc[mask, "value"]
    assert len(hit) == 1, f"expected one row for {where}, found {len(hit)}"
    return float(hit.iloc[0])


@pytest.mark.parametrize("name", sorted(KEYS))
def test_table_loads_with_provenance_and_unique_keys(name: str) -> None:
    table = refdata.load(name)
    assert len(table) > 0
    keys = table[list(KEYS[name])].astype("string").fillna("")
    dup = keys[keys.duplicated(keep=False)]
    assert dup.empty, f"{name}: duplicate keys\n{dup}"


@pytest.mark.parametrize("name", sorted(UNIT_COLUMNS))
def test_units_parse(name: str) -> None:
    table = refdata.load(name)
    for unit in table[UNIT_COLUMNS[name]].dropna().unique():
        parse_unit(str(unit))


def test_every_source_has_a_heading_in_sources_md() -> None:
    text = resources.files("cocontrol.refdata").joinpath("SOURCES.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (.+)$", text, re.M))
    for name in KEYS:
        missing = set(refdata.load(name)["source"]) - headings
        assert not missing, f"{name}: sources without a SOURCES.md heading: {missing}"


def test_unverified_rows_say_so_in_their_note() -> None:
    for name in ("combustion_co2", "ipcc2006_combustion", "emission_factors",
                 "control_technologies", "process_factors", "grid_factors"):
        table = refdata.load(name)
        weak = table[table["status"] != "verified"]
        no_note = weak[weak["note"].isna() | (weak["note"].astype(str).str.strip() == "")]
        assert no_note.empty, f"{name}: unverified/transcribed rows without a note:\n{no_note}"


def test_fuels_match_ceads_codes_and_order() -> None:
    """The 17 CEADs fuel columns, in file order (Shan et al. 2018), plus Electricity and Heat."""
    fuels = refdata.load("fuels")
    ceads = pd.read_csv(VALIDATION)["fuel"].drop_duplicates().tolist()
    ceads17 = ceads[: ceads.index("Natural_Gas") + 1]
    assert len(ceads17) == 17
    ordered = fuels.dropna(subset=["ceads_order"]).sort_values("ceads_order")
    assert ordered["fuel"].tolist() == ceads17
    assert ordered["ceads_order"].astype(int).tolist() == list(range(1, 18))
    sec = fuels.set_index("fuel")
    assert sec.loc["Electricity", "physical_unit"] == "万千瓦时"
    assert sec.loc["Heat", "physical_unit"] == "吉焦"
    assert sec.loc["Natural_Gas", "name_zh"] == "天然气"
    assert sec.loc["Other_Washed_Coal", "name_zh"] == "其他洗煤"


def test_sectors_match_ceads_47_sectors() -> None:
    sectors = refdata.load("sectors")
    ceads = [s for s in pd.read_csv(VALIDATION)["sector"].drop_duplicates()
             if s not in ("Total Consumption", "TotalEmissions")]
    assert len(ceads) == 47
    assert sectors.sort_values("code")["sector"].tolist() == ceads
    by = sectors.set_index("sector")
    assert by.loc["Production and Supply of Electric Power, Steam and Hot Water",
                  "ipcc_category"] == "1A1a"
    assert by.loc["Urban", "group"] == by.loc["Rural", "group"] == "residential"


def test_combustion_table_complete_and_fractions() -> None:
    co = refdata.load("combustion_co2")
    fuels17 = refdata.load("fuels").dropna(subset=["ceads_order"])["fuel"]
    for fuel in fuels17:
        assert set(co.loc[co["fuel"] == fuel, "parameter"]) == {"ncv", "cc", "of"}, fuel
    of = co.loc[co["parameter"] == "of", "value"].astype(float)
    assert ((of > 0.8) & (of <= 1.0)).all(), "oxidation factors are fractions, not %"


def test_chinese_defaults_against_published_values() -> None:
    """Raw coal 20 908 kJ/kg (GB/T 2589-2020 附录A, 中国能源统计年鉴 附录); natural gas
    38 931 kJ/m³ = 389.31 GJ/万m³; diesel 42 652 kJ/kg, 20.2 tC/TJ, 98 % (NDRC enterprise
    guidelines). Hand calculation: diesel EF = 42.652 × 0.0202 × 0.98 × 44/12 = 3.0959 tCO2/t,
    the value of the independent factor table quoted in the reference notes §3.1.1."""
    co = refdata.load("combustion_co2")
    assert _value(co, fuel="Raw_Coal", parameter="ncv") == pytest.approx(20.908)
    assert _value(co, fuel="Natural_Gas", parameter="ncv") == pytest.approx(389.31)
    diesel = {p: _value(co, fuel="Diesel_Oil", parameter=p) for p in ("ncv", "cc", "of")}
    ef = diesel["ncv"] * diesel["cc"] * diesel["of"] * 44 / 12
    assert ef == pytest.approx(3.0959, abs=5e-4)
    gas = {p: _value(co, fuel="Natural_Gas", parameter=p) for p in ("ncv", "cc", "of")}
    assert gas["ncv"] * gas["cc"] * gas["of"] * 44 / 12 == pytest.approx(21.622, abs=1e-3)


def test_ipcc_defaults_and_internal_consistency() -> None:
    """IPCC 2006 Vol.2 Table 1.4: gas/diesel oil 74 100 kg CO2/TJ, NCV 43.0 TJ/Gg (Table 1.2).
    Every row must satisfy EF ≈ CC × 44/12 (Table 1.4 is derived from Table 1.3 that way)."""
    ip = refdata.load("ipcc2006_combustion")
    assert _value(ip, fuel="Diesel_Oil", parameter="ef_co2") == 74100
    assert _value(ip, fuel="Diesel_Oil", parameter="ncv") == 43.0
    wide = ip.pivot(index="fuel", columns="parameter", values="value").astype(float)
    ratio = wide["ef_co2"] / (wide["cc"] * 1000 * 44 / 12)
    assert ratio.between(0.995, 1.005).all(), ratio[~ratio.between(0.995, 1.005)]


def test_chinese_coal_factor_below_ipcc_default() -> None:
    """Liu et al. 2015 (Nature 524:335) and Han et al. 2020 (ACP): Chinese raw-coal CO2 per tonne
    is well below the IPCC bituminous default (2.441 t/t = 25.8 TJ/Gg × 94 600 kg/TJ)."""
    co = refdata.load("combustion_co2")
    cn = 1.0
    for p in ("ncv", "cc", "of"):
        cn *= _value(co, fuel="Raw_Coal", parameter=p)
    cn *= 44 / 12
    ip = refdata.load("ipcc2006_combustion")
    ipcc = _value(ip, fuel="Raw_Coal", parameter="ncv") * _value(ip, fuel="Raw_Coal",
                                                                  parameter="ef_co2") / 1e6
    assert cn == pytest.approx(1.9003, abs=1e-3)
    assert ipcc == pytest.approx(2.441, abs=1e-3)
    assert cn < 0.85 * ipcc


def test_gwp_values() -> None:
    """AR5 WG1 Table 8.A.1: CH4 28, N2O 265; AR6 WG1 Table 7.15: N2O 273, CH4 27.9 (7.SM.7);
    AR4 WG1 Table 2.14: CH4 25, N2O 298."""
    g = refdata.load("gwp")
    assert _value(g, species="CH4", gwp_set="AR5") == 28
    assert _value(g, species="N2O", gwp_set="AR5") == 265
    assert _value(g, species="N2O", gwp_set="AR6") == 273
    assert _value(g, species="CH4", gwp_set="AR6") == pytest.approx(27.9)
    assert _value(g, species="CH4", gwp_set="AR4") == 25
    for s in ("AR4", "AR5", "AR6"):
        assert _value(g, species="CO2", gwp_set=s) == 1


def test_grid_factors() -> None:
    """0.5703 tCO2/MWh: 全国电网平均排放因子 for 2022 enterprise reporting (环办气候函〔2023〕43号);
    0.5306 national and 0.6361 华北 for 2023 (MEE & NBS, 2025-12-31); heat default 0.11 tCO2/GJ."""
    gf = refdata.load("grid_factors")
    assert _value(gf, region="全国(企业报告)", year=2022, energy="electricity") == 0.5703
    assert _value(gf, region="全国", year=2023, energy="electricity") == 0.5306
    assert _value(gf, region="华北", year=2023, energy="electricity") == 0.6361
    heat = gf[gf["energy"] == "heat"]
    assert heat["value"].astype(float).tolist() == [0.11]
    assert set(gf["energy"]) == {"electricity", "heat"}
    elec = gf[gf["energy"] == "electricity"]["value"].astype(float)
    assert elec.between(0.1, 1.0).all()


def test_process_stoichiometry() -> None:
    """CaCO3 → CaO + CO2: 44.0095/100.0869 t CO2 per t limestone, 44.0095/56.0774 per t CaO;
    CaMg(CO3)2: 2 × 44.0095/184.401 (IUPAC atomic weights C 12.011, O 15.999, Ca 40.078,
    Mg 24.305)."""
    pf = refdata.load("process_factors")
    co2, caco3, cao = 12.011 + 2 * 15.999, 40.078 + 12.011 + 3 * 15.999, 40.078 + 15.999
    dolomite = 40.078 + 24.305 + 2 * (12.011 + 3 * 15.999)
    assert _value(pf, process="limestone_flux", species="CO2") == pytest.approx(co2 / caco3, abs=1e-4)
    assert _value(pf, process="quicklime_stoichiometric", species="CO2") == pytest.approx(
        co2 / cao, abs=1e-4)
    assert _value(pf, process="dolomite_flux", species="CO2") == pytest.approx(
        2 * co2 / dolomite, abs=1e-4)
    clinker = _value(pf, process="cement_clinker", species="CO2")
    assert 0.50 <= clinker <= 0.55
    assert clinker < _value(pf, process="quicklime_stoichiometric", species="CO2")


def test_emission_factor_vocabulary() -> None:
    ef = refdata.load("emission_factors")
    assert set(ef["species"]) <= {"SO2", "NOx", "PM10", "PM2.5", "VOCs", "CO", "NH3", "CH4", "N2O"}
    assert set(ef["species"]) >= {"SO2", "NOx", "PM10", "PM2.5", "VOCs", "CO", "NH3", "CH4", "N2O"}
    sectors = set(refdata.load("sectors")["sector"]) | {"*"}
    assert set(ef["sector"]) <= sectors
    fuels = set(refdata.load("fuels")["fuel"])
    combustion = ef[ef["unit"].isin(["kg/TJ"])]
    assert set(combustion["fuel"]) <= fuels
    # IPCC Table 2.5: residential coal CH4 300 kg/TJ; Table 2.2 energy industries 1 kg/TJ
    assert _value(ef, sector="Urban", fuel="Raw_Coal", technology="", species="CH4") == 300
    keys = ["sector", "fuel", "technology"]
    pm10 = ef[ef["species"] == "PM10"][[*keys, "value"]].fillna({"technology": ""})
    pm25 = ef[ef["species"] == "PM2.5"][[*keys, "value"]].fillna({"technology": ""})
    both = pm10.merge(pm25, on=keys, suffixes=("_10", "_25"))
    assert len(both) > 10
    assert (both["value_25"].astype(float) <= both["value_10"].astype(float)).all(), \
        "PM2.5 is a part of PM10"


def test_control_technologies_never_remove_co2() -> None:
    ct = refdata.load("control_technologies")
    assert "CO2" not in set(ct["species"])
    eff = ct["removal_efficiency"].astype(float)
    assert ((eff > 0) & (eff < 1)).all()
    wet = ct[(ct["technology"] == "limestone_gypsum_wet_fgd") & (ct["species"] == "SO2")]
    # T/CSES 144—2024 表A.1 石灰石/石膏法 SO2 80 % (PDF p.33)
    assert wet["removal_efficiency"].astype(float).tolist() == [0.80]


@pytest.mark.parametrize("name", ("emission_factors", "process_factors"))
def test_every_factor_has_its_ipcc_tier(name: str) -> None:
    """Tier rule of SOURCES.md (IPCC 2006 GL Vol.1 Ch.1.2): generic defaults (IPCC, EMEP/EEA,
    AP-42, stoichiometry, cocontrol's allocation rules) are tier 1, Chinese country- or
    technology-specific factors (MEP 2014 guidelines, MEE 2021 manual, NDRC, CEADs, GB fuel
    standards, T/CSES 144—2024) tier 2; no shipped factor is tier 3 (plant measurements are
    the user's)."""
    table = refdata.load(name)
    assert table["tier"].notna().all() and set(table["tier"].astype(int)) <= {1, 2}
    generic = table["source"].str.match(r"IPCC|EMEP/EEA|US EPA AP-42|stoichiometry|cocontrol")
    assert (table.loc[generic, "tier"] == 1).all()
    assert (table.loc[~generic, "tier"] == 2).all()
    chinese = table["source"].str.match(r"MEP 2014|MEE 2021|NDRC|CEADs|GB|T/CSES")
    assert chinese.sum() == (~generic).sum()
