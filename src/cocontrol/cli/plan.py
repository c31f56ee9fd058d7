"""``cocontrol plan``: 规划 — extract targets and tasks from a plan document, review, load."""

from __future__ import annotations

import typer

app = typer.Typer(help="规划 — extract targets and tasks from a plan document, review, load", no_args_is_help=True)
