"""Every change the web platform makes (写操作): permission check, optimistic lock, audit row.

Shared by the JSON API and the pages. Each function works inside the caller's session and
commits nothing itself except through :func:`commit`, which turns SQLAlchemy's stale-version
error into a 409 conflict carrying the other person's change.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cocontrol.files import write_bytes_atomic
from cocontrol.messages import Texts
from cocontrol.plans.model import PlanDocument
from cocontrol.store import models as m
from cocontrol.store.audit import record, row_dict
from cocontrol.store.plans import store_plan
from cocontrol.store.regions import ensure_region
from cocontrol.tracking.observations import JUDGEMENT_WORDS
from cocontrol.tracking.observations import JUDGEMENT_WORDS_EN as JUDGEMENT_EN
from cocontrol.web.auth import end_sessions
from cocontrol.web.deps import Viewer, WebError
from cocontrol.web.passwords import password_problem
from cocontrol.web.security import hash_password
from cocontrol.web.services import bump
from cocontrol.web.settings import EVIDENCE_TYPES

TARGET_FIELDS = ("indicator", "year", "value", "unit", "relation", "base_year", "binding",
                 "qualitative", "baseline_value", "baseline_year")


def commit(session: Session, obj: m.Base | None = None) -> None:
    """Commit, mapping a lost optimistic-lock race to 409 with the row as it now is."""
    bump(session)
    try:
        session.commit()
    except StaleDataError as exc:
        session.rollback()
        current = row_dict(session.get(type(obj), obj.id)) if obj is not None else {}
        raise WebError(409, "conflict", str(exc), {"current": current}) from exc


def _finite(values: dict[str, Any]) -> None:
    """Numbers must be finite: ``inf``/``nan`` never reach the database (422 naming the field)."""
    for key, value in values.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise WebError(422, "invalid", f"{key}: {value!r} is not a finite number")


def _check_version(obj: m.Base, version_id: int | None) -> None:
    if version_id is not None and int(version_id) != obj.version_id:
        raise WebError(409, "conflict", f"version {version_id} was replaced by {obj.version_id}",
                       {"current": row_dict(obj)})


def _department_ids(session: Session, link: type[m.Base], column: str, row_id: int) -> set[int]:
    return set(session.scalars(select(link.department_id).where(getattr(link, column) == row_id)))


def _own_department(session: Session, who: Viewer, link: type[m.Base], column: str, row_id: int) -> None:
    """Reporters touch only rows linked to their own department."""
    if who.role == "reporter" and who.user.department_id not in _department_ids(session, link, column, row_id):
        raise WebError(403, "forbidden", "this row belongs to another department")


def _plan_region(session: Session, plan_id: int) -> str | None:
    return session.scalar(select(m.Plan.region).where(m.Plan.id == plan_id))


def _get(session: Session, model: type[m.Base], row_id: int, who: Viewer) -> Any:
    """The row when it exists and is in the user's scope (:meth:`Viewer.check`), else 404."""
    return who.check(session, session.get(model, row_id), model.__tablename__, row_id)


def update_target(session: Session, who: Viewer, target_id: int, changes: dict[str, Any],
                  version_id: int | None) -> m.Target:
    """Coordinator/admin edit of a target's fields (others' newer change → 409)."""
    who.need("coordinator")
    target = _get(session, m.Target, target_id, who)
    _check_version(target, version_id)
    unknown = sorted(set(changes) - set(TARGET_FIELDS))
    if unknown:
        raise WebError(422, "invalid", f"fields {unknown} cannot be edited; editable: {list(TARGET_FIELDS)}")
    _finite(changes)
    before = row_dict(target)
    from cocontrol.plans.model import Target as TargetModel

    merged = {k: before[k] for k in TARGET_FIELDS} | changes
    try:
        TargetModel.model_validate({k: v for k, v in merged.items() if v is not None})
    except ValueError as exc:
        raise WebError(422, "invalid", str(exc)) from exc
    for key, value in changes.items():
        setattr(target, key, value)
    record(session, who.name, "update", target, before)
    commit(session, target)
    return target


def update_task(session: Session, who: Viewer, task_id: int, progress: int | None,
                status_note: str | None, version_id: int | None) -> m.Task:
    """Progress of a task: coordinator/admin, or a reporter of a responsible department."""
    who.need("coordinator", "reporter")
    task = _get(session, m.Task, task_id, who)
    _own_department(session, who, m.TaskResponsible, "task_id", task_id)
    _check_version(task, version_id)
    if progress is not None and not 0 <= progress <= 100:
        raise WebError(422, "invalid", "progress must be between 0 and 100")
    before = row_dict(task)
    if progress is not None:
        task.progress = progress
    if status_note is not None:
        task.status_note = status_note
    record(session, who.name, "update", task, before)
    commit(session, task)
    return task


def check_upload(name: str, data: bytes, allowed: Iterable[str], limit: int) -> str:
    """An uploaded file's suffix when it is one of ``allowed`` and within ``limit`` bytes."""
    suffix = Path(name).suffix.lower()
    if suffix not in allowed:
        raise WebError(415, "invalid", f"{name}: type {suffix or '(none)'} is not accepted; "
                       f"expected one of {', '.join(allowed)}")
    if len(data) > limit:
        raise WebError(413, "too_large", f"{name} is {len(data)} bytes; the limit is {limit}")
    return suffix


def check_evidence(name: str, data: bytes, limit: int) -> str:
    """Validate an evidence file (size, suffix, content signature); returns its suffix."""
    suffix = check_upload(name, data, EVIDENCE_TYPES, limit)
    if not data:
        raise WebError(422, "invalid", "evidence file is empty")
    magics = EVIDENCE_TYPES[suffix]
    if magics and not any(data.startswith(mg.encode("latin-1")) for mg in magics):
        raise WebError(422, "invalid", f"evidence {name!r} does not look like a {suffix} file")
    if not magics:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise WebError(422, "invalid", f"evidence {name!r} is not UTF-8 text") from exc
    return suffix


def _store_evidence(folder: Path, data: bytes, suffix: str) -> tuple[Path, str]:
    digest = hashlib.sha256(data).hexdigest()
    path = folder / digest[:2] / f"{digest}{suffix}"
    if not path.exists():
        write_bytes_atomic(path, data)
    return path, digest


def create_submission(session: Session, who: Viewer, *, evidence_dir: Path, limit: int,
                      target_id: int | None, task_id: int | None, period: int,
                      value: float | None, unit: str | None, progress: int | None, note: str,
                      evidence: tuple[str, bytes] | None, judgement: str | None = None) -> m.Submission:
    """A department's report of an indicator value (or, for a qualitative target, a judgement
    完成/进展正常/存在风险/未完成) or task progress, with its evidence file.

    Validated completely before anything is written; the evidence file is content-addressed
    (sha256) so a failed commit leaves no record pointing at it and no file is overwritten.
    """
    who.need("coordinator", "reporter")
    if (target_id is None) == (task_id is None):
        raise WebError(422, "invalid", "give exactly one of target_id or task_id")
    if not 1949 <= period <= 2100:
        raise WebError(422, "invalid", f"period {period} is outside 1949–2100")
    _finite({"value": value})
    if target_id is not None:
        row = _get(session, m.Target, target_id, who)
        _own_department(session, who, m.TargetResponsible, "target_id", target_id)
        if judgement is not None and judgement not in JUDGEMENT_WORDS:
            raise WebError(422, "invalid", Texts(("完成情况应为" + "、".join(JUDGEMENT_WORDS) + "之一",
                                                  "the judgement must be one of " + ", ".join(JUDGEMENT_EN))))
        if value is None and judgement is None:
            raise WebError(422, "invalid", Texts(("指标填报需填写数值或完成情况",
                                                  "an indicator submission needs a value or a judgement")))
        if value is not None and judgement is not None:
            raise WebError(422, "invalid", Texts(("数值与完成情况请分两次填报",
                                                  "report a value and a judgement as two submissions")))
        unit = None if judgement is not None else unit or row.unit
    else:
        row = _get(session, m.Task, task_id, who)  # type: ignore[arg-type]
        _own_department(session, who, m.TaskResponsible, "task_id", task_id)  # type: ignore[arg-type]
        if progress is not None and not 0 <= progress <= 100:
            raise WebError(422, "invalid", "progress must be between 0 and 100")
    region = _plan_region(session, row.plan_id) or ""
    meta: dict[str, Any] = {}
    if evidence is not None:
        suffix = check_evidence(evidence[0], evidence[1], limit)
        path, digest = _store_evidence(evidence_dir, evidence[1], suffix)
        meta = {"evidence_path": str(path), "evidence_sha256": digest,
                "evidence_name": Path(evidence[0]).name[:200]}
    sub = m.Submission(region=region, target_id=target_id, task_id=task_id, period=period,
                       value=value, unit=unit, judgement=judgement if target_id is not None else None,
                       progress=progress, note=note, submitter=who.name,
                       label="reported", source="web", **meta)
    session.add(sub)
    if task_id is not None and progress is not None:
        before = row_dict(row)
        row.progress = progress
        record(session, who.name, "update", row, before)
    record(session, who.name, "insert", sub)
    commit(session, sub)
    return sub


def withdraw_submission(session: Session, who: Viewer, submission_id: int, version_id: int | None) -> m.Submission:
    """Withdraw (never delete) a submission: coordinator/admin, or the reporter who made it."""
    who.need("coordinator", "reporter")
    sub = _get(session, m.Submission, submission_id, who)
    if who.role == "reporter" and sub.submitter != who.name:
        raise WebError(403, "forbidden", "reporters withdraw only their own submissions")
    _check_version(sub, version_id)
    before = row_dict(sub)
    sub.withdrawn = True
    record(session, who.name, "withdraw", sub, before)
    if sub.task_id is not None and sub.progress is not None:
        _restore_task_progress(session, who, sub)
    commit(session, sub)
    return sub


def _restore_task_progress(session: Session, who: Viewer, sub: m.Submission) -> None:
    """A withdrawn progress report no longer stands on its task: the task's progress becomes that
    of its newest remaining report (0 when none is left), audited as a change of the task."""
    task = session.get(m.Task, sub.task_id)
    if task is None:
        return
    remaining = session.scalars(select(m.Submission.progress).where(
        m.Submission.task_id == task.id, m.Submission.withdrawn.is_(False), m.Submission.progress.is_not(None),
        m.Submission.id != sub.id).order_by(m.Submission.period.desc(), m.Submission.id.desc())).first()
    restored = remaining if remaining is not None else 0
    if task.progress != restored:
        before = row_dict(task)
        task.progress = restored
        record(session, who.name, "update", task, before)


def import_plan(session: Session, who: Viewer, doc: PlanDocument) -> int:
    """Store a reviewed plan (coordinator/admin); a changed plan becomes a new version."""
    who.need("coordinator")
    check_plan_owner(session, who, doc)
    pid = store_plan(session, doc, actor=who.name)
    commit(session)
    return pid


def check_plan_owner(session: Session, who: Viewer, doc: PlanDocument) -> None:
    """A plan id belongs to the region that stored it first: storing it again is allowed only
    for the same region, by a user who sees that region (403 outside the scope, 409 when the
    id is another region's); a scoped user's plan must name a region of their scope."""
    region = doc.plan.region
    if who.regions is not None and not region:
        raise WebError(422, "invalid", "the plan needs a region within your scope")
    if not who.sees(region):
        raise WebError(403, "forbidden", f"region {region} is outside your scope")
    owners = set(session.scalars(select(m.Plan.region).where(m.Plan.slug == doc.plan.id).distinct()))
    if any(not who.sees(o) for o in owners):
        raise WebError(403, "forbidden", f"plan id {doc.plan.id!r} belongs to a region outside your scope")
    if owners and owners != {region}:
        raise WebError(409, "conflict", f"plan id {doc.plan.id!r} belongs to {', '.join(sorted(map(str, owners)))}; "
                       "choose another id")


ROLES = m.ROLES


def _check_password(password: str, username: str) -> None:
    problem = password_problem(password, username)
    if problem:
        raise WebError(422, "invalid", problem)


def _check_refs(session: Session, data: dict[str, Any]) -> None:
    """Referenced department and region ids must exist (422 naming the field)."""
    for key, model in (("department_id", m.Department), ("region_id", m.Region)):
        if data.get(key) and session.get(model, data[key]) is None:
            raise WebError(422, "invalid", f"{key} {data[key]} does not exist")


def save_user(session: Session, who: Viewer, user_id: int | None, data: dict[str, Any]) -> m.User:
    """Create (``user_id`` None) or change a user: admin only."""
    who.need()
    if data.get("role") is not None and data["role"] not in ROLES:
        raise WebError(422, "invalid", f"role must be one of {list(ROLES)}")
    _check_refs(session, data)
    ended = False
    if user_id is None:
        name = (data.get("username") or "").strip()
        if not name or not data.get("password"):
            raise WebError(422, "invalid", "a new user needs a username and a password")
        if session.scalar(select(m.User).where(m.User.username == name)):
            raise WebError(409, "conflict", f"user {name!r} exists")
        _check_password(data["password"], name)
        user = m.User(username=name, password_hash=hash_password(data["password"]), role=data.get("role") or "viewer")
        session.add(user)
        before = None
    else:
        user = session.get(m.User, user_id)
        if user is None:
            raise WebError(404, "not_found", f"user {user_id} does not exist")
        _check_version(user, data.get("version_id"))
        before = row_dict(user)
        if data.get("password"):
            _check_password(data["password"], user.username)
            user.password_hash = hash_password(data["password"])
            ended = True
        if data.get("role"):
            user.role = data["role"]
        if data.get("active") is not None:
            ended = ended or (user.active and not data["active"])
            user.active = bool(data["active"])
    for key in ("department_id", "region_id"):
        if key in data:
            setattr(user, key, data[key] or None)
    record(session, who.name, "insert" if before is None else "update", user, before)
    commit(session, user)
    if ended:  # a new password or deactivation ends the user's sessions
        end_sessions(session, user.id)
        session.commit()
    return user


def save_department(session: Session, who: Viewer, dept_id: int | None, data: dict[str, Any]) -> m.Department:
    who.need()
    name = (data.get("name") or "").strip()
    _check_refs(session, data)
    if dept_id is None:
        if not name:
            raise WebError(422, "invalid", "a department needs a name")
        dept, before = m.Department(name=name, aliases=[], region_id=data.get("region_id")), None
    else:
        dept = session.get(m.Department, dept_id)
        if dept is None:
            raise WebError(404, "not_found", f"department {dept_id} does not exist")
        before = row_dict(dept)
    if name and session.scalar(select(m.Department.id).where(
            m.Department.name == name, m.Department.region_id.is_(dept.region_id)
            if dept.region_id is None else m.Department.region_id == dept.region_id,
            m.Department.id != (dept.id or 0))):
        raise WebError(409, "conflict", f"department {name!r} exists in this region")
    if dept_id is None:
        session.add(dept)
    elif name:
        dept.name = name
    if data.get("aliases") is not None:
        dept.aliases = [a.strip() for a in data["aliases"] if a.strip()]
    record(session, who.name, "insert" if before is None else "update", dept, before)
    commit(session)
    return dept


def save_region(session: Session, who: Viewer, data: dict[str, Any]) -> m.Region:
    who.need()
    name = (data.get("name") or "").strip()
    if not name:
        raise WebError(422, "invalid", "a region needs a name")
    if session.scalar(select(m.Region).where(m.Region.name == name)):
        raise WebError(409, "conflict", f"region {name!r} exists")
    parent = data.get("parent") or None
    if parent is not None and session.scalar(select(m.Region.id).where(m.Region.name == parent)) is None:
        raise WebError(422, "invalid", f"parent region {parent!r} does not exist; create it first")
    region = ensure_region(session, name, parent, data.get("level") or "district", actor=who.name)
    commit(session)
    return region
