"""The English edition of a report (``--lang en``): the same report, every word in English.

The builders write the report in Chinese (the official's language); :func:`english` walks
the finished :class:`~cocontrol.reports.model.Report` and translates every string it holds —
title, headings, paragraphs, captions, column headers, cells, notes, sources, annex — so both
editions carry the same figures, rows and order by construction.

A string is translated, in order, by

1. the words of the shared glossary (:func:`cocontrol.data.names.label`: ``refdata/terms.csv``
   sectors, fuels, regions, statuses, relations, units, indicator and department names of the
   seed plans …) and the report's fixed sentences (:data:`cocontrol.reports.english_text.EXACT`);
2. a sentence pattern (:data:`cocontrol.reports.english_text.PATTERNS`): the Chinese sentence
   with its slots (a number, a year, a unit, a name …) matched, each slot translated in turn;
3. a quantity: a number with a Chinese unit (``147.79吨`` → ``147.79 t``).

Plan wording the glossary does not have (a task's text, a plan quote, a new indicator) is kept
as written and marked as Chinese (:func:`original`): the writers set its language (Word
``w:lang``, HTML ``lang="zh-CN"``, an Excel comment), so a reader — and the language test — can
tell the plan's own wording from the report's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from cocontrol.reports.model import AnnexEntry, Column, Figure, Paragraph, Report, Section, Table

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
OPEN, CLOSE = "\u2068", "\u2069"
"""Unicode isolate marks (FSI … PDI) around plan wording kept in Chinese; invisible in print."""
MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)

NUMBER = r"-?[\d,]+(?:\.\d+)?"
_SLOTS = {"n": NUMBER, "y": r"\d{4}", "k": r"\d+", "m": r"\d{1,2}", "d": r"\d{1,2}"}
_TYPED = {"q": rf"{NUMBER}\s*[^\d\s，。；、（）“”]{{0,12}}", "rel": "不低于|不高于|达到|下降|提高|不超过|低于|高于",
          "st": "[^，。；“”]{2,6}", "w": "[^\\d，。；、“”：:Σ]+?",
          "s": "[^。]+?"}
"""Slots matched narrowly but still translated (a quantity, a relation, a direction, a status, the
rest of one sentence ``{s}``)."""
MAX_DEPTH = 8
SHORT_KEPT = 20
"""A list of plan wording may keep a short piece (a 文号 such as 济政字〔2023〕36号) in Chinese
beside translated pieces; a longer untranslated piece keeps the whole text as written."""


def original(text: str) -> str:
    """``text`` (plan wording without an English name) marked as Chinese for the writers."""
    return f"{OPEN}{text}{CLOSE}"


def split_marked(text: str) -> list[tuple[str, bool]]:
    """``text`` as (piece, is_chinese_original) runs, marks removed."""
    out: list[tuple[str, bool]] = []
    at = 0
    for m in MARKED.finditer(text):
        if m.start() > at:
            out.append((text[at:m.start()], False))
        out.append((m.group(1), True))
        at = m.end()
    if at < len(text):
        out.append((text[at:], False))
    return out or [("", False)]


def plain(text: str) -> str:
    """``text`` without the marks (for sheet names, file names and lengths)."""
    return text.replace(OPEN, "").replace(CLOSE, "")


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    """Chinese name → English name over the shared glossary, the statuses and the report words."""
    from cocontrol.data.names import _labels
    from cocontrol.reports.english_text import EXACT
    from cocontrol.reports.tables import SPECIES
    from cocontrol.web.i18n import STATUS_LABELS

    found: dict[str, str] = {}
    order = ("plan", "indicator", "department", "requirement", "sector", "fuel", "process", "region", "synergy",
             "relation", "unit", "binding", "label", "statistic", "level", "param_status", "data", "sink_type",
             "event_source", "scene", "decoupling", "coordination", "verdict", "report", "scenario", "measure",
             "driver", "judgement")
    labels = _labels()
    for kind in order:
        for (k, _code), (zh, en) in labels.items():
            if k == kind and zh and zh != en:
                found.setdefault(zh, en)
    found |= {zh: en for zh, en in STATUS_LABELS.values()}
    found |= {zh: code for code, zh in SPECIES.items() if code not in ("NMVOC",)}
    from cocontrol.figures import registry

    found |= {f.name_zh: f.name_en for f in registry().values()}
    found |= EXACT
    found |= {zh[:-1]: en.rstrip(".") for zh, en in EXACT.items() if zh.endswith("。") and "。" not in zh[:-1]}
    return found


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str, frozenset[str]]]:
    """Sentence patterns compiled: ``{n}`` a number, ``{y}`` a year, ``{k}`` a count, ``{x}``
    any text translated in turn, ``{p}`` plan wording (kept, marked, when not in the glossary),
    ``{o}`` a quote of the plan (规划原文: the glossary's English of the whole quote, else kept
    whole and marked — never a patchwork of translated and kept pieces)."""
    from cocontrol.reports.english_text import PATTERNS

    out = []
    for zh, en in PATTERNS:
        parts = re.split(r"\{(\w+)\}", zh)
        rx, plan = "", set()
        for i, part in enumerate(parts):
            if i % 2 == 0:
                rx += re.escape(part)
                continue
            name = part
            base = name.rstrip("0123456789")
            if base in ("p", "o"):
                plan.add(name)
            rx += f"(?P<{name}>{_SLOTS.get(base) or _TYPED.get(base) or '.+?'})"
        out.append((re.compile(f"^{rx}$", re.S), en, frozenset(plan)))
    return out


_QUANTITY = re.compile(rf"^(?P<n>{NUMBER})\s*(?P<u>[^\d\s].*)?$")


def _quantity(text: str) -> str | None:
    m = _QUANTITY.match(text)
    if not m:
        return None
    unit = m.group("u") or ""
    if not unit:
        return m.group("n")
    en = _words().get(unit) or (unit if not CJK.search(unit) else None)
    if en is None:
        return None
    return f"{m.group('n')} {en}" if en not in ("%",) else f"{m.group('n')} %"


NUMBERING = re.compile(r"^[一二三四五六七八九十〇、（）().\d]*(?:专栏[\d.]+ ?)?[一二三四五六七八九十〇、（）().\d]*$")
_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _cn_int(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十一 → 21."""
    if "十" not in text:
        return _CN[text]
    tens, _, ones = text.partition("十")
    return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)


def numbering(text: str) -> str:
    """A plan's numbering in Arabic figures: 三、（一）6. → 3.(1)6.; 三.一.专栏1.1 → 3.1.Box 1.1."""
    out = re.sub(r"[一二三四五六七八九十〇]+", lambda m: str(_cn_int(m.group(0))), text)
    return out.replace("、", ".").replace("（", "(").replace("）", ")").replace("专栏", "Box ")


def _done(text: str) -> bool:
    return not CJK.search(MARKED.sub("", text))


def _joined(text: str, sep: str, glue: str, plan: bool, depth: int) -> str | None:
    """``text`` split at ``sep`` (a sentence end 。, a clause ；, a list 、), each part translated."""
    parts = [p for p in text.split(sep)]
    if len(parts) < 2:
        return None
    out = [_translate(p, plan, depth + 1) if CJK.search(p) else p for p in parts]
    if plan and (any(len(m) > SHORT_KEPT for o in out for m in MARKED.findall(o))
                 or all(not MARKED.sub("", o).strip() for o in out if o)):
        return None  # plan wording is kept whole, not as a patchwork of kept sentence pieces
    if sep == "。":  # each sentence starts with a capital
        out = [_capital(o) for o in out]
    return glue.join(out).strip() if all(_done(o) for o in out) else None


def translate(text: str, plan: bool = False) -> str:
    """``text`` in English (see :func:`_translate`)."""
    if not isinstance(text, str) or not CJK.search(text):
        return text
    return _translate(text, plan, 0)


@lru_cache(maxsize=100_000)
def _translate(text: str, plan: bool, depth: int) -> str:
    """``text`` in English; plan wording without an English name is kept marked (``plan``),
    anything else without a translation is returned as given (and the language test fails)."""
    if not isinstance(text, str) or not CJK.search(text):
        return text
    stripped = text.strip()
    words = _words()
    if stripped in words:
        return words[stripped]
    if NUMBERING.match(stripped):
        return numbering(stripped)
    if depth > MAX_DEPTH:
        return original(stripped) if plan else text
    if stripped.endswith("。") and "。" not in stripped[:-1]:
        inner = _translate(stripped[:-1], plan, depth + 1) if CJK.search(stripped[:-1]) else stripped[:-1]
        if _done(inner):
            return inner + "."
    for rx, en, plan_slots in _patterns():
        m = rx.match(stripped)
        if m:
            slots = {k: (v if k.rstrip("0123456789") in _SLOTS or not CJK.search(v)
                         else (words.get(v.strip()) or original(v)) if k.rstrip("0123456789") == "o"
                         else _translate(v, k in plan_slots, depth + 1)) for k, v in m.groupdict().items()}
            if all(_done(v) for v in slots.values()):
                return en.format(**slots)
    q = _quantity(stripped)
    if q is not None:
        return q
    for sep, glue in (("。", ". "), ("；", "; "), ("，", ", "), ("、", ", ")):
        if sep in stripped:
            joined = _joined(stripped, sep, glue, plan, depth)
            if joined is not None:
                return joined
    return original(stripped) if plan else text


PLAN_COLUMNS = frozenset({"项目", "指标", "内容", "责任单位", "关联任务", "目标值", "目标", "说明", "地点/品种", "该指标首位城市",
                          "城市", "单位"})
"""Columns holding plan wording (names of indicators, tasks and units as the plan writes them)."""


def _capital(text: str) -> str:
    """First letter upper case (a heading, a sentence, a column header)."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _cell(value, plan: bool):  # type: ignore[no-untyped-def]
    return translate(value, plan=plan) if isinstance(value, str) else value


def _table(table: Table) -> Table:
    plan = [c.label in PLAN_COLUMNS for c in table.columns]
    columns = [Column(_capital(translate(c.label)), translate(c.unit) if c.unit else c.unit, c.decimals)
               for c in table.columns]
    rows = [[_cell(v, plan[i]) for i, v in enumerate(row)] for row in table.rows]
    return Table(_capital(translate(table.caption)), columns, rows,
                 note=_capital(translate(table.note)) if table.note else table.note,
                 source=translate(table.source, plan=True) if table.source else table.source,
                 sheet=plain(translate(table.sheet)) if table.sheet else table.sheet)


def _block(block: Paragraph | Table | Figure | Section):  # type: ignore[no-untyped-def]
    if isinstance(block, Section):
        return Section(_capital(translate(block.title)), [_block(b) for b in block.blocks])
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return Figure(block.png, _capital(translate(block.caption)), block.width_cm)
    return Paragraph(_capital(translate(block.text)))


def _annex(entry: AnnexEntry) -> AnnexEntry:
    """An annex entry: a plan's entry is plan wording (title, issuer, 文号); methods, data and
    notes are the report's own text and must translate."""
    plan = entry.title.startswith("规划方案")
    return AnnexEntry(translate(entry.title, plan=True), translate(entry.text, plan=plan),
                      translate(entry.source, plan=True) if entry.source else entry.source)


def english(report: Report) -> Report:
    """The English edition of ``report`` (figures re-drawn by the builders: see :func:`build`)."""
    return replace(
        report,
        title=translate(report.title), subtitle=translate(report.subtitle),
        issuer=translate(report.issuer, plan=True),
        sections=[_block(s) for s in report.sections],
        annex=[_annex(a) for a in report.annex],
        annex_title="Annex: methods and data sources",
        gaps=[translate(g) for g in report.gaps],
        workbook=[_table(t) for t in report.workbook],
        lang="en",
    )


def untranslated(report: Report) -> list[str]:
    """Strings of ``report`` still in Chinese outside marked plan wording (for the catalogue's upkeep)."""
    from cocontrol.reports.model import walk

    texts: list[str] = [report.title, report.subtitle]
    for e in walk(report):
        b = e.block
        if isinstance(b, Section):
            texts.append(b.title)
        elif isinstance(b, Paragraph):
            texts.append(b.text)
        elif isinstance(b, Figure):
            texts.append(b.caption)
    tables = [t for _, t in report.tables()] + list(report.workbook)
    for t in tables:
        texts += [t.caption, t.note or "", t.source or "", t.sheet or "", *(c.header for c in t.columns)]
        texts += [v for row in t.rows for v in row if isinstance(v, str)]
    for a in report.annex:
        texts += [a.title, a.text, a.source or ""]
    return sorted({t for t in texts if CJK.search(MARKED.sub("", t or ""))})


Builder = Callable[..., Report]
