from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cocontrol.store import models as m
from cocontrol.store.db import get_engine, transaction
from cocontrol.store.plans import load_document, save_plan


def test_default_engine_is_sqlite_under_home(tmp_path, monkeypatch):
    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path / "h"))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    engine = get_engine()
    assert engine.url.database == str(tmp_path / "h" / "cocontrol.db")
    from pathlib import Path

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    import cocontrol.store.db as store_db

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(store_db.__file__).parent / "migrations"))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select version_num from alembic_version").scalar() == head


def test_save_plan_round_trip(db_url, plan_doc):
    pid = save_plan(plan_doc, url=db_url)
    with transaction(get_engine(db_url)) as s:
        assert load_document(s, pid) == plan_doc
        assert s.scalar(select(func.count()).select_from(m.Target)) == 2
        assert s.scalar(select(func.count()).select_from(m.TargetTask)) == 2
        names = set(s.scalars(select(m.Department.name)))
        assert names == {"市发展改革委", "市生态环境局", "市工业和信息化局"}
        region = s.scalar(select(m.Region).where(m.Region.name == "威海市"))
        assert region.parent.name == "山东省"
        audit = s.scalars(select(m.AuditLog)).all()
        # the regions (威海市 and its province) and the three departments the plan created are
        # audited too, before the plan itself
        assert [(a.action, a.table_name) for a in audit] == [
            ("insert", "regions"), ("insert", "regions"), *[("insert", "departments")] * 3, ("insert", "plans")]
        assert {a.after["name"] for a in audit if a.table_name == "regions"} == {"威海市", "山东省"}
        assert {a.after["name"] for a in audit if a.table_name == "departments"} == names
        assert audit[-1].row_id == pid and audit[-1].after["slug"] == "weihai-test"


def test_same_content_is_not_stored_twice(db_url, plan_doc):
    assert save_plan(plan_doc, url=db_url) == save_plan(plan_doc, url=db_url)


def test_changed_content_is_a_new_version(db_url, plan_doc):
    first = save_plan(plan_doc, url=db_url)
    changed = plan_doc.model_copy(deep=True)
    changed.targets[1].value = 20
    second = save_plan(changed, url=db_url)
    assert second != first
    with transaction(get_engine(db_url)) as s:
        rows = s.execute(select(m.Plan.id, m.Plan.version).order_by(m.Plan.version)).all()
        assert rows == [(first, 1), (second, 2)]
        assert load_document(s, first).targets[1].value == 22  # the old version is untouched
        assert load_document(s, second).targets[1].value == 20


def test_save_plan_is_all_or_nothing(db_url, plan_doc, monkeypatch):
    """A failure after the plan, tasks and targets were flushed leaves nothing behind."""
    import cocontrol.store.plans as plans

    def fail(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(plans, "record", fail)
    with pytest.raises(RuntimeError):
        save_plan(plan_doc, url=db_url)
    with transaction(get_engine(db_url)) as s:
        for table in (m.Plan, m.Target, m.Task, m.Region, m.Department, m.TargetTask):
            assert s.scalar(select(func.count()).select_from(table)) == 0


def test_repeated_statements_survive_the_store(db_url, plan_doc):
    """A target stated twice keeps the other statement's quote and span (issue 10)."""
    doc = plan_doc.model_copy(deep=True)
    doc.targets[0].quotes = ["到2025年，单位GDP能耗下降14%。"]
    doc.targets[0].spans = [(1200, 1216)]
    pid = save_plan(doc, url=db_url)
    with transaction(get_engine(db_url)) as s:
        back = load_document(s, pid)
    assert back.targets[0].quotes == ["到2025年，单位GDP能耗下降14%。"]
    assert back.targets[0].spans == [(1200, 1216)]
    assert back == doc
