"""The CLI bad-input set (issue 11): every malformed input ends in one clear error naming the
file, exit code 2, no traceback, and nothing written or changed.

Run in-process through the console entry point :func:`cocontrol.cli.main` (the same code as
the ``cocontrol`` command, without starting a Python process per case)."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from cocontrol.cli import main

ACTIVITY = "region,year,sector,fuel,value,unit\n济南市,2020,电力、热力的生产和供应业,原煤,{v},万吨\n"
PLAN = Path(__file__).resolve().parents[2] / "examples" / "plans" / "zibo-2024-synergy.yaml"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _parquet(path: Path) -> Path:
    pd.read_csv(io.StringIO(ACTIVITY.format(v=1))).to_parquet(path)
    return path


def _make_files(tmp: Path) -> None:
    """The malformed files of :data:`CASES`, in ``tmp``."""
    (tmp / "empty.csv").write_bytes(b"")
    (tmp / "bom.csv").write_bytes(b"\xef\xbb\xbf\r\n  \n")
    (tmp / "header.csv").write_text("region,year,sector,fuel,value,unit\n", encoding="utf-8")
    (tmp / "binary.csv").write_bytes(bytes(range(256)) * 4096)
    with (tmp / "huge.csv").open("wb") as fh:  # 1 GiB, sparse: read it all and the test hangs
        fh.truncate(1 << 30)
    whole = _parquet(tmp / "whole.parquet").read_bytes()
    (tmp / "truncated.parquet").write_bytes(whole[: len(whole) // 2])
    (tmp / "junk.parquet").write_bytes(b"PAR1" + b"\x07" * 5000)
    (tmp / "junk.xlsx").write_bytes(b"this is not a workbook\n" * 100)
    _zip(tmp / "bomb.xlsx", {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<w/>",
                             "xl/worksheets/sheet1.xml": b"\0" * (40 << 20)})
    _zip(tmp / "bomb.docx", {"[Content_Types].xml": b"<x/>",
                             "word/document.xml": b"<w>" + b" " * (40 << 20) + b"</w>"})
    (tmp / "junk.docx").write_bytes(b"\x01\x02 not a zip" * 50)
    for name, v in (("inf", "inf"), ("e400", "1e400"), ("neginf", "-inf")):
        (tmp / f"{name}.csv").write_text(ACTIVITY.format(v=v), encoding="utf-8")
    (tmp / "nan.csv").write_text(ACTIVITY.format(v="nan"), encoding="utf-8")
    (tmp / "good.csv").write_text(ACTIVITY.format(v=1), encoding="utf-8")
    (tmp / "ids.csv").write_text(ACTIVITY.replace("unit\n", "unit,facility_id\n").replace(
        "万吨\n", "万吨,A1\n").format(v=1), encoding="utf-8")
    (tmp / "controls_inf.csv").write_text(
        "region,year,sector,fuel,technology,penetration\n"
        "济南市,2020,电力、热力的生产和供应业,原煤,scr,inf\n", encoding="utf-8")
    (tmp / "obs_inf.csv").write_text("indicator,year,value,unit\n非化石能源消费占比,2024,inf,%\n",
                                     encoding="utf-8")
    (tmp / "obs_1e400.csv").write_text(
        "indicator,year,value,unit\n非化石能源消费占比,2024,1e400,%\n", encoding="utf-8")
    (tmp / "obs_empty.csv").write_bytes(b"")
    plan = PLAN.read_text(encoding="utf-8")
    first = plan.index("value:", plan.index("targets:"))
    end = plan.index("\n", first)
    (tmp / "plan_inf.yaml").write_text(plan[:first] + "value: .inf" + plan[end:], encoding="utf-8")
    (tmp / "plan_1e400.json").write_text('{"plan": {"id": "x", "title": "x"}, "targets": '
                                         '[{"id": "T001", "indicator": "x", "value": 1e400}]}',
                                         encoding="utf-8")
    (tmp / "deep.yaml").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp / "deep.json").write_text('{"a": ' * 5_000 + "1" + "}" * 5_000, encoding="utf-8")
    (tmp / "plan_binary.yaml").write_bytes(b"\x00\x01\x02" * 1000)


inv = ["inventory", "compute"]
out = ["-o", "out.csv"]
CASES: dict[str, tuple[list[str], str, str]] = {
    # name → (arguments, words of the English error, words of the Chinese one)
    "empty csv": ([*inv, "empty.csv", *out], "file is empty", "文件为空"),
    "BOM-only csv": ([*inv, "bom.csv", *out], "file is empty", "文件为空"),
    "header only": ([*inv, "header.csv", *out], "no activity rows", "没有活动水平数据行"),
    "binary csv": ([*inv, "binary.csv", *out], "binary content", "内容为二进制"),
    "1 GiB binary": ([*inv, "huge.csv", *out], "binary content", "内容为二进制"),
    "truncated parquet": ([*inv, "truncated.parquet", *out], "not a valid Parquet", "不是有效的 Parquet 文件"),
    "junk parquet": ([*inv, "junk.parquet", *out], "not a valid Parquet", "不是有效的 Parquet 文件"),
    "junk xlsx": ([*inv, "junk.xlsx", *out], "not a valid Excel workbook", "不是有效的 Excel 工作簿"),
    "zip-bomb xlsx": ([*inv, "bomb.xlsx", *out], "zip bomb", "疑似压缩炸弹"),
    "inf": ([*inv, "inf.csv", *out], "not a finite number", "不是有限的数字"),
    "1e400": ([*inv, "e400.csv", *out], "not a finite number", "不是有限的数字"),
    "-inf": ([*inv, "neginf.csv", *out], "not a finite number", "不是有限的数字"),
    "nan": ([*inv, "nan.csv", *out], "not a number", "不是数字"),
    "facility_id": ([*inv, "ids.csv", *out], "did you mean facility?", "是否应为 facility？"),
    "controls inf": ([*inv, "good.csv", "--controls", "controls_inf.csv", *out],
                     "penetration", "普及率"),
    "controls empty": ([*inv, "good.csv", "--controls", "empty.csv", *out],
                       "file is empty", "文件为空"),
    "balance junk xlsx": (["inventory", "balance", "junk.xlsx", "--region", "济南市",
                           "--year", "2020", "-o", "act.csv"], "not a valid Excel workbook", "不是有效的 Excel 工作簿"),
    "observations inf": (["track", "import", "obs_inf.csv", "--plan", "zibo-2024-synergy",
                          "--history", "hist.csv"], "not a finite number", "不是有限的数字"),
    "observations 1e400": (["track", "import", "obs_1e400.csv", "--plan",
                            "zibo-2024-synergy", "--history", "hist.csv"],
                           "not a finite number", "不是有限的数字"),
    "observations empty": (["track", "import", "obs_empty.csv", "--plan",
                            "zibo-2024-synergy", "--history", "hist.csv"], "file is empty", "文件为空"),
    "plan value .inf": (["track", "status", "--plan", "plan_inf.yaml"], "finite number", "有限的数字"),
    "plan value 1e400 (json)": (["track", "status", "--plan", "plan_1e400.json"],
                                "finite number", "有限的数字"),
    "deep yaml": (["track", "status", "--plan", "deep.yaml"], "nested too deeply", "嵌套层数过多"),
    "deep json": (["track", "status", "--plan", "deep.json"], "nested too deeply", "嵌套层数过多"),
    "binary plan": (["track", "status", "--plan", "plan_binary.yaml"], "binary content", "内容为二进制"),
    "zip-bomb docx": (["plan", "extract", "bomb.docx", "-o", "plan.json"], "zip bomb", "疑似压缩炸弹"),
    "junk docx": (["plan", "extract", "junk.docx", "-o", "plan.json"], "not a .docx", "不是 .docx 文件"),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("bad_input")
    _make_files(tmp)
    return tmp


def _run(args: list[str], cwd: Path, monkeypatch, capsys) -> tuple[int, str]:
    # the platform's store (commands that read or write it) lives apart from the input folder
    monkeypatch.setenv("COCONTROL_HOME", str(cwd.parent / f"{cwd.name}_store"))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["cocontrol", *args])
    with pytest.raises(SystemExit) as done:
        main()
    return int(done.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_clear_error_and_nothing_is_written(case, lang, folder, monkeypatch,
                                                             capsys) -> None:
    """Chinese by default, English with COCONTROL_LANG=en: the same error either way."""
    args, english, chinese = CASES[case]
    if lang == "en":
        monkeypatch.setenv("COCONTROL_LANG", "en")
    else:
        monkeypatch.delenv("COCONTROL_LANG", raising=False)
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    code, err = _run(args, folder, monkeypatch, capsys)
    assert code == 2, err
    assert "Traceback" not in err, err
    if lang == "zh":
        assert err.startswith("错误：") and chinese in err, err
        assert not re.search(r"\b(file|row|column|expected|found|error)\b", err), err
    else:
        assert err.startswith("error: ") and english in err, err
    after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert after == before  # nothing written, nothing changed


def test_good_input_still_runs(folder, monkeypatch, capsys) -> None:
    """The control case: the same command on a good file writes its output (exit 0)."""
    code, err = _run(["inventory", "compute", "good.csv", "-o", "good_out.csv"], folder,
                     monkeypatch, capsys)
    assert code == 0, err
    out = pd.read_csv(folder / "good_out.csv")
    co2 = out[(out["species"] == "CO2") & (out["scope"] == 1)]["value"].sum()
    assert co2 == pytest.approx(19_002.988488, rel=1e-6)  # 1 万吨 原煤, worked in test_acceptance
