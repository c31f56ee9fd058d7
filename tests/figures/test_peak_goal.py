"""A peak target (…达峰: relation <=, unit 年, the year as value) reads as an official writes it on every surface."""

from __future__ import annotations

import pytest

from cocontrol.figures.targets import peak_goal
from cocontrol.reports.annual import _target_text
from cocontrol.web.words import goal_text


def test_a_peak_target_reads_as_a_peak_year_on_pages_and_in_the_report() -> None:
    target = {"value": 2030.0, "relation": "<=", "unit": "年", "year": 2030}
    row = {"target_year": 2030, "target_value": 2030.0, "relation": "<=", "unit": "年"}
    assert goal_text(target) == _target_text(row) == peak_goal("年", "<=", 2030) == "2030年前达峰"
    assert goal_text(target, "en") == "peak by 2030"


@pytest.mark.parametrize(("unit", "relation", "value"), [
    ("%", "<=", 30.0),  # a level capped: 不高于30%
    ("年", ">=", 3.0),  # a duration, not a peak
    ("年", "<=", None),  # no value: the plan's wording
])
def test_other_targets_are_no_peak(unit: str, relation: str, value: float | None) -> None:
    assert peak_goal(unit, relation, value) is None


def test_a_level_target_keeps_its_wording() -> None:
    assert goal_text({"value": 7.0, "relation": ">=", "unit": "%", "year": 2025}) == "不低于7%，2025年"
    assert _target_text({"target_year": 2025, "target_value": 7.0, "relation": ">=", "unit": "%"}) == "2025年不低于7%"
