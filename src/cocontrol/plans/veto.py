"""A learned target-vs-report decision (issue 10, experiment ml): is the number at a span a stated target?

Features of a number in its text (all binary, hashed into a fixed-size weight vector):

* character 1–3-grams of its clause (from the previous 。；;！？!? or line break to the next), of the 30
  characters before it and of the 10 after it (digits read as ``0``, so years and values generalise);
* flags: a year in the clause and how it stands to the latest full date written in the text (a page's
  date); 今年/全年/累计/已/将/到YYYY年/力争/截至/以来/同比 in the clause; news markers (记者/日电/近日/讯)
  in the text's head; a plan's name (方案/规划/计划/意见/纲要) in its first line; the unit.

:func:`probability` is plain Python (no scikit-learn at run time); the weights are a data file
(``data/veto.json``) written by ``python -m cocontrol.plans.veto_train``.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from functools import lru_cache
from importlib import resources

DIM = 1 << 18
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))")
_MARKERS = ("今年", "全年", "累计", "已", "将", "力争", "截至", "截止", "以来", "同比", "去年", "上年", "预计",
            "目标", "到20", "前", "底", "完成", "达到", "比", "为", "提高", "下降", "增长", "共", "目前")
_NEWS = ("记者", "日电", "近日", "讯", "报道", "获悉", "新闻")
_PLAN = ("方案", "规划", "计划", "意见", "纲要", "通知", "办法")


def _clause(text: str, start: int, end: int) -> str:
    a = start
    while a > 0 and not _CLAUSE_END.match(text, a - 1):
        a -= 1
    m = _CLAUSE_END.search(text, end)
    b = m.start() if m else len(text)
    return text[max(a, start - 200):min(b, end + 200)]


def _grams(prefix: str, s: str, out: list[str]) -> None:
    s = _DIGIT.sub("0", re.sub(r"\s+", "", s))
    n = len(s)
    for i in range(n):
        out.append(prefix + s[i])
        if i + 1 < n:
            out.append(prefix + s[i:i + 2])
        if i + 2 < n:
            out.append(prefix + s[i:i + 3])


@lru_cache(maxsize=64)
def _text_facts(text: str) -> tuple[int | None, tuple[str, ...]]:
    dates = [int(m.group(1)) for m in _DATE.finditer(text)]
    latest = max(dates) if dates else None
    head = text[:300]
    first = text.strip().split("\n", 1)[0][:80] if text.strip() else ""
    flags = tuple([f"news:{w}" for w in _NEWS if w in head] + [f"plan:{w}" for w in _PLAN if w in first]
                  + (["dated"] if latest else ["undated"]))
    return latest, flags


def features(text: str, start: int, end: int, unit: str | None = None) -> list[str]:
    """The feature names of the number at ``text[start:end]``."""
    out: list[str] = ["bias"]
    clause = _clause(text, start, end)
    _grams("c:", clause, out)
    _grams("b:", text[max(0, start - 30):start], out)
    _grams("a:", text[end:end + 10], out)
    _grams("n:", text[start:end], out)
    latest, flags = _text_facts(text)
    out.extend(flags)
    years = [int(y) for y in _YEAR.findall(clause)]
    if years:
        out.append("year")
        y = max(years)
        if latest is not None:
            out.append("year>date" if y > latest else ("year=date" if y == latest else "year<date"))
    else:
        out.append("noyear")
        years_before = [int(y) for y in _YEAR.findall(text[max(0, start - 300):start])]
        out.append("year300" if years_before else "noyear300")
    for w in _MARKERS:
        if w in clause:
            out.append("m:" + w)
    if unit:
        out.append("u:" + unit)
    return out


def hashed(names: list[str]) -> list[int]:
    """Indices of the feature names in the weight vector (stable: crc32)."""
    return sorted({zlib.crc32(n.encode("utf-8")) % DIM for n in names})


@lru_cache(maxsize=1)
def model() -> tuple[float, dict[int, float], float]:
    """(intercept, weights by index, threshold) from ``data/veto.json``."""
    raw = json.loads(resources.files("cocontrol.plans").joinpath("data/veto.json").read_text(encoding="utf-8"))
    return float(raw["intercept"]), {int(k): float(v) for k, v in raw["weights"].items()}, float(raw["threshold"])


def probability(text: str, start: int, end: int, unit: str | None = None) -> float:
    """p(the number at ``text[start:end]`` is a stated target)."""
    b, w, _ = model()
    z = b + sum(w.get(i, 0.0) for i in hashed(features(text, start, end, unit)))
    return 1.0 / (1.0 + math.exp(-z))


def keep(text: str, targets: list) -> list:  # type: ignore[type-arg]
    """The targets the model does not veto: a target without a year whose number scores p(target) below the
    trained threshold is dropped (a dated target is kept whatever its score: the cross-validation on the
    predictions past blind groups met found the rules' false targets among the undated ones, 213 of 283)."""
    if not targets:
        return targets
    _, _, tau = model()
    return [t for t in targets
            if t.year is not None or t.span is None or probability(text, t.span[0], t.span[1], t.unit) >= tau]
