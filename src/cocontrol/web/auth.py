"""Sign-in and sign-out shared by ``POST /api/auth/login`` and the login page.

Failed sign-ins are limited per account (``Settings.login_attempts`` within
``Settings.login_window`` seconds) and per client address (``Settings.login_attempts_address``,
higher, so that one office behind one address is not locked out by a colleague's typos). The
client address is the connection's peer; ``X-Forwarded-For`` is read only when that peer is in
``Settings.trusted_proxies``, and then its right-most address that is not itself a trusted proxy
(the one the proxy saw), so a client cannot choose its own address.

Sessions carry the user's ``session_gen`` (:class:`cocontrol.store.models.User`); sign-out,
a password change and deactivation bump it (:func:`end_sessions`), which ends every session
of that user, including copies of its cookie.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from fastapi import Request, Response
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cocontrol.store import models as m
from cocontrol.web.deps import SIGNED_IN, WebError
from cocontrol.web.security import new_token, verify_password


def _trusted(host: str, proxies: Iterable[str]) -> bool:
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    for net in proxies:
        try:
            if addr in ipaddress.ip_network(net, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request: Request) -> str:
    """The client's address: the peer, or (behind a trusted proxy) the right-most untrusted
    address of ``X-Forwarded-For``."""
    peer = request.client.host if request.client else "?"
    proxies = request.app.state.settings.trusted_proxies
    if not proxies or not _trusted(peer, proxies):
        return peer
    hops = [h.strip() for h in ",".join(request.headers.getlist("x-forwarded-for")).split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            return hop
    return hops[0] if hops else peer


def sign_in(request: Request, session: Session, username: str, password: str) -> m.User:
    """Check the password (limited per account and per client address) and start a fresh
    session bound to the user's current session generation."""
    limiter = request.app.state.limiter
    address_limiter = request.app.state.address_limiter
    account, address = f"user|{username.strip().casefold()}", f"addr|{client_address(request)}"
    if limiter.blocked(account) or address_limiter.blocked(address):
        raise WebError(429, "too_many")
    user = session.scalar(select(m.User).where(m.User.username == username))
    if not verify_password(user.password_hash if user else None, password) or user is None or not user.active:
        limiter.fail(account)
        address_limiter.fail(address)
        raise WebError(401, "bad_login")
    limiter.reset(account)
    request.session.clear()
    request.session.update({"uid": user.id, "gen": user.session_gen, "csrf": new_token()})
    return user


def end_sessions(session: Session, user_id: int) -> None:
    """Bump the user's session generation (no optimistic-lock bump, no data generation):
    every session signed in before this ends. The caller commits."""
    session.execute(update(m.User).where(m.User.id == user_id)
                    .values(session_gen=m.User.session_gen + 1)
                    .execution_options(synchronize_session=False))


def sign_out(request: Request, session: Session) -> None:
    """End this user's sessions (every copy of the cookie) and clear this one."""
    uid = request.session.get("uid")
    if isinstance(uid, int):
        end_sessions(session, uid)
        session.commit()
    request.session.clear()


def mark_signed_in(response: Response, secure: bool = False) -> None:
    response.set_cookie(SIGNED_IN, "1", max_age=365 * 86400, httponly=True, samesite="lax", secure=secure)


def mark_signed_out(response: Response) -> None:
    response.delete_cookie(SIGNED_IN)


def ensure_csrf(request: Request) -> str:
    """The session's CSRF token (created for anonymous visitors too, for the login form)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = new_token()
    return token
