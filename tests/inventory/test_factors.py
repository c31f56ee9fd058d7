"""Default factors against the published numbers (reference notes §3.1.1 EF column, computed
there as NCV × CC × OF × 44/12 and matching an independent third-party factor table to 4–6
digits: 汽油 2.925056, 柴油 3.095910, 天然气 21.621888, 焦炭 2.860419)."""

from __future__ import annotations

import pytest

from cocontrol.inventory.factors import combustion_co2, default_factors, gwp_table

PUBLISHED = {  # t CO2 per t, or per 万 Nm³ for gases
    "Raw_Coal": 1.9003, "Coke": 2.860419, "Crude_Oil": 3.0202, "Fuel_Oil": 3.1705,
    "Gasoline": 2.925056, "Kerosene": 3.0334, "Diesel_Oil": 3.095910, "LPG": 3.1013,
    "Refinery_Gas": 3.0082, "Natural_Gas": 21.621888, "Coke_Oven_Gas": 8.8638,
}


@pytest.mark.parametrize("fuel", sorted(PUBLISHED))
def test_combustion_co2_factor_matches_published(fuel: str) -> None:
    ef = combustion_co2().set_index("fuel")["ef"]
    assert ef[fuel] == pytest.approx(PUBLISHED[fuel], rel=2e-5)


def test_ch4_factor_per_tonne_from_kg_per_tj() -> None:
    """Power-sector coal CH4 1 kg/TJ × 20.908 GJ/t = 20.908e-6 t CH4 per t coal."""
    f = default_factors()
    hit = f[(f["sector"] == "Production and Supply of Electric Power, Steam and Hot Water")
            & (f["fuel"] == "Raw_Coal") & (f["species"] == "CH4")]
    assert hit["ef"].iloc[0] == pytest.approx(20.908e-6, rel=1e-12)


def test_one_factor_per_sector_fuel_species() -> None:
    f = default_factors()
    assert not f.duplicated(["sector", "fuel", "technology", "species"]).any()
    assert f["sector"].nunique() == 47


@pytest.mark.parametrize(("gwp", "ch4", "n2o"), [("AR4", 25, 298), ("AR5", 28, 265),
                                                 ("AR6", 27.9, 273)])
def test_gwp_sets(gwp: str, ch4: float, n2o: float) -> None:
    table = gwp_table(gwp).set_index("species")["gwp"]
    assert (table["CO2"], table["CH4"], table["N2O"]) == (1, ch4, n2o)


@pytest.mark.parametrize(("sector", "fuel", "species", "t_per_unit"), [
    # kg/t rows: unit conversion only; coke PM10 by the T/CSES 144—2024 mass balance
    # 0.13 × (1 − 0.85) × 0.20 = 3.9 kg/t = 3.9e-3 t/t
    ("Ordinary Machinery", "Coke", "PM10", 3.9e-3),
    ("Smelting and Pressing of Ferrous Metals", "Coke", "PM10", 0.0),
    # g/GJ rows × NCV: 2.091 g/GJ × 179.81 GJ/万m3 = 375.983 g = 3.75983e-4 t per 万m3
    ("Smelting and Pressing of Ferrous Metals", "Coke_Oven_Gas", "SO2", 3.75983e-4),
    # 7.183 g/GJ × 52.34 GJ/万m3 = 375.958 g per 万m3
    ("Production and Supply of Electric Power, Steam and Hot Water", "Other_Gas", "SO2",
     3.75958e-4),
    # 6.942 g/GJ × 50.179 GJ/t = 348.343 g/t
    ("Urban", "LPG", "SO2", 3.48343e-4),
    # 5.132 g/GJ × 45.998 GJ/t = 236.062 g/t
    ("Petroleum Processing and Coking", "Refinery_Gas", "SO2", 2.36062e-4),
])
def test_session2_default_pairs_per_canonical_unit(sector: str, fuel: str, species: str,
                                                   t_per_unit: float) -> None:
    """The factors added for the seven pairs that had none, in t per canonical activity unit."""
    f = default_factors()
    hit = f[(f["sector"] == sector) & (f["fuel"] == fuel) & (f["species"] == species)
            & (f["technology"] == "")]
    assert len(hit) == 1
    assert hit["ef"].iloc[0] == pytest.approx(t_per_unit, rel=1e-5, abs=1e-15)
