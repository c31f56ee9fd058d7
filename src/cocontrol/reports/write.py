"""Write a report to a file in the format its suffix names, atomically.

Each writer renders to bytes first; the bytes go to a temporary file in the target folder
which then replaces the target in one ``os.replace`` — a failed render or write never leaves
a half file (nor clobbers an existing one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cocontrol.errors import InputError
from cocontrol.files import write_bytes_atomic
from cocontrol.reports.model import Report


def _renderers() -> dict[str, Callable[[Report], bytes]]:
    from cocontrol.reports.docx import render_docx
    from cocontrol.reports.html import render_html
    from cocontrol.reports.pdf import render_pdf
    from cocontrol.reports.xlsx import render_xlsx

    return {
        "docx": render_docx,
        "html": lambda r: render_html(r).encode("utf-8"),
        "pdf": render_pdf,
        "xlsx": render_xlsx,
    }


FORMATS = ("docx", "html", "pdf", "xlsx")


def format_of(path: Path, override: str | None = None) -> str:
    """Output format from ``--format`` or the file suffix (.docx .html/.htm .pdf .xlsx)."""
    fmt = (override or path.suffix.lstrip(".")).lower()
    fmt = {"htm": "html", "doc": "docx", "xls": "xlsx"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise InputError(
            f"cannot tell the report format of {path.name!r}",
            file=str(path),
            expected="a suffix .docx, .html, .pdf or .xlsx, or --format docx|html|pdf|xlsx",
        )
    return fmt


def render(report: Report, fmt: str) -> bytes:
    """The report as bytes in ``fmt`` (docx, html, pdf, xlsx) — for downloads, nothing on disk."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown report format {fmt!r}", expected="docx, html, pdf or xlsx")
    return _renderers()[fmt](report)


def write_report(report: Report, path: Path, fmt: str | None = None) -> Path:
    """Render ``report`` in the format of ``path`` (or ``fmt``) and write it atomically."""
    path = Path(path)
    write_bytes_atomic(path, render(report, format_of(path, fmt)))
    return path
