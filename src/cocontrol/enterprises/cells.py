"""Cell parsers for the intake sheets: each turns one column of raw cells into typed values and
adds a :class:`~cocontrol.errors.Problem` (file, sheet, row, column, expected, found) for every
cell it cannot use. Row numbers are spreadsheet rows (header = row 1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from cocontrol.errors import Problem

YES = {"是", "y", "yes", "true", "1", "√", "实测"}
NO = {"否", "n", "no", "false", "0", "", "未实测"}


def blank(value: object) -> bool:
    """True for a missing cell (None, NaN, NA, empty or blank text)."""
    if value is None:
        return True
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return True
    except (TypeError, ValueError):
        return False
    return isinstance(value, str) and not value.strip()


@dataclass
class Cells:
    """Parsing context of one sheet: where it came from and the problems found so far."""

    file: str
    sheet: str | None
    problems: list[Problem] = field(default_factory=list)

    def problem(self, row: int, column: str, message: str, expected: str | None = None,
                found: object = None) -> None:
        self.problems.append(Problem(message, file=self.file, sheet=self.sheet, row=int(row),
                                     column=column, expected=expected,
                                     found=None if found is None else str(found)))

    def text(self, frame: pd.DataFrame, column: str, required: bool = True) -> pd.Series:
        out = {}
        for row, value in frame[column].items() if column in frame else []:
            if blank(value):
                if required:
                    self.problem(row, column, "missing value", "a value")
                out[row] = None
                continue
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            out[row] = str(value).strip()
        return pd.Series(out, index=frame.index, dtype=object)

    def number(self, frame: pd.DataFrame, column: str, required: bool = True,
               minimum: float | None = 0.0, maximum: float | None = None,
               percent: bool = False) -> pd.Series:
        """Floats; ``percent`` reads a share: ``"85%"`` and a bare 85 (> 1) are 0.85."""
        out: dict[int, float] = {}
        if column not in frame:
            return pd.Series(float("nan"), index=frame.index, dtype=float)
        for row, value in frame[column].items():
            if blank(value):
                if required:
                    self.problem(row, column, "missing value", "a number")
                out[row] = float("nan")
                continue
            text = str(value).strip().replace(",", "")
            scale = 1.0
            if percent and text.endswith(("%", "％")):
                text, scale = text[:-1], 0.01
            try:
                number = float(text) * scale
                if percent and scale == 1.0 and number > 1:
                    number /= 100.0
            except ValueError:
                self.problem(row, column, "not a number", "a number", value)
                out[row] = float("nan")
                continue
            if number != number or number in (float("inf"), float("-inf")):
                self.problem(row, column, "not a finite number", "a number", value)
            elif minimum is not None and number < minimum:
                what = "negative amount" if minimum == 0 else "value too small"
                self.problem(row, column, what, f"≥ {minimum:g}", value)
            elif maximum is not None and number > maximum:
                self.problem(row, column, "value too large", f"≤ {maximum:g}", value)
            out[row] = number
        return pd.Series(out, index=frame.index, dtype=float)

    def integer(self, frame: pd.DataFrame, column: str, low: int, high: int,
                expected: str) -> pd.Series:
        out: dict[int, object] = {}
        for row, value in frame[column].items() if column in frame else []:
            out[row] = None
            if blank(value):
                self.problem(row, column, "missing value", expected)
                continue
            try:
                number = float(str(value).strip())
            except ValueError:
                self.problem(row, column, "not a whole number", expected, value)
                continue
            if not number.is_integer() or not low <= number <= high:
                self.problem(row, column, "out of range", expected, value)
                continue
            out[row] = int(number)
        return pd.Series(out, index=frame.index, dtype="Int64")

    def yes_no(self, frame: pd.DataFrame, column: str, required: bool = True) -> pd.Series:
        out: dict[int, bool] = {}
        for row, value in frame[column].items() if column in frame else []:
            text = "" if blank(value) else str(value).strip().lower()
            if isinstance(value, bool):
                out[row] = value
            elif text in YES:
                out[row] = True
            elif text in NO and (text or not required):
                out[row] = False
            else:
                self.problem(row, column, "not yes or no", "是 or 否", value)
                out[row] = False
        if column not in frame:
            return pd.Series(False, index=frame.index, dtype=bool)
        return pd.Series(out, index=frame.index, dtype=bool)

    def date(self, frame: pd.DataFrame, column: str, required: bool = False) -> pd.Series:
        out: dict[int, object] = {}
        for row, value in frame[column].items() if column in frame else []:
            out[row] = pd.NaT
            if blank(value):
                if required:
                    self.problem(row, column, "missing date", "a date such as 2024-03-15")
                continue
            if isinstance(value, dt.date | pd.Timestamp):
                out[row] = pd.Timestamp(value)
                continue
            try:
                out[row] = pd.Timestamp(str(value).strip())
            except (ValueError, TypeError):
                self.problem(row, column, "not a date", "a date such as 2024-03-15", value)
        return pd.Series(out, index=frame.index, dtype="datetime64[ns]")
