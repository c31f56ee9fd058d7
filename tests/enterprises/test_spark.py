"""The same rules on PySpark (local mode) give the same findings and accounts as DuckDB."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.enterprises.intake import read_dataset
from cocontrol.enterprises.verify import verify_dataset


@pytest.mark.spark
@pytest.mark.slow
def test_spark_gives_the_duckdb_findings(demo_folder) -> None:
    pytest.importorskip("pyspark")
    data = read_dataset(demo_folder)
    duck, spark = (verify_dataset(data, engine=e) for e in ("duckdb", "spark"))
    cols = ["enterprise_id", "facility_id", "year", "rule", "message"]
    pd.testing.assert_frame_equal(duck.findings[cols], spark.findings[cols])
    pd.testing.assert_frame_equal(duck.accounts, spark.accounts, rtol=1e-9)
