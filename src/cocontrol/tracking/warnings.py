"""Early warnings per responsible unit (责任单位预警): lagging targets and their tasks.

Warning levels: 红色预警 for ``off_track`` (严重滞后), 黄色预警 for ``at_risk`` (存在风险),
数据预警 for ``no_data`` (a unit that owes a report). A target's units are its own
``responsible`` list, else those of its task; the linked tasks are the task named by the
target plus every task that lists the target id in ``targets``.
"""

from __future__ import annotations

import pandas as pd

from cocontrol.plans.model import PlanDocument
from cocontrol.tracking.targets import target_id

WARNING_LEVELS = {"off_track": "红色预警", "at_risk": "黄色预警", "no_data": "数据预警"}
UNASSIGNED = "（未明确责任单位）"
WARNING_COLUMNS = ["unit", "target_id", "indicator", "status", "status_label", "level",
                   "latest_year", "latest_value", "target_year", "target_value", "target_unit",
                   "reason", "tasks", "task_ids", "relation"]
# (relation: the target's, so that a warning shows its goal as written — 不低于8%，2025年, 2030年前达峰; it was built
# into every row but dropped here, and the department page showed 8%，2025年)


def by_responsible_unit(status: pd.DataFrame, doc: PlanDocument, *,
                        include_no_data: bool = True) -> pd.DataFrame:
    """One row per responsible unit × lagging target of ``doc`` with the linked tasks.

    ``status`` is :func:`cocontrol.tracking.status.assess` output; rows of other plans are
    ignored. Sorted by unit, then severity (红色 before 黄色 before 数据).
    """
    levels = dict(WARNING_LEVELS)
    if not include_no_data:
        levels.pop("no_data")
    tasks = {t.id: t for t in doc.tasks}
    ids = {target_id(doc, i): t for i, t in enumerate(doc.targets)}
    linked: dict[str, list[str]] = {tid: [] for tid in ids}
    for tid, t in ids.items():
        if t.task and t.task in tasks:
            linked[tid].append(t.task)
    for task in doc.tasks:
        for tid in task.targets:
            if tid in linked and task.id not in linked[tid]:
                linked[tid].append(task.id)
    rows = []
    mine = status["plan_id"] == doc.plan.id if "plan_id" in status.columns else True
    lagging = status[mine & status["target_id"].isin(ids) & status["status"].isin(levels)]
    cols = [c for c in ("target_id", "indicator", "status", "status_label", "latest_year",
                        "latest_value", "target_year", "target_value", "unit", "relation", "reason")
            if c in lagging.columns]
    for r in lagging[cols].astype(object).to_dict("records"):
        t = ids[r["target_id"]]
        task_ids = linked[r["target_id"]]
        units = list(t.responsible) or [u for k in task_ids for u in tasks[k].responsible]
        for unit in dict.fromkeys(units or [UNASSIGNED]):
            rows.append({
                "unit": unit, "target_id": r["target_id"], "indicator": r["indicator"],
                "status": r["status"], "status_label": r.get("status_label"),
                "level": levels[r["status"]], "latest_year": r.get("latest_year"),
                "latest_value": r.get("latest_value"), "target_year": r.get("target_year"),
                "target_value": r.get("target_value"), "target_unit": r.get("unit"),
                "relation": r.get("relation"),
                "reason": r.get("reason"),
                "tasks": "；".join(f"{k} {tasks[k].title}" for k in task_ids),
                "task_ids": ",".join(task_ids),
            })
    out = pd.DataFrame(rows, columns=WARNING_COLUMNS)
    order = {s: i for i, s in enumerate(WARNING_LEVELS)}
    return (out.assign(_o=out["status"].map(order)).sort_values(["unit", "_o", "target_id"])
            .drop(columns="_o").reset_index(drop=True))
