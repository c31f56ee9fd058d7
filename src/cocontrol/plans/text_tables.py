"""Indicator tables copied as text: one line per row, cells separated by spaces or tabs.

Web copies of plans flatten the 主要指标表 into lines such as::

    表1 “十四五”生态环境保护主要指标
    指标 2020年 2025年 属性 责任单位
    5.城市空气质量优良天数比例(%) 80.1 81.2 约束性 市生态环境局
    污染防治 8. 城市污水集中收集率(%) - 75 预期性 市住建局

Convention (lead, session 12; tests/plans/gold/README.md "Indicator tables copied as text"): a run of lines each
holding an indicator name (often numbered, its unit in a trailing （…）) followed by whitespace-separated cells —
numbers, ``-`` and ``/`` (no value), bounds (≥90, <1, 95以上), ``[累计]`` values, text — and, in most rows, an attribute
约束性/预期性 (perhaps followed by a 责任单位) is a table, read with the column logic of a grid table
(:func:`cocontrol.plans.tables.row_target`):

* a header line naming the columns (指标 2020年 2025年 属性 / 指标 基期值 目标值 / 现状值 规划值) maps the cells: the target
  is the target-year (last year, 目标值, 规划值) column, the first year (基期值, 现状值) column its baseline;
* without a header (a page starting mid-table) the target is the LAST value before the attribute, a value before it
  the baseline, and the year is the one the table's title line states (表1 “十四五”…主要指标 → 2025), else none;
* a category word opening a row (污染物减排 7.重点工程减排量 …) belongs to no cell: the indicator is the numbered name;
* a text cell is qualitative (完成省下达任务, 不降低) — a target only when the table gives its year (with no year and no
  number nothing is tracked); a text cell opening with a number (达到13并完成省下达任务) gives that number.

A line is a row only by its cells: it must hold an attribute cell after at least one value, or stand in a run opened by
such rows or by a header. A date line (2024年 12月 7日), a phone number or a statistics sentence written with spaces has
neither, so it is never read as a table. Cells glued without any separator are out of scope (see
:func:`cocontrol.plans.tables.run_together_tables` for the one such form read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cocontrol.plans.departments import is_unit
from cocontrol.plans.model import Target
from cocontrol.plans.tables import _KNOWN_UNITS, _NUM, Cell, row_target
from cocontrol.plans.tense import PERIOD_NAME

_TOKEN = re.compile(r"\S+")
_ATTR = re.compile(r"(约束性|预期性)(?:指标)?")
_DASH = frozenset({"-", "--", "—", "——", "–", "/", "／", "－", "\\", "、", "一"})  # (一: a dash typed as the numeral)
_FOOTNOTE = re.compile(r"[*＊※△▲#]+$")
# a cell opening with a number followed by words (达到13并完成省下达任务, ≥95且稳定达标)
_NUM_TEXT = re.compile(r"(?P<word>达到|达|不低于|不少于|高于|超过|不高于|不超过|低于|控制在|小于|大于|[≥≤＞＜><]=?)?\s*"
                       r"(?P<num>\d+(?:\.\d+)?)\s*(?P<pct>[%％])?(?P<bound>以上|以下|以内|左右)?"
                       r"(?=[\u4e00-\u9fff，,；;（(])(?!\s*(?:年|月|日|号))")
_WORD_BOUND = {"达到": "", "达": "", "不低于": "≥", "不少于": "≥", "高于": ">", "超过": ">", "大于": ">",
               "不高于": "≤", "不超过": "≤", "控制在": "≤", "低于": "<", "小于": "<"}
# a row number before the name (8. / 8、 / 8．), alone or glued to it
_ROW_NUMBER = re.compile(r"(?:\d{1,2}|[（(]\d{1,2}[)）])[.．、]?")
_NUMBERED_NAME = re.compile(r"(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])\s*(?=[^\d\s.．、])")
_UNIT_PAREN = re.compile(r"[（(][^（）()]{1,14}[）)]$")
_UNIT_CELL = re.compile(r"%|％|‰|[A-Za-zμ]{1,4}/[A-Za-z0-9³]{1,4}|[\u4e00-\u9fff]{1,6}/[\u4e00-\u9fff]{1,6}")
# header cells
_NAME_HEADS = ("指标", "指标名称", "主要指标", "具体指标", "指标内容", "指标项", "项目")
_YEAR = re.compile(r"((?:19[5-9]\d|20\d{2}))\s*年")
_BASE_HEAD = re.compile(r"基期|基准|现状|基数|基础")
_GOAL_HEAD = re.compile(r"目标|规划|预期值|计划")
_ATTR_HEAD = re.compile(r"属性|性质|类型|类别$")
_UNIT_HEAD = re.compile(r"^(?:计量)?单位$|^指标单位$")
_TITLE = re.compile(r"指标|目标|表|专栏")
_SPAN_YEAR = re.compile(r"(?:19[5-9]\d|20\d{2})\s*(?:年)?\s*[—\-－~～至到]+\s*((?:19[5-9]\d|20\d{2}))")


@dataclass
class _Row:
    name: Cell
    values: list[Cell]
    binding: str | None
    unit: str | None = None
    start: int = 0
    end: int = 0


@dataclass
class _Header:
    columns: list[tuple[str, int | None]]  # value columns: (kind base|goal|year, year)
    unit: bool = False
    start: int = 0
    end: int = 0


def _tokens(text: str, a: int, b: int) -> list[Cell]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, a, b)]


def _square(tok: str) -> str:
    """A bracketed number with mismatched or round brackets ([2.75), (9)) as the cumulative cell [2.75] it stands for."""
    m = re.fullmatch(r"[\[〔［(（](\d+(?:\.\d+)?)[\]〕］)）]", tok)
    return f"[{m.group(1)}]" if m else tok


def _value_kind(tok: str) -> str | None:
    """'num', 'dash', 'numtext' for a value cell, None for words."""
    t = _square(_FOOTNOTE.sub("", tok))
    if t in _DASH:
        return "dash"
    if _NUM.match(t):
        return "num"
    if _NUM_TEXT.match(t):
        return "numtext"
    return None


def _header(tokens: list[Cell]) -> _Header | None:
    """A header line: a name column (指标 …) followed by value columns naming years or 基期/目标 (and perhaps 单位, 属性,
    责任单位); no cell holds a value."""
    # (the normal form glues a word to the number after it: 指标2020年2025年 → 指标 | 2020年 | 2025年)
    words = [w for t in tokens for w in re.split(r"(?=(?<!\d)(?:19[5-9]\d|20\d{2})\s*年)", t[0]) if w]
    at = next((i for i, w in enumerate(words) if w in _NAME_HEADS or re.fullmatch(r"指标(?:名称)?[（(][^）)]*[）)]", w)), None)
    if at is None or len(words) - at < 2:
        return None
    cols: list[tuple[str, int | None]] = []
    unit = False
    for w in words[at + 1:]:
        if _ATTR_HEAD.search(w) and not cols:
            continue  # 指标 属性 2020年 2025年: the attribute column before the values
        if _ATTR_HEAD.search(w) or (re.search(r"责任|牵头|部门|单位$", w) and not _UNIT_HEAD.fullmatch(w)):
            break
        if _UNIT_HEAD.fullmatch(w):
            if cols:
                return None
            unit = True
            continue
        y = _YEAR.search(w)
        if cols and re.search(r"累计|年均|增幅|增速|增量", w) and not (y and _GOAL_HEAD.search(w)):
            # 〔累计〕 / 年均增(5年累计): the change over the period, beside the levels
            cols.append(("cumulative" if "累计" in w else "other", None))
        elif _BASE_HEAD.search(w):
            cols.append(("base", int(y.group(1)) if y else None))
        elif _GOAL_HEAD.search(w) or y:
            cols.append(("goal" if _GOAL_HEAD.search(w) and not y else "year", int(y.group(1)) if y else None))
        elif re.fullmatch(r"(?:19[5-9]\d|20\d{2})", w):
            cols.append(("year", int(w)))
        else:
            return None
    if not cols or (not any(k in ("year", "goal") for k, _ in cols) and len(cols) < 2):
        return None
    return _Header(cols, unit, tokens[0][1], tokens[-1][2])


_GLUED = re.compile(r"(?P<name>.*[\u4e00-\u9fff][）)]?)(?P<value>[\[〔［]?[≥≤<>＜＞]?\d+(?:\.\d+)?[%％]?[\]〕］]?)")


_GLUED_NUMBER = re.compile(r"(?P<category>[\u4e00-\u9fff]{2,8})(?P<rest>\d{1,2}[.．、](?:[^\d.．、].*)?)")


def _unglue(cell: Cell) -> list[Cell]:
    """A name glued to its first value (the normal form drops the space between a word and a number:
    空气质量优良天数比例83.5) → the two cells."""
    tok, a, b = cell
    mark = re.match(r"\[bookmark:[^\]]*\]", tok)  # a converter's bookmark before the cell's text
    if mark is not None and mark.end() < len(tok):
        tok, a = tok[mark.end():], a + mark.end()
        cell = (tok, a, b)
    numbered = _GLUED_NUMBER.fullmatch(tok)
    if numbered is not None:  # 满意度21.公众对…满意度(%): a category word glued to the row number after it
        cut = a + numbered.start("rest")
        return [(numbered.group("category"), a, cut), (numbered.group("rest"), cut, b)]
    m = _GLUED.fullmatch(tok)
    if m is None or len(re.findall(r"[\u4e00-\u9fff]", m.group("name"))) < 2 \
            or re.fullmatch(r"(?:19|20)\d{2}", m.group("value")):
        return [cell]  # (…至2025: a year, no cell)
    cut = a + m.start("value")
    return [(m.group("name"), a, cut), (m.group("value"), cut, b)]


def _name_like(tok: str) -> bool:
    """A cell that can open an indicator's name: words (three Chinese characters at least), no value, no unit."""
    return _value_kind(tok) is None and not _ATTR.fullmatch(tok) and len(re.findall(r"[\u4e00-\u9fff]", tok)) >= 3 \
        and not _UNIT_CELL.fullmatch(tok) and not _KNOWN_UNITS.match(tok)


def _row(tokens: list[Cell], known_unit_column: bool = False) -> _Row | None:
    """An indicator row: name cell(s), value cells, perhaps an attribute and cells after it."""
    tokens = [piece for t in tokens for piece in _unglue(t)]
    names: list[Cell] = []
    numbered_at: int | None = None
    unit: str | None = None
    i = 0
    n = len(tokens)
    while i < n:
        tok, a, b = tokens[i]
        if not names and numbered_at is None and tok in _DASH and i + 1 < n and (
                _ROW_NUMBER.fullmatch(tokens[i + 1][0]) or _name_like(tokens[i + 1][0])):
            i += 1  # - 2 挥发性有机物…: an empty category cell (merged with the one above) before the row number
            continue
        if numbered_at is None and unit is None and _ROW_NUMBER.fullmatch(tok) and i + 1 < n and _name_like(tokens[i + 1][0]):
            numbered_at = len(names)  # 8. 城市污水集中收集率(%) (after a category word: 污染防治 8. …, 环境质量1 空气…)
            i += 1
            continue
        if _ATTR.fullmatch(tok) or _value_kind(tok) is not None:
            break
        if names and (_UNIT_CELL.fullmatch(tok) or _KNOWN_UNITS.match(tok)) and not re.search(r"[\u4e00-\u9fff]{3}", tok):
            unit = tok  # a 单位 cell after the name (森林覆盖率 % 40.2 42 约束性)
            i += 1
            break
        if known_unit_column and names and len(tok) <= 12 and not re.search(r"\d", tok) and i + 1 < n \
                and _value_kind(tokens[i + 1][0]) is not None:
            unit = tok
            i += 1
            break
        if names and re.fullmatch(r"[（(][^（）()]{1,14}[）)]", tok):
            names[-1] = (names[-1][0] + tok, names[-1][1], b)  # 森林覆盖率 (%): the name's unit, a cell apart
            i += 1
            break
        m = _NUMBERED_NAME.match(tok)
        if m:
            numbered_at = len(names)
            names.append((tok[m.end():], a + m.end(), b))
        elif re.search(r"[\u4e00-\u9fffA-Za-z]", tok):
            if re.search(r"[。，；：]", tok) or len(tok) > 40:
                return None  # a clause of prose, no cell
            names.append((tok, a, b))
        else:
            return None
        i += 1
        if _UNIT_PAREN.search(tok):
            break  # the name ends at its unit
    if not names:
        return None
    if numbered_at is not None:
        names = names[numbered_at:]  # a category word (污染物减排) before the numbered name
    rest = tokens[i:]
    attr = next((j for j, t in enumerate(rest) if _ATTR.fullmatch(t[0])), None)
    values = rest[:attr] if attr is not None else rest
    if attr == 0 and len(rest) > 1 and _value_kind(rest[1][0]) is not None:
        values = rest[1:]  # 森林覆盖率(%) 约束性 40.2 42: the attribute column before the values
    binding = _ATTR.fullmatch(rest[attr][0]).group(1) if attr is not None else None  # type: ignore[union-attr]
    if attr is not None and not values and len(names) > 1 and not _UNIT_PAREN.search(names[-1][0]):
        values = [names.pop()]  # 指标名 完成省下达任务 约束性: the last word before the attribute is the cell
    while values and _value_kind(values[-1][0]) is None and is_unit(_FOOTNOTE.sub("", values[-1][0])):
        values = values[:-1]  # a 责任单位 cell of a row with no attribute column
    if len(values) >= 2 and unit is None and _value_kind(values[-1][0]) is None and _value_kind(values[-2][0]) == "num" \
            and (_UNIT_CELL.fullmatch(values[-1][0]) or _KNOWN_UNITS.match(values[-1][0])):
        unit, values = values[-1][0], values[:-1]  # 细颗粒物浓度 38 微克/立方米 约束性: the unit after the value
    if not values or any(_ATTR.fullmatch(v[0]) for v in values):
        return None
    if len(names) > 1:
        # a group name before its sub-indicator (17.生态空间保护区占… 国家级生态保护红线占…(%)): the last name is the row's
        # (a name a space broke into pieces — 单位 GDP 能耗降低(%), PM2.5 年均浓度 — is joined again: a piece before the
        # last that is short or holds letters or digits is no group name)
        last = names[-1]
        pieces = all(len(t[0]) <= 3 or re.search(r"[A-Za-z0-9]", t[0]) for t in names[:-1])
        if len(re.findall(r"[\u4e00-\u9fff]", last[0])) >= 4 and not pieces:
            name: Cell = last
        else:
            name = ("".join(t[0] for t in names), names[0][1], names[-1][2])
    else:
        name = names[0]
    if len(re.findall(r"[\u4e00-\u9fffA-Za-z]", name[0])) < 2:
        return None
    return _Row(name, values, binding, unit, tokens[0][1], tokens[-1][2])


def _strong(row: _Row) -> bool:
    """A row standing on its own: an attribute after at least one value, at most a few cells."""
    return row.binding is not None and 1 <= len(row.values) <= 4


def _weak(row: _Row) -> bool:
    """A row inside a run: numbers or dashes for its cells (氮氧化物减排量 -)."""
    return 1 <= len(row.values) <= 4 and all(_value_kind(v[0]) is not None or not re.search(r"\d", v[0])
                                             for v in row.values) \
        and any(_value_kind(v[0]) in ("num", "dash") for v in row.values)


def _title_year(text: str, start: int) -> int | None:
    """The year the title line(s) just above a table state (表1 “十四五”…主要指标 → 2025; （2021—2025年） → 2025)."""
    lines = text[max(0, start - 400):start].split("\n")
    seen = 0
    for line in reversed(lines):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > 2 or len(line) > 60:
            return None
        if _TITLE.search(line):
            span = _SPAN_YEAR.search(line)
            if span:
                return int(span.group(1))
            years = [int(y) for y in _YEAR.findall(line)]
            if years:
                return max(years)
            period = PERIOD_NAME.search(line)
            if period:
                from cocontrol.plans.tense import period_end

                return period_end(period.group(1))
    return None


def _cell_for(cell: Cell) -> Cell:
    """The cell as :func:`row_target` reads it: footnote marks dropped; 达到13并完成… → 13, 不低于95… → ≥95."""
    tok, a, _ = cell
    t = _FOOTNOTE.sub("", tok)
    if _NUM.match(_square(t)) or t in _DASH:
        return (_square(t), a, a + len(t))
    m = _NUM_TEXT.match(t)
    if m:
        word = m.group("word") or ""
        op = _WORD_BOUND.get(word, word)
        return (op + m.group("num") + (m.group("pct") or "") + (m.group("bound") or ""), a, a + m.end())
    return (t, a, a + len(t))


def _targets(rows: list[_Row], header: _Header | None, year: int | None, text: str,
             issue_year: int | None, cumulative_mark: bool) -> list[Target]:
    from cocontrol.plans.tense import ASSUMED_ISSUE_YEAR

    ref = ASSUMED_ISSUE_YEAR if issue_year is None else issue_year
    out: list[Target] = []
    for row in rows:
        values = row.values
        base: Cell | None = None
        goal: Cell
        goal_year, base_year = year, None
        milestones: list[tuple[Cell, int]] = []
        if header is not None and len(values) == len(header.columns):
            cols = header.columns
            goal_at = max((i for i, (k, _) in enumerate(cols) if k in ("goal", "year")), default=len(cols) - 1)
            base_at = next((i for i, (k, _) in enumerate(cols) if k == "base"), None)
            if base_at is None and goal_at > 0 and cols[0][0] == "year":
                base_at = 0  # 2020年 | 2025年: the first year is the baseline
            goal = values[goal_at]
            goal_year = cols[goal_at][1] or year
            total = next((i for i, (k, _) in enumerate(cols) if k == "cumulative"), None)
            if total is not None and _value_kind(goal[0]) in ("dash", None) and not goal[0].strip("-—/／ ") \
                    and _value_kind(values[total][0]) == "num":
                goal = values[total]  # - | 〔18〕: the row's goal is its change over the period
            if base_at is not None and base_at != goal_at:
                base, base_year = values[base_at], cols[base_at][1]
            milestones = [(values[i], y) for i, (k, y) in enumerate(cols)
                          if y is not None and i not in (goal_at, base_at) and k == "year"]
        else:
            # the last value that is not a dash (76.7 >80 - : a 〔累计〕 cell left empty after the target); a dash after the
            # baseline alone (100 -) leaves the row without a target
            filled = [k for k, v in enumerate(values) if _value_kind(v[0]) != "dash"]
            goal = values[filled[-1]] if filled and (filled[-1] > 0 or len(values) == 1) else values[-1]
            if header is not None:
                goal_year = next((y for k, y in reversed(header.columns) if k in ("goal", "year") and y), year)
            if len(values) >= 2:
                base = values[0]  # the first of two values is a baseline, not a target
        quote = " | ".join(c[0] for c in [row.name, *values]) + (f" | {row.binding}" if row.binding else "")
        for cell, y, milestone in [*((c, my, True) for c, my in milestones), (goal, goal_year, False)]:
            read = _cell_for(cell)
            unit = row.unit
            paren = _UNIT_PAREN.search(row.name[0])
            if unit is None and paren and (_UNIT_CELL.fullmatch(paren.group(0)[1:-1])
                                           or _KNOWN_UNITS.match(paren.group(0)[1:-1])):
                unit = paren.group(0)[1:-1]  # (起/万枚): the unit the name states
            t = row_target(row.name, _cell_for(base) if base else None, read, row.binding,
                           (base_year, y), None, quote, unit)  # type: ignore[arg-type]
            if t is None:
                continue
            if milestone and (t.value is None or y < ref):
                continue
            if t.value is None and (y is None or _value_kind(cell[0]) is not None):
                continue  # a text cell with no year to hold it to: nothing a tracker can follow
            if t.value is None:
                t.qualitative = _FOOTNOTE.sub("", cell[0])
            if cumulative_mark and _FOOTNOTE.search(cell[0]):
                t.cumulative = True
            out.append(t)
    return out


def text_tables(text: str, issue_year: int | None = None) -> list[tuple[int, int, list[Target]]]:
    """Indicator tables copied as text (module doc); (start, end, targets) per table, as
    :func:`cocontrol.plans.tables.flat_tables`."""
    if "约束性" not in text and "预期性" not in text and "指标" not in text:
        return []
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    out: list[tuple[int, int, list[Target]]] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        tokens = _tokens(text, a, b)
        header = _header(tokens) if len(tokens) >= 2 else None
        first = None if header is not None or len(tokens) < 2 else _row(tokens)
        if header is None and (first is None or not _strong(first)):
            i += 1
            continue
        rows: list[_Row] = []
        pending: list[_Row] = []  # weak rows waiting for a strong row (or a header) to hold them
        strong = 0
        j = i + 1 if header is not None else i
        while j < len(lines):
            a2, b2 = lines[j]
            toks = _tokens(text, a2, b2)
            if not toks:
                j += 1
                continue
            row = _row(toks, header is not None and header.unit) if len(toks) >= 2 else None
            if row is not None and _strong(row):
                rows += [*pending, row]
                pending = []
                strong += 1
            elif row is not None and _weak(row):
                if header is not None and len(row.values) == len(header.columns):
                    rows.append(row)
                else:
                    pending.append(row)
            else:
                break
            j += 1
        if (header is not None and rows) or strong >= 2:
            end = rows[-1].end
            start = header.start if header is not None else rows[0].start
            year = _title_year(text, start)
            note = text[end:end + 200]
            cumulative_mark = re.match(r"\s*注[:：]?[^\n]{0,10}[*＊※△▲#][^\n]{0,12}累计", note) is not None
            targets = _targets(rows, header, year, text, issue_year, cumulative_mark)
            if targets:
                out.append((start, end, targets))
            i = max(j, i + 1)
        else:
            i += 1
    return out
