"""碳普惠 crediting: published per-unit credits, plausibility rules, caps, bad input."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cocontrol.errors import ValidationFailed
from cocontrol.inclusive import methodology
from cocontrol.inclusive.records import from_frame, read_records
from cocontrol.inclusive.run import credit_batch

HEADER = "record_id,person,scene,start,end,distance_km\n"


def _credit(tmp_path, body: str, header: str = HEADER, methods=None, **kw):
    path = tmp_path / "records.csv"
    path.write_text(header + body, encoding="utf-8")
    return credit_batch(read_records(path), methods if methods is not None
                        else methodology.load(), file=path.name, **kw)


def test_published_per_unit_credits_are_reproduced(tmp_path) -> None:
    # Shenzhen 低碳公共出行碳普惠方法学 (2021): metro 46.7 g/pkm, bus 26.9 g/pkm;
    # Wuhan 武碳江湖 (2024): 40 g per km cycled, 170 g per metro ride
    res = _credit(tmp_path, "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n"
                            "b,p2,公交,2025-03-01 08:00,2025-03-01 08:40,12\n"
                            "c,p3,骑行,2025-03-01 08:00,2025-03-01 08:20,5\n")
    got = dict(zip(res.persons["person"], res.persons["credited_g"], strict=True))
    assert got == pytest.approx({"p1": 467.0, "p2": 322.8, "p3": 200.0})
    rides = _credit(tmp_path, "r,p4,地铁（按次）,2025-03-01 08:00,2025-03-01 08:30,2,次\n",
                    header="record_id,person,scene,start,end,quantity,unit\n")
    assert rides.total_g == pytest.approx(340.0)


def test_co_benefits_follow_the_published_ratio(tmp_path) -> None:
    # Shanghai bike-share 2016: 6322 t CO2 and 6.33 t NOx avoided
    res = _credit(tmp_path, "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n")
    assert res.avoided["NOx"] == pytest.approx(467.0 * 6.33 / 6322, rel=1e-3)


def test_same_record_twice_is_credited_once(tmp_path) -> None:
    res = _credit(tmp_path, "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n"
                            "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n")
    assert res.total_g == pytest.approx(467.0)
    assert list(res.rejected["reason"]) == ["duplicate"]
    assert list(res.rejected["row"]) == [3]


def test_implausible_and_overlapping_trips_are_rejected_with_reasons(tmp_path) -> None:
    res = _credit(tmp_path,
                  "fast,p1,骑行,2025-03-01 08:00,2025-03-01 08:10,20\n"   # 120 km/h by bike
                  "ok,p1,地铁,2025-03-01 09:00,2025-03-01 09:30,10\n"
                  "over,p1,公交,2025-03-01 09:20,2025-03-01 09:50,5\n")  # starts in the metro trip
    reasons = dict(zip(res.rejected["record_id"], res.rejected["reason"], strict=True))
    assert reasons == {"fast": "speed", "over": "overlap"}
    assert res.total_g == pytest.approx(467.0)


def test_daily_cap_credits_the_part_below_it_then_rejects(tmp_path) -> None:
    # metro cap 2000 g per person and day: 934 + 934 + 132, the fourth finds it used up
    body = "".join(f"t{i},p1,地铁,2025-03-01 {8 + 2 * i:02d}:00,2025-03-01 {8 + 2 * i:02d}:30,20\n"
                   for i in range(4))
    body += "n,p1,地铁,2025-03-02 08:00,2025-03-02 08:30,20\n"  # next day: a fresh cap
    res = _credit(tmp_path, body)
    assert res.total_g == pytest.approx(2000.0 + 934.0)
    assert list(res.rejected["record_id"]) == ["t3"]
    assert list(res.rejected["reason"]) == ["daily_cap"]


def test_methodology_in_force_on_the_trip_date(tmp_path) -> None:
    table = methodology.load().set_index("source_row")
    metro = table[table["scene"] == "metro"].iloc[0].copy()
    old, new = metro.copy(), metro.copy()
    old["valid_to"] = pd.Timestamp("2025-05-31").date()
    new["version"], new["credit_g_per_unit"] = "2.0", 50.0
    new["valid_from"] = pd.Timestamp("2025-06-01").date()
    raw = pd.DataFrame([old, new]).reset_index(drop=True)
    raw.index = raw.index + 2
    methods = methodology.validate(raw)
    res = _credit(tmp_path, "a,p1,地铁,2025-05-31 08:00,2025-05-31 08:30,10\n"
                            "b,p2,地铁,2025-06-01 08:00,2025-06-01 08:30,10\n", methods=methods)
    got = dict(zip(res.persons["person"], res.persons["credited_g"], strict=True))
    assert got == pytest.approx({"p1": 467.0, "p2": 500.0})


def test_overlapping_methodology_versions_are_refused() -> None:
    table = methodology.load().set_index("source_row")
    metro = table[table["scene"] == "metro"]
    raw = pd.concat([metro, metro]).reset_index(drop=True)
    raw.index = raw.index + 2
    with pytest.raises(ValidationFailed, match="two rows in force"):
        methodology.validate(raw, file="m.csv")


def test_bad_input_names_row_and_column_and_credits_nothing(tmp_path) -> None:
    with pytest.raises(ValidationFailed) as err:
        _credit(tmp_path, "a,p1,飞行,2025-03-01 08:00,2025-03-01 08:30,10\n"
                          "b,p1,地铁,2025-03-01 09:00,2025-03-01 08:30,5\n"
                          "c,p1,地铁,2025-03-01 10:00,2025-03-01 10:30,-3\n"
                          "d,p1,地铁,2023-03-01 10:00,2023-03-01 10:30,3\n")
    where = {(p.row, p.column) for p in err.value.problems}
    assert where == {(2, "scene"), (3, "end"), (4, "distance_km"), (5, "start")}
    with pytest.raises(ValidationFailed, match="not a date"):
        _credit(tmp_path, "a,p1,地铁,yesterday,2025-03-01 08:30,10\n")
    with pytest.raises(ValidationFailed, match="missing columns"):
        _credit(tmp_path, "a,p1,地铁\n", header="record_id,person,scene\n")


def test_parquet_records_are_checked_in_the_engine_with_record_numbers(tmp_path) -> None:
    frame = pd.DataFrame({
        "record_id": ["a", "b", "c"], "person": ["p1", "p1", "p2"],
        "scene": ["metro", "metro", "bus"],
        "start": pd.to_datetime(["2025-03-01 08:00", "2025-03-01 09:00", "2025-03-01 08:00"]),
        "end": pd.to_datetime(["2025-03-01 08:30", "2025-03-01 09:30", "2025-03-01 08:30"]),
        "distance_km": [10.0, float("inf"), 8.0]})
    path = tmp_path / "r.parquet"
    frame.to_parquet(path)
    with pytest.raises(ValidationFailed) as err:
        credit_batch(read_records(path), methodology.load(), file=path.name)
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "distance_km")]
    frame.loc[1, "distance_km"] = 4.0
    frame.to_parquet(path)
    res = credit_batch(read_records(path), methodology.load())
    assert res.total_g == pytest.approx(467.0 + 4 * 46.7 + 8 * 26.9)



def test_a_trip_exactly_at_the_highest_speed_is_credited(tmp_path) -> None:
    # cycling at most 30 km/h: 7 km in 14 min is 30 km/h (credited), 7.01 km is over it
    res = _credit(tmp_path, "at,p1,骑行,2025-03-01 08:00,2025-03-01 08:14,7\n"
                            "over,p2,骑行,2025-03-01 08:00,2025-03-01 08:14,7.01\n")
    assert list(res.rejected["record_id"]) == ["over"]
    assert res.total_g == pytest.approx(7 * 40.0)

@pytest.mark.spark
def test_spark_credits_the_same_as_duckdb(tmp_path) -> None:
    frame = pd.DataFrame({
        "record_id": [f"r{i}" for i in range(12)] + ["r0"],
        "person": ["p1", "p2", "p3"] * 4 + ["p1"],
        "scene": ["地铁", "骑行", "公交", "metro"] * 3 + ["地铁"],
        "start": [f"2025-03-0{1 + i % 3} {8 + i:02d}:00" for i in range(12)] + ["2025-03-01 08:00"],
        "end": [f"2025-03-0{1 + i % 3} {8 + i:02d}:40" for i in range(12)] + ["2025-03-01 08:40"],
        "distance_km": [10, 5, 8, 30] * 3 + [10]})
    at_limit = pd.DataFrame({  # exactly at the scene's highest speed (30, 100, 70 km/h)
        "record_id": ["b1", "b2", "m1", "u1"], "person": ["p4", "p5", "p6", "p7"],
        "scene": ["骑行", "骑行", "地铁", "公交"],
        "start": ["2025-03-04 08:00", "2025-03-04 09:00", "2025-03-04 10:00", "2025-03-04 11:00"],
        "end": ["2025-03-04 08:14", "2025-03-04 09:07", "2025-03-04 10:06", "2025-03-04 11:09"],
        "distance_km": [7.0, 3.5, 10.0, 10.5]})
    frame = pd.concat([frame, at_limit], ignore_index=True)
    frame.index = pd.RangeIndex(2, len(frame) + 2)
    records = from_frame(frame)
    duck = credit_batch(records, methodology.load())
    spark = credit_batch(records, methodology.load(), engine="spark")
    pd.testing.assert_frame_equal(duck.persons, spark.persons, check_dtype=False)
    pd.testing.assert_frame_equal(duck.rejected, spark.rejected, check_dtype=False)
    assert duck.total_g == pytest.approx(spark.total_g)


def test_journal_holds_the_credited_records(tmp_path) -> None:
    journal = tmp_path / "j.parquet"
    _credit(tmp_path, "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n"
                      "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n", journal=journal)
    assert pq.read_table(journal).column("record_id").to_pylist() == ["a"]
    again = _credit(tmp_path, "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n",
                    seen=[str(journal)])
    assert again.total_g == 0 and list(again.rejected["reason"]) == ["seen"]


def _problems(records, engine: str) -> list[tuple[int, str, str, str | None]]:
    with pytest.raises(ValidationFailed) as err:
        credit_batch(records, methodology.load(), engine=engine, file="records.parquet")
    return [(p.row, p.column, p.message, p.found) for p in err.value.problems]


@pytest.mark.spark
def test_spark_refuses_the_bad_amounts_duckdb_refuses(tmp_path) -> None:
    # Ibis compiles isinf() to FALSE for Spark: an infinite distance must still be refused,
    # and the value found written as DuckDB writes it
    path = tmp_path / "bad.parquet"
    frame = pd.DataFrame({"record_id": ["a", "b", "c", "d", "e"], "person": ["p1"] * 5,
                          "scene": ["地铁"] * 5,
                          "start": pd.to_datetime(["2025-03-01 08:00"] * 5),
                          "end": pd.to_datetime(["2025-03-01 08:30"] * 5),
                          "distance_km": [10.0, float("inf"), float("nan"), -1.0,
                                          float("-inf")]})
    table = pa.Table.from_pandas(frame.drop(columns="distance_km"), preserve_index=False)
    pq.write_table(table.append_column("distance_km", pa.array(  # NaN kept, not made NULL
        frame["distance_km"].tolist(), pa.float64())), path)
    # a Parquet file's rows are numbered from 1 (no header line)
    expected = [(2, "distance_km", "amount must be a finite number ≥ 0", "inf"),
                (3, "distance_km", "amount must be a finite number ≥ 0", "nan"),
                (4, "distance_km", "amount must be a finite number ≥ 0", "-1.0"),
                (5, "distance_km", "amount must be a finite number ≥ 0", "-inf")]
    assert _problems(read_records(path), "duckdb") == expected
    assert _problems(read_records(path), "spark") == expected


@pytest.mark.spark
def test_spark_reads_the_parquet_file_and_journals_like_duckdb(tmp_path) -> None:
    # the Parquet path: the row is the record's number in the file (Spark: _metadata.row_index);
    # the journal written by each engine, then a second batch checked against it (seen ids,
    # a trip overlapping a credited one)
    first = pd.DataFrame({
        "record_id": ["a", "b", "a", "c", "d"], "person": ["p1", "p1", "p1", "p2", "p3"],
        "scene": ["地铁", "公交", "地铁", "骑行", "骑行"],
        "start": pd.to_datetime(["2025-03-01 08:00", "2025-03-01 08:10", "2025-03-01 08:00",
                                 "2025-03-02 09:00", "2025-03-02 09:00"]),
        "end": pd.to_datetime(["2025-03-01 08:30", "2025-03-01 08:50", "2025-03-01 08:30",
                               "2025-03-02 09:20", "2025-03-02 09:05"]),
        "distance_km": [10.0, 12.0, 10.0, 5.0, 9.0]})
    second = pd.DataFrame({
        "record_id": ["c", "e", "f"], "person": ["p2", "p2", "p2"], "scene": ["骑行"] * 3,
        "start": pd.to_datetime(["2025-03-02 09:00", "2025-03-02 09:10", "2025-03-03 09:00"]),
        "end": pd.to_datetime(["2025-03-02 09:20", "2025-03-02 09:30", "2025-03-03 09:20"]),
        "distance_km": [5.0, 4.0, 3.0]})
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    first.to_parquet(one)
    second.to_parquet(two)
    got = {}
    for engine in ("duckdb", "spark"):
        journal = tmp_path / f"{engine}.parquet"
        a = credit_batch(read_records(one), methodology.load(), engine=engine, journal=journal)
        b = credit_batch(read_records(two), methodology.load(), engine=engine,
                         seen=[str(journal)])
        got[engine] = (a, b, pq.read_table(journal).to_pandas().sort_values("record_id")
                       .reset_index(drop=True))
    duck, spark = got["duckdb"], got["spark"]
    # hand-worked (rows numbered from 1): row 3 repeats row 1's id; d is 9 km in 5 min
    # (108 km/h) on a bicycle; b starts before a ends (same person)
    assert list(duck[0].rejected["row"]) == [2, 3, 5]
    assert list(duck[0].rejected["reason"]) == ["overlap", "duplicate", "speed"]
    assert duck[0].total_g == pytest.approx(10 * 46.7 + 5 * 40.0)
    assert list(duck[1].rejected["reason"]) == ["seen", "overlap_prior"]
    assert duck[1].total_g == pytest.approx(3 * 40.0)
    for d, s in zip(duck[:2], spark[:2], strict=True):
        pd.testing.assert_frame_equal(d.persons, s.persons, check_dtype=False)
        pd.testing.assert_frame_equal(d.rejected, s.rejected, check_dtype=False)
    pd.testing.assert_frame_equal(duck[2], spark[2], check_dtype=False)
    assert str(pq.read_schema(tmp_path / "spark.parquet").field("start").type) == "timestamp[us]"


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def test_daily_then_yearly_cap_in_time_order(tmp_path, engine) -> None:
    # metro 46.7 g/km, daily cap 2000 g, yearly cap lowered to 3000 g; 20 km = 934 g.
    # 1 Mar: 934 + 934 + 132 (daily cap), the fourth trip finds the day used up;
    # 2 Mar: 934 (year 2934), then 66 left of the year; 3 Mar: the year is used up.
    # p2 cycles 5 km (200 g), never capped. Spark groups the caps by year and day over
    # records partitioned by person and sorted (sort aggregates): the same figures.
    methods = methodology.load().copy()
    methods.loc[methods["scene"] == "metro", "yearly_cap_g"] = 3000.0
    trips = [("t0", "03-01 08"), ("t1", "03-01 10"), ("t2", "03-01 12"), ("t3", "03-01 14"),
             ("n1", "03-02 08"), ("n2", "03-02 10"), ("n3", "03-03 08")]
    body = "".join(f"{rid},p1,地铁,2025-{at}:00,2025-{at}:30,20\n" for rid, at in trips)
    body += "c1,p2,骑行,2025-03-01 09:00,2025-03-01 09:30,5\n"
    res = _credit(tmp_path, body, methods=methods, engine=engine, keep_records=True)
    assert res.total_g == pytest.approx(3000.0 + 200.0)
    assert dict(zip(res.rejected["record_id"], res.rejected["reason"], strict=True)) == {
        "t3": "daily_cap", "n3": "yearly_cap"}
    grams = dict(zip(res.credited["record_id"], res.credited["credited_g"], strict=True))
    assert grams == pytest.approx({"t0": 934.0, "t1": 934.0, "t2": 132.0, "n1": 934.0,
                                   "n2": 66.0, "c1": 200.0})
    assert res.persons.set_index("person")["records_rejected"].to_dict() == {"p1": 2, "p2": 0}
