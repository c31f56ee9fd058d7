"""蓝碳 page: the city's blue carbon by site and year (marine carbon-sink platform).

Sink activity comes from ``<home>/sinks/*.csv`` (the bureau's own data) or, when there is none,
the demo examples (each row labelled real or illustrative), with the restoration projects stored
in the platform in place of file rows of the same site; :func:`cocontrol.sinks.blue.blue_carbon`
and :func:`cocontrol.sinks.restoration.assess` compute, the page arranges.

``POST /bluecarbon/projects`` (coordinators) stores a restoration-project workbook of
``cocontrol sinks template``: all or nothing, every problem named by sheet, row and column,
each row added audited; the project's 城市 must be in the user's scope.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cocontrol.errors import CocontrolError, InputError, ValidationFailed
from cocontrol.web.deps import Viewer, WebError, db, viewer

router = APIRouter(include_in_schema=False)
Who = Annotated[Viewer, Depends(viewer)]
DB = Annotated[Session, Depends(db)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _page(request: Request, who: Viewer, session: Session, region: str | None,
          message: str = "") -> Response:
    from cocontrol.sinks.blue import blue_carbon, sink_activity
    from cocontrol.sinks.view import page_view, projects_view
    from cocontrol.store.restoration import stored_projects
    from cocontrol.web.i18n import lang_of
    from cocontrol.web.pages import render
    from cocontrol.web.views import default_year

    projects = [p for p in stored_projects(session) if who.sees(p.region)]
    activity = sink_activity(request.app.state.settings.home, projects)
    table = blue_carbon(activity)
    table = table[[who.sees(r) for r in table["region"]]] if len(table) else table
    v = page_view(table, region, lang_of(request))
    v["projects"] = projects_view([p for p in projects if p.region == v["region"]], v["lang"])
    v["message"] = message
    if v["region"]:
        year = default_year(session, None, request.app.state.settings.year)
        v["net"] = _net(request, session, activity, v["region"], year, v["lang"])
    return render(request, "bluecarbon.html", who, page="bluecarbon", title=v["title"], v=v)


def _net(request: Request, session: Session, activity, region: str, year: int, lang: str,
         only: int | None = None) -> str:
    """The sentence of figure ``net_co2`` (direct CO2 − all removals) of ``region`` for the
    latest year ≤ ``year`` with both (``only``: that year alone), from the results of ``year``
    every other page shows (figures co2, sinks); "" without."""
    from cocontrol.figures.emissions import co2_by_year
    from cocontrol.sinks.blue import net_co2_by_year, removals_by_year
    from cocontrol.sinks.view import net_text

    res = request.app.state.cache.results(session, region, year)
    total, _ = removals_by_year(activity, region)
    net = {y: n for y, n in net_co2_by_year(co2_by_year(res.emissions), total).items()
           if (y == only if only is not None else y <= year)}
    return net_text((max(net), total[max(net)], net[max(net)]) if net else None, lang)


def net_of_inventory(request: Request, session: Session, who: Viewer, region: str, year: int,
                     lang: str) -> str:
    """The net-emissions sentence of the 清单浏览 page (the inventory's year, blue carbon and
    forests included; the restoration projects of the platform in place of file rows)."""
    from cocontrol.sinks.blue import sink_activity
    from cocontrol.store.db import home as default_home
    from cocontrol.store.restoration import stored_projects
    from cocontrol.web.views import default_year

    home = request.app.state.settings.home
    folder = Path(home or default_home()) / "sinks"
    files = tuple(sorted((f.name, f.stat().st_mtime_ns) for f in folder.glob("*.csv")))
    scope = tuple(sorted(who.regions)) if who.regions is not None else None

    def build() -> str:
        projects = [p for p in stored_projects(session) if who.sees(p.region)]
        activity = sink_activity(home, projects)
        # the results the inventory page itself reads (of the default year), its year picked
        latest = default_year(session, None, request.app.state.settings.year)
        return _net(request, session, activity, region, latest, lang, only=year)

    # memoised per data generation (a stored project bumps it) and the sink files' times
    return request.app.state.cache.view(session, ("inventory-net", region, year, lang, scope, files),
                                        build)


@router.get("/bluecarbon")
async def page(request: Request, who: Who, session: DB, region: str | None = None) -> Response:
    return await run_in_threadpool(_page, request, who, session, region)


@router.get("/bluecarbon/template.xlsx")
async def template(who: Who) -> Response:
    """The restoration-project workbook (项目, 监测) with 威海's plan figures, surveys 示例."""
    from cocontrol.sinks.project import write_template

    with tempfile.TemporaryDirectory() as tmp:
        data = write_template(Path(tmp) / "t.xlsx").read_bytes()
    return Response(data, media_type=XLSX, headers={
        "Content-Disposition": "attachment; filename*=UTF-8''"
        "%E4%BF%AE%E5%A4%8D%E9%A1%B9%E7%9B%AE%E8%A1%A8.xlsx"})


@router.post("/bluecarbon/projects")
async def store(request: Request, who: Who, session: DB,
                file: Annotated[UploadFile, File()]) -> Response:
    from cocontrol.sinks.project import read_stored
    from cocontrol.sinks.view import problem_text
    from cocontrol.store.restoration import store_project
    from cocontrol.web.actions import check_upload
    from cocontrol.web.i18n import MESSAGES, lang_of
    from cocontrol.web.imports import check_unpacked
    from cocontrol.web.services import bump

    who.need("coordinator")
    settings = request.app.state.settings
    lang = lang_of(request)
    data = await file.read()
    name = Path(file.filename or "project.xlsx").name
    check_upload(name, data, (".xlsx",), settings.max_upload_bytes)
    check_unpacked(name, data, settings.max_unpacked_bytes)

    def refused(problems: list) -> WebError:
        return WebError(422, "invalid", "；".join(problem_text(p, lang, name) for p in problems[:20]))

    def work():  # type: ignore[no-untyped-def]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "project.xlsx"
            path.write_bytes(data)
            return read_stored(path)

    try:
        sp = await run_in_threadpool(work)
    except ValidationFailed as exc:
        raise refused(list(exc.problems)) from None
    except InputError as exc:
        raise refused([exc.problem]) from None
    except CocontrolError as exc:
        from cocontrol.messages import texts

        tmp = str(Path(tempfile.gettempdir()))
        raise WebError(422, "invalid", texts(exc).map(lambda t: t.replace(tmp, ""))) from None
    if not who.sees(sp.region):
        raise WebError(403, "forbidden", ("项目所属城市不在您的权限范围内", "the project's city is outside your scope"))
    try:
        row, added = store_project(session, sp, actor=who.name)
        bump(session)
        session.commit()
    except InputError as exc:
        session.rollback()
        raise WebError(409, "conflict", problem_text(exc.problem, lang, name)) from None
    except IntegrityError:  # the same project or survey stored at the same moment by another
        session.rollback()
        raise WebError(409, "conflict", ("同一项目正被他人同时登记，请刷新后重试",
                                         "the same project was being stored concurrently; retry")) from None
    message = MESSAGES["bluecarbon.stored"][lang != "zh"].format(name=row.name, n=added)
    return await run_in_threadpool(_page, request, who, session, row.region, message)
