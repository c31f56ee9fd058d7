"""``cocontrol sinks restoration PROJECT.xlsx --store``: stored all or nothing, audited as the
CLI, an existing project never overwritten (issue #14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from cocontrol.sinks.project import write_template


def _cli(path: Path, env: dict, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cocontrol", "sinks", "restoration", path.name,
                           "--store", *extra], cwd=path.parent, env=env, capture_output=True,
                          text=True, timeout=300)


def _edit(src: Path, dst: Path, project: dict | None = None, surveys: list[list] | None = None) -> Path:
    book = load_workbook(src)
    for row in book["项目"].iter_rows(min_row=2):
        if project and row[0].value in project:
            row[1].value = project[row[0].value]
    for values in surveys or []:
        book["监测"].append(values)
    book.save(dst)
    return dst


def _stored(store_home):
    from cocontrol.store.db import transaction
    from cocontrol.store.models import AuditLog
    from cocontrol.store.restoration import RestorationProject, RestorationSurvey

    with transaction() as s:
        projects = [(p.name, p.region, round(p.area_ha, 3)) for p in s.scalars(select(RestorationProject))]
        surveys = sorted(str(d) for d in s.scalars(select(RestorationSurvey.date)))
        audit = s.execute(select(AuditLog.actor, AuditLog.table_name, func.count())
                          .group_by(AuditLog.actor, AuditLog.table_name)).all()
    return projects, surveys, sorted(tuple(a) for a in audit)


def test_store_adds_once_and_never_overwrites(tmp_path, store_home) -> None:
    env = {**os.environ, "COCONTROL_HOME": str(store_home)}
    env.pop("COCONTROL_DATABASE_URL", None)
    first = write_template(tmp_path / "p.xlsx")
    done = _cli(first, env, "--format", "json")
    assert done.returncode == 0, done.stderr
    stored = json.loads(done.stdout)["stored"]
    assert stored["new_project"] is True and stored["surveys_added"] == 2
    # 1150 亩 ÷ 15 亩/公顷 = 76.667 ha; two surveys; three rows audited as the CLI
    assert _stored(store_home) == ([("天鹅湖鳗草海草床修复", "威海市", 76.667)],
                                   ["2024-10-15", "2025-10-15"],
                                   [("cli", "restoration_projects", 1), ("cli", "restoration_surveys", 2)])
    again = _cli(first, env)
    assert again.returncode == 0 and "已登记" in again.stdout and "未作改动" in again.stdout
    later = _edit(first, tmp_path / "later.xlsx", surveys=[["2026-10-15", 150, 60, 25, 40, 50, 220]])
    added = _cli(later, env)
    assert added.returncode == 0 and "只新增监测 1 次，已有数据未改动" in added.stdout
    before = _stored(store_home)
    # other figures for the stored project: refused whole, the new survey not stored either
    bigger = _edit(first, tmp_path / "bigger.xlsx", project={"面积": 2000},
                   surveys=[["2027-10-15", 150, 60, 25, 40, 50, 220]])
    refused = _cli(bigger, env)
    assert refused.returncode == 2 and "面积" in refused.stderr and "整表未登记" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _stored(store_home) == before


def test_store_refuses_bad_workbooks_whole(tmp_path, store_home) -> None:
    env = {**os.environ, "COCONTROL_HOME": str(store_home)}
    env.pop("COCONTROL_DATABASE_URL", None)
    first = write_template(tmp_path / "p.xlsx")
    no_city = _edit(first, tmp_path / "no_city.xlsx", project={"城市": None})
    out = _cli(no_city, env)
    assert out.returncode == 2 and "城市" in out.stderr
    over = _edit(first, tmp_path / "over.xlsx", surveys=[["2026-10-15", 150, 101, 25, 40, 50, 220]])
    out = _cli(over, env)
    assert out.returncode == 2 and ("植株成活率" in out.stderr or "shoot_survival" in out.stderr)
    assert _stored(store_home) == ([], [], [])
