"""Read and validate the enterprise data (企业数据填报) all-or-nothing.

DATA is a workbook with the sheets of :mod:`.schema` or a folder with one ``<sheet>.csv`` /
``.parquet`` / ``.xlsx`` file per sheet (a province's bulk files). Every problem is collected
— file, sheet, row, column, what was expected — and raised together as
:class:`~cocontrol.errors.ValidationFailed` before anything is computed or written. The hourly
``cems`` sheet is checked inside DuckDB (:mod:`.cems`), so a year of 2,000 stacks does not
pass through pandas.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cocontrol.data.names import fuels as fuel_names
from cocontrol.enterprises import cems as cems_check
from cocontrol.enterprises import registry
from cocontrol.enterprises.cells import Cells
from cocontrol.enterprises.codes import industry_problem, uscc_problem
from cocontrol.enterprises.parameters import fuel_defaults
from cocontrol.enterprises.schema import REQUIRED_SHEETS, SHEETS, SPECIES
from cocontrol.errors import InputError, Problem, ValidationFailed

# amount units → (base unit, factor to the base unit)
MASS_UNITS = {"t": 1.0, "吨": 1.0, "万t": 1e4, "万吨": 1e4, "kg": 1e-3, "千克": 1e-3}
GAS_UNITS = {"万nm3": 1.0, "万m3": 1.0, "万立方米": 1.0, "万标立方米": 1.0, "nm3": 1e-4,
             "m3": 1e-4, "立方米": 1e-4, "标立方米": 1e-4, "千nm3": 0.1, "千立方米": 0.1,
             "亿m3": 1e4, "亿立方米": 1e4}
CARBON_CONTENT_RANGE = (0.005, 0.06)  # tC/GJ; tC/TJ values are 1000 times larger


@dataclass
class Dataset:
    """Validated enterprise data: pandas frames for the monthly sheets, the CEMS as a source
    for the engine (typed Arrow table or canonical Parquet path) and its row count."""

    enterprises: pd.DataFrame
    fuel: pd.DataFrame
    production: pd.DataFrame
    electricity: pd.DataFrame
    permit_report: pd.DataFrame
    controls: pd.DataFrame
    cems: object  # pa.Table | Path | None
    cems_rows: int = 0
    facilities: pd.DataFrame = dataclasses.field(
        default_factory=lambda: pd.DataFrame(columns=registry.FACILITY_COLUMNS))
    stacks: pd.DataFrame = dataclasses.field(
        default_factory=lambda: pd.DataFrame(columns=registry.STACK_COLUMNS))
    operation: pd.DataFrame = dataclasses.field(
        default_factory=lambda: pd.DataFrame(columns=registry.OPERATION_COLUMNS))

    def years(self) -> list[int]:
        return sorted({int(y) for y in self.fuel["year"].dropna().unique()})


def _unit_key(unit: object) -> str:
    return str(unit).strip().lower().replace("³", "3").replace(" ", "")


def _locate(data: Path) -> dict[str, tuple[str, object]]:
    """Sheet name → (file name for messages, raw source: DataFrame or Parquet path)."""
    found: dict[str, tuple[str, object]] = {}
    if data.is_dir():
        for name in SHEETS:
            for suffix in (".parquet", ".csv", ".xlsx"):
                path = data / f"{name}{suffix}"
                if path.is_file():
                    found[name] = (str(path), path)
                    break
        return found
    if not data.is_file():
        raise InputError("file or folder not found", file=str(data))
    if data.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError("unsupported input", file=str(data),
                         expected="an .xlsx workbook or a folder of CSV/Parquet files")
    from cocontrol.data.sniff import check_table_file

    check_table_file(data)  # empty, damaged or not a workbook: one line, before any parser
    book = pd.ExcelFile(data, engine="calamine")
    for name in SHEETS:
        if name in book.sheet_names:
            found[name] = (str(data), ("xlsx", book, name))
    return found


def _frame(raw: object) -> pd.DataFrame:
    if isinstance(raw, tuple):
        _, book, name = raw
        frame = pd.read_excel(book, sheet_name=name, dtype=object)
    elif isinstance(raw, Path) and raw.suffix == ".csv":
        from cocontrol.data.sniff import check_table_file

        check_table_file(raw)
        frame = None
        for enc in ("utf-8-sig", "gb18030"):
            try:
                frame = pd.read_csv(raw, dtype=str, encoding=enc, keep_default_na=False,
                                    na_values=[""])
                break
            except UnicodeDecodeError:
                continue
        if frame is None:
            raise InputError("cannot decode the CSV file", file=str(raw),
                             expected="UTF-8 or GBK text")
    elif isinstance(raw, Path):
        from cocontrol.data.sniff import check_table_file

        check_table_file(raw)  # a damaged .xlsx / .parquet of the folder: named, not a traceback
        frame = (pd.read_excel(raw, dtype=object, engine="calamine") if raw.suffix == ".xlsx"
                 else pd.read_parquet(raw))
    else:
        frame = pd.read_parquet(raw)  # type: ignore[arg-type]
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.dropna(how="all")
    frame.index = pd.Index([int(i) + 2 for i in frame.index])  # spreadsheet rows
    return frame


def _columns(cells: Cells, frame: pd.DataFrame, sheet: str) -> bool:
    missing = [c for c in SHEETS[sheet].required if c not in frame.columns]
    for col in missing:
        cells.problems.append(Problem("missing column", file=cells.file, sheet=cells.sheet,
                                      row=1, column=col, expected=", ".join(SHEETS[sheet].required)))
    return not missing


def _empty(sheet: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in SHEETS[sheet].columns})


def _ids(cells: Cells, frame: pd.DataFrame, known: set[str]) -> pd.Series:
    ids = cells.text(frame, "enterprise_id")
    for row, value in ids.items():
        if value is not None and value not in known:
            cells.problem(row, "enterprise_id", "unknown enterprise id",
                          "an enterprise_id of the enterprises sheet", value)
    return ids


def _enterprises(cells: Cells, frame: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    out["enterprise_id"] = cells.text(frame, "enterprise_id")
    for col in ("name", "region"):
        out[col] = cells.text(frame, col)
    out["uscc"] = cells.text(frame, "uscc")
    for row, code in out["uscc"].items():
        why = uscc_problem(code) if code is not None else None
        if why:
            cells.problem(row, "uscc", "invalid 统一社会信用代码", why, code)
    out["uscc"] = out["uscc"].str.upper()
    out["industry"] = cells.text(frame, "industry")
    for row, code in out["industry"].items():
        why = industry_problem(code) if code is not None else None
        if why:
            cells.problem(row, "industry", "invalid industry code", why, code)
    out["two_high"] = cells.yes_no(frame, "two_high")
    out["permit_no"] = cells.text(frame, "permit_no", required=False)
    for col in ("enterprise_id", "uscc"):
        dup = out[col].notna() & out[col].duplicated(keep="first")
        for row in out.index[dup]:
            cells.problem(row, col, "duplicate", "each enterprise once", out.at[row, col])
    return out


def _fuel(cells: Cells, frame: pd.DataFrame, known: set[str]) -> pd.DataFrame:
    vocab = fuel_names()
    defaults = fuel_defaults()
    out = pd.DataFrame(index=frame.index)
    out["enterprise_id"] = _ids(cells, frame, known)
    out["facility_id"] = cells.text(frame, "facility_id")
    out["year"] = cells.integer(frame, "year", 1990, 2100, "a year such as 2024")
    out["month"] = cells.integer(frame, "month", 1, 12, "a month 1–12")
    names = cells.text(frame, "fuel")
    codes, cats, factors = {}, {}, {}
    units = cells.text(frame, "unit")
    for row, name in names.items():
        code = vocab.resolve(name) if name is not None else None
        if name is not None and (code is None or code not in defaults.index):
            cells.problem(row, "fuel", "unknown fuel", "a fuel such as "
                          + ", ".join(vocab.suggest(name) or ["原煤", "天然气"]), name)
        codes[row] = code
        cats[row] = defaults.at[code, "category"] if code in defaults.index else None
        table = GAS_UNITS if cats[row] == "gas" else MASS_UNITS
        unit = units.get(row)
        factors[row] = table.get(_unit_key(unit)) if unit is not None else None
        if unit is not None and code in defaults.index and factors[row] is None:
            cells.problem(row, "unit", "unit does not fit the fuel",
                          "万Nm³ or Nm³" if cats[row] == "gas" else "t or 万t", unit)
    out["fuel"] = names
    out["fuel_code"] = pd.Series(codes, dtype=object)
    out["category"] = pd.Series(cats, dtype=object)
    amount = cells.number(frame, "amount")
    out["amount"] = amount * pd.Series(factors, dtype=float)
    out["ncv"] = cells.number(frame, "ncv", required=False)
    for row, value in out["ncv"].items():
        if value == value and cats.get(row) != "gas" and value > 1000:
            cells.problem(row, "ncv", "net calorific value looks like kJ/kg",
                          "GJ/t (divide kJ/kg by 1000)", value)
    cc = cells.number(frame, "carbon_content", required=False)
    low, high = CARBON_CONTENT_RANGE
    for row, value in cc.items():
        if value != value:
            continue
        if low * 1000 <= value <= high * 1000:
            cells.problem(row, "carbon_content", "carbon content looks like tC/TJ (1000 × tC/GJ)",
                          f"tC/GJ, i.e. {value / 1000:.5f}", value)
        elif not low <= value <= high:
            cells.problem(row, "carbon_content", "carbon content out of range",
                          f"tC/GJ between {low} and {high}", value)
    out["carbon_content"] = cc
    out["oxidation"] = cells.number(frame, "oxidation", required=False, percent=True)
    for row, value in out["oxidation"].items():
        if value == value and not 0 < value <= 1:
            cells.problem(row, "oxidation", "oxidation rate out of range", "0–1 or 0–100%",
                          frame.at[row, "oxidation"])
    out["sulfur"] = cells.number(frame, "sulfur", required=False, maximum=10)
    out["measured"] = cells.yes_no(frame, "measured", required=False)
    for row in out.index[out["measured"] & cc.isna()]:
        cells.problem(row, "carbon_content", "measured month without carbon content",
                      "the tested carbon content (tC/GJ)")
    for col in ("hydrogen", "moisture"):
        out[col] = cells.number(frame, col, required=False, maximum=100)
    for col in ("sample_date", "test_date", "report_date"):
        out[col] = cells.date(frame, col)
    out["hours"] = cells.number(frame, "hours", required=False, maximum=744)
    registry.month_hours(cells, out)
    out["load"] = cells.number(frame, "load", required=False, maximum=1.2)
    key = ["enterprise_id", "facility_id", "year", "month", "fuel_code"]
    dup = out[key].notna().all(axis=1) & out.duplicated(key, keep="first")
    for row in out.index[dup]:
        cells.problem(row, "fuel", "duplicate row", "one row per enterprise, facility, year, "
                      "month and fuel", out.at[row, "fuel"])
    out["default_ncv"] = out["fuel_code"].map(defaults["ncv"]).astype(float)
    out["default_cc"] = out["fuel_code"].map(defaults["cc_unmeasured"]).astype(float)
    out["default_of"] = out["fuel_code"].map(defaults["of"]).astype(float)
    out["is_coal"] = out["fuel_code"].map(defaults["is_coal"]).fillna(False).astype(bool)
    out["row"] = out.index.astype(int)
    return out


def _monthly(cells: Cells, frame: pd.DataFrame, known: set[str], sheet: str) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    out["enterprise_id"] = _ids(cells, frame, known)
    out["year"] = cells.integer(frame, "year", 1990, 2100, "a year such as 2024")
    if sheet != "permit_report":
        out["month"] = cells.integer(frame, "month", 1, 12, "a month 1–12")
    if sheet == "production":
        out["product"] = cells.text(frame, "product")
        out["amount"] = cells.number(frame, "amount")
        out["unit"] = cells.text(frame, "unit")
        out["value_added"] = cells.number(frame, "value_added", required=False)
    elif sheet == "electricity":
        out["purchased_mwh"] = cells.number(frame, "purchased_mwh")
        out["green_mwh"] = cells.number(frame, "green_mwh", required=False).fillna(0.0)
        for row in out.index[out["green_mwh"] > out["purchased_mwh"]]:
            cells.problem(row, "green_mwh", "green power exceeds purchased power",
                          "green_mwh ≤ purchased_mwh", out.at[row, "green_mwh"])
    else:
        out["species"] = _species(cells, frame)
        out["reported"] = cells.number(frame, "reported")
    return out


def _species(cells: Cells, frame: pd.DataFrame) -> pd.Series:
    raw = cells.text(frame, "species")
    out = {}
    for row, value in raw.items():
        out[row] = SPECIES.get(str(value).strip().lower()) if value is not None else None
        if value is not None and out[row] is None:
            cells.problem(row, "species", "unknown pollutant", "SO2, NOx, 颗粒物 or VOCs", value)
    return pd.Series(out, index=frame.index, dtype=object)


def _controls(cells: Cells, frame: pd.DataFrame, known: set[str],
              facilities: tuple[set[tuple[str, str]], str]) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    out["enterprise_id"] = _ids(cells, frame, known)
    out["facility_id"] = cells.text(frame, "facility_id")
    registry.check_facilities(cells, out, known, facilities[0], facilities[1])
    out["species"] = _species(cells, frame)
    out["efficiency"] = cells.number(frame, "efficiency", percent=True)
    for row, value in out["efficiency"].items():
        if value == value and not 0 <= value <= 1:
            cells.problem(row, "efficiency", "efficiency out of range", "0–1 or 0–100%",
                          frame.at[row, "efficiency"])
    out["start"] = cells.date(frame, "start")
    out["end"] = cells.date(frame, "end")
    for row in out.index[out["start"] > out["end"]]:
        cells.problem(row, "end", "end before start", "end ≥ start", out.at[row, "end"].date())
    key = ["enterprise_id", "facility_id", "species"]
    for _, group in out.dropna(subset=key).groupby(key):
        spans = group.sort_values("start", na_position="first")
        last_end = None
        for row, item in spans.iterrows():
            start = item["start"] if pd.notna(item["start"]) else pd.Timestamp.min
            if last_end is not None and start <= last_end:
                cells.problem(row, "start", "overlaps another control of the same facility and "
                              "pollutant", "one row per period (give the combined efficiency)",
                              item["start"])
            end = item["end"] if pd.notna(item["end"]) else pd.Timestamp.max
            last_end = end if last_end is None else max(last_end, end)
    return out


def read_dataset(data: str | Path) -> Dataset:
    """Read and validate DATA (workbook or folder); raises ValidationFailed with every problem."""
    data = Path(data)
    located = _locate(data)
    problems: list[Problem] = []
    for name in REQUIRED_SHEETS:
        if name not in located:
            problems.append(Problem("missing sheet", file=str(data), sheet=name,
                                    expected=f"a sheet or file named {name}"))
    if problems:
        raise ValidationFailed(problems, "enterprise data incomplete")
    frames: dict[str, pd.DataFrame] = {}
    cells: dict[str, Cells] = {}
    for name, (file, raw) in located.items():
        sheet_label = name if isinstance(raw, tuple) else None
        cells[name] = Cells(file, sheet_label or name)
        if name == "cems":
            continue
        frame = _frame(raw)
        frames[name] = frame if _columns(cells[name], frame, name) else _empty(name)
        if name in REQUIRED_SHEETS and frame.empty:
            cells[name].problems.append(Problem("no rows", file=file, sheet=name, row=2,
                                                expected="at least one row below the header"))
    ent = _enterprises(cells["enterprises"], frames["enterprises"])
    known = {e for e in ent["enterprise_id"] if e is not None}
    fuel = _fuel(cells["fuel"], frames["fuel"], known)
    reg = {}
    for name, read in (("facilities", registry.facilities), ("stacks", registry.stacks),
                       ("operation", registry.operation)):
        if name in frames and not frames[name].empty:  # an empty template sheet: not given
            reg[name] = read(cells[name], frames[name], _ids(cells[name], frames[name], known))
    if "facilities" in reg:
        fac = reg["facilities"]
        facilities = (set(zip(fac["enterprise_id"], fac["facility_id"], strict=True)),
                      "facilities")
        registry.check_facilities(cells["fuel"], fuel, known, *facilities)
    else:
        facilities = (set(zip(fuel["enterprise_id"], fuel["facility_id"], strict=True)), "fuel")
    for name in ("stacks", "operation"):
        if name in reg:
            registry.check_facilities(cells[name], reg[name], known, *facilities,
                                      column="facility_ids" if name == "stacks" else "facility_id")
    if "facilities" in reg and "operation" in reg:
        registry.capacity_mismatch(cells["operation"], reg["operation"], reg["facilities"])
    sheets = {}
    for name in ("production", "electricity", "permit_report"):
        frame = frames.get(name, _empty(name))
        sheets[name] = _monthly(cells.get(name) or Cells(str(data), name), frame, known, name)
    stacks = None if "stacks" not in reg else set(
        zip(reg["stacks"]["enterprise_id"], reg["stacks"]["stack_id"], strict=True))
    sheets["permit_report"] = registry.permit_rows(
        cells.get("permit_report") or Cells(str(data), "permit_report"),
        frames.get("permit_report", _empty("permit_report")), sheets["permit_report"], stacks)
    frame = frames.get("controls", _empty("controls"))
    controls = _controls(cells.get("controls") or Cells(str(data), "controls"), frame, known,
                         facilities)
    cems_source, cems_rows = None, 0
    if "cems" in located:
        file, raw = located["cems"]
        if not (isinstance(raw, Path) and raw.suffix == ".parquet"):
            raw = _frame(raw)
        cems_source, cems_rows, cems_problems = cems_check.check(
            raw, known, file=file, sheet=cells["cems"].sheet, stacks=stacks)
        problems += cems_problems
    for c in cells.values():
        problems += c.problems
    if problems:
        problems.sort(key=lambda p: (p.file or "", p.sheet or "", p.row or 0, p.column or ""))
        raise ValidationFailed(problems, "enterprise data rejected, nothing was computed")
    return Dataset(ent.reset_index(drop=True), fuel.reset_index(drop=True),
                   sheets["production"].reset_index(drop=True),
                   sheets["electricity"].reset_index(drop=True),
                   sheets["permit_report"].reset_index(drop=True),
                   controls.reset_index(drop=True), cems_source, cems_rows,
                   **{k: v.reset_index(drop=True) for k, v in reg.items()})
