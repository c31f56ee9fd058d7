"""``cocontrol serve``: run the web platform (FastAPI + uvicorn)."""

from __future__ import annotations

import os
from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    year: Annotated[int | None, typer.Option(help="evaluation year shown by default (default: latest reported)")] = None,
    workers: Annotated[int, typer.Option(help="worker processes (one per core)")] = 1,
) -> None:
    """启动网页平台 / start the web dashboard (SQLite by default, PostgreSQL by COCONTROL_DATABASE_URL).

    First start creates the database, loads the seed cities' plans and demo data and the user
    ``admin`` (password from COCONTROL_ADMIN_PASSWORD, or generated and printed once).
    """
    import uvicorn

    from cocontrol.web.app import create_app
    from cocontrol.web.settings import Settings

    if year is not None:
        os.environ["COCONTROL_YEAR"] = str(year)
    typer.echo(f"cocontrol: http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs)")
    if workers > 1:
        create_app(Settings(year=year, seed_scenarios=True))  # migrate and seed once, before the workers start
        uvicorn.run("cocontrol.web.app:serve_app", factory=True, host=host, port=port, workers=workers,
                    log_level="info", proxy_headers=False)
        return
    # X-Forwarded-For is read by the app, only from COCONTROL_TRUSTED_PROXIES (cocontrol.web.auth)
    uvicorn.run(create_app(Settings(year=year, warm=True, seed_scenarios=True)), host=host, port=port, log_level="info",
                proxy_headers=False)
