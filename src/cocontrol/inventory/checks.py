"""Checks of a large activity file's summary (one row per region, year, sector, fuel,
technology and unit as given, with its row and bad-cell counts): unknown names, missing
keys, bad years and months, units that do not fit the fuel, bad values, duplicate keys and
unknown technologies — one problem per offending value with its number of rows (row numbers
are not portable across engines; ``read_activity`` lists every row of small files).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from cocontrol.data import names
from cocontrol.data.activity import technology_choices, technology_code, unit_multiplier
from cocontrol.errors import Problem, UnitError, ValidationFailed


def resolve_names(summary: pd.DataFrame, file: str) -> tuple[dict, dict, list[Problem]]:
    """Codes of the sector and fuel names given (``{given: code}``), and a problem (with the
    row count and the closest names) for each unknown name."""
    problems: list[Problem] = []
    maps: dict[str, dict] = {"sector": {}, "fuel": {}}
    for col, vocab in (("sector", names.sectors()), ("fuel", names.fuels())):
        for given, n in summary.groupby(col, dropna=False)["rows"].sum().items():
            code = vocab.resolve(given) if isinstance(given, str) else None
            if code is None:
                hint = vocab.suggest(given) if isinstance(given, str) else []
                problems.append(Problem(
                    f"unknown {col} in {n:,} rows"
                    + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                    file=file, column=col, found=None if pd.isna(given) else str(given)))
            else:
                maps[col][given] = code
    return maps["sector"], maps["fuel"], problems


VALUE_PROBLEMS = (("missing", "missing value", "a number ≥ 0"),
                   ("not_number", "not a number", "a number ≥ 0"),
                   ("non_finite", "not a finite number",
                    "a finite number ≥ 0 (inf, nan and numbers beyond 1e308 are not values)"),
                   ("negative", "negative value", "a number ≥ 0"))


def check_groups(summary: pd.DataFrame, fuel_map: dict, file: str,
                 multiplier: Callable[[str, str], float] = unit_multiplier) -> list[Problem]:
    """Missing region/year, bad year/month, units that do not fit the fuel, missing, text,
    non-finite and negative values: one problem per offending value with its number of rows."""
    problems = []
    n = int(summary.loc[summary["region"].isna(), "rows"].sum())
    if n:
        problems.append(Problem(f"missing region in {n:,} rows", file=file, column="region"))
    bad = int(summary["bad_year"].sum())
    n = int(summary.loc[summary["year"].isna(), "rows"].sum()) - bad
    if n:
        problems.append(Problem(f"missing year in {n:,} rows", file=file, column="year"))
    if bad:
        problems.append(Problem(f"bad year in {bad:,} rows", file=file, column="year",
                                expected="a year such as 2020"))
    bad = int(summary["bad_month"].sum())
    if bad:
        problems.append(Problem(f"bad month in {bad:,} rows", file=file, column="month",
                                expected="1–12 or empty"))
    profile = summary.groupby(["sector", "fuel", "unit"], dropna=False, sort=True)[
        ["rows", *(k for k, _, _ in VALUE_PROBLEMS)]].sum()
    for (sector, fuel, unit), r in profile.iterrows():
        if fuel in fuel_map and isinstance(unit, str):
            try:
                multiplier(fuel_map[fuel], unit)
            except UnitError as exc:
                problems.append(Problem(f"unit mismatch in {int(r['rows']):,} rows: {exc}",
                                        file=file, column="unit", found=unit))
        elif not isinstance(unit, str):
            problems.append(Problem(f"missing unit in {int(r['rows']):,} rows", file=file,
                                    column="unit"))
        for key, message, expected in VALUE_PROBLEMS:
            if r[key]:
                problems.append(Problem(f"{message} in {int(r[key]):,} rows of {sector} × "
                                        f"{fuel}", file=file, column="value",
                                        expected=expected))
    return problems


def check_duplicates(dups: pd.DataFrame, file: str) -> list[Problem]:
    return [Problem(f"duplicate key ({d.rows} rows)", file=file,
                    column="region/year/month/sector/fuel/technology/facility",
                    found=" ".join(str(v) for v in (
                        d.region, d.year, d.month, d.sector, d.fuel, d.technology, d.facility)
                        if v is not None and v == v and v != ""))
            for d in dups.head(1000).itertuples(index=False)]


def technology_codes(summary: pd.DataFrame, fuel_map: dict, file: str
                  ) -> tuple[dict, list[Problem]]:
    """Codes of the technologies given per fuel (``{(fuel code, given): code}``, ``""`` the
    default) and a problem per unknown (fuel, technology) with its number of rows."""
    used = summary[summary["technology"] != ""].groupby(["fuel", "technology"])["rows"].sum()
    problems, codes = [], {}
    for (fuel, given), n in used.items():
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
    file's fuel column — the large-file paths' ``no_factor`` of :func:`core.evaluate`."""
    def no_factor(keys: pd.DataFrame) -> ValidationFailed:
        return ValidationFailed(
            [Problem("no emission factor for this sector and fuel", file=file, column="fuel",
                     found=f"{k.sector} × {k.fuel} ({k.region} {k.year})")
             for k in keys.itertuples(index=False)], summary="activity without factor")
    return no_factor
