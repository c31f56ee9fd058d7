"""Build reports from a workspace: :func:`annual_report` and :func:`dispatch_report`.

Both gather the layers' results for one region and year (:func:`cocontrol.reports.workspace.gather`;
default workspace: the demo cities in ``examples/``) and assemble a :class:`Report` that any
writer in :mod:`cocontrol.reports.write` turns into Word, HTML, PDF or Excel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from cocontrol.reports import charts
from cocontrol.reports.annual import build_annual
from cocontrol.reports.dispatch import build_dispatch
from cocontrol.reports.model import Report
from cocontrol.reports.workspace import DEFAULT_LAYERS, Workspace, gather

LANGS = ("zh", "en")


def _in(lang: str, build: Callable[[], Report]) -> Report:
    """The report in ``lang``: built in Chinese (charts drawn in ``lang``), then, for ``en``, its
    English edition (:func:`cocontrol.reports.english.english`) — the same figures and rows."""
    from cocontrol.errors import InputError

    if lang not in LANGS:
        raise InputError(f"unknown report language {lang!r}", expected="zh or en")
    with charts.language(lang):
        report = build()
    if lang == "en":
        from cocontrol.reports.english import english

        return english(report)
    return report


def annual_report(region: str, year: int, *, workspace: Workspace | None = None,
                  date: dt.date | None = None, issuer: str = "",
                  progress: Callable[[str], None] | None = None, lang: str = "zh") -> Report:
    """年度减污降碳协同增效工作评价报告 of ``region`` for ``year`` (with the 同类城市 ranking:
    the synergy index of every region of the workspace with data), in ``lang`` (zh or en)."""
    res = gather(region, year, workspace, progress=progress, layers=(*DEFAULT_LAYERS, "peers"))
    if progress is not None:  # the 碳达峰路径 chapter may run the scenario once (then stored)
        progress("报告各章（平台尚无情景计算结果时，碳达峰路径一章首次计算并保存，约需一两分钟）")
    return _in(lang, lambda: build_annual(res, date=date, issuer=issuer))


def dispatch_report(region: str, year: int, *, workspace: Workspace | None = None,
                    date: dt.date | None = None, issuer: str = "",
                    progress: Callable[[str], None] | None = None, lang: str = "zh") -> Report:
    """调度表 of ``region`` for ``year``: each responsible unit's tasks, targets and status, in ``lang``."""
    res = gather(region, year, workspace, progress=progress, layers=("tracking",))
    return _in(lang, lambda: build_dispatch(res, date=date, issuer=issuer))
