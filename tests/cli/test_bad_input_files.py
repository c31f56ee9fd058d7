"""More of the CLI bad-input set (issue 9, item 10): a folder given for a file, a wrong
extension, a damaged PDF, a scenario file that is not UTF-8, an enterprise workbook that is not a
workbook — each one line in Chinese (or English) naming the file, exit code 2, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.test_bad_input import _run

GARBAGE = bytes(range(256))[::-1] * 8  # starts 0xff 0xfe …: neither text nor any known format


def _files(tmp: Path) -> None:
    (tmp / "folder.csv").mkdir()
    (tmp / "folder.yaml").mkdir()
    (tmp / "folder.xlsx").mkdir()
    (tmp / "notes.foo").write_text("减污降碳协同增效实施方案\n到2025年，单位GDP能耗下降14.8%。\n", encoding="utf-8")
    (tmp / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n" + GARBAGE)
    (tmp / "garbage.xlsx").write_bytes(GARBAGE)
    (tmp / "empty.xlsx").write_bytes(b"")
    (tmp / "gbk.yaml").write_bytes("region: 荣成市\nbase_year: 2020\n".encode("gbk"))
    (tmp / "garbage.yaml").write_bytes(GARBAGE)
    sheets = tmp / "sheets"
    sheets.mkdir()
    (sheets / "enterprises.parquet").write_bytes(b"PAR1" + GARBAGE)
    (sheets / "fuel.parquet").write_bytes(b"PAR1" + GARBAGE)
    (tmp / "sites.foo").write_text("x", encoding="utf-8")


CASES: dict[str, tuple[list[str], str, str]] = {
    # name → (arguments, words of the English error, words of the Chinese one)
    "folder for activity": (["inventory", "compute", "folder.csv", "-o", "o.csv"],
                            "folder, not a file", "这是文件夹，不是文件"),
    "folder for plan": (["plan", "load", "folder.yaml"], "folder, not a file", "这是文件夹，不是文件"),
    "folder for plan text": (["plan", "extract", "folder.csv", "-o", "p.yaml"],
                             "folder, not a file", "这是文件夹，不是文件"),
    "folder for observations": (["track", "import", "folder.xlsx", "--plan", "zibo-2024-synergy",
                                 "--history", "h.csv"], "folder, not a file", "这是文件夹，不是文件"),
    "plan text with unknown extension": (["plan", "extract", "notes.foo", "-o", "p.yaml"],
                                         "unsupported file type", "不支持的文件类型"),
    "damaged pdf": (["plan", "extract", "broken.pdf", "-o", "p.yaml"], "cannot read PDF", "无法读取 PDF（文件损坏"),
    "scenario in GBK": (["scenario", "run", "gbk.yaml"], "not a UTF-8 text file", "不是 UTF-8 编码的文本文件"),
    "scenario garbage": (["scenario", "run", "garbage.yaml"], "not a UTF-8 text file", "不是 UTF-8 编码的文本文件"),
    "enterprise junk workbook": (["enterprise", "verify", "garbage.xlsx"], "not a valid Excel workbook",
                                 "不是有效的 Excel 工作簿"),
    "enterprise empty workbook": (["enterprise", "verify", "empty.xlsx"], "file is empty", "文件为空"),
    "enterprise damaged parquet in folder": (["enterprise", "verify", "sheets"], "not a valid Parquet",
                                             "不是有效的 Parquet 文件"),
    "restoration not a workbook": (["sinks", "restoration", "sites.foo"], "unsupported file type",
                                   "不支持的文件类型"),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("bad_files")
    _files(tmp)
    return tmp


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_one_line_exit_2_no_traceback(case, lang, folder, monkeypatch, capsys) -> None:
    args, english, chinese = CASES[case]
    if lang == "en":
        monkeypatch.setenv("COCONTROL_LANG", "en")
    else:
        monkeypatch.delenv("COCONTROL_LANG", raising=False)
    before = sorted(p.name for p in folder.rglob("*"))
    code, err = _run(args, folder, monkeypatch, capsys)
    assert code == 2, err
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err  # one line: no library warnings before it
    if lang == "zh":
        assert err.startswith("错误：") and chinese in err, err
        words = re.sub(r"文件 \S+?：", "文件：", err)  # the file's own name
        for allowed in ("PDF", "Excel", "Parquet", "UTF", "YAML"):
            words = words.replace(allowed, "")
        words = re.sub(r"\.[a-z]+\b", "", words)  # extensions: .yaml, .docx
        assert not re.search(r"[A-Za-z]{4,}", words), err  # no English words
    else:
        assert err.startswith("error: ") and english in err, err
    assert sorted(p.name for p in folder.rglob("*")) == before  # nothing written
