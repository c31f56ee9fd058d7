"""Services of the enterprise co-verification workflow: submissions (row-level errors,
all-or-nothing), the verification run over every enterprise's latest data, the bureau's queue
transitions (assign, confirm, dismiss with a reason, request evidence, reopen with a reason:
only those that make sense in the finding's status), each change audited.

The computation is :func:`cocontrol.enterprises.verify.verify`; this module only stores and
moves records.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from cocontrol.enterprises.schema import SHEETS
from cocontrol.errors import Problem, ValidationFailed
from cocontrol.files import write_bytes_atomic
from cocontrol.store.audit import record, row_dict
from cocontrol.store.enterprise_seed import merged_sheets, store_verification
from cocontrol.store.enterprises import (
    EnterpriseMember,
    EnterpriseSubmission,
    VerificationFinding,
)
from cocontrol.web.deps import Viewer, WebError

BUREAU = ("admin", "coordinator", "analyst")
"""Roles that run verification and work the queue; ``viewer`` reads; ``enterprise`` its own."""
ACTIONS = {"assign": "assigned", "confirm": "confirmed", "dismiss": "dismissed",
           "request_evidence": "evidence_requested", "reopen": "open"}
"""Each action and the status it leads to."""
ALLOWED: dict[str, tuple[str, ...]] = {
    "open": ("assign", "confirm", "dismiss", "request_evidence"),
    "assigned": ("assign", "confirm", "dismiss", "request_evidence"),
    "evidence_requested": ("assign", "confirm", "dismiss"),
    "confirmed": ("reopen",),
    "dismissed": ("reopen",),
}
"""The workflow: the actions that make sense in each status. An open or assigned finding is
assigned (taken over), confirmed, dismissed with a reason or sent back to the enterprise for
evidence; one waiting for evidence is assigned, confirmed or dismissed once it arrives (or does
not); a confirmed or dismissed finding is closed and only reopened, with a reason."""
NEEDS_REASON = frozenset({"dismiss", "request_evidence", "reopen"})
STATUS_ZH = {"open": "待处理", "assigned": "已分派", "confirmed": "已确认", "dismissed": "已排除",
             "evidence_requested": "已要求补充证据"}
ACTION_ZH = {"assign": "分派", "confirm": "确认", "dismiss": "排除",
             "request_evidence": "要求补充证据", "reopen": "重新打开"}


def allowed(status: str) -> tuple[str, ...]:
    """The actions the workflow allows on a finding in ``status`` (none for an unknown one)."""
    return ALLOWED.get(status, ())


def own_code(session: Session, who: Viewer) -> str | None:
    """The enterprise code of an ``enterprise`` user (None for every other role)."""
    if who.role != "enterprise":
        return None
    code = session.scalar(select(EnterpriseMember.enterprise_code)
                          .where(EnterpriseMember.user_id == who.user.id))
    if code is None:
        raise WebError(403, "forbidden", "enterprise user without an enterprise")
    return code


def bind_member(session: Session, who: Viewer, username: str, code: str) -> EnterpriseMember:
    """Admin: let the ``enterprise`` user ``username`` see and submit enterprise ``code``."""
    from cocontrol.store import models as m

    if who.role != "admin":
        raise WebError(403, "forbidden", "only the administrator binds enterprise users")
    user = session.scalar(select(m.User).where(m.User.username == username))
    if user is None or user.role != "enterprise":
        raise WebError(422, "invalid", f"{username!r} is not a user of role 'enterprise'")
    code = code.strip()
    if not code:
        raise WebError(422, "invalid", "enterprise_id is required")
    member = session.scalar(select(EnterpriseMember).where(EnterpriseMember.user_id == user.id))
    before = row_dict(member) if member is not None else None
    if member is None:
        member = EnterpriseMember(user_id=user.id, enterprise_code=code)
        session.add(member)
    member.enterprise_code = code
    record(session, who.name, "update" if before else "insert", member, before)
    session.commit()
    return member


def may_see(session: Session, who: Viewer, code: str) -> None:
    mine = own_code(session, who)
    if who.role == "enterprise" and mine != code:
        raise WebError(403, "forbidden", "an enterprise sees only its own data")
    if who.role not in (*BUREAU, "viewer", "enterprise"):
        raise WebError(403, "forbidden", f"role {who.role!r} may not see enterprise data")


def submit(session: Session, home: Path, who: Viewer, code: str, filename: str,
           data: bytes) -> EnterpriseSubmission:
    """Validate an uploaded workbook of enterprise ``code`` (every problem with sheet, row and
    column; every row must belong to ``code``) and store it; raises ValidationFailed."""
    from cocontrol.enterprises.intake import read_dataset

    if who.role not in ("enterprise", "admin", "coordinator"):
        raise WebError(403, "forbidden", "only the enterprise or the bureau submits data")
    if who.role == "enterprise":
        may_see(session, who, code)
    if not filename.lower().endswith(".xlsx"):
        raise ValidationFailed([Problem("unsupported file", file=filename, expected=".xlsx")])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload.xlsx"
        path.write_bytes(data)
        problems = []
        try:
            read_dataset(path)
        except ValidationFailed as exc:
            problems += [_rename(p, filename) for p in exc.problems]
        rows = {}
        book = pd.ExcelFile(path, engine="calamine")  # read_dataset has opened it already
        for name in SHEETS:
            if name in book.sheet_names:
                frame = pd.read_excel(book, sheet_name=name, dtype=object).dropna(how="all")
                rows[name] = len(frame)
                for i, value in frame.get("enterprise_id", pd.Series(dtype=object)).items():
                    if str(value).strip() != code:
                        problems.append(Problem("row of another enterprise", file=filename,
                                                sheet=name, row=int(i) + 2,
                                                column="enterprise_id", expected=code,
                                                found=str(value)))
        if problems:
            problems.sort(key=lambda p: (p.sheet or "", p.row or 0, p.column or ""))
            raise ValidationFailed(problems, "submission rejected, nothing was stored")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    folder = home / "enterprises" / code / stamp
    write_bytes_atomic(folder / "data.xlsx", data)
    for old in session.scalars(select(EnterpriseSubmission).where(
            EnterpriseSubmission.enterprise_code == code,
            EnterpriseSubmission.superseded.is_(False))):
        before = row_dict(old)
        old.superseded = True
        record(session, who.name, "update", old, before)
    item = EnterpriseSubmission(enterprise_code=code, submitted_by=who.name, filename=filename,
                                folder=str(folder), rows=rows)
    session.add(item)
    record(session, who.name, "insert", item)
    session.commit()
    return item


def _rename(problem: Problem, filename: str) -> Problem:
    return Problem(problem.message, file=filename, sheet=problem.sheet, row=problem.row,
                   column=problem.column, expected=problem.expected, found=problem.found)


def run_verification(session: Session, who: Viewer) -> dict[str, int]:
    """Verify the latest submission of every enterprise together (the cross-enterprise rules
    need all of them); store the accounts and add new findings to the queue as ``open``
    (findings already queued keep their status)."""
    from cocontrol.enterprises.verify import verify

    if who.role not in ("admin", "coordinator"):
        raise WebError(403, "forbidden", "only the bureau runs verification")
    latest = session.scalars(select(EnterpriseSubmission).where(
        EnterpriseSubmission.superseded.is_(False))).all()
    if not latest:
        raise WebError(422, "invalid", "尚无企业提交数据 / no enterprise has submitted data")
    with tempfile.TemporaryDirectory() as tmp:
        result = verify(merged_sheets([Path(sub.folder) for sub in latest], Path(tmp)))
    counts = store_verification(session, who.name, result)
    session.commit()
    return counts


def act(session: Session, who: Viewer, finding_id: int, action: str, reason: str | None,
        assignee: str | None = None, version: int | None = None) -> VerificationFinding:
    """One queue transition, audited. Only the transitions of :data:`ALLOWED` are possible
    (anything else, e.g. confirming a dismissed finding, is refused with 409 and changes and
    audits nothing); dismissing and reopening need a reason, requesting evidence says what
    evidence; a stale ``version`` (someone else acted first) is refused with 409."""
    if who.role not in BUREAU:
        raise WebError(403, "forbidden", "only the bureau works the verification queue")
    if action not in ACTIONS:
        raise WebError(422, "invalid", f"action must be one of {', '.join(ACTIONS)}")
    item = session.get(VerificationFinding, finding_id)
    if item is None:
        raise WebError(404, "not_found", f"finding {finding_id}")
    if version is not None and version != item.version_id:
        raise WebError(409, "conflict", "该发现已被他人处理，请刷新 / changed by someone else")
    if action not in allowed(item.status):
        raise WebError(409, "conflict",
                       f"该发现当前状态为“{STATUS_ZH.get(item.status, item.status)}”，不能"
                       f"{ACTION_ZH[action]} / cannot {action.replace('_', ' ')} a finding that "
                       f"is {item.status.replace('_', ' ')}")
    reason = (reason or "").strip() or None
    if action in NEEDS_REASON and not reason:
        raise WebError(422, "invalid",
                       "排除、要求补充证据或重新打开须说明理由 / a reason is required")
    new_assignee = (assignee or "").strip() or who.name
    if action == "assign" and item.status == "assigned" and item.assignee == new_assignee:
        raise WebError(409, "conflict", f"该发现已分派给{new_assignee} / already assigned to "
                                        f"{new_assignee}")
    before = row_dict(item)
    item.status = ACTIONS[action]
    if action == "assign":
        item.assignee = new_assignee
    if reason:
        item.reason = reason
    record(session, who.name, "update", item, before)
    session.commit()
    return item
