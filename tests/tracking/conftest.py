"""Small hand-made plans for the tracking tests (targets quoted from the seed plans)."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.plans.model import PlanDocument
from cocontrol.tracking import targets_frame


def make_plan(targets: list[dict], tasks: list[dict] | None = None, region: str = "威海市") -> PlanDocument:
    return PlanDocument.model_validate(
        {"plan": {"id": "p", "title": "测试方案", "region": region, "horizon": (2024, 2026)},
         "targets": targets, "tasks": tasks or []})


def obs_frame(rows: list[tuple]) -> pd.DataFrame:
    """Rows (target, year, value, unit) as a raw observation table."""
    return pd.DataFrame(rows, columns=["target", "year", "value", "unit"])


@pytest.fixture
def frame_of():
    return lambda targets, **kw: targets_frame(make_plan(targets, **kw))
