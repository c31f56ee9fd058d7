"""Writing files so that nothing is ever half-written (原子写入).

Every writer renders into a temporary file in the target's folder and then replaces the target
with one ``os.replace``: a failed render, a full disk or an interrupted run leaves the old file
(or none) in place, never a truncated one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: str | Path, save: Callable[[str], object]) -> Path:
    """Call ``save(tmp_path)`` to write a temporary file beside ``path``, then rename it.

    The temporary file is removed when ``save`` fails; the file gets the usual permissions
    (0666 less the umask) rather than mkstemp's 0600.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    try:
        save(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, flushed to disk before the rename."""

    def save(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    return write_atomic(path, save)
