"""Passwords (argon2id), login rate limit and CSRF tokens (double-checked against the session).

Sessions are Starlette's signed cookie (``HttpOnly; SameSite=Lax``, ``Secure`` behind TLS,
itsdangerous timestamp: an expired cookie reads as an empty session). The session holds the
user id, the user's session generation (:func:`cocontrol.web.auth.end_sessions` bumps it to end
every session of the user) and a random CSRF token; every unsafe request must echo the token in
the ``X-CSRF-Token`` header or the ``csrf_token`` form field.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
"""argon2id with m=19 MiB, t=2, p=1: the minimum the OWASP Password Storage Cheat Sheet
recommends, chosen to keep sign-in fast on a 2-core server; stored hashes carry their own
parameters, so raising them later still verifies old hashes."""
_DUMMY = _HASHER.hash("not-a-password")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches; spends the same time when the user does not exist."""
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def tokens_match(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and secrets.compare_digest(str(a), str(b))


class RateLimiter:
    """At most ``attempts`` failed logins per key within ``window`` seconds."""

    def __init__(self, attempts: int, window: float) -> None:
        self.attempts, self.window = attempts, window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._recent(key, time.monotonic())) >= self.attempts

    def fail(self, key: str) -> None:
        with self._lock:
            self._recent(key, time.monotonic()).append(time.monotonic())

    def reset(self, key: str) -> None:
        with self._lock:
            self._fails.pop(key, None)
