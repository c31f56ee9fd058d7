"""Look at an input file before reading it (文件预检): refuse what cannot be what its name says.

Readers call :func:`check_table_file` (CSV, Parquet, Excel) or :func:`check_zip` (.docx,
.xlsx) first, so that a damaged or hostile file ends in one clear :class:`InputError` naming
the file — never a parser's traceback, never gigabytes read or unpacked before an error:

* empty file, or a CSV with nothing but a byte-order mark and blanks: "file is empty";
* a CSV whose first 64 KiB hold NUL bytes or decode neither as UTF-8 nor as GB18030: binary;
* Parquet without the ``PAR1`` marks at both ends, or whose footer does not parse: truncated;
* Excel/Word: not a zip archive, or one whose members would unpack beyond
  :data:`MAX_UNPACKED` (or at a ratio beyond :data:`MAX_RATIO`): refused before unpacking,
  from the sizes in the archive's directory (the zip reader never inflates a member past its
  stated size, so the stated sizes bound the work).

:func:`check_nesting` bounds the nesting depth of JSON/YAML text before a recursive parser
sees it, and :func:`check_finite` names the non-finite numbers (inf, nan, 1e400) of a column.
"""

from __future__ import annotations

import codecs
import math
import zipfile
from collections.abc import Iterable
from pathlib import Path

from cocontrol.errors import InputError, Problem, require_file

HEAD_BYTES = 64 * 1024
MAX_UNPACKED = 512 * 1024**2
"""Largest total unpacked size of an .xlsx/.docx (512 MiB)."""
MAX_RATIO = 200
"""Largest unpacked/packed ratio of a zip member above 16 MiB (text XML packs 5–30×)."""
MAX_DEPTH = 64
"""Deepest nesting of lists/mappings accepted in JSON/YAML input."""
TEXT_SUFFIXES = (".csv", ".txt")
PARQUET_SUFFIXES = (".parquet", ".pq")
ZIP_SUFFIXES = (".xlsx", ".xlsm", ".docx")


def _head(path: Path, n: int = HEAD_BYTES) -> bytes:
    with path.open("rb") as fh:
        return fh.read(n)


def _decodes(head: bytes) -> bool:
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False


def check_zip(path: str | Path, *, kind: str, required: Iterable[str] = ()) -> None:
    """A zip container (``kind``: "Excel workbook", "Word document") within the unpacking
    limits and holding the ``required`` members; raises :class:`InputError` otherwise."""
    p = Path(path)
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"not a valid {kind} (not a zip archive or truncated)", file=str(p),
                         expected=f"a {kind} ({p.suffix})", found=type(exc).__name__) from None
    _check_members(infos, str(p), kind, required)


def check_zip_bytes(data: bytes, *, source: str, kind: str,
                    required: Iterable[str] = ()) -> None:
    """:func:`check_zip` for an archive held in memory (an upload)."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(f"not a valid {kind} (not a zip archive or truncated)", file=source,
                         expected=f"a {kind}", found=type(exc).__name__) from None
    _check_members(infos, source, kind, required)


def _check_members(infos: list[zipfile.ZipInfo], source: str, kind: str,
                   required: Iterable[str]) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise InputError(f"the {kind} would unpack to {total / 1024**2:,.0f} MiB",
                         file=source, expected=f"at most {MAX_UNPACKED // 1024**2} MiB unpacked")
    for info in infos:
        if info.file_size > 16 * 1024**2 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise InputError(f"the {kind} member {info.filename} unpacks "
                             f"{info.file_size / max(info.compress_size, 1):,.0f}× (a zip bomb?)",
                             file=source, expected=f"at most {MAX_RATIO}× compression")
    names = {i.filename for i in infos}
    missing = [m for m in required if m not in names]
    if missing:
        raise InputError(f"zip archive without {missing[0]}, so not a {kind}", file=source,
                         expected=f"a {kind}")


def check_table_file(path: str | Path) -> None:
    """Refuse an input table that is missing, empty, binary, truncated or a zip bomb, from
    its first bytes and (Parquet, Excel) its directory — before any parser reads it."""
    p = Path(path)
    require_file(p)
    size = p.stat().st_size
    suffix = p.suffix.lower()
    if size == 0:
        raise InputError("file is empty", file=str(p), expected="a table with a header row")
    if suffix in TEXT_SUFFIXES:
        head = _head(p)
        if b"\x00" in head or not _decodes(head):
            raise InputError("not a text CSV file (binary content)", file=str(p),
                             expected="CSV text in UTF-8 or GBK")
        if not head.removeprefix(codecs.BOM_UTF8).strip():
            raise InputError("file is empty", file=str(p), expected="a table with a header row")
    elif suffix in PARQUET_SUFFIXES:
        with p.open("rb") as fh:
            start = fh.read(4)
            fh.seek(max(0, size - 4))
            end = fh.read(4)
        if size < 12 or start != b"PAR1" or end != b"PAR1":
            raise InputError("not a valid Parquet file (truncated or another format)",
                             file=str(p), expected="a Parquet file (PAR1 … PAR1)")
        import pyarrow.parquet as pq

        try:
            pq.read_metadata(p)
        except Exception as exc:  # pyarrow raises several types for bad footers
            raise InputError("cannot read the Parquet file (damaged footer)", file=str(p),
                             found=str(exc).splitlines()[0][:200] if str(exc) else None) from None
    elif suffix in (".xlsx", ".xlsm"):
        check_zip(p, kind="Excel workbook", required=("xl/workbook.xml",))
    elif suffix == ".xls" and _head(p, 8) != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError("not a valid .xls workbook", file=str(p),
                         expected="an Excel 97-2003 workbook (or save it as .xlsx)")


def check_nesting(text: str, *, source: str | None = None, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON/YAML text nested deeper than ``limit`` ([ and { outside quoted strings,
    and block indentation levels), before a recursive parser overflows on it."""
    depth = deepest = 0
    quote: str | None = None
    escaped = False
    for ch in text:
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif ch in "]}":
            depth = max(0, depth - 1)
    indents = sorted({len(line) - len(line.lstrip(" ")) for line in text.splitlines()
                      if line.strip() and not line.lstrip().startswith("#")})
    if deepest > limit or len(indents) > limit:
        raise InputError("input is nested too deeply", file=source,
                         expected=f"at most {limit} levels of lists and mappings")


def check_finite(values: Iterable[object], *, column: str, file: str | None = None,
                 sheet: str | None = None, first_row: int = 2) -> list[Problem]:
    """A problem for each cell of ``values`` that is a non-finite number (inf, -inf, nan,
    1e400 …) — given as a float or as text; rows counted from ``first_row``."""
    problems = []
    for i, v in enumerate(values):
        if isinstance(v, str):
            try:
                x = float(v.strip().replace(",", ""))
            except ValueError:
                continue
        elif isinstance(v, int | float):
            x = float(v)
        else:
            continue
        if not math.isfinite(x):
            problems.append(Problem("not a finite number", file=file, sheet=sheet,
                                    row=first_row + i, column=column,
                                    expected="a finite number (inf, nan and numbers beyond "
                                             "1e308 are not values)", found=str(v)))
    return problems
