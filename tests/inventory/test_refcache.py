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
    expanded = fx.resolve(None)[0]
    assert again.factors.equals(bigfile._arrow(expanded, bigfile.FACTOR_COLUMNS))
    import pyarrow.parquet as pq

    assert pq.read_table(again.factors_file).equals(again.factors)  # what the engine reads
    gwp = fx.gwp_table("AR5")
    assert again.gwp == list(zip(gwp["species"], gwp["gwp"], strict=True))
    assert again.label == first.label == fx.resolve(None)[2]
    from cocontrol.data import names
    from cocontrol.inventory.gaps import combustion_fuels, factor_lookup

    assert again.lookup == factor_lookup(expanded) and len(again.lookup) > 1000
    assert again.fuels == combustion_fuels()
    stored = refcache.cached("references", ("AR5", "None"), lambda: None, libs=("pyarrow",))
    given = dict(names._GIVEN)
    names._GIVEN.clear()  # the vocabularies built from the reference tables again
    try:
        fresh = names.sectors.__wrapped__(), names.fuels.__wrapped__()
    finally:
        names._GIVEN.update(given)
    assert stored[-2:] == fresh and len(fresh[0].lookup) > 47


def _activity(path, rows: int = 300) -> None:
    """A facility file of ``rows`` rows (Parquet) without technologies, controls or grid."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({
        "region": ["济南市"] * rows, "year": [2020 + i % 3 for i in range(rows)],
        "sector": ["Nonmetal Mineral Products"] * rows,
        "fuel": ["Raw_Coal" if i % 2 else "Diesel_Oil" for i in range(rows)],
        "facility": [f"F{i:05d}" for i in range(rows)],
        "value": [1.5 + i for i in range(rows)], "unit": ["t"] * rows}), path)


def test_the_engine_path_runs_without_pandas(tmp_path):
    """With the cache filled, the command's path for a file without technologies, controls,
    electricity or heat neither imports pandas (~0.3 s of CPU) nor needs it."""
    import os
    import subprocess
    import sys

    import pyarrow as pa
    import pyarrow.parquet as pq

    _activity(tmp_path / "a.parquet")
    script = (
        "import sys\n"
        "from cocontrol.inventory import bigfile\n"
        f"r = bigfile.run({str(tmp_path / 'a.parquet')!r}, output={str(tmp_path / 'o.parquet')!r})\n"
        "print(r.rows, 'pandas' in sys.modules)\n")
    env = {**os.environ, "COCONTROL_CACHE": str(refcache.folder())}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, check=True)  # fills the cache (with pandas)
    again = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, check=True)
    assert first.stdout.split()[0] == again.stdout.split()[0] != "0"
    assert again.stdout.split()[1] == "False", again.stdout
    assert pq.read_table(tmp_path / "o.parquet").num_rows == int(again.stdout.split()[0])


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


def test_an_unwritable_cache_gives_the_same_tables(tmp_path, monkeypatch):
    """A home that cannot be written: nothing stored, the factor table handed to the engine
    as it is (no Parquet file), the same references."""
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("COCONTROL_CACHE", str(blocked / "cache"))
    refs = bigfile.references("AR5", None, None)
    assert refs.factors_file is None
    assert refs.factors.equals(bigfile._arrow(fx.resolve(None)[0], bigfile.FACTOR_COLUMNS))
    _activity(tmp_path / "a.parquet")
    unwritable = bigfile.run(tmp_path / "a.parquet")
    monkeypatch.setenv("COCONTROL_CACHE", str(tmp_path / "cache"))
    bigfile.run(tmp_path / "a.parquet")  # fills the cache
    cached = bigfile.run(tmp_path / "a.parquet")  # the factor file read by the engine
    assert unwritable.table.equals(cached.table) and cached.table.num_rows > 0
