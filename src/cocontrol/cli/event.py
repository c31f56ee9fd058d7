"""``cocontrol event``: 大型活动碳中和 — an event's footprint, offsets and neutrality.

Contract: ``cocontrol event footprint EVENT.xlsx [--format json]`` → ``{"total_t", "by_source":
{…}, "retired_t", "neutral": bool, "problems": […]}`` (plus ``interval_95_t``);
``cocontrol event template [-o FILE.xlsx]``. Serials already retired by another event (in the
platform's store) are listed as problems and not counted; ``--retire`` records the event and
retires its credits (refused, nothing stored, when any serial is taken). A malformed workbook
(unknown source, negative amount, serial in the wrong format …) exits 2 naming sheet, row and
column.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="大型活动碳中和 — event footprint, offsets and neutrality", no_args_is_help=True)


@app.command("footprint")
def footprint(
    workbook: Annotated[Path, typer.Argument(help="活动填报表 (.xlsx，见 event template)")],
    format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
    retire: Annotated[bool, typer.Option("--retire", help="记录活动并注销抵消用碳信用")] = False,
) -> None:
    """核算大型活动碳排放，核对抵消，判断是否实现碳中和."""
    from cocontrol.errors import InputError
    from cocontrol.events.footprint import SOURCES
    from cocontrol.events.footprint import footprint as account
    from cocontrol.events.workbook import read_event
    from cocontrol.store.db import transaction
    from cocontrol.store.events import retire as record
    from cocontrol.store.events import retired_elsewhere

    if format not in ("text", "json"):
        raise InputError("unknown format", column="--format", expected="text or json",
                         found=format)
    info, sources, credits = read_event(workbook)
    serials = [str(s).strip() for s in credits["序列号"].dropna()]
    with transaction() as session:
        taken = retired_elsewhere(session, serials)
    result = account(info, sources, credits, taken)
    if retire and taken:
        raise InputError("credit serials retired already by another event; nothing retired: "
                         + ", ".join(f"{s} ({e})" for s, e in taken.items()),
                         file=str(workbook), sheet="抵消", column="序列号")
    if retire:
        with transaction() as session:
            record(session, info=info, footprint=result, actor="cli")
    if format == "json":
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    typer.echo(f"{info['name']}：排放 {result.total_t:,.2f} 吨二氧化碳当量"
               f"（95% 区间 ±{result.half_width_t:,.2f}），已注销 {result.retired_t:,.2f} 吨，"
               f"{'已实现碳中和' if result.neutral else '未实现碳中和'}")
    for key, value in result.by_source.items():
        typer.echo(f"  {SOURCES[key]} {value:,.3f} 吨")
    for problem in result.problems:
        typer.secho(f"  问题：{problem}", fg=typer.colors.YELLOW)


@app.command("report")
def report(
    workbook: Annotated[Path, typer.Argument(help="活动填报表 (.xlsx)")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .docx / .pdf / .html")] = Path(
        "碳中和报告.docx"),
    issuer: Annotated[str, typer.Option("--issuer", help="编制单位（可省略）")] = "",
    certificate: Annotated[bool, typer.Option(
        "--certificate", help="改为出具碳中和证明（仅限已实现碳中和的实际核算）")] = False,
) -> None:
    """大型活动碳中和报告（Word/PDF/HTML）：排放核算、注销的碳信用、结论和第三方核查声明页；
    --certificate 出具碳中和证明（活动、期间、排放及区间、注销的碳信用、声明和第三方核查栏），
    未实现碳中和时以一行中文说明拒绝（退出码 2）."""
    from cocontrol.events.footprint import footprint as account
    from cocontrol.events.report import neutrality_report
    from cocontrol.events.workbook import read_event
    from cocontrol.reports.write import write_report
    from cocontrol.store.db import transaction
    from cocontrol.store.events import retired_elsewhere

    info, sources, credits = read_event(workbook)
    with transaction() as session:
        taken = retired_elsewhere(session, [str(s).strip() for s in credits["序列号"].dropna()])
    result = account(info, sources, credits, taken)
    if certificate:
        from cocontrol.events.certificate import certificate as document
        from cocontrol.events.certificate import facts_from_footprint, refusal

        facts = facts_from_footprint(info, result)
        why = refusal(facts)
        if why is not None:
            typer.secho(why, err=True, fg=typer.colors.RED)
            raise typer.Exit(2)
        if output == Path("碳中和报告.docx"):
            output = Path("碳中和证明.docx")
        path = write_report(document(facts, issuer), output)
        typer.echo(f"已写出 {path}")
        return
    path = write_report(neutrality_report(info, result, issuer), output)
    typer.echo(f"已写出 {path}")


@app.command("template")
def template(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .xlsx")] = Path(
        "大型活动碳中和填报表.xlsx"),
) -> None:
    """生成大型活动碳中和填报表（活动、排放源、抵消、说明）."""
    from cocontrol.events.workbook import write_template

    typer.echo(f"已写出模板 {write_template(output)}")
