"""碳普惠方法学 (carbon-inclusive methodologies) as data.

A methodology row says, for one scene (场景: 地铁, 公交, 骑行, 步行 …) and one period of
validity, how much CO2 one unit of the behaviour avoids::

    credit (g CO2) = quantity × credit_g_per_unit          (ER = BE − PE per unit,
                                                            DB11/T 3043-2024 eq. 1–3)

with a daily and a yearly cap per person and scene and, for trips, the highest plausible speed.
The shipped default (``refdata/inclusive_methodologies.csv``) quotes published per-unit credits of
Shenzhen and Wuhan (sinks-and-accounts.md §3.2); a city replaces it with its own file
(``--methodology``). A methodology change is a new row with a later ``valid_from`` (and the old
row's ``valid_to`` closed); credits already issued keep the version they were computed with.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from cocontrol import refdata
from cocontrol.data.tables import read_table
from cocontrol.errors import Problem, ValidationFailed

TABLE = "inclusive_methodologies"
COLUMNS = ("methodology", "version", "scene", "scene_zh", "kind", "unit", "credit_g_per_unit",
           "daily_cap_g", "yearly_cap_g", "max_speed_kmh", "valid_from", "valid_to",
           "source", "edition", "status")
#: units a record may be counted in; ``km`` marks a trip (speed and overlap checks apply)
UNITS = ("km", "次", "步", "件", "kg")
#: travel scenes displace car trips (their avoided pollutants count); other scenes do not
KINDS = ("travel", "other")
NUMERIC = ("credit_g_per_unit", "daily_cap_g", "yearly_cap_g", "max_speed_kmh")


def load(path: str | Path | None = None) -> pd.DataFrame:
    """The methodology table: the shipped default or a city's own file (CSV or Excel).

    Every problem is reported at once (file, row, column); scenes may not have two rows in
    force on the same day.
    """
    if path is None:
        return _shipped().copy()
    else:
        raw, sheet = read_table(path)
        file = str(path)
    return validate(raw, file=file, sheet=sheet)


def validate(raw: pd.DataFrame, *, file: str | None = None,
             sheet: str | None = None) -> pd.DataFrame:
    """Typed copy of a methodology table, or :class:`ValidationFailed` naming every bad cell."""
    problems: list[Problem] = []
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise ValidationFailed([Problem("missing columns", file=file, sheet=sheet,
                                        expected=", ".join(COLUMNS), found=", ".join(missing))],
                               "methodology table")
    out = raw.copy()
    for col in NUMERIC:
        values = pd.to_numeric(out[col], errors="coerce")
        bad = (out[col].notna() & values.isna()) | (values < 0) | values.isin([float("inf")])
        if col == "credit_g_per_unit":
            bad |= values.isna()
        for row in out.index[bad]:
            problems.append(Problem("not a non-negative number", file=file, sheet=sheet,
                                    row=int(row), column=col, expected="a number ≥ 0",
                                    found=str(out.at[row, col])))
        out[col] = values.astype("float64")
    for col in ("valid_from", "valid_to"):
        dates = pd.to_datetime(out[col].astype(str), errors="coerce", format="mixed")
        for row in out.index[dates.isna()]:
            problems.append(Problem("not a date", file=file, sheet=sheet, row=int(row),
                                    column=col, expected="YYYY-MM-DD",
                                    found=str(out.at[row, col])))
        out[col] = dates.dt.date
    for row in out.index[~out["kind"].isin(KINDS)]:
        problems.append(Problem("unknown kind", file=file, sheet=sheet, row=int(row),
                                column="kind", expected=" or ".join(KINDS),
                                found=str(out.at[row, "kind"])))
    for row in out.index[~out["unit"].isin(UNITS)]:
        problems.append(Problem("unknown unit", file=file, sheet=sheet, row=int(row),
                                column="unit", expected=" ".join(UNITS),
                                found=str(out.at[row, "unit"])))
    if not problems:
        problems += _overlaps(out, file, sheet)
    if problems:
        raise ValidationFailed(problems, "methodology table")
    out["version"] = out["version"].astype(str)
    out["scene"] = out["scene"].astype(str).str.strip()
    return out.reset_index(names="source_row")


def _overlaps(table: pd.DataFrame, file: str | None, sheet: str | None) -> list[Problem]:
    problems = []
    for scene, rows in table.sort_values("valid_from").groupby("scene"):
        previous = None
        for row, rec in rows.iterrows():
            if rec["valid_to"] < rec["valid_from"]:
                problems.append(Problem("validity ends before it starts", file=file,
                                        sheet=sheet, row=int(row), column="valid_to"))
            if previous is not None and rec["valid_from"] <= previous[1]:
                problems.append(Problem(
                    f"scene {scene!r} has two rows in force from {rec['valid_from']} "
                    f"(rows {previous[0]} and {row})", file=file, sheet=sheet, row=int(row),
                    column="valid_from", expected=f"a date after {previous[1]}"))
            previous = (int(row), rec["valid_to"])
    return problems


@lru_cache(maxsize=1)
def _shipped() -> pd.DataFrame:
    """The shipped table, read and checked once per process (a partner post reads it)."""
    raw = refdata.load(TABLE)
    raw.index = raw.index + 2
    return validate(raw, file=f"refdata/{TABLE}.csv")


def scene_names(table: pd.DataFrame) -> dict[str, str]:
    """Every accepted spelling of a scene (its key and its Chinese name) → the key."""
    names = {str(k): str(k) for k in table["scene"]}
    names.update({str(zh): str(k) for k, zh in zip(table["scene"], table["scene_zh"],
                                                   strict=True) if pd.notna(zh)})
    return names


def copollutants() -> dict[str, float]:
    """Avoided pollutants per gram of CO2 avoided by a travel scene (displaced car trips)."""
    return dict(_copollutants())


@lru_cache(maxsize=1)
def _copollutants() -> dict[str, float]:
    table = refdata.load("inclusive_copollutants")
    return dict(zip(table["species"], table["ratio_g_per_g_co2"].astype(float), strict=True))
