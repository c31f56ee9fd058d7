"""DuckDB and PySpark give the same inventory (1e-9 relative) on the same Parquet inputs."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from cocontrol.inventory import expressions as ex
from cocontrol.inventory.core import _arrow, prepare
from cocontrol.inventory.engines import execute
from cocontrol.testing import assert_inventory_equal, sample_city

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def parquet_inputs(tmp_path_factory) -> dict[str, str]:
    pytest.importorskip("pyspark", reason="pyspark is not installed")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (needed by Spark)")
    import pyarrow.parquet as pq

    from cocontrol.data.activity import check_activity

    act = check_activity(sample_city())
    act["value"] = act["value"].astype("float64")
    act.loc[act.index[0], "value"] = float("nan")  # NaN must become NULL on both engines
    controls = pd.DataFrame([("样例市", 2020, "Production and Supply of Electric Power, Steam "
                              "and Hot Water", "Raw_Coal", "scr", 0.7)],
                            columns=["region", "year", "sector", "fuel", "technology",
                                     "penetration"])
    folder = tmp_path_factory.mktemp("parquet")
    paths = {}
    for name, table in _arrow(prepare(act, controls, None)).items():
        paths[name] = str(folder / f"{name}.parquet")
        pq.write_table(table, paths[name])
    return paths


def test_duckdb_and_spark_agree(parquet_inputs) -> None:
    t = ex.tables()
    exprs = {"inventory": ex.inventory(**t), "detail": ex.emission_rows(**t)}
    duck = execute(exprs, parquet_inputs, engine="duckdb")
    spark = execute(exprs, parquet_inputs, engine="spark")
    assert len(duck["inventory"]) > 50
    assert_inventory_equal(duck["inventory"], spark["inventory"], rtol=1e-9)
    # the NULL activity row (2020 coal power) gives NULL — the SQL sum of NULLs — not NaN
    # arithmetic, on both engines; every other group has a number
    for res in (duck, spark):
        first = res["detail"][res["detail"]["row_id"] == 2]["value"]
        assert len(first) and first.isna().all()
        inv = res["inventory"]
        null_group = (inv["year"] == 2020) & (inv["fuel"] == "Raw_Coal")
        assert inv.loc[null_group, "value"].isna().all()
        assert inv.loc[~null_group, "value"].notna().all()


def test_compute_engine_spark_equals_duckdb(parquet_inputs) -> None:
    """``compute(..., engine="spark")`` (the ``--engine spark`` path, from pandas input)."""
    from cocontrol.inventory import compute

    controls = pd.DataFrame([("样例市", 2021, "Nonmetal Mineral Products", "cement_clinker",
                              "sncr", 0.5)],
                            columns=["region", "year", "sector", "fuel", "technology",
                                     "penetration"])
    duck = compute(sample_city(), controls=controls, engine="duckdb")
    spark = compute(sample_city(), controls=controls, engine="spark")
    assert_inventory_equal(duck, spark, rtol=1e-9)


def test_single_session_run_matches_one_expression(parquet_inputs) -> None:
    """``run_inventory`` (stage 1 kept in the engine as ``agg``: a DuckDB temp table, a cached
    Spark view) gives the one-expression inventory on both engines, 1e-9 relative; the
    2020 coal power group, whose activity has a NULL row, stays NULL; no key lacks a factor."""
    from cocontrol.inventory.core import run_inventory

    t = ex.tables()
    whole = execute({"inv": ex.inventory(**t)}, parquet_inputs, engine="duckdb")["inv"]
    for engine in ("duckdb", "spark"):
        inv, missing = run_inventory(parquet_inputs, engine=engine)
        assert len(missing) == 0
        assert_inventory_equal(inv, whole, rtol=1e-9)
        null_group = (inv["year"] == 2020) & (inv["fuel"] == "Raw_Coal")
        assert null_group.any() and inv.loc[null_group, "value"].isna().all()


def test_session_keeps_intermediate_tables_to_itself(parquet_inputs) -> None:
    """A materialised table lives in its session only: the next session has no ``agg``."""
    from cocontrol.inventory.engines import session

    t = ex.tables()
    agg = ex.aggregate_activity(t["activity"], t["units"])
    count = agg.aggregate(n=agg.count())
    for engine in ("duckdb", "spark"):
        with session(parquet_inputs, engine=engine) as ses:
            ses.materialize("agg", agg)
            assert ses.columns("agg") == list(agg.columns)
            total = ses.run({"n": ex.agg_table().aggregate(n=ex.agg_table().count())})["n"]
            assert int(total["n"].iloc[0]) == int(ses.run({"n": count})["n"]["n"].iloc[0]) > 0
        with session({}, engine=engine) as ses, pytest.raises(Exception):  # noqa: B017
            ses.run({"n": ex.agg_table().aggregate(n=ex.agg_table().count())})
