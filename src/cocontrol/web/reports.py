"""Report downloads: ``cocontrol.reports`` builders over the database workspace."""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from fastapi.responses import Response
from sqlalchemy.orm import Session

from cocontrol.errors import CocontrolError
from cocontrol.web.deps import WebError

log = logging.getLogger(__name__)

MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}
KINDS = {"annual": "年度评价报告", "dispatch": "调度表"}
KINDS_EN = {"annual": "annual-evaluation-report", "dispatch": "dispatch-table"}


def download(session: Session, kind: str, region: str, year: int, fmt: str, lang: str = "zh",
             home: Path | None = None) -> Response:
    """Render the report in memory and send it as an attachment (nothing written to disk). With
    the server's ``home`` the 碳达峰路径 chapter reads the run the 情景分析 page stores, or starts
    that page's background run and says so — the request never computes a scenario."""
    if kind not in KINDS:
        raise WebError(404, "not_found", f"report {kind!r}; expected one of {', '.join(KINDS)}")
    if fmt not in MEDIA:
        raise WebError(422, "invalid", f"format {fmt!r}; expected one of {', '.join(MEDIA)}")
    from cocontrol.reports import build, write
    from cocontrol.web.services import workspace

    builder = build.annual_report if kind == "annual" else build.dispatch_report
    try:
        with _scenarios_in_background(home):
            report = builder(region, year, workspace=workspace(session), lang=lang)
        with tempfile.TemporaryDirectory() as tmp:
            data = write.write_report(report, Path(tmp) / f"report.{fmt}").read_bytes()
    except CocontrolError:
        raise
    except Exception as exc:  # the report layer failing is shown, not a bare 500
        log.exception("report %s %s %s failed", kind, region, year)
        raise WebError(500, "invalid", ("报告生成失败，详情已记入运行日志，请联系平台管理员",
                                        "The report could not be produced; the details are in the server log — "
                                        "please contact the platform administrator")) from exc
    if lang == "en":
        from cocontrol.data.names import label

        return _attachment(data, fmt, f"{label('region', region, 'en')}-{year}-{KINDS_EN[kind]}.{fmt}", f"report.{fmt}")
    return _attachment(data, fmt, f"{region}{year}年{KINDS[kind]}.{fmt}", f"report.{fmt}")


@contextlib.contextmanager
def _scenarios_in_background(home: Path | None) -> Iterator[None]:
    if home is None:
        yield
        return
    from cocontrol.scenarios.report import in_background
    from cocontrol.web.scenarios import for_report

    with in_background(home, for_report(home)):
        yield


def _attachment(data: bytes, fmt: str, name: str, ascii_name: str) -> Response:
    """``data`` as a download named ``name`` (``ascii_name`` for clients without RFC 6266)."""
    return Response(data, media_type=MEDIA[fmt], headers={
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"})


def inventory_workbook(session: Session, region: str) -> Response:
    """The region's computed inventory (every year) as the workbook of
    :func:`cocontrol.inventory.workbook.write_workbook`, built in a temporary folder."""
    import pandas as pd

    from cocontrol.inventory.workbook import write_workbook
    from cocontrol.web.services import inventory_path

    path = inventory_path(session, region)
    if path is None:
        raise WebError(404, "not_found", f"{region} 尚无排放清单 / no inventory computed for {region}")
    with tempfile.TemporaryDirectory() as tmp:
        data = write_workbook(pd.read_parquet(path), Path(tmp) / "inventory.xlsx",
                              source=f"{region} 活动水平（平台数据）").read_bytes()
    return _attachment(data, "xlsx", f"{region}排放清单.xlsx", "inventory.xlsx")
