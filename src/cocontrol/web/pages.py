"""Server-rendered pages (Jinja2 + htmx). Every change goes through :mod:`cocontrol.web.actions`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cocontrol.messages import Texts
from cocontrol.plans.model import DOMAIN_LABELS
from cocontrol.store import models as m
from cocontrol.web import actions, imports, reports, views
from cocontrol.web.api import MAX_ID, YearQ, read_upload
from cocontrol.web.auth import ensure_csrf, mark_signed_in, mark_signed_out, sign_in, sign_out
from cocontrol.web.deps import Viewer, WebError, db, optional_viewer, viewer
from cocontrol.web.i18n import lang_of, translator
from cocontrol.web.progress import page_banner
from cocontrol.web.work import run_bounded

router = APIRouter(include_in_schema=False)
DB = Annotated[Session, Depends(db)]
Who = Annotated[Viewer, Depends(viewer)]


def render(request: Request, name: str, who: Viewer | None, status: int = 200, **ctx: Any) -> HTMLResponse:
    lang = lang_of(request)
    response = request.app.state.templates.TemplateResponse(
        request, name,
        {"t": translator(lang), "lang": lang, "user": who.user if who else None,
         "csrf": ensure_csrf(request), "domain_labels": DOMAIN_LABELS, **ctx},
        status_code=status,
    )
    if request.query_params.get("lang") in ("zh", "en"):
        response.set_cookie("lang", request.query_params["lang"], max_age=365 * 86400, samesite="lax")
    return response


def results_page(request: Request, session: Session, who: Viewer, name: str, title: str, *,
                 wait_first: bool = True, **ctx: Any) -> HTMLResponse:
    """A page built from computed results, with the 正在重新计算 banner when some are not up
    to date; while nothing has been computed yet (``wait_first``) the progress instead of empty
    panels."""
    found = page_banner(session)
    if found and found["pending"] and wait_first:
        return render(request, "computing.html", who, refresh=found, computing=True, title=title,
                      page=ctx.get("page"))
    return render(request, name, who, refresh=found, title=title, **ctx)


def _year(request: Request, session: Session, year: int | None) -> int:
    return views.default_year(session, year, request.app.state.settings.year)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/overview", status_code=303)


@router.get("/login")
def login_page(request: Request, found: Annotated[Viewer | None, Depends(optional_viewer)], msg: str | None = None) -> Response:
    t = translator(lang_of(request))
    return render(request, "login.html", found, message=t(msg) if msg else None)


@router.post("/login")
def login_form(request: Request, session: DB, username: Annotated[str, Form(max_length=100)],
               password: Annotated[str, Form(max_length=200)]) -> Response:
    try:
        user = sign_in(request, session, username, password)
    except WebError as exc:
        t = translator(lang_of(request))
        return render(request, "login.html", None, status=exc.status, message=t(exc.key), username=username)
    response = RedirectResponse("/enterprises" if user.role == "enterprise" else "/overview", status_code=303)
    mark_signed_in(response, request.app.state.settings.secure_cookies)
    return response


@router.post("/logout")
def logout(request: Request, session: DB) -> RedirectResponse:
    sign_out(request, session)
    response = RedirectResponse("/login", status_code=303)
    mark_signed_out(response)
    return response


def overview_body(app: Any, session: Session, who: Viewer, region: str | None, year: int | None, lang: str,
                  *, peek: bool = False) -> tuple[str, str] | None:
    """(region, rendered overview body), memoised per data generation; None when ``peek`` misses."""
    cache = app.state.cache
    key, view = views.overview(session, cache, who, region, year, app.state.settings.year, lang, peek=peek)
    if view is None:
        return None
    return view["region"], cache.view(session, (*key, "html"), lambda: app.state.templates.get_template(
        "partials/overview_body.html").render(t=translator(lang), lang=lang, v=view))


@router.get("/overview")
async def overview(request: Request, session: DB, who: Who, region: str | None = None,
                   year: YearQ = None) -> Response:
    lang = lang_of(request)
    # cached: rendered on the event loop; otherwise computed in a worker thread
    title, body = (overview_body(request.app, session, who, region, year, lang, peek=True)
                   or await run_in_threadpool(overview_body, request.app, session, who, region, year, lang))
    return results_page(request, session, who, "overview.html", title, body=Markup(body), page="overview")


@router.get("/targets/{target_id}")
def target(request: Request, target_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], session: DB, who: Who,
           year: YearQ = None) -> Response:
    view = views.target_detail(session, request.app.state.cache, who, target_id, _year(request, session, year), lang_of(request))
    return results_page(request, session, who, "target.html", view["target"]["indicator"], wait_first=False,
                        v=view, page="overview")


def not_a_number(field: str, raw: str) -> Texts:
    """“数值”：“abc”不是数字 / Value: 'abc' is not a number (the field by its label)."""
    from cocontrol.web.fields import label

    return Texts((f"“{label(field, 'zh')}”：“{raw}”不是数字", f"{label(field, 'en')}: {raw!r} is not a number"))


@router.post("/targets/{target_id}")
async def target_edit(request: Request, target_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], session: DB,
                      who: Who) -> Response:
    form = await request.form()
    changes: dict[str, Any] = {}
    for field in ("indicator", "unit", "binding", "qualitative"):
        if field in form:
            changes[field] = str(form[field]).strip() or None
    for field, cast in (("value", float), ("year", int)):
        raw = str(form.get(field, "")).strip()
        if field in form:
            try:
                changes[field] = cast(raw) if raw else None
            except ValueError as exc:
                raise WebError(422, "invalid", not_a_number(field, raw)) from exc
    if changes.get("indicator") is None:
        changes.pop("indicator", None)
    t = actions.update_target(session, who, target_id, changes, _form_id(form.get("version_id"), "version_id"))
    tr = translator(lang_of(request))
    version = f"（第 {t.version_id} 版）" if lang_of(request) == "zh" else f" (version {t.version_id})"
    return render(request, "partials/message.html", who, kind="ok",
                  message=f"{tr('saved')}{version}", version_id=t.version_id)


@router.get("/department")
def department(request: Request, session: DB, who: Who, id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
               year: YearQ = None) -> Response:
    view = views.department(session, request.app.state.cache, who, id, _year(request, session, year))
    from cocontrol.tracking.observations import JUDGEMENT_WORDS, JUDGEMENT_WORDS_EN

    words = list(zip(JUDGEMENT_WORDS, JUDGEMENT_WORDS_EN, strict=True))
    return results_page(request, session, who, "department.html", translator(lang_of(request))("department"),
                        wait_first=False, v=view, page="department", year=_year(request, session, year),
                        judgement_words=words)


@router.post("/department/submit")
async def department_submit(request: Request, session: DB, who: Who) -> Response:
    form = await request.form()
    settings = request.app.state.settings

    def num(key: str, cast: Any) -> Any:
        raw = str(form.get(key) or "").strip()
        if not raw:
            return None
        try:
            return cast(raw)
        except ValueError as exc:
            raise WebError(422, "invalid", not_a_number(key, raw)) from exc

    kind, _, ident = str(form.get("item", "")).partition(":")
    if kind not in ("target", "task") or not ident.isdigit() or not 1 <= int(ident) <= MAX_ID:
        raise WebError(422, "invalid", "choose a target or a task")
    upload = form.get("evidence")
    file = await read_upload(request, upload) if hasattr(upload, "filename") else None  # type: ignore[arg-type]
    sub = actions.create_submission(
        session, who, evidence_dir=settings.evidence_dir, limit=settings.max_upload_bytes,
        target_id=int(ident) if kind == "target" else None, task_id=int(ident) if kind == "task" else None,
        period=num("period", int) or _year(request, session, None), value=num("value", float),
        unit=str(form.get("unit") or "").strip() or None, progress=num("progress", int),
        note=str(form.get("note") or "")[:5000], evidence=file,
        judgement=str(form.get("judgement") or "").strip() or None)
    t = translator(lang_of(request))
    response = render(request, "partials/message.html", who, kind="ok", message=f"{t('saved')} — #{sub.id}")
    response.headers["HX-Trigger"] = "submitted"  # the page's 填报记录 reloads itself
    return response


@router.post("/submissions/{submission_id}/withdraw")
def withdraw(request: Request, submission_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], session: DB, who: Who) -> Response:
    actions.withdraw_submission(session, who, submission_id, None)
    return render(request, "partials/message.html", who, kind="ok", message=translator(lang_of(request))("withdrawn"))


@router.get("/submissions/{submission_id}/evidence")
def evidence(submission_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], session: DB, who: Who) -> Response:
    sub = who.check(session, session.get(m.Submission, submission_id), "submission", submission_id)
    if not sub.evidence_path or not Path(sub.evidence_path).is_file():
        raise WebError(404, "not_found", "no evidence file")
    return FileResponse(sub.evidence_path, filename=sub.evidence_name or Path(sub.evidence_path).name)


@router.get("/inventory.xlsx")
def inventory_download(session: DB, who: Who, region: str | None = None) -> Response:
    """排放清单 Excel of a region the user may see (all years)."""
    return reports.inventory_workbook(session, views.default_region(session, who, region))


@router.get("/inventory")
def inventory(request: Request, session: DB, who: Who, region: str | None = None, year: YearQ = None,
              sector: Annotated[str | None, Query(max_length=200)] = None,
              page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    by = request.query_params.getlist("by") or ["sector", "fuel", "species"]
    view = views.inventory(session, request.app.state.cache, who, region, year, by, request.app.state.settings.year,
                           lang_of(request), sector=sector, page=page)
    view["regions"] = [r["name"] for r in views.visible_regions(session, who)]
    if view.get("years") and view.get("region"):
        from cocontrol.web.bluecarbon import net_of_inventory

        view["net"] = net_of_inventory(request, session, who, view["region"], int(view["year"]),
                                       lang_of(request))
    return results_page(request, session, who, "inventory.html", f"{view['region']} · {view['year']}",
                        v=view, page="inventory")


@router.get("/synergy")
def synergy(request: Request, session: DB, who: Who, region: str | None = None, year: YearQ = None) -> Response:
    s = request.app.state.settings
    view = views.synergy(session, request.app.state.cache, who, region, year, s.year, lang_of(request))
    view["regions"] = [r["name"] for r in views.visible_regions(session, who)]
    return results_page(request, session, who, "synergy.html", f"{view['region']} · {view['year']}",
                        v=view, page="synergy")


@router.get("/import")
def import_page(request: Request, session: DB, who: Who) -> Response:
    who.need("coordinator")
    plans = session.scalars(select(m.Plan).order_by(m.Plan.slug, m.Plan.version)).all()
    return render(request, "import.html", who, page="import", plans=[p for p in plans if who.sees(p.region)])


@router.post("/import")
async def import_upload(request: Request, who: Who) -> Response:
    who.need("coordinator")
    form = await request.form()
    upload = form.get("document")
    file = await read_upload(request, upload) if hasattr(upload, "filename") else None  # type: ignore[arg-type]
    settings = request.app.state.settings
    doc = await run_bounded(request.app, imports.extract, file, settings.max_upload_bytes, settings.max_unpacked_bytes)
    return render(request, "partials/review.html", who, doc=doc, doc_json=doc.model_dump_json())


@router.post("/import/confirm")
async def import_confirm(request: Request, session: DB, who: Who) -> Response:
    who.need("coordinator")
    form = await request.form()
    fields = {k: [str(v) for v in form.getlist(k)] for k in form}
    raw = fields.get("doc", ["{}"])[0]
    imports.check_depth("document", raw.encode("utf-8"))
    try:
        original = imports.validate(json.loads(raw), "document")
    except ValueError as exc:
        raise WebError(422, "invalid", f"document: {exc}") from exc
    doc = imports.apply_review(original, fields)
    pid = actions.import_plan(session, who, doc)
    plan = session.get(m.Plan, pid)
    t = translator(lang_of(request))
    return render(request, "partials/message.html", who, kind="ok",
                  message=f"{t('saved')}: {plan.title} (v{plan.version}, {len(doc.targets)} targets)")


@router.get("/reports")
def reports_page(request: Request, session: DB, who: Who, region: str | None = None, year: YearQ = None) -> Response:
    region = views.default_region(session, who, region)
    return render(request, "reports.html", who, page="reports", region=region, year=_year(request, session, year),
                  regions=[r["name"] for r in views.visible_regions(session, who)])


@router.get("/reports/{kind}.{fmt}")
def report_download(request: Request, kind: str, fmt: str, session: DB, who: Who,
                    region: str | None = None, year: YearQ = None) -> Response:
    region = views.default_region(session, who, region)
    return reports.download(session, kind, region, _year(request, session, year), fmt, lang_of(request),
                            home=request.app.state.settings.home)


@router.get("/admin")
def admin(request: Request, session: DB, who: Who) -> Response:
    who.need()
    return render(
        request, "admin.html", who, page="admin",
        users=session.scalars(select(m.User).order_by(m.User.id)).all(),
        departments=session.scalars(select(m.Department).order_by(m.Department.id)).all(),
        regions=session.scalars(select(m.Region).order_by(m.Region.id)).all(),
        audit=session.scalars(select(m.AuditLog).order_by(m.AuditLog.id.desc()).limit(30)).all(),
        roles=m.ROLES,
    )


def _opt_int(raw: Any) -> int | None:
    """A form's optional id: empty → None; anything but an id → 422."""
    text = str(raw or "").strip()
    return _form_id(text, "id") if text else None


def _form_id(raw: Any, name: str) -> int:
    text = str(raw or "").strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_ID:
        raise WebError(422, "invalid", f"{name}: {text[:40]!r} is not an id")
    return int(text)


@router.post("/admin/users")
def admin_user(request: Request, session: DB, who: Who, username: Annotated[str, Form(max_length=100)] = "",
               password: Annotated[str, Form(max_length=200)] = "", role: Annotated[str, Form()] = "viewer",
               department_id: Annotated[str, Form()] = "", region_id: Annotated[str, Form()] = "",
               user_id: Annotated[str, Form()] = "", active: Annotated[str, Form()] = "") -> Response:
    data: dict[str, Any] = {"username": username, "password": password or None, "role": role,
                            "department_id": _opt_int(department_id), "region_id": _opt_int(region_id)}
    if user_id:
        data["active"] = active == "on"
    actions.save_user(session, who, _opt_int(user_id), data)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/departments")
def admin_department(request: Request, session: DB, who: Who, name: Annotated[str, Form(max_length=200)] = "",
                     aliases: Annotated[str, Form(max_length=2000)] = "", region_id: Annotated[str, Form()] = "",
                     dept_id: Annotated[str, Form()] = "") -> Response:
    data = {"name": name, "aliases": aliases.replace("、", ",").split(",") if aliases else None,
            "region_id": _opt_int(region_id)}
    actions.save_department(session, who, _opt_int(dept_id), data)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/regions")
def admin_region(request: Request, session: DB, who: Who, name: Annotated[str, Form(max_length=100)] = "",
                 parent: Annotated[str, Form(max_length=100)] = "", level: Annotated[str, Form()] = "district") -> Response:
    actions.save_region(session, who, {"name": name, "parent": parent or None, "level": level})
    return RedirectResponse("/admin", status_code=303)
