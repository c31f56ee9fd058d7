"""Dispatch report (调度表): each responsible unit's tasks, targets, latest values and status.

The seed plans ask the coordinating office to "定期对各区县、各部门工作进展情况调度" (济南
碳达峰工作方案) and to dispatch 目标指标、重点任务、重大工程 (荣成"十四五"规划). A unit
answers for a target when the target names it (``Target.responsible``) or when a task that
contains the target names it (``Task.responsible``/``Task.lead``).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from cocontrol.figures.targets import peak_goal
from cocontrol.plans.model import PlanDocument
from cocontrol.reports.model import Report, Section, Table
from cocontrol.reports.tables import RELATIONS, frame_table
from cocontrol.reports.workspace import Results

UNASSIGNED = "（未明确责任单位）"
PROBLEM_WORDS = ("滞后", "风险", "未完成", "未达", "预警", "偏离", "不达")
PROBLEM_CODES = ("at_risk", "off_track")  # cocontrol.tracking.status codes
WARNING_COLUMNS = {  # cocontrol.tracking.warnings.by_responsible_unit columns → headers
    "unit": "责任单位", "level": "预警等级", "indicator": "指标", "status_label": "状态",
    "latest_year": "最新年份", "latest_value": "最新值", "target_year": "目标年",
    "target_value": "目标值", "target_unit": "单位", "reason": "判定说明", "tasks": "关联任务",
}
STATUS_COLUMNS = ("status_label", "label", "status_cn", "status_zh", "状态", "status")


def status_column(status: pd.DataFrame) -> str:
    """The column holding the Chinese status label (falls back to the status code)."""
    return next(c for c in STATUS_COLUMNS if c in status.columns)


def is_problem(text: object) -> bool:
    """A status code or label saying the target lags or is at risk (at_risk, 严重滞后 …)."""
    return isinstance(text, str) and (text in PROBLEM_CODES or any(w in text for w in PROBLEM_WORDS))


def problem_mask(status: pd.DataFrame) -> pd.Series:
    """Rows of a status table whose code (``status``) or label marks a lagging target."""
    mask = status[status_column(status)].map(is_problem)
    if "status" in status.columns:
        mask |= status["status"].isin(PROBLEM_CODES)
    return mask.astype(bool)


def warnings_table(warnings: pd.DataFrame) -> Table:
    """The early-warning table (预警事项) with Chinese headers."""
    frame = warnings.copy()
    if "tasks" in frame.columns:  # "三.一.1 标题；…" → the plan's own numbering (三、（一）1. 标题)
        frame["tasks"] = frame["tasks"].map(
            lambda text: "；".join(" ".join([plan_numbering(k), *rest]) for k, *rest in
                                  (part.split(" ", 1) for part in text.split("；") if part))
            if isinstance(text, str) else text)
    for col in ("latest_year", "target_year"):  # a year is a label, never 2,023
        if col in frame.columns:
            frame[col] = frame[col].map(lambda y: str(int(y)) if isinstance(y, (int, float)) and pd.notna(y) else y)
    frame = frame.rename(columns=WARNING_COLUMNS)
    return frame_table(frame, "目标预警事项", [c for c in WARNING_COLUMNS.values() if c in frame.columns],
                       sheet="预警事项", drop_empty=True)


def target_id(doc: PlanDocument, position: int) -> str:
    """Id of a target as tracking names it: its own id or ``<plan id>:t<n>`` (1-based)."""
    t = doc.targets[position]
    return t.id if t.id else f"{doc.plan.id}:t{position + 1}"


def target_quotes(plans: list[PlanDocument]) -> dict[str, str]:
    """Target id → the plan sentence it was read from (规划原文), where recorded."""
    return {target_id(d, i): t.quote for d in plans for i, t in enumerate(d.targets) if t.quote}


def target_units(plans: list[PlanDocument]) -> dict[str, list[str]]:
    """Target id → responsible units: the target's own list, else its tasks' lead and responsible.

    Same rule as :func:`cocontrol.tracking.warnings.by_responsible_unit`; a target's tasks are
    the one it names (``Target.task``) and every task listing its id in ``Task.targets``.
    """
    units: dict[str, list[str]] = {}
    for doc in plans:
        tasks = {t.id: t for t in doc.tasks}
        for i, t in enumerate(doc.targets):
            tid = target_id(doc, i)
            linked = [tasks[t.task]] if t.task in tasks else []
            linked += [task for task in doc.tasks if tid in task.targets and task not in linked]
            own = list(t.responsible) or [u for task in linked for u in task.lead + task.responsible]
            units[tid] = list(dict.fromkeys(own))
    return units


def _status_by_target(res: Results) -> dict[str, dict]:
    if res.status is None or res.status.empty or "target_id" not in res.status.columns:
        return {}
    col = status_column(res.status)
    frame = res.status.assign(_label=res.status[col])
    return {str(r["target_id"]): r for r in frame.to_dict("records")}


def _direction(relation: str, status: dict) -> str:
    """目标方向 as tracking judged it (a bare 建成90座 reads 不低于), else as written."""
    judged = status.get("judged_relation")
    return RELATIONS.get(judged if isinstance(judged, str) else relation, relation)


CN_NUMERALS = "一二三四五六七八九十"


def plan_numbering(task_id: str) -> str:
    """The plan's own numbering of a task path, as 公文 number their levels: the first Chinese
    numeral ``三、``, later ones ``（一）``, the first Arabic number ``6.``, later ones ``（1）`` —
    ``三.一.6`` → ``三、（一）6.``. A box (专栏) numbers its items afresh, as the plan prints them:
    ``三.二.专栏2.2.2`` → ``三、（二）专栏2 2.（2）``. A path not of this shape is returned unchanged."""
    parts = [p.strip("()（）") for p in str(task_id).split(".") if p]
    out: list[str] = []
    chinese = digits = 0
    for part in parts:
        if part and all(c in CN_NUMERALS for c in part) and not digits:
            out.append(f"{part}、" if not chinese else f"（{part}）")
            chinese += 1
        elif part.startswith("专栏") and part[2:].strip().isdigit() and not digits:
            out.append(f"专栏{part[2:].strip()} ")
            digits = 0  # the box's items: 1. then （1）
        elif part.isdigit():
            out.append(f"{part}." if not digits else f"（{part}）")
            digits += 1
        else:
            return str(task_id)
    return "".join(out).rstrip()


def lead_and_support(task) -> tuple[str | None, list[str]]:  # type: ignore[no-untyped-def]
    """牵头 unit (the plan's 牵头单位, else the first named unit) and the 配合 units."""
    named = list(dict.fromkeys(task.lead + task.responsible))
    if not named:
        return None, []
    lead = task.lead[0] if task.lead else named[0]
    return lead, [u for u in named if u != lead]


def _progress(res: Results, plan: str) -> dict[str, dict]:
    frame = res.task_progress
    if frame is None or frame.empty:
        return {}
    part = frame[frame["plan"] == plan]
    return {str(r["task"]): r for r in part.to_dict("records")}


def dispatch_rows(res: Results) -> pd.DataFrame:
    """One row per (unit, task) and per (unit, target), units in order of first mention; a task
    row carries its latest reported progress, a target row its status with the value it was
    judged from (:mod:`cocontrol.figures.targets`)."""
    from cocontrol.figures.targets import NO_DATA, target_figures

    status = _status_by_target(res)
    figs = target_figures(res.status)
    rows = []
    for doc in res.plans:
        progress = _progress(res, doc.plan.id)
        numbering = {task.id: plan_numbering(task.id) for task in doc.tasks}
        for task in doc.tasks:
            lead, support = lead_and_support(task)
            p = progress.get(task.id)
            reported = (f"{int(p['progress'])}%" + (f"（{int(p['year'])}年）" if pd.notna(p.get("year")) else "")
                        if p is not None and pd.notna(p.get("progress")) else "未报送")
            for unit in ([lead, *support] if lead else [UNASSIGNED]):
                rows.append({"责任单位": unit, "类别": "重点任务", "编号": numbering[task.id], "内容": task.title,
                             "牵头/配合": "牵头" if unit == lead else "配合" if lead else None,
                             "最新值": reported, "状态": "已报送" if p is not None else "未报送",
                             "说明": (p.get("note") or None) if p is not None else None})
        owners = target_units([doc])
        in_task = {tid: numbering[task.id] for task in reversed(doc.tasks) for tid in task.targets}
        in_task |= {target_id(doc, i): numbering[t.task] for i, t in enumerate(doc.targets) if t.task in numbering}
        for i, t in enumerate(doc.targets):
            tid = target_id(doc, i)
            s = status.get(tid, {})
            f = figs.get(tid, {"status": NO_DATA, "basis": ""})
            for unit in owners[tid] or [UNASSIGNED]:
                rows.append({
                    "责任单位": unit, "类别": "目标指标", "编号": in_task.get(tid, ""), "内容": t.indicator,
                    "目标年": t.year,
                    # (a peak target, 2030年前达峰: 不晚于 | 2030 | 年, not 不高于 2030 年)
                    "目标方向": "不晚于" if peak_goal(t.unit, t.relation, t.value) else _direction(str(t.relation), s),
                    "目标值": t.value if t.value is not None else t.qualitative, "单位": t.unit,
                    "最新值": f["basis"] or "—", "状态": f["status"],
                })
    columns = ["责任单位", "类别", "编号", "内容", "牵头/配合", "目标年", "目标方向", "目标值", "单位",
               "最新值", "状态", "说明"]
    frame = pd.DataFrame(rows, columns=columns)
    order = {u: i for i, u in enumerate(dict.fromkeys(frame["责任单位"]))}
    return frame.sort_values(["责任单位", "类别"], key=lambda s: s.map(order) if s.name == "责任单位" else s,
                             kind="stable").reset_index(drop=True)


def unit_summary(res: Results) -> pd.DataFrame:
    """Per responsible unit: tasks, targets, targets lagging or at risk, targets without data."""
    rows = dispatch_rows(res)
    out = []
    for unit, part in rows.groupby("责任单位", sort=False):
        targets = part[part["类别"] == "目标指标"]
        labels = targets["状态"]
        out.append({
            "责任单位": unit,
            "重点任务数": int((part["类别"] == "重点任务").sum()),
            "目标指标数": len(targets),
            "滞后或有风险": sum(is_problem(x) for x in labels),
            "暂无评价结果": sum(not isinstance(x, str) or x == "无数据" for x in labels),
        })
    return pd.DataFrame(out, columns=["责任单位", "重点任务数", "目标指标数", "滞后或有风险", "暂无评价结果"])


def build_dispatch(res: Results, *, date: dt.date | None = None, issuer: str = "") -> Report:
    """Assemble the 调度表 for ``res.region`` and ``res.year``."""
    intro = Section("调度说明")
    if res.plans:
        intro.add(f"本表按责任单位汇总{res.region}规划方案确定的重点任务和目标指标，"
                  f"列出截至{res.year}年的最新值和评价状态，供调度使用。")
    else:
        intro.add(f"本节数据暂缺：工作区中没有{res.region}的规划方案。")
    for text in res.gaps.values():
        intro.add(f"本节数据暂缺：{text}。")
    sections = [intro]
    if res.plans:
        summary = Section("调度汇总")
        summary.add(frame_table(unit_summary(res), "责任单位任务与指标汇总", sheet="汇总"))
        detail = Section("任务与指标调度明细")
        detail.add(frame_table(dispatch_rows(res), "责任单位任务与指标调度明细", sheet="调度明细",
                               drop_empty=True))
        sections += [summary, detail]
        warn = Section("预警事项")
        if res.warnings is not None and not res.warnings.empty:
            warn.add(warnings_table(res.warnings))
        elif res.warnings is not None:
            warn.add("截至本期，无预警事项。")
        else:
            warn.add(f"本节数据暂缺：{res.gaps.get('tracking', '预警结果为空')}。")
        sections.append(warn)
    return Report(
        title=f"{res.region}{res.year}年度减污降碳重点任务调度表",
        subtitle="（按责任单位）",
        issuer=issuer,
        date=date or dt.date.today(),
        sections=sections,
        gaps=list(res.gaps.values()),
        landscape=True,
    )
