"""``cocontrol serve``: run the web platform (FastAPI + uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
) -> None:
    """启动网页平台 / start the web dashboard (SQLite by default, PostgreSQL by COCONTROL_DATABASE_URL)."""
    import uvicorn

    from cocontrol.web.app import create_app

    uvicorn.run(create_app(), host=host, port=port)
