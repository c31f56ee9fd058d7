"""Store reviewed plans (规划入库): a plan with its targets, tasks, links and responsible units.

All-or-nothing (one transaction). The same plan id with the same content is not stored twice;
with a different content it becomes a new version — nothing is overwritten. A plan under
another id whose 文号 (or, without one, title) and region match a stored plan is the same
document loaded again: it is refused naming the stored id (to store a new version of it, give
it that id), so no plan is counted twice.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cocontrol.errors import InputError
from cocontrol.plans.model import Plan, PlanDocument
from cocontrol.store import models as m
from cocontrol.store.audit import record
from cocontrol.store.db import get_engine, transaction
from cocontrol.store.regions import ensure_department, ensure_region


def content_hash(doc: PlanDocument) -> str:
    """sha256 of the document's canonical JSON (sorted keys)."""
    text = json.dumps(doc.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_BRACKETS = str.maketrans({c: "" for c in " \t\u3000〔〕[]()（）【】〈〉<>-—"})


def _doc_key(text: str | None) -> str:
    """A 文号 or title compared as written but without spaces and bracket styles:
    威政字〔2024〕52号 = 威政字[2024]52号 = 威政字（2024）52号."""
    return (text or "").translate(_BRACKETS)


def stored_twin(session: Session, p: Plan) -> str | None:
    """The id of a stored plan under another id with the same 文号 (else title) and region."""
    key, field = (_doc_key(p.doc_number), m.Plan.doc_number) if p.doc_number else (_doc_key(p.title), m.Plan.title)
    if not key:
        return None
    rows = session.execute(select(m.Plan.slug, field).where(m.Plan.slug != p.id, m.Plan.region == p.region)
                           if p.region is not None else
                           select(m.Plan.slug, field).where(m.Plan.slug != p.id, m.Plan.region.is_(None))).all()
    return next((slug for slug, value in rows if _doc_key(value) == key), None)


def save_plan(doc: PlanDocument, *, url: str | None = None, actor: str = "cli") -> int:
    """Store a validated plan and return its row id (see module docstring for versioning)."""
    with transaction(get_engine(url)) as session:
        return store_plan(session, doc, actor=actor)


def store_plan(session: Session, doc: PlanDocument, *, actor: str) -> int:
    """:func:`save_plan` inside an existing session (the caller commits)."""
    doc = PlanDocument.model_validate(doc.model_dump())
    digest = content_hash(doc)
    p = doc.plan
    same = session.scalar(select(m.Plan.id).where(m.Plan.slug == p.id, m.Plan.content_hash == digest))
    if same is not None:
        return same
    twin = stored_twin(session, p)
    if twin is not None:
        what = "document number" if p.doc_number else "title"
        raise InputError(f"plan {p.id} is the stored plan {twin} loaded again (same {what} \"{p.doc_number or p.title}\", "
                         f"region {p.region or '-'}); nothing stored. To store a new version of it give it the id {twin}")
    latest = session.scalar(select(func.max(m.Plan.version)).where(m.Plan.slug == p.id)) or 0
    region = ensure_region(session, p.region, actor=actor) if p.region else None
    plan = m.Plan(
        slug=p.id,
        version=latest + 1,
        title=p.title,
        issuer=p.issuer,
        doc_number=p.doc_number,
        date=p.date,
        region=p.region,
        horizon_start=p.horizon[0] if p.horizon else None,
        horizon_end=p.horizon[1] if p.horizon else None,
        source=p.source,
        sha256=p.sha256,
        content_hash=digest,
        created_by=actor,
    )
    session.add(plan)
    session.flush()
    depts: dict[str, m.Department] = {}

    def dept(name: str) -> m.Department:
        if name not in depts:
            depts[name] = ensure_department(session, name, region, actor=actor)
        return depts[name]

    tasks: dict[str, m.Task] = {}
    for t in doc.tasks:
        row = m.Task(
            plan_id=plan.id,
            key=t.id,
            section=t.section,
            title=t.title,
            domain=t.domain,
            text=t.text,
            responsible=list(t.responsible),
            lead=list(t.lead),
            span_start=t.span[0] if t.span else None,
            span_end=t.span[1] if t.span else None,
        )
        session.add(row)
        session.flush()
        tasks[t.id] = row
        for name in dict.fromkeys([*t.lead, *t.responsible]):
            session.add(m.TaskResponsible(task_id=row.id, department_id=dept(name).id, lead=name in t.lead))
    for i, t in enumerate(doc.targets):
        row = m.Target(
            plan_id=plan.id,
            key=t.id or f"{p.id}:t{i + 1}",  # same id as cocontrol.tracking.targets.target_id
            indicator=t.indicator,
            domain=t.domain,
            year=t.year,
            value=t.value,
            unit=t.unit,
            value_si=t.value_si,
            unit_si=t.unit_si,
            relation=t.relation,
            base_year=t.base_year,
            annual_rate=t.annual_rate,
            approx=t.approx,
            strive=t.strive,
            cumulative=t.cumulative,
            binding=t.binding,
            qualitative=t.qualitative,
            baseline_value=t.baseline_value,
            baseline_year=t.baseline_year,
            responsible=list(t.responsible),
            quote=t.quote,
            span_start=t.span[0] if t.span else None,
            span_end=t.span[1] if t.span else None,
            quotes=list(t.quotes),
            spans=[[a, b] for a, b in t.spans],
            task_key=t.task,
        )
        session.add(row)
        session.flush()
        for name in dict.fromkeys(t.responsible):
            session.add(m.TargetResponsible(target_id=row.id, department_id=dept(name).id))
        linked = {t.task} if t.task else set()
        linked |= {task.id for task in doc.tasks if t.id and t.id in task.targets}
        for key in sorted(k for k in linked if k in tasks):
            session.add(m.TargetTask(target_id=row.id, task_id=tasks[key].id))
    session.flush()
    record(session, actor, "insert", plan)
    return plan.id


def load_document(session: Session, plan_id: int) -> PlanDocument:
    """Rebuild the :class:`PlanDocument` of a stored plan (round trip of :func:`save_plan`)."""
    from cocontrol.plans.model import Plan, Target, Task

    plan = session.get(m.Plan, plan_id)
    if plan is None:
        raise KeyError(plan_id)

    def span(row: m.Target | m.Task) -> tuple[int, int] | None:
        return (row.span_start, row.span_end) if row.span_start is not None and row.span_end is not None else None

    targets_by_task: dict[str, list[str]] = {}
    links = session.execute(
        select(m.Target.key, m.Task.key)
        .join(m.TargetTask, m.TargetTask.target_id == m.Target.id)
        .join(m.Task, m.Task.id == m.TargetTask.task_id)
        .where(m.Target.plan_id == plan_id)
    ).all()
    for target_key, task_key in links:
        targets_by_task.setdefault(task_key, []).append(target_key)
    return PlanDocument(
        plan=Plan(
            id=plan.slug,
            title=plan.title,
            issuer=plan.issuer,
            doc_number=plan.doc_number,
            date=plan.date,
            region=plan.region,
            horizon=(plan.horizon_start, plan.horizon_end) if plan.horizon_start and plan.horizon_end else None,
            source=plan.source,
            sha256=plan.sha256,
        ),
        targets=[
            Target(
                id=t.key, indicator=t.indicator, domain=t.domain, year=t.year, value=t.value,
                unit=t.unit, value_si=t.value_si, unit_si=t.unit_si, relation=t.relation,
                base_year=t.base_year, annual_rate=t.annual_rate, approx=t.approx, strive=t.strive,
                cumulative=t.cumulative, binding=t.binding, qualitative=t.qualitative,
                baseline_value=t.baseline_value, baseline_year=t.baseline_year,
                responsible=list(t.responsible), quote=t.quote, span=span(t), task=t.task_key,
                quotes=list(t.quotes or []), spans=[(a, b) for a, b in (t.spans or [])],
            )
            for t in plan.targets
        ],
        tasks=[
            Task(
                id=k.key, section=k.section, title=k.title, domain=k.domain, text=k.text,
                responsible=list(k.responsible), lead=list(k.lead),
                targets=sorted(targets_by_task.get(k.key, [])), span=span(k),
            )
            for k in plan.tasks
        ],
    )
