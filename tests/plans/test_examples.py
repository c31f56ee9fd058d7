"""The reviewed seed plans shipped in examples/plans load with load_yaml and hang together."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from cocontrol.demo import seeds_dir
from cocontrol.plans.io import load_yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "plans"
SEEDS = seeds_dir()
FILES = sorted(EXAMPLES.glob("*.yaml"))


def test_there_is_one_reviewed_plan_per_seed() -> None:
    assert {p.stem for p in FILES} >= {
        "weihai-2024-pilot", "weihai-2024-beautiful", "rongcheng-2021-eco", "zibo-2024-synergy",
        "jinan-2023-carbon-peak",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_example_loads_and_is_consistent(path: Path) -> None:
    doc = load_yaml(path)
    assert doc.plan.id == path.stem
    assert doc.plan.region in {"威海市", "荣成市", "淄博市", "济南市"}
    assert doc.targets and doc.tasks
    assert all(task.responsible for task in doc.tasks), "every task needs 责任单位"
    task_ids = {task.id for task in doc.tasks}
    for t in doc.targets:
        assert t.responsible, t.id
        assert t.task is None or t.task in task_ids
        assert t.value is not None or t.qualitative
    linked = [tid for task in doc.tasks for tid in task.targets]
    assert len(linked) == len(set(linked)) and set(linked) <= {t.id for t in doc.targets}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_spans_point_into_the_seed_text(path: Path) -> None:
    doc = load_yaml(path)
    seed = SEEDS / (doc.plan.source or "")
    if not seed.is_file():
        pytest.skip(f"seed {doc.plan.source} not available")
    text = seed.read_text(encoding="utf-8")
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == doc.plan.sha256
    for t in doc.targets:
        assert t.span is not None
        covered = re.sub(r"\s+", "", text[t.span[0] : t.span[1]])
        if t.value is not None and re.match(r"[\d.]", covered):
            assert f"{t.value:g}" in covered, (t.id, covered)
