"""Errors in the user's language: one renderer for every surface (CLI, web pages, API).

The package raises :class:`~cocontrol.errors.Problem` / ``CocontrolError`` with an English
message that doubles as the message code ("missing column", "bad year in {n} rows" …). The
catalogue ``refdata/messages.csv`` gives each code its Chinese template; ``{name}`` in the
English template matches any text, which the Chinese template repeats (itself translated when
it is a code of the catalogue, e.g. a column word or a nested message). Chinese is the default;
English is the message as raised, so the English edition says exactly what the code says.

``render(problem, "zh")`` → ``文件 bad.csv，第 12 行，列“unit”：缺少该列（应为：……；实为：“x”）``.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

from cocontrol.errors import InputError, Problem, ValidationFailed

LANGS = ("zh", "en")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LATIN_WORD = re.compile(r"[A-Za-z]{4,}")
UNKNOWN_ZH = "输入有误"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BILINGUAL = re.compile(r"\A(.*[\u4e00-\u9fff][^/]*) / ([^\u4e00-\u9fff]+)\Z", re.S)
_CJK_LIST = re.compile(r"(?<=[\u4e00-\u9fff]), (?=[\u4e00-\u9fff])")  # 威海市, 济南市 → 威海市、济南市


TRANSLATED = frozenset({"msg", "what", "kind", "reason", "trouble", "store", "detail"})
"""Placeholders whose value is itself a code of the catalogue (a nested message, a column word,
a reason); every other value (names, numbers, suggestions a user types) is shown as given."""

_chosen: list[str] = []  # the CLI's ``--lang`` of this run (wins over the environment)


def choose(lang: str | None) -> None:
    """Set (a language) or clear (None) the language of this process's messages."""
    _chosen[:] = [lang] if lang in LANGS else []


def lang_from_env() -> str:
    """The CLI's ``--lang``, else ``COCONTROL_LANG`` (zh or en); Chinese when unset or unknown."""
    if _chosen:
        return _chosen[0]
    lang = os.environ.get("COCONTROL_LANG", "zh").strip().lower()[:2]
    return lang if lang in LANGS else "zh"


@lru_cache(maxsize=1)
def _catalogue() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    """(exact English → Chinese, [(pattern of a template, Chinese template)]), the patterns
    most specific first: the longest fixed text before the first ``{…}``, then the longest
    fixed text in all ("unit mismatch: {reason}" before "unit {unit} does not fit {fuel} …")."""
    exact: dict[str, str] = {}
    templates: list[tuple[tuple[int, int], re.Pattern[str], str]] = []
    text = resources.files("cocontrol.refdata").joinpath("messages.csv").read_text("utf-8")
    for row in csv.DictReader(text.splitlines()):
        en, zh = row["en"], row["zh"]
        if not _PLACEHOLDER.search(en):
            exact[en] = zh
            continue
        pattern, fixed, pos, seen = "", 0, 0, set()
        for m in _PLACEHOLDER.finditer(en):
            name = m.group(1)  # a name used twice must match the same text twice
            group = f"(?P={name})" if name in seen else f"(?P<{name}>.*?)"
            seen.add(name)
            pattern += re.escape(en[pos:m.start()]) + group
            fixed += m.start() - pos
            pos = m.end()
        pattern += re.escape(en[pos:])
        fixed += len(en) - pos
        prefix = _PLACEHOLDER.search(en).start()  # type: ignore[union-attr]
        templates.append(((prefix, fixed), re.compile(pattern + r"\Z", re.S), zh))
    templates.sort(key=lambda t: (-t[0][0], -t[0][1]))
    return exact, [(p, zh) for _, p, zh in templates]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"" \
            and value[0] not in value[1:-1]:
        return value[1:-1]
    return value


def translate(text: str, lang: str = "zh", _depth: int = 0) -> str | None:
    """``text`` (a message code of the catalogue, with its values) in ``lang``; None when the
    catalogue does not know it. English returns the text unchanged."""
    if lang == "en":
        return text
    exact, templates = _catalogue()
    stripped = text.strip()
    if stripped in exact:
        return exact[stripped]
    for pattern, zh in templates:
        m = pattern.match(stripped)
        if m is None:
            continue
        values = {}
        for name, value in m.groupdict().items():
            value = _unquote(value.strip())
            inner = (translate(value, lang, _depth + 1)
                     if name in TRANSLATED and _depth < 3 and value else None)
            if name in ("fuel", "sector"):  # Natural_Gas → 天然气
                from cocontrol.data.names import label

                inner = label(name, value, lang)
            if name == "hint":  # suggested sectors or fuels by their names in ``lang``
                inner = _hint_names(value, lang)
            values[name] = inner if inner is not None else value
        return _PLACEHOLDER.sub(lambda p, v=values: v.get(p.group(1), p.group(0)), zh)
    return None


def _hint_names(hint: str, lang: str) -> str:
    """``"Textile Industry / 纺织业"`` → ``"纺织业"``: each suggested sector or fuel by its name in
    ``lang`` (once); other suggestions (column names) as given."""
    from cocontrol.data.names import fuels, label, sectors

    out: list[str] = []
    for part in hint.split(" / "):
        shown = part
        for kind, vocab in (("sector", sectors()), ("fuel", fuels())):
            code = vocab.resolve(part)
            if code is not None:
                shown = label(kind, code, lang)
                break
        if shown not in out:
            out.append(shown)
    return " / ".join(out)


def say(text: str, lang: str = "zh", *, strict: bool = False) -> str:
    """``text`` in ``lang``; an unknown English text stays as it is (the CLI: better English
    than nothing), or with ``strict`` (a Chinese page) becomes a generic Chinese word."""
    pair = _BILINGUAL.match(text)
    if pair:  # "中文 / English": the half of the language
        return pair.group(1) if lang == "zh" else pair.group(2)
    out = translate(text, lang)
    if out is not None:
        return out
    if strict and lang == "zh" and _LATIN_WORD.search(text) and not _CJK.search(text):
        return UNKNOWN_ZH  # (a sentence with Chinese in it, e.g. "中文 / English", stays)
    return text


def describe(problem: Problem, lang: str = "zh", *, expected: str | None = None,
             strict: bool = False) -> str:
    """What is wrong, what was expected and what was found, without the place (for a page
    that shows sheet, row and column in columns of its own). ``expected`` overrides the
    problem's expected value (already in ``lang``)."""
    if lang == "en":
        text = problem.message
        if problem.expected:
            text += f"; expected {problem.expected}"
        if problem.found is not None:
            text += f", found {problem.found!r}"
        return text
    text = say(problem.message, lang, strict=strict)
    detail = []
    if expected is None and problem.expected:
        expected = _CJK_LIST.sub("、", say(problem.expected, lang, strict=strict))
    if expected and expected != UNKNOWN_ZH:
        detail.append(f"应为：{expected}")
    if problem.found is not None:
        found = _catalogue()[0].get(problem.found, problem.found)  # BadZipFile → 损坏的压缩包
        detail.append(f"实为：“{found}”")
    if detail:
        text += "（" + "；".join(detail) + "）"
    return text


def render(problem: Problem, lang: str = "zh", *, file: str | None = None,
           columns: Mapping[str, str] | None = None, sheets: Mapping[str, str] | None = None,
           strict: bool = False) -> str:
    """One problem with where it is and what was expected, in ``lang``:
    ``文件 a.csv，工作表“表1”，第 12 行，列“unit”：缺少单位（应为：……；实为：“……”）``.

    ``file`` replaces the stored file name (an upload's own name instead of a temporary path);
    ``columns``/``sheets`` map the stored names to the ones the user sees in the file."""
    column = (columns or {}).get(problem.column or "", problem.column)
    sheet = (sheets or {}).get(problem.sheet or "", problem.sheet)
    if lang == "en":
        return str(Problem(**{**problem.__dict__, "file": file or problem.file,
                              "column": column, "sheet": sheet}))
    where = []
    if file or problem.file:
        where.append(f"文件 {file or problem.file}")
    if sheet:
        where.append(f"工作表“{sheet}”")
    if problem.line is not None:
        where.append(f"第 {problem.line} 行")
    if problem.row is not None:
        where.append(f"第 {problem.row} 行")
    if column:
        where.append(f"列“{column}”")
    text = describe(problem, lang, strict=strict)
    return ("，".join(where) + "：" + text) if where else text


def render_error(exc: BaseException, lang: str = "zh", *, file: str | None = None,
                 strict: bool = False, limit: int = 200) -> str:
    """A ``CocontrolError`` as the user reads it: a validation failure with its summary and
    every problem (one a line, at most ``limit``), an input error with its place, any other
    error as its translated sentence."""
    if lang == "en" and file is None:
        return str(exc)
    if isinstance(exc, ValidationFailed):
        summary = getattr(exc, "summary", None) or "input failed validation"
        n = len(exc.problems)
        head = (f"{say(summary, lang, strict=strict)}（共 {n} 处问题）：" if lang == "zh"
                else f"{summary} ({n} problem(s)):")
        lines = [head] + [f"  - {render(p, lang, file=file, strict=strict)}"
                          for p in exc.problems[:limit]]
        if n > limit:
            lines.append(f"  …… 另有 {n - limit} 处" if lang == "zh" else f"  … and {n - limit} more")
        return "\n".join(lines)
    if isinstance(exc, InputError):
        return render(exc.problem, lang, file=file, strict=strict)
    text = str(exc)
    if lang == "en":
        return text
    return "\n".join(say(line, lang, strict=strict) for line in text.splitlines() or [""])


class Texts(tuple):  # type: ignore[type-arg]
    """(Chinese, English) of one error: the web shows the page's language as ``detail`` and
    keeps the English (the message code with its values) as the API's ``reason``."""

    def map(self, f) -> Texts:  # type: ignore[no-untyped-def]
        return Texts(f(t) for t in self)


def texts(exc: BaseException, *, file: str | None = None) -> Texts:
    """(Chinese, English) of an error, for a web answer that picks by the page's language;
    the Chinese never shows an English sentence (unknown ones become a generic word)."""
    return Texts((render_error(exc, "zh", file=file, strict=True),
                  render_error(exc, "en", file=file)))
