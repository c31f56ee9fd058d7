"""The web platform's FastAPI application (:func:`create_app`).

Server-rendered Jinja2 pages (autoescape) with htmx, ECharts from ``static/vendor``, a JSON API
under ``/api`` (OpenAPI at ``/api/openapi.json``, docs at ``/api/docs``), signed HttpOnly
SameSite session cookies bound to a per-user session generation, CSRF on every unsafe request,
upload size limit, login limits per account and per address, security headers
(:class:`SecurityHeaders`). Every error of the API is one JSON shape (:class:`ErrorBody`).
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from cocontrol import __version__
from cocontrol.errors import CocontrolError
from cocontrol.messages import Texts, say
from cocontrol.store import models as m
from cocontrol.store.db import get_engine, session_factory
from cocontrol.store.seed import seed
from cocontrol.web import words
from cocontrol.web.deps import SIGNED_IN, WebError
from cocontrol.web.errors import SecurityHeaders, error_json, error_responses, validation_errors
from cocontrol.web.formtext import form_text_check
from cocontrol.web.i18n import lang_of, translator
from cocontrol.web.inclusive import TOKEN_PATHS
from cocontrol.web.passwords import password_problem
from cocontrol.web.refresh import Refresher, ResultFiles
from cocontrol.web.security import RateLimiter, hash_password, new_token, tokens_match
from cocontrol.web.services import Cache, compute_remote, compute_results, status_class
from cocontrol.web.settings import Settings

HERE = Path(__file__).parent
SESSION_COOKIE = "cocontrol_session"
CSRF_EXEMPT = {"/api/auth/login"}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class BodyLimit:
    """Refuse request bodies above ``limit`` bytes (413) before they are read; bodies must
    state their length (411 otherwise)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE:
            headers = dict(scope["headers"])
            length = headers.get(b"content-length")
            status, message = 0, ""
            if length is None and headers.get(b"transfer-encoding"):
                status, message = 411, "请求需注明长度 / Content-Length required"
            elif length is not None and (not length.isdigit() or int(length) > self.limit):
                status, message = 413, (f"上传文件过大（上限 {self.limit // 1024 // 1024} MB）/ "
                                        f"upload too large (limit {self.limit} bytes)")
            if status:
                response = JSONResponse(error_json("too_large", message), status_code=status)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def csrf_check(request: Request) -> None:
    """Every unsafe request carries the session's CSRF token (header or form field)."""
    if request.method not in UNSAFE or request.url.path in CSRF_EXEMPT:
        return
    if request.url.path.startswith(TOKEN_PATHS) and "cookie" not in request.headers:
        return  # machine clients authenticate with a bearer token and send no cookie
    expected = request.session.get("csrf")
    sent = request.headers.get("x-csrf-token")
    if sent is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        sent = (await request.form()).get("csrf_token")  # type: ignore[assignment]
    if not tokens_match(expected, sent):
        if expected is None and request.cookies.get(SIGNED_IN):
            raise WebError(401, "session_expired")
        raise WebError(403, "csrf")


def _secret(session_maker: Any, configured: str | None) -> str:
    if configured:
        return configured
    with session_maker() as s, s.begin():
        row = s.get(m.Setting, "secret_key")
        if row is None:
            row = m.Setting(key="secret_key", value=new_token())
            s.add(row)
        return row.value


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: migrate and seed the database, wire middleware, routes and templates."""
    from cocontrol.web import api, bluecarbon, enterprises, events, inclusive, pages, progress

    settings = settings or Settings()
    settings.home.mkdir(parents=True, exist_ok=True)
    engine = get_engine(settings.database_url)
    sessions = session_factory(engine)
    if settings.seed and settings.admin_password:
        with sessions() as s:
            first = not s.scalar(select(func.count()).select_from(m.User))
        problem = password_problem(settings.admin_password, "admin") if first else None
        if problem:
            raise CocontrolError(f"COCONTROL_ADMIN_PASSWORD: {problem}")
    if settings.seed:
        with sessions() as s:
            fresh = not s.scalar(select(func.count()).select_from(m.User))
        with sessions() as s, s.begin():
            seed(s, admin_password=settings.admin_password, hasher=hash_password,
                 echo=lambda msg: print(msg, file=sys.stderr, flush=True))
            importlib.import_module("cocontrol.store.enterprise_seed").seed_enterprises(s, settings.home)
        if fresh and settings.seed_scenarios:  # the seed cities' scenario files (never over a city's own)
            importlib.import_module("cocontrol.scenarios.seed").seed_scenarios(settings.home)
    refresher = Refresher(ResultFiles(settings.home), compute_results(sessions, settings.home),
                          workers=settings.refresh_workers,
                          remote=compute_remote(engine.url.render_as_string(hide_password=False), settings.home)
                          if settings.refresh_processes else None)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        """The background recomputation threads live as long as the served app."""
        refresher.start()
        try:
            yield
        finally:
            refresher.stop()

    app = FastAPI(
        title="cocontrol 减污降碳协同增效平台 API", version=__version__,
        openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None,
        dependencies=[Depends(csrf_check), Depends(form_text_check)], lifespan=lifespan,
        responses=error_responses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503),  # every route's errors
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = sessions
    app.state.refresher = refresher
    app.state.cache = Cache(home=settings.home, refresher=refresher)
    app.state.limiter = RateLimiter(settings.login_attempts, settings.login_window)
    app.state.address_limiter = RateLimiter(settings.login_attempts_address, settings.login_window)
    app.state.session_cookie = SESSION_COOKIE
    templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True))
    templates.env.globals["status_class"] = status_class
    templates.env.filters["num"] = format_number
    templates.env.filters["shown"] = shown_figure
    templates.env.filters["figure"] = lambda value, key: display(key, value)  # a value in the figure's unit (t)
    words.install(templates.env)
    app.state.templates = templates
    app.add_middleware(
        SessionMiddleware, secret_key=_secret(sessions, settings.secret_key),
        session_cookie=SESSION_COOKIE, max_age=settings.session_max_age, same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + 256 * 1024)
    app.add_middleware(SecurityHeaders, hsts=settings.secure_cookies)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(progress.api_router)
    app.include_router(pages.router)
    app.include_router(importlib.import_module("cocontrol.web.scenarios").router)
    app.include_router(progress.router)
    app.include_router(inclusive.router)
    app.include_router(events.router)
    app.include_router(bluecarbon.router)
    app.include_router(enterprises.router)
    app.include_router(enterprises.api)

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status, exc.key, exc.detail, exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        from cocontrol.web import fields  # each field by its label, in the page's language

        raw = exc.errors()
        return error_response(request, 422, "invalid", (fields.describe(raw, "zh"), fields.describe(raw, "en")),
                              {"errors": validation_errors(raw)}, reason=fields.machine(raw))

    @app.exception_handler(CocontrolError)
    async def _input(request: Request, exc: CocontrolError) -> Response:
        from cocontrol.messages import texts

        return error_response(request, 422, "invalid", texts(exc))  # (Chinese, English)

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> Response:
        """Another request saved the same row first (optimistic lock): 409, never 500."""
        return error_response(request, 409, "conflict", "this record was changed by someone else; reload it")

    @app.exception_handler(OperationalError)
    async def _busy(request: Request, exc: OperationalError) -> Response:
        """SQLite refuses a write whose snapshot another writer replaced: the other change won."""
        if "locked" in str(exc.orig) or "busy" in str(exc.orig).lower():
            return error_response(request, 409, "conflict", "this record was changed by someone else; reload it")
        raise exc

    @app.exception_handler(IntegrityError)
    async def _duplicate(request: Request, exc: IntegrityError) -> Response:
        return error_response(request, 409, "conflict", "a record with these values exists already "
                              "or a referenced record does not exist")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        """Framework errors (unknown path, wrong method, unreadable body) in the same shape."""
        key = {400: "invalid", 404: "not_found", 405: "method"}.get(exc.status_code, "error")
        response = error_response(request, exc.status_code, key, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RecursionError)
    async def _deep(request: Request, exc: RecursionError) -> Response:
        return error_response(request, 422, "invalid", "the document is nested too deeply")

    app.state.ready = not settings.warm
    if settings.warm:
        threading.Thread(target=warm, args=(app,), daemon=True, name="cocontrol-warm").start()

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, Any]:
        with sessions() as s:
            s.scalar(select(1))
        return {"status": "ok", "version": __version__, "ready": app.state.ready}

    return app


def format_number(value: Any) -> Any:
    """Floats with four significant digits (thousands separated above 10 000); other values as is."""
    if isinstance(value, float):
        if value != value:
            return "—"
        return f"{value:,.0f}" if abs(value) >= 1e4 else f"{value:.4g}"
    return value


def display(key: str, value: Any) -> str:
    from cocontrol.figures import display as shown

    return shown(key, None if value is None else float(value))


def shown_figure(value: Any, key: str) -> str:
    """A value already in figure ``key``'s display unit (万吨, 吨, %) written with the registry's
    decimals and thousands grouping — the same string as the reports (:func:`cocontrol.figures.number`)."""
    from cocontrol.figures import figure, number

    if value is None or (isinstance(value, float) and value != value):
        return "—"
    return number(float(value), figure(key).decimals)


def warm(app: FastAPI) -> None:
    """Have every region's results computed (or read from another worker's files) by the
    background jobs, then render each overview once so the first visitor does not wait."""
    from cocontrol.web.api import overview_json
    from cocontrol.web.deps import Viewer
    from cocontrol.web.pages import overview_body
    from cocontrol.web.services import generation
    from cocontrol.web.views import default_year

    with app.state.sessions() as s:
        year = default_year(s, None, app.state.settings.year)
        everyone = Viewer(user=m.User(username="warm-up", role="viewer"), regions=None)
        regions = s.scalars(select(m.Region.name).order_by(m.Region.id)).all()
        app.state.refresher.wait([(r, year) for r in regions], generation(s), timeout=3600)
        for region in regions:
            overview_body(app, s, everyone, region, year, "zh")
            overview_json(app, s, everyone, region, year, "zh")
    app.state.ready = True


def serve_app() -> FastAPI:
    """Factory for ``uvicorn --factory`` with several workers: settings from the environment,
    every region computed in the background (``/healthz`` says ``ready`` when done). Each
    worker process dies with the supervising process (:func:`~cocontrol.web.refresh.die_with_parent`)."""
    import os

    from cocontrol.web.refresh import die_with_parent

    die_with_parent(os.getppid())
    return create_app(Settings(warm=True))


def error_response(request: Request, status: int, key: str, detail: str = "",
                   extra: dict[str, Any] | None = None, *, reason: str | None = None) -> Response:
    """JSON for the API, a message fragment for htmx, a page (or the login page) otherwise;
    ``reason`` overrides the API's machine reason."""
    lang = lang_of(request)
    t = translator(lang)
    given, reason = reason, None
    if isinstance(detail, tuple):  # (Chinese, English)
        reason = detail[1] if isinstance(detail, Texts) else None  # an error's own English
        detail = detail[lang == "en"]
    elif detail:  # an English sentence of the web: its Chinese template ("中文 / English": a half)
        reason, detail = detail, say(detail, lang, strict=True)
    message = t(key) if key not in ("invalid", "not_found", "method", "error") else (detail or t(key))
    if key == "login_required" and detail:  # a token refused: say which and why (碳普惠 API)
        message = detail
    if request.url.path.startswith("/api"):
        headers = {"Retry-After": "5"} if status in (429, 503) else None
        return JSONResponse(error_json(key, message, given or reason or detail, extra), status_code=status,
                            headers=headers)
    if status == 401 and not request.headers.get("hx-request"):
        return RedirectResponse(f"/login?msg={key}", status_code=303)
    templates: Jinja2Templates = request.app.state.templates
    name = "partials/message.html" if request.headers.get("hx-request") else "error.html"
    if status == 401 and request.headers.get("hx-request"):
        response = HTMLResponse("", status_code=401)
        response.headers["HX-Redirect"] = f"/login?msg={key}"
        return response
    return templates.TemplateResponse(
        request, name,
        {"t": t, "lang": lang, "status": status, "message": message, "detail": detail,
         "current": (extra or {}).get("current"), "kind": "error", "user": None, "csrf": request.session.get("csrf", "")},
        status_code=status,
    )
