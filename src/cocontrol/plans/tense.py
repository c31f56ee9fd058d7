"""Report or target? (成效回顾 vs 目标) — the year of a clause against the year of issue.

A plan states targets for years after it was issued and reports achievements of years
before it. Without a 到/至/前/力争/确保 marker the sentence alone cannot tell
“与2015年相比，2020年…减少12.3%” (a report) from “与2020年相比，2025年…降低16%” (a target):
only the year of issue can. These rules compare a *bare* year (one written without 到/至/在
before it and without 前/底前 after it) with the issue year:

* a bare year ≥ the issue year at the start of a clause that states a change or level
  (降低 16%, 达到 95%) is a future-looking year: the clause is a target;
* a bare year < the issue year, or a year range (2015年至2020年, 2019—2023年) ending ≤ the
  issue year, with no 到/力争/确保/每年 marker in the sentence, dates an achievement
  (2021年全省完成营造林面积1065万亩, 2015年至2020年累计压减…) unless the verb prescribes a
  bound (控制在, 不超过, 不低于 …: an annual work plan's own year).

The issue year is read from the document by :func:`cocontrol.plans.issued.issued` (发布日期,
the notice's signature date, the 印发 line, its own 文号 year, else the first year of its
horizon); only when the document gives none — a sentence read alone — is it
:data:`ASSUMED_ISSUE_YEAR`.
"""

from __future__ import annotations

import re
from functools import lru_cache

ASSUMED_ISSUE_YEAR = 2024
"""Issue year taken for text with no plan context: the latest issue year of the plans this
extractor was built on (seeds issued 2023–2024); pass ``issue_year`` to override."""

_Y = r"(?:19[5-9]\d|20\d{2})"
_BARE = re.compile(
    rf"(?<![到至在\d])(?<!截至|截止)({_Y})\s*(?:年\s*)?(?:[—\-－~～至到]+\s*({_Y}))?\s*年(?!\s*\d{{1,2}}\s*月)"
    r"(?!\s*(?:底|末)?\s*(?:以|之)?前(?!\s*[一二三四五六七八九十两]{1,2}个?(?:季度|月)))(?!以来|起|不变价|基准)"
)
_BASE_BEFORE = re.compile(r"(?:(?<![占对])比|较|相比|相较于?|与|同|以|由|从|按照?|基于|相对于|(?:基准|基期)年?\s*[（(])\s*$")
_AT_YEAR = re.compile(rf"(?:^|[，,：:；;。])\s*在\s*({_Y})\s*年(?=\s*[，,])")
PRESCRIBING = ("控制在", "不超过", "不高于", "不低于", "不少于", "低于", "以内")
# (下达了/传达了/表达了 — to hand down or express a goal — are no attainment 达了; 实施了/开展了 tell work carried out)
_PAST_VERB = re.compile(r"(?:下降|降低|减少|提高|提升|增长|增加|压减|削减|完成|建成|新增|淘汰|实现|达到|(?<![下传表转])达|降|升|"
                        r"扩大|超过|突破|控制在|保持在|稳定在|维持在|建设|创建|培育|打造|改造|新建|累计|减排|上升|实施|开展)"
                        r"(?:到|至)?了(?!解)")


_PERIOD = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期)")
# a plan period's end written bare (“十三五”末，…达到…), not as a deadline (到“十三五”末): the last year
_PERIOD_END = re.compile(r"(?<![到至])(?<![到至][“\"])[“\"]?十([一二三四五六七八九])五[”\"]?(?:期末|末)(?!前)")


def period_number(numeral: str) -> int:
    """The plan period named by the digit of 十X五 (四 → 14, the 十四五)."""
    return 10 + "一二三四五六七八九".index(numeral) + 1


# a plan period named (“十二五”, 十二五期间, 十四五规划): group 1 is its digit, for period_end/period_number
PERIOD_NAME = re.compile(r"十([一二三四五六七八九])五")


def period_end(numeral: str) -> int:
    """The last year of the plan period 十X五 named by its digit (四 → 2025)."""
    return five_year_span(period_number(numeral))[1]


def five_year_span(n: int) -> tuple[int, int]:
    """(first, last) year of the n-th five-year plan (十四五 → 2021–2025)."""
    if n <= 2:
        return (1953 + 5 * (n - 1), 1957 + 5 * (n - 1))
    return (1966 + 5 * (n - 3), 1970 + 5 * (n - 3))  # 1963–1965 was an adjustment period


@lru_cache(maxsize=16)
def bare_years(sentence: str) -> tuple[tuple[int, int, int, bool], ...]:
    """(start, end, year, is_range) of every bare year phrase; a range gives its last year,
    and a plan period (“十三五”期间) is the range of its years; its end written bare (“十三五”末) its last year."""
    out = [(m.start(), m.end(), period_end(m.group(1)), True)
           for m in _PERIOD.finditer(sentence)]
    out += [(m.start(), m.end(), period_end(m.group(1)), False)
            for m in _PERIOD_END.finditer(sentence)  # (比“十三五”末下降10%: the base of a change, no date)
            if not _BASE_BEFORE.search(sentence[max(0, m.start() - 4) : m.start()])]
    for m in _AT_YEAR.finditer(sentence):  # 在2021年，原煤产量增长18.3%: a year opening its clause
        out.append((m.start(), m.end(), int(m.group(1)), False))
    for m in _BARE.finditer(sentence):
        if _BASE_BEFORE.search(sentence[max(0, m.start() - 4) : m.start()]) and not (
                m.group(2) and sentence[max(0, m.start() - 1) : m.start()] in ("从", "自")):
            continue  # (从2010-2014年: a span of years, not a base)
        out.append((m.start(), m.end(), int(m.group(2) or m.group(1)), m.group(2) is not None))
    return tuple(sorted(out))


def future_bare_year(sentence: str, issue_year: int | None, verbs: re.Pattern[str],
                     after: int = 0) -> bool:
    """A bare year ≥ the issue year (+ ``after``) opening a clause whose rest has a
    change/level verb."""
    ref = (ASSUMED_ISSUE_YEAR if issue_year is None else issue_year) + after
    for start, end, year, _ in bare_years(sentence):
        tail = re.match(r"\s*(?:年?底|年?末)", sentence[end:])  # 2027年末，…为20%: the year's end is the same year
        end += tail.end() if tail else 0
        end += len(sentence[end:]) - len(sentence[end:].lstrip("，,：: "))  # 2025年，全市…
        clause_end = re.search(r"[，,；;。]", sentence[end:])
        rest = sentence[end : end + clause_end.start()] if clause_end else sentence[end:]
        if year >= ref and (start == 0 or sentence[start - 1] in "，,；;：:" or _after_subject(sentence, start)) \
                and verbs.search(rest):
            return True
    return False


_SUBJECT_ONLY = re.compile(r"[\u4e00-\u9fffA-Za-z0-9.（）()]{2,30}")
_PREDICATE = re.compile(r"为|达|降|提|增|减|控制|保持|稳定|实现|完成|建成|超过|突破|不低于|不高于|不超过|以来|截至|截止|已")


def _after_subject(sentence: str, start: int) -> bool:
    """The year follows its clause's subject at once (清洁能源消费比重2027年为20%左右): it dates the predicate
    after it as a year opening the clause would."""
    begin = max(sentence.rfind(c, 0, start) for c in "，,；;：:。") + 1
    prefix = sentence[begin:start].strip()
    return _SUBJECT_ONLY.fullmatch(prefix) is not None and _PREDICATE.search(prefix) is None \
        and re.search(r"(?:19|20)\d{2}", prefix) is None


def past_bare_year(sentence: str, pos: int, issue_year: int | None) -> bool:
    """The year governing position ``pos`` is a bare year of a past period (see module doc)."""
    ref = ASSUMED_ISSUE_YEAR if issue_year is None else issue_year
    before = None
    for b in bare_years(sentence):  # few per sentence: read once (cached), scanned here
        if b[1] > pos:
            break
        between = sentence[b[1] : pos]
        if between.count("）") + between.count(")") > between.count("（") + between.count("("):
            continue  # …（其中2021年12条…），16条达到Ⅳ类: a year inside a closed aside dates the aside only
        before = b
    if before is None:
        return False
    _, _, year, is_range = before
    return year <= ref if is_range else year < ref


_DEADLINE = re.compile(rf"(?:到|至)\s*({_Y})\s*年|(?<![较比])({_Y})\s*年(?:年?底|年?末)?(?:以|之)?前(?!\s*[一二三四五六七八九十两]{{1,2}}个?(?:季度|月))")
_INTENT = re.compile(r"力争|确保|争取|将(?!近)|(?<![年度划])计划(?!的|面积|任务|指标|目标|单列|指出|提出|明确|规定|显示|表明|称|生育|经济|项目|资金|管理|数|量|内|外|期|书|表)|(?:今年|明年|年内|(?<=\d)\s*年度?)计划(?![的数])(?=[\u4e00-\u9fff])|每年|逐年")


def past_deadline(sentence: str, issue_year: int | None) -> bool:
    """到2022年底，全市已完成…: every deadline of the sentence is before the issue year and 已
    says it was met, or a verb in the past tense (到2024年，…下降了17.7%, 降到了1%以内) says so
    whatever the year (no 力争/确保/计划/每年 intent left) — a report."""
    ref = ASSUMED_ISSUE_YEAR if issue_year is None else issue_year
    years = [int(a or b) for a, b in _DEADLINE.findall(sentence)]
    if _INTENT.search(sentence) is not None or not years:
        return False
    # 到2024年，…分别下降了17.7%: a change in the past tense is a report whatever its deadline
    return (max(years) < ref and re.search(r"已(?!有)", sentence) is not None) or reported(sentence, governing=True)


# the clause after a verb + 了 up to its end: a number there is what the past verb moved
# (增加了2025这个时点, 提出了2030和2060两个时点: years named as points in time are no amount)
_REST_OF_CLAUSE = re.compile(r"[^，,；;。！？!?]{0,16}?(?:(?<![第\d])(?!(?:19|20)\d\d(?:\s*[和、与及]\s*(?:19|20)\d\d)*\s*(?:这|两个|两|时点))\d(?![\d.]*\s*(?:年|月|日))|[一二两三四五六七八九十百千]+(?:个|家|座|项|条|处|成|倍|万|亿))")


def reported(sentence: str, governing: bool = False) -> bool:
    """A change written in the past tense (下降了, 完成了): a report whatever the year.

    With ``governing`` (a sentence that looks ahead: 到2022年，…) the past verb must govern a
    number of its clause (…分别下降了17.7%, 建成了30个): a 了 closing a goal's clause with no
    amount (…至少有1个城区实现了生活垃圾分类的全面覆盖) is the result the goal names, not a report."""
    if not governing:
        return _PAST_VERB.search(sentence) is not None
    return any(_REST_OF_CLAUSE.match(sentence, m.end()) for m in _PAST_VERB.finditer(sentence))


# a report saying a year (报告提出，2025年，…; 工作报告指出：2025年，…): said of a year before the issue, it is told (round vc)
REPORT_SAID_GONE = re.compile(r"报告[》”\"]?\s*(?:中)?(?:提出|明确|指出)[，,：:]\s*((?:19[5-9]\d|20\d{2}))\s*年[，,]")


# a goal named only to be judged — told as met or missed (目标任务圆满完成, 五大目标都已超额完成, 提前完成了…目标, 未达到
# …76%的目标值): a verdict on a plan's goals, no goal set; where the goal word stands, nothing looks ahead
# (round vc: a task told as done the same way — 年度任务已全部完成, 已完成年度任务, 均已超额完成全年目标任务)
GOALS_MET = re.compile(r"(?:目标|(?<=年度|全年|各项|本年)任务)(?:任务|值)?(?:都是|都已|全部|均已|均|已经|已|都|圆满|顺利|如期|全面)*"
                       r"(?:超额|提前)?(?:完成|实现|达成)(?!情况|进度|率)"
                       r"|(?:已经?|均已|都已|超额|提前|圆满|顺利|如期|全面)+(?:完成|实现)了?[^。；;，,]{0,12}(?:目标|(?<=年度|全年|各项|本年)任务)"
                       r"|未(?:能)?(?:完成|实现|达到|达成)[^。；;，,]{0,20}?目标")


def without_goals_judged(sentence: str) -> str:
    """The sentence with each goal it names only to judge blanked (same length: positions stay).

    >>> without_goals_judged("2023年主要目标任务圆满完成，诸如：").replace("\u3000", "_")
    '2023年主要________，诸如：'
    """
    return GOALS_MET.sub(lambda m: "\u3000" * len(m.group(0)), sentence)

