"""The large-file path in DuckDB SQL (``inventory.bigfile``, ``inventory.sql``): the same
rows, order and checks as ``compute`` and as the Ibis definitions of ``inventory.scan``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cocontrol.inventory import bigfile, compute
from cocontrol.inventory.keys import OUTPUT
from cocontrol.testing import sample_city

KEYS = ["region", "year", "sector", "fuel", "species", "unit", "scope"]


def _two_cities() -> pd.DataFrame:
    act = pd.concat([sample_city("样例市"), sample_city("甲市")], ignore_index=True)
    act["facility"] = [f"f{i}" for i in range(len(act))]
    return act


def _controls(act: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([("样例市", 2020, act.loc[0, "sector"], "Raw_Coal", "scr", 0.9),
                         ("甲市", 2021, act.loc[0, "sector"], "Raw_Coal", "sncr", 0.5)],
                        columns=["region", "year", "sector", "fuel", "technology",
                                 "penetration"])


def _same_rows_in_order(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert list(got.columns) == OUTPUT and len(got) == len(want)
    assert (got[KEYS].astype(str).to_numpy() == want[KEYS].astype(str).to_numpy()).all()
    np.testing.assert_allclose(got["value"], want["value"], rtol=1e-12)


def test_written_parquet_is_compute_in_its_order_with_co2e_and_controls(tmp_path) -> None:
    """Two regions, scope 1 and 2, controls: the file the command writes has compute's
    rows in compute's order (region, year, scope, sector, fuel, species; CO2e rows
    included), and the closing line's figures are the result's own."""
    act = _two_cities()
    path, out = tmp_path / "a.parquet", tmp_path / "out.parquet"
    act.to_parquet(path)
    ctl = _controls(act)
    done = bigfile.run(path, controls=ctl, output=out)
    got, want = pd.read_parquet(out), compute(act.drop(columns="facility"), controls=ctl)
    _same_rows_in_order(got, want)
    assert (got["species"] == "CO2e").sum() > 0 and set(got["scope"]) == {1, 2}
    assert done.rows == len(want) and done.regions == 2 and done.table is None
    co2 = want[(want["species"] == "CO2") & (want["scope"] == 1)].groupby("year")["value"].sum()
    assert [y for y, _ in done.co2_by_year] == list(co2.index)
    np.testing.assert_allclose([v for _, v in done.co2_by_year], co2.to_numpy(), rtol=1e-12)


def test_text_order_when_codes_do_not_fit(tmp_path, monkeypatch) -> None:
    """Without integer codes (too many names for one 63-bit key) the text is sorted: the
    same rows in the same order."""
    act = _two_cities()
    path = tmp_path / "a.csv"
    act.to_csv(path, index=False)
    coded = bigfile.to_frame(bigfile.run(path))
    monkeypatch.setattr(bigfile, "_codes", lambda *args: None)
    _same_rows_in_order(bigfile.to_frame(bigfile.run(path)), coded)
    _same_rows_in_order(coded, compute(act.drop(columns="facility")))


CELLS = [" 1.5 ", "\t2\t", "\x0b3", "3\x0c", "\x0c4\x0b", "1e400", "-1e400", "nan", "inf", "-0",
         "1,000", "", "  ", "abc", "0x10", "1_000", "+5", ".5", "5.", " 1 2 ", "\u00a01",
         "１２", "1e-400", "  -3.25e2  ", "−5", "-2"]


def test_value_cells_are_read_as_the_row_level_definition(tmp_path) -> None:
    """Every kind of value cell (blanks of each sort around a number, inf/nan, text, full
    width digits, a minus sign that is not ASCII …) counted and summed as the Ibis
    row-level definition does (each cell trimmed, then cast)."""
    from cocontrol.inventory import expressions as ex
    from cocontrol.inventory.engines import session
    from cocontrol.inventory.scan import activity_columns, activity_table, scan_activity, summarise

    rows = _two_cities().head(len(CELLS)).astype({"value": object})
    rows = pd.concat([rows] * (len(CELLS) // len(rows) + 1), ignore_index=True).head(len(CELLS))
    rows["facility"] = [f"f{i}" for i in range(len(rows))]
    rows["value"] = CELLS
    path = tmp_path / "cells.csv"
    rows.to_csv(path, index=False)
    got, dups = scan_activity(path)
    with session({"raw": str(path)}) as ses:
        want = ses.run({"s": summarise(activity_table(*activity_columns(path)))})["s"]
    key = ex.SUMMARY_KEYS
    got = got.sort_values(key, ignore_index=True)
    want = want.sort_values(key, ignore_index=True)
    counts = ["rows", "missing", "not_number", "non_finite", "negative"]
    assert len(dups) == 0 and (got[counts].to_numpy() == want[counts].to_numpy()).all()
    np.testing.assert_allclose(got["total"].astype(float), want["total"].astype(float))
    assert int(got["non_finite"].sum()) == 4 and int(got["missing"].sum()) == 2


@pytest.mark.parametrize("cell, unclean", [("f1", False), ("", True), (" f1", True),
                                           ("f1\t", True), ("f 1", False), ("!f", False)])
def test_facility_blank_test(cell, unclean) -> None:
    """The cheap test (a first byte up to the space, or one of the six blanks last) flags
    every facility that cleaning would change, and leaves plain ones alone."""
    import duckdb

    from cocontrol.inventory import sql

    got = duckdb.sql(f"SELECT {sql.unclean(sql.literal(cell))}").fetchone()[0]
    assert got is unclean


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_summary_of_clean_keys_as_given_equals_the_cleaning_pass(tmp_path, monkeypatch,
                                                                 suffix) -> None:
    """A file whose keys need no cleaning is summed as given (``sql.as_given_groups``):
    the same summary, row for row and type for type, as the cleaning pass gives it; a
    file with one key spelled with a blank takes the cleaning pass."""
    from cocontrol.inventory import sql
    from cocontrol.inventory.filehead import header

    act = _two_cities()
    path = tmp_path / f"a{suffix}"
    act.to_parquet(path) if suffix == ".parquet" else act.to_csv(path, index=False)
    mapping, kinds = header(path)

    def summary() -> pd.DataFrame:
        con = bigfile.connect()
        bigfile.register_file(con, path)
        assert bigfile.group(con, mapping, kinds)
        out = con.sql("SELECT * FROM summary ORDER BY ALL").to_arrow_table()
        con.close()
        return out

    keys = sql.raw_keys(mapping)
    con = bigfile.connect()
    bigfile.register_file(con, path)
    bigfile.read_groups(con, mapping, kinds)
    ckinds = {k: kinds[mapping[k]] for k in keys}
    assert con.sql(sql.unchanged_by_cleaning(keys, ckinds)).fetchone()[0] == 0
    con.close()
    fast = summary()
    monkeypatch.setattr(sql, "unchanged_by_cleaning", lambda *args: "SELECT 1 AS n")
    assert summary().equals(fast) and fast.num_rows > 0

    messy = act.assign(region=act["region"].where(act.index != 3, act["region"] + " "))
    messy.to_parquet(path) if suffix == ".parquet" else messy.to_csv(path, index=False)
    con = bigfile.connect()
    bigfile.register_file(con, path)
    bigfile.read_groups(con, mapping, kinds)
    monkeypatch.undo()
    assert con.sql(sql.unchanged_by_cleaning(keys, ckinds)).fetchone()[0] == 1
    con.close()


def test_repeated_hashes_of_chunks_and_null_count() -> None:
    """The hashes given more than once, from one chunk or several, and the count of NULL
    hashes (then the hashes are not used and nothing is sorted)."""
    import pyarrow as pa

    values = [5, -3, 7, 5, 2**62, -3, -3, 0]
    one, nulls = bigfile.repeated_hashes(pa.chunked_array([pa.array(values, pa.int64())]))
    assert one["h"].to_pylist() == [-3, 5] and nulls == 0
    many, _ = bigfile.repeated_hashes(pa.chunked_array([pa.array(values[:3], pa.int64()),
                                                        pa.array(values[3:], pa.int64())]))
    assert many["h"].to_pylist() == [-3, 5]
    sliced, _ = bigfile.repeated_hashes(pa.array([1, 9, 2, 9, 2], pa.int64()).slice(2))
    assert sliced["h"].to_pylist() == [2]
    none, nulls = bigfile.repeated_hashes(pa.chunked_array([pa.array([1, None, 1], pa.int64())]))
    assert none.num_rows == 0 and nulls == 1


def test_hash_threads_one_thread_only_when_the_read_is_not_the_longer(monkeypatch) -> None:
    """On two cores the second read gets one thread when it is expected to take less than
    4/3 of the per-key work beside it (H < 4/3·P: then max(H, P) < P + H/4), else both cores;
    per row a CSV's second parse costs ~4 times a Parquet read; more cores: every core."""
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    groups = 115_000
    # the issue-9 file: 10 M rows, ~115 000 groups — Parquet H ≈ 0.9 s, P ≈ 1.0 s: one thread
    assert bigfile.hash_threads(10_000_000, groups, csv=False) == 1
    # its CSV: the second parse ~3.6 s against ~1.0 s: both cores
    assert bigfile.hash_threads(10_000_000, groups, csv=True) == 2
    # ten times the rows of Parquet: the read is the longer, both cores
    assert bigfile.hash_threads(100_000_000, groups, csv=False) == 2
    # the boundary: 4/3 × 100 rows a group (Parquet), 4/3 × 28 (CSV)
    assert bigfile.hash_threads(133 * groups, groups, csv=False) == 1
    assert bigfile.hash_threads(134 * groups, groups, csv=False) == 2
    assert bigfile.hash_threads(37 * groups, groups, csv=True) == 1
    assert bigfile.hash_threads(38 * groups, groups, csv=True) == 2
    assert bigfile.hash_threads(10, 0, csv=False) == 1  # no groups: a tiny file
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert bigfile.hash_threads(10_000_000, groups, csv=False) == 8
