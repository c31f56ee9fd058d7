"""``cocontrol enterprise``: 企业协同核查 — fixed-source pollutant–carbon co-verification.

Contract: ``cocontrol enterprise template -o FILE.xlsx``;
``cocontrol enterprise verify DATA [--year Y] [-o 核查结果.xlsx] [--format json]`` where DATA is
the workbook or a folder of CSV/Parquet files named as the sheets (enterprises, fuel,
production, electricity, permit_report, controls, cems; optional facilities, stacks and
operation). A city may pass its own
``--thresholds``, ``--rating`` and ``--colours`` tables. ``--format json`` prints
``{"enterprises": [...], "findings": [...]}`` on stdout; ``-o`` writes the Excel workbook (or
the JSON when it ends in .json). Bad input: exit code 2, every problem with file, sheet, row
and column, nothing written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cocontrol.cli.say import pick

app = typer.Typer(help="企业协同核查 — co-verification and enterprise carbon accounts",
                  no_args_is_help=True)


@app.command("template")
def template(output: Annotated[Path, typer.Option("--output", "-o", help="模板 .xlsx")] = Path(
        "企业数据填报模板.xlsx")) -> None:
    """写出企业数据填报模板（各填报表与说明）."""
    from cocontrol.enterprises.template import write_template
    from cocontrol.errors import InputError

    if output.suffix.lower() != ".xlsx":
        raise InputError("template must be .xlsx", file=str(output), expected=".xlsx",
                         found=output.suffix or "(no suffix)")
    write_template(output)
    typer.echo(pick(f"已写出模板 {output}", f"template written: {output}"))


@app.command("verify")
def verify(
    data: Annotated[Path, typer.Argument(help="填报工作簿 .xlsx 或 CSV/Parquet 文件夹")],
    year: Annotated[int | None, typer.Option("--year", help="核查年份")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="核查结果 .xlsx（或 .json）")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    thresholds: Annotated[Path | None, typer.Option(
        "--thresholds", help="本市核查阈值 .csv（rule, parameter, value），替换默认值")] = None,
    rating: Annotated[Path | None, typer.Option(
        "--rating", help="本市碳效分档 .csv（axis, label, grade, lower, upper），替换浙江分档")] = None,
    colours: Annotated[Path | None, typer.Option(
        "--colours", help="本市色标分档 .csv（axis, label, lower, upper），替换山东示例色标")] = None,
) -> None:
    """核算并核查：碳排放、污染物、协同核查规则与企业碳账户评级."""
    from cocontrol.enterprises.export import json_text, write_excel, write_json
    from cocontrol.enterprises.verify import verify as run
    from cocontrol.errors import InputError

    if fmt not in ("table", "json"):
        raise InputError("unknown format", column="--format", expected="table or json",
                         found=fmt)
    if output is not None and output.suffix.lower() not in (".xlsx", ".json"):
        raise InputError("output must be .xlsx or .json", file=str(output),
                         expected=".xlsx or .json", found=output.suffix or "(no suffix)")
    from cocontrol.enterprises.verify import read_config

    result = run(data, year=year,
                 thresholds=read_config(thresholds, "thresholds") if thresholds else None,
                 scheme=read_config(rating, "scale") if rating else None,
                 colours=read_config(colours, "scale") if colours else None)
    if year is not None and result.accounts.empty:
        raise InputError("no data for the year", column="--year", found=str(year))
    if output is not None:
        (write_json if output.suffix.lower() == ".json" else write_excel)(result, output)
    if fmt == "json":
        typer.echo(json_text(result))
        return
    _summary(result)
    if output is not None:
        typer.echo(pick(f"已写出 {output}", f"written: {output}"))


def _summary(result: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from cocontrol.enterprises.parameters import rules

    names = rules()["name_zh"]
    table = Table(title="企业碳账户与核查发现")
    for col in ("企业", "年份", "CO2（t）", "范围二（t）", "L（t/万元）", "等级", "级别", "色标",
                "发现"):
        table.add_column(col)
    counts = result.findings.groupby(["enterprise_id", "year"]).size()  # type: ignore[attr-defined]
    for r in result.accounts.itertuples(index=False):  # type: ignore[attr-defined]
        n = int(counts.get((r.enterprise_id, r.year), 0))
        table.add_row(r.name, str(r.year), f"{r.co2_t:,.0f}", f"{r.scope2_t:,.0f}",
                      "—" if r.intensity != r.intensity else f"{r.intensity:.2f}",
                      r.level or "—", "—" if r.grade is None or r.grade != r.grade else str(r.grade),
                      r.colour or "—", str(n))
    console = Console()
    console.print(table)
    for r in result.findings.itertuples(index=False):  # type: ignore[attr-defined]
        console.print(f"[{r.enterprise_id}] {names.get(r.rule, r.rule)}：{r.message}")
