"""What a large activity file is, from its first bytes and header (no rows read, no pandas).

:func:`beyond_row_limit` says whether a file goes the engine's way; :func:`header` maps the
file's columns to the canonical names and refuses a missing, doubled or unknown column
before anything runs (``facility_id → facility?``).
"""

from __future__ import annotations

from pathlib import Path

ENGINE_SUFFIXES = (".parquet", ".pq", ".csv", ".txt")
CSV_SUFFIXES = (".csv", ".txt")


def is_csv(path: str | Path) -> bool:
    """A path read as CSV text (else Parquet)."""
    return Path(path).suffix.lower() in CSV_SUFFIXES


def is_utf8(path: Path, limit: int = 1 << 20) -> bool:
    """The first ``limit`` bytes decode as UTF-8 (a GBK file is left to the pandas reader,
    which knows that encoding; the engines read UTF-8 only)."""
    import codecs

    with path.open("rb") as fh:
        head = fh.read(limit)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def beyond_row_limit(path: str | Path, limit: int, sheet: str | None = None) -> bool:
    """True when ``path`` (Parquet, or UTF-8 CSV) has more than ``limit`` data rows — the
    files the CLI checks and computes in the engine. Parquet: the footer's row count. CSV:
    newlines counted in 4 MiB blocks until ``limit`` is passed (never the whole file); a file
    under 12 bytes a row cannot pass it and is not opened."""
    path = Path(path)
    suffix = path.suffix.lower()
    if sheet is not None or suffix not in ENGINE_SUFFIXES or not path.is_file():
        return False
    if suffix in CSV_SUFFIXES:
        if path.stat().st_size <= 12 * limit or not is_utf8(path):
            return False
        lines = 0
        with path.open("rb") as fh:
            while block := fh.read(1 << 22):
                lines += block.count(b"\n")
                if lines > limit + 1:
                    return True
        return False
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows > limit
    except Exception:
        return False


def file_columns(path: str | Path) -> list[str]:
    """The header of a CSV (UTF-8) or the column names of a Parquet file, as given."""
    import csv

    path = Path(path)
    if is_csv(path):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh), [])
    import pyarrow.parquet as pq

    return list(pq.read_schema(path).names)


def column_kinds(path: str | Path, given: list[str]) -> dict[str, str]:
    """How the engine reads each column (given name → ``"numeric"`` or ``"text"``): CSV
    cells are text; a Parquet column of integers, floats or decimals is numeric, any other
    type is read as text; a column of NULL type counts as absent (left out)."""
    path = Path(path)
    if is_csv(path):
        return dict.fromkeys(given, "text")
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {}
    for f in pq.read_schema(path):
        if f.type == pa.null():
            continue
        numeric = (pa.types.is_integer(f.type) or pa.types.is_floating(f.type)
                   or pa.types.is_decimal(f.type))
        kinds[f.name] = "numeric" if numeric else "text"
    return kinds


def checked_columns(path: Path) -> tuple[list[str], list[str]]:
    """The file's column names as given and in canonical form; raises
    :class:`~cocontrol.errors.ValidationFailed` (before anything runs) for a missing, doubled or
    unknown column, an unknown one with the name it most likely means (``facility_id → facility``)."""
    from cocontrol.data.columns import check_activity_columns
    from cocontrol.data.tables import canonical_header
    from cocontrol.errors import ValidationFailed

    given = file_columns(path)
    canonical = [canonical_header(c) for c in given]
    problems = check_activity_columns(canonical, file=str(path))
    if problems:
        raise ValidationFailed(problems, summary=f"activity data {path.name} is invalid")
    return given, canonical


def header(path: str | Path) -> tuple[dict[str, str], dict[str, str]]:
    """Canonical column → the file's column name, and :func:`column_kinds`; raises
    :class:`~cocontrol.errors.ValidationFailed` (before anything runs) for a missing, doubled
    or unknown column, an unknown one with the name it most likely means."""
    path = Path(path)
    given, canonical = checked_columns(path)
    kinds = column_kinds(path, given)
    mapping = {c: g for c, g in zip(canonical, given, strict=True) if g in kinds}
    return mapping, kinds
