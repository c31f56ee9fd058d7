"""The CLI speaks the user's language: Chinese by default, English with ``COCONTROL_LANG=en``
or the global ``--lang en`` — for input errors and for usage mistakes the parser catches."""

from __future__ import annotations

import re
import sys

import pytest

from cocontrol.cli import main


def _run(args: list[str], tmp_path, monkeypatch, capsys, lang: str | None = None) -> tuple[int, str]:
    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    if lang is None:
        monkeypatch.delenv("COCONTROL_LANG", raising=False)
    else:
        monkeypatch.setenv("COCONTROL_LANG", lang)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["cocontrol", *args])
    with pytest.raises(SystemExit) as done:
        main()
    return int(done.value.code or 0), capsys.readouterr().err


def test_a_missing_option_is_reported_in_chinese_then_english(tmp_path, monkeypatch, capsys):
    args = ["report", "dispatch", "--region", "济南市"]
    code, err = _run(args, tmp_path, monkeypatch, capsys)
    assert code == 2
    assert err.strip() == "错误：缺少选项 '--year' / '-y'。（用 cocontrol report dispatch --help 查看用法）"
    code, err = _run(args, tmp_path, monkeypatch, capsys, lang="en")
    assert code == 2
    assert err.strip() == "error: Missing option '--year' / '-y'. (see cocontrol report dispatch --help)"
    code, err = _run(["--lang", "en", *args], tmp_path, monkeypatch, capsys)
    assert code == 2 and err.startswith("error: Missing option")


def test_unknown_command_and_language(tmp_path, monkeypatch, capsys):
    code, err = _run(["nosuch"], tmp_path, monkeypatch, capsys)
    assert code == 2 and err.startswith("错误：没有命令 nosuch。")
    code, err = _run(["--lang", "fr", "doctor"], tmp_path, monkeypatch, capsys)
    assert code == 2
    assert err.strip() == "错误：列“--lang”：未知的语言（应为：zh（中文）或 en（英文）；实为：“fr”）"


def test_a_file_error_names_file_row_and_column_in_chinese(tmp_path, monkeypatch, capsys):
    (tmp_path / "bad.csv").write_text("region,year,sector,fuel,value\n"
                                      "济南市,20x0,电力、热力的生产和供应业,原煤,1\n", encoding="utf-8")
    code, err = _run(["inventory", "compute", "bad.csv", "-o", "out.csv"], tmp_path, monkeypatch,
                     capsys)
    assert code == 2
    assert err.splitlines() == ["错误：活动水平数据 bad.csv 有误（共 1 处问题）：",
                                "  - 文件 bad.csv，列“unit”：缺少该列（应为：该列存在）"]
    code, err = _run(["--lang", "en", "inventory", "compute", "bad.csv", "-o", "out.csv"],
                     tmp_path, monkeypatch, capsys)
    assert err.splitlines() == ["error: activity data bad.csv is invalid (1 problem(s)):",
                                "  - file bad.csv, column 'unit': missing column; expected column present"]
    assert not (tmp_path / "out.csv").exists()


def test_a_report_for_an_unknown_region_names_the_known_ones_in_chinese(tmp_path, monkeypatch,
                                                                        capsys):
    code, err = _run(["report", "annual", "--region", "上海市", "--year", "2023", "-o", "r.docx"],
                     tmp_path, monkeypatch, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert err.startswith("错误：地区“上海市”不在平台数据库中（应为：") and "济南市、" in err
    assert not (tmp_path / "r.docx").exists()


def test_a_report_for_an_unknown_region_in_english_names_the_store_in_english(tmp_path, monkeypatch, capsys):
    """The English error named the store in Chinese (… is not in 平台数据库); it says "the
    platform database" (the known regions follow as the names the store holds)."""
    monkeypatch.setattr("cocontrol.messages._chosen", [])  # this run's --lang en is not left to later tests
    code, err = _run(["--lang", "en", "report", "annual", "--region", "shanghai", "--year", "2023", "-o", "r.docx"],
                     tmp_path, monkeypatch, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert err.startswith("error: region 'shanghai' is not in the platform database; expected ") and "平台数据库" not in err


def test_an_unknown_region_lists_the_known_ones_in_the_language_of_the_message(tmp_path, monkeypatch, capsys):
    """The English error listed the known regions in Chinese (威海市); it gives their English names
    (refdata/terms.csv: 威海市 Weihai, 济南市 Jinan), the Chinese one the Chinese names."""
    monkeypatch.setattr("cocontrol.messages._chosen", [])
    code, err = _run(["--lang", "en", "report", "annual", "--region", "shanghai", "--year", "2023", "-o", "r.docx"],
                     tmp_path, monkeypatch, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "Weihai" in err and "Jinan" in err and not re.search(r"[\u4e00-\u9fff]", err), err
    monkeypatch.setattr("cocontrol.messages._chosen", [])
    code, err = _run(["report", "annual", "--region", "上海市", "--year", "2023", "-o", "r.docx"],
                     tmp_path, monkeypatch, capsys)
    assert code == 2 and "威海市" in err and "济南市、" in err and "Weihai" not in err and " / " not in err
