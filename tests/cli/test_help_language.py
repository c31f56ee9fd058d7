"""Help pages in the user's language (issue 9, item 4): ``cocontrol --help`` and every
sub-command's help are Chinese by default — Typer's own words (Usage, Options, Commands,
[required], “Show this message and exit.”) included — and English with ``--lang en`` or
``COCONTROL_LANG=en``."""

from __future__ import annotations

import re
import sys

import pytest
import typer

from cocontrol.cli import app, main
from cocontrol.cli.helptext import half

ENGLISH_FRAME = ("Show this message", "Usage:", "Options", "Commands", "Arguments", "[required]", "[default:",
                 "<int range>", "<float range>", "<text>", "<integer>")


def _help(args: list[str], monkeypatch, capsys) -> str:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(sys, "argv", ["cocontrol", *args, "--help"])
    with pytest.raises(SystemExit) as done:
        main()
    assert (done.value.code or 0) == 0
    return capsys.readouterr().out


def _commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    out = [[]]
    for name, group in root.commands.items():
        out.append([name])
        out += [[name, sub] for sub in getattr(group, "commands", {})]
    return out


def test_help_is_chinese_by_default(monkeypatch, capsys) -> None:
    monkeypatch.delenv("COCONTROL_LANG", raising=False)
    for args in _commands():
        text = _help(args, monkeypatch, capsys)
        for word in ENGLISH_FRAME:
            assert word not in text, (args, word)
        assert "用法：cocontrol" in text and "显示本帮助并退出" in text, args
    root = _help([], monkeypatch, capsys)
    assert "选项" in root and "命令" in root and "规划" in root
    assert "extract targets" not in root and "plans, inventory" not in root
    load = _help(["plan", "load"], monkeypatch, capsys)
    assert "审核后的规划" in load and "reviewed plan" not in load


@pytest.mark.parametrize("how", ["option", "env"])
def test_help_is_english_on_request(how, monkeypatch, capsys) -> None:
    if how == "env":
        monkeypatch.setenv("COCONTROL_LANG", "en")
        args: list[str] = []
    else:
        monkeypatch.delenv("COCONTROL_LANG", raising=False)
        args = ["--lang", "en"]
    text = _help(args, monkeypatch, capsys)
    assert "Show this message and exit." in text and "Commands" in text
    assert "Extract targets and tasks from a plan document" in text
    assert not re.search(r"[\u4e00-\u9fff]", text)


def test_half_splits_only_bilingual_text() -> None:
    assert half("规划 — extract targets and tasks", "zh") == "规划"
    assert half("规划 — extract targets and tasks", "en") == "Extract targets and tasks"
    assert half("版本 / show version", "en") == "Show version"
    assert half("评估年度（默认上一年）", "en") == "评估年度（默认上一年）"  # nothing to split
    assert half("json | yaml | xlsx", "zh") == "json | yaml | xlsx"


LITERAL = {  # what a user types or reads on a file: values, formats, products, file and column names
    "json", "yaml", "xlsx", "csv", "parquet", "docx", "html", "pdf", "txt", "md", "text", "table", "duckdb", "spark",
    "CO2", "SO2", "NOx", "VOCs", "tcses2024", "previous", "AR4", "AR5", "AR6", "IPCC", "IAMC", "pyam", "CO", "CO2e", "Excel", "Spark", "YAML", "JSON", "CSV", "Parquet",
    "Word", "PDF", "HTML", "SQLite", "API", "UTF", "GBK", "COCONTROL_LANG", "COCONTROL_DATABASE_URL", "COCONTROL_HOME",
    "uncertainty", "observations", "history", "activity", "file", "zh", "en", "host", "rongcheng", "plan", "extract",
    "event", "template", "sinks", "inventory", "compute", "axis", "label", "lower", "upper", "grade", "rule", "parameter",
    "value", "region", "year", "sector", "fuel", "species", "unit", "scope",
}


def test_chinese_option_help_describes_values_in_chinese(monkeypatch, capsys) -> None:
    """Every option and argument of every command, in the Chinese help: Chinese words, with only
    the literal values, formats, file and column names a user types (``json``, ``.xlsx``,
    ``COCONTROL_HOME``) in Latin letters — "json | yaml" alone or "English edition" fail."""
    monkeypatch.delenv("COCONTROL_LANG", raising=False)
    for args in _commands():
        text = _help(args, monkeypatch, capsys)
        for line in text.splitlines():
            if not line.strip() or line.lstrip().startswith(("╭", "╰", "用法")):
                continue  # panel borders and the usage line (command and metavar names)
            line = re.sub(r"^\s*│\s*\*?\s*[a-z][a-z-]*", "│", line)  # the command's, option's or argument's name
            body = re.sub(r"(?<![\w.])--?[a-z][a-z0-9-]*|<[^>]*>|\[默认：[^\]]*\]|[\w.-]*\.(?:xlsx|csv|docx|json)\b|"
                          r"spark://\S+|\$\w+", " ", line)
            words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]+", body)) - LITERAL
            assert not words, (args, words, line.strip())
            if re.search(r"[a-z]", body) and "│" in line and len(line.split()) > 3:
                assert re.search(r"[\u4e00-\u9fff]", body), (args, line.strip())  # not "text | json" alone
    assert "全球增温潜势" in _help(["inventory", "compute"], monkeypatch, capsys)
    assert "输出格式：json（默认）、yaml 或 xlsx" in _help(["plan", "extract"], monkeypatch, capsys)


def test_english_help_of_every_command_has_no_chinese(monkeypatch, capsys) -> None:
    """Mirror of the Chinese-help test: with ``--lang en`` every command's and sub-command's help
    (description, options, arguments) is English — an English user meets no Chinese. Only a
    default output file name (``[default: 碳中和报告.docx]``) stays as the file is named."""
    monkeypatch.delenv("COCONTROL_LANG", raising=False)
    found = {}
    for args in _commands():
        text = _help(["--lang", "en", *args], monkeypatch, capsys)
        text = re.sub(r"\[default: [^\]]*\]", "", text)
        lines = [line.strip() for line in text.splitlines() if re.search(r"[\u4e00-\u9fff]", line)]
        if lines:
            found[" ".join(args) or "(root)"] = lines
    assert not found, found
