"""The ``cocontrol`` command (Typer + Rich).

Each sub-command group lives in its own module and keeps heavy imports (Ibis, Spark,
FastAPI) inside the command functions, so ``cocontrol --version`` stays fast. Commands are
thin: parse → call the package's functions → render.

The command line builds only the group (or command) it names (:func:`_app_for`): importing
every sub-command module and building Typer's parameters for all 29 commands cost 0.05–0.07 s
of every run's start. Anything else — no name, ``--help``, an unknown name — gets the whole
tree, as does ``cocontrol.cli.app`` (built on first use).
"""

from __future__ import annotations

import functools
import importlib
import sys
from typing import Annotated, Any

import typer

from cocontrol.errors import CocontrolError, InputError

# name → (module under cocontrol.cli, attribute, a group of commands?), in the order of
# the help page
_PARTS: dict[str, tuple[str, str, bool]] = {
    "doctor": ("doctor", "doctor", False), "plan": ("plan", "app", True),
    "inventory": ("inventory", "app", True), "track": ("track", "app", True),
    "report": ("report", "app", True), "scenario": ("scenario", "app", True),
    "inclusive": ("inclusive", "app", True), "event": ("event", "app", True),
    "sinks": ("sinks", "app", True), "serve": ("serve", "serve", False),
    "enterprise": ("enterprise", "app", True)}


def _version(value: bool) -> None:
    if value:
        from cocontrol import __version__

        typer.echo(f"cocontrol {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="版本 / show version")
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="提示和错误的语言：zh（中文）或 en（英文），默认取 COCONTROL_LANG，否则中文"
                                 " / language of messages and errors: zh or en (default COCONTROL_LANG, else Chinese)")
    ] = None,
) -> None:
    """减污降碳协同增效平台 (cocontrol)."""
    from cocontrol.messages import choose

    if lang is not None and lang not in ("zh", "en"):
        raise InputError("unknown language", column="--lang", expected="zh or en", found=lang)
    choose(lang)


def _build(names: list[str]) -> typer.Typer:
    """The ``cocontrol`` app with the parts ``names`` of :data:`_PARTS` (their modules
    imported here)."""
    root = typer.Typer(
        name="cocontrol",
        help="减污降碳协同增效平台 — plans, inventory, evaluation, scenarios and reports.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    root.callback()(_root)
    for name in names:
        module, attr, group = _PARTS[name]
        part = getattr(importlib.import_module(f"cocontrol.cli.{module}"), attr)
        if group:
            root.add_typer(part, name=name)
        else:
            root.command(name)(part)
    return root


@functools.cache
def _whole() -> typer.Typer:
    """The whole command tree, built on first use."""
    return _build(list(_PARTS))


def __getattr__(name: str) -> Any:
    """``app``: the whole command tree (built once)."""
    if name == "app":
        return _whole()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _named(argv: list[str]) -> str | None:
    """The command the line names (its first word after the global options), when it is one
    of :data:`_PARTS` and no global ``--help`` comes before it; else None."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in _PARTS else None
        elif arg != "--version" and not arg.startswith("--lang="):
            return None  # --help or an unknown option: the whole tree says so
    return None


def _app_for(argv: list[str]) -> typer.Typer:
    """The app to parse ``argv`` with: only the part it names (:func:`_named`), else the
    whole tree."""
    name = _named(argv)
    return _build([name]) if name is not None else __getattr__("app")


def _leading_lang(argv: list[str]) -> str | None:
    """The value of the global ``--lang`` (before the command), read ahead of the parser so
    that a usage mistake in the rest of the line is reported in that language too."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang":
            return argv[i + 1] if i + 1 < len(argv) else None
        if not arg.startswith("-"):
            return None
    return None


# Set by a command whose process holds nothing to clean up once it has returned (the large-file
# inventory: output renamed into place, engine closed) — see :func:`_leave`.
quick_exit: list[bool] = [False]


def _entry_process() -> bool:
    """Whether this process was started as the command (``cocontrol`` or ``python -m
    cocontrol``), not a program that calls :func:`main` and goes on (a test)."""
    from pathlib import Path

    entry = sys.modules.get("__main__")
    spec = getattr(entry, "__spec__", None)
    if spec is not None:
        return bool(spec.name == "cocontrol.__main__")
    return Path(getattr(entry, "__file__", "") or "").name == "cocontrol"


def _leave(code: int) -> None:
    """End the process with ``code`` once the streams are flushed, without the interpreter's
    teardown — freeing every module and the engine's and tables' memory one object at a time,
    0.15–0.4 s after the 10 M-row inventory (measured under load) with nothing left to do."""
    import logging
    import os
    from contextlib import suppress

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe: nothing more can be said
            stream.flush()
    os._exit(code)


def main() -> None:
    """Console entry point: user mistakes end with a clear message and exit code 2; an
    unexpected failure ends in one line and exit code 1, the traceback only with
    ``COCONTROL_DEBUG=1``."""
    import os

    from cocontrol.cli.say import error_text, parser_exceptions, pick, usage_text
    from cocontrol.messages import choose

    parser_help, parser_errors, parser_abort = parser_exceptions()
    choose(_leading_lang(sys.argv[1:]))  # COCONTROL_LANG unless the global --lang says otherwise
    from cocontrol.cli.helptext import framework_words, localise
    from cocontrol.messages import lang_from_env

    lang = lang_from_env()
    framework_words(lang)
    command = typer.main.get_command(_app_for(sys.argv[1:]))
    localise(command, lang)  # help pages in the language of the messages
    try:
        code = command(standalone_mode=False, prog_name="cocontrol")
    except parser_help as exc:  # no arguments: the help text, as the parser shows it
        exc.show()  # type: ignore[attr-defined]
        sys.exit(exc.exit_code)  # type: ignore[attr-defined]
    except parser_errors as exc:  # usage: a missing option, a wrong value, an unknown command
        typer.secho(usage_text(exc), err=True, fg=typer.colors.RED)
        sys.exit(exc.exit_code)  # type: ignore[attr-defined]
    except parser_abort:
        typer.secho(pick("已中止", "Aborted!"), err=True)
        sys.exit(1)
    except CocontrolError as exc:
        typer.secho(error_text(exc), err=True, fg=typer.colors.RED)
        sys.exit(2)
    except RecursionError:
        typer.secho(error_text(CocontrolError("input is nested too deeply")), err=True,
                    fg=typer.colors.RED)
        sys.exit(2)
    except Exception as exc:
        if os.environ.get("COCONTROL_DEBUG"):
            raise
        detail = str(exc).splitlines()[0][:300] if str(exc) else ""
        typer.secho(error_text(CocontrolError(
            f"unexpected failure ({type(exc).__name__}: {detail}); nothing was written. "
            "Run with COCONTROL_DEBUG=1 for details.")), err=True, fg=typer.colors.RED)
        sys.exit(1)
    code = code if isinstance(code, int) else 0
    if quick_exit[0] and code == 0 and _entry_process():
        _leave(code)
    sys.exit(code)
