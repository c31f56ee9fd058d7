"""蓝碳 page: the city's blue carbon by site and year (marine carbon-sink platform).

Sink activity comes from ``<home>/sinks/*.csv`` (the bureau's own data) or, when there is none,
the demo examples (each row labelled real or illustrative); :func:`cocontrol.sinks.blue.blue_carbon`
computes, the page arranges.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cocontrol.web.deps import Viewer, db, viewer

router = APIRouter(include_in_schema=False)
Who = Annotated[Viewer, Depends(viewer)]
DB = Annotated[Session, Depends(db)]


@router.get("/bluecarbon")
async def page(request: Request, who: Who, session: DB, region: str | None = None) -> Response:
    from cocontrol.figures.emissions import co2_by_year
    from cocontrol.sinks.blue import blue_carbon, net_co2_by_year, removals_by_year, sink_activity
    from cocontrol.sinks.view import net_text, page_view
    from cocontrol.web.i18n import lang_of
    from cocontrol.web.pages import render
    from cocontrol.web.views import default_year

    activity = sink_activity(request.app.state.settings.home)
    table = await run_in_threadpool(blue_carbon, activity)
    table = table[[who.sees(r) for r in table["region"]]] if len(table) else table
    v = page_view(table, region, lang_of(request))
    if v["region"]:
        # the net figure from the same results every other page shows (figure co2, sinks)
        year = default_year(session, None, request.app.state.settings.year)
        res = request.app.state.cache.results(session, v["region"], year)
        total, _ = removals_by_year(activity, v["region"])
        net = {y: n for y, n in net_co2_by_year(co2_by_year(res.emissions), total).items()
               if y <= year}
        v["net"] = net_text((max(net), total[max(net)], net[max(net)]) if net else None,
                            v["lang"])
    return render(request, "bluecarbon.html", who, page="bluecarbon", title=v["title"], v=v)
