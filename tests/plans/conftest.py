"""Fixtures for the plan tests: the five seed plans (read as decoded text)."""

from __future__ import annotations

import pytest

from cocontrol.demo import seeds_dir

SEEDS = seeds_dir()


def seed_text(name: str) -> str:
    """Decoded text of a seed plan, e.g. ``seed_text("000_622501f90e077414.txt")``."""
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed plan {name} not available at {SEEDS}")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def seed() -> object:
    """The :func:`seed_text` reader as a fixture (tests/plans is not a package)."""
    return seed_text
