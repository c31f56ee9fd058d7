"""Small helpers shared by the web tests."""

from __future__ import annotations

from sqlalchemy import func, select

from cocontrol.store import models as m

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def ids(sessions) -> dict[str, int]:
    """Row ids of the sample plan's targets and tasks and of a few records."""
    with sessions() as s:
        t = dict(s.execute(select(m.Target.key, m.Target.id)).all())
        k = dict(s.execute(select(m.Task.key, m.Task.id)).all())
        d = dict(s.execute(select(m.Department.name, m.Department.id)).all())
        u = dict(s.execute(select(m.User.username, m.User.id)).all())
    return {"T1": t["T1"], "T2": t["T2"], "task_env": k["二.1"], "task_ndrc": k["一.1"],
            "dept_env": d["市生态环境局"], "user_viewer": u["viewer"]}


def audit_count(sessions) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(m.AuditLog))


def submission_count(sessions) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(m.Submission))
