"""Any large activity file takes the engine path (issue 9 item 9): CSV or Parquet, whichever
optional columns (month, technology, facility) it has; unknown columns are refused before
anything runs, with the column they most likely mean; the summary line names its years."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cocontrol.data.activity import read_activity
from cocontrol.errors import ValidationFailed
from cocontrol.inventory import compute
from cocontrol.inventory.scan import beyond_row_limit, compute_file
from cocontrol.testing import assert_inventory_equal, sample_city


def _facilities(per_row: int, **columns: bool) -> pd.DataFrame:
    """sample_city split into ``per_row`` facilities per row (the values sum back exactly:
    each facility gets value / per_row, a power of two, so the sums are exact in binary)."""
    city = sample_city()
    rows = city.loc[city.index.repeat(per_row)].reset_index(drop=True)
    rows["value"] = rows["value"] / per_row
    if columns.get("facility", True):
        rows["facility"] = [f"f{i}" for i in range(len(rows))]
    if columns.get("month"):
        rows["month"] = np.tile(np.arange(1, 13), len(rows) // 12 + 1)[:len(rows)]
        rows["facility"] = [f"f{i // 12}" for i in range(len(rows))]
    if columns.get("technology"):
        rows["technology"] = ""
    return rows


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("optional", [{}, {"facility": False}, {"month": True},
                                      {"technology": True}])
def test_any_optional_columns_same_as_compute(tmp_path, suffix, optional) -> None:
    """Annual facility rows without month or technology (the file of the issue), a file
    with no optional column at all, monthly rows, and a technology column: all give what
    ``compute`` gives on the 12 city rows (the values are split exactly, so 1e-12)."""
    rows = _facilities(4, **optional)
    if not optional.get("facility", True):  # one row per key: no facility needed
        rows = sample_city()
    path = tmp_path / f"a{suffix}"
    (rows.to_csv(path, index=False) if suffix == ".csv" else rows.to_parquet(path))
    assert_inventory_equal(compute_file(path), compute(sample_city()), rtol=1e-12)


def test_csv_with_chinese_headers_and_padding(tmp_path) -> None:
    rows = _facilities(2).rename(columns={"region": "地区", "year": "年份", "sector": "行业",
                                          "fuel": "能源品种", "value": "数值", "unit": "单位",
                                          "facility": "企业"})
    rows["行业"] = " " + rows["行业"] + " "
    rows["年份"] = rows["年份"].astype(str) + " "
    path = tmp_path / "中文.csv"
    rows.to_csv(path, index=False, encoding="utf-8-sig")
    assert_inventory_equal(compute_file(path), compute(sample_city()), rtol=1e-12)


def test_unknown_column_is_refused_with_a_suggestion_before_anything_runs(tmp_path) -> None:
    """``facility_id`` is not silently dropped (which made every facility of a sector one
    key, and thousands of duplicate keys): one problem, the suggestion facility."""
    rows = _facilities(3).rename(columns={"facility": "facility_id"})
    for suffix in (".csv", ".parquet"):
        path = tmp_path / f"ids{suffix}"
        (rows.to_csv(path, index=False) if suffix == ".csv" else rows.to_parquet(path))
        with pytest.raises(ValidationFailed) as err:
            compute_file(path)
        (problem,) = err.value.problems
        assert problem.column == "facility_id" and "did you mean facility?" in problem.message
        with pytest.raises(ValidationFailed) as err:  # the row-level reader says the same
            read_activity(path)
        (problem,) = err.value.problems
        assert "did you mean facility?" in problem.message


def test_note_columns_are_accepted(tmp_path) -> None:
    path = tmp_path / "notes.csv"
    sample_city().assign(label="示例", source="演示", 备注="x").to_csv(path, index=False)
    assert_inventory_equal(compute_file(path), compute(sample_city()), rtol=1e-12)


def test_bad_cells_of_a_csv_are_counted_by_kind(tmp_path) -> None:
    """Text cells are parsed in the engine: inf, 1e400 and nan are not finite numbers, abc
    is not a number, an empty cell is missing; a bad year and month are named too."""
    rows = _facilities(8, month=True).astype({"value": object, "year": object, "month": object})
    rows.loc[0, "value"] = "inf"
    rows.loc[1, "value"] = "1e400"
    rows.loc[2, "value"] = "nan"
    rows.loc[3, "value"] = "abc"
    rows.loc[4, "value"] = ""
    rows.loc[5, "year"] = "二〇二〇"
    rows.loc[6, "month"] = "13"
    path = tmp_path / "bad.csv"
    rows.to_csv(path, index=False)
    with pytest.raises(ValidationFailed) as err:
        compute_file(path)
    text = str(err.value)
    assert "not a finite number in 3 rows" in text
    assert "not a number in 1 rows" in text and "missing value in 1 rows" in text
    assert "bad year in 1 rows" in text and "bad month in 1 rows" in text


def test_row_limit_is_found_without_reading_the_whole_file(tmp_path) -> None:
    path = tmp_path / "a.csv"
    _facilities(1000).to_csv(path, index=False)  # 12 000 rows
    assert beyond_row_limit(path, 5_000) and not beyond_row_limit(path, 20_000)
    assert not beyond_row_limit(path, 5_000, sheet="x")
    gbk = tmp_path / "gbk.csv"
    _facilities(1000).to_csv(gbk, index=False, encoding="gb18030")
    assert not beyond_row_limit(gbk, 5_000)  # left to the pandas reader (knows GBK)
    pq = tmp_path / "a.parquet"
    _facilities(1000).to_parquet(pq)
    assert beyond_row_limit(pq, 5_000) and not beyond_row_limit(pq, 20_000)


def test_summary_line_names_its_years() -> None:
    from cocontrol.cli.inventory import summary_line

    one = compute(sample_city())
    line = summary_line(Path("out.csv"), one)
    # Raw_Coal 500 万吨 in power: 5e6 t × 20.908 GJ/t × 0.02637 × 0.94 × 44/12 t/GJ …; the
    # line shows each year's own scope-1 CO2, never their sum
    co2 = one[(one["species"] == "CO2") & (one["scope"] == 1)].groupby("year")["value"].sum()
    assert f"2020年 {co2[2020] / 1e4:,.2f} 万吨" in line
    assert f"2021年 {co2[2021] / 1e4:,.2f} 万吨" in line
    assert f"{co2.sum() / 1e4:,.2f}" not in line and "2020–2021年共 2 个年份" in line
    many = pd.concat([one.assign(year=y) for y in range(2015, 2024)], ignore_index=True)
    line = summary_line(Path("out.csv"), many)
    assert "2015–2023年共 9 个年份" in line and "2015年" in line and "2023年" in line
    assert "2019年" not in line


def test_cli_takes_the_engine_path_for_a_large_annual_csv(tmp_path) -> None:
    """393 216 annual facility rows without month or technology: the CLI checks in the
    engine (a bad cell is counted per value, not listed by row) and writes what ``compute``
    gives, with the years on the summary line."""
    rows = _facilities(1 << 15).astype({"value": object})  # 12 × 32 768 rows
    rows.loc[5, "value"] = "1e400"
    rows.to_csv(tmp_path / "big.csv", index=False)

    def run() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "cocontrol", "inventory", "compute",
                               "big.csv", "-o", "out.csv"], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300)

    done = run()
    assert done.returncode == 2 and "有 1 行不是有限的数字" in done.stderr
    assert not (tmp_path / "out.csv").exists()
    rows.loc[5, "value"] = rows.loc[6, "value"]
    rows.to_csv(tmp_path / "big.csv", index=False)
    done = run()
    assert done.returncode == 0, done.stderr
    assert_inventory_equal(pd.read_csv(tmp_path / "out.csv"), compute(sample_city()),
                           rtol=1e-9)
    assert "2020年" in done.stdout and "2021年" in done.stdout


def _messy(path: Path) -> pd.DataFrame:
    """A CSV whose keys are spelled several ways (blanks, 2020 / 2020.0) with every kind of
    bad value cell."""
    rows = _facilities(4, month=True).astype({"value": object, "year": object})
    rows.loc[0, "region"] = f" {rows.loc[0, 'region']} "
    rows.loc[1, "year"] = f"{rows.loc[1, 'year']}.0"
    rows.loc[2, "value"], rows.loc[3, "value"] = "inf", "abc"
    rows.loc[4, "value"], rows.loc[5, "value"] = "", "-2"
    rows.loc[6, "year"] = "二〇二〇"
    rows.to_csv(path, index=False)
    return rows


def test_one_scan_summary_equals_the_row_level_definition(tmp_path) -> None:
    """The summary from rows grouped as given and cleaned per group equals the row-level
    one (every row cleaned, then summed per key) — counts exactly, sums to rounding."""
    from cocontrol.inventory import expressions as ex
    from cocontrol.inventory.engines import session
    from cocontrol.inventory.scan import activity_columns, activity_table, scan_activity, summarise

    path = tmp_path / "messy.csv"
    _messy(path)
    got, dups = scan_activity(path)
    with session({"raw": str(path)}) as ses:
        want = ses.run({"s": summarise(activity_table(*activity_columns(path)))})["s"]
    key = ex.SUMMARY_KEYS
    got = got.sort_values(key, ignore_index=True, na_position="first")
    want = want.sort_values(key, ignore_index=True, na_position="first")
    assert len(got) == len(want) and len(dups) == 0
    counts = ["rows", "missing", "not_number", "non_finite", "bad_year", "bad_month", "negative"]
    assert (got[counts].to_numpy() == want[counts].to_numpy()).all()
    np.testing.assert_allclose(got["total"].astype(float), want["total"].astype(float),
                               rtol=1e-12)
    assert int(got["rows"].sum()) == 4 * len(sample_city())
    assert int(got["non_finite"].sum()) == 1 and int(got["not_number"].sum()) == 1
    assert int(got["negative"].sum()) == 1 and int(got["bad_year"].sum()) == 1


@pytest.mark.parametrize("spelling", ["facility", "region", "year"])
def test_duplicates_spelled_differently_are_found(tmp_path, spelling) -> None:
    """A key given twice counts even when the two rows spell it differently (blanks around
    the facility or region, 2020 and 2020.0): the hashes of the keys as given differ, so the
    cleaned keys are hashed instead."""
    rows = _facilities(4).astype({"year": object})
    rows.loc[1, ["sector", "fuel", "unit", "year"]] = rows.loc[0, ["sector", "fuel", "unit",
                                                                   "year"]].to_numpy()
    rows.loc[1, "facility"] = rows.loc[0, "facility"]
    if spelling == "facility":
        rows.loc[1, "facility"] = f" {rows.loc[0, 'facility']}"
    elif spelling == "region":
        rows.loc[1, "region"] = f"{rows.loc[0, 'region']} "
    else:
        rows.loc[1, "year"] = f"{rows.loc[0, 'year']}.0"
    path = tmp_path / "dup.csv"
    rows.to_csv(path, index=False)
    with pytest.raises(ValidationFailed) as err:
        compute_file(path)
    (problem,) = err.value.problems
    assert problem.message == "duplicate key (2 rows)" and "f0" in problem.found


def test_hash_candidates_are_checked_exactly(tmp_path) -> None:
    """Every row a candidate (as if all hashes collided): only the key really given twice
    is left."""
    import pyarrow as pa

    from cocontrol.inventory.engines import session
    from cocontrol.inventory.scan import (
        _duplicates_among,
        _hash_sql,
        activity_columns,
        candidates_sql,
    )

    rows = _facilities(2)
    rows.loc[1, "facility"] = rows.loc[0, "facility"]
    path = tmp_path / "a.csv"
    rows.to_csv(path, index=False)
    mapping, raw = activity_columns(path)
    with session({"raw": str(path)}) as ses:
        cols = ['"region"', '"year"', '"sector"', '"fuel"', '"facility"']
        h = ses.arrow_sql(f'SELECT {_hash_sql(cols, "duckdb")} AS h FROM "raw"')
        assert h.num_rows == len(rows)
        ses.register("repeated", pa.table({"h": h["h"]}))
        ses.register_sql("cand", candidates_sql(mapping, "duckdb"))
        dups = ses.run({"d": _duplicates_among(mapping, raw, "duckdb")})["d"]
    assert len(dups) == 1 and int(dups["rows"].iloc[0]) == 2 and dups["facility"].iloc[0] == "f0"
