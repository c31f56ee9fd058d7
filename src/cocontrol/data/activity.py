"""Activity data (活动水平): schema, reading and validation.

Canonical columns: ``region, year, month?, sector, fuel, technology?, facility?, value,
unit``. ``technology`` is the boiler, kiln or vehicle class (炉型/车型) of the emission factor
table (code such as ``grate_boiler`` or its Chinese name 层燃炉, 国五 for ``china_5``); empty
means the default factor. Sector and
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
from cocontrol.data.columns import check_activity_columns
from cocontrol.data.tables import read_table
from cocontrol.errors import Problem, UnitError, ValidationFailed
from cocontrol.units import conversion_factor

COLUMNS = ("region", "year", "month", "sector", "fuel", "technology", "facility", "value",
           "unit")
KEY = ("region", "year", "month", "sector", "fuel", "technology", "facility")
_CN_DIGITS = {"3": "三", "4": "四", "5": "五", "6": "六"}


@lru_cache(maxsize=1)
def technologies() -> dict[str, dict[str, str]]:
    """Accepted technology names per fuel/product: ``{fuel: {name or code: code}}``.

    From ``refdata/emission_factors.csv``: the code itself, the Chinese name leading its note
    (层燃炉, 煤粉炉, 新型干法窑 …) and, for vehicle standards ``china_N``, 国N / 国三…国六.
    """
    ef = refdata.load("emission_factors")
    out: dict[str, dict[str, str]] = {}
    for fuel, code, note in ef[["fuel", "technology", "note"]].itertuples(index=False):
        code = _text(code)
        if code is None:
            continue
        names_ = out.setdefault(str(fuel), {})
        names_[code] = code
        head = str(note).split(";")[0].split(" ")[0].strip()
        if head and any("\u4e00" <= ch <= "\u9fff" for ch in head):
            names_[head] = code
        if code.startswith("china_"):
            n = code.removeprefix("china_")
            names_[f"国{n}"] = code
            names_[f"国{_CN_DIGITS.get(n, n)}"] = code
    return out


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


def technology_code(fuel: str | None, name: str) -> str | None:
    """Code of the activity technology ``name`` (code or Chinese name, any case) for ``fuel``,
    or None when that fuel knows no such technology."""
    vocab = technologies().get(str(fuel or ""), {})
    return vocab.get(name) or {k.lower(): v for k, v in vocab.items()}.get(name.lower())


def technology_choices(fuel: str | None, default: str = "or empty for the default") -> str:
    """What an unknown technology of ``fuel`` should have been (for error messages)."""
    by_code: dict[str, list[str]] = {}
    for k, v in technologies().get(str(fuel or ""), {}).items():
        by_code.setdefault(v, []).extend([k] if k != v else [])
    if not by_code:
        return f"empty ({fuel} has no technology-specific factors)"
    return "; ".join(f"{c} {'/'.join(a)}".strip() for c, a in sorted(by_code.items())) + "; " + default


def _resolve_technology(given: pd.Series, fuels: pd.Series, *, report_to: list[Problem],
                        where: dict) -> pd.Series:
    """Technology codes (NA = default); unknown names for the row's fuel become problems."""
    out = pd.Series(pd.NA, index=given.index, dtype="string")
    for r in given.index[given.notna().to_numpy()]:
        name, fuel = str(given.loc[r]), fuels.loc[r]
        if fuel is None or pd.isna(fuel):
            continue
        code = technology_code(str(fuel), name)
        if code is None:
            report_to.append(Problem(f"unknown technology for {fuel}", row=int(r),
                                     column="technology", expected=technology_choices(fuel),
                                     found=name, **where))
        else:
            out.loc[r] = code
    return out


def validate_activity(frame: pd.DataFrame, *, file: str | None = None,
                      sheet: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Check and canonicalise a raw activity table; returns (canonical frame, problems).

    The frame's index is taken as the spreadsheet row number for messages.
    """
    where = {"file": file, "sheet": sheet}
    header = check_activity_columns(frame.columns, file=file, sheet=sheet)
    if header:
        return frame, header
    if frame.empty:
        return frame, [Problem("no activity rows", expected="at least one row below the header",
                               found="an empty table", **where)]
    problems: list[Problem] = []
    fuels, sectors = names.fuels(), names.sectors()
    rows = frame.index

    def text(col: str) -> pd.Series:
        """Trimmed text with NA for empty cells (vectorised)."""
        if col not in frame.columns:
            return pd.Series(pd.NA, index=rows, dtype="string")
        trimmed = frame[col].astype("string").str.strip()
        return trimmed.mask(trimmed == "")

    def report(mask: pd.Series, message: str, column: str, source: pd.Series | None = None,
               **extra: str) -> None:
        for r in rows[mask.fillna(False).astype(bool).to_numpy()]:
            found = None if source is None else source.loc[r]
            found = None if found is None or pd.isna(found) else str(found)
            problems.append(Problem(message, row=int(r), column=column, found=found, **extra,
                                    **where))

    def number(col: str) -> tuple[pd.Series, pd.Series]:
        """(numbers, given text); numeric columns are taken as they are."""
        if col in frame.columns and pd.api.types.is_numeric_dtype(frame[col]):
            values = frame[col].astype("Float64")
            return values, values.astype("string")
        given = text(col)
        return pd.to_numeric(given, errors="coerce").astype("Float64"), given

    region = text("region")
    report(region.isna(), "missing region", "region")
    year, year_raw = number("year")
    bad_year = (year.isna() | (year != year.round()) | ~year.between(1900, 2100))
    bad_year = bad_year.fillna(True).astype(bool)
    report(bad_year, "bad year", "year", year_raw, expected="a year such as 2020")
    month, month_raw = number("month")
    bad_month = (month_raw.notna() & ~month.isin(range(1, 13))).fillna(False).astype(bool)
    report(bad_month, "bad month", "month", month_raw, expected="1–12 or empty")
    codes = {}
    for col, vocab in (("sector", sectors), ("fuel", fuels)):
        given = text(col)
        uniq = {v: vocab.resolve(v) for v in given.dropna().unique()}
        code = given.map(uniq).astype(object)
        code = code.where(code.notna(), None)
        for r in rows[code.isna().to_numpy()]:
            name = given.loc[r]
            name = None if pd.isna(name) else str(name)
            hint = vocab.suggest(name) if name else []
            problems.append(Problem(
                f"unknown {col}" + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                column=col, expected=f"a CEADs {col} name (English or 中文)", found=name,
                row=int(r), **where))
        codes[col] = code
    tech = _resolve_technology(text("technology"), codes["fuel"], report_to=problems,
                               where=where)
    value, value_raw = number("value")
    report(value_raw.isna(), "missing value", "value", expected="a number ≥ 0")
    report(value_raw.notna() & value.isna(), "not a number", "value", value_raw,
           expected="a number ≥ 0")
    infinite = value.isin([float("inf"), float("-inf")]).fillna(False).astype(bool)
    report(infinite, "not a finite number", "value", value_raw,
           expected="a finite number ≥ 0 (inf and numbers beyond 1e308 are not values)")
    report((value < 0) & ~infinite, "negative value", "value", value_raw,
           expected="a number ≥ 0")
    unit = text("unit")
    report(unit.isna(), "missing unit", "unit", expected="e.g. t, 万吨, 万立方米, tce, 万千瓦时")
    pairs = pd.DataFrame({"fuel": codes["fuel"], "unit": unit}).dropna()
    for (fuel, u), group in pairs.groupby(["fuel", "unit"], sort=False).groups.items():
        try:
            unit_multiplier(fuel, u)
        except UnitError as exc:
            for r in group:
                problems.append(Problem(f"unit mismatch: {exc}", column="unit", found=u,
                                        row=int(r), **where))
    canonical = pd.DataFrame({
        "region": region, "year": year.where(~bad_year), "month": month.where(~bad_month),
        "sector": codes["sector"], "fuel": codes["fuel"], "technology": tech,
        "facility": text("facility"),
        "value": value, "unit": unit}, index=rows)
    canonical = canonical.astype({"year": "Int64", "month": "Int64", "value": "Float64"})
    keys = canonical[list(KEY)].astype(str)
    dup = keys.duplicated(keep=False) & canonical["sector"].notna() & canonical["fuel"].notna()
    if dup.any():
        groups = keys[dup].groupby(list(KEY), sort=False, dropna=False).groups
        for rows in groups.values():
            listed = ", ".join(str(int(r)) for r in rows)
            for r in rows:
                problems.append(Problem(f"duplicate key (rows {listed})", row=int(r),
                                        column="region/year/month/sector/fuel/technology/"
                                               "facility",
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
