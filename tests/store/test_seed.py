from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from cocontrol.store import models as m
from cocontrol.store.db import get_engine, transaction
from cocontrol.store.plans import save_plan
from cocontrol.store.seed import ensure_admin, seed, seed_observations


def _count(s, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def test_seed_twice_changes_nothing(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("COCONTROL_EXAMPLES", str(tmp_path / "none"))
    engine = get_engine(db_url)
    for _ in range(2):
        with transaction(engine) as s:
            seed(s, admin_password="pw", hasher=lambda p: f"hashed:{p}", echo=None)
    with transaction(engine) as s:
        assert _count(s, m.User) == 1
        assert s.scalar(select(m.User.password_hash)) == "hashed:pw"
        assert set(s.scalars(select(m.Region.name))) == {"山东省", "济南市", "淄博市", "威海市", "荣成市"}


def test_generated_password_is_returned_once(db_url):
    with transaction(get_engine(db_url)) as s:
        first = ensure_admin(s, None, hasher=str.upper)
        assert first and len(first) >= 12
        assert ensure_admin(s, None, hasher=str.upper) is None


def test_observations_become_labelled_submissions_once(db_url, plan_doc):
    save_plan(plan_doc, url=db_url)
    obs = pd.DataFrame([
        {"region": "威海市", "plan": "weihai-test", "target": "T2", "indicator": "PM2.5平均浓度", "year": 2023,
         "value": 26.0, "unit": "微克/立方米", "label": "real", "source": "2023年威海市生态环境状况公报"},
        {"region": "威海市", "plan": "other-plan", "target": "T9", "indicator": "?", "year": 2023,
         "value": 1.0, "unit": "%", "label": "illustrative", "source": ""},
    ])
    with transaction(get_engine(db_url)) as s:
        assert seed_observations(s, obs) == 1  # the row of an unknown plan is skipped
    with transaction(get_engine(db_url)) as s:
        assert seed_observations(s, obs) == 0
        sub = s.scalars(select(m.Submission)).one()
        assert (sub.value, sub.label, sub.submitter, sub.period) == (26.0, "real", "seed", 2023)
