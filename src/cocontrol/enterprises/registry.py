"""The facility and stack registry (设施名录、排口名录) and the monthly operation sheet
(设施运行记录), read cell by cell like the other intake sheets.

All three sheets are optional. When ``facilities`` is given, every facility_id used by the
fuel, controls, operation and stacks sheets must be one of its enterprise's facilities; when
``stacks`` is given, every CEMS stack_id (and every permit-report stack_id) of an enterprise
with rows in it must be one of that enterprise's stacks (CEMS checked in DuckDB by
:mod:`.cems`); an enterprise with no rows there is checked by the rule ``stack_links_missing``. Capacity is kept in a per-hour base (MW or t/h) and output in MWh or
t, so output / (capacity × hours) is the load the output implies.
"""

from __future__ import annotations

import calendar
import re

import pandas as pd

from cocontrol.enterprises.cells import Cells, blank
from cocontrol.enterprises.schema import CAPACITY_UNITS, FACILITY_KINDS, OUTPUT_UNITS

FACILITY_COLUMNS = ["enterprise_id", "facility_id", "kind", "capacity", "capacity_unit",
                    "capacity_base", "dimension", "design_hours"]
STACK_COLUMNS = ["enterprise_id", "stack_id", "facility_ids", "height", "permit_outlet_id"]
OPERATION_COLUMNS = ["enterprise_id", "facility_id", "year", "month", "hours", "load",
                     "output", "output_unit", "output_base", "output_dimension"]


def unit_key(unit: object) -> str:
    return str(unit).strip().lower().replace(" ", "")


def facilities(cells: Cells, frame: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    """The facilities sheet: kind from :data:`FACILITY_KINDS`, capacity > 0 in a known unit."""
    out = pd.DataFrame(index=frame.index)
    out["enterprise_id"] = ids
    out["facility_id"] = cells.text(frame, "facility_id")
    out["kind"] = cells.text(frame, "kind")
    for row, kind in out["kind"].items():
        if kind is not None and kind not in FACILITY_KINDS:
            cells.problem(row, "kind", "unknown facility kind", "、".join(FACILITY_KINDS), kind)
    out["capacity"] = cells.number(frame, "capacity")
    for row in out.index[out["capacity"] == 0]:
        cells.problem(row, "capacity", "capacity is zero", "a capacity > 0", 0)
    units = cells.text(frame, "capacity_unit")
    dims, bases = {}, {}
    for row, unit in units.items():
        unit = None if blank(unit) else unit
        hit = CAPACITY_UNITS.get(unit_key(unit)) if unit is not None else None
        if unit is not None and hit is None:
            cells.problem(row, "capacity_unit", "unknown capacity unit",
                          "MW, 万千瓦, t/h or t/d", unit)
        dims[row] = hit[0] if hit else None
        bases[row] = out.at[row, "capacity"] * hit[1] if hit else float("nan")
    out["capacity_unit"] = units
    out["capacity_base"] = pd.Series(bases, index=frame.index, dtype=float)
    out["dimension"] = pd.Series(dims, index=frame.index, dtype=object)
    out["design_hours"] = cells.number(frame, "design_hours", required=False, maximum=8784)
    _once(cells, out, "facility_id", "each facility of an enterprise once")
    return out[FACILITY_COLUMNS]


def _once(cells: Cells, out: pd.DataFrame, column: str, expected: str) -> None:
    """A problem on every repeat of (enterprise_id, ``column``) after its first row."""
    key = ["enterprise_id", column]
    dup = out[key].notna().all(axis=1) & out.duplicated(key, keep="first")
    for row in out.index[dup]:
        cells.problem(row, column, "duplicate", expected, out.at[row, column])


def stacks(cells: Cells, frame: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    """The stacks sheet: facility_id may list several facilities separated by | , 、 or ;."""
    out = pd.DataFrame(index=frame.index)
    out["enterprise_id"] = ids
    out["stack_id"] = cells.text(frame, "stack_id")
    raw = cells.text(frame, "facility_id")
    out["facility_ids"] = raw.map(
        lambda v: None if v is None else tuple(p for p in re.split(r"[|,，、;；]", v) if p.strip()))
    out["height"] = cells.number(frame, "height", required=False, maximum=500)
    out["permit_outlet_id"] = cells.text(frame, "permit_outlet_id", required=False)
    _once(cells, out, "stack_id", "each stack of an enterprise once")
    return out[STACK_COLUMNS]


def operation(cells: Cells, frame: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    """The operation sheet: hours within the month's hours; load (0–1 or %) or output."""
    out = pd.DataFrame(index=frame.index)
    out["enterprise_id"] = ids
    out["facility_id"] = cells.text(frame, "facility_id")
    out["year"] = cells.integer(frame, "year", 1990, 2100, "a year such as 2024")
    out["month"] = cells.integer(frame, "month", 1, 12, "a month 1–12")
    out["hours"] = cells.number(frame, "hours", maximum=744)
    month_hours(cells, out)
    out["load"] = cells.number(frame, "load", required=False, maximum=1.2, percent=True)
    out["output"] = cells.number(frame, "output", required=False)
    units = cells.text(frame, "output_unit", required=False)
    dims, bases = {}, {}
    for row in out.index:
        unit, value = units.get(row), out.at[row, "output"]
        unit = None if blank(unit) else unit
        hit = OUTPUT_UNITS.get(unit_key(unit)) if unit is not None else None
        if value == value and unit is None:
            cells.problem(row, "output_unit", "missing value", "the unit of output (MWh, t …)")
        elif unit is not None and hit is None:
            cells.problem(row, "output_unit", "unknown output unit", "MWh, 万kWh, t or 万t", unit)
        dims[row] = hit[0] if hit else None
        bases[row] = value * hit[1] if hit and value == value else float("nan")
        if value != value and out.at[row, "load"] != out.at[row, "load"]:
            cells.problem(row, "load", "neither load nor output", "a load (0–1 or %) or an output")
    out["output_unit"] = units
    out["output_base"] = pd.Series(bases, index=frame.index, dtype=float)
    out["output_dimension"] = pd.Series(dims, index=frame.index, dtype=object)
    key = ["enterprise_id", "facility_id", "year", "month"]
    dup = out[key].notna().all(axis=1) & out.duplicated(key, keep="first")
    for row in out.index[dup]:
        cells.problem(row, "month", "duplicate row", "one row per facility and month",
                      out.at[row, "month"])
    return out[OPERATION_COLUMNS]


def month_hours(cells: Cells, out: pd.DataFrame) -> None:
    """A problem on every row whose operating ``hours`` exceed the hours of its month
    (28–31 days × 24 h)."""
    known = out["year"].notna() & out["month"].notna() & out["hours"].notna()
    for row in out.index[known]:
        most = calendar.monthrange(int(out.at[row, "year"]), int(out.at[row, "month"]))[1] * 24
        if out.at[row, "hours"] > most:
            cells.problem(row, "hours", "more hours than the month has", f"≤ {most} h",
                          out.at[row, "hours"])


def check_facilities(cells: Cells, frame: pd.DataFrame, known: set[str],
                     facilities: set[tuple[str, str]], where: str,
                     column: str = "facility_id") -> None:
    """Every (enterprise, facility) of ``frame`` must be in ``facilities`` (``where`` names
    the sheet they are listed in, for the message)."""
    for row in frame.index:
        ent, fac = frame.at[row, "enterprise_id"], frame.at[row, column]
        values = fac if isinstance(fac, tuple) else (fac,)
        for value in values:
            if ent in known and value is not None and (ent, value) not in facilities:
                cells.problem(row, "facility_id", "unknown facility id",
                              f"a facility_id of this enterprise in the {where} sheet", value)


def capacity_mismatch(cells: Cells, op: pd.DataFrame, fac: pd.DataFrame) -> None:
    """Output in a unit that does not fit the facility's capacity (MWh for MW, t for t/h)."""
    dims = {(r.enterprise_id, r.facility_id): r.dimension for r in fac.itertuples(index=False)}
    for row in op.index:
        dim = dims.get((op.at[row, "enterprise_id"], op.at[row, "facility_id"]))
        have = op.at[row, "output_dimension"]
        if dim and have and dim != have:
            cells.problem(row, "output_unit", "output unit does not fit the capacity unit",
                          "MWh or 万kWh for MW; t for t/h or t/d", op.at[row, "output_unit"])


def permit_rows(cells: Cells, frame: pd.DataFrame, out: pd.DataFrame,
                stacks: set[tuple[str, str]] | None) -> pd.DataFrame:
    """The permit report's optional month (blank: the whole year) and stack_id (the outlet the
    execution report lists): months 1–12, stacks in the registry when given, and a pollutant
    of an enterprise-year either as one annual total or as monthly rows, never both."""
    months = {}
    for row, value in (frame["month"].items() if "month" in frame else []):
        months[row] = None
        if blank(value):
            continue
        try:
            number = float(str(value).strip())
        except ValueError:
            number = float("nan")
        if not (number == number and number.is_integer() and 1 <= number <= 12):
            cells.problem(row, "month", "out of range", "a month 1–12", value)
            continue
        months[row] = int(number)
    out["month"] = pd.Series(months, index=frame.index, dtype="Int64")
    out["stack_id"] = cells.text(frame, "stack_id", required=False)
    if stacks is not None:
        listed = {e for e, _ in stacks}
        for row in out.index:
            ent, stack = out.at[row, "enterprise_id"], out.at[row, "stack_id"]
            if (stack is not None and not pd.isna(stack) and ent in listed
                    and (ent, stack) not in stacks):
                cells.problem(row, "stack_id", "unknown stack id",
                              "a stack_id of this enterprise in the stacks sheet", stack)
    key = ["enterprise_id", "year", "species"]
    monthly = out["month"].notna()
    both = (out[monthly].dropna(subset=key).set_index(key).index.intersection(
        out[~monthly].dropna(subset=key).set_index(key).index))
    for row in out.index[monthly]:
        if tuple(out.loc[row, key]) in set(both):
            cells.problem(row, "month", "annual and monthly rows of the same pollutant",
                          "either one annual row (month blank) or monthly rows", out.at[row, "month"])
    dup_key = [*key, "month", "stack_id"]
    dup = out[key].notna().all(axis=1) & out[dup_key].astype(str).duplicated(keep="first")
    for row in out.index[dup]:
        cells.problem(row, "species", "duplicate row", "one row per pollutant, month and outlet",
                      out.at[row, "species"])
    return out
