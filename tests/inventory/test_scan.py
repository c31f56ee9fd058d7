"""Parquet activity checked and computed inside the engine (``compute_parquet``)."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.errors import ValidationFailed
from cocontrol.inventory import compute
from cocontrol.inventory.scan import compute_parquet
from cocontrol.testing import assert_inventory_equal, sample_city


def _canonical(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.assign(month=pd.array([None] * len(frame), dtype="Int64"),
                       facility=[f"f{i}" for i in range(len(frame))])
    return out.astype({"year": "int64", "value": "float64"})


def test_same_result_as_compute(tmp_path) -> None:
    city = sample_city()
    city.loc[0, "fuel"] = "原煤"  # Chinese names are resolved in the engine too
    city.loc[1, "sector"] = "黑色金属冶炼及压延加工业"
    path = tmp_path / "a.parquet"
    _canonical(city).to_parquet(path)
    assert_inventory_equal(compute_parquet(path), compute(sample_city()), rtol=1e-12)


def test_bad_values_are_reported_by_value(tmp_path) -> None:
    city = _canonical(sample_city())
    city.loc[0, "fuel"] = "原媒"
    city.loc[1, "value"] = -1.0
    city.loc[2, "value"] = float("nan")
    city.loc[3, "unit"] = "万吨"  # natural gas in 万吨: mismatch
    city.loc[4, "facility"] = city.loc[5, "facility"] = "dup"
    city.loc[4, ["sector", "fuel", "unit", "value"]] = city.loc[5, ["sector", "fuel", "unit",
                                                                    "value"]].to_numpy()
    path = tmp_path / "bad.parquet"
    city.to_parquet(path)
    with pytest.raises(ValidationFailed) as err:
        compute_parquet(path)
    text = str(err.value)
    for needle in ("did you mean 原煤", "negative value", "missing value", "unit mismatch",
                   "duplicate key"):
        assert needle in text


def test_cli_uses_the_engine_path_for_canonical_parquet(tmp_path) -> None:
    import subprocess
    import sys

    _canonical(sample_city()).to_parquet(tmp_path / "big.parquet")
    done = subprocess.run([sys.executable, "-m", "cocontrol", "inventory", "compute",
                           "big.parquet", "-o", "out.csv"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(tmp_path / "out.csv")
    assert_inventory_equal(out, compute(sample_city()), rtol=1e-9)
