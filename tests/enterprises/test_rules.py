"""Co-verification rules on the illustrative demo: every planted problem is found, the clean
enterprises get no finding; thresholds are data a city can change."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.enterprises import demo
from cocontrol.enterprises.parameters import rules, thresholds
from cocontrol.enterprises.rules import RULES
from cocontrol.enterprises.verify import verify


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return verify(demo.write(tmp_path_factory.mktemp("demo")))


def test_every_rule_is_described_as_data() -> None:
    table, th = rules(), thresholds()
    assert set(table.index) == set(RULES)
    for rule in RULES:
        row = table.loc[rule]
        assert row["formula"] and row["citation"] and row["explanation_zh"]
        assert row["severity"] in ("high", "medium", "info")
        assert rule in th


def test_every_planted_problem_is_found(result) -> None:
    found = result.findings.groupby("enterprise_id")["rule"].apply(set).to_dict()
    for eid, planted in demo.PLANTED.items():
        assert planted <= found.get(eid, set()), (eid, planted - found.get(eid, set()))
    covered = set().union(*demo.PLANTED.values())
    assert covered == set(RULES)  # each kind of problem is planted somewhere


def test_no_finding_on_clean_enterprises(result) -> None:
    assert not set(result.findings["enterprise_id"]) & set(demo.CLEAN)


def test_findings_carry_the_numbers_that_triggered_them(result) -> None:
    f = result.findings
    co2 = f[(f["enterprise_id"] == "E02") & (f["rule"] == "co2_accounting_vs_cems")].iloc[0]
    ev = co2["evidence"]
    # coal under-reported by 40 %: CEMS / accounted ≈ 1 / 0.6
    assert ev["co2_cems_t"] / ev["co2_accounted_t"] == pytest.approx(1 / 0.6, rel=0.03)
    assert ev["threshold"] == pytest.approx(2 * (0.05**2 + 0.15**2) ** 0.5)
    dates = f[(f["enterprise_id"] == "E03") & (f["rule"] == "lab_dates")].iloc[0]
    assert dates["evidence"]["month"] == 6 and "报告日期早于采样日期" in dates["message"]
    rounds = f[(f["enterprise_id"] == "E04") & (f["rule"] == "round_values")].iloc[0]
    assert rounds["evidence"]["months"] == [2, 3, 4, 5]
    unmeasured = f[(f["enterprise_id"] == "E04") & (f["rule"] == "unmeasured_months")].iloc[0]
    assert unmeasured["evidence"]["unmeasured_months"] == [7, 8, 9, 10, 11]
    hours = f[(f["enterprise_id"] == "E07") & (f["rule"] == "hours_load_vs_fuel")].iloc[0]
    assert hours["evidence"]["month"] == 8
    assert hours["evidence"]["relative_gap"] == pytest.approx(-0.5, abs=0.05)


def test_thresholds_are_configurable(tmp_path_factory) -> None:
    folder = demo.write(tmp_path_factory.mktemp("demo2"))
    loose = pd.DataFrame({"rule": ["co2_accounting_vs_cems"], "parameter": ["k"],
                          "value": ["10"]})
    r = verify(folder, thresholds=loose)
    assert "co2_accounting_vs_cems" not in set(r.findings["rule"])
