"""Facilities given in increasing order: a linear, exact proof that no key is given twice.

The facility is one of the duplicate-key columns (:data:`cocontrol.inventory.keys.DUPLICATE_KEYS`).
When every row's facility is a text that cleaning leaves as it is (not empty, no blank or
control character at either end — the trimmed characters are six blanks, so this is
stricter than needed) and each row's facility is greater than the previous row's under one
strict total order, all facilities of the file are distinct (a strictly increasing sequence
repeats no value), their cleaned values too, and so no two rows share a key. Exports listing
facilities by their identifier are ordered like that; the two orders tried are the byte
order of the text (``F0001`` < ``F0002``) and the order of numbers written as text — shorter
first, bytes for equal lengths (``9`` < ``10``). Whether a file is ordered is read from its
rows, never assumed: one pass over the facility column (Parquet: that column alone, in
batches; CSV: pyarrow's reader in the engine's dialect, a block at a time; one thread),
each row compared with the one before, stopping at the first row that breaks both orders —
for an unordered file within the first batch. The caller accepts the proof only when this
pass counted the rows the engine grouped. Cheaper than hashing the key columns of every row
and sorting the hashes (:func:`cocontrol.inventory.bigfile.hash_pass`: 10⁷ rows, Parquet
~0.37 s of CPU against ~1.0 s, CSV ~1.4 s against ~3.6 s), which remains the test for
every other file.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pyarrow as pa

from cocontrol.inventory.filehead import is_csv

BYTE, LENGTH = 1, 2  # the orders still possible, as bits
BATCH = 1 << 15
PROBE = 64  # rows compared in Python first (:func:`may_increase`)


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


def may_increase(values: pa.Array | list[str | None]) -> bool:
    """Whether the first :data:`PROBE` items are texts increasing under one of the two
    orders, compared in Python (UTF-8 bytes; length, then bytes). False settles the file —
    a column whose first rows do not increase does not increase — without pyarrow's compute
    module (0.04 s of CPU to import) or a pass over the batch."""
    items = (values if isinstance(values, list) else values.slice(0, PROBE).to_pylist())[:PROBE]
    if not all(isinstance(v, str) for v in items):
        return False
    texts = [v.encode("utf-8") for v in items]
    pairs = list(pairwise(texts))
    return (all(a < b for a, b in pairs)
            or all((len(a), a) < (len(b), b) for a, b in pairs))


def csv_head(path: str | Path, column: str) -> list[str] | None:
    """The first :data:`PROBE` cells of the CSV file's column ``column`` as Python's ``csv``
    module reads the file's first 64 KiB (UTF-8, comma, ``"`` quotes; the last, perhaps cut,
    line left out), or None when they cannot be read so. Only a look at the head: what the
    engine reads decides everything else."""
    import csv
    import io

    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    try:
        text = head[:head.rfind(b"\n") + 1].decode("utf-8-sig")
        rows = csv.reader(io.StringIO(text, newline=""))
        index = next(rows).index(column)
        return [row[index] for row, _ in zip(rows, range(PROBE), strict=False)]
    except (UnicodeDecodeError, StopIteration, ValueError, IndexError, csv.Error):
        return None


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


def increasing_facilities(path: str | Path, column: str) -> int | None:
    """The number of rows of the file when its text column ``column`` (the facility as
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
        if not clean_texts(chunk) or (last is None and not may_increase(chunk)):
            return None
        if last is not None:  # the first row of the batch against the one before
            orders &= pair_orders(pa.concat_arrays([last, chunk.slice(0, 1)]))
        orders &= pair_orders(chunk)
        if not orders:
            return None
        rows += len(chunk)
        last = chunk.slice(len(chunk) - 1)
    return rows


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
