"""Scenario files: LEAP search order, and every kind of bad input named with file and line."""

import pytest

from cocontrol.errors import CocontrolError, ValidationFailed
from cocontrol.scenarios.spec import parse_spec, read_spec, resolve, search_order

from .conftest import SPEC


def _leap_example():
    pk = {n: {} for n in ("Industry", "Buildings", "Cars", "Buses", "Rail")}
    pk["Transport"] = {"inherits": ["Cars", "Buses", "Rail"]}
    return {"region": "x", "base_year": 2020, "end_year": 2030, "activity": "a.csv",
            "packages": pk,
            "scenarios": {"Baseline": {}, "Mitigation": {
                "parent": "Baseline", "inherits": ["Industry", "Buildings", "Transport"]}}}


def test_leap_search_order_example(tmp_path):
    (tmp_path / "a.csv").write_text("x\n")
    spec = parse_spec(_leap_example(), folder=tmp_path)
    # LEAP help, Expression Search Example: Mitigation, Industry, Buildings, Transport, Cars,
    # Buses, Rail, Baseline, Current Accounts (base), Default
    assert search_order(spec, "Mitigation") == [
        "Mitigation", "Industry", "Buildings", "Transport", "Cars", "Buses", "Rail", "Baseline",
        "base", "default"]
    assert search_order(spec, "Baseline") == ["Baseline", "base", "default"]


def test_first_non_blank_expression_wins(city):
    text = SPEC.replace("  规划情景: {parent: 基准情景, inherits: [能源, 交通, 工业]}",
                        "  规划情景: {parent: 高增长, inherits: [能源, 交通, 工业]}\n"
                        "  高增长: {parent: 基准情景, drivers: {GDP: 'Growth(7%)'}}")
    text = text.replace("  能源: {measures: [关停燃煤机组]}",
                        "  能源: {measures: [关停燃煤机组], drivers: {GDP: 'Growth(6%)'}}")
    spec = read_spec(_write(city, text))
    r = resolve(spec, "规划情景")
    # the package (searched before the parent) wins over the parent
    assert "6" in repr(r.drivers["GDP"].expression)
    assert "7" in repr(resolve(spec, "高增长").drivers["GDP"].expression)
    assert r.measures == ("关停燃煤机组", "电动汽车", "钢铁脱硝")


def _write(city, text):
    path = city.parent / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BAD = [
    ("  基准情景: {}", "  基准情景: {parent: 规划情景}", "circular scenario inheritance"),
    ("  空包: {}", "  空包: {inherits: [空包2]}\n  空包2: {inherits: [空包]}",
     "circular package inheritance"),
    ("Growth(5%, 2026, 4%)", "Growth(5%, 2026, 4%", "at position 20"),
    ("Interp(2030, 0.5, 2035, 0.45)", "Interp(2040, 0.5)", "outside the scenario years"),
    ("share: 0.3,", "share: 1.3,", "share out of range"),
    ("investment: 100000,", "investment: -5,", "investment out of range"),
    ("unit: 年, relation", "unit: '%', relation", "wrong unit"),
    ("inherits: [能源, 交通, 工业]", "inherits: [能源, 交通, 工业], measures: [不存在]",
     "unknown measure"),
    ("  空措施情景: {parent: 基准情景, inherits: [空包]}",
     "  空措施情景: {parent: 基准情景, drivers: {GNP: 'Growth(1%)'}}", "unknown driver"),
    ("species: NOx, year: 2030", "species: NOX2, year: 2030", "unknown species"),
    ("fuel: 原煤, share", "fuel: 原媒, share", "unknown fuel"),
    ("\"*\": GrowthAs(GDP, 0.4)", "\"*\": GrowthAs(GPD, 0.4)", "unknown driver"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD)
def test_bad_input_names_file_and_line(city, old, new, message):
    assert old in SPEC
    path = _write(city, SPEC.replace(old, new))
    with pytest.raises(CocontrolError) as err:
        read_spec(path)
    text = str(err.value)
    assert message in text
    assert "variant.yaml" in text and "line " in text


def test_every_problem_is_reported_at_once(city):
    text = SPEC.replace("share: 0.3,", "share: 1.3,").replace("unit: 年, relation",
                                                             "unit: t, relation")
    with pytest.raises(ValidationFailed) as err:
        read_spec(_write(city, text))
    assert len(err.value.problems) == 2
    lines = {p.line for p in err.value.problems}
    assert None not in lines and len(lines) == 2


def test_stirpat_rule_is_fitted_on_the_history(city):
    import numpy as np
    import pandas as pd

    years = np.arange(2010, 2023)
    rng = np.random.default_rng(2)
    pop = 300 * np.exp(np.cumsum(rng.normal(0.005, 0.004, years.size)))
    gdp = 2000 * np.exp(np.cumsum(rng.normal(0.06, 0.02, years.size)))
    energy = 0.8 * pop ** 1.2 * gdp ** 0.5
    rows = [{"region": "测试市", "year": int(y), "indicator": k, "value": float(v[i])}
            for k, v in (("population", pop), ("gdp", gdp), ("energy", energy))
            for i, y in enumerate(years)]
    pd.DataFrame(rows).to_csv(city.parent / "stats.csv", index=False)
    text = SPEC.replace('''activity_rules:
  "*": GrowthAs(GDP, 0.4)''', '''stirpat:
  history: stats.csv
  impact: energy
  drivers: {population: population, GDP: gdp}
  k: 0
activity_rules:
  "*": STIRPAT''')
    spec = read_spec(_write(city, text))
    assert spec.stirpat.beta["population"] == pytest.approx(1.2, abs=1e-6)
    assert spec.stirpat.beta["GDP"] == pytest.approx(0.5, abs=1e-6)
    rule = spec.activity_rules["*"]
    assert "GrowthAs" in repr(rule)
    bad = text.replace("impact: energy", "impact: energie")
    with pytest.raises(ValidationFailed, match="indicator not in the history file"):
        read_spec(_write(city, bad))
