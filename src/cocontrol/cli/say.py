"""How the CLI tells a user about an error: in Chinese by default, in English with
``COCONTROL_LANG=en`` or ``cocontrol --lang en`` (the words come from :mod:`cocontrol.messages`)."""

from __future__ import annotations

from typing import NoReturn

import typer

from cocontrol.messages import lang_from_env, render_error, say

PREFIX = {"zh": "错误：", "en": "error: "}


def parser_exceptions() -> tuple[tuple[type, ...], tuple[type, ...], tuple[type, ...]]:
    """(no-arguments help, usage errors, abort) of the command-line parser: those of the copy
    of click that Typer ≥ 0.24 carries inside itself, and of click itself."""
    import importlib

    help_: list[type] = []
    errors: list[type] = []
    abort: list[type] = [typer.Abort]
    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for found, attr in ((help_, "NoArgsIsHelpError"), (errors, "ClickException"),
                            (abort, "Abort")):
            if isinstance(getattr(module, attr, None), type):
                found.append(getattr(module, attr))
    return tuple(help_), tuple(errors), tuple(abort)


def error_text(exc: BaseException) -> str:
    """``错误：`` and the error with its file, sheet, row, column and what was expected."""
    lang = lang_from_env()
    return PREFIX[lang] + render_error(exc, lang)


def usage_text(exc: object) -> str:
    """A usage mistake caught by the command line parser (click: a missing option, a value
    of the wrong type, an unknown command), with the command whose help explains it."""
    lang = lang_from_env()
    ctx = getattr(exc, "ctx", None)
    message = exc.format_message()  # type: ignore[attr-defined]
    text = PREFIX[lang] + say(message, lang)
    if ctx is not None:
        text += pick(f"（用 {ctx.command_path} --help 查看用法）",
                     f" (see {ctx.command_path} --help)")
    return text


def fail(exc: BaseException, code: int = 2) -> NoReturn:
    """Print the error to stderr and end the command with ``code`` (2: the user's input)."""
    typer.secho(error_text(exc), err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def pick(zh: str, en: str) -> str:
    """The sentence of the run's language."""
    return en if lang_from_env() == "en" else zh
