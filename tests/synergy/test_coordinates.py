"""Co-control coordinate system: quadrants of hand-made sector changes."""

import math

import pandas as pd
import pytest

from cocontrol.errors import InputError
from cocontrol.synergy.coordinates import (
    classify_quadrants,
    coordinates,
    measure_coordinates,
    place,
)


def test_sector_points_and_quadrants(make_emissions):
    # power: SO2 100 → 80 (x = +20), CO2 1000 → 900 (y = +100)   → I  协同减排
    # industry: SO2 50 → 60 (x = −10), CO2 500 → 400 (y = +100)  → II 降碳增污
    # transport: SO2 10 → 5 (x = +5), CO2 100 → 120 (y = −20)    → IV 减污增碳
    em = make_emissions({
        ("威海", 2020, "power"): {"SO2": 100, "CO2": 1000}, ("威海", 2023, "power"): {"SO2": 80, "CO2": 900},
        ("威海", 2020, "industry"): {"SO2": 50, "CO2": 500}, ("威海", 2023, "industry"): {"SO2": 60, "CO2": 400},
        ("威海", 2020, "transport"): {"SO2": 10, "CO2": 100}, ("威海", 2023, "transport"): {"SO2": 5, "CO2": 120},
    })
    out = coordinates(em, 2020, 2023).set_index("sector")
    assert out.loc["power", ["apeq_reduction", "co2_reduction"]].tolist() == pytest.approx([20, 100])
    assert out["quadrant"].to_dict() == {"power": "I", "industry": "II", "transport": "IV"}
    assert out.loc["industry", "quadrant_zh"] == "降碳增污"
    # relative reductions of power: 20/100 = 0.2 and 100/1000 = 0.1 → angle atan2(0.1, 0.2) = 26.565°
    assert out.loc["power", "angle_deg"] == pytest.approx(math.degrees(math.atan(0.5)))


def test_sector_absent_in_one_year_counts_as_zero(make_emissions):
    # a new sector (only in 2023): x = 0 − 5 = −5, y = 0 − 50 = −50 → III 协同增排
    em = make_emissions({("淄博", 2020, "power"): {"SO2": 1, "CO2": 1},
                         ("淄博", 2023, "power"): {"SO2": 1, "CO2": 1},
                         ("淄博", 2023, "datacentre"): {"SO2": 5, "CO2": 50}})
    out = coordinates(em, 2020, 2023).set_index("sector")
    assert out.loc["datacentre", "quadrant"] == "III"
    assert out.loc["power", "quadrant_zh"] == "无变化"
    assert math.isnan(out.loc["datacentre", "apeq_reduction_rate"])


def test_measures_on_axes():
    measures = pd.DataFrame({"measure": ["光伏", "脱硝", "无"], "apeq_reduction": [0, 12.0, 0],
                             "co2_reduction": [300.0, 0, 0]})
    out = place(measures)
    assert out["quadrant"].tolist() == ["+y", "+x", "0"]
    assert out["quadrant_zh"].tolist() == ["仅降碳", "仅减污", "无变化"]
    assert classify_quadrants([-1, 0], [0, -1]).tolist() == ["-x", "-y"]


def test_missing_year_is_named(make_emissions):
    em = make_emissions({("济南", 2020, "power"): {"SO2": 1, "CO2": 1}})
    with pytest.raises(InputError, match="2025"):
        coordinates(em, 2020, 2025)


def test_measure_coordinates_from_species_reductions():
    # 燃煤锅炉淘汰 avoids SO2 2 t, NOx 1 t, CO2 500 t → x = 3 t SO2-eq, y = 500 t → I
    # SCR 脱硝 avoids NOx 4 t, adds CO2 20 t (power)    → x = 4, y = −20 → IV 减污增碳
    # 光伏替代 (in kg): CO2 300 000 kg = 300 t avoided    → x = 0, y = 300 → +y 仅降碳
    red = pd.DataFrame({
        "measure": ["燃煤锅炉淘汰"] * 3 + ["SCR脱硝"] * 2 + ["光伏替代"],
        "species": ["SO2", "NOx", "CO2", "NOx", "CO2", "CO2"],
        "value": [2, 1, 500, 4, -20, 300000], "unit": ["t"] * 5 + ["kg"],
    })
    out = measure_coordinates(red).set_index("measure")
    assert out.loc["燃煤锅炉淘汰", ["apeq_reduction", "co2_reduction"]].tolist() == pytest.approx([3, 500])
    assert out["quadrant"].to_dict() == {"燃煤锅炉淘汰": "I", "SCR脱硝": "IV", "光伏替代": "+y"}
