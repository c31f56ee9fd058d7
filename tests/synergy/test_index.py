"""Indicator system (YAML), composite index and ranking on a hand-worked 3-region example."""

import textwrap

import pandas as pd
import pytest

from cocontrol.errors import InputError, ValidationFailed
from cocontrol.synergy.index import composite_index
from cocontrol.synergy.ranking import rank_regions
from cocontrol.synergy.system import load_system

SYSTEM = {
    "name": "test",
    "weighting": {"dimensions": {"method": "fixed", "weights": {"goal": 0.6, "path": 0.4}},
                  "indicators": {"method": "fixed", "weights": {"goal": {"g1": 1.0},
                                                                "path": {"p1": 0.5, "p2": 0.5}}}},
    "dimensions": [
        {"id": "goal", "name_zh": "目标协同", "indicators": [
            {"id": "g1", "name_zh": "g1", "unit": "%", "direction": "+", "subsystem": "pollution",
             "from": "stat:g1"}]},
        {"id": "path", "name_zh": "路径协同", "indicators": [
            {"id": "p1", "name_zh": "p1", "unit": "t", "direction": "-", "subsystem": "carbon",
             "from": "stat:p1"},
            {"id": "p2", "name_zh": "p2", "unit": "%", "direction": "+", "subsystem": "shared",
             "from": "stat:p2"}]},
    ],
}

VALUES = pd.DataFrame({
    "region": ["A", "B", "C"] * 3, "year": [2023] * 9,
    "indicator": ["g1"] * 3 + ["p1"] * 3 + ["p2"] * 3,
    "value": [10, 20, 30, 5, 3, 1, 100, 100, 100],
})


def test_hand_worked_index_and_ranking():
    # normalised: g1 (+) 10/20/30 → 0, 0.5, 1; p1 (−) 5/3/1 → 0, 0.5, 1; p2 constant → 1
    # index = 0.6·g1' + 0.4·(0.5·p1' + 0.5·p2')
    #   A: 0 + 0.4 × (0 + 0.5)    = 0.2 → 20
    #   B: 0.3 + 0.4 × (0.25 + 0.5) = 0.6 → 60
    #   C: 0.6 + 0.4 × 1           = 1.0 → 100
    result = composite_index(VALUES, load_system(SYSTEM))
    scores = result.scores.set_index("region")
    assert scores["index"].to_dict() == pytest.approx({"A": 20, "B": 60, "C": 100})
    assert scores["path"].to_dict() == pytest.approx({"A": 0.5, "B": 0.75, "C": 1.0})
    # subsystems: U_pollution = g1', U_carbon = p1' (shared p2 is left out of both)
    assert scores["u_pollution"].tolist() == pytest.approx([0, 0.5, 1])
    assert scores["u_carbon"].tolist() == pytest.approx([0, 0.5, 1])
    assert result.weights.set_index("indicator")["weight"].to_dict() == pytest.approx(
        {"g1": 0.6, "p1": 0.2, "p2": 0.2})
    ranking, contrib = rank_regions(result.scores, result.contributions)
    assert ranking["region"].tolist() == ["C", "B", "A"] and ranking["rank"].tolist() == [1, 2, 3]
    assert (ranking["leader"] == "C").all()
    # A's gap to C: g1 60 − 0 = 60, p1 20 − 0 = 20, p2 20 − 20 = 0; total 80 = 100 − 20
    gaps = contrib[contrib["region"] == "A"].set_index("indicator")["gap_to_leader"]
    assert gaps.to_dict() == pytest.approx({"g1": 60, "p1": 20, "p2": 0})
    assert contrib.groupby("region")["share"].sum().to_dict() == pytest.approx({"A": 1, "B": 1, "C": 1})


def test_entropy_gives_constant_indicator_zero_weight():
    system = load_system({**SYSTEM, "weighting": {
        "dimensions": {"method": "fixed", "weights": {"goal": 0.6, "path": 0.4}},
        "indicators": {"method": "entropy"}}})
    weights = composite_index(VALUES, system).weights.set_index("indicator")
    assert weights.loc["p2", "weight"] == 0.0
    assert weights.loc["p1", "within_weight"] == pytest.approx(1.0)
    assert weights["weight"].sum() == pytest.approx(1.0)


def test_ahp_dimension_weights_and_failing_cr():
    ok = {**SYSTEM, "weighting": {"dimensions": {"method": "ahp", "matrix": [[1, 3], [1 / 3, 1]]},
                                  "indicators": {"method": "equal"}}}
    w = composite_index(VALUES, load_system(ok)).weights.set_index("indicator")["dimension_weight"]
    assert w["g1"] == pytest.approx(0.75) and w["p1"] == pytest.approx(0.25)
    bad = {**SYSTEM, "weighting": {"dimensions": {"method": "fixed", "weights": {"goal": 0.6, "path": 0.3}},
                                   "indicators": {"method": "equal"}}}
    with pytest.raises(InputError, match=r"sum to 0\.9"):
        composite_index(VALUES, load_system(bad))


def test_missing_and_unknown_values_are_reported():
    with pytest.raises(InputError, match="missing"):
        composite_index(VALUES.iloc[:-1], load_system(SYSTEM))
    extra = pd.concat([VALUES, pd.DataFrame({"region": ["A"], "year": [2023], "indicator": ["zz"],
                                             "value": [1.0]})])
    with pytest.raises(InputError, match="zz"):
        composite_index(extra, load_system(SYSTEM))


def test_invalid_yaml_lists_every_problem(tmp_path):
    path = tmp_path / "system.yaml"
    path.write_text(textwrap.dedent("""
        dimensions:
          - id: goal
            indicators:
              - {id: a, name_zh: 甲, unit: "%", direction: up, subsystem: carbon, from: "stat:a"}
              - {id: a, name_zh: 乙, unit: "%", direction: "+", subsystem: air, from: "stat:b"}
        coupling: {alpha: 0.7, beta: 0.7}
    """), encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        load_system(path)
    text = str(err.value)
    assert len(err.value.problems) == 4
    for part in ("dimensions[0].indicators[0].direction", "used twice", "subsystem", "sum to 1.4"):
        assert part in text
    assert str(path) in text


def test_default_system_is_grounded():
    system = load_system()
    dims = [name for _, name in system.dimensions]
    assert dims == ["目标协同", "路径协同", "效应协同", "管理协同"]
    assert len(set(system.ids)) == len(system.ids) >= 12
    assert all(i.basis for i in system.indicators)
    assert {i.subsystem for i in system.indicators} == {"pollution", "carbon", "shared"}


def test_subset_renormalises_fixed_weights_and_cuts_ahp_matrices():
    # p2 has no data: path keeps p1 only (0.5 / 0.5 = 1.0); the configured sum is still checked
    system = load_system(SYSTEM).subset({"g1", "p1"})
    w = composite_index(VALUES[VALUES["indicator"] != "p2"], system).weights.set_index("indicator")
    assert w.loc["p1", "within_weight"] == pytest.approx(1.0)
    # AHP over 3 dimensions, one without data: the 2×2 sub-matrix [[1, 3], [1/3, 1]] → 0.75 / 0.25
    three = {**SYSTEM, "dimensions": [*SYSTEM["dimensions"], {"id": "mgmt", "name_zh": "管理协同",
             "indicators": [{"id": "m1", "name_zh": "m1", "unit": "%", "direction": "+",
                             "subsystem": "shared", "from": "stat:m1"}]}],
             "weighting": {"dimensions": {"method": "ahp", "matrix": [[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]]},
                           "indicators": {"method": "equal"}}}
    sub = load_system(three).subset({"g1", "p1", "p2"})
    w = composite_index(VALUES, sub).weights.set_index("indicator")["dimension_weight"]
    assert w["g1"] == pytest.approx(0.75) and w["p1"] == pytest.approx(0.25)


def test_year_normalisation():
    # two years; within 2024 the g1 order is reversed: A 30, B 20, C 10 → A best in 2024
    later = VALUES.assign(year=2024)
    later.loc[later["indicator"] == "g1", "value"] = [30, 20, 10]
    values = pd.concat([VALUES, later], ignore_index=True)
    system = load_system({**SYSTEM, "normalisation": "year"})
    scores = composite_index(values, system).scores.set_index(["region", "year"])["index"]
    # 2024: A = 0.6 × 1 + 0.4 × (0 + 0.5) = 0.8 → 80; C = 0.6 × 0 + 0.4 × 1 = 0.4 → 40
    assert scores[("A", 2024)] == pytest.approx(80) and scores[("C", 2024)] == pytest.approx(40)
    assert scores[("A", 2023)] == pytest.approx(20)
