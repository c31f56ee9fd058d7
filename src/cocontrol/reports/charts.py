"""Charts for reports (报告插图): matplotlib with the Agg backend and a CJK font.

WeasyPrint does not run JavaScript, so report charts are static PNGs (ECharts is for the web
dashboard only; reference §1.9). The font is looked up by family name in matplotlib's font
manager (Noto Sans CJK SC from Debian ``fonts-noto-cjk`` first); without any CJK font the
chart would show boxes, so :func:`cjk_font` raises instead. PNGs are deterministic: fixed size
and DPI, and no ``Software``/date metadata.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from cocontrol.errors import ReferenceDataError

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
)

PALETTE = ("#2f5597", "#c55a11", "#548235", "#7f6000", "#7030a0", "#1f7a7a", "#a50021", "#595959")
STATUS_COLOURS = {  # labels of cocontrol.tracking.status first
    "已完成": "#548235",
    "进度正常": "#2f5597",
    "存在风险": "#c55a11",
    "严重滞后": "#a50021",
    "无数据": "#a6a6a6",
    "达标": "#548235",
    "进展顺利": "#2f5597",
    "有风险": "#c55a11",
    "滞后": "#a50021",
    "未完成": "#a50021",
}


LANG: ContextVar[str] = ContextVar("report_chart_lang", default="zh")
"""Language of the chart texts; ``en`` while an English report is built (:func:`language`)."""


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Draw the charts made inside the block with their texts in ``lang``."""
    token = LANG.set(lang)
    try:
        yield
    finally:
        LANG.reset(token)


def _lang(lang: str | None) -> str:
    """The language a chart is drawn in: ``lang`` if given, else the block's (:func:`language`)."""
    return lang or LANG.get()


def _t(text: str, lang: str | None = None) -> str:
    """A chart text in ``lang`` (English through :mod:`cocontrol.reports.english`: the report's
    sentence catalogue and the shared glossary; Chinese texts are drawn as given)."""
    if _lang(lang) != "en":
        return text
    from cocontrol.reports.english import plain, translate

    return plain(translate(text, plan=True))


def _name(code: str, kind: str | None, lang: str | None) -> str:
    """A category drawn on a chart: with ``kind`` a code named through
    :func:`cocontrol.data.names.label` (the lookup behind pages and report text), else a Chinese
    word translated like any chart text."""
    if kind is None:
        return _t(code, lang)
    from cocontrol.data.names import label

    return label(kind, code, _lang(lang))


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Name of the first installed CJK font family matplotlib can use."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    raise ReferenceDataError(
        "no CJK font found for charts; install Debian fonts-noto-cjk (Noto Sans CJK SC)"
    )


def _figure(width_in: float = 6.3, height_in: float = 3.4) -> Figure:
    fig = Figure(figsize=(width_in, height_in), dpi=150)
    return fig


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, metadata={"Software": None}, bbox_inches=None)
    return buf.getvalue()


def _style(ax, title: str, ylabel: str, lang: str | None = None) -> None:  # type: ignore[no-untyped-def]
    font = cjk_font()
    ax.set_title(_t(title, lang), fontfamily=font, fontsize=11)
    ax.set_ylabel(_t(ylabel, lang), fontfamily=font, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#d9d9d9", linewidth=0.6)
    ax.set_axisbelow(True)
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        label.set_fontfamily(font)
        label.set_fontsize(8)


def line_chart(series: Mapping[str, Mapping[int, float]], title: str, ylabel: str,
               lang: str | None = None) -> bytes:
    """Lines over years, one per named series (e.g. 二氧化碳排放量 by year); texts in ``lang``."""
    fig = _figure()
    fig.subplots_adjust(left=0.12, right=0.97, top=0.88, bottom=0.2)
    ax = fig.add_subplot()
    for i, (name, points) in enumerate(series.items()):
        years = sorted(points)
        ax.plot(years, [points[y] for y in years], marker="o", markersize=3,
                color=PALETTE[i % len(PALETTE)], label=_t(name, lang), linewidth=1.5)
    years = sorted({y for points in series.values() for y in points})
    ax.set_xticks(years, [str(y) for y in years])
    _style(ax, title, ylabel, lang)
    if all(v >= 0 for points in series.values() for v in points.values()):
        ax.set_ylim(bottom=0)  # amounts start at zero (a cut axis exaggerates changes)
    if len(series) > 1:
        ax.legend(prop={"family": cjk_font(), "size": 8}, frameon=False, ncols=min(4, len(series)),
                  loc="upper center", bbox_to_anchor=(0.5, -0.12))
        fig.subplots_adjust(bottom=0.28)
    return _png(fig)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    title: str,
    ylabel: str,
    colours: Sequence[str] | None = None,
    lang: str | None = None,
    kind: str | None = None,
) -> bytes:
    """Vertical bars with the value printed above each bar; texts in ``lang``. With ``kind``
    (e.g. ``sector``) the ``labels`` are codes named by :func:`cocontrol.data.names.label`."""
    fig = _figure()
    fig.subplots_adjust(left=0.12, right=0.97, top=0.88, bottom=0.3)
    ax = fig.add_subplot()
    colour = list(colours) if colours else [PALETTE[0]] * len(values)
    bars = ax.bar(range(len(values)), values, color=colour, width=0.6)
    ax.bar_label(bars, labels=[f"{v:.3g}" for v in values], fontsize=7, padding=2)
    ax.set_xticks(range(len(labels)), [_wrap(_name(x, kind, lang)) for x in labels])
    _style(ax, title, ylabel, lang)
    return _png(fig)


def status_chart(counts: Mapping[str, int], title: str = "目标指标完成状态",
                 lang: str | None = None) -> bytes:
    """Horizontal bar of how many targets are in each status (状态分布); texts in ``lang``."""
    fig = _figure(height_in=2.6)
    fig.subplots_adjust(left=0.2, right=0.95, top=0.85, bottom=0.15)
    ax = fig.add_subplot()
    names = list(counts)
    values = [counts[n] for n in names]
    bars = ax.barh(range(len(names)), values,
                   color=[STATUS_COLOURS.get(n, PALETTE[7]) for n in names], height=0.55)
    ax.bar_label(bars, fontsize=8, padding=2)
    ax.set_yticks(range(len(names)), [_t(n, lang) for n in names])
    ax.invert_yaxis()
    _style(ax, title, "", lang)
    ax.set_xlabel(_t("指标数（项）", lang), fontfamily=cjk_font(), fontsize=9)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", color="#d9d9d9", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    return _png(fig)


def _wrap(text: str, width: int = 6) -> str:
    """Break long tick labels: Chinese into lines of ``width`` characters, text with spaces
    (English) between words into lines of about ``3 × width`` characters."""
    if " " in text.strip():
        return "\n".join(textwrap.wrap(text, 3 * width, break_long_words=False))
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def ranking_chart(parts: Mapping[str, Mapping[str, float]], title: str, xlabel: str,
                  highlight: str | None = None, lang: str | None = None) -> bytes:
    """Horizontal stacked bars, one per region in the given order (rank 1 on top): each bar is
    split into named parts (e.g. the 协同度 index into its dimensions) with the total at its end;
    the ``highlight`` region's label is bold and marked ★."""
    regions = list(parts)
    names = list(dict.fromkeys(n for p in parts.values() for n in p))
    height = max(2.6, 1.4 + 0.45 * len(regions))
    fig = _figure(height_in=height)
    fig.subplots_adjust(left=0.16, right=0.9, top=1 - 0.45 / height, bottom=0.85 / height)
    ax = fig.add_subplot()
    left = [0.0] * len(regions)
    for i, name in enumerate(names):
        values = [float(parts[r].get(name, 0.0)) for r in regions]
        ax.barh(range(len(regions)), values, left=left, height=0.55, color=PALETTE[i % len(PALETTE)],
                label=_t(name, lang))
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, total in enumerate(left):
        ax.text(total, y, f" {total:.1f}", va="center", fontsize=8)
    ax.set_yticks(range(len(regions)), [f"★{_t(r, lang)}" if r == highlight else _t(r, lang) for r in regions])
    ax.invert_yaxis()
    _style(ax, title, "", lang)
    for label in ax.get_yticklabels():
        if label.get_text().startswith("★"):
            label.set_fontweight("bold")
    ax.set_xlabel(_t(xlabel, lang), fontfamily=cjk_font(), fontsize=9)
    ax.set_xlim(0, max([*left, 1.0]) * 1.12)
    ax.grid(axis="x", color="#d9d9d9", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    ax.legend(prop={"family": cjk_font(), "size": 8}, frameon=False, ncols=min(4, len(names)),
              loc="lower center", bbox_to_anchor=(0.5, 0.0), bbox_transform=fig.transFigure)
    return _png(fig)
