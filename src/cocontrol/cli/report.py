"""``cocontrol report``: 报告 — annual evaluation and dispatch reports (Word, Excel, HTML, PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="报告 — annual evaluation and dispatch reports (Word, Excel, HTML, PDF)", no_args_is_help=True)

Region = Annotated[str, typer.Option("--region", "-r", help="地区，如 荣成 / 荣成市 / rongcheng")]
Year = Annotated[int, typer.Option("--year", "-y", help="评价年度，如 2025")]
Output = Annotated[Path, typer.Option("--output", "-o", help="输出文件 (.docx/.html/.pdf/.xlsx)")]
Format = Annotated[str | None, typer.Option("--format", "-f", help="输出格式：docx、html、pdf 或 xlsx（默认按文件后缀） / output format: docx, html, pdf or xlsx (default: from the suffix)")]
Issuer = Annotated[str, typer.Option("--issuer", help="编制单位，如 荣成市生态环境局（可省略）")]
Lang = Annotated[str, typer.Option("--lang", help="报告语言：zh（中文，默认）或 en（英文版） / report language: zh (Chinese, default) or en (English edition)")]
Database = Annotated[str | None, typer.Option("--database", help="数据库地址（默认 COCONTROL_DATABASE_URL，否则 COCONTROL_HOME 下的 SQLite 文件）")]


def _run(kind: str, region: str, year: int, output: Path, fmt: str | None, allowed: tuple[str, ...],
         issuer: str = "", database: str | None = None, lang: str = "zh") -> None:
    from rich.console import Console

    from cocontrol.errors import InputError
    from cocontrol.reports.build import annual_report, dispatch_report
    from cocontrol.reports.write import format_of, write_report

    if lang not in ("zh", "en"):
        raise InputError(f"unknown report language {lang!r}", expected="--lang zh or --lang en")
    chosen = format_of(output, fmt)
    if chosen not in allowed:
        raise InputError(f"{kind} report cannot be written as {chosen}", file=str(output),
                         expected=" or ".join(allowed))
    from cocontrol.store.platform import platform_workspace

    console = Console(stderr=True)
    build = annual_report if kind == "annual" else dispatch_report
    with console.status("正在汇总数据…") as status:
        status.update("正在读取平台数据库…")
        ws = platform_workspace(database)  # the platform's store, as the web pages read it
        report = build(region, year, workspace=ws, issuer=issuer,
                       progress=lambda step: status.update(f"正在计算：{step}"), lang=lang)
        status.update(f"正在写出 {chosen.upper()}…")
        path = write_report(report, output, chosen)
    for gap in report.gaps:
        console.print(f"[yellow]数据暂缺[/yellow] {gap}")
    n_tables = len(report.tables())
    console.print(f"[green]已写出[/green] {path}（{report.title}；{len(report.sections)}节，{n_tables}张表）")


@app.command("annual")
def annual(region: Region, year: Year, output: Output, format: Format = None, issuer: Issuer = "",
           database: Database = None, lang: Lang = "zh") -> None:
    """年度减污降碳协同增效工作评价报告 → Word / HTML / PDF / Excel（读平台数据库，与网页一致）."""
    _run("annual", region, year, output, format, ("docx", "html", "pdf", "xlsx"), issuer, database, lang)


@app.command("dispatch")
def dispatch(region: Region, year: Year, output: Output, format: Format = None, issuer: Issuer = "",
             database: Database = None, lang: Lang = "zh") -> None:
    """调度表：各责任单位的任务、目标、最新进展和状态 → Excel / Word (HTML, PDF also work)."""
    _run("dispatch", region, year, output, format, ("xlsx", "docx", "html", "pdf"), issuer, database, lang)
