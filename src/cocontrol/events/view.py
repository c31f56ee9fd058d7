"""What the 大型活动 page shows (arranged, not computed)."""

from __future__ import annotations

from typing import Any

from cocontrol.data.names import label
from cocontrol.events.certificate import facts_from_event, refusal
from cocontrol.events.footprint import Footprint
from cocontrol.web.i18n import words


def _event(e: Any) -> dict[str, Any]:
    """One registered event: neutral as the certificate judges it (actual account, retired ≥
    emissions, no problem); events recorded before their stage was kept are judged on totals
    and get no certificate."""
    certified = refusal(facts_from_event(e, [])) is None
    return {"id": e.id, "name": e.name, "region": e.region, "total": e.total_t,
            "retired": e.retired_t, "certified": certified,
            "neutral": certified if e.details else e.retired_t >= e.total_t}


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
            "sources": [(label("event_source", k, lang), v, v / fp.total_t * 100 if fp.total_t else 0.0)
                        for k, v in fp.by_source.items()],
            "credits": [(r.serial, r.quantity_t) for r in fp.credits.itertuples()],
            "problems": fp.problems,
        }
    return view
