"""Activity data (活动水平): schema, reading and validation.

Canonical columns: ``region, year, month?, sector, fuel, facility?, value, unit``. Sector and
fuel are resolved to CEADs codes (``Raw_Coal``, ``Smelting and Pressing of Ferrous Metals``)
from CEADs English names, Chinese names (原煤, 柴油, 天然气) or aliases. Every problem of a
file is collected and raised at once as :class:`~cocontrol.errors.ValidationFailed`, each
naming file, sheet, row and column; nothing is returned half-checked.

Units: each fuel or product has a canonical (physical) unit — ``t`` for solid and liquid
fuels, ``万立方米`` for gases measured by volume, ``万千瓦时`` for electricity, ``GJ`` for heat
(``refdata/fuels.csv``), and the denominator of its factors for products (``t`` clinker,
``km`` vehicle travel, ``item`` head of livestock). A value may be given in any unit of the
same dimension (t, 万吨, 千吨), or in an energy unit (tce, GJ) for a fuel with a net calorific
value, converted with the NCV of ``refdata/combustion_co2.csv``: ``A[t] = E[GJ] / NCV[GJ/t]``.
Any other unit (万立方米 for coal, tce for clinker) is a unit mismatch and an error.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from cocontrol import refdata
from cocontrol.data import names
from cocontrol.data.tables import read_table
from cocontrol.errors import Problem, UnitError, ValidationFailed
from cocontrol.units import conversion_factor

REQUIRED = ("region", "year", "sector", "fuel", "value", "unit")
OPTIONAL = ("month", "facility")
COLUMNS = ("region", "year", "month", "sector", "fuel", "facility", "value", "unit")
KEY = ("region", "year", "month", "sector", "fuel", "facility")


@lru_cache(maxsize=1)
def _ncv() -> dict[str, tuple[float, str]]:
    table = refdata.load("combustion_co2")
    table = table[table["parameter"] == "ncv"]
    return {r.fuel: (float(r.value), str(r.unit)) for r in table.itertuples(index=False)}


@lru_cache(maxsize=1)
def canonical_units() -> dict[str, str]:
    """Canonical unit of every fuel and product code that has factors."""
    units = {r.fuel: str(r.physical_unit) for r in refdata.load("fuels").itertuples(index=False)}
    units = {k: ("GJ" if v == "吉焦" else v) for k, v in units.items()}
    for table, col in (("process_factors", "process"), ("emission_factors", "fuel")):
        for code, unit in refdata.load(table)[[col, "unit"]].drop_duplicates().itertuples(
                index=False):
            if code not in units and "/" in str(unit):
                units[code] = str(unit).split("/", 1)[1]
    return units


@lru_cache(maxsize=1024)
def unit_multiplier(fuel: str, unit: str) -> float:
    """Multiplier turning a value of ``fuel`` in ``unit`` into its canonical unit.

    Energy units (tce, GJ, 万千瓦时) on a fuel with an NCV go through the NCV:
    ``mult = GJ-per-unit / NCV``. Raises :class:`UnitError` for a mismatch.
    """
    target = canonical_units().get(fuel)
    if target is None:
        raise UnitError(f"no canonical unit for {fuel!r}")
    try:
        return conversion_factor(unit, target)
    except UnitError:
        if fuel in _ncv():
            ncv, ncv_unit = _ncv()[fuel]
            try:
                gj = conversion_factor(unit, "GJ")
            except UnitError:
                pass
            else:
                per_target = conversion_factor(ncv_unit, f"GJ/{target}")
                return gj / (ncv * per_target)
        raise UnitError(
            f"unit {unit!r} does not fit {fuel} (measured in {target}"
            + (", or an energy unit such as tce or GJ" if fuel in _ncv() else "") + ")"
        ) from None


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def validate_activity(frame: pd.DataFrame, *, file: str | None = None,
                      sheet: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Check and canonicalise a raw activity table; returns (canonical frame, problems).

    The frame's index is taken as the spreadsheet row number for messages.
    """
    where = {"file": file, "sheet": sheet}
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        return frame, [Problem("missing column", column=c, expected="column present", **where)
                       for c in missing]
    problems: list[Problem] = []
    out: dict[str, list[object]] = {c: [] for c in COLUMNS}
    fuels, sectors = names.fuels(), names.sectors()
    has_month, has_facility = "month" in frame.columns, "facility" in frame.columns
    records = frame.to_dict("records")
    for row, rec in zip(frame.index, records, strict=True):
        at = {"row": int(row), **where}
        region = _text(rec["region"])
        if region is None:
            problems.append(Problem("missing region", column="region", **at))
        year = pd.to_numeric(_text(rec["year"]), errors="coerce")
        if pd.isna(year) or year != int(year) or not 1900 <= year <= 2100:
            problems.append(Problem("bad year", column="year", expected="a year such as 2020",
                                    found=_text(rec["year"]), **at))
            year = None
        month = None
        if has_month and _text(rec["month"]) is not None:
            month = pd.to_numeric(_text(rec["month"]), errors="coerce")
            if pd.isna(month) or month not in range(1, 13):
                problems.append(Problem("bad month", column="month", expected="1–12 or empty",
                                        found=_text(rec["month"]), **at))
                month = None
        codes = {}
        for col, vocab in (("sector", sectors), ("fuel", fuels)):
            name = _text(rec[col])
            code = vocab.resolve(name) if name is not None else None
            if code is None:
                hint = vocab.suggest(name) if name else []
                problems.append(Problem(
                    f"unknown {col}" + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                    column=col, expected=f"a CEADs {col} name (English or 中文)",
                    found=name, **at))
            codes[col] = code
        raw_value = _text(rec["value"])
        value = pd.to_numeric(raw_value, errors="coerce")
        if raw_value is None or pd.isna(value):
            problems.append(Problem("missing value" if raw_value is None else "not a number",
                                    column="value", expected="a number ≥ 0", found=raw_value,
                                    **at))
            value = None
        elif value < 0:
            problems.append(Problem("negative value", column="value", expected="a number ≥ 0",
                                    found=raw_value, **at))
        unit = _text(rec["unit"])
        if unit is None:
            problems.append(Problem("missing unit", column="unit",
                                    expected="e.g. t, 万吨, 万立方米, tce, 万千瓦时", **at))
        elif codes["fuel"] is not None:
            try:
                unit_multiplier(codes["fuel"], unit)
            except UnitError as exc:
                problems.append(Problem(f"unit mismatch: {exc}", column="unit", found=unit, **at))
        out["region"].append(region)
        out["year"].append(None if year is None else int(year))
        out["month"].append(None if month is None else int(month))
        out["sector"].append(codes["sector"])
        out["fuel"].append(codes["fuel"])
        out["facility"].append(_text(rec["facility"]) if has_facility else None)
        out["value"].append(None if value is None else float(value))
        out["unit"].append(unit)
    canonical = pd.DataFrame(out, index=frame.index)
    canonical = canonical.astype({"year": "Int64", "month": "Int64", "value": "Float64"})
    keys = canonical[list(KEY)].astype(str)
    dup = keys.duplicated(keep=False) & canonical["sector"].notna() & canonical["fuel"].notna()
    if dup.any():
        groups = keys[dup].groupby(list(KEY), sort=False, dropna=False).groups
        for rows in groups.values():
            listed = ", ".join(str(int(r)) for r in rows)
            for r in rows:
                problems.append(Problem(f"duplicate key (rows {listed})", row=int(r),
                                        column="region/year/month/sector/fuel/facility",
                                        expected="one row per key", **where))
    problems.sort(key=lambda p: (p.row or 0))
    return canonical, problems


def read_activity(path: str | Path, *, sheet: str | None = None) -> pd.DataFrame:
    """Read, resolve and validate an activity file (CSV/GBK CSV, Parquet, Excel).

    Returns the canonical frame (index = spreadsheet row, ``attrs`` holds file and sheet) or
    raises :class:`ValidationFailed` with every offending row.
    """
    raw, used_sheet = read_table(path, sheet=sheet)
    frame, problems = validate_activity(raw, file=str(path), sheet=used_sheet)
    if problems:
        raise ValidationFailed(problems, summary=f"activity data {Path(path).name} is invalid")
    frame.attrs.update(file=str(path), sheet=used_sheet)
    return frame


def check_activity(frame: pd.DataFrame, *, file: str | None = None) -> pd.DataFrame:
    """Validate an in-memory activity frame (row numbers counted as in a sheet, header = 1)."""
    if list(frame.columns) == list(COLUMNS) and frame.attrs.get("file"):
        return frame
    raw = frame.copy()
    raw.index = pd.RangeIndex(2, len(raw) + 2)
    canonical, problems = validate_activity(raw, file=file or frame.attrs.get("file"))
    if problems:
        raise ValidationFailed(problems, summary="activity data is invalid")
    canonical.attrs.update(file=file or frame.attrs.get("file"), sheet=None)
    return canonical
