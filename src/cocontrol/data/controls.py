"""Control-technology data (治理技术普及率): reading and validation.

Columns (English or Chinese header): ``region`` 地区, ``year`` 年份, ``sector`` 行业, ``fuel``
能源品种, ``technology`` 治理技术 — the *control* technology, a code of
``refdata/control_technologies.csv`` (``scr``, ``limestone_gypsum_wet_fgd`` …) or its Chinese
name (选择性催化还原, 石灰石-石膏湿法脱硫 …), ``penetration`` 普及率 and, optional,
``applies_to`` 适用技术 — the *activity* technology (boiler, kiln or vehicle class of the
activity table: ``pulverized_coal_boiler`` / 煤粉炉 …) the control is installed on; empty means
every activity technology of that sector × fuel. For one (region, year, sector, fuel,
species) the rows naming an activity technology replace the generic rows for that technology
(see :func:`cocontrol.inventory.expressions.join_controls`).

Optional ``operating_rate`` 投运率 (share 0–1 or ``95%``; default 1): the share of the
production time the device runs. The removal efficiency used is η × 投运率 (T/CSES 144—2024
formula (2)), η from the factor set's control table (an average or a design efficiency, stated
per row in its ``basis`` column).

Penetration X (普及率) is a **share** 0–1 under the header ``penetration`` / 普及率; a cell
written with a percent sign (``85%``) is read as percent. Under the header
``penetration_percent`` / 普及率(%) every number is a **percent** 0–100.

Checks (every offending row at once, file / sheet / row / column / expected, nothing returned
half-checked): required columns, region, year, sector and fuel names (resolved like activity
data, :mod:`cocontrol.data.names`), control technology known for that sector × fuel, activity
technology known for the fuel, X within [0, 1], one row per key, and per (region, year,
sector, fuel, activity technology, species) the shares Σ X_m ≤ 1 (GAINS: the uncontrolled
share is 1 − Σ X_m).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from cocontrol import refdata
from cocontrol.data import names
from cocontrol.data.activity import technology_choices, technology_code
from cocontrol.data.tables import HEADER_ALIASES, read_table
from cocontrol.errors import Problem, ValidationFailed

REQUIRED = ("region", "year", "sector", "fuel", "technology")
COLUMNS = ("region", "year", "sector", "fuel", "technology", "applies_to", "penetration",
           "operating_rate")
KEY = ("region", "year", "sector", "fuel", "applies_to", "technology")
DETAIL_KEY = ["region", "year", "sector", "fuel", "applies_to", "species"]
HEADERS = {
    **HEADER_ALIASES,
    "适用技术": "applies_to", "适用炉型": "applies_to", "适用对象": "applies_to",
    "applies to": "applies_to", "activity_technology": "applies_to",
    "普及率(%)": "penetration_percent", "普及率（%）": "penetration_percent",
    "普及率%": "penetration_percent", "penetration (%)": "penetration_percent",
    "penetration(%)": "penetration_percent", "penetration_pct": "penetration_percent",
    "投运率": "operating_rate", "设施投运率": "operating_rate", "运行率": "operating_rate",
    "operating rate": "operating_rate", "operating_share": "operating_rate",
}


@lru_cache(maxsize=1)
def control_names() -> dict[str, str]:
    """Accepted control-technology names: the code and the Chinese name leading its note
    (of every shipped factor set)."""
    out: dict[str, str] = {}
    tables = [refdata.load(str(t)) for t in
              refdata.load("factor_sets")["control_technologies"].drop_duplicates()]
    table = pd.concat(tables, ignore_index=True).drop_duplicates("technology")
    for code, note in table[["technology", "note"]].itertuples(index=False):
        out[str(code).lower()] = str(code)
        head = str(note).split(";")[0].split(" ")[0].strip()
        if head and any("\u4e00" <= ch <= "\u9fff" for ch in head):
            out[head] = str(code)
    return out


def _text(frame: pd.DataFrame, col: str) -> pd.Series:
    if col not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    trimmed = frame[col].astype("string").str.strip()
    return trimmed.mask(trimmed == "")


def _penetration(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series, str]:
    """(share X, text as given, column name) — percent cells/column divided by 100."""
    col = "penetration_percent" if "penetration_percent" in frame.columns else "penetration"
    given = _text(frame, col)
    percent = given.str.endswith("%").fillna(False).astype(bool)
    number = pd.to_numeric(given.str.rstrip("%").str.strip(), errors="coerce").astype("Float64")
    scale = (percent | (col == "penetration_percent")).map({True: 0.01, False: 1.0})
    return number * scale.astype("Float64"), given, col


def _canonical(frame: pd.DataFrame, where: dict) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = []
    rows = frame.index

    def report(mask: pd.Series, message: str, column: str, found: pd.Series | None = None,
               expected: str | None = None) -> None:
        for r in rows[mask.fillna(False).astype(bool).to_numpy()]:
            value = None if found is None or pd.isna(found.loc[r]) else str(found.loc[r])
            problems.append(Problem(message, row=int(r), column=column, found=value,
                                    expected=expected, **where))

    region = _text(frame, "region")
    report(region.isna(), "missing region", "region", expected="a region such as 济南市")
    year_raw = _text(frame, "year")
    year = pd.to_numeric(year_raw, errors="coerce").astype("Float64")
    bad_year = (year.isna() | (year != year.round()) | ~year.between(1900, 2100)).fillna(True)
    report(bad_year, "bad year", "year", year_raw, expected="a year such as 2020")
    codes = {}
    for col, vocab in (("sector", names.sectors()), ("fuel", names.fuels())):
        given = _text(frame, col)
        code = given.map({v: vocab.resolve(v) for v in given.dropna().unique()}).astype(object)
        for r in rows[code.isna().to_numpy()]:
            name = None if pd.isna(given.loc[r]) else str(given.loc[r])
            hint = vocab.suggest(name) if name else []
            problems.append(Problem(
                f"unknown {col}" + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                row=int(r), column=col, expected=f"a CEADs {col} name (English or 中文)",
                found=name, **where))
        codes[col] = code.where(code.notna(), None)
    control_given = _text(frame, "technology")
    known = control_names()
    control = control_given.map(lambda n: known.get(n, known.get(str(n).lower()))
                                if pd.notna(n) else None).astype(object)
    report(control.isna(), "unknown control technology", "technology", control_given,
           expected=", ".join(sorted(set(known.values()))))
    applies_given = _text(frame, "applies_to")
    applies = pd.Series("", index=rows, dtype=object)
    for r in rows[applies_given.notna().to_numpy()]:
        fuel, name = codes["fuel"].loc[r], str(applies_given.loc[r])
        code = technology_code(fuel, name)
        if fuel is not None and code is None:
            problems.append(Problem(
                f"unknown activity technology for {fuel}", row=int(r), column="applies_to",
                expected=technology_choices(fuel, "or empty for all"), found=name, **where))
        applies.loc[r] = code or ""
    x, x_given, x_col = _penetration(frame)
    report(x_given.isna(), "missing penetration", x_col, expected="a share 0–1 or e.g. 85%")
    bad_x = (x_given.notna() & (x.isna() | (x < 0) | (x > 1))).fillna(True).astype(bool)
    report(bad_x, "penetration is not a number in 0–1", x_col, x_given, expected=("a percent 0–100" if x_col == "penetration_percent" else
                              "a share 0–1, or a percent written as 85% (or use the "
                              "column 普及率(%))"))
    rate_given = _text(frame, "operating_rate")
    pct = rate_given.str.endswith("%").fillna(False).astype(bool)
    rate = pd.to_numeric(rate_given.str.rstrip("%").str.strip(), errors="coerce").astype("Float64")
    rate = (rate * pct.map({True: 0.01, False: 1.0}).astype("Float64")).fillna(1.0)
    bad_rate = (rate_given.notna() & (rate.isna() | (rate < 0) | (rate > 1))).fillna(True)
    report(bad_rate.astype(bool), "operating rate (投运率) is not a share in 0–1",
           "operating_rate", rate_given, expected="a share 0–1 or e.g. 95%")
    canonical = pd.DataFrame({
        "region": region.astype(object), "year": year.where(~bad_year).astype("Int64"),
        "sector": codes["sector"], "fuel": codes["fuel"], "technology": control,
        "applies_to": applies, "penetration": x.where(~bad_x).astype("Float64"),
        "operating_rate": rate.where(~bad_rate.astype(bool)).astype("Float64")},
        index=rows)
    keys = canonical[list(KEY)].astype(str)
    dup = keys.duplicated(keep=False)
    for group in keys[dup].groupby(list(KEY), sort=False).groups.values():
        listed = ", ".join(str(int(r)) for r in group)
        for r in group:
            problems.append(Problem(f"duplicate control (rows {listed})", row=int(r),
                                    column="/".join(KEY), expected="one row per key", **where))
    return canonical, problems


def _detail(canonical: pd.DataFrame, where: dict, efficiency: pd.DataFrame | None = None
            ) -> tuple[pd.DataFrame, list[Problem]]:
    """One row per control row × species with its removal efficiency η × 投运率 (most
    specific row of the factor set's control table, default ``control_technologies.csv``:
    sector/fuel-specific beats ``*``)."""
    problems: list[Problem] = []
    ok = canonical.dropna().reset_index(names="row_no")
    tech = refdata.load("control_technologies") if efficiency is None else efficiency
    match = ok.merge(tech, on="technology", suffixes=("", "_t"))
    match = match[(match["sector_t"] == "*") | (match["sector_t"] == match["sector"])]
    match = match[(match["fuel_t"] == "*") | (match["fuel_t"] == match["fuel"])]
    match = match.assign(_rank=(match["sector_t"] == "*").astype(int)
                         + (match["fuel_t"] == "*").astype(int))
    match = match.sort_values(["_rank", "row_no"], kind="stable").drop_duplicates(
        ["row_no", "species"])
    for r in ok[~ok["row_no"].isin(match["row_no"])].itertuples(index=False):
        problems.append(Problem(f"control technology not available for {r.sector} × {r.fuel}",
                                row=int(r.row_no), column="technology", found=r.technology,
                                expected="a technology listed for this sector and fuel in "
                                         "control_technologies.csv", **where))
    detail = match.assign(year=match["year"].astype("int64"),
                          x=match["penetration"].astype(float),
                          eta=match["removal_efficiency"].astype(float)
                          * match["operating_rate"].astype(float))
    detail = detail[["row_no", *DETAIL_KEY, "technology", "x", "eta"]].sort_values(
        "row_no", kind="stable", ignore_index=True)
    share = detail.groupby(DETAIL_KEY)["x"].transform("sum")
    for r in detail[share > 1 + 1e-9].itertuples(index=False):
        on = f" on {r.applies_to}" if r.applies_to else ""
        problems.append(Problem(f"penetrations of {r.species} controls on {r.sector} × "
                                f"{r.fuel}{on} ({r.region} {r.year}) sum above 1",
                                row=int(r.row_no), column="penetration", expected="≤ 1",
                                **where))
    return detail, problems


def validate_controls(frame: pd.DataFrame, *, file: str | None = None,
                      sheet: str | None = None, efficiency: pd.DataFrame | None = None
                      ) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    """Check a raw controls table (index = spreadsheet row); returns (canonical frame,
    detail per row × species with η, problems)."""
    where = {"file": file, "sheet": sheet}
    frame = frame.rename(columns=lambda c: HEADERS.get(str(c).strip(), str(c).strip()))
    frame = frame.rename(columns=lambda c: HEADERS.get(c.lower(), c.lower()))
    missing = [c for c in REQUIRED if c not in frame.columns]
    if "penetration" not in frame.columns and "penetration_percent" not in frame.columns:
        missing.append("penetration")
    if "penetration" in frame.columns and "penetration_percent" in frame.columns:
        return frame, frame.iloc[:0], [Problem(
            "two penetration columns", column="penetration", expected="one of 普及率 (share "
            "0–1) or 普及率(%) (percent)", **where)]
    if missing:
        return frame, frame.iloc[:0], [Problem("missing column", column=c, expected=(
            "column present (" + "/".join(COLUMNS) + ")"), **where) for c in missing]
    canonical, problems = _canonical(frame, where)
    detail, more = _detail(canonical, where, efficiency)
    problems = sorted([*problems, *more], key=lambda p: p.row or 0)
    return canonical, detail, problems


def _where(controls: pd.DataFrame, file: str | None) -> tuple[pd.DataFrame, dict]:
    """Rows as the spreadsheet shows them: kept for frames from :func:`read_controls`,
    else counted from 2 (header = row 1)."""
    frame = controls
    if not controls.attrs.get("file"):
        frame = controls.reset_index(drop=True)
        frame.index = pd.RangeIndex(2, len(frame) + 2)
    return frame, {"file": file or controls.attrs.get("file"),
                   "sheet": controls.attrs.get("sheet")}


def control_detail(controls: pd.DataFrame, *, file: str | None = None,
                   efficiency: pd.DataFrame | None = None) -> pd.DataFrame:
    """Validated controls, one row per control row × species: row_no, region, year, sector,
    fuel, applies_to (``""`` = generic), species, technology, x (share), eta (× 投运率).
    ``efficiency``: the factor set's control table (default set when None). Raises
    :class:`ValidationFailed` listing every offending row."""
    frame, where = _where(controls, file)
    _, detail, problems = validate_controls(frame, **where, efficiency=efficiency)
    if problems:
        raise ValidationFailed(problems, summary="control data is invalid")
    return detail


def _controls_sheet(path: str | Path) -> str | None:
    """``治理技术`` when the workbook has that sheet (the activity template), else None."""
    from python_calamine import CalamineWorkbook

    try:
        names_ = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception:  # unreadable: read_table reports it with the file name
        return None
    return "治理技术" if "治理技术" in names_ else None


def read_controls(path: str | Path, sheet: str | None = None) -> pd.DataFrame:
    """Read and validate a controls file (CSV in UTF-8/BOM/GBK, Parquet or Excel; in a
    workbook without ``sheet`` the ``治理技术`` sheet of the template, else the first).

    Returns the canonical frame (columns :data:`COLUMNS`, ``penetration`` as a share 0–1,
    ``applies_to`` ``""`` for all activity technologies; index = spreadsheet row; ``attrs``
    file and sheet) or raises :class:`ValidationFailed` with every offending row.
    """
    if sheet is None and Path(path).suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        sheet = _controls_sheet(path)
    raw, used_sheet = read_table(path, sheet=sheet)
    frame, _, problems = validate_controls(raw, file=str(path), sheet=used_sheet)
    if problems:
        raise ValidationFailed(problems, summary=f"control data {Path(path).name} is invalid")
    frame = frame[list(COLUMNS)]
    frame.attrs.update(file=str(path), sheet=used_sheet)
    return frame
