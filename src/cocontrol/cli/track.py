"""``cocontrol track``: 进展跟踪 — observations, target status, forecasts, warnings."""

from __future__ import annotations

import typer

app = typer.Typer(help="进展跟踪 — observations, target status, forecasts, warnings", no_args_is_help=True)
