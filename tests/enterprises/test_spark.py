"""The same rules on PySpark (local mode) give the same findings (with their evidence) and
accounts as DuckDB, for every rule: the demo plants a problem for each of them."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.enterprises.intake import read_dataset
from cocontrol.enterprises.rules import RULES
from cocontrol.enterprises.verify import verify_dataset


@pytest.mark.spark
@pytest.mark.slow
def test_spark_gives_the_duckdb_findings(demo_folder) -> None:
    pytest.importorskip("pyspark")
    data = read_dataset(demo_folder)
    duck, spark = (verify_dataset(data, engine=e) for e in ("duckdb", "spark"))
    # the demo plants a problem for every rule — the registry, operation-sheet and
    # stack-month rules included — so every rule's findings are compared
    assert set(duck.findings["rule"]) == set(RULES)
    cols = ["enterprise_id", "facility_id", "year", "rule", "severity", "message"]
    pd.testing.assert_frame_equal(duck.findings[cols], spark.findings[cols])
    for a, b in zip(duck.findings["evidence"], spark.findings["evidence"], strict=True):
        assert a.keys() == b.keys()
        for key in a:
            floats = a[key] if isinstance(a[key], list) else [a[key]]
            if floats and all(isinstance(v, float) for v in floats):
                assert b[key] == pytest.approx(a[key], rel=1e-9, abs=1e-9), key
            else:
                assert b[key] == a[key], key
    pd.testing.assert_frame_equal(duck.accounts, spark.accounts, rtol=1e-9)
