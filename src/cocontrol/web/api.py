"""JSON API (``/api``): everything the pages show, and every change they make."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cocontrol.plans.model import PlanDocument
from cocontrol.store import models as m
from cocontrol.web import actions, imports, reports, views
from cocontrol.web.auth import mark_signed_in, mark_signed_out, sign_in, sign_out
from cocontrol.web.body import Body
from cocontrol.web.deps import Viewer, db, viewer
from cocontrol.web.errors import error_responses
from cocontrol.web.i18n import lang_of
from cocontrol.web.services import REFRESH, generation, refresh_state
from cocontrol.web.work import run_bounded

router = APIRouter(prefix="/api", responses=error_responses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503))
DB = Annotated[Session, Depends(db)]
Who = Annotated[Viewer, Depends(viewer)]
MAX_ID = 2**31 - 1
"""Row ids are 32-bit on every supported database; larger ids are refused at the edge (422)."""
RowId = Annotated[int, PathParam(ge=1, le=MAX_ID)]
OptId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
YearQ = Annotated[int | None, Query(ge=2000, le=2100, description="evaluation year (2000 to this year)")]


class Login(Body):
    username: str = Field(max_length=100)
    password: str = Field(max_length=200)


@router.post("/auth/login", tags=["auth"])
def login(body: Login, request: Request, response: Response, session: DB) -> dict[str, Any]:
    """Sign in; sets the session cookie. Returns the CSRF token to send as ``X-CSRF-Token``."""
    user = sign_in(request, session, body.username, body.password)
    mark_signed_in(response, request.app.state.settings.secure_cookies)
    return {"username": user.username, "role": user.role, "csrf_token": request.session["csrf"]}


@router.post("/auth/logout", tags=["auth"])
def logout(request: Request, response: Response, session: DB, who: Who) -> dict[str, str]:
    """Sign out: ends every session of this user (copies of the cookie included)."""
    sign_out(request, session)
    mark_signed_out(response)
    return {"status": "signed out"}


@router.get("/auth/me", tags=["auth"])
def me(request: Request, who: Who) -> dict[str, Any]:
    u = who.user
    return {"username": u.username, "role": u.role, "department_id": u.department_id,
            "region_id": u.region_id, "regions": sorted(who.regions) if who.regions is not None else None,
            "csrf_token": request.session.get("csrf")}


def _ctx(request: Request) -> tuple[Any, Any]:
    return request.app.state.cache, request.app.state.settings


class Computing(Body):
    """202: nothing computed yet for what was asked; ``refresh`` is the progress of each job."""

    detail: str
    refresh: list[dict[str, Any]]


COMPUTING = {202: {"model": Computing, "description": "results not computed yet (retry, or use wait)"}}

WAIT = Query(0, ge=0, le=600, description="seconds to wait for results up to date with the data "
             "(0: answer at once with the last complete results)")


def _answer(request: Request, session: Session, build: Callable[[], Any], wait: float = 0,
            need_results: bool = True) -> Response:
    """Answer with ``build()``. Results older than the data: header ``X-Cocontrol-Refresh``
    (``pending`` / ``running`` / ``failed``; progress at ``/api/refresh``); with ``wait`` the
    request waits up to that many seconds for them first. Nothing computed yet and the answer
    is mostly computed results (``need_results``): 202 with the progress."""
    value = build()
    states = refresh_state(session)
    if states and wait > 0:
        keys = [(p.region, p.year) for p in states]
        request.app.state.refresher.wait(keys, generation(session), wait)
        session.info.pop(REFRESH, None)
        value, states = build(), refresh_state(session)
    if need_results and any(p.shown is None for p in states):
        return JSONResponse({"detail": "正在计算，请稍后再试 / computing, try again shortly",
                             "refresh": [p.as_dict() for p in states]},
                            status_code=202, headers={"Retry-After": "2"})
    headers = {}
    if states:
        headers["X-Cocontrol-Refresh"] = ("failed" if any(p.state == "failed" for p in states) else
                                          "pending" if any(p.shown is None for p in states) else "running")
    if isinstance(value, bytes):
        return Response(value, media_type="application/json", headers=headers)
    return JSONResponse(jsonable_encoder(value), headers=headers)


@router.get("/regions", tags=["data"])
def regions(session: DB, who: Who) -> list[dict[str, Any]]:
    return views.visible_regions(session, who)


def overview_json(app: Any, session: Session, who: Viewer, region: str | None, year: int | None, lang: str,
                  *, peek: bool = False) -> bytes | None:
    """The overview as JSON bytes, memoised per data generation; None when ``peek`` misses."""
    cache = app.state.cache
    key, view = views.overview(session, cache, who, region, year, app.state.settings.year, lang, peek=peek)
    if view is None:
        return None
    return cache.view(session, (*key, "json"), lambda: json.dumps(
        jsonable_encoder(view), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


@router.get("/overview", tags=["data"], response_model=dict[str, Any], responses=COMPUTING)
async def overview(request: Request, session: DB, who: Who, region: str | None = None,
                   year: YearQ = None, wait: float = WAIT) -> Response:
    """City overview: targets by domain with status, trends, sector breakdown, cities below."""
    lang = lang_of(request)
    # memoised: answered on the event loop; otherwise built in a worker thread
    if not wait:
        body = overview_json(request.app, session, who, region, year, lang, peek=True)
        if body is not None:
            return _answer(request, session, lambda: body)
    return await run_in_threadpool(
        _answer, request, session, lambda: overview_json(request.app, session, who, region, year, lang), wait)


@router.get("/targets/{target_id}", tags=["data"])
def target(request: Request, target_id: RowId, session: DB, who: Who, year: YearQ = None,
           wait: float = WAIT) -> Response:
    cache, settings = _ctx(request)
    y = views.default_year(session, year, settings.year)
    return _answer(request, session, lambda: views.target_detail(session, cache, who, target_id, y, lang_of(request)),
                   wait, need_results=False)


class TargetEdit(Body):
    version_id: int = Field(ge=1, le=MAX_ID)
    changes: dict[str, Any]


@router.put("/targets/{target_id}", tags=["changes"])
def edit_target(target_id: RowId, body: TargetEdit, session: DB, who: Who) -> dict[str, Any]:
    """Edit a target (coordinator/admin). A stale ``version_id`` → 409 with the current row."""
    t = actions.update_target(session, who, target_id, body.changes, body.version_id)
    return {"id": t.id, "version_id": t.version_id}


class TaskEdit(Body):
    version_id: int = Field(ge=1, le=MAX_ID)
    progress: int | None = Field(None, ge=0, le=100)
    status_note: str | None = Field(None, max_length=5000)


@router.put("/tasks/{task_id}", tags=["changes"])
def edit_task(task_id: RowId, body: TaskEdit, session: DB, who: Who) -> dict[str, Any]:
    k = actions.update_task(session, who, task_id, body.progress, body.status_note, body.version_id)
    return {"id": k.id, "version_id": k.version_id, "progress": k.progress}


@router.get("/departments/{dept_id}", tags=["data"])
def department(request: Request, dept_id: RowId, session: DB, who: Who, year: YearQ = None,
               wait: float = WAIT) -> Response:
    cache, settings = _ctx(request)
    y = views.default_year(session, year, settings.year)
    return _answer(request, session, lambda: views.department(session, cache, who, dept_id, y), wait,
                   need_results=False)


@router.get("/submissions", tags=["data"])
def submissions(session: DB, who: Who, target_id: OptId = None, task_id: OptId = None) -> list[dict[str, Any]]:
    """Submissions the user may see (scope of their target's or task's plan)."""
    q = select(m.Submission).order_by(m.Submission.id)
    if target_id is not None:
        q = q.where(m.Submission.target_id == target_id)
    if task_id is not None:
        q = q.where(m.Submission.task_id == task_id)
    return [views.submission_dict(s) for s in views.visible_submissions(session, who, session.scalars(q))]


async def read_upload(request: Request, upload: UploadFile | None) -> tuple[str, bytes] | None:
    if upload is None or not upload.filename:
        return None
    limit = request.app.state.settings.max_upload_bytes
    data = await upload.read(limit + 1)
    return upload.filename, data


@router.post("/submissions", tags=["changes"], status_code=201)
async def submit(
    request: Request, session: DB, who: Who,
    period: Annotated[int, Form(ge=1949, le=2100)],
    target_id: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
    task_id: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
    value: Annotated[float | None, Form(allow_inf_nan=False)] = None,
    unit: Annotated[str | None, Form(max_length=60)] = None,
    judgement: Annotated[str | None, Form(max_length=20, description="完成/进展正常/存在风险/未完成 "
                                          "(a qualitative target's judgement, instead of a value)")] = None,
    progress: Annotated[int | None, Form(ge=0, le=100)] = None,
    note: Annotated[str, Form(max_length=5000)] = "",
    evidence: Annotated[UploadFile | None, File()] = None,
) -> JSONResponse:
    """Report an indicator value or task progress with an evidence file (multipart form)."""
    settings = request.app.state.settings
    file = await read_upload(request, evidence)
    sub = actions.create_submission(
        session, who, evidence_dir=settings.evidence_dir, limit=settings.max_upload_bytes,
        target_id=target_id, task_id=task_id, period=period, value=value, unit=unit,
        progress=progress, note=note, evidence=file, judgement=judgement or None)
    return JSONResponse(views.submission_dict(sub), status_code=201)


class Withdraw(Body):
    version_id: int | None = Field(None, ge=1, le=MAX_ID)


@router.post("/submissions/{submission_id}/withdraw", tags=["changes"])
def withdraw(submission_id: RowId, session: DB, who: Who, body: Withdraw | None = None) -> dict[str, Any]:
    """Withdraw a submission (kept, flagged ``withdrawn``; never deleted)."""
    sub = actions.withdraw_submission(session, who, submission_id, body.version_id if body else None)
    return views.submission_dict(sub)


@router.get("/plans", tags=["data"])
def plans(session: DB, who: Who) -> list[dict[str, Any]]:
    rows = session.scalars(select(m.Plan).order_by(m.Plan.slug, m.Plan.version)).all()
    return [{"id": p.id, "slug": p.slug, "version": p.version, "title": p.title, "region": p.region,
             "targets": len(p.targets), "tasks": len(p.tasks), "created_by": p.created_by}
            for p in rows if who.sees(p.region)]


@router.post("/plans/extract", tags=["changes"])
async def extract(request: Request, who: Who, document: Annotated[UploadFile, File()]) -> dict[str, Any]:
    """Read an uploaded plan (txt/md/docx/pdf/yaml/json) into targets and tasks for review."""
    who.need("coordinator")
    file = await read_upload(request, document)
    settings = request.app.state.settings
    doc = await run_bounded(request.app, imports.extract, file, settings.max_upload_bytes,
                            settings.max_unpacked_bytes)
    return doc.model_dump(mode="json")


@router.post("/plans", tags=["changes"], status_code=201)
def store(doc: PlanDocument, session: DB, who: Who) -> JSONResponse:
    """Store a reviewed plan; a changed plan with the same id becomes a new version. A plan id
    belongs to the region that first stored it: another region's id is refused (403/409)."""
    pid = actions.import_plan(session, who, doc)
    return JSONResponse({"id": pid}, status_code=201)


@router.get("/inventory", tags=["data"], responses=COMPUTING)
def inventory(request: Request, session: DB, who: Who, region: str | None = None, year: YearQ = None,
              by: Annotated[list[str] | None, Query()] = None, wait: float = WAIT) -> Response:
    """Inventory sums (t) grouped by ``by`` (sector, fuel, species, scope, year). Without
    ``by=scope`` the sums are direct emissions (scope 1), the scope of the published CO2 figure;
    with it every scope has its own rows."""
    cache, settings = _ctx(request)
    return _answer(request, session, lambda: views.inventory(
        session, cache, who, region, year, by or ["sector", "fuel", "species"], settings.year), wait)


@router.get("/synergy", tags=["data"], responses=COMPUTING)
def synergy(request: Request, session: DB, who: Who, region: str | None = None, year: YearQ = None,
            wait: float = WAIT) -> Response:
    cache, settings = _ctx(request)

    def build() -> dict[str, Any]:
        view = views.synergy(session, cache, who, region, year, settings.year, lang_of(request))
        view.pop("chart", None)
        view["peers"].pop("chart", None)
        return view

    return _answer(request, session, build, wait)


@router.get("/reports/{kind}", tags=["data"], responses={200: {"content": {
    reports.MEDIA[f].split(";")[0]: {} for f in reports.MEDIA}, "description": "the report file"}})
def report(request: Request, kind: str, session: DB, who: Who, region: str | None = None,
           year: YearQ = None, format: str = "docx") -> Response:
    """Download the annual evaluation report or the dispatch table (docx/xlsx/html/pdf)."""
    settings = request.app.state.settings
    region = views.default_region(session, who, region)
    y = views.default_year(session, year, settings.year)
    return reports.download(session, kind, region, y, format, lang_of(request), home=settings.home)


class UserIn(Body):
    """A change of a user (every field optional; a password follows the password rules)."""

    username: str | None = Field(None, max_length=100)
    password: str | None = Field(None, max_length=200)
    role: str | None = None
    department_id: int | None = Field(None, ge=1, le=MAX_ID)
    region_id: int | None = Field(None, ge=1, le=MAX_ID)
    active: bool | None = None
    version_id: int | None = Field(None, ge=1, le=MAX_ID)


class UserNew(UserIn):
    """A new user: name and password required (the password rules of
    :mod:`cocontrol.web.passwords`: 10+ characters, not common, not the user name)."""

    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)


def _user(u: m.User) -> dict[str, Any]:
    return {"id": u.id, "username": u.username, "role": u.role, "department_id": u.department_id,
            "region_id": u.region_id, "active": u.active, "version_id": u.version_id}


@router.get("/admin/users", tags=["admin"])
def users(session: DB, who: Who) -> list[dict[str, Any]]:
    who.need()
    return [_user(u) for u in session.scalars(select(m.User).order_by(m.User.id))]


@router.post("/admin/users", tags=["admin"], status_code=201)
def create_user(body: UserNew, session: DB, who: Who) -> JSONResponse:
    return JSONResponse(_user(actions.save_user(session, who, None, body.model_dump(exclude_unset=True))), 201)


@router.put("/admin/users/{user_id}", tags=["admin"])
def update_user(user_id: RowId, body: UserIn, session: DB, who: Who) -> dict[str, Any]:
    return _user(actions.save_user(session, who, user_id, body.model_dump(exclude_unset=True)))


class DepartmentIn(Body):
    name: str | None = Field(None, max_length=200)
    aliases: list[str] | None = Field(None, max_length=50)
    region_id: int | None = Field(None, ge=1, le=MAX_ID)


class DepartmentNew(DepartmentIn):
    name: str = Field(min_length=1, max_length=200)


@router.post("/admin/departments", tags=["admin"], status_code=201)
def create_department(body: DepartmentNew, session: DB, who: Who) -> JSONResponse:
    d = actions.save_department(session, who, None, body.model_dump(exclude_unset=True))
    return JSONResponse({"id": d.id, "name": d.name, "aliases": d.aliases}, 201)


@router.put("/admin/departments/{dept_id}", tags=["admin"])
def update_department(dept_id: RowId, body: DepartmentIn, session: DB, who: Who) -> dict[str, Any]:
    d = actions.save_department(session, who, dept_id, body.model_dump(exclude_unset=True))
    return {"id": d.id, "name": d.name, "aliases": d.aliases}


class RegionIn(Body):
    """A new region; ``parent`` must name an existing region."""

    name: str = Field(min_length=1, max_length=100)
    parent: str | None = Field(None, max_length=100)
    level: str | None = Field(None, max_length=20)


@router.post("/admin/regions", tags=["admin"], status_code=201)
def create_region(body: RegionIn, session: DB, who: Who) -> JSONResponse:
    r = actions.save_region(session, who, body.model_dump())
    return JSONResponse({"id": r.id, "name": r.name, "level": r.level}, 201)


@router.get("/admin/audit", tags=["admin"])
def audit(session: DB, who: Who, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict[str, Any]]:
    """The newest audit rows (1–1000)."""
    who.need()
    rows = session.scalars(select(m.AuditLog).order_by(m.AuditLog.id.desc()).limit(limit))
    return [{"id": a.id, "actor": a.actor, "at": a.at.isoformat(timespec="seconds"), "action": a.action,
             "table": a.table_name, "row_id": a.row_id, "before": a.before, "after": a.after} for a in rows]
