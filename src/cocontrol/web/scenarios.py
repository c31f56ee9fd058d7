"""情景分析 page: carbon-peak pathways, target probabilities, measures, MAC, optimiser sliders.

Scenario files (YAML, :mod:`cocontrol.scenarios.spec`) are read from ``COCONTROL_SCENARIOS``
or ``<home>/scenarios``; a user sees those of the regions they may see. A file is run once
per content (spec, activity and control files, release). Opening the page never computes: it
shows the stored result, the 正在计算 card of a run under way (polling ``/scenarios/status``), or
a 尚未计算 card whose button (``POST /scenarios/run``; analysts, coordinators, administrators)
starts the run in a background thread. The result is kept in memory and stored by
:mod:`cocontrol.scenarios.stored` (other workers, later starts and the annual report read it). The
page renders what :mod:`cocontrol.scenarios.view` arranges and computes nothing itself.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from cocontrol.errors import CocontrolError
from cocontrol.scenarios import stored
from cocontrol.scenarios.stored import content_key
from cocontrol.web.deps import Viewer, WebError, viewer
from cocontrol.web.i18n import lang_of

router = APIRouter(include_in_schema=False)
Who = Annotated[Viewer, Depends(viewer)]
_LOCK = threading.Lock()
_JOBS: dict[str, Job] = {}  # content key → run (at most one city's result kept in memory)
log = logging.getLogger(__name__)
RUNNERS = ("analyst", "coordinator")
"""Roles (besides the administrator) that may start a scenario run: it keeps a core busy."""


def folder(request: Request) -> Path:
    return stored.folder(request.app.state.settings.home)


def _specs(request: Request, who: Viewer) -> list[tuple[str, Path, str, str]]:
    """(file stem, path, region, title) of every readable spec the user may see."""
    from cocontrol.scenarios.spec import load_yaml

    out = []
    for path in sorted(folder(request).glob("*.yaml")):
        try:
            data, _ = load_yaml(path.read_text(encoding="utf-8"))
        except Exception:  # an unreadable file is reported when opened, not in the list
            continue
        region = str(data.get("region", "")) if isinstance(data, dict) else ""
        if region and who.sees(region):
            out.append((path.stem, path, region, str(data.get("title") or region)))
    return out


class Job:
    """One background run of a scenario file (state ``running``, ``done`` or ``failed``)."""

    def __init__(self) -> None:
        self.state, self.started, self.result = "running", time.time(), None
        self.error: tuple[str, str] = ("", "")  # (Chinese, English)

    @property
    def elapsed(self) -> int:
        return int(time.time() - self.started)


def _compute(path: Path, key: str, home: Path, job: Job) -> None:
    """The run (in a background thread), kept in memory and stored on disk
    (:func:`cocontrol.scenarios.stored.compute_and_store`, as the annual report's chapter)."""
    try:
        job.result, job.state = stored.compute_and_store(path, home, key), "done"
    except CocontrolError as exc:
        from cocontrol.messages import texts

        job.error, job.state = texts(exc), "failed"  # (Chinese, English)
    except Exception:  # logged; the page says it failed, never a traceback
        log.exception("scenario run of %s failed", path.name)
        job.error, job.state = ("计算失败", "the run failed"), "failed"


def result_or_job(path: Path, home: Path, *, start: bool = True) -> tuple[Any, Job | None]:
    """The result of ``path`` (memory, else the disk cache keyed by content), or the
    background job computing it — started here when none runs and ``start`` (else ``(None,
    None)``: not computed yet). Never computes inline."""
    key = content_key(path)
    with _LOCK:
        job = _JOBS.get(key)
        if job is not None and job.state == "done":
            return job.result, job
        if job is not None and job.state == "running":
            return None, job
        # a run stored since (by another worker or the annual report) replaces a failed one
        result = stored.load(home, key) if job is None or job.state == "failed" else None
        if result is not None:
            done = Job()
            done.result, done.state = result, "done"
            _JOBS.clear()  # one city in memory at a time is enough for a city office
            _JOBS[key] = done
            return result, done
        if job is not None and job.state == "failed" and not start:
            return None, job
        if not start:
            return None, None
        for k in [k for k, j in _JOBS.items() if j.state != "running"]:
            del _JOBS[k]
        job = _JOBS[key] = Job()
    threading.Thread(target=_compute, args=(path, key, home, job), daemon=True,
                     name=f"scenario-{path.stem}").start()
    return None, job


def for_report(home: Path) -> Any:
    """The annual report's source of a run in a web request (:func:`cocontrol.scenarios.report.
    in_background`): the page's result (memory or store), else the page's background run started
    (or already running) and ``None`` — the report is never computed in the request."""

    def run(path: Path) -> Any:
        return result_or_job(path, home, start=True)[0]

    return run


def _home(request: Request) -> Path:
    return request.app.state.settings.home


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
    view: dict[str, Any] = {"specs": [(s[0], s[2], s[3]) for s in specs], "chosen": None}
    if chosen is not None:
        view["chosen"] = chosen[0]
        try:
            result, job = await run_in_threadpool(result_or_job, chosen[1], _home(request), start=False)
            if result is not None:
                view.update(build(result, lang_of(request)))
            elif job is None:  # not computed yet: the run starts on request (尚未计算 card)
                view["idle"] = {"region": chosen[2], "can_run": who.role in ("admin", *RUNNERS)}
            elif job.state == "failed":
                view["error"] = job.error[lang_of(request) == "en"]
                view["can_run"] = who.role in ("admin", *RUNNERS)
            else:
                view["computing"] = {"elapsed": job.elapsed}
        except CocontrolError as exc:
            from cocontrol.messages import render_error

            view["error"] = render_error(exc, lang_of(request), strict=True)
    return render(request, "scenarios.html", who, page="scenarios", title="情景分析", v=view)


@router.post("/scenarios/run")
async def run(request: Request, who: Who, name: Annotated[str, Form(max_length=200)]) -> Response:
    """Start the run of a scenario file (again after a failure); then the page shows its progress."""
    from urllib.parse import quote

    who.need(*RUNNERS)
    _, chosen = _pick(request, who, name)
    with _LOCK:  # a failed run is forgotten so that the request starts a new one
        for k in [k for k, j in _JOBS.items() if j.state == "failed"]:
            del _JOBS[k]
    await run_in_threadpool(result_or_job, chosen[1], _home(request))
    return RedirectResponse(f"/scenarios?name={quote(chosen[0])}", status_code=303)


@router.get("/scenarios/portfolio")
async def portfolio(request: Request, who: Who, name: str, co2: int = 50, apeq: int = 50
                    ) -> Response:
    from cocontrol.scenarios.view import portfolio as solve
    from cocontrol.web.pages import render

    if not (0 <= co2 <= 100 and 0 <= apeq <= 100):
        raise WebError(422, "invalid", "目标比例应在 0–100 之间 / shares from 0 to 100")
    _, chosen = _pick(request, who, name)
    result, _job = await run_in_threadpool(result_or_job, chosen[1], _home(request), start=False)
    if result is None:
        raise WebError(409, "computing", "尚无计算结果，请先在情景分析页开始计算 / no results yet: start the run "
                       "on the scenario page first")
    return render(request, "partials/scenario_portfolio.html", who,
                  p=solve(result, co2 / 100, apeq / 100))


@router.get("/scenarios/status")
async def status(request: Request, who: Who, name: str) -> Response:
    """Polled by the page while the run computes: the progress line, or ``HX-Refresh`` when
    the results are ready (or the run failed: the page then shows why)."""
    from cocontrol.web.pages import render

    _, chosen = _pick(request, who, name)
    result, job = await run_in_threadpool(result_or_job, chosen[1], _home(request), start=False)
    if result is not None or job is None or job.state != "running":
        return Response("", headers={"HX-Refresh": "true"})
    return render(request, "partials/scenario_computing.html", who, spec_name=chosen[0],
                  elapsed=job.elapsed)
