"""The code fingerprint changes with any source or data file's content, never with times."""

import os
from pathlib import Path

from cocontrol.fingerprint import code_fingerprint, package_digest


def _tree(root: Path) -> None:
    (root / "pkg").mkdir()
    (root / "pkg" / "a.py").write_text("x = 1\n")
    (root / "pkg" / "factors.csv").write_text("fuel,value\ncoal,2.5\n")
    (root / "pkg" / "notes.html").write_text("<p>not hashed</p>")


def test_digest_follows_content_not_times(tmp_path: Path) -> None:
    _tree(tmp_path)
    first = package_digest(tmp_path)
    os.utime(tmp_path / "pkg" / "a.py", (1, 1))
    assert package_digest(tmp_path) == first
    (tmp_path / "pkg" / "factors.csv").write_text("fuel,value\ncoal,2.6\n")
    changed = package_digest(tmp_path)
    assert changed != first
    (tmp_path / "pkg" / "notes.html").write_text("<p>other</p>")
    assert package_digest(tmp_path) == changed


def test_fingerprint_names_release_and_digest() -> None:
    from cocontrol import __version__

    release, digest = code_fingerprint().split("+", 1)[0], code_fingerprint().rsplit("+", 1)[1]
    assert code_fingerprint().startswith(__version__ + "+") and release and len(digest) == 12
