"""The small-batch path (API posts) gives the engine's result, record by record."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cocontrol.errors import ValidationFailed
from cocontrol.inclusive import methodology
from cocontrol.inclusive.records import SCHEMA
from cocontrol.inclusive.run import _prior_table, credit_batch, credit_small

BASE = dt.datetime(2025, 3, 1, 8, 0)
SCENES = [("地铁", "km"), ("公交", "km"), ("骑行", "km"), ("metro", "km"), ("地铁（按次）", "次")]


def _methods() -> pd.DataFrame:
    """The shipped methodology with caps small enough for random batches to reach."""
    m = methodology.load().copy()
    m.loc[m["scene"] == "metro", "yearly_cap_g"] = 3000.0
    m.loc[m["scene"] == "bus", "daily_cap_g"] = 500.0
    return m


record = st.tuples(st.integers(0, 6),                 # record id (repeats = duplicates)
                   st.sampled_from(["p1", "p2", "p3"]),
                   st.integers(0, len(SCENES) - 1),
                   st.integers(0, 3 * 24 * 60),       # start, minutes after BASE
                   st.integers(0, 120),               # duration in minutes
                   st.sampled_from([0.0, 1.0, 5.0, 12.5, 40.0, 90.0]))
prior_trip = st.tuples(st.sampled_from(["p1", "p2", "p4"]), st.integers(-600, 3 * 24 * 60),
                       st.integers(1, 90))


def _table(rows: list[tuple[int, str, int, int, int, float]]) -> pa.Table:
    out = {k: [] for k in SCHEMA.names}
    for i, (rid, person, scene, start, minutes, amount) in enumerate(rows):
        name, unit = SCENES[scene]
        out["row"].append(i + 2)
        out["record_id"].append(f"r{rid}")
        out["person"].append(person)
        out["scene"].append(name)
        out["start"].append(BASE + dt.timedelta(minutes=start))
        out["end"].append(BASE + dt.timedelta(minutes=start + minutes))
        out["quantity"].append(amount if unit == "km" else float(int(amount) % 4))
        out["unit"].append(unit)
    return pa.table(out, schema=SCHEMA)


@settings(max_examples=30, deadline=None)
@given(st.lists(record, min_size=1, max_size=14), st.sets(st.integers(0, 6), max_size=2),
       st.lists(prior_trip, max_size=3))
def test_small_batches_are_credited_as_the_engine_credits_them(rows, seen, prior) -> None:
    methods = _methods()
    records = _table(rows)
    seen_ids = {f"r{i}" for i in seen}
    trips = [(f"old{k}", person, BASE + dt.timedelta(minutes=s),
              BASE + dt.timedelta(minutes=s + d)) for k, (person, s, d) in enumerate(prior)]
    engine = credit_batch(records, methods, keep_records=True,
                          seen_ids=pa.table({"seen_id": pa.array(sorted(seen_ids), pa.string())}),
                          prior=_prior_table(trips))
    small = credit_small(records, methods, seen_ids=seen_ids, prior=trips)
    pd.testing.assert_frame_equal(small.persons, engine.persons, check_dtype=False)
    pd.testing.assert_frame_equal(small.rejected.astype(object).where(small.rejected.notna()),
                                  engine.rejected.astype(object).where(engine.rejected.notna()),
                                  check_dtype=False)
    def grams(res):
        return res.credited.groupby("record_id")["credited_g"].sum().to_dict()

    assert grams(small) == pytest.approx(grams(engine))
    assert small.total_g == pytest.approx(engine.total_g)


def test_a_trip_overlapping_an_earlier_batch_names_that_record() -> None:
    records = _table([(1, "p1", 0, 60, 30, 5.0)])      # 09:00–09:30 by metro
    trips = [("earlier-7", "p1", BASE + dt.timedelta(minutes=75), BASE + dt.timedelta(minutes=95))]
    res = credit_small(records, _methods(), prior=trips)
    assert res.total_g == 0
    assert res.to_json()["rejected"] == [{
        "row": 2, "record_id": "r1",
        "reason": "行程时间重叠：与本人此前批次已计入的出行记录时间重叠（记录 earlier-7）"}]


def test_a_trip_of_no_duration_starting_with_an_earlier_trip_overlaps_nothing() -> None:
    """Overlap is a.start < b.end and b.start < a.end: 08:00–08:00 shares no time with an
    earlier batch's 08:00–08:01 (Hypothesis found the small path failing on it), as the engine says."""
    records = _table([(0, "p1", 0, 0, 0, 0.0), (0, "p1", 0, 0, 1, 0.0)])
    trips = [("old0", "p1", BASE, BASE + dt.timedelta(minutes=1))]
    small = credit_small(records, _methods(), prior=trips)
    engine = credit_batch(records, _methods(), keep_records=True,
                          seen_ids=pa.table({"seen_id": pa.array([], pa.string())}), prior=_prior_table(trips))
    assert [r["reason"] for r in engine.rejected.to_dict("records")] == ["duplicate"]
    pd.testing.assert_frame_equal(small.rejected.astype(object).where(small.rejected.notna()),
                                  engine.rejected.astype(object).where(engine.rejected.notna()),
                                  check_dtype=False)

def test_small_batch_with_bad_input_gets_the_engines_report() -> None:
    records = _table([(1, "p1", 0, 60, 30, 5.0)]).set_column(
        3, "scene", pa.array(["飞行"], pa.string()))
    with pytest.raises(ValidationFailed) as err:
        credit_small(records, _methods())
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "scene")]
