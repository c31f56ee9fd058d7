"""Settings of the web platform (from arguments, else environment, else defaults)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in os.environ.get(name, "").split(",") if p.strip())


@dataclass
class Settings:
    """``database_url`` None → ``COCONTROL_DATABASE_URL`` or ``$COCONTROL_HOME/cocontrol.db``."""

    database_url: str | None = None
    home: Path = field(default_factory=lambda: Path(os.environ.get("COCONTROL_HOME", "var")).resolve())
    secret_key: str | None = None
    admin_password: str | None = field(default_factory=lambda: os.environ.get("COCONTROL_ADMIN_PASSWORD"))
    session_max_age: int = field(default_factory=lambda: _env_int("COCONTROL_SESSION_SECONDS", 8 * 3600))
    max_upload_bytes: int = field(default_factory=lambda: _env_int("COCONTROL_MAX_UPLOAD", 10 * 1024 * 1024))
    login_attempts: int = 5
    """Failed sign-ins per account within ``login_window`` seconds before it waits."""
    login_attempts_address: int = field(default_factory=lambda: _env_int("COCONTROL_LOGIN_ATTEMPTS_ADDRESS", 30))
    """Failed sign-ins per client address (an office behind one address shares it)."""
    login_window: int = 300
    trusted_proxies: tuple[str, ...] = field(default_factory=lambda: _env_list("COCONTROL_TRUSTED_PROXIES"))
    """Addresses or networks of reverse proxies whose ``X-Forwarded-For`` is believed (none:
    the header is ignored)."""
    seed: bool = True
    seed_scenarios: bool = False
    """A fresh install served by ``cocontrol serve`` gets the seed cities' scenario files in
    ``<home>/scenarios`` (:mod:`cocontrol.scenarios.seed`); apps built for tests do not."""
    secure_cookies: bool = field(default_factory=lambda: os.environ.get("COCONTROL_SECURE_COOKIES", "0") == "1")
    """Behind TLS: cookies get the ``Secure`` flag and responses a ``Strict-Transport-Security``
    header (``COCONTROL_SECURE_COOKIES=1``)."""
    max_unpacked_bytes: int = field(default_factory=lambda: _env_int("COCONTROL_MAX_UNPACKED", 100 * 1024 * 1024))
    """Upper bound of the declared unpacked size of an uploaded .docx/.xlsx (zip) archive."""
    work_slots: int = field(default_factory=lambda: _env_int("COCONTROL_WORK_SLOTS", 2))
    """Long requests (plan extraction) running at once; as many more may wait, the rest get 503."""
    year: int | None = field(default_factory=lambda: int(os.environ["COCONTROL_YEAR"]) if os.environ.get("COCONTROL_YEAR") else None)
    warm: bool = False  # compute every region's results in the background at start
    refresh_workers: int = field(default_factory=lambda: _env_int("COCONTROL_REFRESH_WORKERS", 1))
    """Threads per process recomputing results after a data change (``cocontrol.web.refresh``)."""
    refresh_processes: bool = field(default_factory=lambda: os.environ.get("COCONTROL_REFRESH_PROCESSES", "1") != "0")
    """Compute in child processes (requests never wait for the interpreter lock); 0: in threads."""

    @property
    def evidence_dir(self) -> Path:
        return self.home / "evidence"


EVIDENCE_TYPES: dict[str, tuple[str, ...]] = {
    ".pdf": ("%PDF",),
    ".png": ("\x89PNG",),
    ".jpg": ("\xff\xd8\xff",),
    ".jpeg": ("\xff\xd8\xff",),
    ".docx": ("PK\x03\x04",),
    ".xlsx": ("PK\x03\x04",),
    ".csv": (),
    ".txt": (),
}
"""Accepted evidence files: suffix → magic prefixes (empty: text, must decode as UTF-8)."""

PLAN_TYPES = (".txt", ".md", ".docx", ".pdf", ".yaml", ".yml", ".json")
