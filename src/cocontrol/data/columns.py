"""The header of an activity table: which columns it has, and which it should not have.

A column the reader does not know is never dropped in silence: ``facility_id`` instead of
``facility`` would merge every facility of a sector into one key and end in thousands of
"duplicate key" errors. :func:`check_activity_columns` reports such a column before anything
runs, with the closest known name as a suggestion (``facility_id → facility?``). Columns that
only describe a row (label, source, note and their Chinese names) are accepted and ignored.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from cocontrol.errors import Problem

REQUIRED = ("region", "year", "sector", "fuel", "value", "unit")
OPTIONAL = ("month", "technology", "facility")
# descriptive columns: kept out of the computation on purpose, never an error
IGNORED = frozenset({"label", "source", "note", "notes", "remark", "remarks", "comment",
                     "comments", "description", "备注", "来源", "数据来源", "说明", "标签", "注"})


def _suggestion(name: str, known: Iterable[str]) -> str | None:
    """The known column ``name`` most likely meant: a known name it starts or ends with
    (``facility_id``, ``fuel_name``, ``annual_value``), else the closest spelling."""
    text = name.strip().lower()
    parts = [k for k in known if text.startswith(k) or text.endswith(k)
             or any(p == k for p in text.replace("-", "_").split("_"))]
    if parts:
        return max(parts, key=len)
    close = difflib.get_close_matches(text, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


def check_activity_columns(columns: Iterable[object], *, file: str | None = None,
                           sheet: str | None = None) -> list[Problem]:
    """Problems of an activity header (names already mapped to canonical, see
    :data:`cocontrol.data.tables.HEADER_ALIASES`): a required column missing, a column given
    twice, or a column that is neither known nor descriptive (:data:`IGNORED`) — with the
    known column it most likely means."""
    names = [str(c) for c in columns]
    known = (*REQUIRED, *OPTIONAL)
    where = {"file": file, "sheet": sheet}
    problems = [Problem("missing column", column=c, expected="column present", **where)
                for c in REQUIRED if c not in names]
    seen: set[str] = set()
    for name in names:
        if name in seen and name in known:
            problems.append(Problem("column given twice", column=name,
                                    expected="each column once (a Chinese and an English "
                                             "header of the same column count as one)", **where))
        seen.add(name)
        if name in known or name.strip().lower() in IGNORED or name.startswith("unnamed:"):
            continue
        hint = _suggestion(name, [k for k in known if k not in names])
        problems.append(Problem(
            "unknown column" + (f" — did you mean {hint}?" if hint else ""), column=name,
            expected=f"{', '.join(known)} (or a note column such as label, source, 备注)",
            **where))
    return problems
