"""The 正在重新计算 banner and its status endpoints (重新计算进度).

Pages that used results older than the data show a banner (``partials/refresh.html``) with a
progress bar and the current step; htmx polls ``GET /refresh`` once a second, which answers
with the updated banner, or with ``HX-Refresh: true`` (the page reloads with the new results)
once every (region, year) is up to date. ``GET /api/refresh`` gives the same as JSON. Both need
a signed-in user and refuse regions outside the user's scope (404, as elsewhere); they change
no data, so they write no audit row.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from cocontrol.web import views
from cocontrol.web.deps import Viewer, WebError, db, viewer
from cocontrol.web.errors import error_responses
from cocontrol.web.i18n import lang_of, translator
from cocontrol.web.peers import PEERS
from cocontrol.web.refresh import Key, Progress
from cocontrol.web.services import generation, refresh_state

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["data"], responses=error_responses(400, 401, 403, 404, 422))
DB = Annotated[Session, Depends(db)]
Who = Annotated[Viewer, Depends(viewer)]


def banner(states: list[Progress]) -> dict[str, Any] | None:
    """What the banner shows for the results a request used that are not up to date."""
    if not states:
        return None
    states = sorted(states, key=lambda p: (p.region, p.year))
    active = [p for p in states if p.state not in ("done", "failed")]
    current = next((p for p in active if p.state == "running"), active[0] if active else None)
    return {
        "query": urlencode([("k", f"{p.region}:{p.year}") for p in states]),
        "pending": any(p.shown is None for p in states),
        "polling": bool(active),
        "failed": [p for p in states if p.state == "failed"],
        "fraction": sum(p.fraction for p in states) / len(states),
        "done": sum(p.state == "done" for p in states),
        "total": len(states),
        "current": current,
        "generation": states[0].generation,
    }


def page_banner(session: Session) -> dict[str, Any] | None:
    """The banner of the current request (None when every result it used is up to date)."""
    return banner(refresh_state(session))


def _keys(session: Session, who: Viewer, raw: list[str], configured: int | None = None) -> list[Key]:
    keys = []
    for item in raw[:100]:
        region, _, year = item.rpartition(":")
        if not region or not year.isdigit():
            raise WebError(422, "invalid", f"k={item!r}: expected region:year")
        if region != PEERS:  # the peer evaluation is shared by every user (pages filter it)
            views.default_region(session, who, region)  # 404 outside the user's scope
        keys.append((region, views.check_year(int(year[:5]), configured)))
    if not keys:
        raise WebError(422, "invalid", "give at least one k=region:year")
    return keys


def _fragment(request: Request, states: list[Progress]) -> Response:
    found = banner([p for p in states if p.state != "done"])
    if found is None:  # everything up to date: htmx reloads the page with the new results
        return Response("", headers={"HX-Refresh": "true"})
    lang = lang_of(request)
    return request.app.state.templates.TemplateResponse(
        request, "partials/refresh.html", {"t": translator(lang), "lang": lang, "refresh": found})


@router.get("/refresh")
def refresh_status(request: Request, session: DB, who: Who,
                   k: Annotated[list[str], Query(max_length=200)] = []) -> Response:  # noqa: B006
    """The banner, updated (polled by htmx), or ``HX-Refresh`` when everything is up to date."""
    refresher, gen = request.app.state.refresher, generation(session)
    return _fragment(request, [refresher.ensure(key, gen) for key in _keys(session, who, k, request.app.state.settings.year)])


@router.post("/refresh/retry")
def refresh_retry(request: Request, session: DB, who: Who,
                  k: Annotated[list[str], Query(max_length=200)] = []) -> Response:  # noqa: B006
    """Try a failed computation again (no data changes, so no audit row)."""
    refresher, gen = request.app.state.refresher, generation(session)
    return _fragment(request, [refresher.retry(key, gen) for key in _keys(session, who, k, request.app.state.settings.year)])


@api_router.get("/refresh")
def refresh_json(request: Request, session: DB, who: Who, region: str | None = None,
                 year: Annotated[int | None, Query(ge=2000, le=2100)] = None) -> dict[str, Any]:
    """Whether a region's results are up to date: ``state`` done / queued / running / waiting
    / failed, the step, ``fraction`` done, the data ``generation`` and the one ``shown``."""
    region = views.default_region(session, who, region)
    year = views.default_year(session, year, request.app.state.settings.year)
    return request.app.state.refresher.ensure((region, year), generation(session)).as_dict()
