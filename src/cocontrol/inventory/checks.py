"""Checks of a large activity file's summary (one row per region, year, sector, fuel,
technology and unit as given, with its row and bad-cell counts): unknown names, missing
keys, bad years and months, units that do not fit the fuel, bad values, duplicate keys and
unknown technologies — one problem per offending value with its number of rows (row numbers
are not portable across engines; ``read_activity`` lists every row of small files).

The summary is read as rows (:func:`records`: a pandas frame from the Spark path, an Arrow
table from DuckDB's), so the command's DuckDB path runs these checks without pandas; groups
are listed in key order with missing keys last, as pandas' ``groupby(sort=True,
dropna=False)`` lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from cocontrol.data import names
from cocontrol.errors import Problem, UnitError, ValidationFailed

if TYPE_CHECKING:
    import pandas as pd

Row = dict[str, Any]


def _missing(value: object) -> bool:
    """None, NaN or pandas' NA."""
    return value is None or value != value or type(value).__name__ in ("NAType", "NaTType")


def records(table: Any) -> list[Row]:
    """The rows of a summary as dicts, a missing cell None: an Arrow table, a pandas frame or
    a list of rows already."""
    if isinstance(table, list):
        return table
    if hasattr(table, "to_pylist"):  # Arrow
        return table.to_pylist()
    return [{k: None if _missing(v) else v for k, v in row.items()}
            for row in table.to_dict("records")]


def _order(key: tuple) -> tuple:
    """Sort key of a group: each part in order, a missing part last (pandas' order)."""
    return tuple((v is None, "" if v is None else v) for v in key)


def _sums(rows: Iterable[Row], by: tuple[str, ...], cols: tuple[str, ...]
          ) -> list[tuple[tuple, list[int]]]:
    """(key, [sum of each of ``cols``]) per distinct ``by`` in key order (missing last)."""
    out: dict[tuple, list[int]] = {}
    for r in rows:
        acc = out.setdefault(tuple(r[c] for c in by), [0] * len(cols))
        for i, c in enumerate(cols):
            acc[i] += r[c]
    return sorted(out.items(), key=lambda item: _order(item[0]))


def resolve_names(summary: Any, file: str) -> tuple[dict, dict, list[Problem]]:
    """Codes of the sector and fuel names given (``{given: code}``), and a problem (with the
    row count and the closest names) for each unknown name."""
    rows = records(summary)
    problems: list[Problem] = []
    maps: dict[str, dict] = {"sector": {}, "fuel": {}}
    for col, vocab in (("sector", names.sectors()), ("fuel", names.fuels())):
        for (given,), (n,) in _sums(rows, (col,), ("rows",)):
            code = vocab.resolve(given) if isinstance(given, str) else None
            if code is None:
                hint = vocab.suggest(given) if isinstance(given, str) else []
                problems.append(Problem(
                    f"unknown {col} in {n:,} rows"
                    + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                    file=file, column=col, found=None if given is None else str(given)))
            else:
                maps[col][given] = code
    return maps["sector"], maps["fuel"], problems


VALUE_PROBLEMS = (("missing", "missing value", "a number ≥ 0"),
                   ("not_number", "not a number", "a number ≥ 0"),
                   ("non_finite", "not a finite number",
                    "a finite number ≥ 0 (inf, nan and numbers beyond 1e308 are not values)"),
                   ("negative", "negative value", "a number ≥ 0"))


def check_groups(summary: Any, fuel_map: dict, file: str,
                 multiplier: Callable[[str, str], float] | None = None) -> list[Problem]:
    """Missing region/year, bad year/month, units that do not fit the fuel, missing, text,
    non-finite and negative values: one problem per offending value with its number of rows.
    ``multiplier``: :func:`cocontrol.data.activity.unit_multiplier` unless given."""
    if multiplier is None:
        from cocontrol.data.activity import unit_multiplier as multiplier
    rows = records(summary)
    problems = []
    n = sum(r["rows"] for r in rows if r["region"] is None)
    if n:
        problems.append(Problem(f"missing region in {n:,} rows", file=file, column="region"))
    bad = sum(r["bad_year"] for r in rows)
    n = sum(r["rows"] for r in rows if r["year"] is None) - bad
    if n:
        problems.append(Problem(f"missing year in {n:,} rows", file=file, column="year"))
    if bad:
        problems.append(Problem(f"bad year in {bad:,} rows", file=file, column="year",
                                expected="a year such as 2020"))
    bad = sum(r["bad_month"] for r in rows)
    if bad:
        problems.append(Problem(f"bad month in {bad:,} rows", file=file, column="month",
                                expected="1–12 or empty"))
    kinds = tuple(k for k, _, _ in VALUE_PROBLEMS)
    for (sector, fuel, unit), (total, *counts) in _sums(rows, ("sector", "fuel", "unit"),
                                                        ("rows", *kinds)):
        if fuel in fuel_map and isinstance(unit, str):
            try:
                multiplier(fuel_map[fuel], unit)
            except UnitError as exc:
                problems.append(Problem(f"unit mismatch in {int(total):,} rows: {exc}",
                                        file=file, column="unit", found=unit))
        elif not isinstance(unit, str):
            problems.append(Problem(f"missing unit in {int(total):,} rows", file=file,
                                    column="unit"))
        for (_, message, expected), count in zip(VALUE_PROBLEMS, counts, strict=True):
            if count:
                problems.append(Problem(f"{message} in {int(count):,} rows of {sector} × "
                                        f"{fuel}", file=file, column="value",
                                        expected=expected))
    return problems


def check_duplicates(dups: Any, file: str) -> list[Problem]:
    return [Problem(f"duplicate key ({d['rows']} rows)", file=file,
                    column="region/year/month/sector/fuel/technology/facility",
                    found=" ".join(str(v) for v in (
                        d["region"], d["year"], d["month"], d["sector"], d["fuel"],
                        d["technology"], d["facility"])
                        if v is not None and v == v and v != ""))
            for d in records(dups)[:1000]]


def technology_codes(summary: Any, fuel_map: dict, file: str
                     ) -> tuple[dict, list[Problem]]:
    """Codes of the technologies given per fuel (``{(fuel code, given): code}``, ``""`` the
    default) and a problem per unknown (fuel, technology) with its number of rows."""
    used = [r for r in records(summary) if r["technology"] != "" and r["technology"] is not None
            and r["fuel"] is not None]
    problems, codes = [], {}
    if not used:
        return codes, problems
    from cocontrol.data.activity import technology_choices, technology_code

    for (fuel, given), (n,) in _sums(used, ("fuel", "technology"), ("rows",)):
        code = fuel_map.get(fuel)
        if code is None:
            continue  # unknown fuel: reported already
        tech = technology_code(code, given)
        if tech is None:
            problems.append(Problem(
                f"unknown technology for {code} in {n:,} rows", file=file, column="technology",
                expected=technology_choices(code), found=given))
        else:
            codes[(code, given)] = tech
    return codes, problems


def missing_factor(file: str) -> Callable[[pd.DataFrame], ValidationFailed]:
    """The error for summed keys (region, year, sector, fuel) that no factor covers, naming the
    file's fuel column — the large-file paths' ``no_factor`` of :func:`core.evaluate` (the
    keys a pandas frame or an Arrow table, :func:`records`)."""
    def no_factor(keys: Any) -> ValidationFailed:
        return ValidationFailed(
            [Problem("no emission factor for this sector and fuel", file=file, column="fuel",
                     found=f"{k['sector']} × {k['fuel']} ({k['region']} {k['year']})")
             for k in records(keys)], summary="activity without factor")
    return no_factor
