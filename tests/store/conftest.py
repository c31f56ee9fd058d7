from __future__ import annotations

import pytest

from cocontrol.plans.model import PlanDocument
from cocontrol.store.sample import sample_plan


@pytest.fixture
def plan_doc() -> PlanDocument:
    return sample_plan()


@pytest.fixture
def db_url(tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    return f"sqlite:///{tmp_path / 'test.db'}"
