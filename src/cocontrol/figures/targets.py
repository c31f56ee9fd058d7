"""Target figures (目标数据项): each target's status with the value and year it was judged from.

Rule (registry ``target_status``): no status other than 无数据 is published without its basis —
the latest value (or reported judgement) and its year on the same row. A plan's baseline counts
as data only when shown as such: ``基期值 43.4%（2020年）``. A row whose status claims more than
its data shows is published as 无数据 (never a bare 已完成), and 无数据 is never published beside a
value (a qualitative target's informative number without a reported judgement is not a basis).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

NO_DATA = "无数据"
STATUS_ORDER = ("已完成", "进度正常", "存在风险", "严重滞后", NO_DATA)
LATEST_DECIMALS = 2
"""A target's latest value is shown with at most two decimals (trailing zeros dropped)."""


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or (
        not isinstance(value, str) and pd.isna(value))


def latest_display(value: Any) -> str:
    """The latest value as every surface shows it: at most two decimals, thousands grouped,
    trailing zeros dropped; "—" when missing."""
    if _missing(value):
        return "—"
    text = f"{float(value):,.{LATEST_DECIMALS}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def change_text(value: float, up: bool, yearly: bool = False) -> str:
    """A change named by its direction, in the target's words (下降14.8%, 提高3%): ``下降9.1%``
    for a reduction target's 9.1 % reduction, ``上升6.64%`` when it rose by 6.64 % instead
    (never 下降-6.64%); ``提高3.01%`` / ``降低1%`` for an increase target; ``年均下降2%`` for a
    yearly rate. ``value`` is signed in the target's direction (positive = towards it), as
    :mod:`cocontrol.tracking.status` measures it."""
    towards = value >= 0
    word = ("提高" if up else "下降") if towards else ("降低" if up else "上升")
    return f"{'年均' if yearly else ''}{word}{latest_display(abs(value))}%"


def basis_text(row: dict[str, Any]) -> str:
    """What the status was judged from: ``7.5%（2023年）``, ``下降9.1%（2023年）`` (a change, named
    by its direction: :func:`change_text`), ``基期值 43.4%（2020年）``, ``填报“完成”（2025年）``;
    "" when there is nothing."""
    year = row.get("latest_year")
    if _missing(year):
        return ""
    year = int(year)
    unit = "%" if row.get("measure") in ("change", "annual_rate") else (row.get("unit") or "")
    unit = "" if _missing(unit) else str(unit)
    text = row.get("latest_text")
    if not _missing(text) and str(text):
        return f"填报“{text}”（{year}年）"
    value = row.get("latest_value")
    if _missing(value):
        return ""
    shown = f"{latest_display(value)}{unit}"
    if row.get("measure") in ("change", "annual_rate") and row.get("latest_basis") != "baseline":
        shown = change_text(float(value), row.get("relation") == "increase_by",
                            row.get("measure") == "annual_rate")
    if row.get("latest_basis") == "baseline":
        return f"基期值 {shown}（{year}年）"
    return f"{shown}（{year}年）"


def peak_goal(unit: Any, relation: Any, value: Any, lang: str = "zh") -> str | None:
    """A peak target as an official writes it — ``2030年前达峰`` (English ``peak by 2030``) — or None for any other
    target. A peak target (碳达峰, 石油消费达峰 …) is stored as relation ``<=``, unit 年 and the year as its value
    (:mod:`cocontrol.plans`, issue-10 convention): shown as a level it would read 不高于2,030年."""
    if _missing(value) or unit != "年" or relation != "<=":
        return None
    year = int(float(value))
    return f"peak by {year}" if lang == "en" else f"{year}年前达峰"


def target_figure(row: dict[str, Any]) -> dict[str, Any]:
    """One target's published figures: status (label), latest value and year, basis text."""
    label = row.get("status_label") or row.get("status")
    basis = basis_text(row)
    if _missing(label) or not basis:
        label = NO_DATA
    if label == NO_DATA or row.get("status") == "no_data":
        # nothing judged (e.g. a qualitative target with only an informative number and no
        # reported 完成情况): no value beside 无数据
        label, basis = NO_DATA, ""
    has_value = not _missing(row.get("latest_value")) and _missing(row.get("latest_text"))
    return {
        "status": str(label),
        "latest_value": float(row["latest_value"]) if has_value and basis else None,
        "latest_year": int(row["latest_year"]) if basis else None,
        "latest_text": latest_display(row.get("latest_value")) if has_value and basis else (
            str(row["latest_text"]) if basis and not _missing(row.get("latest_text")) else "—"),
        "basis": basis,
        "baseline": row.get("latest_basis") == "baseline",
    }


def target_figures(status: pd.DataFrame | None, key: str = "target_id") -> dict[str, dict[str, Any]]:
    """Published figures of every target of a tracking status table, keyed by ``key``."""
    if status is None or status.empty or key not in status.columns:
        return {}
    return {str(r[key]): target_figure(r) for r in status.to_dict("records")}


def status_counts(figures: dict[str, dict[str, Any]] | list[dict[str, Any]]) -> dict[str, int]:
    """Targets per status in :data:`STATUS_ORDER` (statuses with no target left out)."""
    rows = figures.values() if isinstance(figures, dict) else figures
    counts: dict[str, int] = {}
    for f in rows:
        counts[f["status"]] = counts.get(f["status"], 0) + 1
    return {k: counts[k] for k in (*STATUS_ORDER, *sorted(set(counts) - set(STATUS_ORDER))) if k in counts}
