"""Parquet activity checked and computed inside the engine (``compute_parquet``)."""

from __future__ import annotations

import shutil

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
    steps: list[str] = []
    assert_inventory_equal(compute_parquet(path, progress=steps.append), compute(sample_city()),
                           rtol=1e-12)
    assert [s.split()[0] for s in steps] == ["扫描并校验", "核算"]  # the CLI's progress bar steps


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


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def test_duplicate_keys_found_on_both_engines(tmp_path, engine) -> None:
    """Two facilities sharing a key (same region, year, sector, fuel, facility) are refused by
    key on DuckDB (64-bit hash) and on Spark (32-bit hash), with their row count."""
    if engine == "spark":
        pytest.importorskip("pyspark", reason="pyspark is not installed")
        if shutil.which("java") is None:
            pytest.skip("Java is not installed (needed by Spark)")
    city = _canonical(sample_city())
    key = ["region", "year", "sector", "fuel", "unit", "facility"]
    city.loc[7, key] = city.loc[3, key].to_numpy()
    path = tmp_path / "dup.parquet"
    city.to_parquet(path)
    with pytest.raises(ValidationFailed) as err:
        compute_parquet(path, engine=engine)
    (problem,) = err.value.problems
    assert problem.message == "duplicate key (2 rows)" and city.loc[3, "facility"] in problem.found


def test_exact_check_drops_hash_collisions(tmp_path) -> None:
    """The exact step keeps only keys really given twice, whatever the candidates: with every
    row's hash a candidate (as if all hashes collided), only the one true duplicate is left."""
    import ibis

    from cocontrol.inventory import expressions as ex
    from cocontrol.inventory.engines import session, to_arrow
    from cocontrol.inventory.scan import activity_columns, activity_table

    city = _canonical(sample_city())
    city.loc[9, "facility"] = city.loc[8, "facility"]
    city.loc[9, ["sector", "fuel"]] = city.loc[8, ["sector", "fuel"]].to_numpy()
    city.loc[9, "year"] = city.loc[8, "year"]
    path = tmp_path / "a.parquet"
    city.to_parquet(path)
    act = activity_table(*activity_columns(path))
    with session({"raw": str(path)}) as ses:
        every = ses.run({"h": act.select(h=ex._key_hash(act)).distinct()})["h"]
        assert len(every) == len(city) - 1  # the duplicate shares its hash
        ses.register("repeated", to_arrow(every, ex.HASHES_SCHEMA))
        dups = ses.run({"d": ex.duplicate_keys(act, ibis.table(ex.HASHES_SCHEMA,
                                                                name="repeated"))})["d"]
    assert len(dups) == 1 and int(dups["rows"].iloc[0]) == 2
    assert dups["facility"].iloc[0] == city.loc[8, "facility"]


def test_missing_region_or_year_is_reported(tmp_path) -> None:
    city = _canonical(sample_city())
    city["year"] = city["year"].astype("Int64")
    city.loc[0, "region"] = None
    city.loc[[1, 2], "year"] = pd.NA
    path = tmp_path / "holes.parquet"
    city.to_parquet(path)
    with pytest.raises(ValidationFailed) as err:
        compute_parquet(path)
    text = str(err.value)
    assert "missing region in 1 rows" in text and "missing year in 2 rows" in text


def test_a_group_with_only_missing_values_is_reported_not_a_crash(tmp_path) -> None:
    """Every value of one sector × fuel × unit NULL: NULL < 0 is NULL, so the negative count
    of that group must coalesce to 0 — the file is refused for its missing values only."""
    city = _canonical(sample_city())
    city.loc[city["fuel"] == "Diesel_Oil", "value"] = None
    path = tmp_path / "nulls.parquet"
    city.to_parquet(path)
    with pytest.raises(ValidationFailed) as err:
        compute_parquet(path)
    text = str(err.value)
    assert "missing value in 2 rows" in text and "negative" not in text


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


def _with_technology() -> pd.DataFrame:
    """sample_city plus three technology rows of 2020 power raw coal (one NULL)."""
    city = _canonical(sample_city()).assign(technology=None)
    power = city.loc[0, "sector"]
    extra = pd.DataFrame([("样例市", 2020, power, "原煤", "煤粉炉", 100.0, "万吨"),
                          ("样例市", 2020, power, "Raw_Coal", "grate_boiler", 50.0, "万吨"),
                          ("样例市", 2021, "Nonmetal Mineral Products", "cement_clinker",
                           "新型干法窑", 1.0e6, "t")],
                         columns=["region", "year", "sector", "fuel", "technology", "value",
                                  "unit"])
    return pd.concat([city, _canonical(extra).assign(facility=["t1", "t2", "t3"])],
                     ignore_index=True)


def test_technology_column_and_controls_same_as_compute(tmp_path) -> None:
    """A Parquet file with a technology column (codes, Chinese names and NULL) and controls
    for one activity technology give what ``compute`` gives on the same rows (1e-12)."""
    act = _with_technology()
    path = tmp_path / "tech.parquet"
    act.to_parquet(path)
    ctl = pd.DataFrame([("样例市", 2020, act.loc[0, "sector"], "Raw_Coal", "scr", 0.9, "煤粉炉"),
                        ("样例市", 2020, act.loc[0, "sector"], "Raw_Coal", "scr", 0.5, None),
                        ("样例市", 2021, "Nonmetal Mineral Products", "cement_clinker", "sncr",
                         0.6, "new_dry_process_kiln")],
                       columns=["region", "year", "sector", "fuel", "technology", "penetration",
                                "applies_to"])
    frame = act.drop(columns=["month", "facility"])
    assert_inventory_equal(compute_parquet(path, controls=ctl), compute(frame, controls=ctl),
                           rtol=1e-12)
    # and the technology matters (T/CSES 144—2024 电力生产, A_ar 20 %): 层燃炉 PM10
    # 0.20 × (1 − 0.85) × 0.33 = 9.9 kg/t, not the default (煤粉炉) 0.20 × 0.75 × 0.23 = 34.5
    plain = compute_parquet(path)
    pm10 = plain[(plain["year"] == 2020) & (plain["species"] == "PM10")
                 & (plain["fuel"] == "Raw_Coal")]["value"].sum()
    # 500 万吨 default + 100 万吨 煤粉炉 at 34.5 + 50 万吨 层燃炉 at 9.9 kg/t:
    # (5e6 + 1e6) × 0.0345 + 5e5 × 0.0099 = 207 000 + 4 950 = 211 950 t
    assert pm10 == pytest.approx(211_950.0, rel=1e-12)


def test_unknown_technology_in_parquet_is_reported(tmp_path) -> None:
    act = _with_technology()
    act.loc[len(act) - 1, "technology"] = "国五"  # a vehicle standard for cement clinker
    path = tmp_path / "bad_tech.parquet"
    act.to_parquet(path)
    with pytest.raises(ValidationFailed) as err:
        compute_parquet(path)
    (problem,) = err.value.problems
    assert problem.column == "technology" and problem.found == "国五"
    assert "new_dry_process_kiln" in problem.expected and "1 rows" in problem.message


@pytest.mark.spark
def test_technology_column_on_spark_equals_duckdb(tmp_path) -> None:
    """The in-engine technology name join and the controls per technology on Spark."""
    pytest.importorskip("pyspark", reason="pyspark is not installed")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (needed by Spark)")
    act = _with_technology()
    path = tmp_path / "tech.parquet"
    act.to_parquet(path)
    ctl = pd.DataFrame([("样例市", 2020, act.loc[0, "sector"], "原煤", "scr", 0.9, "层燃炉")],
                       columns=["region", "year", "sector", "fuel", "technology", "penetration",
                                "applies_to"])
    assert_inventory_equal(compute_parquet(path, controls=ctl, engine="spark"),
                           compute_parquet(path, controls=ctl), rtol=1e-9)
