"""A fresh platform store shows the demo story (issue 9, item 5): the demo observations,
most of which name their target by indicator text as a department's report does, reach at
least 80 % of each seed city's stored targets as submissions labelled illustrative."""

import importlib
import pkgutil

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

import cocontrol.store
from cocontrol.store import models as m
from cocontrol.store.platform import seed_if_empty


def test_seeded_submissions_cover_most_targets_of_every_city() -> None:
    for mod in pkgutil.iter_modules(cocontrol.store.__path__):
        if mod.name != "migrations":
            importlib.import_module(f"cocontrol.store.{mod.name}")
    engine = create_engine("sqlite://")
    m.Base.metadata.create_all(engine)
    with Session(engine) as s:
        assert seed_if_empty(s)
        s.flush()
        covered = dict(s.execute(
            select(m.Plan.region, func.count(func.distinct(m.Submission.target_id)))
            .join(m.Target, m.Target.id == m.Submission.target_id)
            .join(m.Plan, m.Plan.id == m.Target.plan_id).group_by(m.Plan.region)).all())
        total = dict(s.execute(
            select(m.Plan.region, func.count(m.Target.id))
            .join(m.Target, m.Target.plan_id == m.Plan.id).group_by(m.Plan.region)).all())
        labels = set(s.scalars(select(m.Submission.label).where(m.Submission.submitter == "seed")))
        units = set(s.scalars(select(m.Submission.unit).where(m.Submission.submitter == "seed")))
    assert set(total) == {"济南市", "淄博市", "威海市", "荣成市"}
    for city, n in total.items():
        assert covered.get(city, 0) / n >= 0.8, (city, covered.get(city, 0), n)
    assert labels == {"illustrative"}
    assert "nan" not in units  # a blank unit cell takes the target's unit, never the text nan
