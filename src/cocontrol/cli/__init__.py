"""The ``cocontrol`` command (Typer + Rich).

Each sub-command group lives in its own module and keeps heavy imports (Ibis, Spark,
FastAPI) inside the command functions, so ``cocontrol --version`` stays fast. Commands are
thin: parse → call the package's functions → render.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from cocontrol import __version__
from cocontrol.cli import (
    doctor,
    enterprise,
    event,
    inclusive,
    inventory,
    plan,
    report,
    serve,
    sinks,
    track,
)
from cocontrol.errors import CocontrolError, InputError

app = typer.Typer(
    name="cocontrol",
    help="减污降碳协同增效平台 — plans, inventory, evaluation, scenarios and reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cocontrol {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="版本 / show version")
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="提示和错误的语言 zh | en（默认 COCONTROL_LANG，否则中文）"
                                 " / language of messages and errors")
    ] = None,
) -> None:
    """减污降碳协同增效平台 (cocontrol)."""
    from cocontrol.messages import choose

    if lang is not None and lang not in ("zh", "en"):
        raise InputError("unknown language", column="--lang", expected="zh or en", found=lang)
    choose(lang)


app.command("doctor")(doctor.doctor)
app.add_typer(plan.app, name="plan")
app.add_typer(inventory.app, name="inventory")
app.add_typer(track.app, name="track")
app.add_typer(report.app, name="report")
app.add_typer(importlib.import_module("cocontrol.cli.scenario").app, name="scenario")
app.add_typer(inclusive.app, name="inclusive")
app.add_typer(event.app, name="event")
app.add_typer(sinks.app, name="sinks")
app.command("serve")(serve.serve)
app.add_typer(enterprise.app, name="enterprise")


def main() -> None:
    """Console entry point: user mistakes end with a clear message and exit code 2; an
    unexpected failure ends in one line and exit code 1, the traceback only with
    ``COCONTROL_DEBUG=1``."""
    import os

    from cocontrol.cli.say import error_text
    from cocontrol.messages import choose

    choose(None)  # a fresh run reads COCONTROL_LANG unless --lang says otherwise
    try:
        app()
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
