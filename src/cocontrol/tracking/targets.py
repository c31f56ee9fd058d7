"""Targets of a plan as one table (目标指标清单), the input of status assessment.

One row per :class:`~cocontrol.plans.model.Target`, with its ``quote`` (the plan sentence,
原文) so that status assessment can read the wording of bare-number targets. Targets without an id get
``<plan id>:t<n>`` (n = 1-based position in the plan), so every row can be keyed.
``period_start`` is the first year of the plan's horizon (a change target that names no base
year is measured from the year before it, e.g. 十四五 → 2020).
"""

from __future__ import annotations

import pandas as pd

from cocontrol.plans.model import PlanDocument

TARGET_COLUMNS = [
    "target_id", "plan_id", "region", "indicator", "domain", "target_year", "target_value",
    "unit", "relation", "base_year", "annual_rate", "approx", "strive", "cumulative", "binding",
    "qualitative", "baseline_value", "baseline_year", "period_start", "responsible", "task",
    "quote",
]


def target_id(doc: PlanDocument, position: int) -> str:
    """Id of the target at ``position`` (0-based): its own id or ``<plan id>:t<n>``."""
    t = doc.targets[position]
    return t.id if t.id else f"{doc.plan.id}:t{position + 1}"


def targets_frame(doc: PlanDocument, region: str | None = None) -> pd.DataFrame:
    """One row per target with its fields (``responsible`` joined with 、).

    ``region`` overrides the plan's region (a county plan tracked under its own name).
    """
    rows = []
    for i, t in enumerate(doc.targets):
        rows.append({
            "target_id": target_id(doc, i),
            "plan_id": doc.plan.id,
            "region": region or doc.plan.region or "",
            "indicator": t.indicator,
            "domain": t.domain,
            "target_year": t.year if t.year is not None else (doc.plan.horizon or (None, None))[1],
            "target_value": t.value,
            "unit": t.unit,
            "relation": str(t.relation),
            "base_year": t.base_year,
            "annual_rate": t.annual_rate,
            "approx": t.approx,
            "strive": t.strive,
            "cumulative": t.cumulative,
            "binding": t.binding,
            "qualitative": t.qualitative,
            "baseline_value": t.baseline_value,
            "baseline_year": t.baseline_year,
            "period_start": (doc.plan.horizon or (None, None))[0],
            "responsible": "、".join(t.responsible),
            "task": t.task,
            "quote": t.quote or "",
        })
    frame = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    for col in ("target_year", "base_year", "baseline_year", "period_start"):
        frame[col] = frame[col].astype("Int64")
    for col in ("target_value", "baseline_value"):
        frame[col] = frame[col].astype("float64")
    return frame
