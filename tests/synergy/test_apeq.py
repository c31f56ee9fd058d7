"""APeq and pollution equivalents against hand calculation and the law's annex values."""

import pandas as pd
import pytest

from cocontrol.errors import InputError
from cocontrol.synergy.apeq import apeq, default_weights, equivalent_values, pollution_equivalents


def test_shipped_values_match_the_law_annex():
    # 环境保护税法 附表二 大气污染物污染当量值 (kg): SO2 0.95, NOx 0.95, CO 16.7, 烟尘 2.18,
    # 一般性粉尘 4, 氨 9.09; 第二类水污染物: COD 1, 氨氮 0.8, 总磷 0.25.
    table = equivalent_values().set_index("species")["equivalent_value"].astype(float)
    expected = {"SO2": 0.95, "NOx": 0.95, "CO": 16.7, "smoke_dust": 2.18, "general_dust": 4,
                "NH3": 9.09, "COD": 1, "NH3-N": 0.8, "TP": 0.25}
    for species, value in expected.items():
        assert table[species] == pytest.approx(value)
    # the product conventions are marked as such
    notes = equivalent_values().set_index("species")["note"]
    for species in ("PM10", "PM2.5", "VOCs"):
        assert "PRODUCT CONVENTION" in notes[species]


def test_default_weights_are_so2_normalised():
    # α = 0.95 / w: SO2 1, NOx 1, PM10 0.95/2.18 = 0.43578, VOCs 0.95/0.95 = 1
    w = default_weights(["SO2", "NOx", "PM10", "VOCs"])
    assert w == pytest.approx({"SO2": 1.0, "NOx": 1.0, "PM10": 0.435780, "VOCs": 1.0}, rel=1e-5)
    # PM2.5 stands in only when there is no PM10 (never both: PM2.5 is part of PM10)
    assert "PM2.5" in default_weights(["SO2", "PM2.5"]) and "PM10" not in default_weights(["PM2.5"])
    assert "PM2.5" not in default_weights(["PM10", "PM2.5"])


def test_apeq_hand_worked(make_emissions):
    # SO2 10 t + NOx 20 t + PM10 4.36 t × 0.95/2.18 (= 1.9 t) + VOCs 5 t = 36.9 t SO2-eq;
    # CO2 and CO (not in the default set) add nothing. NOx given in kg: 20 000 kg = 20 t.
    em = make_emissions({("威海", 2023, "power"): {"SO2": 10, "PM10": 4.36, "VOCs": 5,
                                                   "CO2": 1000, "CO": 167}})
    em_kg = make_emissions({("威海", 2023, "power"): {"NOx": 20000}}, unit="kg")
    out = apeq(pd.concat([em, em_kg], ignore_index=True), by=["region", "year"])
    assert out["apeq"].iloc[0] == pytest.approx(36.9)
    assert out["species_used"].iloc[0] == "NOx,PM10,SO2,VOCs"
    assert out["unit"].iloc[0] == "t SO2-eq"


def test_apeq_by_sector_and_custom_weights(make_emissions):
    em = make_emissions({("淄博", 2022, "industry"): {"SO2": 2, "NH3": 9.09},
                         ("淄博", 2022, "transport"): {"NOx": 3}})
    by_sector = apeq(em)
    assert by_sector.set_index("sector")["apeq"].to_dict() == pytest.approx(
        {"industry": 2.0, "transport": 3.0})
    # NH3 added with α = 0.95/9.09: 9.09 t × 0.95/9.09 = 0.95 t SO2-eq
    custom = apeq(em, weights={"SO2": 1, "NOx": 1, "NH3": 0.95 / 9.09}, by=["region"])
    assert custom["apeq"].iloc[0] == pytest.approx(2 + 3 + 0.95)


def test_unknown_species_are_listed(make_emissions):
    em = make_emissions({("济南", 2020, "power"): {"S02": 1, "N0x": 1, "SO2": 1}})
    with pytest.raises(InputError) as err:
        apeq(em)
    assert "S02" in str(err.value) and "N0x" in str(err.value)
    assert apeq(em, ignore_unknown=True)["apeq"].iloc[0] == pytest.approx(1.0)


def test_aliases_and_unit_errors(make_emissions):
    em = make_emissions({("济南", 2020, "power"): {"NMVOC": 2.0}})
    assert apeq(em)["apeq"].iloc[0] == pytest.approx(2.0)
    bad = make_emissions({("济南", 2020, "power"): {"SO2": 1.0}}, unit="万千瓦")
    with pytest.raises(Exception, match="万千瓦"):
        apeq(bad)


def test_pollution_equivalents_count(make_emissions):
    # 0.95 t SO2 = 950 kg / 0.95 kg = 1000 当量; 167 kg CO / 16.7 kg = 10 当量
    em = make_emissions({("威海", 2023, "power"): {"SO2": 0.95, "CO": 0.167}})
    out = pollution_equivalents(em).set_index("species")["equivalents"]
    assert out["SO2"] == pytest.approx(1000) and out["CO"] == pytest.approx(10)
    with pytest.raises(InputError, match="CO2"):
        pollution_equivalents(make_emissions({("威海", 2023, "power"): {"CO2": 1}}))
