"""Every error message code of the package has a Chinese template (a scan of the source), and
the renderer puts file, sheet, row, column, expected and found into Chinese."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.messages import render, render_error, say, texts, translate

SRC = Path(__file__).resolve().parents[1] / "src" / "cocontrol"
ERRORS = {"CocontrolError", "InputError", "UnitError", "ReferenceDataError", "ConflictError",
          "ExpressionError", "Unavailable"}
# helpers that build a Problem from a message argument:
# (module, function) → (position of the message, position of the expected value)
HELPERS = {("data/activity.py", "report"): (1, None), ("data/controls.py", "report"): (1, 4),
           ("enterprises/cells.py", "problem"): (2, 3), ("enterprises/intake.py", "problem"): (2, 3),
           ("enterprises/registry.py", "problem"): (2, 3), ("enterprises/cems.py", "problem"): (2, 3),
           ("enterprises/cems.py", "_rows"): (5, 6), ("inventory/factor_sets.py", "bad"): (0, 3),
           ("synergy/system.py", "bad"): (1, 2), ("scenarios/spec.py", "add"): (1, 2),
           ("scenarios/expressions.py", "fail"): (0, 2)}
# modules whose raised sentences reach the users of the CLI and the web pages
USER_FACING = ("cli/", "data/", "plans/io.py", "plans/reader.py", "plans/workbook.py",
               "tracking/", "events/", "inclusive/records.py", "inclusive/methodology.py",
               "inclusive/ledger.py", "sinks/", "enterprises/", "reports/workspace.py",
               "reports/write.py", "reports/build.py", "units.py", "scenarios/optimize.py",
               "scenarios/io.py", "scenarios/template.py", "scenarios/expressions.py", "inventory/scan.py",
               "inventory/energy_balance.py", "inventory/factor_sets.py", "inventory/workbook.py",
               "store/events.py", "store/inclusive.py", "store/restoration.py")


def _sample(node: ast.AST) -> str | None:
    """The text a message expression produces, with ``x1`` for each value (an ``a if c else
    ""`` tail taken as empty)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else _value(v.value)
                       for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _sample(node.left), _sample(node.right)
        return None if left is None else left + ("x1" if right is None else right)
    if isinstance(node, ast.IfExp):
        return _sample(node.orelse)
    return None


def _value(node: ast.AST) -> str:
    """A formatted value: a constant choice (``'ambiguous' if c else 'unknown'``) as its last
    branch, anything else as ``x1``."""
    if isinstance(node, ast.IfExp) and isinstance(node.orelse, ast.Constant):
        return str(node.orelse.value)
    return "x1"


def _messages() -> list[tuple[str, str]]:
    """(where, sample text) of every message code and expected value in the source."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(  # expected = "…" (passed on below)
                    isinstance(t, ast.Name) and t.id in ("expected", "message") for t in node.targets):
                value = node.value
                for c in ([value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]):
                    text = _sample(c)
                    if text is not None and re.search(r"[A-Za-z]{3,}", text):
                        out.append((f"{rel}:{node.lineno}", text))
                continue
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            keywords = {k.arg: k.value for k in node.keywords}
            args: list[ast.AST | None] = []
            if name == "Problem":
                args = [node.args[0] if node.args else keywords.get("message")]
            elif name == "ValidationFailed":
                args = [node.args[1] if len(node.args) > 1 else keywords.get("summary")]
            elif (rel, name) in HELPERS:
                i, j = HELPERS[rel, name]
                args = [node.args[i] if len(node.args) > i else keywords.get("message")]
                if j is not None and len(node.args) > j:
                    args.append(node.args[j])
            elif name in ERRORS and rel.startswith(USER_FACING):
                args = [node.args[0] if node.args else None]
            elif name == "WebError" and len(node.args) > 2:  # an English detail of the web
                sample = _sample(node.args[2])
                if sample is None or re.search(r"[\u4e00-\u9fff]", sample):
                    continue  # (Chinese, English) pairs and Chinese sentences need no template
                args = [node.args[2]]
            else:
                continue
            if name != "ValidationFailed":
                args.append(keywords.get("expected"))
            for arg in args:
                if arg is None:
                    continue
                # "missing value" if … else "not a number": both branches
                candidates = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
                for c in candidates:
                    text = _sample(c)
                    if text is not None and re.search(r"[A-Za-z]{3,}", text):
                        out.append((f"{rel}:{node.lineno}", text))
    return out


def test_the_scan_finds_the_messages() -> None:
    found = {text for _, text in _messages()}
    assert {"missing column", "bad year", "not a finite number", "file is empty",
            "no activity rows", "region x1 is not in x1"} <= found
    assert len(found) > 300


def test_every_message_code_has_a_chinese_template() -> None:
    missing = [f"{where}: {text}" for where, text in _messages() if translate(text, "zh") is None]
    assert not missing, "no Chinese template in refdata/messages.csv for:\n" + "\n".join(missing)


def test_every_chinese_template_is_chinese() -> None:
    """Chinese words only, besides formulas, units, file formats and the names a user types
    (column names, option names, YAML keys)."""
    bad = []
    for where, text in _messages():
        zh = translate(text, "zh") or ""
        words = re.findall(r"[A-Za-z][A-Za-z_]{3,}", zh.replace("x1", ""))
        allowed = {"Parquet", "Excel", "Word", "YAML", "JSON", "UTF", "GBK", "CEADs", "STIRPAT",
                   "LMDI", "APeq", "DuckDB", "Spark", "WeasyPrint", "MiB", "docx", "xlsx", "parquet",
                   "html", "json", "yaml", "zh", "en", "tCO2e", "CCER", "GB18030", "PAR1",
                   "PySpark", "pyspark", "pdf", "csv", "fonts", "noto", "cjk", "Noto", "Sans",
                   "CJK", "Debian", "cocontrol", "pip", "install", "extract", "plan", "format",
                   "force", "target", "draws", "lang", "lumpy", "true", "false", "measure", "cost",
                   "excludes", "requires", "text", "table", "region", "year", "sector", "fuel",
                   "value", "unit", "species", "technology", "facility", "month", "scope",
                   "label", "source", "record_id", "person", "scene", "start", "end", "distance_km",
                   "quantity", "penetration", "history", "GrowthAs", "Remainder", "dimensions",
                   "name_zh", "indicators", "BCEF", "COCONTROL_ADMIN_PASSWORD", "tCO2", "kWh", "MWh",
                   "seed", "targets", "tasks", "gold", "stat", "emission", "apeq", "reduction_rate",
                   "document", "xml", "word", "weights", "periods", "note", "VOCs", "facility_id",
                   "stack_id", "enterprise_id", "green_mwh", "purchased_mwh", "stirpat", "impact",
                   "drivers", "share", "amount", "against", "full", "alpha", "beta",
                   "panel", "direction", "subsystem", "from", "uptake", "high", "mode", "fuel_switch",
                   "to_fuel", "grid_factor", "CO2", "industry_sector", "canonical", "edition",
                   "status", "BEF", "SVD", "indicator", "name", "measures", "scenario",
                   "BCEF_S", "variable", "area", "Raw_Coal", "COCONTROL_DEBUG", "Growth", "Step", "Interp",
                   "Authorization", "Bearer"}
        if set(words) - allowed:
            bad.append(f"{where}: {text!r} → {zh!r}")
    assert not bad, "\n".join(bad)


def test_a_problem_in_chinese_names_file_sheet_row_column_expected_and_found() -> None:
    p = Problem("missing column", file="bad.csv", sheet="排放源", row=12, column="unit",
                expected="column present")
    assert render(p, "zh") == "文件 bad.csv，工作表“排放源”，第 12 行，列“unit”：缺少该列（应为：该列存在）"
    assert render(p, "en") == str(p)
    assert render(p, "en") == "file bad.csv, sheet '排放源', row 12, column 'unit': missing column; expected column present"


def test_values_in_a_template_are_carried_and_nested_codes_translated() -> None:
    assert translate("bad year in 1,234 rows", "zh") == "1,234 行的年份有误"
    assert translate("region '上海市' is not in 平台数据库", "zh") == "地区“上海市”不在平台数据库中"
    nested = translate("not a number: 12 more rows like these", "zh")
    assert nested == "不是数字：另有 12 行同类问题"
    assert say("some sentence nobody wrote down", "zh") == "some sentence nobody wrote down"
    assert say("some sentence nobody wrote down", "zh", strict=True) == "输入有误"
    assert say("上传文件过大 / upload too large", "zh") == "上传文件过大"
    assert say("上传文件过大 / upload too large", "en") == "upload too large"


def test_a_validation_failure_lists_every_problem_in_chinese() -> None:
    exc = ValidationFailed([Problem("bad year", file="a.csv", row=3, column="year", found="20x3",
                                    expected="a year such as 2023"),
                            Problem("not a finite number", file="a.csv", row=4, column="value")],
                           "activity data a.csv is invalid")
    zh = render_error(exc, "zh")
    assert zh.splitlines() == [
        "活动水平数据 a.csv 有误（共 2 处问题）：",
        "  - 文件 a.csv，第 3 行，列“year”：年份有误（应为：年份，如 2023；实为：“20x3”）",
        "  - 文件 a.csv，第 4 行，列“value”：不是有限的数字"]
    assert render_error(exc, "en") == str(exc)
    zh, en = texts(InputError("file is empty", file="/tmp/x.csv"), file="x.csv")
    assert zh == "文件 x.csv：文件为空" and en == "file x.csv: file is empty"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lang_from_env(lang, monkeypatch) -> None:
    from cocontrol.messages import lang_from_env

    monkeypatch.setenv("COCONTROL_LANG", lang)
    assert lang_from_env() == lang
    monkeypatch.setenv("COCONTROL_LANG", "fr")
    assert lang_from_env() == "zh"


def test_suggested_sectors_and_fuels_read_in_the_message_language() -> None:
    """A Chinese error suggests Chinese names (纺织业), once, never the English beside them."""
    from cocontrol.data.names import sectors

    hint = sectors().suggest("Textile Industri")
    assert "Textile Industry" in hint  # the vocabulary offers the English name first
    message = f"unknown sector in 3 rows — did you mean {' / '.join(hint)}?"
    zh = say(message, "zh")
    assert zh.startswith("3 行的行业未知——是否应为 纺织业") and "Textile" not in zh
    assert zh.count("纺织业") == 1
    assert say(message, "en") == message
