"""情景分析 page: carbon-peak pathways, target probabilities, measures, MAC, optimiser sliders.

Scenario files (YAML, :mod:`cocontrol.scenarios.spec`) are read from ``COCONTROL_SCENARIOS``
or ``<home>/scenarios``; a user sees those of the regions they may see. A file is run once
per modification (in a worker thread) and the result kept in memory; the page renders what
:mod:`cocontrol.scenarios.view` arranges and computes nothing itself.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from cocontrol.errors import CocontrolError
from cocontrol.web.deps import Viewer, WebError, viewer
from cocontrol.web.i18n import lang_of

router = APIRouter(include_in_schema=False)
Who = Annotated[Viewer, Depends(viewer)]
_LOCK = threading.Lock()
_RESULTS: dict[tuple[str, float], Any] = {}


def folder(request: Request) -> Path:
    env = os.environ.get("COCONTROL_SCENARIOS")
    return Path(env) if env else request.app.state.settings.home / "scenarios"


def _specs(request: Request, who: Viewer) -> list[tuple[str, Path, str]]:
    """(file stem, path, region) of every readable spec the user may see."""
    from cocontrol.scenarios.spec import load_yaml

    out = []
    for path in sorted(folder(request).glob("*.yaml")):
        try:
            data, _ = load_yaml(path.read_text(encoding="utf-8"))
        except Exception:  # an unreadable file is reported when opened, not in the list
            continue
        region = str(data.get("region", "")) if isinstance(data, dict) else ""
        if region and who.sees(region):
            out.append((path.stem, path, region))
    return out


def _run(path: Path) -> Any:
    import warnings

    from cocontrol.scenarios import runner
    from cocontrol.scenarios.spec import read_spec

    key = (str(path), path.stat().st_mtime)
    with _LOCK:
        if key in _RESULTS:
            return _RESULTS[key]
        spec = read_spec(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            result = runner.run(spec, quantiles=False)
        _RESULTS.clear()  # one city in memory at a time is enough for a city office
        _RESULTS[key] = result
        return result


def _pick(request: Request, who: Viewer, name: str | None) -> tuple[list, tuple | None]:
    specs = _specs(request, who)
    if name is not None:
        hit = [s for s in specs if s[0] == name]
        if not hit:
            raise WebError(404, "not_found", f"情景 {name} 不存在或无权查看 / no scenario {name!r}")
        return specs, hit[0]
    return specs, (specs[0] if specs else None)


@router.get("/scenarios")
async def page(request: Request, who: Who, name: str | None = None) -> Response:
    from cocontrol.scenarios.view import page as build
    from cocontrol.web.pages import render

    specs, chosen = _pick(request, who, name)
    view: dict[str, Any] = {"specs": [(s[0], s[2]) for s in specs], "chosen": None}
    if chosen is not None:
        view["chosen"] = chosen[0]
        try:
            result = await run_in_threadpool(_run, chosen[1])
            view.update(build(result, lang_of(request)))
        except CocontrolError as exc:
            view["error"] = str(exc)
    return render(request, "scenarios.html", who, page="scenarios", title="情景分析", v=view)


@router.get("/scenarios/portfolio")
async def portfolio(request: Request, who: Who, name: str, co2: int = 50, apeq: int = 50
                    ) -> Response:
    from cocontrol.scenarios.view import portfolio as solve
    from cocontrol.web.pages import render

    if not (0 <= co2 <= 100 and 0 <= apeq <= 100):
        raise WebError(422, "invalid", "目标比例应在 0–100 之间 / shares from 0 to 100")
    _, chosen = _pick(request, who, name)
    result = await run_in_threadpool(_run, chosen[1])
    return render(request, "partials/scenario_portfolio.html", who,
                  p=solve(result, co2 / 100, apeq / 100))
