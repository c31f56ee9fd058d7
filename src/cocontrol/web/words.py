"""Words the pages show for codes (代码转名称): one set of Jinja filters over
:func:`cocontrol.data.names.label`, so a Chinese page reads 不低于, 管理员, 新增, 原煤 and an
English page "at least", "administrator", "added", "Raw coal" — never ``>=``, ``admin``,
``insert`` or ``Raw_Coal``.

Every filter takes the page language from the template context (``lang``). Plan content (an
indicator's name, a quote, a department's name) is the document's own wording and is shown as
written; on English pages the templates mark it ``lang="zh-CN"``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from jinja2 import Environment, pass_context
from markupsafe import Markup, escape

from cocontrol.data.names import label
from cocontrol.figures.targets import peak_goal
from cocontrol.web.i18n import STATUS_LABELS

_STATUS_CODES = {zh: code for code, (zh, _) in STATUS_LABELS.items()} | {
    "进度正常": "on_track", "严重滞后": "off_track", "滞后": "off_track"}

GAP_EN = {
    "tracking": "Target tracking: no plan or no reported values for this region",
    "inventory": "Emission inventory: no activity data for this region",
    "indicators": "Derived indicators: they need the emission inventory",
    "synergy": "Synergy evaluation: it needs the emission inventory and statistics",
    "synergy_detail": "Synergy evaluation: not available for this region",
    "peers": "Peer comparison: not available",
    "uncertainty": "Uncertainty analysis: not available",
    "refresh": "Being calculated; results appear when done",
}
"""English wording of a results gap (``Results.gaps`` key); the Chinese text is the layer's own."""

_MODULE = re.compile(r"[（(]\s*cocontrol(?:\.\w+)*\s*[)）]")


def _lang(ctx: Any) -> str:
    return "en" if ctx.get("lang") == "en" else "zh"


@pass_context
def term(ctx: Any, code: Any, kind: str) -> str:
    """``{{ user.role | term('role') }}``: the name of ``code`` in the page's language."""
    return label(kind, code, _lang(ctx))


@pass_context
def status_word(ctx: Any, text: Any) -> str:
    """A status given as code (``on_track``) or Chinese label (进度正常) in the page's language."""
    if not text:
        return ""
    code = _STATUS_CODES.get(str(text), str(text))
    pair = STATUS_LABELS.get(code)
    return pair[_lang(ctx) == "en"] if pair else str(text)


def when(value: Any) -> str:
    """A timestamp to the minute (``2026-12-06 02:14``), never ISO's ``T``."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else str(value or "")


def _num(value: float) -> str:
    return f"{value:,.6g}"


def goal_text(target: Any, lang: str = "zh") -> str:
    """A target as an official writes it: 不低于30%，2025年 · 下降14.8%，2025年（比2020年） ·
    年均下降3%; English "at least 30 % by 2025", "reduce by 14.8 % by 2025 (vs 2020)". Without a
    value the plan's own qualitative wording."""
    get = target.get if isinstance(target, dict) else (lambda k: getattr(target, k, None))
    value, relation, unit = get("value"), get("relation"), get("unit") or ""
    year, base = get("year"), get("base_year")
    if value is None:
        return str(get("qualitative") or "")
    if (peak := peak_goal(unit, relation, value, lang)) is not None:
        return peak  # 2030年前达峰, not 不高于2,030年
    en = lang == "en"
    word = label("relation", relation, lang) if relation else ""
    if get("annual_rate") and relation in ("reduce_by", "increase_by"):
        word = ("annual average " + word) if en else "年均" + word
    unit_text = label("unit", unit, lang)
    amount = f"{_num(float(value))}{' ' if en and unit_text not in ('%', '') else ''}{unit_text}"
    if en:
        text = f"{word} {amount}".strip() + (f" by {year}" if year else "")
        if base and relation in ("reduce_by", "increase_by"):
            text += f" (vs {base})"
        return text
    text = f"{word}{amount}" + (f"，{year}年" if year else "")
    if base and relation in ("reduce_by", "increase_by"):
        text += f"（比{base}年）"
    return text


@pass_context
def goal(ctx: Any, target: Any) -> str:
    """``{{ target | goal }}``: :func:`goal_text` in the page's language."""
    return goal_text(target, _lang(ctx))


@pass_context
def gap(ctx: Any, text: Any, key: str = "") -> str:
    """A results gap: on Chinese pages the layer's sentence without module names, on English
    pages :data:`GAP_EN` by its key."""
    if _lang(ctx) == "en":
        return GAP_EN.get(key.rstrip("0123456789"), "Not available for this region and year")
    return _MODULE.sub("", str(text or ""))


@pass_context
def unit_word(ctx: Any, unit: Any) -> str:
    """A unit as written in Chinese plans (万千瓦) in the page's language (10⁴ kW)."""
    return label("unit", unit, _lang(ctx)) if unit else ""


_BOOKMARK = re.compile(r"\[bookmark:[^\]]*(?:\]|$)")


def quote(text: Any) -> str:
    """A plan's quoted sentence without the Word bookmark marks a .docx conversion leaves."""
    return _BOOKMARK.sub("", str(text or ""))


def plan_words(text: Any, lang: str) -> list[tuple[str, bool]]:
    """Plan wording (an indicator's name, a department, a qualitative target, a status basis such
    as 基期值 43.4%（2020年）) in ``lang``: on English pages its English from the shared glossary
    and the report sentences (:func:`cocontrol.reports.english.translate`), else the Chinese
    original — as (piece, is_chinese_original) runs."""
    text = "" if text is None else str(text)
    if lang != "en" or not text:
        return [(text, False)]
    from cocontrol.reports.english import split_marked, translate

    return split_marked(translate(text, plan=True))


@pass_context
def plan(ctx: Any, text: Any) -> Markup:
    """``{{ r.indicator | plan }}``: plan wording in the page's language; on English pages a
    name the glossary lacks is shown as the Chinese original, marked ``lang="zh-CN"`` and
    introduced as such ("original: …")."""
    pieces = plan_words(text, _lang(ctx))
    if len(pieces) == 1 and pieces[0][1]:
        return Markup('<span class="orig">original: <q lang="zh-CN">{}</q></span>').format(pieces[0][0])
    return Markup("").join(Markup('<q lang="zh-CN">{}</q>').format(p) if zh else escape(p) for p, zh in pieces)


@pass_context
def plan_plain(ctx: Any, text: Any) -> str:
    """Plan wording as plain text (for ``<option>`` and attributes): English where the glossary
    has it, else the original (the element then carries :func:`plan_lang`)."""
    return "".join(p for p, _ in plan_words(text, _lang(ctx)))


@pass_context
def plan_lang(ctx: Any, text: Any) -> Markup:
    """`` lang="zh-CN"`` for an element whose plan wording stays Chinese on an English page."""
    return Markup(' lang="zh-CN"') if any(zh for _, zh in plan_words(text, _lang(ctx))) else Markup("")


@pass_context
def judgement_word(ctx: Any, text: Any) -> str:
    """A reported 完成情况 (完成/进展正常/存在风险/未完成) in the page's language."""
    from cocontrol.tracking.observations import JUDGEMENT_WORDS, JUDGEMENT_WORDS_EN

    if _lang(ctx) != "en":
        return str(text or "")
    return dict(zip(JUDGEMENT_WORDS, JUDGEMENT_WORDS_EN, strict=True)).get(str(text), str(text or ""))


def install(env: Environment) -> None:
    """Register the filters on the app's Jinja environment."""
    env.filters.update(term=term, status_word=status_word, when=when, goal=goal, gap=gap,
                       unit_word=unit_word, quote=quote, plan=plan, plan_plain=plan_plain, plan_lang=plan_lang,
                       judgement=judgement_word)
    env.globals["lang_switch"] = lang_switch


def lang_switch(request: Any, lang: str) -> str:
    """This page's address in ``lang``, keeping its region, year and other choices."""
    from urllib.parse import urlencode

    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", lang)]
    return f"{request.url.path}?{urlencode(params)}"
