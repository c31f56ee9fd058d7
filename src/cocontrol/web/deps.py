"""Request context: database session, signed-in user, role checks, region scope, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from cocontrol.store import models as m
from cocontrol.web.scope import region_of, user_regions, visible

SIGNED_IN = "cocontrol_signed_in"
"""Long-lived marker cookie set at sign-in and cleared at sign-out: a request that has it but no
valid session had its session expire (the session cookie itself is gone or fails its timestamp)."""


ENTERPRISE_PATHS = ("/enterprises", "/api/enterprises", "/api/auth")
"""The only paths an ``enterprise`` user may open (its own data is checked in the router)."""


class WebError(Exception):
    """An error with an HTTP status and a message key of :mod:`cocontrol.web.i18n`."""

    def __init__(self, status: int, key: str, detail: str | tuple[str, str] = "",
                 extra: dict[str, Any] | None = None):
        """``detail`` is one sentence or (Chinese, English), shown in the page's language."""
        self.status, self.key, self.detail, self.extra = status, key, detail, extra or {}
        super().__init__(detail or key)


async def db(request: Request) -> AsyncIterator[Session]:
    """One session per request; the write helpers commit explicitly. (An async dependency:
    resolved on the event loop without a thread hop; its queries are short indexed reads.)"""
    with request.app.state.sessions() as session:
        yield session


@dataclass
class Viewer:
    """The signed-in user with the regions they may see (``None``: every region)."""

    user: m.User
    regions: set[str] | None

    @property
    def role(self) -> str:
        return self.user.role

    @property
    def name(self) -> str:
        return self.user.username

    def sees(self, region: str | None) -> bool:
        return visible(self.regions, region)

    def check(self, session: Session, row: Any, what: str, ident: Any = None) -> Any:
        """``row`` when it exists and its region (:func:`cocontrol.web.scope.region_of`) is in
        this user's scope; 404 otherwise (whether it exists is not disclosed)."""
        if row is None or not self.sees(region_of(session, row)):
            raise WebError(404, "not_found", f"{what} {ident if ident is not None else ''} does not exist "
                           "or is outside your region".replace("  ", " "))
        return row

    def need(self, *roles: str) -> None:
        if self.role != "admin" and self.role not in roles:
            raise WebError(403, "forbidden", f"role {self.role!r} may not do this")


async def optional_viewer(request: Request, session: Annotated[Session, Depends(db)]) -> Viewer | None:
    uid = request.session.get("uid")
    if uid is None:
        return None
    user = session.get(m.User, uid) if isinstance(uid, int) else None
    if user is None or not user.active or request.session.get("gen") != user.session_gen:
        request.session.clear()  # signed out, password changed or deactivated since
        return None
    return Viewer(user=user, regions=user_regions(session, user))


async def viewer(request: Request, found: Annotated[Viewer | None, Depends(optional_viewer)]) -> Viewer:
    """The signed-in user, or 401 saying whether the session expired or never existed."""
    if found is None:
        key = "session_expired" if request.cookies.get(SIGNED_IN) else "login_required"
        raise WebError(401, key)
    if found.role == "enterprise" and not request.url.path.startswith(ENTERPRISE_PATHS):
        raise WebError(403, "forbidden", "an enterprise user sees only its enterprise pages")
    return found
