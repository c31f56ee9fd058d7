"""蓝碳 page: the city's blue carbon by site and year (marine carbon-sink platform).

Sink activity comes from ``<home>/sinks/*.csv`` (the bureau's own data) or, when there is none,
the demo examples (each row labelled real or illustrative); :func:`cocontrol.sinks.blue.blue_carbon`
computes, the page arranges.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pandas as pd
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from cocontrol.web.deps import Viewer, viewer

router = APIRouter(include_in_schema=False)
Who = Annotated[Viewer, Depends(viewer)]


def sink_activity(home: Path) -> pd.DataFrame:
    """The bureau's sink files, or the demo examples."""
    from cocontrol import demo

    files = sorted((home / "sinks").glob("*.csv"))
    if files:
        return pd.concat([pd.read_csv(f, encoding="utf-8") for f in files], ignore_index=True)
    return demo.sinks()


@router.get("/bluecarbon")
async def page(request: Request, who: Who, region: str | None = None) -> Response:
    from cocontrol.sinks.blue import blue_carbon
    from cocontrol.sinks.view import page_view
    from cocontrol.web.i18n import lang_of
    from cocontrol.web.pages import render

    activity = sink_activity(request.app.state.settings.home)
    table = await run_in_threadpool(blue_carbon, activity)
    table = table[[who.sees(r) for r in table["region"]]] if len(table) else table
    v = page_view(table, region, lang_of(request))
    return render(request, "bluecarbon.html", who, page="bluecarbon", title=v["title"], v=v)
