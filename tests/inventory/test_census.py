"""Independent check: the demo cities' 2017 inventories against the 2017 census totals.

Published figures (``refdata/census_totals.csv``): 第二次全国污染源普查公报 2017 SO2 696.32,
NOx 1 785.22 万吨; CEADs national scope-1 CO2 2017 ≈ 9 524.2 Mt (interpolated). National
intensities: SO2 6 963 200 t / 9 524.2e6 t = 0.7311 kg per t CO2, NOx 1.8744 kg per t CO2.

The demo activity is scaled to each city's published CEADs CO2 total (济南 51.69, 淄博 97.54,
威海 23.00 Mt in 2017) — the only real figure it carries — so the check is on intensity:
``ratio = (E_city / CO2_city) / (E_national / CO2_national)``. The band 1/3–3 is a judgement
[M], not a published range: without city census data a coal-heavy Shandong city may differ
from the national mean, but not by more than a factor of 3 in SO2 or NOx per tonne of CO2;
a unit slip (g vs kg, ×1000) or a lost control (×4–5 for FGD) leaves the band. With the
default set and the policy-anchored demo controls (``examples/activity/make_demo.py``
``CONTROL_SOURCE``) the ratios are SO2 1.7–1.9 and NOx 1.0–1.2 (README; before the controls
were anchored SO2 was 2.3–2.95). Particles and VOCs are not held to a band (the census counts
fugitive dust and solvents, which an energy-based activity table has no rows for).
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from cocontrol.data.controls import read_controls
from cocontrol.demo import examples_dir
from cocontrol.inventory import compute
from cocontrol.inventory.census import BANDED, census, energy_rows, intensity_ratios

BAND = (1 / 3, 3.0)


def test_census_reference_values_as_published() -> None:
    ref = census()
    assert ref["SO2"] == pytest.approx(6_963_200) and ref["NOx"] == pytest.approx(17_852_200)
    assert ref["CO2"] == pytest.approx(9_524.2e6)
    assert ref["SO2"] / ref["CO2"] * 1000 == pytest.approx(0.7311, rel=1e-3)  # kg per t CO2


def test_ratio_is_intensity_over_national_intensity() -> None:
    """A city with 1 Mt CO2 and 1 462.2 t SO2 has twice the national SO2 intensity."""
    result = pd.DataFrame([("甲市", 2017, "Others", "Raw_Coal", s, v, "t", 1) for s, v in
                           (("CO2", 1e6), ("SO2", 1462.2), ("NOx", 1874.4))],
                          columns=["region", "year", "sector", "fuel", "species", "value",
                                   "unit", "scope"])
    r = intensity_ratios(result).set_index("census")["ratio"]
    assert r["SO2"] == pytest.approx(2.0, rel=1e-3) and r["NOx"] == pytest.approx(1.0, rel=1e-3)


@pytest.mark.parametrize("city", ["jinan", "zibo", "weihai"])
def test_demo_city_intensities_stay_in_the_band(city: str) -> None:
    folder = examples_dir()
    act = pd.read_csv(folder / "activity" / f"{city}.csv")
    act = act[act["year"] == 2017]
    ctl = read_controls(folder / "controls" / f"{city}.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = compute(act, controls=ctl[ctl["year"] == 2017])
    ratios = intensity_ratios(result).set_index("census")["ratio"]
    for species in BANDED:
        assert BAND[0] <= ratios[species] <= BAND[1], (city, species, ratios[species])


# --- Shandong 2021: the demo cities against a provincial energy-consumption inventory ---------
#
# He, Jiang, Gao & Lu (2024) Sustainability 16(3):1304, §3.1: Shandong 2021 energy consumption
# SO2 308.83, NOx 913.00, PM10 425.81, PM2.5 273.08, CO 1 815.00, VOCs 299.79, NH3 13.04 kt over
# 1 017.23 Mt CO2eq, i.e. SO2 0.3036 and NOx 0.8975 kg per t. Same scope as the activity table
# (fuel combustion), so only fuel rows are kept on the city side. Band 1/3–3 as above
# (judgement [M]: a city's structure differs from its province's mean, and two bottom-up
# inventories of one province differ by up to ×2 — see SOURCES.md). NH3 is reported only
# (cocontrol carries combustion NH3 for vehicles only). Ratios 2021 (README): SO2 1.7–1.9,
# NOx 1.4–1.9, CO 1.3–1.4, VOCs 0.57–0.65, PM10 0.29–0.49, PM2.5 0.31–0.48.
#
# SO2 was 3.5–5.2 while the demo controls put ultra-low emission on the power sector's raw coal
# only (washed coal and briquettes in the same units uncontrolled, no desulfurisation in iron and
# steel or industrial boilers). With the controls anchored on the documented policy (ultra-low
# emission on every power-sector fuel, steel ultra-low emission by 2020-10, GB 13271-2014 boiler
# limits; make_demo.py CONTROL_SOURCE) the SO2 cases pass and are banded.
#
# Finding (strict expected failures): 济南 and 淄博 PM10 and PM2.5 are just below 1/3 (0.29–0.31).
# The earlier in-band PM (0.95–2.1) came from washed coal burnt uncontrolled in power plants; with
# dust collectors where GB 13271-2014 (PM 80 mg/m3) requires them what is left is mostly diesel and
# household briquettes, and the reference counts straw burning (its abstract names it), which the
# demo activity has no fuel row for. Without the industrial-boiler dust collectors the ratios would
# be 0.45–0.65 — a sensitivity, not a reason to drop a device the standard requires.
#
# Size of the gap (session 5): the lower edge is 1/3 × 273.08 kt / 1 017.23 Mt = 0.0895 kg PM2.5
# and 1/3 × 425.81 / 1 017.23 = 0.1395 kg PM10 per t CO2. With the demo's 2021 fuel-row CO2
# (济南 98.63, 淄博 75.24 Mt) the band needs 8 826 / 13 762 t (济南) and 6 733 / 10 498 t (淄博)
# PM2.5 / PM10; the demo has 8 310 / 12 102 and 6 265 / 9 717 t, i.e. it is short by about 516 /
# 1 660 t and 467 / 781 t. For 淄博 that is 0.32 kg PM2.5 per t of its 2021 grain output (144.8 万吨,
# SOURCES.md session-5 log). A straw-burning or household-biomass row of that order would move
# both cities into the band, but none was added: no straw-to-grain ratio, burning share or
# straw/firewood PM factor could be read in a source (SOURCES.md), and demo activity is
# calibrated to real figures only. So the xfail stays strict. The shortfall is 6–7 % (PM2.5) and
# 7–12 % (PM10) of the band edge; a 2014 Shandong open-burning inventory gives 62.3 kt PM2.5 (abstract
# only, species order inferred), 23 % of the reference's 273.08 kt, so a straw term of the reference's
# scope is of the size that would close it (SOURCES.md session-5 log).

SD_BANDED = ("SO2", "NOx", "PM10", "PM2.5", "CO", "VOCs")
DEMO = ("jinan", "zibo", "weihai")
PM_FINDING = pytest.mark.xfail(strict=True, reason=(
    "finding of the check: with policy-anchored dust collectors the demo PM per t CO2 is "
    "0.29-0.31x Shandong's 2021 energy inventory, which counts straw burning (no biomass "
    "fuel in the demo activity)"))
PM_LOW = {("济南市", "PM10"), ("济南市", "PM2.5"), ("淄博市", "PM10"), ("淄博市", "PM2.5")}


def test_shandong_reference_as_published() -> None:
    ref = census("山东省", 2021)
    assert ref["SO2"] == pytest.approx(308_830) and ref["NOx"] == pytest.approx(913_000)
    assert ref["CO2"] == pytest.approx(1_017.23e6)
    assert ref["SO2"] / ref["CO2"] * 1000 == pytest.approx(0.3036, rel=1e-3)
    assert ref["NOx"] / ref["CO2"] * 1000 == pytest.approx(0.8975, rel=1e-3)


def test_energy_only_drops_process_rows_on_both_sides() -> None:
    """甲市: 1 Mt CO2 from coal with 607.2 t SO2, plus a cement process row (0.5 Mt CO2, 500 t
    SO2) that an energy-only reference does not cover: ratio = (607.2/1e6)/(0.3036e-3) = 2.0."""
    rows = [("Others", "Raw_Coal", "CO2", 1e6), ("Others", "Raw_Coal", "SO2", 607.2),
            ("Nonmetal Mineral Products", "cement_clinker", "CO2", 5e5),
            ("Nonmetal Mineral Products", "cement_clinker", "SO2", 500.0)]
    result = pd.DataFrame([("甲市", 2021, sec, fuel, sp, v, "t", 1) for sec, fuel, sp, v in rows],
                          columns=["region", "year", "sector", "fuel", "species", "value",
                                   "unit", "scope"])
    assert len(energy_rows(result)) == 2
    r = intensity_ratios(result, 2021, "山东省", energy_only=True).set_index("census")["ratio"]
    assert r["SO2"] == pytest.approx(2.0, rel=1e-3)
    everything = intensity_ratios(result, 2021, "山东省").set_index("census")["ratio"]
    assert everything["SO2"] == pytest.approx((1107.2 / 1.5e6) / 0.3036e-3, rel=1e-3)


@pytest.fixture(scope="module")
def shandong_2021() -> pd.DataFrame:
    folder = examples_dir()
    parts = []
    for city in DEMO:
        act = pd.read_csv(folder / "activity" / f"{city}.csv")
        ctl = read_controls(folder / "controls" / f"{city}.csv")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = compute(act[act["year"] == 2021], controls=ctl[ctl["year"] == 2021])
        parts.append(intensity_ratios(result, 2021, "山东省", energy_only=True))
    return pd.concat(parts).set_index(["region", "census"])["ratio"]


@pytest.mark.parametrize(("city", "species"), [
    pytest.param(c, sp, marks=PM_FINDING) if (c, sp) in PM_LOW else (c, sp)
    for c in ("济南市", "淄博市", "威海市") for sp in SD_BANDED])
def test_demo_cities_against_shandong_2021_stay_in_the_band(
        shandong_2021: pd.Series, city: str, species: str) -> None:
    ratio = shandong_2021[(city, species)]
    assert BAND[0] <= ratio <= BAND[1], (city, species, ratio)


# --- 青岛 2014: the only city-level official total found (a Shandong coastal city) -------------
#
# 2014年青岛市环境状况公报 (总量减排, 经省主管部门初步核定): SO2 9.11, NOx 10.17 万吨; CEADs 山东青岛
# 2014 scope-1 CO2 54.311 Mt, i.e. SO2 1.677 and NOx 1.873 kg per t CO2. 青岛 is not a demo city
# and the demo starts in 2015, so the demo cities' 2015 intensities are held against 青岛's 2014
# intensity as a peer city (same province, same control regime). Band 1/3–3 as above. Ratios
# (README): SO2 1.17–1.26, NOx 1.31–1.50.


def test_qingdao_reference_as_published() -> None:
    ref = census("青岛市", 2014)
    assert ref["SO2"] == pytest.approx(91_100) and ref["NOx"] == pytest.approx(101_700)
    assert ref["SO2"] / ref["CO2"] * 1000 == pytest.approx(1.677, rel=1e-3)
    assert ref["NOx"] / ref["CO2"] * 1000 == pytest.approx(1.873, rel=1e-3)


@pytest.mark.parametrize("city", DEMO)
def test_demo_cities_2015_against_qingdao_2014_stay_in_the_band(city: str) -> None:
    folder = examples_dir()
    act = pd.read_csv(folder / "activity" / f"{city}.csv")
    ctl = read_controls(folder / "controls" / f"{city}.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = compute(act[act["year"] == 2015], controls=ctl[ctl["year"] == 2015])
    ratios = intensity_ratios(result, 2015, "青岛市", reference_year=2014).set_index("census")
    for species in ("SO2", "NOx"):
        assert BAND[0] <= ratios.loc[species, "ratio"] <= BAND[1], (city, species, ratios)
