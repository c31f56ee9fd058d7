"""The cache of prepared reference tables: same values as computed, never another code's."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from cocontrol.data.activity import unit_multiplier
from cocontrol.errors import UnitError
from cocontrol.inventory import bigfile, refcache
from cocontrol.inventory import factors as fx


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COCONTROL_CACHE", str(tmp_path / "cache"))


def test_references_from_cache_equal_computed():
    first = bigfile.references("AR5", None, None)  # computed, then stored
    assert list(refcache.folder().glob("references-*.pickle"))
    again = bigfile.references("AR5", None, None)  # read back
    pd.testing.assert_frame_equal(again.factors, fx.resolve(None)[0])
    pd.testing.assert_frame_equal(again.gwp, fx.gwp_table("AR5"))
    assert again.label == first.label
    assert again.factors.attrs == first.factors.attrs
    from cocontrol.inventory.gaps import factor_lookup

    assert again.lookup == factor_lookup(fx.resolve(None)[0]) and len(again.lookup) > 1000


def test_another_code_version_never_reads_the_file(monkeypatch):
    bigfile.references("AR5", None, None)
    path = refcache.path_for("references", "AR5", "None")
    path.write_bytes(pickle.dumps(("stale",)))  # what an older version might have left
    monkeypatch.setattr("cocontrol.fingerprint.code_fingerprint", lambda: "0.0.0+other")
    assert refcache.path_for("references", "AR5", "None") != path
    assert bigfile.references("AR5", None, None).label == fx.resolve(None)[2]


def test_user_factor_files_are_not_cached():
    assert refcache.cacheable(None) and refcache.cacheable("previous")
    assert not refcache.cacheable("my_factors.csv")
    assert not refcache.cacheable(pd.DataFrame())


def test_unit_memo_same_values_and_errors():
    memo = refcache.UnitMemo()
    assert memo("Raw_Coal", "万吨") == pytest.approx(1e4)  # canonical unit of coal: t
    with pytest.raises(UnitError) as computed:
        unit_multiplier("Raw_Coal", "m3")
    with pytest.raises(UnitError) as remembered:
        memo("Raw_Coal", "m3")
    assert str(remembered.value) == str(computed.value)
    memo.save()
    again = refcache.UnitMemo()  # a later run: no pint needed for these pairs
    assert again.values[("Raw_Coal", "万吨")] == pytest.approx(1e4)
    with pytest.raises(UnitError, match="does not fit"):
        again("Raw_Coal", "m3")
