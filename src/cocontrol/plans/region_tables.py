"""Target-decomposition tables (目标分解表) → one target per region and indicator column.

A city splits its goal over its districts, counties or towns in a table whose first column
names the place (地区 / 县（市、区）/ 镇（街道）/ 区县 …) and whose other columns name an indicator
(碳强度下降目标, 节能目标, 单位规上工业增加值能耗降幅目标(%)); a 责任部门/责任单位/备注 column names
who answers for the row and carries no value. Web and document conversions write the rows as
cells separated by "|" (with or without the bars at the ends); the cells may carry the pinyin a
page puts after traditional characters (目標(biāo)).

The year of such a table is not in its header: it is read from the table's title in the lines
just above it (太仓市2019年度能源消耗强度目标分解表 → 2019; 达州市“十二五”…分解表 → 2015), else
from the document (the year the caller gives). A column whose name holds a year (2025年目标)
takes that year. Units: % when the cell or the column's bracket says so, else the unit in the
column's bracket. Relation: a column naming a fall (下降/降幅/降低/减少/节能) → ``reduce_by``,
else a column of a cap (控制/上限/总量) → ``<=``, else ``>=``.
"""

from __future__ import annotations

import re

from cocontrol.plans.model import Target
from cocontrol.plans.sentences import five_year_span

# the place column: 地区, 县(市、区), 区县, 各县（市、区）, 镇（街道）, 镇街, 市(州), 区域, 辖区, 单位 …
_PLACE_HEADER = re.compile(r"^(?:各)?(?:地区|地\s*区|区域|辖区|县\s*[（(]\s*市\s*[、，,]?\s*区\s*[)）]|县市区|区县|县区|市县|"
                           r"市\s*[（(]\s*州\s*[)）]|市州|镇\s*[（(]\s*街道?\s*[)）]|镇街|镇（区）|镇\(区\)|乡镇(?:（街道）|\(街道\))?|"
                           r"街道|设区市|地市|城市|区\s*[（(]\s*市、?县\s*[)）]|单\s*位|地区名称|区县名称)$")
# a column that answers who is responsible or comments: no value
_NOT_VALUE = re.compile(r"责任|部门|单位$|备注|说明|序号|牵头|主体")
_VALUE_HEADER = re.compile(r"目标|指标|下降|降幅|降低|减少|能耗|强度|总量|增量|比例|比重|率|量")
_FALL = re.compile(r"下降|降幅|降低|减少|削减|节能")
_CAP = re.compile(r"控制|上限|总量|增量")
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\)")
_UNIT = re.compile(r"[（(]\s*([^（）()]{1,12}?)\s*[)）]\s*$")
_CELL_NUM = re.compile(r"^[≥≤]?\s*(\d+(?:\.\d+)?)\s*([%％])?\s*(?:以上|以下|以内|左右)?$")
_YEAR = re.compile(r"((?:19[5-9]\d|20\d{2}))\s*年")
_FYP = re.compile(r"十([一二三四五六七八九])五")

Cell = tuple[str, int, int]


def _cells(text: str, start: int, end: int) -> list[Cell]:
    """Cells of a row written ``a | b | c |`` (bars at the ends optional), offsets into ``text``."""
    line = text[start:end]
    bars = [-1] + [m.start() for m in re.finditer(r"\|", line)] + [len(line)]
    out = []
    for a, b in zip(bars, bars[1:], strict=False):
        raw = line[a + 1 : b]
        value = raw.strip()
        if not value and (a == -1 or b == len(line)):
            continue  # nothing before the first bar or after the last
        lead = len(raw) - len(raw.lstrip())
        out.append((value, start + a + 1 + lead, start + a + 1 + lead + len(value)))
    return out


def _plain(cell: str) -> str:
    return re.sub(r"\s+", "", _PINYIN.sub("", cell))


def _title_year(lines: list[str]) -> int | None:
    """Year of the table's title in the (up to three) lines above its header."""
    for line in reversed(lines[-3:]):
        s = _plain(line)
        if m := _YEAR.search(s):
            return int(m.group(1))
        if m := _FYP.search(s):
            return five_year_span(10 + "一二三四五六七八九".index(m.group(1)) + 1)[1]
    return None


def region_tables(text: str, default_year: int | None = None) -> list[Target]:
    """Targets of every decomposition table of ``text`` (see the module doc)."""
    if "|" not in text:
        return []
    lines: list[tuple[int, int]] = []
    pos = 0
    for ln in text.splitlines(keepends=True):
        lines.append((pos, pos + len(ln.rstrip("\r\n"))))
        pos += len(ln)
    out: list[Target] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        if text.count("|", s, e) < 1:
            i += 1
            continue
        header = _cells(text, s, e)
        names = [_plain(c[0]) for c in header]
        if len(header) < 2 or not _PLACE_HEADER.match(names[0]):
            i += 1
            continue
        columns = [k for k in range(1, len(names)) if _VALUE_HEADER.search(names[k]) and not _NOT_VALUE.search(names[k])]
        if not columns:
            i += 1
            continue
        above = [text[a:b] for a, b in lines[max(0, i - 3) : i]]
        year = _title_year(above)
        if year is None:
            year = default_year
        j = i + 1
        while j < len(lines):
            a, b = lines[j]
            row = _cells(text, a, b)
            if len(row) != len(header):
                break
            place = _plain(row[0][0])
            if not place or not re.search(r"[\u4e00-\u9fff]", place):
                break
            for k in columns:
                target = _cell_target(row[0], row[k], names[k], place, year, " | ".join(c[0] for c in row))
                if target is not None:
                    out.append(target)
            j += 1
        i = j
    return out


def _cell_target(place_cell: Cell, cell: Cell, column: str, place: str, year: int | None, quote: str) -> Target | None:
    m = _CELL_NUM.match(_plain(cell[0]))
    if not m:
        return None
    um = _UNIT.search(column)
    unit = "%" if m.group(2) else (um.group(1).replace("％", "%") if um else None)
    if unit is None:
        return None  # a bare number with no unit anywhere is no reading of this table
    own = _YEAR.search(column)
    name = column[: um.start()] if um else column
    name = re.sub(r"(?:降幅|下降)?目标(?:值)?$|指标$", "", name) or name
    relation = "reduce_by" if _FALL.search(column) else ("<=" if _CAP.search(column) else ">=")
    return Target(indicator=f"{place}{name}", year=int(own.group(1)) if own else year, value=float(m.group(1)),
                  unit=unit, relation=relation, quote=quote, span=(place_cell[1], cell[2]))
