"""``cocontrol scenario``: 情景分析 — carbon-peak pathways, targets, least-cost portfolios.

Contract (other tools rely on it):

* ``cocontrol scenario run SPEC.yaml [--draws N] [--seed S] [-o OUT.xlsx|.csv|.parquet]
  [--iamc FILE.csv] [--format json]`` — with ``--format json`` stdout is
  ``{"region", "scenarios": [{"name", "peak_year", "peak_value_t", "p_peak_by": {"2025": p…},
  "peaked", "targets": [{"indicator", "year", "value", "unit", "relation", "projected", "probability",
  "met_central"}]}]}`` (``peak_year`` is the year of the maximum; ``peaked`` whether it is a
  peak by the rule ``p_peak_by`` counts; a ``peak_year`` target's ``projected`` is null when
  the path has no peak); OUT holds the yearly pathways by scenario, sector, fuel and species
  with percentiles (.xlsx: every table); ``--iamc`` writes IAMC long format.
* ``cocontrol scenario optimize MEASURES.csv|.xlsx --target SPECIES=AMOUNT [--target …]
  [--continuous] [--format json]`` — JSON ``{"status", "selected", "x", "cost", "reductions",
  "shadow_prices"}``; infeasible targets: status infeasible, the shortfall per target, exit 3.
* ``cocontrol scenario template [-o DIR]`` — the measures workbook and a commented SPEC.yaml.

Bad input: exit code 2, file/line/row named, nothing written.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cocontrol.cli.say import fail, pick
from cocontrol.errors import CocontrolError

app = typer.Typer(help="情景分析 — carbon-peak pathways, targets, least-cost portfolios",
                  no_args_is_help=True)


class Format(StrEnum):
    text = "text"
    json = "json"


def _fail(exc: Exception, code: int = 2) -> None:
    fail(exc, code)


def _json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=float) + "\n")


@app.command("run")
def run(
    spec: Annotated[Path, typer.Argument(help="scenario file (YAML)")],
    draws: Annotated[int | None, typer.Option("--draws", help="Monte Carlo draws (0: none)")] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="random seed")] = None,
    out: Annotated[Path | None, typer.Option("-o", "--output",
                                             help="OUT.xlsx | .csv | .parquet")] = None,
    iamc: Annotated[Path | None, typer.Option("--iamc", help="IAMC long-format CSV")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="text | json")] = Format.text,
) -> None:
    """运行情景 / run every scenario of SPEC: pathways, targets, probabilities."""
    import warnings

    from cocontrol.scenarios import io, runner
    from cocontrol.scenarios.spec import read_spec

    try:
        if draws is not None and draws < 0:
            raise CocontrolError("--draws must be ≥ 0")
        for target, allowed in ((out, (".xlsx", ".csv", ".parquet")), (iamc, (".csv",))):
            if target is not None and target.suffix.lower() not in allowed:
                raise CocontrolError(f"{target}: expected {' or '.join(allowed)}")
        s = read_spec(spec)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            result = runner.run(s, draws=draws, seed=seed, quantiles=out is not None)
        if out is not None:
            io.write(result, out)
        if iamc is not None:
            io.write_iamc(result, iamc)
    except CocontrolError as exc:
        _fail(exc)
    summary = runner.summary(result)
    if fmt is Format.json:
        _json(summary)
        return
    from cocontrol.scenarios import view

    rows = view.targets(result, "zh")  # the page's table: indicators by name, never their codes
    for sc, words in zip(summary["scenarios"], view.peaks(result), strict=True):
        typer.echo(f"{sc['name']}：二氧化碳排放{words['words']['zh']}")
        for t, row in zip(sc["targets"], [r for r in rows if r["scenario"] == sc["name"]], strict=True):
            p = "" if row["probability"] is None else f"，达成概率 {row['probability']}%"
            ok = "达成" if t["met_central"] else "未达成"
            unit = f" {row['unit']}" if row["unit"] and row["projected"] != "未达峰" else ""
            against = f"（{row['against']}）" if row["against"] else ""
            typer.echo(f"  {row['year']}年{row['indicator']}{against}：预测 {row['projected']}{unit}"
                       f"（目标 {row['target']}{' ' + row['unit'] if row['unit'] else ''}）{ok}{p}")


@app.command("optimize")
def optimize(
    measures: Annotated[Path, typer.Argument(help="MEASURES.csv | .xlsx")],
    target: Annotated[list[str], typer.Option("--target", help="SPECIES=AMOUNT (repeatable)")],
    continuous: Annotated[bool, typer.Option("--continuous",
                                             help="relax lumpy measures; shadow prices")] = False,
    fmt: Annotated[Format, typer.Option("--format", help="text | json")] = Format.text,
) -> None:
    """最优措施组合 / least-cost portfolio meeting every target."""
    from cocontrol.scenarios import optimize as op

    try:
        table = op.read_measures(measures)
        targets = op.parse_targets(target, [c for c in table.columns if c in op.QUANTITIES])
        result = op.optimize(table, targets, continuous=continuous)
    except CocontrolError as exc:
        _fail(exc)
    if fmt is Format.json:
        _json(result.as_json(continuous))
    elif result.status == "optimal":
        typer.echo(f"最优组合 {len(result.selected)} 项, 年成本 {result.cost:,.2f} 万元: "
                   + "、".join(result.selected))
        for s, v in result.reductions.items():
            price = result.shadow_prices.get(s)
            extra = "" if price is None else f", 影子价格 {price:,.4f} 万元/单位"
            typer.echo(f"  {s}: 减排 {v:,.2f}{extra}")
    else:
        typer.echo(pick("目标无法达成：", "infeasible: ") + pick("，", ", ").join(
            pick(f"{s} 缺口 {v:,.2f}", f"{s} short by {v:,.2f}")
            for s, v in result.shortfall.items()), err=True)
    if result.status != "optimal":
        raise typer.Exit(3)


@app.command("template")
def template(
    folder: Annotated[Path, typer.Option("-o", "--output", help="folder")] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="overwrite existing files")] = False,
) -> None:
    """模板 / write measures.xlsx and scenario.yaml (commented)."""
    from cocontrol.scenarios.template import write_templates

    try:
        paths = write_templates(folder, force=force)
    except CocontrolError as exc:
        _fail(exc)
    for p in paths:
        typer.echo(str(p))
