"""Indicator tables (指标表, e.g. 专栏1 “十四五”生态环境保护主要指标) → targets.

Columns are found by their header: ``指标`` (name, unit in a trailing （…）), year columns
(``2020年`` = baseline, the last year = target year), ``指标属性`` (约束性/预期性). Cells:
``[10.43]`` is a cumulative value (注：[ ]内数据为…累计值), ``95以上`` a bound, ``/`` no value,
text such as 完成上级分解任务 a qualitative target. An empty target cell below a qualitative
one is a vertically merged cell and repeats it.
"""

from __future__ import annotations

import itertools
import re

from cocontrol.plans.model import Target
from cocontrol.plans.quantities import UNIT
from cocontrol.plans.structure import GOAL_COLUMN, PLACE_HEADER, Table

_YEAR = re.compile(r"^((?:19[5-9]\d|20\d{2}))\s*年")
# a year anywhere in a header cell (目标值（2025年）, “十四五”目标 2025年) when no cell opens with one
_YEAR_IN = re.compile(r"((?:19[5-9]\d|20\d{2}))\s*年")
_UNIT = re.compile(r"[（(]([^（）()]{1,12})[）)]\s*$")
# a cell value: 42, [10.43] / 〔18〕 (cumulative), ≥97 / >80 / ＜5 (bounds), 95以上, 97%
_NUM = re.compile(r"^[\[〔［]?\s*(?P<op>[≥≤><＞＜]=?)?\s*(-?\d+(?:\.\d+)?)\s*(?P<pct>[%％])?\s*[\]〕］]?\s*"
                  r"(以上|以下|以内|左右)?$")
_OPS = {"≥": "以上", ">": "以上", "＞": "以上", "≤": "以下", "<": "以下", "＜": "以下"}
_KNOWN_UNITS = re.compile(r"^(%|％|‰|μg/m3|μg/m³|微克/立方米|吨|万吨|天|个|家|万千瓦|平方公里|公顷|亩|万吨标准煤|毫克/升|mg/L"
                          # a unit the quantity grammar reads (万辆, 万个, 亿立方米, 立方米, 千瓦时 …)
                          r"|(?:万|亿)?(?:辆|个|座|台|套|处|户|亩|吨|千瓦|千瓦时|立方米|平方米|公里|千米|吨标准煤|标准煤)"
                          r"|立方米/万元|吨/万元|吨标准煤/万元)$")


LESS_IS_BETTER = re.compile(r"浓度|劣\s*[VⅤ]|极差|较差|[VⅤ]类|黑臭|施用量|使用量|排放量|排放总量|消耗量|重污染|超标|发生率|强度"
                            r"|用水量|用水总量|漏损率|消费总量|失业率")
_LESS_IS_BETTER = LESS_IS_BETTER


def _columns(header: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    years = [(i, int(m.group(1))) for i, c in enumerate(header) if (m := _YEAR.match(c))]
    if not years:
        years = [(i, int(m.group(1))) for i, c in enumerate(header)
                 if (m := _YEAR_IN.search(c)) and "备注" not in c]
    for i, c in enumerate(header):
        name = c.strip()
        if name in ("指标", "指标名称", "主要指标", "具体指标", "指标内容"):
            cols["indicator"] = i
        elif "属性" in c or name in ("指标性质", "类型"):
            cols["binding"] = i
        elif name in ("单位", "计量单位", "指标单位"):
            cols["unit"] = i
        elif re.fullmatch(r"[\[〔［]\s*累计\s*[\]〕］]\s*\d?|累计(?:值|目标)?", name):
            cols["cumulative"] = i  # 〔累计〕: the change over the period, for rows with no level
    if "indicator" not in cols or not years:
        return None
    cols["target"], cols["target_year"] = years[-1]
    # 2025年目标 | 2026年目标 | 2027年目标 (years under a goal heading): the first year is a goal too, no baseline
    first_goal = re.search(r"目标|规划", header[years[0][0]]) is not None and not re.search(r"基期|基准|现状|实际",
                                                                                           header[years[0][0]])
    if len(years) > 1 and not first_goal:
        cols["base"], cols["base_year"] = years[0]
    # 2022年 | 2025年 | 2027年: every year column between the base and the last is a milestone
    cols["milestones"] = years[:-1] if first_goal else years[1:-1]  # type: ignore[assignment]
    return cols


Cell = tuple[str, int, int]  # text, start, end (offsets in the decoded text)


def row_target(name_cell: Cell, base_cell: Cell | None, target_cell: Cell, binding: str | None,
               years: tuple[int | None, int], last_qual: str | None, quote: str,
               unit_cell: str | None = None) -> Target | None:
    """One indicator row → target (or ``None`` for "/" and empty rows).

    Direction of the indicator decides the relation: names with 减少/下降/降低 → reduce_by;
    concentrations, 劣V类 shares, 施用量 … (less is better) → ``<=``; other rates → ``>=``;
    a bound word in the cell (95以上, 35以下) overrides.
    """
    name = re.sub(r"\[bookmark:[^\]]*\]", "", name_cell[0]).strip()
    name = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", name)  # 合格 率: a cell's line break
    um = _UNIT.search(name)
    unit = um.group(1).strip() if um and _KNOWN_UNITS.match(um.group(1).strip()) else None
    given = re.sub(r"\s+", "", unit_cell or "").replace("％", "%")
    if given and given not in ("/", "—", "-", "无") and len(given) <= 12 and not re.search(r"\d", given):
        unit = given  # a 单位 column names the unit of its row
    indicator = name[: um.start()].strip() if um and unit == um.group(1).strip() else name
    cell, c0, c1 = target_cell
    cell = cell.strip()
    binding = binding if binding in ("约束性", "预期性") else None
    base_value = base_year = None
    base_text = base_cell[0].strip() if base_cell else ""
    bm = _NUM.match(base_text)
    if bm:
        base_value, base_year = float(bm.group(2)), years[0]
    reduce = re.search(r"(减少|下降|降低|削减)", indicator) is not None
    relation = "reduce_by" if reduce else ("<=" if _LESS_IS_BETTER.search(indicator) else ">=")
    value = qualitative = None
    approx = False
    cumulative = base_text.startswith(("[", "〔", "［"))
    nm = _NUM.match(cell)
    if nm:
        value = float(nm.group(2))
        cumulative = cumulative or cell.startswith(("[", "〔", "［"))
        bound = nm.group(4) or _OPS.get((nm.group("op") or "")[:1])
        if bound == "以上" and not reduce:
            relation = ">="
        elif bound in ("以下", "以内") and not reduce:
            relation = "<="
        approx = bound == "左右"
        if nm.group("pct") and unit is None:
            unit = "%"
    elif cell in ("/", "—", "-", "--", "——", "－", "一"):  # 一: a dash typed as the numeral one
        return None
    elif cell:
        qualitative = cell
    elif last_qual:
        qualitative = last_qual
        c0, c1 = name_cell[1], name_cell[2]
    else:
        return None
    if value is not None and unit is None and um is None and re.search(r"系数|指数|PUE|电能利用效率", indicator):
        unit = "无量纲"  # 农田灌溉水有效利用系数 | 0.55 | 0.58: a dimensionless row (issue-10 convention)
    if value is not None and unit is None:
        unit = um.group(1).strip() if um else "个"
    return Target(
        indicator=indicator, year=years[1], value=value,
        unit=unit if value is not None else None, relation=relation, approx=approx,
        binding=binding, qualitative=qualitative, cumulative=cumulative,
        baseline_value=base_value, baseline_year=base_year,
        quote=quote, span=(min(name_cell[1], c0), max(name_cell[2], c1)),
    )


def table_targets(tables: list[Table], text: str, issue_year: int | None = None) -> list[Target]:
    """Targets of every indicator table; spans cover the row from the indicator to its value.

    A year column between the base and the last (2022年 | 2025年 | 2027年) is a milestone when its
    year is not before the issue year (``issue_year``, else the assumed one): 2015年 | 2020年 |
    2025年 in a plan of 2021 has a past column, not a goal."""
    from cocontrol.plans.tense import ASSUMED_ISSUE_YEAR

    ref = ASSUMED_ISSUE_YEAR if issue_year is None else issue_year
    out: list[Target] = []
    for table in tables:
        if not table.rows:
            continue
        cols = _columns([c[0] for c in table.rows[0]])
        if cols is None:
            out.extend(breakdown_targets(table))
            continue
        width = len(table.rows[0])
        last_qual: str | None = None
        for row in table.rows[1:]:
            if len(row) != width:
                continue
            for col, year in cols.get("milestones", []):  # type: ignore[union-attr]
                milestone = row_target(
                    row[cols["indicator"]], row[cols["base"]] if "base" in cols else None, row[col],
                    row[cols["binding"]][0].strip() if "binding" in cols else None,
                    (cols.get("base_year"), year), None, " | ".join(c[0] for c in row),
                    row[cols["unit"]][0] if "unit" in cols else None)
                if milestone is not None and milestone.value is not None and year >= ref:
                    out.append(milestone)
            goal_cell = row[cols["target"]]
            if "cumulative" in cols and goal_cell[0].strip() in ("", "-", "—", "/", "／") \
                    and _NUM.match(row[cols["cumulative"]][0].strip()):
                goal_cell = row[cols["cumulative"]]  # - | 〔18〕: the row's goal is its cumulative change
            target = row_target(
                row[cols["indicator"]], row[cols["base"]] if "base" in cols else None,
                goal_cell, row[cols["binding"]][0].strip() if "binding" in cols else None,
                (cols.get("base_year"), cols["target_year"]), last_qual,
                " | ".join(c[0] for c in row), row[cols["unit"]][0] if "unit" in cols else None,
            )
            if target is None:
                last_qual = None
                continue
            last_qual = target.qualitative if target.value is None else None
            out.append(target)
    return out


# a table that breaks a goal down by place (目标分解表): 地区 | 单位…能耗降幅目标(%) | … / 县(市、区) | 碳强度下降目标 | …
_NOT_GOAL_COLUMN = re.compile(r"^(?:责任|牵头|配合|备注|序号)|部门$|单位$")
_TITLE_PERIOD = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?")


def breakdown_targets(table: Table) -> list[Target]:
    """Targets of a table breaking a goal down by place (…目标分解表): the first column names the
    places, the others the goals (碳强度下降目标, 单位规上工业增加值能耗降幅目标(%)), one target per place
    and goal column with a number; the year is the one its title states (太仓市2019年度…分解表,
    达州市“十二五”…分解表 → 2015). A table without a year in its title, or without a goal column, gives none."""
    header = [c[0] for c in table.rows[0]]
    first = 1 if re.sub(r"\s+", "", header[0]) in ("序号", "编号") else 0  # (序号 | 县(市) | …: the row numbers go)
    if len(header) < first + 2 or not PLACE_HEADER.match(re.sub(r"\s+", "", header[first])):
        return []
    from cocontrol.plans.tense import period_end

    title = table.title
    years = [int(y) for y in _YEAR_IN.findall(title)]
    period = _TITLE_PERIOD.search(title)
    if years:
        year = years[-1]
    elif period:
        year = period_end(period.group(1))
    else:
        return []
    goal_cols = [i for i, h in enumerate(header) if i > first and GOAL_COLUMN.search(h) and not _NOT_GOAL_COLUMN.search(h)]
    out: list[Target] = []
    for row in table.rows[1:]:
        if len(row) != len(header):
            continue
        place = re.sub(r"\s+", "", row[first][0])
        place = re.sub(r"[（(][^）)]*[）)]$", "", place)  # 港区 (含浮桥) → 港区
        for i in goal_cols:
            if not _NUM.match(row[i][0].strip()):
                continue
            name = (place + re.sub(r"目标|指标", "", header[i]), row[first][1], row[first][2])
            t = row_target(name, None, row[i], None, (None, year), None, " | ".join(c[0] for c in row))
            if t is not None and t.value is not None:
                if re.search(r"降幅|下降|降低|削减|减少", header[i]):
                    t.relation = "reduce_by"
                elif re.search(r"控制|上限|增量|总量", header[i]):
                    t.relation = "<="  # 能耗增量控制(万吨标准煤): a cap on the place
                out.append(t)
    return out


_FLAT_HEADER = re.compile(r"(?P<unit>(?:计量)?单位\s+)?((?:19[5-9]\d|20\d{2}))\s*年\S{0,6}\s+((?:19[5-9]\d|20\d{2}))\s*年\S{0,6}\s+"
                          r"(?:指标)?(?:属性|性质|类型)")
_FLAT_ROW = re.compile(
    r"(?:(?<=\s)|^)(?:\d{1,2}\s+)?(?P<name>[^\s\d\[—/－][^\s]*?)\s+(?P<base>\S+)\s+(?P<target>\S+)"
    r"\s+(?P<binding>约束性|预期性)"
)
# the same with a 单位 column between the name and the years (森林覆盖率 % 40.2 42 约束性)
_FLAT_ROW_UNIT = re.compile(
    r"(?:(?<=\s)|^)(?:\d{1,2}\s+)?(?P<name>[^\s\d\[—/－][^\s]*?)\s+(?P<unit>[^\s\d\[〔]\S{0,11})\s+(?P<base>\S+)"
    r"\s+(?P<target>\S+)\s+(?P<binding>约束性|预期性)"
)


def flat_tables(text: str) -> list[tuple[int, int, list[Target]]]:
    """Indicator tables flattened into text — cells separated by spaces or line breaks, as PDF
    and web conversions produce (``指标 2020年 2025年 属性 PM2.5浓度（微克/立方米） 38 33 约束性``).

    Returns (start, end, targets) per table; rows must follow each other with nothing but
    whitespace (and row numbers) between them.
    """
    out = []
    for header in _FLAT_HEADER.finditer(text):
        years = (int(header.group(2)), int(header.group(3)))
        with_unit = header.group("unit") is not None
        targets: list[Target] = []
        pos = header.end()
        for m in (_FLAT_ROW_UNIT if with_unit else _FLAT_ROW).finditer(text, header.end()):
            if text[pos : m.start()].strip():
                break

            def cell(g: str, m: re.Match[str] = m) -> Cell:
                return (m.group(g), m.start(g), m.end(g))

            quote = " | ".join(m.group(g) for g in ("name", "base", "target", "binding"))
            t = row_target(cell("name"), cell("base"), cell("target"), m.group("binding"), years, None, quote,
                           m.group("unit") if with_unit else None)
            if t is not None:
                targets.append(t)
            pos = m.end()
        if targets:
            out.append((header.start(), pos, targets))
    return out


# a table flattened without any separator (…目标分解表 指标 预期值 2016年2017年2018年 再生水回用率30%40%55% …):
# the year columns run together in the header, each row's cells run together after its name
_RUN_HEADER = re.compile(r"(?:指标|目标|表)[^。；;\n]{0,20}?(?P<years>(?:(?:19[5-9]\d|20\d{2})\s*年){2,6})")
_RUN_BASE = re.compile(r"现状|基期|基准|基数|基础值")
_RUN_NAME_CUT = re.compile(r".*(?:指标|任务|要求|标准|[%％\d.）)])")


def run_together_tables(text: str) -> list[tuple[int, int, list[Target]]]:
    """Indicator tables whose cells a page ran together without separators: a header of N years
    written one after the other (``2016年2017年2018年``) and rows that are a name followed by exactly
    N shares (``再生水回用率30%40%55%``) — one target per row and year column (a column named
    现状/基期 before the years is the baseline). Only shares are split: run-together plain numbers
    (0.720.750.78) cannot be told apart and are left alone; a row with another number of cells
    (低于全区平均值的50%或年降低率5%) is no row of the table. The table ends at a full stop or a
    line break; (start, end, targets) as :func:`flat_tables`."""
    out = []
    for header in _RUN_HEADER.finditer(text):
        years = [int(y) for y in re.findall(r"((?:19[5-9]\d|20\d{2}))\s*年", header.group("years"))]
        if any(b <= a for a, b in itertools.pairwise(years)):
            continue
        based = _RUN_BASE.search(text, header.start(), header.start("years")) is not None
        n = len(years)
        stop = min([i for i in (text.find(c, header.end()) for c in "。\n") if i >= 0] or [len(text)])
        # (shares, or amounts of one unit: 新能源汽车保有量5万辆8万辆12万辆)
        row = re.compile(rf"(?<![\d.%％])(\d+(?:\.\d+)?(?P<u>[%％]|{UNIT})(?:\d+(?:\.\d+)?(?P=u)){{{n - 1}}})(?![\d.])")
        targets: list[Target] = []
        pos = end = header.end()
        for m in row.finditer(text, header.end(), stop):
            a = m.start()
            while a > pos and a - m.start() > -24 and re.match(r"[\u4e00-\u9fffA-Za-z（）()]", text[a - 1]):
                a -= 1
            name = text[a : m.start()]
            cut = _RUN_NAME_CUT.match(name)
            if cut and cut.end() < len(name):
                a, name = a + cut.end(), name[cut.end() :]
            pos = end = m.end()
            if len(name) < 2:
                continue
            unit = m.group("u").replace("％", "%")
            share = unit == "%"
            # a cell is read as its number (and %); another unit is set on the target after
            cells = [(c.group(1) + ("%" if share else ""), m.start() + c.start(), m.start() + c.end())
                     for c in re.finditer(rf"(\d+(?:\.\d+)?){re.escape(m.group('u'))}", m.group(1))]
            base = cells[0] if based else None
            for cell, year in list(zip(cells, years, strict=True))[1 if based else 0 :]:
                t = row_target((name, a, m.start()), base, cell, None, (years[0] if based else None, year), None,
                               name + " | " + " | ".join(c[0] for c in cells))
                if t is not None and t.value is not None:
                    targets.append(t.model_copy(update={"span": (a, cell[2]), "unit": unit}))
        if targets:
            out.append((header.start(), max(end, stop), targets))
    return out


# an indicator table a page left as raw HTML (<table>…<tr><td><div>森林覆盖率(%)</div></td><td>46.3</td>…): its rows
# and cells, a cell's text being its first run of text between tags; a cell spanning rows (rowspan="4") is repeated
_HTML_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_HTML_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_HTML_ROW = re.compile(r"<tr\b[^>]*>", re.IGNORECASE)
_HTML_CELL = re.compile(r"<t[dh]\b([^>]*)>", re.IGNORECASE)
_HTML_ROWSPAN = re.compile(r"rowspan\s*=\s*[\"']?(\d{1,2})", re.IGNORECASE)
_HTML_TEXT = re.compile(r"(?<=>)[^<>]+")  # text between a tag's end and the next tag


def _html_cell(text: str, start: int, end: int) -> Cell:
    """The text of one cell (tags between ``start`` and ``end`` skipped, its runs joined) and its span."""
    runs = [m for m in _HTML_TEXT.finditer(text, start, end) if m.group(0).strip()]
    if not runs:
        return ("", start, start)
    first, last = runs[0], runs[-1]
    s0 = first.start() + len(first.group(0)) - len(first.group(0).lstrip())
    s1 = last.end() - (len(last.group(0)) - len(last.group(0).rstrip()))
    return ("".join(m.group(0).strip() for m in runs), s0, s1)


def html_tables(text: str, issue_year: int | None = None) -> list[tuple[int, int, list[Target]]]:
    """Indicator tables left as raw HTML in a page's text, read as :func:`table_targets` reads any table
    (header row with 指标/年 columns, one row per indicator); (start, end, targets) as :func:`flat_tables`.
    Linear: each tag is visited once."""
    out = []
    if "<t" not in text and "<T" not in text:
        return out
    for table_open in _HTML_TABLE.finditer(text):
        close = _HTML_TABLE_END.search(text, table_open.end())
        stop = close.start() if close else len(text)
        rows_at = [m.end() for m in _HTML_ROW.finditer(text, table_open.end(), stop)]
        table = Table("")
        spanning: dict[int, list] = {}  # column → [cell, rows still to fill]

        def fill(cells: list[Cell]) -> None:
            while len(cells) in spanning:  # a cell of a row above spans this one
                held = spanning[len(cells)]
                cells.append(held[0])
                held[1] -= 1
                if held[1] <= 0:
                    del spanning[len(cells) - 1]

        for i, row_start in enumerate(rows_at):
            row_end = rows_at[i + 1] if i + 1 < len(rows_at) else stop
            opens = list(_HTML_CELL.finditer(text, row_start, row_end))
            cells: list[Cell] = []
            for j, m in enumerate(opens):
                fill(cells)
                cell = _html_cell(text, m.end(), opens[j + 1].start() if j + 1 < len(opens) else row_end)
                rs = _HTML_ROWSPAN.search(m.group(1))
                if rs and int(rs.group(1)) > 1:
                    spanning[len(cells)] = [cell, int(rs.group(1)) - 1]
                cells.append(cell)
            if opens:
                fill(cells)
            if cells:
                table.rows.append(cells)
        targets = table_targets([table], text, issue_year)
        if targets:
            out.append((table_open.start(), close.end() if close else len(text), targets))
    return out
