"""Facilities in increasing order as the proof that no key is given twice
(``inventory.ordered``), and the large-file path that uses it."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cocontrol.errors import ValidationFailed
from cocontrol.inventory import bigfile, ordered
from cocontrol.inventory.ordered import BYTE, LENGTH
from cocontrol.testing import sample_city


@pytest.mark.parametrize("values, orders", [
    (["F001", "F002", "F010"], BYTE | LENGTH),   # padded identifiers: both orders
    (["8", "9", "10", "11"], LENGTH),            # numbers as text: "10" < "9" as bytes
    (["10", "9"], BYTE),                         # bytes only
    (["a", "b", "b"], 0),                        # a repeat breaks both
    (["b", "a"], 0),
    (["济南1", "济南2"], BYTE | LENGTH),
    (["x"], BYTE | LENGTH),
])
def test_pair_orders_by_hand(values, orders) -> None:
    assert ordered.pair_orders(pa.array(values, pa.string())) == orders
    assert ordered.pair_orders(pa.array(values, pa.large_string())) == orders


@pytest.mark.parametrize("values", [
    ["F001", "F002", "F010"], ["8", "9", "10", "11"], ["10", "9"], ["a", "b", "b"], ["b", "a"],
    ["济南1", "济南2"], ["x"], ["a", None], ["é", "z"], ["z", "é"], [f"F{i}" for i in range(99)],
    [f"F{i:03d}" for i in range(70, 0, -1)]])
def test_the_python_probe_agrees_with_pair_orders(values) -> None:
    """The first rows compared in Python say "not increasing" only when pyarrow's pass would:
    on the probed prefix the two agree."""
    head = pa.array(values[:ordered.PROBE], pa.string())
    expected = head.null_count == 0 and ordered.pair_orders(head) != 0
    assert ordered.may_increase(pa.array(values, pa.string())) == expected


def test_pair_orders_of_a_slice() -> None:
    """An array that starts inside its buffers (an offset): its own items only."""
    values = pa.array(["z", "a", "b", "c"], pa.string()).slice(1)
    assert ordered.pair_orders(values) == BYTE | LENGTH


@pytest.mark.parametrize("values, clean", [
    (["f1", "f 2"], True), ([" f1"], False), (["f1\t"], False), ([""], False),
    (["f1", None], False), (["\x0bf"], False), (["f\x0c"], False), (["!"], True),
    (["工厂"], True),
])
def test_clean_texts_by_hand(values, clean) -> None:
    assert ordered.clean_texts(pa.array(values, pa.string())) is clean
    assert ordered.clean_texts(pa.array(["ok", *values], pa.string()).slice(1)) is clean


def _file(tmp_path, facilities: list) -> str:
    path = tmp_path / "f.parquet"
    pq.write_table(pa.table({"facility": pa.array(facilities, pa.string())}), path,
                   row_group_size=3)
    return str(path)


def test_increasing_facilities_across_batches_and_row_groups(tmp_path, monkeypatch) -> None:
    """Batches of two rows over row groups of three: each row is compared with the one
    before it, also across a batch's edge — a repeat there is found. The rows are counted."""
    monkeypatch.setattr(ordered, "BATCH", 2)
    numbers = [str(i) for i in range(5, 15)]
    assert ordered.increasing_facilities(_file(tmp_path, numbers), "facility") == 10
    assert ordered.increasing_facilities(_file(tmp_path, sorted(numbers)), "facility") == 10
    repeat = [*numbers[:4], numbers[3], *numbers[4:]]  # rows 4 and 5: batches 2 and 3
    assert ordered.increasing_facilities(_file(tmp_path, repeat), "facility") is None
    # each half in one order, the two halves not: ten as text after nine, then "10" < "9"
    mixed = ["1", "2", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "2"]
    assert ordered.increasing_facilities(_file(tmp_path, mixed), "facility") is None
    assert ordered.increasing_facilities(_file(tmp_path, [*numbers, None]), "facility") is None
    assert ordered.increasing_facilities(_file(tmp_path, ["a", "b "]), "facility") is None


def test_increasing_facilities_only_for_a_text_column(tmp_path) -> None:
    path = tmp_path / "n.parquet"
    pq.write_table(pa.table({"facility": pa.array([1, 2, 3])}), path)
    assert ordered.increasing_facilities(path, "facility") is None
    assert ordered.increasing_facilities(path, "plant") is None


HEAD = "region,year,sector,fuel,facility,value,unit\n"


@pytest.mark.parametrize("body, rows", [
    ('a,2020,s,f,F1,1,t\na,2020,s,f,"F2",1,t\na,2020,s,f,"F,3",1,t\n', 3),  # quotes taken off
    ('a,2020,s,f,9,1,t\r\na,2020,s,f,10,1,t\r\n', 2),                    # CRLF lines
    ('a,2020,s,f,"F""1",1,t\na,2020,s,f,"F""2",1,t\n', 2),                # doubled quotes
    ("a,2020,s,f,F1,1,t\na,2020,s,f,F1,1,t\n", None),                      # a repeat
    ("a,2020,s,f,F1,1,t\na,2020,s,f,,1,t\n", None),                        # empty
    ('a,2020,s,f,F1,1,t\na,2020,s,f," F2",1,t\n', None),                   # untrimmed
    ("a,2020,s,f,F1,1,t\n\na,2020,s,f,F2,1,t\n", None),                    # an empty line
    ('a,2020,s,f,F1,1,t\na,2020,s,f,"F\n2",1,t\n', 2),                     # a quoted line break
    ("a,2020,s,f,F1,1,t\na,2020,s,f,F2,1\n", None),                        # a short row
])
def test_increasing_facilities_of_a_csv_file(tmp_path, body, rows) -> None:
    """A CSV file read as the engine reads it (comma, quotes taken off, doubled quotes
    inside); whatever that reader refuses is not proven (the caller hashes instead)."""
    path = tmp_path / "a.csv"
    path.write_bytes((HEAD + body).encode())
    try:
        got = ordered.increasing_facilities(path, "facility")
    except Exception:  # the reader's refusal: bigfile.distinct_facilities says False
        got = None
    assert got == rows


def _activity(facilities: list[str]) -> pd.DataFrame:
    """Rows of the sample city, one key: its first row repeated with these facilities."""
    first = sample_city("样例市").head(1)
    rows = pd.concat([first] * len(facilities), ignore_index=True)
    return rows.assign(facility=facilities, value=[1.0 + i for i in range(len(facilities))])


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_run_takes_the_proof_and_finds_a_repeat_without_it(tmp_path, monkeypatch,
                                                           suffix) -> None:
    """An ordered file is not hashed (the hash read would fail here) and gives the result of
    the hashed path; a file with a facility given twice is not ordered, so it is hashed
    and refused naming the key."""
    path = tmp_path / f"a{suffix}"

    def write(frame: pd.DataFrame) -> None:
        frame.to_parquet(path) if suffix == ".parquet" else frame.to_csv(path, index=False)

    write(_activity(["1", "2", "10"]))
    monkeypatch.setattr(bigfile, "distinct_facilities", lambda *args: False)
    hashed = bigfile.to_frame(bigfile.run(path))
    monkeypatch.undo()

    def refused(*args, **kwargs):
        raise AssertionError("hashed")

    monkeypatch.setattr(bigfile, "hash_pass", refused)
    proven = bigfile.to_frame(bigfile.run(path))
    pd.testing.assert_frame_equal(proven, hashed)
    assert len(proven) > 0
    monkeypatch.undo()
    write(_activity(["1", "2", "1"]))
    with pytest.raises(ValidationFailed) as err:
        bigfile.run(path)
    assert "样例市" in str(err.value.problems[0]) and "1" in str(err.value.problems[0])


def test_a_row_count_other_than_the_engine_s_is_no_proof(tmp_path) -> None:
    """The facilities prove the keys distinct only when the reader counted the rows the
    engine grouped."""
    path = tmp_path / "a.parquet"
    _activity(["1", "2", "10"]).to_parquet(path)
    mapping, kinds = {"facility": "facility"}, {"facility": "text"}
    assert bigfile.distinct_facilities(path, mapping, kinds, 3)
    assert not bigfile.distinct_facilities(path, mapping, kinds, 4)
    assert not bigfile.distinct_facilities(path, {}, kinds, 3)


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_the_first_rows_settle_an_unordered_file(tmp_path, monkeypatch, suffix) -> None:
    """``may_be_ordered`` reads the first facilities through the engine: increasing → the
    ordered pass may run; not increasing → hashed at once (the pass is never opened), and a
    facility given twice is still found."""
    path = tmp_path / f"a{suffix}"

    def write(frame: pd.DataFrame) -> None:
        frame.to_parquet(path) if suffix == ".parquet" else frame.to_csv(path, index=False)

    mapping, kinds = {"facility": "facility"}, {"facility": "text"}
    con = bigfile.connect()
    write(_activity(["1", "2", "10"]))
    assert bigfile.may_be_ordered(con, path, mapping, kinds)
    assert not bigfile.may_be_ordered(con, path, {}, kinds)
    write(_activity(["2", "1", "3", "2"]))
    assert not bigfile.may_be_ordered(con, path, mapping, kinds)
    con.close()

    def refused(*args, **kwargs):
        raise AssertionError("ordered pass opened")

    monkeypatch.setattr(bigfile, "distinct_facilities", refused)
    with pytest.raises(ValidationFailed) as err:
        bigfile.run(path)
    assert "2" in str(err.value.problems[0])
