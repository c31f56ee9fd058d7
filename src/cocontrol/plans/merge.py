"""One target stated twice in a plan is one target (issue 9 item 5, issue 10).

Plans state their headline goals in 主要目标 and again in the task that delivers them
(济南: “确保全市2030年前实现碳达峰” in 指导思想, “确保如期实现2030年前碳达峰目标” in 主要目标).
Two targets are the same when year, value, unit, relation and base year agree and their
indicators name the same thing: equal once place words and particles are dropped, one
containing the other, or sharing nearly all their character pairs (Dice ≥ 0.75 over bigrams:
光伏发电装机规模 and 风电装机规模 share 0.67 and stay apart). The
first statement is kept; the later ones add their quote and span to ``quotes``/``spans``, and
their units; when the first statement had none (主要目标), the target moves to the task of the
statement that names them.
Different indicators with the same number (城市生活垃圾分类覆盖率 100%, 危险废物处置率 100%)
stay apart.
"""

from __future__ import annotations

import re

from cocontrol.plans.model import Target

_NOISE = re.compile(r"全市|全省|全区|全县|全国|我市|我省|我国|本市|城市|市|省|的|力争|确保|争取|提出|明确|将|"
                    r"（[^）]*）|\([^)]*\)|[\s“”\"、，,【】〖〗]")


_SHARE_OF = re.compile(r"(?:占|在)[\u4e00-\u9fff]{1,10}?(?:中的)?(比重|比例)$")


_WHOLE_PEAK = re.compile(r"^(?:全市|全省|全区|全县|全国|我市|我省)?(?:二氧化碳|碳)(?:排放)?(?:量|总量)?(?:整体|总体)?达峰$")


def _norm(name: str) -> str:
    """Name without place words and particles; 煤炭消费占能源消费总量比重 → 煤炭消费比重."""
    return _SHARE_OF.sub(r"\1", _NOISE.sub("", name))


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


def same_indicator(a: str, b: str) -> bool:
    """Two indicator names that name the same thing (see module doc)."""
    if _WHOLE_PEAK.match(a) and _WHOLE_PEAK.match(b):
        return True  # 二氧化碳排放量达峰 and 碳达峰 (…实现碳达峰目标): the one peak of the whole economy
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return a == b
    if x == y or (min(len(x), len(y)) >= 3 and (x in y or y in x)):
        return True
    bx, by = _bigrams(x), _bigrams(y)
    return 2 * len(bx & by) / (len(bx) + len(by)) >= 0.75


def _key(t: Target) -> tuple[object, ...]:
    return (t.year, t.value, t.unit, str(t.relation), t.base_year, t.qualitative)


def _other_sentence(a: Target, b: Target, same_name: bool = False) -> bool:
    """Two statements, not two numbers of one sentence (分别下降10%、10%): different quotes, or
    the same words written again elsewhere (more than a sentence apart), or a peak (达峰, unit 年)
    named twice: one sentence never sets two peaks of one indicator for one year."""
    if " | " in a.quote and " | " in b.quote and a.quote != b.quote:
        return False  # two rows of a table (全市 | 3.4, 港区 | 3.4 of a 目标分解表) are two targets
    if a.quote != b.quote or a.unit == "年":
        return True  # a peak year stated twice in one sentence (headline and body) is one target
    # …or the same target restated further on in one long run (a headline and its 原标题 line glued
    # together): 20 characters apart is no 分别 list (…下降10%、10%)
    return a.span is not None and b.span is not None and abs(a.span[0] - b.span[0]) > (
        min(len(a.quote), 20) if same_name else len(a.quote))


def merge_duplicates(targets: list[Target]) -> tuple[list[Target], dict[str, str]]:
    """Targets with repeats merged into their first statement, and old id → kept id.

    Linear in the number of targets: candidates are looked up by (year, value, unit, relation,
    base year) and normalised name; only when no name matches exactly are the last few
    candidates of the same key compared by :func:`same_indicator`."""
    kept: list[Target] = []
    by_key: dict[tuple[object, ...], list[Target]] = {}
    by_name: dict[tuple[object, ...], Target] = {}
    renamed: dict[str, str] = {}
    for t in targets:
        if t.value is None:
            kept.append(t)
            continue
        key = _key(t)
        exact = by_name.get((*key, _norm(t.indicator)))
        twin = exact if exact is not None and exact.span != t.span and _other_sentence(exact, t, same_name=True) else None
        if twin is None:
            twin = next((k for k in reversed(by_key.get(key, [])[-_WINDOW:])
                         if same_indicator(k.indicator, t.indicator) and k.span != t.span
                         and _other_sentence(k, t)), None)
        if twin is None:
            kept.append(t)
            by_key.setdefault(key, []).append(t)
            by_name.setdefault((*key, _norm(t.indicator)), t)
            continue
        if t.quote and t.quote != twin.quote and t.quote not in twin.quotes[-_WINDOW:]:
            twin.quotes = [*twin.quotes, t.quote]
        if t.span is not None and len(twin.spans) < _MAX_SPANS:
            twin.spans = [*twin.spans, t.span]
        if not twin.responsible and t.responsible:  # the task that delivers it names its units
            twin.task = t.task
        if t.responsible and not set(t.responsible) <= set(twin.responsible):
            twin.responsible = list(dict.fromkeys([*twin.responsible, *t.responsible]))
        if t.id and twin.id:
            renamed[t.id] = twin.id
    return kept, renamed


_WINDOW = 32
_MAX_SPANS = 200
