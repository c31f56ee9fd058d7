"""Targets of a graphic read as text: each value on a line of its own above the item it belongs to.

A newspaper's infographic (浙报制图) copied from a page comes out one label per line, the figure on the
line *above* its item: ``2020年我省生态环境目标任务 | ▲80% | 拆后土地利用率 | … | 94% | 县以上集中式饮用水源地水质达标率``.
The sentence rules never see such a pair (a bare value, then a line without one). Read here, with
care not to take a statistic for a goal:

* the graphic is headed by a line naming a year and its goals (YYYY年…目标/指标, no review word);
* at least three value-then-item pairs follow it (one pair is a caption, not a graphic);
* a value line holds only a share (▲/↑ allowed before it); the item under it is a short line of words
  (PM2.5/PM10 allowed) without a value of its own.

The year is the heading's; the relation ``>=`` for a level (a rate reached), ``reduce_by`` when the
item names a fall (…浓度下降) — the relation is not in the issue's key (year, value, unit).
"""

from __future__ import annotations

import re

from cocontrol.plans.model import Relation, Target

_HEADING = re.compile(r"^\s*[\u4e00-\u9fff“”]{0,12}?((?:19[5-9]\d|20\d{2}))\s*年[\u4e00-\u9fff“”]{0,20}?(?:目标|指标)(?:任务)?\s*$")
_REVIEW = re.compile(r"成效|成就|成绩|回顾|完成情况|进展|数说|盘点")
_VALUE_LINE = re.compile(r"^\s*[▲△↑]?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]\s*$")
_ITEM_LINE = re.compile(r"^\s*((?:[\u4e00-\u9fff“”（）()ⅠⅡⅢⅣⅤ至、]|PM2\.5|PM10)+)\s*$")
_FALL = re.compile(r"下降|降低|减少|削减")
_MIN_PAIRS = 3


def graphic_targets(text: str) -> list[Target]:
    """Value-above-item targets of the graphics in ``text`` (see the module doc)."""
    lines: list[tuple[int, int, str]] = []  # (start, end, line) of the non-empty lines
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    out: list[Target] = []
    year: int | None = None
    pairs: list[Target] = []

    def flush() -> None:
        if len(pairs) >= _MIN_PAIRS:
            out.extend(pairs)
        pairs.clear()

    for k, (start, end, line) in enumerate(lines):
        heading = _HEADING.match(line)
        if heading is not None:
            flush()
            year = None if _REVIEW.search(line) else int(heading.group(1))
            continue
        if year is None:
            continue
        value = _VALUE_LINE.match(line)
        if value is None or k + 1 >= len(lines):
            continue
        item = _ITEM_LINE.match(lines[k + 1][2])
        if item is None or len(item.group(1)) < 4:
            continue
        label = item.group(1)
        pairs.append(Target(
            indicator=label, year=year, value=float(value.group(1)), unit="%",
            relation=Relation.REDUCE_BY if _FALL.search(label) else Relation.GE,
            quote=f"{line.strip()} {label}", span=(start + line.index(value.group(1)), end)))
    flush()
    return out
