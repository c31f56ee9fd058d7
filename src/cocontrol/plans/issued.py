"""When a plan was issued (印发日期) and under which number (文号), read from the document.

The issue year decides whether a bare year reports or sets (:mod:`cocontrol.plans.tense`):
“2023年全市完成造林9万亩” is an achievement in a plan issued in 2024 and a target in one issued
in 2022. It is taken from the document, in this order:

1. a labelled date — 发布日期/印发日期/成文日期/发文日期/公布日期：2023年6月28日 (or 2023-06-28,
   2023/6/28, 2023.6.28), as web copies of documents carry it;
2. the signature date of the notice (成文日期): a date standing alone on its line in the
   first 4,000 characters (“2024年 9月 21日” under 威海市人民政府; older documents write
   二〇一九年三月五日);
3. the date line of a report or speech (——2024年1月15日在某市第十七届人民代表大会第四次会议上), then
   the print line of the end matter, “2024年5月7日印发” on its own line;
4. the year of the document's own number (文号): 济政字〔2023〕36号 on its own line or after
   文号：, with 〔〕, [], ［］, （）or 【】 brackets — never a number cited in the text
   (根据《…》（国发〔2021〕23号）);
5. the first year of the plan's horizon (美丽威海建设规划纲要（2024—2035年）, a 十四五 plan → 2021);
6. an undated text whose latest goal year (到/至YYYY年, YYYY年底前) lies before
   :data:`~cocontrol.plans.tense.ASSUMED_ISSUE_YEAR` and that names no later year (a news item on
   a 十三五 plan: 到2020年底…；“十三五”期间，规划新增…) was written before its goals were due: its
   EARLIEST goal year is the issue year's bound ("目标年"; not a date, so no target is dropped for
   lying before it). Round ld measured earliest against latest on every opened set: one hit more,
   nothing lost (a 2018 milestone under a 2020 goal is not read as a report). A plan period named as the
   time of a goal (努力实现“十二五”…的目标, “十二五”期间…下降18%的目标任务, 到“十二五”末) is such a goal year too (its
   last year, :func:`period_goal_years`), unless a sentence of the text reviews that period (完成了, 超额完成, 以来,
   回顾, 取得, 已 …); a later period named anywhere, like a later year, leaves no bound (round sg).

A date inside a sentence (到2025年12月31日前) is not an issue date. When the document gives
none of these — a sentence read alone — the caller falls back to
:data:`cocontrol.plans.tense.ASSUMED_ISSUE_YEAR`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cocontrol.plans.numerals import cn_to_number
from cocontrol.plans.tense import ASSUMED_ISSUE_YEAR, PERIOD_NAME, period_end
from cocontrol.plans.textnorm import CN_DIGIT

_YMD = r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d))"
_LABELLED = re.compile(rf"(?:发布|印发|成文|发文|公布)(?:日期|时间)\s*[:：]\s*{_YMD}")
_DATE_LINE = re.compile(rf"^[#>*\s]*{_YMD}[\s*]*$", re.MULTILINE)
# a report's or speech's date line: ——2024年1月15日在某市第十七届人民代表大会第四次会议上
_SPEECH_LINE = re.compile(rf"^[#>*\s—\-－]*{_YMD}\s*在[^\n]{{2,60}}?(?:会议|大会|会)上[\s*]*$", re.MULTILINE)
_PRINT_LINE = re.compile(rf"^[#>*\s]*(?:[\u4e00-\u9fff]{{2,20}}\s+)?{_YMD}\s*印发[\s*]*$", re.MULTILINE)
DOC_NUMBER = r"[\u4e00-\u9fff]{1,8}\s*[〔\[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*\d{1,4}\s*号"
_DOC_LINE = re.compile(rf"^[#>*\s]*(?:文号\s*[:：]\s*)?({DOC_NUMBER})[\s*]*$", re.MULTILINE)
_DOC_LABELLED = re.compile(rf"文号\s*[:：]\s*({DOC_NUMBER})")
HEAD = 4000
# a web page's time stamp in its head (来源:新华社 2025-03-12 17:54:03, == 2026/2/28 8:57:12 ==): when the page
# was published — the year 今年 of a news report means
_STAMP = re.compile(r"((?:19|20)\d{2})()()[-/](\d{1,2})[-/](\d{1,2})\s+\d{1,2}:\d{2}")  # groups as _YMD
_STAMP_HEAD = 600
# 19.01.2018  06:23 (day.month.year and a time, alone in a page's head): a mirror's time stamp
_STAMP_DMY = re.compile(r"(?:^|\s)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})\s+\d{1,2}:\d{2}", re.MULTILINE)
# 日期: 2015年07月29日 09:48 / 发布时间：2023年2月1日 10:05: a page's date written in Chinese with its time
# (2025年11月13日09:34 | 来源:…: a news page glues the time to the day; the date as 2023-02-01 keeps its space,
# its day ending at a non-digit)
_STAMP_CN = re.compile(rf"(?:(?:^|[\s|])(?:日期|时间)\s*[:：]\s*)?{_YMD}\s*\d{{1,2}}:\d{{2}}", re.MULTILINE)
# 日期:2017-08-29  来源:发改委: a page's date labelled in its head without a time (a bare 日期 label, not 有效日期)
_PAGE_DATE = re.compile(rf"(?:^|[\s|])日期\s*[:：]\s*{_YMD}", re.MULTILINE)
# 【某资讯 2026年1月20日讯】, 本报2025年3月5日电: a news item's dateline in its head is the day it was filed (round tc)
_DATELINE = re.compile(rf"{_YMD}\s*(?:讯|电)")
# (the year may already be in Arabic digits: the normal text reads 二〇二三年 as 2023年, :func:`textnorm.arabic_years`)
_CN_YMD = re.compile(r"([〇零○一二三四五六七八九]{4}|(?:19|20)\d{2})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")


def _arabic_dates(text: str) -> str:
    """二〇二三年六月二十八日 (older signatures) → 2023年6月28日; other text unchanged."""
    def one(m: re.Match[str]) -> str:
        year = m.group(1).translate(CN_DIGIT)
        return f"{year}年{int(cn_to_number(m.group(2)))}月{int(cn_to_number(m.group(3)))}日"
    return _CN_YMD.sub(one, text)


@dataclass(frozen=True)
class Issued:
    """What the document says about its issue: date, own 文号, the issue year and where the
    year was read (发布日期, 成文日期, 印发日期, 文号, 规划期; "" when the document gives none)."""

    date: dt.date | None
    doc_number: str | None
    year: int | None
    source: str


def _date(m: re.Match[str]) -> dt.date | None:
    if "y" in m.re.groupindex:  # _STAMP_DMY
        year, month, day = m.group("y"), m.group("m"), m.group("d")
    else:
        year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:  # 2023年2月30日: not a date
        return None


def _first_date(pattern: re.Pattern[str], text: str) -> dt.date | None:
    for m in pattern.finditer(text):
        d = _date(m)
        if d is not None:
            return d
    return None


def doc_number(text: str) -> str | None:
    """The document's own 文号 (whitespace removed): standing alone on a line of the head, or
    after 文号：; a number cited inside a sentence is not the document's."""
    head = text[:HEAD]
    m = _DOC_LINE.search(head) or _DOC_LABELLED.search(head)
    return re.sub(r"\s+", "", m.group(1)) if m else None


def issued(text: str, horizon: tuple[int, int] | None = None) -> Issued:
    """Issue date, own 文号 and issue year of a document (see the module doc for the order)."""
    number = doc_number(text)
    text = _arabic_dates(text)
    for source, pattern, where in (("发布日期", _LABELLED, text), ("成文日期", _DATE_LINE, text[:HEAD]),
                                   ("发布时间", _STAMP, text[:_STAMP_HEAD]), ("发布时间", _STAMP_CN, text[:_STAMP_HEAD]),
                                   ("发布时间", _STAMP_DMY, text[:_STAMP_HEAD]),
                                   ("发布时间", _PAGE_DATE, text[:_STAMP_HEAD]), ("发布时间", _DATELINE, text[:_STAMP_HEAD]),
                                   ("报告日期", _SPEECH_LINE, text[:HEAD]), ("印发日期", _PRINT_LINE, text)):
        date = _first_date(pattern, where)
        if date is not None:
            if source == "成文日期" and (first := _DATE_LINE.match(text)) is not None and _date(first) == date:
                source = "发布时间"  # a date on the page's very first line, before any title, is when it was posted
            return Issued(date, number, date.year, source)
    if number is not None:
        year = re.search(r"(?:19|20)\d{2}", number)
        return Issued(None, number, int(year.group(0)) if year else None, "文号")
    if horizon is not None:
        return Issued(None, None, horizon[0], "规划期")
    named = _NAMED_PLAN.search(text[:HEAD]) or _NAMED_ANNUAL_PLAN.search(text[:HEAD])
    if named is not None and _PLAN_CARRIED_OUT.search(named.group(0)) is not None:
        named = None  # 《关于2025年…计划执行情况与2026年…计划草案的报告》: a year's plan told as carried out dates no issue
    if named is not None:
        # a news item on a plan just issued (…从省政府办公厅印发的《河南省2014~2015年…行动方案》中获得):
        # the plan's first year is the year of the news
        return Issued(None, None, int(next(g for g in named.groups() if g)), "所述规划期")
    bound = goal_year_bound(text)
    if bound is not None:
        return Issued(None, None, bound, "目标年")
    return Issued(None, None, None, "")


# a year a goal is set for: 到/至2020年(底) (not 截至, not 提高到2015年的61), 2017年底前
_GOAL_YEAR = re.compile(r"(?:(?<!截)(?<!截止)(?<![达高升长加降少减提扩延])(?:到|至)\s*((?:19|20)\d{2})\s*年(?!\s*的)|((?:19|20)\d{2})\s*年(?:年?底|年?末)?(?:以|之)?前(?![后一二三四五六七八九十两\d]))")
_ANY_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])")


def goal_year_bound(text: str) -> int | None:
    """Earliest goal year of an undated text when its latest lies before the assumed issue year and no
    later year is named anywhere (titles in 《》 excluded from the goals): the text was written by
    then. None otherwise: goals still ahead, a retrospective naming a later year, or one looking
    back over the years just past (党的十八大以来…, 近5年来…: written at a time it does not name,
    its 到2020年 may be a level reached)."""

    if re.search(r"以来|年来", text):
        return None

    plain = re.sub(r"《[^》]{0,80}》", lambda m: "\u3000" * len(m.group(0)), text)
    found = list(_GOAL_YEAR.finditer(plain))
    if any(re.match(r"[^。；;！？\n]*?已(?!有)", plain[m.end():]) for m in found):
        return None  # 到2020年底，全省已建成…: a deadline said to be met was passed when the text was written
    goals = [int(m.group(1) or m.group(2)) for m in found] + period_goal_years(plain)
    if not goals or max(goals) >= ASSUMED_ISSUE_YEAR:
        return None
    latest = max(goals)
    if any(int(y) > latest for y in _ANY_YEAR.findall(text)) or any(y > latest for y in _named_period_ends(plain)):
        return None
    return min(goals)


# the period spoken of as ahead: a deadline (到/至“十二五”末), or a goal word in the same sentence (…的目标, 目标任务, 将,
# 力争, 确保, 要, 努力)
_PERIOD_DEADLINE = re.compile(r"(?:到|至)\s*[“\"]?十[一二三四五六七八九]五[”\"]?\s*(?:末|期末|时期末|结束)")
_AHEAD_WORD = re.compile(r"目标|力争|确保|努力|(?<!即)将(?![近其之])|(?<![主重需只纲])要(?![求素点])|计划|预期")
# a period named as a base or an owner, not as the time of a goal: 比“十一五”末降低16%, 由“十一五”期间的两项增为4项,
# “十一五”的二氧化硫
_PERIOD_BASE = re.compile(r"(?:比|较|由|与|从|同|相对于?)\s*[“\"]?$")
_PERIOD_OF = re.compile(r"[”\"]?(?:期间|时期|期末|末)?的")
# …as a review: what the period achieved (完成了, 超额完成, 以来, 回顾, 取得, 已 …)
_REVIEW_WORD = re.compile(r"完成了|超额完成|以来|回顾|取得|成效|成绩|已(?!有)|实现了|了[，,。；;]|期间[^。；;]{0,30}?(?:下降|提高|增长|减少)了")
_CLAUSE = re.compile(r"[^。！？!?\n]+")


def _named_period_ends(text: str) -> list[int]:
    return [period_end(m.group(1)) for m in PERIOD_NAME.finditer(text)]


def period_goal_years(text: str) -> list[int]:
    """Last years of the plan periods a text names as the time of its goals (努力实现“十二五”…节能2.5亿吨标准煤的目标;
    “十二五”期间…下降18%的目标任务; 到“十二五”末…): a period in a sentence that looks ahead (a deadline 到…末, or 目标,
    力争, 确保, 将, 要 …) and that no sentence of the text reviews (完成了, 超额完成, 以来, 回顾, 取得, 已 …)."""
    ahead: list[int] = []
    reviewed: set[int] = set()
    for clause in _CLAUSE.finditer(text):
        sentence = clause.group(0)
        named = [period_end(m.group(1)) for m in PERIOD_NAME.finditer(sentence)
                 if not _PERIOD_BASE.search(sentence, 0, m.start()) and not _PERIOD_OF.match(sentence, m.end())]
        if not named:
            continue
        if _REVIEW_WORD.search(sentence):
            reviewed |= set(named)
        elif _PERIOD_DEADLINE.search(sentence) or _AHEAD_WORD.search(sentence):
            ahead += named
    # (a text speaks of one period either as ahead or as done: “十三五”…目标全面超额完成 | …超过“十三五”目标2.5个百分点
    # reviews it in every sentence)
    return [y for y in ahead if y not in reviewed]


_NAMED_PLAN = re.compile(r"(?:印发|出台|发布|制定|下发)(?:实施)?(?:的|了)?《[^》]{0,30}?((?:19|20)\d{2})\s*(?:年)?\s*[~～—\-－至到]\s*"
                         r"(?:19|20)\d{2}\s*年[^》]{0,30}?(?:方案|规划|计划|意见)[^》]{0,6}》")
# a year's plan told as carried out in a title (2025年…计划执行情况, 2025年工作总结和…): the year reviewed (round vc)
_PLAN_CARRIED_OUT = re.compile(r"(?:19|20)\d{2}\s*年度?[^》]{0,24}?(?:(?:执行|完成|落实|实施)情况|总结|回顾)")
# news of an annual plan just released (日前，…发布《邯郸市2019年农村地区…实施方案》，明确2019年10月底前…): the plan's year
_NAMED_ANNUAL_PLAN = re.compile(r"(?:印发|出台|发布|制定|下发)(?:实施)?(?:的|了)?《[^》]{0,30}?((?:19|20)\d{2})\s*年度?(?![\s~～—\-－至到]*(?:19|20)\d{2})"
                                r"[^》]{0,30}?(?:方案|计划|要点|意见)[^》]{0,6}》"
                                # (日前，《江苏省…2021年…工作计划》印发: the title before its verb)
                                r"|(?:近日|日前|近期)[，,]?\s*《[^》]{0,30}?((?:19|20)\d{2})\s*年度?(?![\s~～—\-－至到]*(?:19|20)\d{2})"
                                r"[^》]{0,30}?(?:方案|计划|要点|意见)[^》]{0,6}》\s*(?:正式)?(?:印发|出台|发布|下发)")
