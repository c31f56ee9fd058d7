"""大型活动 page: the events registered in the platform, and an organiser's workbook accounted.

``GET /events`` lists the events of the user's regions (emissions, credits retired, neutral).
``POST /events/account`` takes the workbook of ``cocontrol event template``, shows the account by
source, the credits and the problems, and — when asked by a coordinator — records the event and
retires its credits (a serial retired once is refused by any later event).
``POST /events/report`` returns the 碳中和报告 (.docx) of the uploaded workbook.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cocontrol.errors import CocontrolError
from cocontrol.web.deps import Viewer, WebError, db, viewer

router = APIRouter(include_in_schema=False)
Who = Annotated[Viewer, Depends(viewer)]
DB = Annotated[Session, Depends(db)]


def _events(session: Session, who: Viewer) -> list[Any]:
    from cocontrol.store.events import Event

    rows = session.scalars(select(Event).order_by(Event.id.desc())).all()
    return [e for e in rows if who.regions is None or e.region in who.regions]


async def _account(request: Request, upload: UploadFile, session: Session) -> tuple[dict, Any]:
    from cocontrol.events.footprint import footprint
    from cocontrol.events.workbook import read_event
    from cocontrol.store.events import retired_elsewhere
    from cocontrol.web.actions import check_upload
    from cocontrol.web.imports import check_unpacked

    settings = request.app.state.settings
    data = await upload.read()
    name = Path(upload.filename or "event.xlsx").name
    check_upload(name, data, (".xlsx",), settings.max_upload_bytes)
    check_unpacked(name, data, settings.max_unpacked_bytes)

    def work() -> tuple[dict, Any]:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "event.xlsx"
            path.write_bytes(data)
            info, sources, credits = read_event(path)
        serials = [str(s).strip() for s in credits["序列号"].dropna()]
        return info, footprint(info, sources, credits, retired_elsewhere(session, serials))

    try:
        return await run_in_threadpool(work)
    except CocontrolError as exc:
        from cocontrol.messages import texts

        tmp = str(Path(tempfile.gettempdir()))
        raise WebError(422, "invalid", texts(exc).map(lambda t: t.replace(tmp, ""))) from None


@router.get("/events")
async def page(request: Request, who: Who, session: DB) -> Response:
    from cocontrol.events.view import page_view
    from cocontrol.web.i18n import lang_of
    from cocontrol.web.pages import render

    v = page_view(_events(session, who), None, None, lang_of(request))
    return render(request, "events.html", who, page="events", title=v["title"], v=v)


@router.get("/events/template.xlsx")
async def template(who: Who) -> Response:
    """The organiser's workbook (活动, 排放源, 抵消, 说明) with one illustrative event."""
    from cocontrol.events.workbook import write_template

    with tempfile.TemporaryDirectory() as tmp:
        data = write_template(Path(tmp) / "t.xlsx").read_bytes()
    return Response(data, media_type="application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''"
                             "%E5%A4%A7%E5%9E%8B%E6%B4%BB%E5%8A%A8%E5%A1%AB%E6%8A%A5%E8%A1%A8.xlsx"})


@router.post("/events/account")
async def account(request: Request, who: Who, session: DB,
                  file: Annotated[UploadFile, File()],
                  retire: Annotated[str | None, Form()] = None) -> Response:
    from cocontrol.events.view import page_view
    from cocontrol.store.events import retire as record
    from cocontrol.web.i18n import lang_of
    from cocontrol.web.pages import render

    who.need("coordinator", "analyst")
    info, fp = await _account(request, file, session)
    done = None
    if retire:
        who.need("coordinator")
        if not who.sees(str(info.get("city") or "")):
            raise WebError(403, "forbidden", ("活动所在地区不在您的权限范围内", "the event's region is outside your scope"))
        if any("已于" in p for p in fp.problems):
            raise WebError(409, "conflict", ("有碳信用序列号已被注销，本次未注销任何碳信用",
                                              "credit serials retired already; nothing retired"))
        try:
            done = record(session, info=info, footprint=fp, actor=who.name)
            session.commit()
        except CocontrolError as exc:
            from cocontrol.messages import texts

            session.rollback()
            raise WebError(409, "conflict", texts(exc)) from None
    v = page_view(_events(session, who), info, fp, lang_of(request), retired=done is not None)
    return render(request, "events.html", who, page="events", title=v["title"], v=v)


@router.post("/events/report")
async def report(request: Request, who: Who, session: DB,
                 file: Annotated[UploadFile, File()]) -> Response:
    from cocontrol.events.report import neutrality_report
    from cocontrol.reports.write import render as render_report

    who.need("coordinator", "analyst")
    info, fp = await _account(request, file, session)
    data = await run_in_threadpool(render_report, neutrality_report(info, fp), "docx")
    return Response(data, media_type="application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document",
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''"
                             "%E7%A2%B3%E4%B8%AD%E5%92%8C%E6%8A%A5%E5%91%8A.docx"})


CERT_TYPES = {"pdf": ("application/pdf", "pdf"),
              "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       "docx")}


@router.get("/events/{event_id}/certificate")
async def certificate(request: Request, who: Who, session: DB, event_id: int,
                      format: str = "pdf") -> Response:
    """碳中和证明 of a recorded event (PDF or Word); a non-neutral event is refused (409) in one
    line; an event outside the user's regions does not exist for them (404)."""
    from urllib.parse import quote

    from cocontrol.events.certificate import certificate as document
    from cocontrol.events.certificate import facts_from_event, refusal
    from cocontrol.reports.write import render as render_report
    from cocontrol.store.events import certificate_data

    if format not in CERT_TYPES:
        raise WebError(422, "invalid", ("格式应为 pdf 或 docx", "format must be pdf or docx"))
    found = certificate_data(session, event_id)
    if found is None or not who.sees(found[0].region):
        raise WebError(404, "not_found", ("活动不存在或不在您的权限范围内",
                                          "no such event in your regions"))
    facts = facts_from_event(*found)
    why = refusal(facts)
    if why is not None:
        raise WebError(409, "invalid", (why, "the event is not carbon neutral; no certificate"))
    media, suffix = CERT_TYPES[format]
    data = await run_in_threadpool(render_report, document(facts), suffix)
    name = quote(f"{facts.name}碳中和证明.{suffix}")
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})
