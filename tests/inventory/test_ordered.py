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


INT = pa.int64()
KEYS = {"region": "region", "year": "year", "sector": "sector", "fuel": "fuel",
        "facility": "facility"}  # the file's column order


def _rows(tmp_path, rows: list[tuple], suffix: str = ".parquet", year: pa.DataType = INT,
          group: int = 3) -> str:
    """A file of (region, year, sector, fuel, facility) rows, value 1 t, row groups of
    ``group`` rows (Parquet)."""
    cols = list(zip(*rows, strict=True))
    table = pa.table({"region": pa.array(cols[0], pa.string()), "year": pa.array(cols[1], year),
                      "sector": pa.array(cols[2], pa.string()),
                      "fuel": pa.array(cols[3], pa.string()),
                      "facility": pa.array(cols[4], pa.string()),
                      "value": pa.array([1.0] * len(rows)), "unit": ["t"] * len(rows)})
    path = tmp_path / f"k{suffix}"
    if suffix == ".csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, path)
    else:
        pq.write_table(table, path, row_group_size=group)
    return str(path)


# facility F1 burns coal and gas, F2 coal: ties on the facility broken by the fuel
BY_FACILITY = [("a", 2020, "s", "coal", "F1"), ("a", 2020, "s", "gas", "F1"),
               ("b", 2020, "s", "coal", "F2"), ("b", 2020, "t", "coal", "F2"),
               ("b", 2021, "s", "coal", "F2")]


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
@pytest.mark.parametrize("batch", [2, 3, 1 << 15])
def test_ties_on_the_facility_broken_by_the_other_key_columns(tmp_path, monkeypatch, suffix,
                                                              batch) -> None:
    """Rows by facility, then (in the file's order) region, year, sector, fuel: every key
    distinct though facilities repeat — proven, in any batching; not proven by the
    facility alone."""
    monkeypatch.setattr(ordered, "BATCH", batch)
    path = _rows(tmp_path, BY_FACILITY, suffix)
    assert ordered.increasing_keys(path, KEYS) == 5
    assert ordered._by_facility(path, KEYS) == 5  # the cheap pass proves it
    assert ordered.increasing_facilities(path, "facility") is None


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_rows_in_the_file_s_column_order(tmp_path, suffix) -> None:
    """Sorted by region, year, sector, fuel, facility (the columns' order), facilities not
    increasing: proven by the first column order."""
    rows = [("a", 2020, "s", "coal", "F9"), ("a", 2020, "s", "gas", "F1"),
            ("a", 2021, "s", "coal", "F1"), ("b", 2020, "s", "coal", "F2")]
    path = _rows(tmp_path, rows, suffix)
    assert ordered._by_facility(path, KEYS) is None  # not the cheap pass: the general one
    assert ordered.increasing_keys(path, KEYS) == 4


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_a_whole_key_repeated_across_a_batch_edge(tmp_path, monkeypatch, suffix) -> None:
    """Rows 3 and 4 share their whole key, row 3 last of its batch, row 4 first of the
    next: not proven (under either column order), and the run finds the duplicate."""
    monkeypatch.setattr(ordered, "BATCH", 3)
    rows = [*BY_FACILITY[:3], BY_FACILITY[2], *BY_FACILITY[3:]]
    path = _rows(tmp_path, rows, suffix, group=3)
    assert ordered.increasing_keys(path, KEYS) is None
    assert ordered._by_facility(path, KEYS) is None
    # the same two rows inside one batch
    monkeypatch.setattr(ordered, "BATCH", 1 << 15)
    assert ordered.increasing_keys(path, KEYS) is None


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_sorted_by_facility_not_by_fuel_within_it(tmp_path, monkeypatch, suffix) -> None:
    """Facilities in order, but F1's fuels gas before coal and F2's coal before gas: no
    column order holds, so the file is hashed — and its duplicate (F2 coal twice, the two
    rows apart) is still found and named."""
    rows = [("a", 2020, "s", "gas", "F1"), ("a", 2020, "s", "coal", "F1"),
            ("a", 2020, "s", "coal", "F2"), ("a", 2020, "s", "gas", "F2"),
            ("a", 2020, "s", "coal", "F2")]
    path = _rows(tmp_path, rows[:4], suffix)
    assert ordered.increasing_keys(path, KEYS) is None
    assert ordered._by_facility(path, KEYS) is None
    called = []
    hash_pass = bigfile.hash_pass
    monkeypatch.setattr(bigfile, "hash_pass", lambda *a, **k: called.append(1) or hash_pass(*a, **k))
    first = sample_city("样例市").head(1)
    frame = pd.concat([first] * 5, ignore_index=True).assign(
        facility=[r[4] for r in rows], fuel=["Raw_Coal", "Coke", "Coke", "Raw_Coal", "Coke"],
        value=1.0, unit="万吨")
    file = tmp_path / f"dup{suffix}"
    frame.to_parquet(file) if suffix == ".parquet" else frame.to_csv(file, index=False)
    with pytest.raises(ValidationFailed) as err:
        bigfile.run(file)
    assert called
    text = " ".join(map(str, err.value.problems))
    assert "F2" in text and "Coke" in text


@pytest.mark.parametrize("year, years, proven", [
    (pa.string(), ["2020", "2021"], True),
    (pa.string(), ["2020", "2020.0"], False),   # two spellings of one year
    (pa.string(), ["02020", "2020"], False),
    (pa.string(), ["2020", " 2021"], False),
    (pa.int64(), [2020, 2021], True),
    (pa.int64(), [20200, 20201], False),        # out of range: both clean to NULL
    (pa.float64(), [2020.0, 2021.0], False),
])
def test_the_year_left_as_it_is_by_cleaning(tmp_path, year, years, proven) -> None:
    """One facility's two rows differ only by the year: proven only when cleaning maps
    distinct years as given to distinct years (whole numbers in range, no other spelling)."""
    rows = [("a", y, "s", "coal", "F1") for y in years]
    path = _rows(tmp_path, rows, year=year)
    assert (ordered.increasing_keys(path, KEYS) == 2) is proven
    assert (ordered._by_facility(path, KEYS) == 2) is proven


def test_each_column_keeps_its_own_value_order(tmp_path) -> None:
    """Facilities as numbers written as text (9 < 10), their fuels by bytes: proven."""
    rows = [("a", 2020, "s", "coal", "9"), ("a", 2020, "s", "gas", "9"),
            ("a", 2020, "s", "coal", "10"), ("a", 2020, "s", "oil", "10")]
    assert ordered.increasing_keys(_rows(tmp_path, rows), KEYS) == 4
    # the fuels of facility 10 in the other order: the fuel column has no order left
    rows[2:] = [("a", 2020, "s", "oil", "10"), ("a", 2020, "s", "coal", "10")]
    assert ordered.increasing_keys(_rows(tmp_path, rows), KEYS) is None


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_a_file_of_the_sample_city_in_key_order(tmp_path, suffix) -> None:
    """Facilities repeating, each one's fuels in order: the whole key proves it (as read
    from a file the engine takes, its own header's columns); the command's test takes the
    facility alone (the whole key costs as much as hashing), so it hashes this file."""
    from cocontrol.inventory.keys import DUPLICATE_KEYS

    first = sample_city("样例市").head(1)
    frame = pd.concat([first] * 4, ignore_index=True).assign(
        facility=["F1", "F1", "F2", "F2"], fuel=["Coke", "Raw_Coal", "Coke", "Raw_Coal"],
        value=[1.0, 2.0, 3.0, 4.0], unit="万吨")
    path = tmp_path / f"w{suffix}"
    frame.to_parquet(path) if suffix == ".parquet" else frame.to_csv(path, index=False)
    mapping, kinds = bigfile.header(path)
    keys = {k: c for k, c in mapping.items() if k in DUPLICATE_KEYS}
    assert ordered.increasing_keys(path, keys) == 4
    assert not bigfile.distinct_facilities(path, mapping, kinds, 4)
