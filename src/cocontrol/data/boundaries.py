"""Boundary changes of a region (行政区划调整) and how its series reads across them.

A city that absorbed another (济南 took in 莱芜 in January 2019) has emissions and statistics on
two boundaries unless the earlier years were restated on today's, as inventories do after a
boundary change. The changes are data (``refdata/boundary_changes.csv``, with source); whether
the earlier years were restated is read from the data's own provenance: each of those years must
have activity rows whose ``source`` says so (``restated on today's boundary`` / ``按现行区划回溯``;
the demo's fuel rows do, its illustrative electricity index rows are not boundary data).
The note is one sentence, shown beside the CO2 series on the overview and in the annual report.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from cocontrol import refdata

RESTATED_WORDS = ("restated on today's boundary", "按现行区划回溯", "按现行行政区划回溯")


def boundary_note(region: str, years: list[int],
                  activity: pd.DataFrame | Callable[[], pd.DataFrame] | None = None) -> str | None:
    """The sentence on ``region``'s boundary change inside ``years`` (the years shown), or None
    (``activity`` may be a function, called only for a region with a change):
    restated — ``2019年1月原莱芜市并入济南市；2015—2018年数据已按现行行政区划（含原莱芜市）回溯，各年可比。``;
    else the break is named: ``…；2015—2018年数据为调整前区划口径，与2019年及以后各年不可直接比较。``"""
    changes = refdata.load("boundary_changes")
    changes = changes[changes["region"] == region]
    shown = sorted({int(y) for y in years})
    for r in changes.to_dict("records"):
        year, former = int(r["year"]), str(r["former"])
        before = [y for y in shown if y < year]
        if not before or not any(y >= year for y in shown):
            continue
        span = f"{before[0]}—{before[-1]}" if before[0] != before[-1] else f"{before[0]}"
        head = f"{year}年{int(r['month'])}月原{former}并入{region}；{span}年"
        if _restated(region, before, activity() if callable(activity) else activity):
            return head + f"数据已按现行行政区划（含原{former}）回溯，各年可比。"
        return head + f"数据为调整前区划口径，与{year}年及以后各年不可直接比较。"
    return None


def _restated(region: str, years: list[int], activity: pd.DataFrame | None) -> bool:
    if activity is None or activity.empty or "source" not in activity.columns:
        return False
    rows = activity[(activity["region"] == region) & activity["year"].astype(int).isin(years)]
    if rows.empty:
        return False
    said = rows["source"].astype(str).map(lambda s: any(w in s for w in RESTATED_WORDS))
    return set(rows.loc[said, "year"].astype(int)) == set(years)
