"""Fixtures shared by several test folders."""

from __future__ import annotations

import pytest

from cocontrol.store.db import dispose_engines


@pytest.fixture
def store_home(tmp_path, monkeypatch):
    """A fresh platform store (SQLite file under ``COCONTROL_HOME``) for one test."""
    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    yield tmp_path / "home"
    dispose_engines()
