"""``cocontrol inventory``: 排放清单 — compute the integrated GHG + air-pollutant inventory.

Contract: ``cocontrol inventory compute INPUT [-o OUTPUT] [--engine duckdb|spark] [--gwp AR5]
[--uncertainty N]``; OUTPUT (.csv or .parquet) has region, year, sector, fuel, species, value,
unit (+ scope). Bad input: exit code 2 and every offending row; nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="排放清单 — compute the integrated GHG + air-pollutant inventory",
                  no_args_is_help=True)


@app.command("compute")
def compute(
    input: Annotated[Path, typer.Argument(help="活动水平 (.csv UTF-8/GBK, .parquet, .xlsx)")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .csv 或 .parquet")] = Path(
        "inventory.csv"),
    engine: Annotated[str, typer.Option("--engine", help="duckdb | spark")] = "duckdb",
    gwp: Annotated[str, typer.Option("--gwp", help="AR4 | AR5 | AR6")] = "AR5",
    uncertainty: Annotated[int, typer.Option(
        "--uncertainty", help="Monte Carlo draws (0 = none); writes <OUTPUT>.uncertainty.csv")] = 0,
    controls: Annotated[Path | None, typer.Option("--controls", help="治理技术普及率 CSV")] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Excel 工作表")] = None,
    spark_master: Annotated[str | None, typer.Option("--spark-master",
                                                     help="spark://host:7077")] = None,
) -> None:
    """核算排放清单：活动水平 × 排放因子 × 治理技术 → 长表 (region, year, sector, fuel, species, value, unit)."""
    import pandas as pd
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from cocontrol.data.activity import read_activity
    from cocontrol.errors import InputError
    from cocontrol.inventory import compute as run
    from cocontrol.inventory.io import write
    from cocontrol.inventory.scan import compute_parquet, is_canonical_parquet

    if output.suffix.lower() not in (".csv", ".parquet"):
        raise InputError("output must be .csv or .parquet", file=str(output))
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  transient=True) as progress:
        step = progress.add_task("读取并校验活动水平 / reading activity", total=None)
        ctl = pd.read_csv(controls, encoding="utf-8-sig") if controls else None
        if is_canonical_parquet(input):  # large files: checked and computed in the engine
            progress.update(step, description=f"校验并核算 {input.name} / in-engine ({engine})")
            result = compute_parquet(input, gwp=gwp, engine=engine, controls=ctl,
                                     spark_master=spark_master)
        else:
            activity = read_activity(input, sheet=sheet)
            progress.update(step, description=f"核算 {len(activity):,} 行 / computing ({engine})")
            result = run(activity, gwp=gwp, engine=engine, controls=ctl,
                         spark_master=spark_master)
        unc = None
        if uncertainty:
            from cocontrol.inventory.uncertainty import default_ranges, monte_carlo

            progress.update(step, description=f"Monte Carlo {uncertainty:,} 次 / draws")
            scope1 = result[result["scope"] == 1]
            unc = monte_carlo(default_ranges(scope1, "CO2"), draws=uncertainty)
        progress.update(step, description="写出 / writing")
        write(result, str(output))
        if unc is not None:
            write(unc, str(output.with_suffix(".uncertainty.csv")))
    co2 = result[(result["species"] == "CO2") & (result["scope"] == 1)]["value"].sum()
    typer.echo(f"已写出 {output} ({len(result):,} 行); 直接排放 CO2 {co2 / 1e4:,.2f} 万吨")


@app.command("template")
def template(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .xlsx")] = Path(
        "活动水平模板.xlsx"),
) -> None:
    """生成活动水平填报模板 (Excel: 活动水平, 行业, 能源品种, 说明)."""
    from cocontrol.data.template import write_template

    typer.echo(f"已写出模板 {write_template(output)}")
