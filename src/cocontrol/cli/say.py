"""How the CLI tells a user about an error: in Chinese by default, in English with
``COCONTROL_LANG=en`` or ``cocontrol --lang en`` (the words come from :mod:`cocontrol.messages`)."""

from __future__ import annotations

from typing import NoReturn

import typer

from cocontrol.messages import lang_from_env, render_error

PREFIX = {"zh": "错误：", "en": "error: "}


def error_text(exc: BaseException) -> str:
    """``错误：`` and the error with its file, sheet, row, column and what was expected."""
    lang = lang_from_env()
    return PREFIX[lang] + render_error(exc, lang)


def fail(exc: BaseException, code: int = 2) -> NoReturn:
    """Print the error to stderr and end the command with ``code`` (2: the user's input)."""
    typer.secho(error_text(exc), err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def pick(zh: str, en: str) -> str:
    """The sentence of the run's language."""
    return en if lang_from_env() == "en" else zh
