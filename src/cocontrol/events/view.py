"""What the 大型活动 page shows (arranged, not computed)."""

from __future__ import annotations

from typing import Any

from cocontrol.events.certificate import facts_from_event, refusal
from cocontrol.events.footprint import SOURCES, Footprint

WORDS = {
    "title": ("大型活动碳中和", "Large-event carbon neutrality"),
    "registered": ("已登记的活动", "Registered events"),
    "name": ("活动", "Event"), "region": ("地区", "Region"),
    "total": ("排放量（吨CO2当量）", "Emissions (t CO2e)"),
    "retired": ("已注销（吨CO2当量）", "Retired (t CO2e)"),
    "neutral": ("是否碳中和", "Neutral"), "yes": ("是", "yes"), "no": ("否", "no"),
    "upload": ("核算活动填报表", "Account an event workbook"),
    "file": ("填报表（Excel 工作簿）", "Workbook (Excel)"),
    "template": ("下载填报模板", "Download the template"),
    "retire": ("登记活动并注销碳信用", "Record the event and retire its credits"),
    "account": ("核算", "Account"), "report": ("下载碳中和报告", "Download the neutrality report"),
    "by_source": ("分排放源", "By source"), "source": ("类别", "Source"),
    "credits": ("抵消用碳信用", "Credits"), "serial": ("序列号", "Serial"),
    "quantity": ("数量（吨）", "Quantity (t)"), "problems": ("问题", "Problems"),
    "none": ("尚无登记的活动。", "No event recorded yet."),
    "interval": ("95% 区间", "95 % interval"), "done": ("已登记并注销。", "Recorded and retired."),
    "certificate": ("碳中和证明", "Certificate"), "pdf": ("PDF", "PDF"), "docx": ("Word", "Word"),
}
SOURCES_EN = {"venue_fuel": "Venue fuel", "vehicle_fuel": "Official vehicles",
              "electricity": "Purchased electricity", "heat": "Purchased heat",
              "travel": "Travel", "accommodation": "Accommodation", "catering": "Catering",
              "materials": "Materials", "waste": "Waste"}


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
    i = 0 if lang == "zh" else 1
    w = {k: v[i] for k, v in WORDS.items()}
    names = SOURCES if i == 0 else SOURCES_EN
    view: dict[str, Any] = {
        "w": w, "title": w["title"], "retired": retired,
        "events": [_event(e) for e in events],
        "result": None,
    }
    if fp is not None and info is not None:
        view["result"] = {
            "name": info.get("name"), "total": fp.total_t, "half": fp.half_width_t,
            "retired": fp.retired_t, "neutral": fp.neutral,
            "sources": [(names[k], v, v / fp.total_t * 100 if fp.total_t else 0.0)
                        for k, v in fp.by_source.items()],
            "credits": [(r.serial, r.quantity_t) for r in fp.credits.itertuples()],
            "problems": fp.problems,
        }
    return view
