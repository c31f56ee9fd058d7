"""A task's latest reported progress — one definition (:func:`cocontrol.store.platform.latest_task_progress`)
for the department workspace, the target page and the 调度表; a withdrawn report no longer stands."""

from __future__ import annotations

import re

from sqlalchemy import select

from cocontrol.store import models as m
from cocontrol.store.platform import task_progress_frame
from cocontrol.web.testing import ids


def _row(html: str, title: str) -> str:
    """The department page's task row whose title is ``title`` (its progress cell)."""
    match = re.search(rf"<td>{re.escape(title)}</td><td>(.*?)</td></tr>", html)
    assert match, title
    return match.group(1)


def test_progress_is_the_latest_report_and_withdrawing_takes_it_back(app, sessions, client_of):
    i = ids(sessions)
    with sessions() as s:
        task = s.get(m.Task, i["task_ndrc"])
        title, dept = task.title, s.scalars(select(m.TaskResponsible.department_id)
                                           .where(m.TaskResponsible.task_id == task.id)).first()
    admin, reporter = client_of("admin"), client_of("reporter_ndrc")

    def cell() -> str:
        return _row(admin.get(f"/department?id={dept}&lang=zh").text, title)

    def frame_row() -> dict | None:
        with sessions() as s:
            rows = task_progress_frame(s)
        part = rows[rows["task"] == "一.1"].to_dict("records")
        return part[0] if part else None

    assert "未报送" in cell() and "<progress" not in cell() and frame_row() is None  # nothing reported: not 0%
    first = reporter.post("/api/submissions", data={"task_id": i["task_ndrc"], "period": 2024, "progress": 40})
    second = reporter.post("/api/submissions", data={"task_id": i["task_ndrc"], "period": 2025, "progress": 60})
    assert first.status_code == second.status_code == 201
    assert "60%（2025年）" in cell() and (frame_row()["progress"], frame_row()["year"]) == (60, 2025)
    with sessions() as s:
        linked = s.scalars(select(m.TargetTask.target_id).where(m.TargetTask.task_id == i["task_ndrc"])).first()
    if linked is not None:  # the target page lists its tasks with the same figure
        assert f"{title}</span> · 60%（2025年）" in admin.get(f"/targets/{linked}?lang=zh").text

    assert reporter.post(f"/api/submissions/{second.json()['id']}/withdraw", json={}).status_code == 200
    assert "40%（2024年）" in cell() and (frame_row()["progress"], frame_row()["year"]) == (40, 2024)
    with sessions() as s:
        assert s.get(m.Task, i["task_ndrc"]).progress == 40  # the task's own record follows, audited
        assert s.scalars(select(m.AuditLog).where(m.AuditLog.table_name == "tasks",
                                                  m.AuditLog.action == "update")).all()
    assert reporter.post(f"/api/submissions/{first.json()['id']}/withdraw", json={}).status_code == 200
    assert "未报送" in cell() and frame_row() is None
    assert "not reported" in admin.get(f"/department?id={dept}&lang=en").text
