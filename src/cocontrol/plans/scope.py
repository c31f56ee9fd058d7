"""The years a target sentence speaks for (issue 10): year ranges and peak targets.

* **Year ranges.** “2024—2026年，全市空气质量优良天数比率稳定维持在90%以上” sets the level for
  each year of the range: one target per year (the gold convention of ``tests/plans/gold``).
  A change, an average rate or an amount over the range (2021—2025年累计新增…, 年均增长,
  新建, 完成) stays one target for the range's last year; so does a level reached by then (达到, 提高到,
  突破 … with no word of keeping it: 2020—2025年，…规模达到3.2万吨/日). Ranges longer than ten years are plan periods, not years to repeat.
  What the quantity is decides as well: a count or physical quantity (个, 条, 公里, 万亩, 万千瓦, 吨 …) is an
  amount whatever its verb (2025—2030年，…建设幸福河湖315条 → 2030 only) unless 每年/年均 or a state word
  (保持, 稳定, 维持, 均 …) is in its own clause.
* **Peak targets** (达峰). “2030年前实现碳达峰”, “力争在2027年实现二氧化碳排放达到峰值”,
  “陆路交通运输石油消费力争2030年前达到峰值” are targets with indicator ``…达峰``, relation
  ``<=`` (the peak comes no later than), value the year and unit 年. A peak phrase without its
  own year (“二氧化碳排放量达到峰值并实现稳中有降”) takes the year that governs its clause.
  Not targets: a title in 《》 (《2030年前碳达峰行动方案》), the name of a work or plan
  (碳达峰行动, 碳达峰工作方案, 碳达峰碳中和), a means (为实现碳达峰奠定基础, 助力实现碳达峰目标)
  and the state after a peak (达峰后稳中有降).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from cocontrol.plans.found import Found
from cocontrol.plans.quantities import Quantity

PEAK_UNIT = "年"
_Y = r"(?:19[5-9]\d|20\d{2})"
_RANGE_BEFORE = re.compile(rf"({_Y})\s*年?\s*[—\-－~～至到]+\s*({_Y})\s*年?(?:底|末)?")
_LEVEL_RELATIONS = frozenset({">=", "<=", "="})
_AMOUNT = re.compile(r"累计|共计|合计|总计|新增|新建|建成|创建|完成|淘汰|培育|打造|改造|开展|实施|种植|治理|修复|整治|营造|造林")
# a level reached by the range's end (…，规模达到3.2万吨/日), no keep word: one target for the last year
_REACH = re.compile(r"(?:达到|提高到|提升到|提高至|提升至|增加到|增加至|扩大到|扩大至|突破)\s*$")
# a state held over the range (保持, 稳定在, 每年, 不低于 …; not the nouns 水土保持率, 稳定性: 达到78.4%以上 under
# 2026—2035年 is reached by 2035); a bound after the value (以上, 以内) keeps too, unless a verb of reaching leads it
_HELD = r"保持(?!率)|稳定(?![率性])|维持(?!率)|每年|不低于|不高于|不超过|控制在"
_HELD_STATE = re.compile(_HELD)
_KEEP = re.compile(_HELD + r"|以上|以下|以内")
# What a quantity over a range is, read from its unit (gold README, "Year"): a count or a physical quantity
# built, added, treated or cut (个, 条, 公里, 万亩, 平方米, 万千瓦, 吨 …) is an AMOUNT — one total for the range's
# last year — unless its own clause says it is per year (每年, 年均, 逐年) or describes a state held (保持,
# 稳定, 维持, 持续, 均, 人均 …; a cap 控制在/不超过/以内 of a yearly flow such as 煤炭消费总量). Shares, rates,
# concentrations, indices, days of good air and per-units (%, 微克/立方米, 无量纲, 天, 吨/万元) are LEVELS.
_AMOUNT_UNITS = frozenset({
    "个", "家", "座", "台", "套", "处", "辆", "艘", "户", "条", "所", "项", "株", "棵", "只", "头", "根", "盏",
    "栋", "幢", "架", "口", "标台", "公里", "千米", "km", "㎞", "延米", "米", "亩", "公顷", "平方米", "平方公里",
    "平方千米", "㎡", "㎢", "m²", "m2", "km²", "km2", "hm²", "立方米", "m³", "m3", "㎥", "方", "吨", "t", "千瓦",
    "兆瓦", "吉瓦", "kW", "MW", "GW", "㎾", "㎿", "千伏安", "兆伏安", "kVA", "MVA", "蒸吨", "标准箱", "标箱", "TEU",
    "羽", "枚", "尾", "匹",
})
_PER_YEAR_OR_STATE = re.compile(r"每年|年均|逐年|年度|保持|稳定|维持|持续|均|控制在|不超过|以内|以下")


def _is_amount(f: Found, own: str) -> bool:
    """A count or physical quantity whose own clause says neither per year nor a state held."""
    unit = re.sub(r"^(?:百万|千万|万亿|万|亿)", "", f.quantity.unit)
    return unit in _AMOUNT_UNITS and not _PER_YEAR_OR_STATE.search(own)
_PEAK = re.compile(
    rf"(?:(?:在|于)\s*)?(?P<y>{_Y})\s*年\s*(?:年?底|年?末)?\s*(?:前后|以前|之前|前|左右)?\s*[，,]?\s*"
    r"(?:率先|全面|基本|如期|力争|确保|争取)?\s*(?:实现)?\s*[“\"「‘]?"  # 实现“碳达峰” in a headline
    r"(?P<obj>[\u4e00-\u9fffA-Za-z]{0,14}?)(?P<peak>达到峰值|达峰|碳达峰|达到(?P<inner>[\u4e00-\u9fff]{1,8}?)峰值)"
)
_PEAK_NO_YEAR = re.compile(r"(?P<obj2>[\u4e00-\u9fffA-Za-z]{2,20}?)(?:率先|全面|基本|如期|力争|确保)?(?:实现)?"
                           r"(?P<peak2>达到峰值)")
# 到2030年，…，实现碳达峰目标 / 力争实现碳达峰: the peak reached in the year that governs the clause
_PEAK_REACHED = re.compile(r"(?P<obj2>)(?:率先|全面|基本|如期|力争|确保|争取)?\s*实现\s*[“\"]?(?P<peak2>碳达峰)[”\"]?(?=目标|[，,。；;！!]|$)")
# (实现碳达峰目标的关键阶段: a peak inside a noun phrase describes a time, it is no goal; 实现碳达峰的目标 still is)
_NOT_PEAK_AFTER = re.compile(r"后|行动|工作|方案|试点|实施|碳中和(?!目标)|路径|先行|示范|[与和、]碳中和|(?:目标)?的(?![\u4e00-\u9fff]{0,4}目标)")
# 2022年将积极落实碳达峰碳中和目标任务: the peak as the object of a work (落实, 推进, 围绕 …) is no goal of a year
_WORK_ON = re.compile(r"落实|推进|推动|部署|围绕|聚焦|贯彻|服务于|对标")
_MEANS = re.compile(r"为|助力|奠定|支撑|服务|推动实现|基础|前提|支持|鼓励|引导")
_MEANS_AROUND = re.compile(r"(?:^|[^作认成行])为|助力|支撑")
_GROUNDWORK = re.compile(r"奠定|打下|夯实|基础|创造条件")
_SUBJECT_DROP = re.compile(r"^(?:并|且|同时|确保|力争|争取|全市|全省|全区|全县|全国|我国|我市|我省|推动|推进|实现|在|于)+")


_WHOLE_PEAK = re.compile(r"^(?:全市|全省|全区|全县|全国|我市|我省)?(?:二氧化碳|碳)(?:排放)?(?:量|总量)?(?:整体|总体)?达峰$")


def _year_ranges(sentence: str) -> tuple[list[int], list[int | None]]:
    """(end offsets of every year phrase, first year of a range ending there or None)."""
    ends: list[int] = []
    firsts: list[int | None] = []
    ranges = {m.end(): m for m in _RANGE_BEFORE.finditer(sentence)}
    for m in re.finditer(rf"{_Y}\s*年?(?:底|末)?", sentence):
        rm = ranges.get(m.end())
        first = None
        if rm is not None:
            a, b = int(rm.group(1)), int(rm.group(2))
            # a period named in brackets (近期目标（2023—2025年）：…) is a stage, not years to repeat
            named = sentence[max(0, rm.start() - 1) : rm.start()] in ("（", "(") and \
                sentence[rm.end() : rm.end() + 1] in ("）", ")")
            first = a if 0 < b - a <= 10 and not named else None
        ends.append(m.end())
        firsts.append(first)
    return ends, firsts


# 2021年、2022年每年新增高标准农田340万亩: years listed, then 每年/各 and one amount — one target for each year
_YEARS_EACH = re.compile(rf"((?:{_Y}\s*年\s*[、和及与]\s*)+{_Y}\s*年)\s*(?:每年|各)")


def _each_listed_year(found: list[Found], sentence: str) -> list[Found]:
    out: list[Found] = []
    for f in found:
        own = re.split(r"[，,；;。]", sentence[max(0, f.quantity.start - 40) : f.quantity.start])[-1]
        m = _YEARS_EACH.search(own)
        years = [int(y) for y in re.findall(r"(?:19[5-9]\d|20\d{2})", m.group(1))] if m else []
        if not years or f.year != years[-1] or f.paired_year:
            out.append(f)
            continue
        out.extend(Found(f.indicator, year, f.quantity, f.relation, f.base_year, f.approx, f.strive, f.annual_rate,
                         f.cumulative, f.baseline_value, f.baseline_year) for year in years)
    return out


def per_year(found: list[Found], sentence: str) -> list[Found]:
    """One target per year for the levels of a year range (see module doc): the range must
    be the last year phrase before the quantity (2024—2026年，…90%以上 → 2024, 2025, 2026)."""
    found = _each_listed_year(found, sentence)
    if not found or not _RANGE_BEFORE.search(sentence):
        return found
    ends, firsts = _year_ranges(sentence)
    out: list[Found] = []
    for f in found:
        i = bisect.bisect_right(ends, f.quantity.start) - 1
        first = firsts[i] if i >= 0 and f.year is not None else None
        clause = sentence[max(0, f.quantity.start - 40) : f.quantity.end + 4]
        # (…每年新增340万亩，2020年至2022年三年共计建设1020万亩: a keep word of another clause keeps nothing here)
        # (…新增地热供暖面积450万平方米，每年替代…: nor a keep word of the clause after the amount)
        own = re.split(r"[，,；;。]", sentence[max(0, f.quantity.start - 40) : f.quantity.start])[-1] + \
            re.split(r"[，,；;。]", sentence[f.quantity.start : f.quantity.end + 4])[0]
        level = f.relation in _LEVEL_RELATIONS and not f.annual_rate  # 年均 over a range: one rate
        reached = _REACH.search(sentence, 0, f.quantity.start) is not None and not _HELD_STATE.search(clause)
        if first is None or f.paired_year or not level or f.cumulative or reached \
                or (_AMOUNT.search(clause) and not _KEEP.search(own)) or _is_amount(f, own):
            out.append(f)
            continue
        for year in range(first, f.year + 1):
            out.append(Found(f.indicator, year, f.quantity, f.relation, f.base_year, f.approx,
                             f.strive, f.annual_rate, f.cumulative, f.baseline_value, f.baseline_year))
    return out


def _inside_title(sentence: str, pos: int) -> bool:
    return sentence.rfind("《", 0, pos) > sentence.rfind("》", 0, pos)


def peak_targets(sentence: str, year_at: Callable[[int], int | None]) -> list[Found]:
    """Peak targets (达峰) of one sentence; ``year_at(pos)`` gives the year governing ``pos``
    for a peak phrase without its own year."""
    out: list[Found] = []
    dated = list(_PEAK.finditer(sentence))
    undated = [m for m in [*_PEAK_NO_YEAR.finditer(sentence), *_PEAK_REACHED.finditer(sentence)]
               if not any(d.start() < m.end() and m.start() < d.end() for d in dated)]
    for m in dated + undated:
        peak = m.groupdict().get("peak") or m.group("peak2")
        end = m.end()
        end += 1 if sentence[end : end + 1] in ("”", "\"", "」", "’") else 0
        if _inside_title(sentence, m.start()) or _NOT_PEAK_AFTER.match(sentence, end):
            continue
        clause_start = max(sentence.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
        before = sentence[clause_start : m.start()]
        if _MEANS_AROUND.search(before) and _GROUNDWORK.search(sentence, end, end + 12):
            continue  # 为2030年工业领域碳达峰奠定坚实基础: the peak is what this plan prepares for
        if m.groupdict().get("y"):
            year = int(m.group("y"))
            start = m.start("y")
            obj = m.group("obj") or ""
            if _MEANS_AROUND.search(obj) or _WORK_ON.search(obj):
                continue  # 到2025年，为实现碳达峰奠定坚实基础 / 助力实现碳达峰: a means, not the peak
        else:
            obj = m.group("obj2") or ""
            if _MEANS.search(before + obj):
                continue
            year = year_at(m.start())
            if year is not None and re.search(r"如期|按期|按时", before + m.group(0)) and f"{year}年" not in sentence[: m.start()]:
                continue  # 确保如期实现碳达峰目标: the pledge on its schedule dates nothing when its sentence names no year
            start = m.start("obj2")
            # 到2030年，…，力争实现碳达峰目标: the peak's span runs from the year of its sentence, where written
            written = sentence.rfind(f"{year}年", 0, start) if year is not None else -1
            if written >= 0:
                start = written
        if year is None or (not m.groupdict().get("y") and _MEANS.search(before)):
            continue
        inner = m.groupdict().get("inner") or ""
        subject = obj if obj and obj != "碳" else inner  # 2030年前达到碳排放峰值 → 碳排放
        if inner and not obj:
            peak = "达到峰值"
        if not subject and peak != "碳达峰":
            subject = _SUBJECT_DROP.sub("", re.sub(r"(?:力争|确保|争取|在|于)+$", "", before))
        subject = _SUBJECT_DROP.sub("", subject)
        name = "碳达峰" if peak == "碳达峰" and not subject else (subject or "碳排放") + "达峰"
        strive = "力争" in sentence[clause_start:end] or "力争" in sentence[:clause_start][-6:]
        # the numeral is the year as written; "" when the year comes from the clause (达到峰值 alone)
        q = Quantity(float(year), PEAK_UNIT, "", start, end, str(year) if m.groupdict().get("y") else "")
        approx = re.match(r"\s*年\s*(?:年?底|年?末)?\s*(?:左右|前后)", sentence[m.end("y"):]) is not None \
            if m.groupdict().get("y") else False  # 在2027年左右达到峰值
        out.append(Found(name, year, q, "<=", None, approx, strive, False))
    dated_years = {f.year for f in out if f.quantity.numeral != ""}
    # 二氧化碳排放量整体达到峰值…，如期实现2030年前碳达峰目标: one peak, named where its year is written
    out = [f for f in out if f.quantity.numeral != "" or f.year not in dated_years
           or not _WHOLE_PEAK.match(f.indicator)]  # 工业领域…达到峰值 is a peak of its own
    whole: dict[int | None, Found] = {}
    for f in out:  # one whole-economy peak per year: the statement whose year stands closest to it
        if _WHOLE_PEAK.match(f.indicator):
            kept = whole.get(f.year)
            span = f.quantity.end - f.quantity.start
            if kept is None or span < kept.quantity.end - kept.quantity.start:
                whole[f.year] = f
    out = [f for f in out if not _WHOLE_PEAK.match(f.indicator) or whole.get(f.year) is f]
    return sorted(out, key=lambda f: f.quantity.start)
