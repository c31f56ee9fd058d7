"""One error shape for the whole API, its OpenAPI description, and the security headers.

Every error of ``/api`` is a JSON object :class:`ErrorBody`: ``error`` (a stable key such as
``not_found``, ``forbidden``, ``conflict``, ``invalid``, ``too_large``, ``too_many``, ``busy``),
``detail`` (the message to show, in the page's language), ``reason`` (what exactly was wrong; for
a mistake in the input the English message as raised, stable for programs),
plus ``errors`` (422: each invalid field) or ``current`` (409: the record as it now is).
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="where: body/query/path/form, then the field")
    msg: str
    type: str


class ErrorBody(BaseModel):
    """Every error answer of the API."""

    error: str = Field(description="stable key: not_found, forbidden, conflict, invalid, too_large, …")
    detail: str = Field(description="message for people")
    reason: str = Field("", description="what exactly was wrong (the English message as raised)")
    errors: list[FieldError] | None = Field(None, description="422 from request validation: every invalid field")
    current: dict[str, Any] | None = Field(None, description="409 of a stale save: the record as it now is")


def error_json(key: str, message: str, reason: str = "", extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": key, "detail": message, "reason": reason, **(extra or {})}


def validation_errors(errors: Any) -> list[dict[str, Any]]:
    """FastAPI's validation errors reduced to JSON-safe ``loc``, ``msg`` and ``type``."""
    return [{"loc": [p if isinstance(p, int) else str(p) for p in e.get("loc", ())],
             "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))} for e in errors]


_DESCRIPTIONS = {
    400: "the request body could not be read (e.g. malformed or too deeply nested JSON)",
    401: "not signed in, or the session ended (signed out, password changed, deactivated)",
    403: "the role may not do this, or the CSRF token is missing",
    404: "does not exist or is outside the user's region",
    409: "conflict: a stale version_id, a duplicate, or a record owned by another region",
    413: "upload or unpacked document too large",
    415: "file type not accepted",
    422: "invalid input",
    429: "too many failed sign-ins",
    503: "busy: too many long requests waiting",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries of the given status codes, all :class:`ErrorBody`."""
    return {code: {"model": ErrorBody, "description": _DESCRIPTIONS[code]} for code in codes}


INLINE_HANDLERS = ("this.form.submit()",)
"""Inline event handlers the templates use (allowed by hash, CSP level 3 ``unsafe-hashes``)."""


def _csp() -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(h.encode()).digest()).decode()}'"
                      for h in INLINE_HANDLERS)
    return ("default-src 'self'; "
            f"script-src 'self' 'unsafe-hashes' {hashes}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'")


class SecurityHeaders:
    """``X-Frame-Options: DENY``, ``Content-Security-Policy`` (scripts only from this site:
    htmx, ECharts and ``app.js`` are files under ``/static``; no inline script except the
    hashed handlers), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy``; with ``hsts``
    (behind TLS) ``Strict-Transport-Security``. The API docs page (``/api/docs``) loads Swagger
    UI from a CDN and is left without a CSP."""

    def __init__(self, app: ASGIApp, hsts: bool = False) -> None:
        self.app, self.hsts = app, hsts
        self.csp = _csp().encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope.get("path", "") == "/api/docs"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"same-origin")]
                if not docs:
                    headers.append((b"content-security-policy", self.csp))
                if self.hsts:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


_FIELD_ZH = {"year": "年度", "region": "地区", "lang": "语言", "page": "页码", "id": "编号", "format": "格式"}


def validation_texts(errors: Any) -> tuple[str, str]:
    """(Chinese, English) of FastAPI's validation errors, one clause per parameter:
    ``query.year ≥ 2000`` → ``参数“年度”应不小于2000`` — a year outside the range says so, not 输入有误."""
    zh, en = [], []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
        name = loc[-1] if loc else ""
        word = _FIELD_ZH.get(name, name)
        ctx = e.get("ctx") or {}
        kind = str(e.get("type", ""))
        rule = {"greater_than_equal": f"应不小于{ctx.get('ge')}", "less_than_equal": f"应不大于{ctx.get('le')}",
                "greater_than": f"应大于{ctx.get('gt')}", "less_than": f"应小于{ctx.get('lt')}",
                "int_parsing": "应为整数", "float_parsing": "应为数字", "missing": "缺少该参数"}.get(kind, "有误")
        zh.append(f"参数“{word}”{rule}")
        en.append(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}")
    return "；".join(zh) or "输入有误", "; ".join(en) or "invalid input"
