"""碳普惠 on Spark in one pass: parts by person, the ids looked up across people."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.inclusive import methodology
from cocontrol.inclusive.onepass import person_parts
from cocontrol.inclusive.records import read_records
from cocontrol.inclusive.run import credit_batch


def test_one_part_per_million_records_a_multiple_of_the_cores(monkeypatch) -> None:
    monkeypatch.delenv("COCONTROL_SPARK_PERSON_PARTITIONS", raising=False)
    assert person_parts(40_000, 2) == 2
    assert person_parts(5_050_000, 2) == 6  # 6 parts of 0.84 M, three rounds of two
    assert person_parts(50_500_000, 2) == 52
    monkeypatch.setenv("COCONTROL_SPARK_PERSON_PARTITIONS", "5")
    assert person_parts(50_500_000, 2) == 5


@pytest.mark.spark
def test_rules_across_people_hold_when_their_records_are_in_different_parts(
        tmp_path, monkeypatch) -> None:
    # a record id repeated by another person, an id credited earlier for another person,
    # a trip overlapping one credited by an earlier batch: each person's records in one of
    # 8 parts, the people of each rule in different parts
    from cocontrol.inventory.engines import spark_session

    parts = 8
    where = dict(spark_session().sql(
        f"SELECT p, pmod(hash(p), {parts}) FROM VALUES ('p1'), ('p2'), ('p5'), ('p6') AS t(p)"
    ).collect())
    assert where["p1"] != where["p5"] and where["p2"] != where["p6"]
    first = pd.DataFrame({
        "record_id": ["s", "t"], "person": ["p2", "p3"], "scene": ["地铁", "骑行"],
        "start": pd.to_datetime(["2025-03-01 08:00", "2025-03-02 09:00"]),
        "end": pd.to_datetime(["2025-03-01 08:30", "2025-03-02 09:20"]),
        "distance_km": [10.0, 5.0]})
    second = pd.DataFrame({
        "record_id": ["x", "s", "u", "x", "v"], "person": ["p1", "p6", "p3", "p5", "p4"],
        "scene": ["地铁", "公交", "骑行", "骑行", "公交"],
        "start": pd.to_datetime(["2025-03-05 08:00", "2025-03-05 08:00", "2025-03-02 09:10",
                                 "2025-03-05 10:00", "2025-03-05 08:00"]),
        "end": pd.to_datetime(["2025-03-05 08:30", "2025-03-05 08:40", "2025-03-02 09:30",
                               "2025-03-05 10:20", "2025-03-05 08:40"]),
        "distance_km": [10.0, 12.0, 4.0, 5.0, 12.0]})
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    first.to_parquet(one)
    second.to_parquet(two)
    monkeypatch.setenv("COCONTROL_SPARK_PERSON_PARTITIONS", str(parts))
    got = {}
    for engine in ("duckdb", "spark"):
        journal = tmp_path / f"{engine}.parquet"
        credit_batch(read_records(one), methodology.load(), engine=engine, journal=journal)
        got[engine] = credit_batch(read_records(two), methodology.load(), engine=engine,
                                   seen=[str(journal)])
    duck, spark = got["duckdb"], got["spark"]
    # hand-worked (rows from 1): row 2 re-posts id s (credited for p2); row 3 starts at 09:10
    # inside t (09:00–09:20, credited earlier); row 4 repeats row 1's id x
    for res in (duck, spark):
        assert list(res.rejected["row"]) == [2, 3, 4]
        assert list(res.rejected["reason"]) == ["seen", "overlap_prior", "duplicate"]
        assert res.rejected["other"].tolist()[1] == "t"
        assert res.total_g == pytest.approx(10 * 46.7 + 12 * 26.9)
    pd.testing.assert_frame_equal(duck.persons, spark.persons, check_dtype=False)
    pd.testing.assert_frame_equal(duck.rejected, spark.rejected, check_dtype=False)
    pd.testing.assert_frame_equal(duck.by_scene_month, spark.by_scene_month, check_dtype=False)


@pytest.mark.spark
def test_parts_without_records_still_give_the_journal_its_columns(tmp_path, monkeypatch) -> None:
    # one record, four parts: three parts are empty; the journal has DuckDB's columns
    import pyarrow.parquet as pq

    frame = pd.DataFrame({"record_id": ["a"], "person": ["p1"], "scene": ["地铁"],
                          "start": pd.to_datetime(["2025-03-01 08:00"]),
                          "end": pd.to_datetime(["2025-03-01 08:30"]), "distance_km": [10.0]})
    frame.to_parquet(tmp_path / "one.parquet")
    records = read_records(tmp_path / "one.parquet")
    monkeypatch.setenv("COCONTROL_SPARK_PERSON_PARTITIONS", "4")
    schemas = {}
    for engine in ("duckdb", "spark"):
        journal = tmp_path / f"{engine}.parquet"
        res = credit_batch(records, methodology.load(), engine=engine, journal=journal)
        assert res.total_g == pytest.approx(467.0)
        schemas[engine] = pq.read_schema(journal).remove_metadata()
        assert pq.read_table(journal).column("record_id").to_pylist() == ["a"]
    assert schemas["spark"].names == schemas["duckdb"].names
    assert [str(t) for t in schemas["spark"].types] == [str(t) for t in schemas["duckdb"].types]
