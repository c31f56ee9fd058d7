"""HTML writer (网页/打印版报告): one self-contained page, Jinja2 with autoescape.

Figures are inlined as ``data:image/png;base64`` URIs so the file travels alone; the print
CSS reproduces the 公文 layout (A4, 37/35/28/26 mm margins, 仿宋 16 pt body, 28 pt line
pitch, page number "— n —") and is what :mod:`cocontrol.reports.pdf` hands to WeasyPrint.
Every font stack ends in Noto CJK SC (Debian ``fonts-noto-cjk``) so Chinese never falls back
to boxes (reference §1.9).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from cocontrol.reports.english import plain, split_marked
from cocontrol.reports.model import (
    Cell,
    Entry,
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    column_shares,
    dateline,
    format_cell,
    walk,
    writer_words,
)

_SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif'
_SANS = '"Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
FONTS = {
    "title": f'"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", {_SERIF}',
    "body": f'"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", {_SERIF}',
    "hei": f'"黑体", "SimHei", "STHeiti", {_SANS}',
    "kai": f'"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", {_SERIF}',
}


@dataclass(frozen=True)
class _View:
    """What the template needs of one entry (numbering from :func:`walk`)."""

    kind: str
    level: int
    label: str
    block: Paragraph | Table | Figure | Section
    cells: list[list[tuple[str, bool]]] | None = None
    uri: str | None = None
    widths: list[str] | None = None


def _numeric(value: Cell) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _view(entry: Entry, page_mm: float) -> _View:
    block = entry.block
    if isinstance(block, Section):
        return _View("section", entry.level, entry.label, block)
    if isinstance(block, Table):
        cells = [[(format_cell(v, c.decimals), _numeric(v)) for v, c in zip(row, block.columns, strict=True)]
                 for row in block.rows]
        widths = [f"{100 * share:.1f}%" for share in column_shares(block, page_mm)]
        return _View("table", 0, entry.label, block, cells=cells, widths=widths)
    if isinstance(block, Figure):
        uri = "data:image/png;base64," + base64.b64encode(block.png).decode("ascii")
        return _View("figure", 0, entry.label, block, uri=uri)
    return _View("paragraph", 0, "", block)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cocontrol.reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    env.filters["marked"] = _marked
    env.filters["plain"] = plain
    return env


def _marked(text: object) -> Markup:
    """Escaped text; plan wording kept in Chinese in an English report in ``<span lang="zh-CN">``."""
    return Markup("").join(Markup('<span lang="zh-CN">{}</span>').format(piece) if chinese else escape(piece)
                           for piece, chinese in split_marked(str(text)))


def render_html(report: Report) -> str:
    """The report as one HTML page (UTF-8 text)."""
    head, _, title = report.annex_title.partition(": " if report.lang == "en" else "：")
    words = writer_words(report)
    return _environment().get_template("annual.html").render(
        report=report,
        entries=[_view(e, 257.0 if report.landscape else 156.0) for e in walk(report)],
        fonts=FONTS,
        dateline=dateline(report),
        words=words,
        annex_head=head if title else words["annex"],
        annex_title=title or report.annex_title,
    )
