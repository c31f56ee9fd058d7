"""Layout of a plan: paragraphs, numbered headings (一、 （一） 1. （1） 第X章/节) and
tab-separated indicator tables (专栏).

Line breaks inside a paragraph (PDF conversions wrap every line) are undone by joining a
line to the previous one unless the previous line ended a sentence (。！？；：）) or the
line starts a heading, a bullet (——) or a table cell.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from cocontrol.plans.quantities import UNIT
from cocontrol.plans.textnorm import _GAP, Clean, clean

_LEAD = re.compile(r"^[\s#*>\-]*(?:\[bookmark:[^\]]*\])*[\s#*]*")
HEADING_PATTERNS: tuple[tuple[float, re.Pattern[str]], ...] = (
    (1, re.compile(r"^第[一二三四五六七八九十]+[章篇部分]+")),
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^第[一二三四五六七八九十]+节")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    (3, re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]")),
    (2.5, re.compile(r"^专栏\s*\d{1,2}")),
)
_END = "。！？；）)!?;"
_LIST_START = re.compile(r"[一二三四五六七八九十]{1,2}是|\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)]|[①-⑳]|——|[●■◆▶►•▪★☆✔✓√]")
# a short line without commas or stops ending in a complete amount (number, unit, bound word)
_HEADLINE = re.compile(rf"[^，,。；;！？!?]{{3,46}}?(?:\d(?:\.\d+)?\s*(?:{UNIT})|(?<!\d)\d{{1,2}}(?:\.\d+)?年)(?:以内|以上|以下|左右)?[!！]?")
_AMOUNT_END = re.compile(rf"\d(?:\.\d+)?\s*(?:{UNIT})(?:以内|以上|以下|左右)?[!！]?$")
# what can only continue the line before (a bound word, the rest of a unit, punctuation)
_GOES_ON = re.compile(r"[以及左的和与或、多时瓦米吨方顷亩%）)，,。；;：:]")
_BULLET = re.compile(r"^(——|--|—|[✔✓√●■◆◇▶►•▪★☆])")
# a line that is only a year heading (确保2025年 / 到2025年年底 / ■ 2025年经济社会发展的主要预期目标)
# over a bullet list: a paragraph of its own, never joined to the line before
# (a bare “2025年” line is a table cell of a flattened 专栏, not a heading)
YEAR_LINE = re.compile(r"^(?=[■◆●▶►★]|确保|力争|争取|到|至|在|.*目标\s*$)[■◆●▶►★]?\s*(?:确保|力争|争取|到|至|在|确定|明确)?\s*"
                       r"((?:19|20)\d{2})\s*(?:年(?:年底|底|末|年末)?(?:前)?(?:[\u4e00-\u9fff]{0,16}目标)?"
                       # 确定2021空气质量目标: a headline naming a year's goals, written without 年
                       r"|(?:年度?)?[\u4e00-\u9fff]{0,16}目标)\s*$")


# A heading dates its block (lead, session 12): a line that is only a year — 2020年——, 2021年：, 到2025年： — or a short
# title naming ONE year and the work of that year (2026年政府民生实事项目, 2026年重点工作, 某县2025年度工作要点): what
# the title names is a body of work or goals, not a state or an event (2025年我市空气质量持续向好 is no title). A
# paragraph of its own; the lines under it are read as the block it dates (extract._block_line_year). (A bare “2025年”
# without a mark stays a table cell, as above.)
BLOCK_YEAR_LINE = re.compile(
    r"^\s*(?:到|至|在)?\s*((?:19|20)\d{2})\s*年(?:年?底|年?末)?(?:前)?\s*(?:——|—|－－|-{1,2}|[：:])\s*$"
    # (a title in brackets or after a bullet — 【2026年目标】, ▶2026年重点工作 — is a title all the same)
    # (the title opens on the year or on the name of a place or body: 天门市圆满完成2017年…目标任务 is a headline of news)
    r"|^\s*[【\[▶►●■◆★☆]?\s*(?:[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗|镇|乡|街道|政府|委员会|局|厅|办公室))?((?:19|20)\d{2})\s*年度?[^，,。；;！？!?：:\d\s]{0,20}?"
    r"(?:工作|项目|任务|计划|安排|要点|目标|指标|实事|清单)(?:[（(][^）)]{0,12}[）)])?\s*[】\]]?\s*[：:]?\s*$")


# a short unpunctuated line naming a review (2024年工作回顾 / 主要成绩 / 完成情况) heads the lines after it in a
# web digest that runs headings and bullets together: a paragraph of its own, never joined to the lines around it
# (总结试点经验和工作成效 wrapped from a sentence is no heading: no 要/总结/巩固/提升/… in the line)
REVIEW_LINE = re.compile(r"(?![^\n]*?(?:要|总结|巩固|提升|加强|推进|确保|形成|转化|放大))"
                         r"[^，,。；;：:！？!?\s]{0,16}?(?:回顾|成效|成绩单?|成就|完成情况|工作总结|数说\s*\d{4})[】\]]?\s*"
                         r"|\s*过去(?:的)?(?:[一两三五十]|\d{1,2})年(?:来|间)?\s*")  # 过去5年 over last years' figures


# a year label heading a digest's section (2024年：加强生态环境保护 / 2025年度:持续改善空气质量): a line of its own
YEAR_LABEL = re.compile(r"\s*((?:19|20)\d{2})\s*年度?\s*[:：]\s*([^，,。；;！？!?\d:：]{2,24})\s*")


def strip_lead(text: str) -> str:
    """Text without leading markdown marks (#, **) and docx bookmarks."""
    return _LEAD.sub("", text)


@dataclass
class Paragraph:
    """A paragraph with its clean text; ``level``/``number`` when it starts with a heading.

    Levels: 1 一、/第X章, 2 （一）/第X节, 2.5 专栏N (a box inside a section), 3 1., 4 （1）.
    """

    start: int
    end: int
    clean: Clean
    level: float = 0
    number: str = ""
    table: bool = False

    @property
    def text(self) -> str:
        return self.clean.text


@dataclass
class Table:
    """An indicator table (专栏) read from tab-indented cell lines: rows of (cell, start, end)."""

    title: str
    rows: list[list[tuple[str, int, int]]] = field(default_factory=list)


def heading_of(line: str) -> tuple[float, str]:
    """(level, numbering) when ``line`` starts with a heading number, else (0, "")."""
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(line)
        if m:
            return level, re.sub(r"\s", "", m.group(0))
    return 0, ""


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line)))
        pos += len(line)
    return out


_YEAR_OPENS = re.compile(r"[“\"「『]?\s*(?:到|至)?\s*(?:19|20)\d{2}\s*年(?:年?底|年?末)?\s*[，,]")
_BROKEN_OFF = set("到至在于从自和与及、的是为前")


def paragraphs(text: str) -> tuple[list[Paragraph], list[Table]]:
    """Split ``text`` into paragraphs (offsets into ``text``) and indicator tables."""
    paras: list[Paragraph] = []
    tables: list[Table] = []
    cur: list[int] | None = None  # [start, end, level, is_heading_only]
    cur_meta: tuple[float, str] = (0, "")
    prev_end_char = "。"
    year_block = blank_before = False  # lines since a year line (到2020年) that end no sentence; a blank line above
    table: Table | None = None
    row: list[tuple[str, int, int]] = []

    def flush() -> None:
        nonlocal cur
        if cur is not None:
            c = clean(text, cur[0], cur[1])
            if c.text:
                paras.append(Paragraph(cur[0], cur[1], c, cur_meta[0], cur_meta[1]))
        cur = None

    lines = _lines(text)
    pipe: Table | None = None
    tabbed: Table | None = None
    in_cells = _cell_runs(text, lines)  # line index → its one-cell-per-line table
    if "|" in text and _JAMMED.search(text):
        in_cells.update({k: v for k, v in _jammed_cells(text, lines).items() if k not in in_cells})
    for i, (start, end) in enumerate(lines):
        raw = text[start:end]
        stripped = raw.strip()
        if i in in_cells:
            flush()
            if in_cells[i] not in tables:
                tables.append(in_cells[i])
            continue
        if stripped.startswith("|") and stripped.count("|") >= 3:
            flush()
            if pipe is None:
                pipe = Table("")
                tables.append(pipe)
            if not re.fullmatch(r"[|:\-\s]+", stripped):
                pipe.rows.append(_pipe_cells(text, start, end))
            continue
        if _OPEN_ROW.match(stripped) and (pipe is not None or _OPEN_ROW.match(_next_line(text, lines, i))):
            # 县(市、区) | 碳强度下降目标 | 节能目标 |↵通川区 | 19% | 17% |: rows whose first bar is left out;
            # the lines just before name the table (…“十二五”各县(市、区)碳强度↵下降目标分解表)
            flush()
            if pipe is None:
                pipe = Table(_caption(text, lines, i))
                tables.append(pipe)
            lead = len(raw) - len(raw.lstrip())
            pipe.rows.append(_pipe_cells(text, start + lead, end, open_start=True))
            continue
        pipe = None
        inner_tabs = stripped.count("\t")
        if inner_tabs >= 2 and (tabbed is not None or _TAB_HEADER.match(stripped)):
            # 指标\t2022年\t2025年\t2027年 | 新能源汽车保有量（万辆）\t5\t12\t20: a table whose cells
            # are separated by tabs inside the line (a spreadsheet pasted as text)
            flush()
            if tabbed is None:
                tabbed = Table("")
                tables.append(tabbed)
            tabbed.rows.append(_tab_cells(text, start, end))
            continue
        tabbed = None
        tab_line = raw.startswith("\t")
        if tab_line and (table is not None or "专栏" in raw or _tab_table_starts(text, lines, i)):
            flush()
            if table is None:
                table = Table(stripped if "专栏" in raw else "")
                tables.append(table)
                if "专栏" in raw:
                    continue
            lead = len(raw) - len(raw.lstrip())
            row.append((stripped, start + lead, start + lead + len(stripped)))
            continue
        if table is not None:
            if not stripped:
                if row:
                    table.rows.append(row)
                    row = []
                continue
            if row:
                table.rows.append(row)
            row = []
            table = None
        if not stripped:
            blank_before = True
            continue
        body = _LEAD.sub("", stripped)
        if re.fullmatch(r"[-*_=]{2,}", stripped):
            continue
        level, number = heading_of(body)
        # a line opening with a comma continues the line before (web copies break lines before
        # punctuation: "到2025年\n，城市…"), whatever that line ended with
        continues = cur is not None and level == 0 and re.match(r"[，,、；;：:）)]", body) is not None
        new = not continues and (
            cur is None
            or level > 0
            or _BULLET.match(body) is not None
            or YEAR_LINE.match(body) is not None
            or BLOCK_YEAR_LINE.match(body) is not None
            # 到2020年|(blank)|全省…下降20%以上|(blank)|全省…达82%以上: under a year line, a line after a blank
            # line is an item of its own (a graphic's items, one per block), up to a line ending a sentence
            or (year_block and blank_before)
            or REVIEW_LINE.fullmatch(body) is not None
            or YEAR_LABEL.fullmatch(body) is not None
            or prev_end_char in _END
            # …设定广东2025年能源发展的主要目标：|一是…|二是…: a list after a colon starts on its own line
            or (prev_end_char in "：:" and _LIST_START.match(body) is not None)
            or (cur_meta[0] > 0 and cur_is_title(text, cur))
            # …项目现场|2025年，全区…: a line opening with a year clause starts a paragraph after an unpunctuated
            # line (a photo caption, a subtitle), unless that line broke off a phrase (…根据规划，到|2025年，)
            or (_YEAR_OPENS.match(body) is not None and prev_end_char not in _BROKEN_OFF)
        )
        if new:
            flush()
            lead = stripped and raw.index(stripped[0])
            cur = [start + lead, end]
            cur_meta = (level, number)
        else:
            assert cur is not None
            cur[1] = end
        year_block = YEAR_LINE.match(body) is not None or (year_block and not re.search(r"[。！？!?]", stripped))
        blank_before = False
        prev_end_char = "：" if YEAR_LINE.match(body) else "。" if (
            REVIEW_LINE.fullmatch(body) or YEAR_LABEL.fullmatch(body) or BLOCK_YEAR_LINE.match(body)) else stripped[-1]
        if _HEADLINE.fullmatch(body) and not _GOES_ON.match(_next_line(text, lines, i)):
            # a short unpunctuated line ending in an amount (a headline or subtitle: 到2020年全省用水总量
            # 控制在260亿立方米以内) is a line of its own; a number broken from its unit goes on
            prev_end_char = "。"
        if not paras and cur is not None and cur[0] == start + (stripped and raw.index(stripped[0])) \
                and len(body) <= 50 and (not re.search(r"[，,。；;]", body) or (
                    not re.search(r"[。；;]", body) and _AMOUNT_END.search(_GAP.sub("", body)) is not None
                    and not _GOES_ON.match(_next_line(text, lines, i)))):
            # (a headline with a comma ending in an amount: 广东：到2030年，风光发电装机量达7400万千瓦以上)
            prev_end_char = "。"  # the document's first line, short and unpunctuated: its title
            # (a news headline may name its source with a colon: 国家林草局：2025年…将达190亿立方米)
    flush()
    if table is not None and row:
        table.rows.append(row)
    return paras, tables


_CELL_LINE = re.compile(r"^\s*([^|\n]{0,60}?)\s*\|\s*$")
# the same page without the bars: a line that is one short cell, no clause in it (重点水源工程覆盖率, 89.2, 2025年)
_BARE_CELL_LINE = re.compile(r"^\s*([^|\n。；;，,：:]{1,30}?)\s*$")
_PIPES_LINE = re.compile(r"^\s*\|{2,}\s*$")  # ||, |||: the page's empty (merged) cells, no cell of the grid
_VALUE_CELL = re.compile(r"^(?:[\[〔［]?\s*[<>≥≤＜＞]?=?\s*-?\d+(?:\.\d+)?\s*[%％]?\s*[\]〕］]?\s*(?:以上|以下|左右|以内)?|[-—/／一]|)$")
# a header cell: a year, 〔累计〕, 单位, 属性 …, or a change column (年均增(5年累计), 年均增速, 累计变化)
_HEADER_CELL = re.compile(r"^(?:(?:19|20)\d{2}\s*年|〔累计〕|\[累计\]|单位|计量单位|目标值|.{0,4}属性|类型"
                          r"|年均[增降]\S{0,10}|.{0,6}累计\S{0,8}$)")
_NAME_HEAD_CELLS = ("指标", "指标名称", "主要指标", "具体指标")
# a heading over the year columns below it (目 标 指 标 over 2025年 | 2026年 | 2027年): every year under it is a goal
_GOAL_GROUP_CELL = re.compile(r"^(?:目标|规划|预期)(?:指标|值|目标)?$")
_YEAR_CELL = re.compile(r"^(?:19|20)\d{2}\s*年$")
# the place column and the goal columns of a breakdown by place (县(市) | 单位GDP能耗降低率目标任务(%)): one definition,
# the grid reader's
PLACE_HEADER = re.compile(r"^(?:地区|区域|地市|城市|市(?:\(州\)|（州）)?|县|区县|县区|县\(市、区\)|县（市、区）|县\(市\)区|各?[县市区镇]"
                           r"|县\(市\)|县（市）|单位名称|名称|镇\(街道\)|镇（街道）|镇街|乡镇|街道)$")
GOAL_COLUMN = re.compile(r"目标|指标|降幅|下降|降低|削减|减少|任务|增量|总量|控制")


def _despaced(cell: str) -> str:
    """A header cell as read, the spaces a page puts between its characters dropped: 指 标 名 称 → 指标名称."""
    return re.sub(r"\s+", "", cell)


def _intro_before(text: str, lines: list[tuple[int, int]], i: int) -> str:
    """The nearest line before line ``i`` with words on it when it introduces what follows (…目标任务如下：), else ""."""
    for k in range(i - 1, max(-1, i - 8), -1):
        line = text[lines[k][0] : lines[k][1]].strip()
        if line:
            return line if re.search(r"(?:如下|下达|分解)\s*[：:]?$|[：:]$", line) else ""
    return ""


def _cell_runs(text: str, lines: list[tuple[int, int]]) -> dict[int, Table]:
    """Tables a web page flattened to one cell per line (``指标 |``, ``2015年 |``, ``2020年 |``,
    ``属性 |``, then the rows' cells, with one-cell category lines such as ``1。空气质量 |``): the
    header is ``指标`` and the year/属性/单位 cells after it; a text cell followed by another text
    cell is a category line; the other cells are read as rows of the header's width. A decimal
    point written as 。 between digits (76。7) is read as “.”.

    Round tb (issue 10): the header may open with a ``序号`` column (每行 its row number: 1 | 重点水源工程覆盖率 | % |
    89.2 …) and spell its cells with spaces (指 标 名 称 |); lines of bars only (``||``) are the page's empty merged cells
    and hold no cell; a goal heading spanning the year columns (目 标 指 标 | 2025年 | 2026年 | 2027年) is no column of
    its own: the years under it are goal years (``2025年目标``: none is a baseline). The same table without the bars
    (each cell a short line of its own) is read alike when its header has a year column, and only up to its last row."""
    out: dict[int, Table] = {}
    i = 0
    while i < len(lines):
        line = text[lines[i][0] : lines[i][1]]
        m = _CELL_LINE.match(line)
        bare = m is None
        if bare:
            m = _BARE_CELL_LINE.match(line)
        if not m or (_despaced(m.group(1)) not in _NAME_HEAD_CELLS and not PLACE_HEADER.match(_despaced(m.group(1)))):
            i += 1
            continue
        # round ud: 序 号 | 县(市) | 单位GDP能耗降低率目标任务(%): a goal broken down by place, one row a place (its
        # cells perhaps a blank line apart)
        by_place = PLACE_HEADER.match(_despaced(m.group(1))) is not None
        prev = i - 1
        while by_place and bare and prev > 0 and not text[lines[prev][0] : lines[prev][1]].strip():
            prev -= 1
        numbered = False  # a 序号 column before the name (序号 | 指 标 名 称 | …)
        if prev >= 0:
            before = (_BARE_CELL_LINE if bare else _CELL_LINE).match(text[lines[prev][0] : lines[prev][1]])
            numbered = before is not None and _despaced(before.group(1)) in ("序号", "编号")
        if by_place and not numbered:
            i += 1
            continue
        run = []
        ends = []  # the line index of each cell
        j = i
        while j < len(lines):
            raw = text[lines[j][0] : lines[j][1]]
            if not bare and _PIPES_LINE.match(raw):
                j += 1
                continue
            if by_place and bare and not raw.strip():
                j += 1
                continue
            cm = (_BARE_CELL_LINE if bare else _CELL_LINE).match(raw)
            if not cm:
                break
            if bare and not cm.group(1):
                j += 1
                continue
            a = lines[j][0] + cm.start(1)
            value = re.sub(r"(?<=\d)。(?=\d)", ".", cm.group(1))
            run.append((value, a, a + len(cm.group(1))))
            ends.append(j)
            j += 1
        if numbered:
            cm = (_BARE_CELL_LINE if bare else _CELL_LINE).match(text[lines[prev][0] : lines[prev][1]])
            a = lines[prev][0] + cm.start(1)  # type: ignore[union-attr]
            run.insert(0, ("序号", a, a + len(cm.group(1))))  # type: ignore[union-attr]
            ends.insert(0, prev)
        head = 1 + numbered
        run[head - 1] = (_despaced(run[head - 1][0]), run[head - 1][1], run[head - 1][2])
        header = run[:head]
        width = head
        goal_group = False
        while width < len(run):
            cell = _despaced(run[width][0])
            if _GOAL_GROUP_CELL.match(cell) and width + 1 < len(run) and _YEAR_CELL.match(_despaced(run[width + 1][0])):
                goal_group = True  # 目标指标 over the years: no column
                run.pop(width)
                ends.pop(width)
                continue
            if by_place and GOAL_COLUMN.search(cell) and not _VALUE_CELL.match(cell) and len(cell) <= 30:
                header.append((cell, run[width][1], run[width][2]))
                width += 1
                continue
            if by_place or not _HEADER_CELL.match(cell) or (bare and len(cell) > 8):
                break  # (单位地区生产总值…: a name opening with 单位 is the first row's, no header cell)
            if goal_group and _YEAR_CELL.match(cell):
                cell += "目标"
            header.append((cell, run[width][1], run[width][2]))
            width += 1
        if (width < head + 1) if by_place else (
                width < head + 2 or not any(re.match(r"(?:19|20)\d{2}\s*年", c[0]) for c in header)):
            i = max(j, i + 1)
            continue
        # (a breakdown by place is dated by the line introducing it: 确定2021年全州各县(市)能耗强度目标任务如下：)
        table = Table(_intro_before(text, lines, ends[0]) if by_place else "")
        table.rows.append(header)
        k = width
        last = width - 1
        while k < len(run):
            if numbered and not re.fullmatch(r"\d{1,2}[.．、]?", run[k][0]):
                if bare:
                    break  # (a row opens with its number)
                k += 1
                continue
            if not numbered and not _VALUE_CELL.match(run[k][0]) and (
                    k + 1 >= len(run) or not _VALUE_CELL.match(run[k + 1][0])):
                k += 1  # 生态环境质量 | 1。空气质量 |: a category line
                continue
            if k + width > len(run):
                break
            table.rows.append(run[k : k + width])
            k += width
            last = k - 1
        if bare and len(table.rows) < 2:
            i += 1
            continue
        for n in range(ends[0], (ends[last] + 1) if bare else j):
            out[n] = table
        i = max(j, i + 1) if not bare else ends[last] + 1
    return out


# anti-scraping junk a forum page sprinkles between the cells of a table (“7 B; g# x0 `- r. y5 o+ b$ S+ ?”):
# space-separated groups of one or two printable ASCII characters; a page carries it when several long runs
# with letters and punctuation mixed occur
_JAMMED = re.compile(r"(?:(?:[A-Za-z][!-/:-@\[-`{-~]|[!-/:-@\[-`{-~][A-Za-z0-9]|[A-Za-z]\d) ){5,}")
_JAM = re.compile(r"(?:[!-~]{1,2} ){2,}[!-~]{1,2}(?=[ \t]*(?:\n|$))|(?:[!-~]{1,2} ){2,}[!-~]{1,2}(?= )|(?:[!-~]{1,2} ){3,}")
# a cell right after a bar keeps its characters even when junk is glued to it (| <5! O7 _( …)
_BAR_VALUE = re.compile(r"(?<=\|)[ \t]+((?:[<>≥≤＜＞]=?)?\d+(?:[。.]\d+)?(?:左右|以上|以下|以内)?|[〔\[]\d+(?:[。.]\d+)?[〕\]]|[-—/](?=[!-~]| |$))",
                        re.MULTILINE)
_BINDING_CELL = re.compile(r"^(?:约束性|预期性)$")


def _jammed_cells(text: str, lines: list[tuple[int, int]]) -> dict[int, Table]:
    """A table a forum page wrote with ``|`` between cells at either end of its lines and anti-scraping
    junk between them (see :data:`_JAMMED`): the junk is blanked (cells right after a bar are kept
    whole), the rest split at bars and line ends into cells; after ``指标`` and its header cells (years,
    〔累计〕, 属性) a row is a name, its value cells and its 约束性/预期性 cell. A row with fewer values
    than value columns puts a 〔…〕 value in the 〔累计〕 column and the others from the left."""
    if not _JAMMED.search(text):
        return {}
    chars = list(text)
    kept = [(m.start(1), m.end(1)) for m in _BAR_VALUE.finditer(text)]
    masked = list(text)
    for a, b in kept:
        masked[a:b] = "值" * (b - a)
    masked_text = "".join(masked)
    for m in _JAM.finditer(masked_text):
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
    plain = "".join(chars)
    cells: list[tuple[str, int, int]] = []
    for m in re.finditer(r"[^|\n]+", plain):
        value = m.group(0).strip()
        if value:
            a = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            if value.count("(") > value.count(")") and text[a + len(value) : a + len(value) + 1] == ")":
                value += ")"  # 比率(%). M! K;: the junk took the bracket closing the unit
            cells.append((re.sub(r"(?<=\d)。(?=\d)", ".", value), a, a + len(value)))
    out: dict[int, Table] = {}
    starts = [a for a, _ in lines]
    import bisect

    i = 0
    while i < len(cells):
        if cells[i][0] not in ("指标", "指标名称", "主要指标", "具体指标"):
            i += 1
            continue
        width = 1
        while i + width < len(cells) and _HEADER_CELL.match(cells[i + width][0]):
            width += 1
        header = [cells[i]] + [(re.sub(r"(?<=〕|\])\d$", "", c[0]), c[1], c[2]) for c in cells[i + 1 : i + width]]
        if width < 3 or not any(re.match(r"(?:19|20)\d{2}\s*年", c[0]) for c in header) \
                or not _BINDING_CELL.match(header[-1][0].replace("属性", "约束性") if header[-1][0].endswith("属性") else ""):
            i += 1
            continue
        n_values = width - 2
        cum_col = next((k for k, c in enumerate(header) if "累计" in c[0]), None)
        table = Table("")
        table.rows.append(header)
        k = i + width
        name: tuple[str, int, int] | None = None
        values: list[tuple[str, int, int]] = []
        last = k
        while k < len(cells):
            c = cells[k]
            if _BINDING_CELL.match(c[0]):
                if name is not None and 0 < len(values) <= n_values:
                    row: list[tuple[str, int, int]] = [name] + [("", c[1], c[1])] * n_values + [c]
                    if len(values) == n_values:
                        row[1 : 1 + n_values] = values
                    else:
                        rest = []
                        for v in values:
                            if v[0].startswith(("〔", "[")) and cum_col is not None:
                                row[cum_col] = v
                            else:
                                rest.append(v)
                        for col, v in zip(range(1, 1 + n_values), rest, strict=False):
                            row[col] = v
                    table.rows.append(row)
                    last = k
                name, values = None, []
            elif _VALUE_CELL.match(c[0]):
                if name is not None:
                    values.append(c)
            elif len(c[0]) <= 60:
                name, values = c, []  # a text cell: the row's name (a category line is replaced by the next)
            else:
                break
            k += 1
        if len(table.rows) > 1:
            first = bisect.bisect_right(starts, cells[i][1]) - 1
            end_line = bisect.bisect_right(starts, cells[last][1]) - 1
            for n in range(first, end_line + 1):
                out[n] = table
        i = last + 1 if len(table.rows) > 1 else i + 1
    return out


def _next_line(text: str, lines: list[tuple[int, int]], i: int) -> str:
    """The next non-empty line after line ``i`` (stripped; "" at the end)."""
    for start, end in lines[i + 1 : i + 4]:
        line = text[start:end].strip()
        if line:
            return line
    return ""


def _tab_table_starts(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A tab-indented short line followed by two more: cells of a table (docx conversions put
    one cell per line, each indented by a tab), not an indented paragraph."""
    run = 0
    for start, end in lines[i : i + 6]:
        raw = text[start:end]
        if not raw.strip():
            continue
        if not raw.startswith("\t") or len(raw.strip()) > 40:
            return False
        run += 1
        if run == 3:
            return True
    return False


_TAB_HEADER = re.compile(r"(?:序号\t+)?(?:指标|指标名称|主要指标|具体指标|指标内容)\t(?=.*(?:19[5-9]\d|20\d{2})\s*年)")


def _tab_cells(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Cells of a tab-separated row (``指标\t2020年\t2025年``) with their offsets."""
    cells = []
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    for m in re.finditer(r"[^\t\r\n]+", line, lead):
        value = m.group(0).strip()
        offset = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        cells.append((value, start + offset, start + offset + len(value)))
    return cells


# (a cell holding a sentence — 到2025年，新建绿色工厂10家。 | 市工信局 | — is a task row: its text is read as prose)
# a row whose first bar is left out: a first cell, then cells each opened by a bar; every blank has one place to go
# (content starts and ends on a non-blank), so a line that is no such row fails in linear time — the nested
# ``(?:\s*\|\s*…{0,40}?)*\s*\|`` of before backtracked exponentially on lines holding several tables' headers
_CELL_CHAR, _CELL_EDGE = r"[^|\n。；;，,]", r"[^|\s。；;，,]"
_OPEN_ROW = re.compile(
    rf"^{_CELL_CHAR}{{1,40}}?(?:\|(?:\s*{_CELL_EDGE}(?:{_CELL_CHAR}{{0,38}}{_CELL_EDGE})?)?\s*)*\|\s*$"
)


def _caption(text: str, lines: list[tuple[int, int]], i: int) -> str:
    """The one or two short lines right before line ``i`` (a table's title), joined."""
    out: list[str] = []
    for start, end in reversed(lines[max(0, i - 3) : i]):
        line = text[start:end].strip()
        if not line:
            continue
        if len(line) > 40 or "|" in line or len(out) == 2:
            break
        out.insert(0, line)
    return "".join(out)


def _pipe_cells(text: str, start: int, end: int, open_start: bool = False) -> list[tuple[str, int, int]]:
    """Cells of a markdown table row ``| 指标 | 2020年 | 2025年 |`` with their offsets (``open_start``:
    the row's first bar is left out: a bar is read before ``start``)."""
    cells = []
    bars = ([-1] if open_start else []) + [m.start() for m in re.finditer(r"\|", text[start:end])]
    for a, b in itertools.pairwise(bars):
        cell = text[start + a + 1 : start + b]
        lead = len(cell) - len(cell.lstrip())
        value = cell.strip().replace("**", "")
        cells.append((value, start + a + 1 + lead, start + a + 1 + lead + len(cell.strip())))
    return cells


def cur_is_title(text: str, cur: list[int]) -> bool:
    """A heading line without a full stop is a title: the next line starts a new paragraph."""
    chunk = _LEAD.sub("", text[cur[0] : cur[1]].strip())
    chunk = re.sub(r"\[bookmark:[^\]]*\]|\s", "", chunk)
    return "。" not in chunk and len(chunk) <= 40
