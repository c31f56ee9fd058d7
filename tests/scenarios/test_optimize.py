"""Least-cost portfolio against hand-solved cases (binary, relaxed with duals, infeasible)."""

import pandas as pd
import pytest

from cocontrol.errors import InputError, ValidationFailed
from cocontrol.scenarios import optimize as op


def _library(**extra):
    # A: 8 万元, 100 t CO2; B: 6 万元, 50 t CO2, 5 t NOx; C: 5 万元, 40 t CO2, 10 t NOx
    frame = pd.DataFrame({"measure": ["A", "B", "C"], "cost": [8, 6, 5],
                          "CO2": [100, 50, 40], "NOx": [0, 5, 10], **extra})
    return op.check_measures(frame)


def test_binary_portfolio_by_hand():
    # feasible subsets for CO2 ≥ 100, NOx ≥ 8: {A,C} 13, {A,B,C} 19 → {A,C}
    p = op.optimize(_library(), {"CO2": 100, "NOx": 8})
    assert p.status == "optimal"
    assert p.selected == ["A", "C"]
    assert p.cost == pytest.approx(13)
    assert p.reductions == {"CO2": pytest.approx(140), "NOx": pytest.approx(10)}


def test_relaxed_portfolio_and_shadow_prices_by_hand():
    # C supplies NOx cheapest (0.5 万元/t NOx): c = 0.8; the rest of CO2 from A at 0.08 万元/t:
    # a = (100 − 32)/100 = 0.68; cost 5.44 + 4 = 9.44; duals y_CO2 = 0.08, y_NOx = (5 − 40·0.08)/10
    p = op.optimize(_library(), {"CO2": 100, "NOx": 8}, continuous=True)
    assert p.x["A"] == pytest.approx(0.68)
    assert p.x["B"] == pytest.approx(0.0)
    assert p.x["C"] == pytest.approx(0.8)
    assert p.cost == pytest.approx(9.44)
    assert p.shadow_prices["CO2"] == pytest.approx(0.08)
    assert p.shadow_prices["NOx"] == pytest.approx(0.18)


def test_infeasible_reports_shortfall():
    p = op.optimize(_library(), {"CO2": 300})
    assert p.status == "infeasible"
    assert p.shortfall["CO2"] == pytest.approx(110)  # 300 − (100 + 50 + 40)


def test_excludes_and_requires():
    lib = _library(excludes=["C", None, "A"], requires=[None, "A", None])
    # A and C exclusive; B needs A: {A, B} = CO2 150, NOx 5 is the only way to NOx ≥ 5 with A
    p = op.optimize(lib, {"CO2": 120, "NOx": 5})
    assert p.selected == ["A", "B"] and p.cost == pytest.approx(14)
    assert op.optimize(lib, {"CO2": 100, "NOx": 8}).status == "infeasible"


def test_lumpy_false_allows_shares():
    lib = _library(lumpy=["否", "是", "是"])
    p = op.optimize(lib, {"CO2": 50})
    # A continuous: 0.5 of A costs 4, cheaper than B (6) or C+… → x_A = 0.5
    assert p.x["A"] == pytest.approx(0.5) and p.cost == pytest.approx(4)


def test_bad_tables_name_row_and_column():
    bad = pd.DataFrame({"measure": ["A", "A"], "cost": [-1, 2], "CO3": [1, 2], "CO2": [1, 2]})
    with pytest.raises(ValidationFailed, match="CO3"):
        op.check_measures(bad, file="m.csv")
    bad = pd.DataFrame({"measure": ["A", "A"], "cost": [-1, 2], "CO2": [1, "x"]})
    with pytest.raises(ValidationFailed) as err:
        op.check_measures(bad, file="m.csv")
    text = str(err.value)
    assert "row 2, column 'cost': negative cost" in text
    assert "row 3, column 'measure': measure given twice" in text
    assert "row 3, column 'CO2': not a number" in text


def test_targets_in_the_wrong_unit_or_species():
    with pytest.raises(InputError, match="plain number"):
        op.parse_targets(["CO2=5万吨"], ["CO2"])
    with pytest.raises(InputError, match="unknown target species"):
        op.parse_targets(["CO3=5"], ["CO2"])
    assert op.parse_targets(["CO2=500", "NOx=2"], ["CO2", "NOx"]) == {"CO2": 500, "NOx": 2}
