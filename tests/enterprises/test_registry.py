"""The facility and stack registry and the operation sheet: optional, and when given every
facility and stack id used elsewhere must be in it (file, sheet, row, column); nothing is
computed when anything is wrong."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.enterprises.intake import read_dataset
from cocontrol.errors import ValidationFailed

from .conftest import coal, enterprise, write

FACILITY = {"enterprise_id": "A", "facility_id": "U1", "kind": "机组", "capacity": 60,
            "capacity_unit": "万千瓦", "design_hours": 5500}


def _cems(stack: str, hours: int = 3) -> list[dict]:
    t = pd.Timestamp("2024-01-01")
    return [{"enterprise_id": "A", "stack_id": stack, "time": t + pd.Timedelta(hours=h),
             "flow": 1e5, "so2": 10.0} for h in range(hours)]


def _problems(folder):
    with pytest.raises(ValidationFailed) as err:
        read_dataset(folder)
    return err.value.problems


def _at(problems, sheet, row, column):
    hits = [p for p in problems if p.sheet == sheet and p.row == row and p.column == column]
    assert hits, [str(p) for p in problems]
    return hits[0]


def test_registry_is_read_and_kept_in_base_units(tmp_path) -> None:
    folder = write(tmp_path / "ok", {
        "enterprises": [enterprise()], "fuel": [coal(1)], "facilities": [FACILITY],
        "stacks": [{"enterprise_id": "A", "stack_id": "S1", "facility_id": "U1",
                    "height": 210, "permit_outlet_id": "DA001"}],
        "operation": [{"enterprise_id": "A", "facility_id": "U1", "year": 2024, "month": 1,
                       "hours": 700, "load": "80%", "output": 33.6, "output_unit": "万kWh"}],
        "cems": _cems("S1")})
    data = read_dataset(folder)
    assert data.facilities.at[0, "capacity_base"] == 600.0  # 60 万千瓦 = 600 MW
    assert data.stacks.at[0, "facility_ids"] == ("U1",)
    op = data.operation.iloc[0]
    assert op["load"] == pytest.approx(0.8) and op["output_base"] == pytest.approx(336.0)


def test_unknown_facility_and_stack_ids_are_listed(tmp_path) -> None:
    folder = write(tmp_path / "bad", {
        "enterprises": [enterprise()],
        "fuel": [coal(1), coal(2, facility_id="U2")],
        "facilities": [FACILITY, {**FACILITY, "facility_id": "K1", "kind": "窑", "capacity": 0,
                                  "capacity_unit": "t/月"}],
        "stacks": [{"enterprise_id": "A", "stack_id": "S1", "facility_id": "U1|U3"}],
        "operation": [{"enterprise_id": "A", "facility_id": "U1", "year": 2024, "month": 2,
                       "hours": 700, "load": 0.8},
                      {"enterprise_id": "A", "facility_id": "U1", "year": 2024, "month": 3,
                       "hours": 600, "output": 10, "output_unit": "t"},
                      {"enterprise_id": "A", "facility_id": "U4", "year": 2024, "month": 4,
                       "hours": 100}],
        "controls": [{"enterprise_id": "A", "facility_id": "U5", "species": "SO2",
                      "efficiency": 0.9}],
        "cems": _cems("S1") + _cems("S9", 2)})
    problems = _problems(folder)
    assert "facilities sheet" in _at(problems, "fuel", 3, "facility_id").expected
    assert _at(problems, "fuel", 3, "facility_id").found == "U2"
    _at(problems, "facilities", 3, "kind")
    _at(problems, "facilities", 3, "capacity")
    _at(problems, "facilities", 3, "capacity_unit")
    assert _at(problems, "stacks", 2, "facility_id").found == "U3"
    assert "more hours than the month" in _at(problems, "operation", 2, "hours").message  # Feb 2024: 696 h
    assert "does not fit" in _at(problems, "operation", 3, "output_unit").message  # t for MW
    _at(problems, "operation", 4, "facility_id")
    assert "neither load nor output" in _at(problems, "operation", 4, "load").message
    _at(problems, "controls", 2, "facility_id")
    stack = [p for p in problems if p.sheet == "cems" and p.column == "stack_id"]
    assert [p.row for p in stack] == [5, 6] and stack[0].found == "S9"
    assert all(p.file and p.file.startswith(str(folder)) for p in problems)


def test_without_a_registry_facilities_come_from_the_fuel_sheet(tmp_path) -> None:
    folder = write(tmp_path / "nofac", {
        "enterprises": [enterprise()], "fuel": [coal(1)],
        "operation": [{"enterprise_id": "A", "facility_id": "U7", "year": 2024, "month": 1,
                       "hours": 10, "load": 0.5}],
        "cems": _cems("ANY")})
    problems = _problems(folder)
    assert "fuel sheet" in _at(problems, "operation", 2, "facility_id").expected
    assert not [p for p in problems if p.sheet == "cems"]  # no stacks sheet: any stack id


def test_a_facility_or_stack_listed_twice_is_named_on_its_repeat(tmp_path) -> None:
    stack = {"enterprise_id": "A", "stack_id": "S1", "facility_id": "U1"}
    folder = write(tmp_path / "twice", {
        "enterprises": [enterprise()], "fuel": [coal(1)], "facilities": [FACILITY, FACILITY],
        "stacks": [stack, stack], "cems": _cems("S1")})
    problems = _problems(folder)
    assert "once" in _at(problems, "facilities", 3, "facility_id").expected
    assert "once" in _at(problems, "stacks", 3, "stack_id").expected
