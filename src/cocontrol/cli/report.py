"""``cocontrol report``: 报告 — annual evaluation and dispatch reports (Word, Excel, HTML, PDF)."""

from __future__ import annotations

import typer

app = typer.Typer(help="报告 — annual evaluation and dispatch reports (Word, Excel, HTML, PDF)", no_args_is_help=True)
