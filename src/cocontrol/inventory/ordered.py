"""Rows given in increasing order of their key: a linear, exact proof that no key is given twice.

The duplicate key is the cleaned (region, year, month, sector, fuel, technology, facility)
(:data:`cocontrol.inventory.keys.DUPLICATE_KEYS`; the columns the file has). When each row's
key columns, as given, are greater than the previous row's under one strict lexicographic
order — the first column on which two successive rows differ decides, each column compared by
its own order — the rows' keys as given are all distinct (a strictly increasing sequence
repeats no value). When moreover cleaning leaves every key cell as it is, the cleaned keys are
distinct too and no key is given twice. Cleaning leaves a cell as it is when it is a text that
is not empty and has no blank or control character at either end (the trimmed characters are
six blanks, so this is stricter than needed) and, for the year and month, a whole number in
range: an integer column, or a text of ASCII digits without a leading zero (``2020``, not
``2020.0`` or ``02020``, which clean to the same year).

The orders of a column: for text the byte order (``F0001`` < ``F0002``) or the order of
numbers written as text — shorter first, bytes for equal lengths (``9`` < ``10``); for an
integer column the numbers' order. Two column orders are tried at once: the file's column
order, and the facility first, the other key columns after it in the file's order. A
facility-level export lists each facility's rows together (one per year, sector, fuel …), the
facilities by their identifier: the second order; an export sorted by region, year, sector …
whose columns come in that order: the first. (A file sorted by facility whose rows within a
facility follow another column order than the file's is not proven: it is hashed.) Which
orders hold is read from the rows, never assumed; for each row the first differing column is
the same under every order of the columns' values, so each column keeps the value orders that
hold on the rows it decides, independently of the others.

One pass (Parquet: the key columns alone, in batches, low-cardinality text columns read as
dictionaries and compared by the ranks of their few values; CSV: pyarrow's reader in the
engine's dialect, a block at a time; one thread), stopping at the first row that breaks every
order — for an unordered file within the first batch — or repeats the previous row's key.
For the usual export (facility first, the others by bytes) a cheaper pass runs first
(:func:`_by_facility`: the other columns' ranks as one integer a row). A caller accepts the
proof only when the pass counted the rows the engine grouped.

Cost (10⁷ rows, 500 000 facilities × 20 rows, one thread, quiet machine): Parquet ~0.7 s of
CPU, about the hash read's (:func:`cocontrol.inventory.bigfile.hash_pass`, one thread
0.69–0.75 s) — five columns are read instead of one; CSV ~3.1 s against ~3.5 s. So the command
(:func:`cocontrol.inventory.bigfile.distinct_facilities`) takes only
:func:`increasing_facilities`, the facility column alone, which costs ~0.37 s for a file
whose facilities all differ; the whole-key pass is kept, tested, for a caller with a core to
spare or a file read once for several purposes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from cocontrol.inventory.filehead import is_csv

BYTE, LENGTH, NUMBER = 1, 2, 4  # the orders of a column's values, as bits
TEXT = BYTE | LENGTH
BATCH = 1 << 15
WHOLE = {"year": (1900, 2100), "month": (1, 12)}  # cleaned as whole numbers in this range


def pair_orders(values: pa.Array) -> int:
    """The orders (bits :data:`BYTE`, :data:`LENGTH`) under which each item of a string
    array is greater than the one before, given every item is a clean text
    (:func:`clean_texts`); 0 when neither holds."""
    import numpy as np
    import pyarrow.compute as pc

    n = len(values)
    if n < 2:
        return BYTE | LENGTH
    less = _bools(pc.less(values.slice(0, n - 1), values.slice(1)))
    orders = BYTE if bool(less.all()) else 0
    longer = np.diff(np.diff(_offsets(values)))  # the change of length in bytes
    if bool(((longer > 0) | ((longer == 0) & less)).all()):
        orders |= LENGTH
    return orders


@dataclass
class Pairs:
    """One column's comparison of each row with the row before (n − 1 items for n rows):
    ``eq`` whether equal (booleans), ``less(order, i)`` whether row i is below row i + 1
    under that order, for the rows i asked only (those the column decides), ``orders`` the
    orders it has."""

    eq: Any
    less: Callable[[int, Any], Any]
    orders: int


def text_pairs(values: pa.Array) -> Pairs:
    """:class:`Pairs` of a string array (byte and length order)."""
    import numpy as np
    import pyarrow.compute as pc

    n = len(values)
    eq = (_bools(pc.equal(values.slice(0, n - 1), values.slice(1))) if n > 1
          else np.zeros(0, dtype=bool))

    def less(order: int, rows: Any) -> Any:
        if len(rows) == n - 1:  # every row (facilities all distinct): no copy
            byte = _bools(pc.less(values.slice(0, n - 1), values.slice(1)))
            if order == BYTE:
                return byte
            longer = np.diff(np.diff(_offsets(values)))  # the change of length in bytes
        else:
            byte = _bools(pc.less(values.take(pa.array(rows)), values.take(pa.array(rows + 1))))
            if order == BYTE:
                return byte
            offsets = _offsets(values)
            longer = ((offsets[rows + 2] - offsets[rows + 1])
                      - (offsets[rows + 1] - offsets[rows]))
        return (longer > 0) | ((longer == 0) & byte)

    return Pairs(eq, less, TEXT)


def _ranks(words: list[str], order: int) -> Any:
    """Dense ranks of the words (equal words, equal ranks) in the byte or length order;
    Python's str order is the UTF-8 byte order. Remembered (the batches of one row group
    share its dictionary)."""
    return _ranked(tuple(words), order)


@functools.lru_cache(maxsize=64)
def _ranked(words: tuple[str, ...], order: int) -> Any:
    import numpy as np

    key = None if order == BYTE else (lambda w: (len(w.encode()), w))
    dense = {w: i for i, w in enumerate(sorted(set(words), key=key))}
    ranks = np.array([dense[w] for w in words], dtype=np.int64)
    ranks.setflags(write=False)
    return ranks


def dictionary_pairs(values: pa.DictionaryArray) -> Pairs:
    """:class:`Pairs` of a dictionary array of texts: equal when their indices are (the
    dictionary's values distinct) or their ranks; ordered by the ranks of their values (a
    few values, ranked in Python)."""
    words = values.dictionary.to_pylist()
    idx = values.indices.to_numpy(zero_copy_only=False)
    code = idx if len(set(words)) == len(words) else _ranks(words, BYTE)[idx]

    def less(order: int, rows: Any) -> Any:
        rank = _ranks(words, order)
        return rank[idx[rows]] < rank[idx[rows + 1]]

    return Pairs(code[1:] == code[:-1], less, TEXT)


def number_pairs(values: Any) -> Pairs:
    """:class:`Pairs` of a numpy array of integers."""
    return Pairs(values[1:] == values[:-1], lambda order, rows: values[rows] < values[rows + 1],
                 NUMBER)


def _bools(flags: pa.Array) -> Any:
    """A boolean array without NULL as numpy booleans, unpacked from its bitmap (Arrow's
    own conversion costs ~4 times as much)."""
    import numpy as np

    bits = np.frombuffer(flags.buffers()[1], dtype=np.uint8)
    start = flags.offset
    unpacked = np.unpackbits(bits, bitorder="little", count=start + len(flags))
    return unpacked[start:].view(np.bool_)


def _offsets(values: pa.Array) -> Any:
    """The n + 1 offsets of a string or large string array (no copy)."""
    import numpy as np

    kind = np.int64 if pa.types.is_large_string(values.type) else np.int32
    offsets = np.frombuffer(values.buffers()[1], dtype=kind)
    return offsets[values.offset:values.offset + len(values) + 1]


def clean_texts(values: pa.Array) -> bool:
    """No NULL, no empty text, and the first and last byte of every text above the space
    (so cleaning — trimming six blanks, NULL when empty — leaves each as it is)."""
    import numpy as np

    if values.null_count or len(values) == 0:
        return values.null_count == 0
    offsets = _offsets(values)
    starts, ends = offsets[:-1], offsets[1:]
    if bool((ends <= starts).any()):
        return False
    data = np.frombuffer(values.buffers()[2], dtype=np.uint8)
    return bool((data[starts] > 0x20).all() and (data[ends - 1] > 0x20).all())


def _whole_texts(words: list[str], low: int, high: int) -> bool:
    """Every text ASCII digits without a leading zero, its number in [low, high] (cleaning
    gives that number, and no other text gives it)."""
    return all(w.isascii() and w.isdigit() and w[0] != "0" and low <= int(w) <= high
               for w in words)


def _clean(key: str, values: pa.Array) -> Any:
    """The column's :class:`Pairs` when cleaning leaves each of its cells as it is (see the
    module docstring), else None. A text equal to the one before is not checked again."""
    if values.null_count:
        return None
    if pa.types.is_dictionary(values.type):
        words = values.dictionary
        if not (pa.types.is_string(words.type) or pa.types.is_large_string(words.type)):
            return None
        if not clean_texts(words) or (key in WHOLE and
                                      not _whole_texts(words.to_pylist(), *WHOLE[key])):
            return None
        return dictionary_pairs(values)
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        pairs = text_pairs(values)
        if not clean_texts(_changes(values, pairs.eq)) or (key in WHOLE and not _whole_texts(
                pa.compute.unique(values).to_pylist(), *WHOLE[key])):
            return None
        return pairs
    if key in WHOLE and pa.types.is_integer(values.type):
        numbers = values.to_numpy()
        low, high = WHOLE[key]
        if len(numbers) and not (low <= int(numbers.min()) and int(numbers.max()) <= high):
            return None
        return number_pairs(numbers)
    return None


def _changes(values: pa.Array, eq: Any) -> pa.Array:
    """The rows of ``values`` other than those equal to the row before (``eq``): the same
    texts to check. All of them when most rows change (the copy would cost more)."""
    import numpy as np

    rows = np.flatnonzero(~eq)
    if 4 * len(rows) > len(values):
        return values
    return values.take(pa.array(np.concatenate([[0], rows + 1])))


def _narrow(pairs: dict[str, Pairs], candidates: dict[tuple[str, ...], dict[str, int]]) -> None:
    """Drop from each column order of ``candidates`` the value orders that fail on these
    rows — for each row, those of the first column on which it differs from the row before —
    and remove every column order under which a column keeps no order or a row equals the
    one before on every key column."""
    import numpy as np

    for columns in list(candidates):
        orders = candidates[columns]
        same = None  # rows equal to the one before on the columns so far
        for key in columns:
            p = pairs[key]
            rows = np.flatnonzero(~p.eq if same is None else same & ~p.eq)
            if len(rows):
                for order in (BYTE, LENGTH, NUMBER):
                    if orders[key] & p.orders & order and not bool(p.less(order, rows).all()):
                        orders[key] &= ~order
            if not orders[key] & p.orders:
                del candidates[columns]
                break
            same = p.eq if same is None else same & p.eq
        else:
            if same is not None and bool(same.any()):
                del candidates[columns]


def increasing_keys(path: str | Path, keys: dict[str, str]) -> int | None:
    """The number of rows of the file when its key columns (canonical name → the file's
    column, in the file's column order) are left as they are by cleaning on every row and
    increase from row to row under one of the lexicographic orders of the module docstring —
    then no key of the file is given twice; None for any other file (a column of another
    type, a NULL, an empty or untrimmed text, a year not written as a whole number, a row
    not above the previous one, a CSV file the reader refuses) — which does not mean a key
    is given twice. One thread (the engine's per-key work runs beside)."""
    if not keys:
        return None
    names = list(keys)
    orders = {k: TEXT | NUMBER for k in names}
    candidates = {tuple(names): dict(orders)}
    if "facility" in keys:
        candidates.setdefault(("facility", *[k for k in names if k != "facility"]), dict(orders))
    if "facility" in keys and len(keys) > 1:
        rows = _by_facility(path, keys)
        if rows is not None:
            return rows
    batches = _columns(path, keys)
    if batches is None:
        return None
    rows, last = 0, None
    for batch in batches:
        n = len(batch[names[0]])
        if n == 0:
            continue
        pairs = {}
        for key in names:
            p = _clean(key, batch[key])
            if p is None:
                return None
            pairs[key] = p
        first = {key: batch[key][0].as_py() for key in names}
        if last is not None:  # the first row of the batch against the one before
            _narrow_edge(last, first, candidates)
        _narrow(pairs, candidates)
        if not candidates:
            return None
        rows += n
        last = {key: batch[key][n - 1].as_py() for key in names}
    return rows


def _columns(path: str | Path, keys: dict[str, str]) -> Iterator[dict[str, pa.Array]] | None:
    return _csv_columns(path, keys) if is_csv(path) else _parquet_columns(path, keys)


def _by_facility(path: str | Path, keys: dict[str, str]) -> int | None:
    """The common case of :func:`increasing_keys`, cheaper: the facility first, the other
    key columns after it in the file's order, each of them by bytes (text) or as numbers.
    Per batch the other columns' ranks (dense, in their dictionary) make one integer per
    row, so that a row is above the one before when its facility is, or when the
    facilities are equal and its integer is greater — a few operations on integers a row
    instead of several per column. None when that is not so (then the general pass runs:
    another order may hold, or a key is repeated)."""
    import math

    import numpy as np

    batches = _columns(path, keys)
    if batches is None:
        return None
    others = [k for k in keys if k != "facility"]
    order = ("facility", *others)
    candidate = {order: {k: TEXT if k == "facility" else BYTE | NUMBER for k in keys}}
    rows, last = 0, None
    for batch in batches:
        facility = batch["facility"]
        n = len(facility)
        if n == 0:
            continue
        if not (pa.types.is_string(facility.type) or pa.types.is_large_string(facility.type)):
            return None
        if facility.null_count:
            return None
        pairs = text_pairs(facility)
        if not clean_texts(_changes(facility, pairs.eq)):
            return None
        code = np.zeros(n, dtype=np.int64)
        sizes = []
        for key in others:
            values = batch[key]
            if values.null_count:
                return None
            if pa.types.is_dictionary(values.type):
                words = values.dictionary
                if not (pa.types.is_string(words.type) and clean_texts(words)):
                    return None
                texts = words.to_pylist()
                if key in WHOLE and not _whole_texts(texts, *WHOLE[key]):
                    return None
                rank = _ranks(texts, BYTE)[values.indices.to_numpy(zero_copy_only=False)]
                size = len(set(texts))
            elif key in WHOLE and pa.types.is_integer(values.type):
                low, high = WHOLE[key]
                rank = values.to_numpy()
                if not (low <= int(rank.min()) and int(rank.max()) <= high):
                    return None
                rank, size = rank - low, high - low + 1
            else:
                return None
            sizes.append(size)
            if math.prod(sizes) >= 1 << 62:
                return None
            code *= size
            code += rank
        first = {key: batch[key][0].as_py() for key in keys}
        if last is not None:
            _narrow_edge(last, first, candidate)
            if not candidate:
                return None
        if bool((pairs.eq & (code[1:] <= code[:-1])).any()):
            return None  # tied facilities whose other columns are not above the row before
        changes = np.flatnonzero(~pairs.eq)
        alive = candidate[order]
        if len(changes):
            alive["facility"] &= _text_orders(facility, changes)
            if not alive["facility"] & TEXT:
                return None
        rows += n
        last = {key: batch[key][n - 1].as_py() for key in keys}
    return rows


def _text_orders(values: pa.Array, rows: Any) -> int:
    """The orders (:data:`BYTE`, :data:`LENGTH`) under which each text of ``rows`` is below
    the next one."""
    import pyarrow.compute as pc

    byte = _bools(pc.less(values.take(pa.array(rows)), values.take(pa.array(rows + 1))))
    offsets = _offsets(values)  # the change of length in bytes
    longer = (offsets[rows + 2] - offsets[rows + 1]) - (offsets[rows + 1] - offsets[rows])
    return ((BYTE if bool(byte.all()) else 0)
            | (LENGTH if bool(((longer > 0) | ((longer == 0) & byte)).all()) else 0))


def _narrow_edge(before: dict[str, Any], after: dict[str, Any],
                 candidates: dict[tuple[str, ...], dict[str, int]]) -> None:
    """:func:`_narrow` for one pair of rows given as Python values (each already checked
    clean in its batch): text compared as str (code point order, that of the UTF-8 bytes),
    numbers as numbers."""
    for columns in list(candidates):
        orders = candidates[columns]
        key = next((k for k in columns if before[k] != after[k]), None)
        if key is None:  # the whole key repeated
            del candidates[columns]
            continue
        a, b = before[key], after[key]
        if isinstance(a, str):
            if not a < b:
                orders[key] &= ~BYTE
            if not (len(a.encode()), a) < (len(b.encode()), b):
                orders[key] &= ~LENGTH
            orders[key] &= ~NUMBER
        elif not a < b:
            orders[key] &= ~NUMBER
        if not orders[key] & (TEXT if isinstance(a, str) else NUMBER):
            del candidates[columns]


def increasing_facilities(path: str | Path, column: str) -> int | None:
    """The facility column alone — the pass the command takes (lean: one comparison a row
    and the lengths, no bookkeeping per column). The number of rows of the file when its
    text column ``column`` (the facility as
    given) is clean on every row and increases from row to row under the byte order or the
    order of numbers written as text (see the module docstring) — then no key of the file is
    given twice; None for any other file (a column of another type, a NULL, an empty or
    untrimmed text, a row not above the previous one, a CSV file the reader refuses) — which
    does not mean a key is given twice. One thread (the engine's per-key work runs beside)."""
    batches = _csv_column(path, column) if is_csv(path) else _parquet_column(path, column)
    if batches is None:
        return None
    rows, orders, last = 0, BYTE | LENGTH, None
    for chunk in batches:
        if len(chunk) == 0:
            continue
        if not clean_texts(chunk):
            return None
        if last is not None:  # the first row of the batch against the one before
            orders &= pair_orders(pa.concat_arrays([last, chunk.slice(0, 1)]))
        orders &= pair_orders(chunk)
        if not orders:
            return None
        rows += len(chunk)
        last = chunk.slice(len(chunk) - 1)
    return rows


def _parquet_columns(path: str | Path,
                     keys: dict[str, str]) -> Iterator[dict[str, pa.Array]] | None:
    """The Parquet file's key columns in batches of :data:`BATCH` rows (their working
    arrays are reused from batch to batch), text columns other than the facility as
    dictionaries; None when one is missing."""
    import pyarrow.parquet as pq

    schema = pq.read_schema(path)
    if any(c not in schema.names for c in keys.values()):
        return None
    texts = [c for k, c in keys.items() if k != "facility"
             and pa.types.is_string(schema.field(c).type)]
    # mapped: the columns' pages are read where the page cache holds them (copied into fresh
    # buffers instead, the first touch of that memory cost up to 0.7 s of system time here)
    pf = pq.ParquetFile(path, memory_map=True, read_dictionary=texts)
    columns = list(dict.fromkeys(keys.values()))
    batches = pf.iter_batches(batch_size=BATCH, columns=columns, use_threads=False)
    return ({k: batch.column(c) for k, c in keys.items()} for batch in batches)


def _csv_columns(path: str | Path, keys: dict[str, str]) -> Iterator[dict[str, pa.Array]]:
    """The CSV file's key columns as text, block by block (1 MiB), read as the engine reads
    it (:func:`cocontrol.inventory.bigfile.register_file`: comma, ``"`` quotes doubled inside
    a value, line breaks inside quotes, one header row), the columns other than the facility
    as dictionaries; an empty line, a row of another width or a cell that is not UTF-8 ends
    the reading with an error (the caller then hashes)."""
    from pyarrow import csv

    words = pa.dictionary(pa.int32(), pa.string())
    types = {c: pa.string() if k == "facility" else words for k, c in keys.items()}
    # not mapped (0.1 s of CPU less for 10⁷ rows, but every page of the file read would count
    # in the process's resident memory: 0.9 GB more for the issue-9 file)
    reader = csv.open_csv(
        str(path), read_options=csv.ReadOptions(use_threads=False, block_size=1 << 20),
        parse_options=csv.ParseOptions(delimiter=",", quote_char='"', double_quote=True,
                                       escape_char=False, newlines_in_values=True,
                                       ignore_empty_lines=False),
        convert_options=csv.ConvertOptions(include_columns=list(dict.fromkeys(keys.values())),
                                           column_types=types, strings_can_be_null=False))
    return ({k: batch.column(c) for k, c in keys.items()} for batch in reader)


def _parquet_column(path: str | Path, column: str) -> Iterator[pa.Array] | None:
    """The Parquet file's string column in batches of :data:`BATCH` rows (their working
    arrays, < 128 KiB, are reused from batch to batch), or None for another type."""
    import pyarrow.parquet as pq

    # mapped: the column's pages are read where the page cache holds them (copied into fresh
    # buffers instead, the first touch of that memory cost up to 0.7 s of system time here)
    pf = pq.ParquetFile(path, memory_map=True)
    try:
        field = pf.schema_arrow.field(column)
    except KeyError:
        return None
    if not (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)):
        return None
    batches = pf.iter_batches(batch_size=BATCH, columns=[column], use_threads=False)
    return (batch.column(0) for batch in batches)


def _csv_column(path: str | Path, column: str) -> Iterator[pa.Array]:
    """The CSV file's column as text, block by block (1 MiB), read as the engine reads it
    (:func:`cocontrol.inventory.bigfile.register_file`: comma, ``"`` quotes doubled inside a
    value, line breaks inside quotes, one header row); an empty line, a row of another width
    or a cell that is not UTF-8 ends the reading with an error (the caller then hashes)."""
    from pyarrow import csv

    # not mapped (0.1 s of CPU less for 10⁷ rows, but every page of the file read would count
    # in the process's resident memory: 0.9 GB more for the issue-9 file)
    reader = csv.open_csv(
        str(path), read_options=csv.ReadOptions(use_threads=False, block_size=1 << 20),
        parse_options=csv.ParseOptions(delimiter=",", quote_char='"', double_quote=True,
                                       escape_char=False, newlines_in_values=True,
                                       ignore_empty_lines=False),
        convert_options=csv.ConvertOptions(include_columns=[column],
                                           column_types={column: pa.string()},
                                           strings_can_be_null=False))
    return (batch.column(0) for batch in reader)
