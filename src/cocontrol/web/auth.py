"""Sign-in shared by ``POST /api/auth/login`` and the login page."""

from __future__ import annotations

from fastapi import Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from cocontrol.store import models as m
from cocontrol.web.deps import SIGNED_IN, WebError
from cocontrol.web.security import new_token, verify_password


def sign_in(request: Request, session: Session, username: str, password: str) -> m.User:
    """Check the password (rate-limited per client and user name) and start a fresh session."""
    limiter = request.app.state.limiter
    client = request.client.host if request.client else "?"
    keys = (f"{client}|{username}", f"{client}|*")
    if any(limiter.blocked(k) for k in keys):
        raise WebError(429, "too_many")
    user = session.scalar(select(m.User).where(m.User.username == username))
    if not verify_password(user.password_hash if user else None, password) or user is None or not user.active:
        limiter.fail(keys[0])
        limiter.fail(keys[1]) if limiter.attempts else None
        raise WebError(401, "bad_login")
    limiter.reset(keys[0])
    request.session.clear()
    request.session.update({"uid": user.id, "csrf": new_token()})
    return user


def mark_signed_in(response: Response) -> None:
    response.set_cookie(SIGNED_IN, "1", max_age=365 * 86400, httponly=True, samesite="lax")


def mark_signed_out(response: Response) -> None:
    response.delete_cookie(SIGNED_IN)


def ensure_csrf(request: Request) -> str:
    """The session's CSRF token (created for anonymous visitors too, for the login form)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = new_token()
    return token
