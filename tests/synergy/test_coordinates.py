"""Co-control coordinate system: quadrants of hand-made sector changes."""

import math

import pandas as pd
import pytest

from cocontrol.errors import InputError
from cocontrol.synergy.coordinates import classify_quadrants, coordinates, place


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
