"""Building sink activity tables for the tests."""

from __future__ import annotations

import pandas as pd

COLUMNS = ["region", "year", "sink_type", "item", "variable", "value", "unit"]


def activity(*rows: tuple[object, ...]) -> pd.DataFrame:
    """A sink activity table whose index is the spreadsheet row (header = row 1)."""
    return pd.DataFrame(list(rows), columns=COLUMNS, index=range(2, 2 + len(rows)))


def one(result: pd.DataFrame, **match: object) -> pd.Series:
    """The single result row matching ``match``."""
    mask = pd.Series(True, index=result.index)
    for col, val in match.items():
        mask &= result[col] == val
    assert mask.sum() == 1, f"{mask.sum()} rows match {match}:\n{result}"
    return result[mask].iloc[0]
