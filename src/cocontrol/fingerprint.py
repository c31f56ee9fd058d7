"""The code fingerprint (程序版本指纹): release plus a digest of the package's own files.

Cached results (the web's per-region results, scenario runs) are keyed by it, so a change of
code or reference data — even without a new release number — never serves figures computed
by the previous code. The digest covers the content (not the times) of every ``.py``,
``.csv``, ``.yaml`` and ``.txt`` file of the installed package, in path order; it is computed
once per process (about 4 MB read, a few milliseconds).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from cocontrol import __version__

_SUFFIXES = frozenset({".py", ".csv", ".yaml", ".txt"})


def package_digest(root: Path) -> str:
    """SHA-256 (first 12 hex digits) over the relative path and bytes of each source or data
    file under ``root``, sorted by path."""
    h = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.suffix in _SUFFIXES and p.is_file()
                   and "__pycache__" not in p.parts)
    for p in files:
        h.update(p.relative_to(root).as_posix().encode() + b"\0")
        h.update(p.read_bytes() + b"\0")
    return h.hexdigest()[:12]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """``<release>+<digest>``: the key under which computed results may be reused."""
    return f"{__version__}+{package_digest(Path(__file__).resolve().parent)}"
