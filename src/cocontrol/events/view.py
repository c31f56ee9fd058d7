"""What the 大型活动 page shows (arranged, not computed)."""

from __future__ import annotations

import re
from typing import Any

from cocontrol.data.names import label
from cocontrol.events.certificate import facts_from_event, refusal
from cocontrol.events.footprint import SOURCES, Footprint
from cocontrol.web.i18n import words


def _num(x: float) -> str:
    """A quantity as people write it: thousands separated, no exponent, ≤ 4 significant
    digits below 100."""
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return f"{x:,.1f}".removesuffix(".0")
    return f"{x:.4g}"


def _event(e: Any) -> dict[str, Any]:
    """One registered event: neutral as the certificate judges it (actual account, retired ≥
    emissions, no problem); events recorded before their stage was kept are judged on totals
    and get no certificate."""
    certified = refusal(facts_from_event(e, [])) is None
    return {"id": e.id, "name": e.name, "region": e.region, "total": e.total_t,
            "retired": e.retired_t, "certified": certified,
            "neutral": certified if e.details else e.retired_t >= e.total_t}


_PROBLEMS_EN = (
    (re.compile(r"^序列号 (?P<serial>\S+) 已于“(?P<event>.+)”注销，不能重复使用$"),
     ("serial {serial} was retired already, for ", "event", "; it cannot be used again")),
    (re.compile(r"^计划阶段：预计排放量；活动结束后按实际排放核算，再注销碳信用判定是否碳中和$"),
     ("plan stage: expected emissions; after the event, account the actual emissions and retire credits "
      "to judge carbon neutrality",)),
    (re.compile(r"^抵消不足：排放 (?P<total>[\d,.]+) 吨，已注销 (?P<retired>[\d,.]+) 吨，尚差 (?P<gap>[\d,.]+) 吨$"),
     ("offsets short: emissions {total} t, retired {retired} t, {gap} t missing",)),
)
"""English of the footprint's problems (:func:`cocontrol.events.footprint.footprint`); ``event``
stands for the event's name, kept as the organiser wrote it."""


def problem_pieces(problem: str, lang: str) -> list[tuple[str, bool]]:
    """A footprint problem as (text, is the organiser's own wording) pieces in ``lang``; a problem
    without an English sentence is kept whole as written."""
    if lang == "zh":
        return [(problem, False)]
    for rx, parts in _PROBLEMS_EN:
        m = rx.match(problem)
        if m:
            return [(m.group("event"), True) if part == "event" else (part.format(**m.groupdict()), False)
                    for part in parts]
    return [(problem, True)]


def page_view(events: list[Any], info: dict | None, fp: Footprint | None, lang: str,
              retired: bool = False) -> dict[str, Any]:
    w = words("events", lang, region="region")
    view: dict[str, Any] = {
        "w": w, "title": w["title"], "retired": retired,
        "events": [_event(e) for e in events],
        "result": None,
    }
    if fp is not None and info is not None:
        view["result"] = {
            "name": info.get("name"), "total": fp.total_t, "half": fp.half_width_t,
            "retired": fp.retired_t, "neutral": fp.neutral,
            "sources": [(label("event_source", k, lang), fp.by_source[k],
                         fp.by_source[k] / fp.total_t * 100 if fp.total_t else 0.0)
                        for k in SOURCES if k in fp.by_source],
            "lines": [{"source": label("event_source", r.source, lang), "item": r.item,
                       "amount": _num(r.amount), "unit": label("unit", r.unit, lang),
                       "factor": _num(r.factor_kg_per_unit),
                       "factor_unit": w["kg_co2e"] + "/" + label("unit", r.factor_unit, lang),
                       "citation": r.citation, "pct": r.rel_half_width * 100, "t": r.t_co2e}
                      for r in fp.lines.itertuples()],
            "credits": [(label("offset_credit", r.credit_type, lang), r.serial,
                         "" if r.vintage is None or str(r.vintage) in ("nan", "None")
                         else str(r.vintage).removesuffix(".0"), r.quantity_t)
                        for r in fp.credits.itertuples()],
            "problems": [problem_pieces(p, lang) for p in fp.problems],
        }
    return view
