import os
import stat

import pytest

from cocontrol.files import write_atomic, write_bytes_atomic


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "sub" / "out.txt"
    write_bytes_atomic(target, "旧".encode())
    write_bytes_atomic(target, "新内容".encode())
    assert target.read_text(encoding="utf-8") == "新内容"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")

    def broken(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(b"half")
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError, match="render failed"):
        write_atomic(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]
