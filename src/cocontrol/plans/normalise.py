"""Surface normalisation of a plan text before any rule reads it, with offsets back to the text.

A plan reaches the extractor written in many ways: in traditional characters, with full-width
digits (２０２７年, １６％), with junk a mirror page puts between clauses or inside words (◈ღ◈,
emoji, zero-width marks), with pinyin glosses after characters (標(biāo)題, 装【zhuāng】机) and
with doubled clause marks (,, / ,; / 。,). The rules (:mod:`cocontrol.plans.sentences`,
:mod:`cocontrol.plans.structure`, the document-level readings of :mod:`cocontrol.plans.extract`)
are written for one spelling; :func:`normalise` gives it to them, once, before the first rule:

1. **junk** characters are dropped: format and zero-width characters (Unicode category Cf,
   variation selectors), emoji and pictographs, symbols (category So/Sk) that plans do not use
   (a plan's own symbols are kept: ℃ ㎡ and the letter-like block, arrows, circled and boxed
   numbers, box drawing, the bullets ■□▪▲△▶►▼▽◆◇○◎● ★☆✓✔, CJK symbols), and letters of scripts a
   Chinese plan does not write in (Georgian ღ, Cyrillic, Arabic, Thai, Hangul …; Latin, Greek,
   kana and CJK are kept);
2. **pinyin glosses** are dropped: a bracket right after a Chinese character holding one
   syllable of lower-case pinyin with a tone mark (發(fā)布, 達（dá）到, 装【zhuāng】机), or without
   one where the text carries at least five glosses (全(quan)國(guo), 們(men));
3. **full-width** digits, Latin letters, ％ ／ － and a full-width decimal point (． or ﹒) between digits are
   read as ASCII (２０２７ → 2027, ＰＭ２．５ → PM2.5), one character for one, and so is a decimal point a mirror
   page writes as 。 (97。3% → 97.3%; only before % or a measure's unit, never a sentence end); a **year in
   Chinese digits** (二○二五年, 二〇二六年, 二零三零年) is read in Arabic ones (:func:`textnorm.arabic_years`), so
   that every rule reading a year — the issue year, a heading's year, a goal's year — reads it; a full-width point
   between Chinese digits is 点 (三十一．二GW → 三十一点二GW);
4. the text is read in **simplified characters** when it is traditional
   (:func:`cocontrol.plans.script.simplified`, one character for one);
5. **doubled clause marks** are made single: a run of commas is one comma (,, → ,), a comma next to
   a stronger mark (,; / 。, / ：,) or to an enumeration comma (,、) gives way to it;
6. **typographic spaces** are dropped: one space between a number and its unit (2027 年, 16 %,
   500 万千瓦), between a word and a number (到 2027; not a time: 29日 09:48), beside ，；：。、, round a decimal
   point inside a number (增长6 . 5%左右);
7. **hard wraps** are undone: in a text wrapped at a fixed width (a web copy that breaks every
   30–40 characters), the breaks inside clauses are dropped (:func:`_soft_breaks`);
8. **years written otherwise**: 今(2022)年 is read 2022年 (今 and the brackets dropped), and a text of Taiwan's years
   of 民國 are read in the common era (109年 → 2020年, :func:`_roc_years`; the one step that adds a character).

Steps 1–2 and 5–7 drop characters, 3–4 replace them one for one, 8 drops or adds, so :class:`Normal` keeps, for every
character of the normal text, its offset in the text as given: a span found in the normal text
is reported against the original (:meth:`Normal.span`), and the JSON contract of
``plan extract`` (spans into the decoded text) is unchanged. Every step is one regex pass or a
``str.translate`` — linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cocontrol.plans.quantities import UNIT
from cocontrol.plans.script import simplified
from cocontrol.plans.textnorm import _LEVEL_VERB, _amount_ends_line, arabic_years

# --- 1. junk characters ----------------------------------------------------------------------

_BULLETS = set("■□▪▫▲△▶►▷▼▽◆◇○◎●◉◯★☆✓✔✕✖✗✘")


def _is_junk(ch: str) -> bool:
    """A character a plan's own text never carries (see the module doc)."""
    o = ord(ch)
    cat = unicodedata.category(ch)
    if cat == "Cf" or 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF:
        return True  # zero-width and format characters, variation selectors
    if 0x1F000 <= o <= 0x1FAFF:
        return True  # emoji, pictographs, playing cards
    if cat in ("So", "Sk"):
        if o < 0x80 or ch in _BULLETS:  # (circled numbers ①… are No, kept)
            return False
        kept = ((0x2100, 0x214F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x2500, 0x259F),
                (0x2E80, 0x33FF), (0xFF00, 0xFFEF))  # letter-like (℃ №), arrows, ①⑴, boxes, CJK, full-width
        return not any(a <= o <= b for a, b in kept)
    if cat[0] == "L":
        kept = ((0x0000, 0x02FF), (0x0370, 0x03FF), (0x1E00, 0x1FFF), (0x2100, 0x214F),
                (0x2C60, 0x2C7F), (0x2E80, 0x9FFF), (0xA720, 0xA7FF), (0xF900, 0xFAFF),
                (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))  # Latin, Greek, CJK, kana, bopomofo, full-width
        return not any(a <= o <= b for a, b in kept)
    return False


# characters that are never junk, skipped at C speed: ASCII, CJK, CJK and full-width punctuation, “”—…‰
_COMMON = re.compile(r"[^\x00-\x7f\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2030-\u205e]+")


def _junk_spans(text: str) -> list[tuple[int, int]]:
    """Ranges of junk characters (see :func:`_is_junk`), found among the uncommon characters."""
    spans: list[tuple[int, int]] = []
    for m in _COMMON.finditer(text):
        for k, ch in enumerate(m.group(0), m.start()):
            if _junk(ch):
                if spans and spans[-1][1] == k:
                    spans[-1] = (spans[-1][0], k + 1)
                else:
                    spans.append((k, k + 1))
    return spans


_junk = lru_cache(maxsize=4096)(_is_junk)


# --- 2. pinyin glosses ---------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = f"a-zü{_TONED}"
_OPEN, _CLOSE = r"[(（【]", r"[)）】]"
_TONED_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff]){_OPEN}(?=[{_PINYIN}]*[{_TONED}])[{_PINYIN}]{{1,7}}{_CLOSE}")
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ue|ve|vn|a|o|e|i|u|v)")
_PLAIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?:{_SYLLABLE})[)）]")
_MIN_PLAIN_GLOSSES = 5

# --- 3. doubled clause marks ---------------------------------------------------------------

# commas after a stronger mark (。, ；, ：,) or before one (,; ,。), and every comma of a run after the first; a comma
# beside an enumeration comma (天津、上海,、江苏 — a mirror page's doubled marks) gives way to it too
_EXTRA_COMMA = re.compile(r"(?<=[。；;：:！？!?，,、])[，,]+|[，,]+(?=[；;。！？!?、])")

# --- 3b. typographic spaces --------------------------------------------------------------

# one space a web copy puts between a number and its unit (2027 年, 8 月, 16 %, 500 万千瓦; not a Latin unit: 500 t)
# between a word and a number (到 2027; not a time of day: 29日 09:48) or beside a full-width clause mark
# (年 ， 全市): never two (a table's cells), never a tab
_SPACE = re.compile(rf"(?<=\d)[ \xa0](?![A-Za-z])(?=(?:{UNIT}|年|月|日))"
                    r"|(?<=[\u4e00-\u9fff])[ \xa0](?=\d)(?!\d{1,2}[:：]\d{2})"
                    r"|(?<![ \xa0])[ \xa0](?=[，；：。、])|(?<=[，；：。、])[ \xa0](?![ \xa0])"
                    # the spaces round a decimal point inside a number in running text (增长6 . 5%左右, 约0 . 01件):
                    # a word, one or two digits, the point, digits, then % or a word (not a heading's page number . 14)
                    r"|(?:(?<=[\u4e00-\u9fff]\d)|(?<=[\u4e00-\u9fff]\d\d))[ \xa0](?=\.[ \xa0]?\d+(?:%|％|[\u4e00-\u9fff]))"
                    r"|(?:(?<=[\u4e00-\u9fff]\d\.)|(?<=[\u4e00-\u9fff]\d\d\.)|(?<=[\u4e00-\u9fff]\d \.)|(?<=[\u4e00-\u9fff]\d\d \.))"
                    r"[ \xa0](?=\d+(?:%|％|[\u4e00-\u9fff]))")

# --- 3c. hard wraps ------------------------------------------------------------------------

_LINE_END = set("。！？!?；;：:）)】》”\"」』")
_OPENS_BLOCK = re.compile(r"\s*(?:[|\t]|第[一二三四五六七八九十]+[章节篇部]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,2}[）)]"
                          r"|\d{1,2}\s*[.．、](?!\d)|专栏|——|--|[①-⑳●■◆◇▶►•▪★☆✔✓√])")
_MIN_WIDTH, _MAX_WIDTH, _FULL, _QUANTILE = 20, 120, 0.75, 0.75
_CLAUSE_MARK = re.compile(r"[，,；;]")
# a numbered heading inside a line (…政策计划一、计划背景随着…): running text of a page copied as one line, no title
_INNER_ITEM = re.compile(r"[^\s\d一二三四五六七八九十][一二三四五六七八九十]{1,2}、")
_HALF_STOP = re.compile(r"(?<=[\u4e00-\u9fff）)”\"'])\.$")  # a half-width full stop after a word (…得到控制.): a sentence ends
_BROKEN_OFF = set("到至在于从自和与及、的是为比达超低高")  # a line ending so (or so and digits) broke off its phrase


def _title_tail(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Line ``k`` ends a title block: a blank line (or the end) follows it, or follows the next line when line ``k``
    breaks off inside an amount (…将达到500|个: a title wrapped over three lines)."""
    if k + 1 >= len(lines) or not text[lines[k + 1][0] : lines[k + 1][1]].strip():
        return True
    line = text[lines[k][0] : lines[k][1]].rstrip()
    return bool(line) and line[-1].isdigit() and _title_tail(text, lines, k + 1) and len(text[lines[k + 1][0] : lines[k + 1][1]].strip()) <= 4


# an amount named as the base of a comparison (比2005年的1.276吨标准煤) ending a line, and the change the next line states
_BASE_AMOUNT_ENDS = re.compile(r"(?:比|较|相比)[^，,。；;：:]{0,14}?的\s*[\d.]+[^\d，,。；;：:]{0,8}$")
_CHANGE_GOES_ON = re.compile(r"\s*(?:下降|降低|提高|增长|增加|减少|上升|提升|降)")
# a line whose next line opens on the verb of its level (…湖北城镇化率|提高到61%): the phrase broke off (a title too)
_VERB_GOES_ON = re.compile(rf"\s*(?:{_LEVEL_VERB.pattern})")
# a full line of prose (it holds a clause mark) broken right after a count and its measure word, the counted noun on
# the next line (…地下水2个|环境质量区域点位…, 国家要求19个|省(市、区)…): the count qualifies what follows, its item goes on
_COUNT_GOES_ON = re.compile(r"\d\s*(?:个|家|座|条|处|项|所|台|辆|批|类|种|片|块)$")
# …或其中仅有约200万吨|得到处置: the amount is the subject of a predicate the next line opens with
_PREDICATE_GOES_ON = re.compile(r"\s*(?:得到|得以|获得|用于|进行|没有|尚未|未能|已经|被|仍然|仍)")
_SPACED_ROW = re.compile(r"\s(?:约束性|预期性|(?:指标)?属性)(?:\s|$)")


def _soft_breaks(text: str, pos: list[int] | None = None) -> list[tuple[int, int]]:
    """The line breaks of a text hard-wrapped at a fixed width (a web copy or a converted page
    that breaks every 30–40 characters): the break after a *full* line — one at least 3/4 as
    long as the text's wrap width (the 90th percentile of its line lengths, 20–120 characters)
    that does not end a sentence, a bracket or a whole amount (…下降16%) — when the next line goes
    on (no heading, list item, bullet or table row); the first line only when it holds a clause
    mark, opens a numbered item or holds one inside it (…计划一、计划背景…), broke off a phrase (…不高于|50, …比2020|年) or its next line ends a block
    before a blank line (a title wrapped over two lines): a title over its body stays on its own line. A text is taken as wrapped only when at least two full lines, and
    half of them, end that way, and twice as many as the shorter lines that go on unpunctuated (a
    list of items one per line — 国内生产总值增长5% / 城镇新增就业1200万人以上 — has many of those: it
    is no wrapped text); a text with one paragraph per line is left as it is. Lengths are counted
    in the text as given (``pos``: the junk and glosses dropped before were on the page's lines)."""

    def length(a: int, b: int) -> int:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return 0 if a == b else (b - a if pos is None else pos[b - 1] + 1 - pos[a])

    lines: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer("\n", text):
        lines.append((start, m.start()))
        start = m.end()
    lines.append((start, len(text)))
    lengths = sorted(n for n in (length(a, b) for a, b in lines) if n)
    if len(lines) == 2 and len(lengths) == 2:
        return _two_line_break(text, lines, length(*lines[0]))
    if len(lengths) < 3:
        return []
    width = lengths[int(_QUANTILE * (len(lengths) - 1))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return []
    full = short = 0
    breaks = []
    for k, (a, b) in enumerate(lines[:-1]):
        line = text[a:b].strip()
        nxt = text[lines[k + 1][0] : lines[k + 1][1]]
        if not line or "|" in line or "\t" in text[a:b] or "|" in nxt or _SPACED_ROW.search(line):
            continue  # (a table row, or the caption over one, is no wrapped line; so is a row copied as text, its cells
            # apart by spaces, one of them the attribute — …(%) 80.1 81.2 约束性 — or the header's 属性)
        is_full = length(a, b) >= _FULL * width
        full += is_full
        if line[-1] in _LINE_END or _HALF_STOP.search(line) or not nxt.strip() or _OPENS_BLOCK.match(nxt) \
                or (_amount_ends_line(line[-24:], nxt.strip()[:8])
                    and not (_BASE_AMOUNT_ENDS.search(line) and _CHANGE_GOES_ON.match(nxt))
                    and not (is_full and _CLAUSE_MARK.search(line)
                             and (_COUNT_GOES_ON.search(line) or _PREDICATE_GOES_ON.match(nxt)))):
            continue  # (a line ending in a whole amount — …下降16% — ends its item there; not the base of a change that
            # the next line states: 比2005年的1.276吨标准煤|下降32%)
        if is_full and (text[:a].strip() or _CLAUSE_MARK.search(line) or _OPENS_BLOCK.match(line) or _INNER_ITEM.search(line)
                        or _title_tail(text, lines, k + 1)
                        or line.rstrip("0123456789")[-1:] in _BROKEN_OFF or _VERB_GOES_ON.match(nxt)
                        or (line[-1].isdigit() and not nxt.strip()[0].isdigit())):
            breaks.append((b, b + 1))  # (a first line that is a title — no clause mark, not broken off — stays)
        else:
            short += 1
    return breaks if len(breaks) >= max(2, full / 2, 2 * short) else []


def _two_line_break(text: str, lines: list[tuple[int, int]], first: int) -> list[tuple[int, int]]:
    """The break of a quote of two lines when it is one sentence wrapped (全面完成2023年度重点工作，基本实现…各项目|标阶段性
    任务。): too few lines for a wrap width, it is read from the first line alone — a full line (at least
    :data:`_MIN_WIDTH` characters) that holds a clause mark, so no title, and breaks off mid-clause (no sentence end,
    ellipsis, bracket or whole amount), over a line that goes on (no heading, list item or table row) to its sentence's end."""
    (a, b), (c, d) = lines
    line, nxt = text[a:b].strip(), text[c:d].strip()
    if first < _MIN_WIDTH or not _CLAUSE_MARK.search(line) or "|" in line or "\t" in text[a:b] \
            or line[-1] in _LINE_END or line[-1] in "…⋯" or _HALF_STOP.search(line) or _OPENS_BLOCK.match(text[c:d]) \
            or _amount_ends_line(line[-24:], nxt[:8]) or nxt[-1:] not in "。！？!?；;":
        return []
    return [(b, b + 1)]


# --- 4. full-width forms -------------------------------------------------------------------

_HALF = str.maketrans(
    {**{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "％": "%", "／": "/", "－": "-",
     # the corner quotes of a 繁体 page (「十四五」期間，…) read as the quotes the rules know (“十四五”期间，…)
     "「": "“", "」": "”", "『": "‘", "』": "’"}
)
# (and the small full stop ﹒ a page writes for it: １﹒５％)
_WIDE_POINT = re.compile(r"(?<=[0-9０-９])[．﹒](?=[0-9０-９])")
# the same point between Chinese digits is 点 (光電三十一．二GW, 地熱一．二GW, 綠能比重約十一．七％ → 三十一点二GW)
_CN_WIDE_POINT = re.compile(r"(?<=[零〇一二两三四五六七八九十])[．﹒](?=[零〇一二三四五六七八九])")
# the year a page names as 今(2022)年 / 明（2023）年: the year as written, its 今/明 and brackets dropped (→ 2022年)
_NAMED_YEAR = re.compile(r"(?P<a>[今明去]\s*[（(]\s*)(?:19|20)\d{2}(?P<b>\s*[)）])(?=\s*年)")
# a text of Taiwan counts its years from 1912 (民國: 109年 = 2020); it names its government or one of its counties
# (行政院, 環保署, 民國, 臺東縣, 高雄市 …), or two of the words a mainland page also writes (臺灣/台灣, 經濟部, 環境部)
# — read after the text is simplified (金门县 and 连江县 are names on both sides: not marks)
_TAIWAN_MARK = re.compile(r"行政院|立法院|环保署|民国\d|(?:台北|新北|桃园|台中|台南|高雄|基隆|新竹"
                          r"|苗栗|彰化|南投|云林|嘉义|屏东|宜兰|花莲|台东|澎湖)(?:市|县)"
                          # (and the short names of their governments: 北市府, 新北市府, 桃市府, 中市府, 高市府, 竹县府 …)
                          r"|(?<![\u4e00-\u9fff])(?:新北|北|桃|中|南|高|竹|嘉)市府|(?:竹|苗|彰|投|云|嘉|屏|宜|花|东|澎)县府")
_TAIWAN_WORD = re.compile(r"台湾|经济部|(?<!生态)环境部")
# a year of 民國 100–129 (2011–2040), alone or at either end of a range (109~112年): not a count of years (100年来)
_ROC_YEAR = re.compile(r"(?<![\d.A-Za-z])(?:民国)?(1[012]\d)(?=\s*(?:年(?![来间代])|[~～\-—－至到]\s*1[012]\d\s*年(?![来间代])))")
# a mirror page writing the decimal point as 。 (达到97。3%, 下降13。5个百分点, 1。2万千瓦): a number of at most three
# digits (no year), 。, and the fraction followed at once by % or a measure's unit — never a sentence end, where the
# next sentence would open on its number's unit (…为12。3月…, …97。3个县… are left alone)
_STOP_POINT = re.compile(r"(?<![\d.])(\d{1,3})。(\d{1,3}\s*(?:[%％‰]|个百分点|[万亿](?:千瓦|元|吨|平方|立方|亩|公顷|人|户|辆|千瓦时)"
                         r"|千瓦|公顷|微克|毫克|吨|平方(?:米|公里|千米)|立方米|公里|千米|亩|倍))")

# a page that lost its % to the word 占比 (水质达标率高于95占比, 处理设施比例达75占比以上, 完成90占比的村庄整治): a share
# of at most three digits (no letter before it: PM2.5占比 is the noun) written 占比 where its clause goes on with a bound
# word, 的, 目标 or ends — the noun 占比 names a share before its figure (占比达到50%), never right after one
_LOST_PERCENT = re.compile(r"(?<![\dA-Za-z.])\d{1,3}(?:\.\d+)?(?P<word>占比)(?=以上|以下|左右|以内|的|目标|[，,。；;、）)\s]|$)")

# a plan period in single quotes, as a quotation inside a quotation writes it (…落实“‘十五五’时期力争建成…”, 方案明确，‘十四五’
# 期间将…): its marks dropped, so that the period reads as one written bare or in the double quotes the rules know
_PERIOD_SINGLE_QUOTES = re.compile(r"‘(?=十[一二三四五六七八九]五’)|(?<=十[一二三四五六七八九]五)’")
# a year written without its 年 in a headline's way (2030减量–26%～30%, 2040减碳60%): a year of the century right before
# a verb of a cut and its amount (no figure before it: 比1.2030减少 is none)
_YEAR_BEFORE_CUT = re.compile(r"(?<![\d.A-Za-z/\-])20[2-6]\d(?=(?:减量|减碳|减少|下降|降低)\s*[–\-−]?\s*[\d一二两三四五六七八九])")
# and a deadline written without its 年 (到2020拟创建…, 力争至2027，…, 确保到2026底…, 到2028前…): 到/至 opening a clause or
# after a goal's hedge, a year of the century, then a clause mark, a word of time (底 末 前) or the clause's words — not a
# figure reached (达到2030万千瓦, 提高到2025亿元: a verb before 到, or a unit, 多, 余 after the number)
# (written 到/至 first, what opens before it checked behind: one scan for the two characters)
_DEADLINE_WITHOUT_NIAN = re.compile(r"[到至](?:(?<=^[到至])|(?<=[，,；;：:。！!\s“\"（(][到至])|(?<=[拟将要][到至])"
                                    r"|(?<=(?:力争|确保|争取|计划|预计|要求|目标|提出|明确)[到至]))"
                                    rf"\s*(20[0-6]\d)(?=[，,]|[底末前]|(?!{UNIT})(?![万亿千百十多余个年])[\u4e00-\u9fff])")
# a year written without its 年 before the intent of its clause, a headline's way (某省2024将改造…, 全市2025力争…, 某区2023计划
# 新建…): a year of the century run into its subject and an intent word (将, 要, 力争, 计划, 拟, 预计) — not a figure (2024将 has no
# unit; 新增2000将… is no Chinese a plan writes); or opening its clause (or after 将/把/在) before its subject, the intent or
# the goal named a few words on (…，2050绿运输比率将达80%; 某省将2020近岸海域水质优良率目标定为91%) — not a figure with its
# unit or a 万/亿 after it (，2000辆公交车将…)
# (the year first, what stands before it checked behind)
_YEAR_BEFORE_INTENT = re.compile(r"20[0-6]\d(?:(?<=[\u4e00-\u9fff]\d{4})(?=将(?!近)|要|力争|计划|拟|预计)"
                                 rf"|(?:(?<=^\d{{4}})|(?<=[，,。；;：:\s“将把在]\d{{4}}))(?![\d.])(?!{UNIT})(?![万亿千百十多余年])"
                                 r"(?=[\u4e00-\u9fff][^，,。；;\d]{0,16}?(?:将(?!近)|要|力争|计划|拟|预计|目标)))")


@dataclass(frozen=True)
class Normal:
    """The normal text and, for each of its characters, the offset in the text as given
    (``pos[len(text)]`` is the length of the original); ``pos is None``: nothing was dropped."""

    text: str
    pos: list[int] | None

    def offset(self, i: int) -> int:
        """Original offset of normal offset ``i``."""
        return i if self.pos is None else self.pos[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normal [start, end)."""
        if self.pos is None:
            return (start, end)
        if end <= start:
            return (self.pos[start], self.pos[start])
        return (self.pos[start], self.pos[end - 1] + 1)


def _splice(text: str, pos: list[int] | None,
            edits: list[tuple[int, int, str, list[int]]]) -> tuple[str, list[int] | None]:
    """``text`` with each range [a, b) of ``edits`` (sorted, disjoint) replaced by its new text, whose characters map to
    the given offsets of ``text`` (a range dropped: no new text); ``pos`` composed."""
    if not edits:
        return text, pos
    base = pos if pos is not None else range(len(text) + 1)
    parts: list[str] = []
    new_pos: list[int] = []
    keep = 0
    for a, b, new, where in edits:
        parts.append(text[keep:a] + new)
        new_pos.extend(base[keep:a])
        new_pos.extend(base[k] for k in where)
        keep = b
    parts.append(text[keep:])
    new_pos.extend(base[keep:])
    return "".join(parts), new_pos


def _drop(text: str, pos: list[int] | None, cuts: list[tuple[int, int]]) -> tuple[str, list[int] | None]:
    """``text`` without the ranges ``cuts`` (sorted, disjoint); ``pos`` composed."""
    return _splice(text, pos, [(a, b, "", []) for a, b in cuts])


def normalise(text: str) -> Normal:
    """The text as the rules read it (see the module doc); offsets kept."""
    pos: list[int] | None = None
    cuts = _junk_spans(text)
    if "(" in text or "（" in text or "【" in text:
        glosses = [m.span() for m in _TONED_GLOSS.finditer(text)]
        plain = [m.span() for m in _PLAIN_GLOSS.finditer(text)]
        if len(plain) + len(glosses) >= _MIN_PLAIN_GLOSSES:  # (a glossing page: 們(men) has no tone mark)
            glosses = sorted(set(glosses) | set(plain))
        if glosses:
            cuts = _merged(cuts + glosses)
    text, pos = _drop(text, pos, cuts)
    if "．" in text or "﹒" in text:
        text = _CN_WIDE_POINT.sub("点", _WIDE_POINT.sub(".", text))
    if "。" in text:
        text = _STOP_POINT.sub(r"\1.\2", text)  # (one for one)
    text = arabic_years(simplified(text.translate(_HALF)))  # (one for one: the steps below read 个, 万吨, ASCII digits, 2025年)
    if "占比" in text:
        text, pos = _lost_percent(text, pos)
    text, pos = _years_without_nian(text, pos)
    text, pos = _drop(text, pos, [m.span() for m in _EXTRA_COMMA.finditer(text)])
    if "‘" in text:
        text, pos = _drop(text, pos, [m.span() for m in _PERIOD_SINGLE_QUOTES.finditer(text)])
    if "年" in text and ("(" in text or "（" in text):
        text, pos = _drop(text, pos, [s for m in _NAMED_YEAR.finditer(text) for s in (m.span("a"), m.span("b"))])
    if "年" in text and (_TAIWAN_MARK.search(text) or len({m.group(0) for m in _TAIWAN_WORD.finditer(text)}) >= 2):
        text, pos = _roc_years(text, pos)
    if " " in text or "\xa0" in text:
        text, pos = _drop(text, pos, [m.span() for m in _SPACE.finditer(text)])
    if "\n" in text:
        text, pos = _drop(text, pos, _soft_breaks(text, pos))
    return Normal(text, pos)


def _years_without_nian(text: str, pos: list[int] | None) -> tuple[str, list[int] | None]:
    """A year written without its 年 read with it: right before a cut and its amount (2030减量–26%～30%, 2040减碳60% →
    2030年减量–26%～30%), as a deadline (到2020拟创建…, 至2027，… → 到2020年拟创建…, 至2027年，…) and before the intent of a
    headline's clause (某省2024将改造… → 某省2024年将改造…); the added 年 maps to the year's last digit."""
    ends = sorted(({m.end() for m in _YEAR_BEFORE_CUT.finditer(text)} if "减" in text or "降" in text else set())
                  | {m.end(1) for m in _DEADLINE_WITHOUT_NIAN.finditer(text)}
                  | {m.end() for m in _YEAR_BEFORE_INTENT.finditer(text)})
    return _splice(text, pos, [(e, e, "年", [e - 1]) for e in ends])


def _lost_percent(text: str, pos: list[int] | None) -> tuple[str, list[int] | None]:
    """A share whose % a page wrote as 占比 read with its %: 达标率高于95占比 → 达标率高于95%, 达75占比以上 → 达75%以上
    (占 is dropped, 比 becomes %: the share's span still ends where 占比 ends); 占比达到50% is left as it is."""
    found = list(_LOST_PERCENT.finditer(text))
    if not found:
        return text, pos
    chars = list(text)
    for m in found:
        chars[m.start("word") + 1] = "%"
    return _drop("".join(chars), pos, [(m.start("word"), m.start("word") + 1) for m in found])


def _roc_years(text: str, pos: list[int] | None) -> tuple[str, list[int] | None]:
    """A Taiwan text's years of 民國 read as the common era (2020 = 民國109): 降到109年的15μg/m3 → 降到2020年的15μg/m3,
    109~112年 → 2020~2023年; the added digit maps to the year's first digit (the spans stay inside the text as given)."""
    edits: list[tuple[int, int, str, list[int]]] = []
    for m in _ROC_YEAR.finditer(text):
        a, b = m.span()
        year = str(int(m.group(1)) + 1911)
        # 109 → 2020: the added digit maps where the year starts; 民国109 → 2020: the year maps to the digits' places
        where = [a] * (len(year) - (b - a)) + list(range(a, b)) if len(year) >= b - a else list(range(b - len(year), b))
        edits.append((a, b, year, where))
    return _splice(text, pos, edits)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
