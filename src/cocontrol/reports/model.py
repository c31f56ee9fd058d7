"""A report as data (报告数据模型), independent of the output format.

A :class:`Report` has a title, a subtitle, numbered sections (一、二、三 …) whose blocks are
paragraphs, tables, figures and sub-sections (（一）（二） …), and an annex of methods and
sources (附件：方法与数据来源). Writers (``docx``, ``html``, ``pdf``, ``xlsx``) never number
anything themselves: they read the flat, numbered stream :func:`walk` yields, so 表1/图1 and
一、/（一） agree across every format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

Cell = str | int | float | None

CN_DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99), as used in 公文 headings."""
    if not 1 <= n <= 99:
        raise ValueError(f"heading number {n} outside 1–99")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def heading_label(level: int, index: int, lang: str = "zh") -> str:
    """Numbering of a heading: level 1 → 一、; level 2 → （一）; level 3 → 1. (English: 1. (1) 1.)"""
    if lang == "en":
        return f"({index}) " if level == 2 else f"{index}. "
    if level == 1:
        return f"{chinese_number(index)}、"
    if level == 2:
        return f"（{chinese_number(index)}）"
    return f"{index}."


@dataclass(frozen=True)
class Column:
    """A table column: Chinese label, unit (shown in the header) and decimals for display."""

    label: str
    unit: str | None = None
    decimals: int | None = None

    @property
    def header(self) -> str:
        if not self.unit:
            return self.label
        chinese = re.search(r"[\u3400-\u9fff]", self.label + self.unit)  # an English edition's header reads "CO2 (t)"
        return f"{self.label}（{self.unit}）" if chinese else f"{self.label} ({self.unit})"


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    """A table (表): caption, columns, rows of plain cells, optional note (注) and source (来源)."""

    caption: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]
    note: str | None = None
    source: str | None = None
    sheet: str | None = None  # short sheet name for Excel; defaults to the caption

    def __post_init__(self) -> None:
        width = len(self.columns)
        for i, row in enumerate(self.rows, start=1):
            if len(row) != width:
                raise ValueError(f"table {self.caption!r} row {i} has {len(row)} cells, expected {width}")


@dataclass(frozen=True)
class Figure:
    """A figure (图): PNG bytes and caption."""

    png: bytes
    caption: str
    width_cm: float = 15.0


@dataclass
class Section:
    """A section; ``blocks`` are paragraphs, tables, figures and sub-sections, in order."""

    title: str
    blocks: list[Paragraph | Table | Figure | Section] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.blocks = [Paragraph(b) if isinstance(b, str) else b for b in self.blocks]

    def add(self, block: Paragraph | Table | Figure | Section | str) -> None:
        self.blocks.append(Paragraph(block) if isinstance(block, str) else block)


@dataclass(frozen=True)
class AnnexEntry:
    """One annex item: a heading (方法/数据/规划), its description and the source cited."""

    title: str
    text: str
    source: str | None = None


@dataclass
class Report:
    """A report ready to write. ``gaps`` lists what data was missing (本节数据暂缺)."""

    title: str
    subtitle: str = ""
    issuer: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    sections: list[Section] = field(default_factory=list)
    annex: list[AnnexEntry] = field(default_factory=list)
    annex_title: str = "附件：方法与数据来源"
    gaps: list[str] = field(default_factory=list)
    landscape: bool = False  # wide tables (调度表) print on landscape A4
    workbook: list[Table] = field(default_factory=list)
    """Detail tables (附表) written only to the Excel workbook; the printed report stays short."""
    lang: str = "zh"
    """``zh`` or ``en`` (:mod:`cocontrol.reports.english`): the writers' own words follow it."""

    def tables(self) -> list[tuple[str, Table]]:
        """Every table with its number label (表1 …) in reading order."""
        return [(e.label, e.block) for e in walk(self) if isinstance(e.block, Table)]


@dataclass(frozen=True)
class Entry:
    """One element of the numbered stream: ``level`` > 0 for headings, ``label`` its number."""

    level: int
    label: str
    block: Paragraph | Table | Figure | Section


def walk(report: Report) -> Iterator[Entry]:
    """Flatten the report in reading order, numbering headings, tables (表n) and figures (图n)."""
    counters = {"table": 0, "figure": 0}
    table, fig = ("Table ", "Figure ") if report.lang == "en" else ("表", "图")

    def visit(section: Section, level: int, index: int) -> Iterator[Entry]:
        yield Entry(level, heading_label(level, index, report.lang), section)
        sub = 0
        for block in section.blocks:
            if isinstance(block, Section):
                sub += 1
                yield from visit(block, level + 1, sub)
            elif isinstance(block, Table):
                counters["table"] += 1
                yield Entry(0, f"{table}{counters['table']}", block)
            elif isinstance(block, Figure):
                counters["figure"] += 1
                yield Entry(0, f"{fig}{counters['figure']}", block)
            else:
                yield Entry(0, "", block)

    for i, section in enumerate(report.sections, start=1):
        yield from visit(section, 1, i)


WRITER_WORDS = {
    "zh": {"note": "注：", "source": "数据来源：", "cited": "来源：", "annex": "附件", "contents": "说明",
           "date": "编制日期：", "table_no": "表号", "table_name": "表名", "sheet": "工作表", "detail": "附表"},
    "en": {"note": "Note: ", "source": "Source: ", "cited": "Source: ", "annex": "Annex", "contents": "About",
           "date": "Date: ", "table_no": "No.", "table_name": "Table", "sheet": "Sheet", "detail": "Detail table "},
}
"""The writers' own words (注：, 数据来源： …) in the report's language."""


def writer_words(report: Report) -> dict[str, str]:
    return WRITER_WORDS["en" if report.lang == "en" else "zh"]


def dateline(report: Report) -> str:
    """Issuer and date: 荣成市生态环境局　2026年12月6日 / "6 December 2026"."""
    day = f"{report.date.day} {report.date:%B %Y}" if report.lang == "en" else f"{report.date:%Y年%-m月%-d日}"
    return ("  " if report.lang == "en" else "　").join(x for x in (report.issuer, day) if x)


def format_cell(value: Cell, decimals: int | None = None) -> str:
    """Display text of a cell: "—" for missing; numbers through the figure registry's one
    formatter (:func:`cocontrol.figures.number`: thousands grouped, ``9,956.65``) with the
    column's decimals (the registry's for a published figure); without them ≥ 1000 whole,
    otherwise up to two places. Whole numbers in a column without decimals (years, counts)
    are written as they are."""
    from cocontrol.figures import number

    if value is None:
        return "—"
    if isinstance(value, int) and not isinstance(value, bool) and decimals is not None:
        value = float(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return "—"
        if decimals is not None:
            return number(value, decimals)
        size = abs(value)
        if size >= 1000:
            return number(value, 0)
        if size >= 1 or size == 0:
            return f"{value:.2f}".rstrip("0").rstrip(".")
        return f"{value:.3g}"
    return str(value)


def text_width(text: str) -> int:
    """Display width in half-width characters (CJK and full-width characters count 2)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


TABLE_CHAR_MM = 1.85
"""Width of one half-width character of 10.5 pt (五号) table text, in mm (0.5 em)."""
CELL_PADDING = 1.5
"""Cell padding (both sides, ≈ 2 mm in Word and HTML) in characters of :data:`TABLE_CHAR_MM`."""
_RUN = re.compile(r"[^\s\u2e80-\uffff]+")


def _unbreakable(text: str) -> int:
    """Longest run a line cannot break inside (a number, a code such as T003); CJK breaks anywhere."""
    return max((len(m) for m in _RUN.findall(text)), default=2)


def column_shares(table: Table, width_mm: float) -> list[float]:
    """Share of the table width per column.

    Each column wants its longest text (CJK counts 2, the header half as it wraps, capped at
    22) and needs at least its longest unbreakable run (and an English header's longest word) (numbers never wrap; × 1.3 for
    substitute fonts with wider digits, e.g. DejaVu Serif for Times New Roman), both plus
    :data:`CELL_PADDING`. When the wants exceed the width (``width_mm`` / :data:`TABLE_CHAR_MM`
    characters) only the part above the needs is squeezed, in proportion.
    """
    want, need = [], []
    for i, col in enumerate(table.columns):
        texts = [format_cell(row[i], col.decimals) for row in table.rows]
        want.append(min(max([text_width(col.header) / 2, 4, *map(text_width, texts)]), 22) + CELL_PADDING)
        header_word = 0 if re.search(r"[\u3400-\u9fff]", col.header) else _unbreakable(col.header)
        need.append(min(max([2, header_word, *(1.3 * _unbreakable(t) for t in texts)]), 22) + CELL_PADDING)
        want[-1] = max(want[-1], need[-1])
    capacity = width_mm / TABLE_CHAR_MM
    if sum(want) > capacity and sum(need) < capacity:
        flex = (capacity - sum(need)) / (sum(want) - sum(need))
        want = [n + (w - n) * flex for w, n in zip(want, need, strict=True)]
    total = sum(want)
    return [w / total for w in want]
