"""Layout clean-up of plan text with an offset map back to the decoded text.

Plans converted from PDF break words and numbers across lines ("326万千\n\n瓦", "1.54亿\n平方米").
:func:`clean` removes line breaks and spaces (keeping one space between two ASCII
letters/digits so that table cells "2020 2025" stay apart) and the ``[bookmark: …]``
markers of docx conversions and the ``@@`` marks of copy-protected pages, and returns the clean text with ``pos[i]`` = offset in the
original of clean character ``i`` (``pos[len]`` is the end), so every span can be reported
against the decoded text. Full-width digits and letters (２０２５年, ＰＭ２.５) are read as ASCII,
and a year in Chinese digits (二〇二五年) as Arabic digits (one character for one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
# full-width digits, Latin letters and ％．／ → ASCII, one character for one (offsets unchanged)
_HALF = str.maketrans(
    {**{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "％": "%", "．": ".", "／": "/", "－": "-"}
)


# a year written in Chinese digits (二〇二五年, 二○二六年 with the circle ○, 二零三零年) → Arabic digits, one for one; and
# one retyped with the Arabic zero for 〇 (二00四年, 二0二0年, 一九九0年: the zero a keyboard gives), a year of the
# common era only (一九/二〇 …), so that no count of years is taken for one
CN_YEAR = re.compile(r"[一二][〇零○一二三四五六七八九]{3}(?=\s*年)"
                     r"|(?<![一二三四五六七八九十百千万亿〇零○\d])(?:一九|二[0〇零○])[0一二三四五六七八九〇零○]{2}(?=\s*年)")
CN_DIGIT = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def arabic_years(text: str) -> str:
    """A year written in Chinese digits read in Arabic ones, one character for one (offsets unchanged):
    二○二六年上海经济社会发展主要预期目标 → 2026年上海经济社会发展主要预期目标, 二00四年 → 2004年; 一二三四年 is read
    as 1234年 only before 年 (三五年 and 十五年 are not four digits: left alone)."""
    return CN_YEAR.sub(lambda m: m.group(0).translate(CN_DIGIT), text) if "年" in text else text


_YEAR_YEAR_END = re.compile(r"(?<=\d年)年(?=底|末|初|中)")


@dataclass(frozen=True)
class Clean:
    """Clean text and the offset of each of its characters in the original text."""

    text: str
    pos: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the clean range [start, end)."""
        if end <= start:
            return (self.pos[start], self.pos[start])
        return (self.pos[start], self.pos[end - 1] + 1)


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%")


_BOUND_START = frozenset("以及左的和与或、多")
_SHARE_OF_CHANGE = re.compile(r"[\u4e00-\u9fff]{1,6}化")  # 100%\n新能源化 goes on
# whitespace, docx bookmarks, and the @@ marks a copy-protected page puts between words (全省@@碳达峰)
# and the pinyin a page puts after a traditional character (全國(guó), 達(dá)到): a bracket of Latin
# letters with a tone mark right after a Chinese character
_GAP = re.compile(r"(?:[ \t\r\n\u3000\xa0\x0c\x0b\u2002\u2003\u200b]|\[bookmark:[^\]]*\]|@{2,}"
                  r"|(?<=[\u4e00-\u9fff])\((?=[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\)"
                  # (and in 【】: 装【zhuāng】机, 5000万【wàn】千瓦 — lower-case letters only, tone marks or not)
                  r"|(?<=[\u4e00-\u9fff])【[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}】)+")


def _decimal_point(text: str, dot: int, floor: int) -> bool:
    """The "." at ``dot`` follows digits inside running text (达到1. 5万个), not an item number at a
    line's start (1. 2025年…)."""
    k = dot - 1
    while k >= floor and text[k].isdigit():
        k -= 1
    return k < dot - 1 and k >= floor and not text[k].isspace() and text[k] not in "（(、，,；;：:。"


def clean(text: str, start: int = 0, end: int | None = None) -> Clean:
    """Clean ``text[start:end]``; offsets in the result refer to ``text``.

    Works run by run (whitespace and bookmark runs found by one regex, the kept stretches
    copied whole), so the cost is linear with small constants.
    """
    end = len(text) if end is None else end
    parts: list[str] = []
    pos: list[int] = []
    keep_from = start
    for m in _GAP.finditer(text, start, end):
        if m.start() > keep_from:
            parts.append(text[keep_from : m.start()])
            pos.extend(range(keep_from, m.start()))
        keep_from = m.end()
        before = parts[-1][-1] if parts and parts[-1] else ""
        after = text[m.end()] if m.end() < end else ""
        decimal = before == "." and after.isdigit() and _decimal_point(text, m.start() - 1, start) \
            and not re.search(r"[\r\n]", m.group(0))  # 1. 5万个: a page's space after a decimal point
        if before.isdigit() and after.isdigit() and m.group(0) == " " and _split_number(text, m.start(), m.end(), start, end):
            pass  # 达到1 00%, 10 0%, 4 000万千瓦: one number a PDF page broke with a space
        elif before and after and _ascii_word(before) and _ascii_word(after) and "[" not in m.group(0) and not decimal:
            parts.append(" ")
            pos.append(m.start())
        elif before in "%％" and ("\u4e00" <= after <= "\u9fff" or after in "《“【") and after not in _BOUND_START \
                and "[" not in m.group(0) and not _SHARE_OF_CHANGE.match(text, m.end()):
            # a headline's parts are set apart by spaces (…能耗降6% 浙江省出台…), a quote's end by a
            # line break (…下降15%\n《规划》指出…): the gap after a share before Chinese text or a
            # title ends the clause; 30% 以上 keeps its bound word
            parts.append(" ")
            pos.append(m.start())
        elif "\n" in m.group(0) and "\u4e00" <= after <= "\u9fff" and after not in _BOUND_START and parts \
                and _amount_ends_line("".join(parts[-4:])[-24:], text[m.end() : m.end() + 8]):
            # a list of lines without punctuation (城镇新增就业 1,200 万人以上|消费者物价指数升幅 2% 左右|…):
            # a line ending in a whole amount ends its clause (326万千|瓦 and 1.54亿|平方米 go on)
            parts.append(" ")
            pos.append(m.start())
        elif before.isascii() and before.isalpha() and ("\u4e00" <= after <= "\u9fff" or after in "《“【") and "\n" in m.group(0) \
                and "[" not in m.group(0):
            # a line ending in a Latin unit (…风电项目24.8GW\n十四五期间，…) ends there: the next line
            # is not a noun the amount qualifies
            parts.append(" ")
            pos.append(m.start())
    if end > keep_from:
        parts.append(text[keep_from:end])
        pos.extend(range(keep_from, end))
    pos.append(pos[-1] + 1 if pos else start)
    joined = "".join(parts)
    if "年年" in joined:
        # 2017年年底前 is 2017年底前: the doubled 年 is dropped (its offset with it)
        drop = {m.start() for m in _YEAR_YEAR_END.finditer(joined)}
        if drop:
            joined = "".join(c for i, c in enumerate(joined) if i not in drop)
            pos = [p for i, p in enumerate(pos) if i not in drop]
    if "%" in joined or "％" in joined:
        joined, pos = _run_on_clauses(joined, pos)
    return Clean(arabic_years(joined.translate(_HALF)), pos)


_UNIT_START = frozenset("万亿千百个家座台套处辆艘户条所项吨米亩人元头只张千公立平")


def _split_number(text: str, gap: int, resume: int, floor: int, end: int) -> bool:
    """The one space at ``text[gap:resume]`` breaks one number (达到1 00%, 覆盖率达到10 0%, 4 000万千瓦),
    not two numbers set side by side: the digits before it follow a Chinese word (not a space, a
    cell's bar or another number), and the number they make with the digits after it is the only
    reading: a share of at most 100 % written with two to three digits, or a thousands group (one to
    three digits, then exactly three) before a unit. Table cells (85 90%, 2020 2025) and lists
    (分别为5、10%) never match."""
    k = gap
    while k > floor and text[k - 1].isdigit():
        k -= 1
    if k == gap or k <= floor or not "\u4e00" <= text[k - 1] <= "\u9fff":
        return False
    j = resume
    while j < end and text[j].isdigit():
        j += 1
    head, tail = text[k:gap], text[resume:j]
    nxt = text[j] if j < end else ""
    if nxt in "%％":
        return len(head) + len(tail) <= 3 and len(head) <= 2 and 10 <= int(head + tail) <= 100 \
            and head[0] != "0"
    return 1 <= len(head) <= 3 and len(tail) == 3 and head[0] != "0" and nxt in _UNIT_START


def _amount_ends_line(before: str, after: str) -> bool:
    """An amount with its unit (and bound word) ends exactly where ``before`` ends, and does not
    go on into ``after`` (12万千瓦|时 is one unit broken over two lines)."""
    from cocontrol.plans.quantities import QUANTITY  # (quantities reads clean text: imported late)

    if not before or not ("\u4e00" <= before[-1] <= "\u9fff" or before[-1] in "%％") \
            or not any(c.isdigit() for c in before[-12:]):
        return False  # (most lines end in words: no amount near the break, nothing to match)
    joined = before + re.sub(r"\s+", "", after)
    cut = len(before)
    for m in QUANTITY.finditer(joined):
        if m.start() < cut <= m.end():
            return m.end() == cut
    return False


# a clause run on without punctuation (…累计下降10%左右全省清洁取暖率提高到75%以上城镇绿色建筑占…比例
# 达到70%以上): a share closed by its bound word, then a new subject that goes on to a level verb and a
# number before the next punctuation, starts a new clause (a comma is put between; it maps to the next character)
_RUN_ON = re.compile(r"[%％](?:以上|左右|以下|以内)(?=[\u4e00-\u9fff])(?![的和与或及等为])"
                     r"(?=[^，,；;。！？!?：:\s]{2,40}?(?:提高到|提升到|提高至|提升至|达到|达|控制在|降至|降到|下降|降低|不低于|不高于|不超过|保持在)"
                     r"[^，,；;。！？!?\s]{0,6}?\d)")


_RUN_ON_ADVERB = re.compile(r"[%％](?:以上|左右|以下|以内)(?=(?:基本|全面|逐步|加快|持续|稳步|大力|进一步)[\u4e00-\u9fff])")
_LEVEL_VERB = re.compile(r"提高到|提升到|提高至|提升至|达到|控制在|降至|降到|不低于|不高于|不超过|保持在")


def _run_on_clauses(joined: str, pos: list[int]) -> tuple[str, list[int]]:
    cuts = [m.end() for m in _RUN_ON.finditer(joined)]
    for m in _RUN_ON_ADVERB.finditer(joined):
        # …哈尔滨达到90%以上基本淘汰国三…: a level already stated by its verb, then a clause opened by an adverb
        clause = re.split(r"[，,；;。！？!?：:\s]", joined[max(0, m.start() - 40) : m.start()])[-1]
        if _LEVEL_VERB.search(clause):
            cuts.append(m.end())
    cuts = sorted(set(cuts))
    if not cuts:
        return joined, pos
    parts, new_pos, prev = [], [], 0
    for c in cuts:
        parts.append(joined[prev:c] + "，")
        new_pos.extend(pos[prev:c])
        new_pos.append(pos[c])
        prev = c
    parts.append(joined[prev:])
    new_pos.extend(pos[prev:])
    return "".join(parts), new_pos
