"""Shipped reference tables (参考数据): every number with its unit, source and edition.

Each table is a CSV file in this folder, loaded with :mod:`importlib.resources` so it works
from a wheel. Every row of a numeric table carries at least the columns

``unit``     the unit of ``value`` (parsed by :mod:`cocontrol.units`),
``source``   the publication (short citation; full entry in ``SOURCES.md``),
``edition``  edition / year / table number,
``status``   ``verified`` (read in the source), ``transcribed`` (seen in agreeing third-party
             transcriptions) or ``unverified`` (from memory; must not be used silently).

Tables are never downloaded at run time (bureau networks are often offline).
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from cocontrol.errors import ReferenceDataError

if TYPE_CHECKING:  # pandas is imported when a table is first read, not with the package
    import pandas as pd

REQUIRED_PROVENANCE = ("source", "edition", "status")
STATUSES = frozenset({"verified", "transcribed", "unverified"})


def available() -> list[str]:
    """Names of the shipped tables (file names without ``.csv``)."""
    root = resources.files(__package__)
    return sorted(p.name[:-4] for p in root.iterdir() if p.name.endswith(".csv"))


@lru_cache(maxsize=64)
def _read(name: str) -> pd.DataFrame:
    path = resources.files(__package__).joinpath(f"{name}.csv")
    if not path.is_file():
        raise ReferenceDataError(
            f"no reference table {name!r}; shipped tables: {', '.join(available())}"
        )
    import pandas as pd

    text = path.read_text(encoding="utf-8")
    frame = pd.read_csv(io.StringIO(text), comment=None, dtype_backend="numpy_nullable")
    return frame


def load(name: str, *, require_provenance: bool = True) -> pd.DataFrame:
    """Load reference table ``name`` as a new DataFrame (callers may modify their copy).

    With ``require_provenance`` the table must have the columns in
    :data:`REQUIRED_PROVENANCE` filled on every row and ``status`` in :data:`STATUSES`.
    """
    frame = _read(name).copy()
    if require_provenance:
        missing = [c for c in REQUIRED_PROVENANCE if c not in frame.columns]
        if missing:
            raise ReferenceDataError(f"reference table {name!r} lacks columns {missing}")
        for col in REQUIRED_PROVENANCE:
            empty = frame[col].isna() | (frame[col].astype(str).str.strip() == "")
            if empty.any():
                rows = [int(i) + 2 for i in frame.index[empty][:10]]
                raise ReferenceDataError(
                    f"reference table {name!r}: empty {col!r} on CSV rows {rows}"
                )
        bad = ~frame["status"].isin(STATUSES)
        if bad.any():
            rows = [int(i) + 2 for i in frame.index[bad][:10]]
            raise ReferenceDataError(
                f"reference table {name!r}: status must be one of {sorted(STATUSES)} "
                f"(CSV rows {rows})"
            )
    return frame
