"""Errors a user can act on.

One class per kind of mistake (brightway2-calc habit). Every input problem names *where*
(file, sheet, row, column) and *what was expected*, and a validation run reports every
offending row at once, not only the first (``ValidationFailed``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_BILINGUAL = re.compile(r"\A(.*[\u4e00-\u9fff][^/]*) / ([^\u4e00-\u9fff]+)\Z", re.S)  # as messages.say


class CocontrolError(Exception):
    """Base class of every error cocontrol raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One offending place in an input (一处输入错误).

    ``row`` is 1-based as a spreadsheet shows it (the header is row 1 for tables read with a
    header); ``line`` is used for text and YAML files.
    """

    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    line: int | None = None
    expected: str | None = None
    found: str | None = None

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(f"file {self.file}")
        if self.sheet:
            parts.append(f"sheet {self.sheet!r}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = self.message
        if self.expected:  # "中文 / English" (names in both languages): the English half
            pair = _BILINGUAL.match(self.expected)
            text += f"; expected {pair.group(2) if pair else self.expected}"
        if self.found is not None:
            text += f", found {self.found!r}"
        where = self.where()
        return f"{where}: {text}" if where else text


class InputError(CocontrolError):
    """A single input problem: the file or value cannot be used as given."""

    def __init__(self, message: str, **where: object) -> None:
        self.problem = Problem(message, **where)  # type: ignore[arg-type]
        super().__init__(str(self.problem))


class ValidationFailed(CocontrolError):
    """An input failed validation; ``problems`` lists every offending row.

    Raised before anything is written, so an import is all-or-nothing.
    """

    def __init__(self, problems: Iterable[Problem], summary: str = "input failed validation"):
        self.problems: Sequence[Problem] = list(problems)
        self.summary = summary
        lines = [f"{summary} ({len(self.problems)} problem(s)):"]
        lines += [f"  - {p}" for p in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append(f"  … and {len(self.problems) - 200} more")
        super().__init__("\n".join(lines))


class UnitError(CocontrolError):
    """A unit is unknown, ambiguous, or does not fit the quantity it is used for."""


class ReferenceDataError(CocontrolError):
    """A shipped reference table is missing a row or is inconsistent."""


class ConflictError(CocontrolError):
    """Somebody else changed the record since it was read (optimistic locking)."""


def require_file(path: object, expected: str | None = None) -> None:
    """Refuse an input path that is not a readable file: a folder is named as a folder (not
    "file not found"), a missing path as missing — each with what was ``expected``."""
    from pathlib import Path

    p = Path(str(path))
    where: dict[str, object] = {"file": str(p), **({"expected": expected} if expected else {})}
    if p.is_dir():
        raise InputError("this is a folder, not a file", **where)
    if not p.is_file():
        raise InputError("file not found", **where)
