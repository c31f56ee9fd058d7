"""Restoration projects in the store: round trip, append-only surveys, seeding the 威海 demo."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select

from cocontrol.errors import InputError
from cocontrol.sinks.project import read_stored, write_template
from cocontrol.store import models as m
from cocontrol.store.db import get_engine, transaction
from cocontrol.store.restoration import (
    RestorationSurvey,
    seed_restoration,
    store_project,
    stored_projects,
)


def test_round_trip_and_append_only(db_url, tmp_path) -> None:
    sp = read_stored(write_template(tmp_path / "p.xlsx"))
    engine = get_engine(db_url)
    with transaction(engine) as s:
        _, added = store_project(s, sp, actor="tester")
    assert added == 2
    with transaction(engine) as s:
        [back] = stored_projects(s)
        assert back.region == "威海市" and back.label == "illustrative"
        assert back.project.area_ha == pytest.approx(1150 / 15)
        assert back.project.shoot_threshold == 0.45 and back.project.seedling_threshold == 0.30
        assert back.project.end == pd.Timestamp("2024-06-30")
        assert list(back.surveys["shoot_survival"]) == pytest.approx([0.52, 0.449])
        assert stored_projects(s, {"淄博市"}) == []
    changed = read_stored(write_template(tmp_path / "q.xlsx"))
    changed.surveys.loc[changed.surveys.index[0], "cover"] = 0.9
    with pytest.raises(InputError, match="another value"), transaction(engine) as s:
        store_project(s, changed, actor="tester")
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(RestorationSurvey)) == 2
        actors = set(s.scalars(select(m.AuditLog.actor).where(
            m.AuditLog.table_name.like("restoration%"))))
        assert actors == {"tester"}


def test_seed_stores_the_weihai_demo_once(db_url, monkeypatch, tmp_path) -> None:
    examples = tmp_path / "examples"
    (examples / "restoration").mkdir(parents=True)
    write_template(examples / "restoration" / "weihai.xlsx")
    monkeypatch.setenv("COCONTROL_EXAMPLES", str(examples))
    engine = get_engine(db_url)
    with transaction(engine) as s:
        assert seed_restoration(s) == 2
    with transaction(engine) as s:
        assert seed_restoration(s) == 0
        [sp] = stored_projects(s)
    assert sp.project.name == "天鹅湖鳗草海草床修复" and sp.label == "illustrative"
    assert "威政字〔2024〕52号" in sp.note


def test_shipped_demo_workbook_is_the_template() -> None:
    shipped = Path(__file__).resolve().parents[2] / "examples" / "restoration" / "weihai.xlsx"
    sp = read_stored(shipped)
    assert sp.project.shoots_planted == 23_000_000 and sp.project.seeds_sown == 30_000_000
    assert sp.label == "illustrative"
