"""``cocontrol inventory``: 排放清单 — compute the integrated GHG + air-pollutant inventory."""

from __future__ import annotations

import typer

app = typer.Typer(help="排放清单 — compute the integrated GHG + air-pollutant inventory", no_args_is_help=True)
