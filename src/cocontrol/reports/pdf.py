"""PDF writer (PDF 报告): WeasyPrint renders the print HTML of :mod:`cocontrol.reports.html`.

WeasyPrint runs no JavaScript (charts are PNGs) and needs a CJK font through fontconfig:
every font stack ends in "Noto Serif CJK SC"/"Noto Sans CJK SC" (Debian ``fonts-noto-cjk``).
WeasyPrint is the optional extra ``cocontrol[pdf]``; without it a clear error says so.
"""

from __future__ import annotations

from cocontrol.errors import InputError
from cocontrol.reports.html import render_html
from cocontrol.reports.model import Report


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (A4, 公文 layout, CJK fonts embedded)."""
    try:
        import weasyprint
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise InputError(
            "PDF output needs WeasyPrint",
            expected="pip install 'cocontrol[pdf]' (and Debian fonts-noto-cjk for Chinese)",
        ) from exc
    return weasyprint.HTML(string=render_html(report)).write_pdf()
