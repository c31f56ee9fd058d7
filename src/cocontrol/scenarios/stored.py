"""Stored scenario results: the one place a scenario file's run is kept and read.

The 情景分析 page (:mod:`cocontrol.web.scenarios`) and the annual report's 碳达峰路径 chapter
(:mod:`cocontrol.scenarios.report`) read the same stored run, so both show the same peak year,
peak value and probabilities. A run is keyed by the SHA-256 of the scenario file, the activity
and control files it reads and the code fingerprint (equal content gives equal results), and is
pickled under ``<home>/results/scenarios/<key>.pickle``, written whole (temporary name, then
moved) so another process reads it or nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
import warnings
from pathlib import Path

from cocontrol.scenarios.runner import RunResult

log = logging.getLogger(__name__)


def folder(home: Path) -> Path:
    """Where the scenario files are: ``COCONTROL_SCENARIOS``, else ``<home>/scenarios``."""
    env = os.environ.get("COCONTROL_SCENARIOS")
    return Path(env) if env else Path(home) / "scenarios"


def _stat(f: Path) -> tuple:
    st = f.stat()
    return (str(f), st.st_mtime_ns, st.st_size)


_KEYS: dict[str, tuple[tuple, str]] = {}  # spec path → (stats of its files, content key)


def content_key(path: Path) -> str:
    """SHA-256 of the spec file, the activity and control files it reads and the code fingerprint:
    equal content gives equal results whatever the files' times. Hashed again only when a
    file's time or size changed since the last call."""
    from cocontrol.fingerprint import code_fingerprint
    from cocontrol.scenarios.spec import read_spec

    known = _KEYS.get(str(path))
    if known is not None:
        try:
            if tuple(_stat(Path(f[0])) for f in known[0]) == known[0]:
                return known[1]
        except OSError:
            pass
    spec = read_spec(path)
    files = [Path(f) for f in (path, spec.activity, spec.controls) if f is not None]
    stats = tuple(_stat(f) for f in files)
    h = hashlib.sha256(code_fingerprint().encode())
    for f in files:
        h.update(str(f).encode() + b"\0" + f.read_bytes() + b"\0")
    _KEYS[str(path)] = (stats, h.hexdigest())
    return h.hexdigest()


def cache_file(home: Path, key: str) -> Path:
    return Path(home) / "results" / "scenarios" / f"{key}.pickle"


def load(home: Path, key: str) -> RunResult | None:
    """The stored run of content ``key``, or ``None`` (none stored, or unreadable: recomputed)."""
    cached = cache_file(home, key)
    if not cached.exists():
        return None
    try:
        return pickle.loads(cached.read_bytes())
    except Exception:  # an unreadable cache file is recomputed
        log.warning("unreadable scenario cache %s, recomputing", cached)
        return None


def compute_and_store(path: Path, home: Path, key: str | None = None) -> RunResult:
    """Run the scenario file as the page's 开始计算 does (its own draws, no percentiles) and
    store the result under its content key."""
    from cocontrol.scenarios import runner
    from cocontrol.scenarios.spec import read_spec

    key = key or content_key(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = runner.run(read_spec(path), quantiles=False)
    target = cache_file(home, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, target)  # written whole: other workers read it or nothing
    return result
