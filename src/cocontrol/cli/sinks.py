"""``cocontrol sinks``: 碳汇 — sink removals and restoration projects.

Contract: ``cocontrol sinks compute SINKS.csv [--format json]`` (the long sink activity table of
:mod:`cocontrol.sinks.table`; removals negative t CO2, one row per region, year, sink type, item and
component) and ``cocontrol sinks restoration PROJECT.xlsx [--format json]`` → the status of every
survey against the project's thresholds and the sink as a range (low / central / high t CO2 per
year) with the one-off biomass stock apart; ``cocontrol sinks template`` writes the project
workbook. Bad input exits 2 naming sheet, row and column.

``cocontrol sinks restoration PROJECT.xlsx --store`` also stores the project and its surveys in
the platform (``COCONTROL_DATABASE_URL`` / ``COCONTROL_HOME``; the workbook's 城市 is required),
all or nothing and audited as ``cli``, by the same rule as the 蓝碳 page's upload: a project
already stored with the same figures only gains the surveys of new dates (said in one line); a
project stored with other figures, or a stored survey that would change, refuses the whole
workbook (exit 2) and nothing stored is overwritten.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="碳汇 — sink removals and seagrass / salt-marsh restoration", no_args_is_help=True)
Format = Annotated[str, typer.Option("--format", "-f", help="text | json")]


def _format(fmt: str) -> None:
    from cocontrol.errors import InputError

    if fmt not in ("text", "json"):
        raise InputError("unknown format", column="--format", expected="text or json", found=fmt)


@app.command("compute")
def compute(
    sinks: Annotated[Path, typer.Argument(help="碳汇活动数据 (.csv/.xlsx/.parquet 长表)")],
    format: Format = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="另写 .csv")] = None,
) -> None:
    """核算碳汇（海水养殖、海草床、盐沼、森林），吸收量记为负值."""
    from cocontrol.data.tables import read_table
    from cocontrol.sinks import compute_sinks

    _format(format)
    table, _sheet = read_table(sinks)
    result = compute_sinks(table, file=str(sinks))
    if output is not None:
        from cocontrol.inventory.io import write

        write(result, str(output))
    if format == "json":
        rows = result.astype(object).where(result.notna(), None).to_dict("records")
        typer.echo(json.dumps({"total_t": round(float(result["value"].sum()), 3), "rows": rows},
                              ensure_ascii=False, default=str))
        return
    for (region, year), part in result.groupby(["region", "year"]):
        typer.echo(f"{region} {year}年 碳汇 {-part['value'].sum():,.1f} 吨二氧化碳")


@app.command("restoration")
def restoration(
    project: Annotated[Path, typer.Argument(help="修复项目表 (.xlsx，见 sinks template)")],
    format: Format = "text",
    store: Annotated[bool, typer.Option("--store", help="同时登记到平台（全部登记或全不登记；已登记项目不覆盖）")] = False,
) -> None:
    """海草床/盐沼修复：逐次监测对照项目阈值，碳汇以区间给出."""
    from cocontrol.sinks.project import read_project
    from cocontrol.sinks.restoration import assess

    _format(format)
    proj, surveys = read_project(project)
    payload = assess(proj, surveys)
    stock = payload["biomass_stock_t"]
    stored = _store(project) if store else None
    if format == "json":
        if stored is not None:
            payload = {**payload, "stored": stored}
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    typer.echo(f"{proj.name}：面积 {proj.area_ha:,.2f} 公顷（{proj.area_ha * 15:,.0f} 亩）")
    for s in payload["surveys"]:
        shoot = "—" if s["shoot_survival"] is None else f"{s['shoot_survival']:.1%}"
        seed = "—" if s["seedling_survival"] is None else f"{s['seedling_survival']:.1%}"
        typer.echo(f"  {s['date']} 植株成活率 {shoot}（阈值 {proj.shoot_threshold:.0%}），"
                   f"幼苗成活率 {seed}（阈值 {proj.seedling_threshold:.0%}）：{s['status']}")
    rng = payload["sink_t_per_year"]
    typer.echo(f"  年碳汇 {rng['low']:,.1f}–{rng['high']:,.1f} 吨二氧化碳（中值 {rng['central']:,.1f}）")
    if stock is not None:
        typer.echo(f"  现存生物量碳储量（一次性，不计入年碳汇）{stock:,.1f} 吨二氧化碳")
    for note in payload["eligibility"]:
        typer.echo(f"  {note}")
    if stored is not None:
        typer.echo(stored["message"])


def _store(path: Path) -> dict[str, object]:
    """Store the workbook's project in the platform (one transaction); what was done."""
    from sqlalchemy import select

    from cocontrol.sinks.project import read_stored
    from cocontrol.store.db import transaction
    from cocontrol.store.restoration import RestorationProject, store_project

    sp = read_stored(path)
    with transaction() as session:
        existed = session.scalar(select(RestorationProject.id).where(
            RestorationProject.region == sp.region,
            RestorationProject.name == sp.project.name)) is not None
        row, added = store_project(session, sp, actor="cli")
        project_id = row.id
    name = f"“{sp.project.name}”（{sp.region}）"
    if not existed:
        message = f"已登记修复项目{name}，编号 {project_id}，监测 {added} 次"
    elif added:
        message = f"修复项目{name}已登记（编号 {project_id}），项目参数一致：只新增监测 {added} 次，已有数据未改动"
    else:
        message = f"修复项目{name}已登记（编号 {project_id}），与本表一致，未作改动"
    return {"project_id": project_id, "region": sp.region, "new_project": not existed,
            "surveys_added": added, "message": message}


@app.command("template")
def template(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .xlsx")] = Path(
        "海草床修复项目表.xlsx"),
) -> None:
    """生成修复项目表（项目、监测）：威海 1150 亩鳗草修复的规划数字与示例监测."""
    from cocontrol.sinks.project import write_template

    typer.echo(f"已写出模板 {write_template(output)}")
