"""``cocontrol inventory``: 排放清单 — compute the integrated GHG + air-pollutant inventory.

Contract: ``cocontrol inventory compute INPUT [-o OUTPUT] [--engine duckdb|spark] [--gwp AR5]
[--uncertainty N] [--factors NAME|FILE]``. ``--factors`` chooses the air-pollutant factor set:
``tcses2024`` (default, T/CSES 144—2024), ``previous``, or a city's factor file (.csv/.xlsx,
:mod:`cocontrol.inventory.factor_sets`); the set is named in the summary line and the workbook. INPUT (.csv UTF-8/GBK, .parquet, .xlsx with ``--sheet``) has at least
region, year, sector, fuel, value, unit (CEADs English or Chinese names, any unit of the fuel's
dimension or an energy unit such as tce). OUTPUT (.csv or .parquet) has exactly the columns
region, year, sector, fuel, species, value, unit, scope — values in t, scope 1 (direct) and
2 (purchased electricity and heat) apart, ``species == "CO2e"`` rows with the chosen GWP set;
an .xlsx OUTPUT is the workbook of :mod:`cocontrol.inventory.workbook` (the same long table
with Chinese names, a sector summary and the IAMC table). ``--iamc FILE.csv`` also writes the
IAMC (pyam) table.
``--uncertainty N`` also writes ``<OUTPUT stem>.uncertainty.csv`` (Monte Carlo, 95 % interval
of scope-1 CO2 by sector and in total).

``cocontrol inventory balance BALANCE.xlsx --region 济南市 --year 2020 -o activity.csv`` turns a
能源平衡表 into an activity table that ``compute`` reads. It is a separate step on purpose (no
``compute --balance``): which rows count is a judgement the analyst should see and keep, and
the activity file is the record of it.

Bad input: exit code 2 and every offending row (file, sheet, row, column); nothing is written
and an existing OUTPUT is left as it was (files are written to a temporary name, then renamed).
A progress bar goes to stderr when it is a terminal; otherwise nothing but the summary line.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    import pandas as pd

app = typer.Typer(help="排放清单 — compute the integrated GHG + air-pollutant inventory",
                  no_args_is_help=True)

# Files up to this many rows are read into pandas so that an error names every offending
# row; larger Parquet and UTF-8 CSV files are checked and computed in the engine
# (cocontrol.inventory.scan), whose messages give counts of rows per offending value.
ROW_LEVEL_ERRORS_UP_TO = 200_000


@contextmanager
def _steps(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr when it is a terminal (else silent); yields ``step(text)``.
    Not a terminal, and neither ``TTY_COMPATIBLE`` nor ``FORCE_COLOR`` set (the cases in which
    Rich would say it is one): silent without importing Rich."""
    import os
    import sys

    isatty = getattr(sys.stderr, "isatty", None)
    if (not os.environ.get("TTY_COMPATIBLE") and os.environ.get("FORCE_COLOR") is None
            and (isatty is None or not isatty())):
        yield lambda description: None
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda description: None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("", total=total)
        first = [True]

        def step(description: str) -> None:
            progress.update(task, description=description, advance=0 if first[0] else 1)
            first[0] = False

        yield step
        progress.update(task, completed=total)


def _notes(caught: list[warnings.WarningMessage]) -> None:
    """Show the package's user warnings (activity without a factor …) as notes on stderr."""
    user = [w for w in caught if issubclass(w.category, UserWarning)]
    from cocontrol.cli.say import pick
    from cocontrol.messages import lang_from_env, say

    for message in dict.fromkeys(str(w.message) for w in user):
        typer.secho(f"{pick('注意', 'note')}: {say(message, lang_from_env())}", err=True,
                    fg=typer.colors.YELLOW)


def _check_output(output: Path, allowed: tuple[str, ...] = (".csv", ".parquet")) -> None:
    from cocontrol.errors import InputError

    if output.suffix.lower() not in allowed:
        expected = " or ".join(allowed)
        raise InputError(f"output must be {expected}", file=str(output),
                         found=output.suffix or "(no suffix)", expected=expected)


def _in_engine(path: Path, sheet: str | None) -> bool:
    """Check and compute inside the engine: a Parquet or UTF-8 CSV file beyond the row-level
    limit, whichever optional columns (month, technology, facility) it has."""
    from cocontrol.inventory.filehead import beyond_row_limit

    return beyond_row_limit(path, ROW_LEVEL_ERRORS_UP_TO, sheet)


def summary_line(output: Path, result: pd.DataFrame) -> str:
    """The closing line of a result frame (see :func:`headline`)."""
    co2 = result[(result["species"] == "CO2") & (result["scope"] == 1)]
    by_year = co2.groupby("year")["value"].sum().sort_index()
    first = str(result["region"].iloc[0]) if len(result) else None
    return headline(output, len(result), [(int(y), float(v)) for y, v in by_year.items()],
                    int(result["region"].nunique()), first)


def headline(output: Path, rows: int, co2_by_year: list[tuple[int, float]], regions: int,
             region: str | None) -> str:
    """The closing line: rows written and direct (scope 1) CO2 per year in 万吨 — one figure
    per year (never a sum over years), all regions of the file together; for more than three
    years the first and the last, with the number of years between. ``co2_by_year``: (year,
    t CO2) in year order."""
    head = f"已写出 {output} ({rows:,} 行)"
    if not co2_by_year:
        return f"{head}; 无直接排放 CO2"
    shown = [f"{y}年 {v / 1e4:,.2f} 万吨" for y, v in co2_by_year]
    if len(shown) > 3:
        shown = [shown[0], "…", shown[-1]]
    where = f"{regions} 个地区合计" if regions > 1 else str(region)
    if len(co2_by_year) > 1:
        where += f"，{co2_by_year[0][0]}–{co2_by_year[-1][0]}年共 {len(co2_by_year)} 个年份"
    return f"{head}; 直接排放 CO2（{where}）：{'，'.join(shown)}"


@app.command("compute")
def compute(
    input: Annotated[Path, typer.Argument(help="活动水平 (.csv UTF-8/GBK, .parquet, .xlsx)")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="输出 .csv、.parquet（长表）或 .xlsx（说明、排放清单、行业汇总、IAMC）")] = Path(
        "inventory.csv"),
    engine: Annotated[str, typer.Option("--engine", help="duckdb | spark")] = "duckdb",
    gwp: Annotated[str, typer.Option("--gwp", help="AR4 | AR5 | AR6")] = "AR5",
    uncertainty: Annotated[int, typer.Option(
        "--uncertainty", min=0,
        help="Monte Carlo draws (0 = none); writes <OUTPUT>.uncertainty.csv")] = 0,
    controls: Annotated[Path | None, typer.Option(
        "--controls", help="治理技术普及率 (.csv/.xlsx; 列: 地区 年份 行业 能源品种 治理技术 "
        "[适用技术] 普及率 (0–1 或 85%) — 模板的“治理技术”表)")] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Excel 工作表名 / Excel sheet")] = None,
    spark_master: Annotated[str | None, typer.Option("--spark-master",
                                                     help="spark://host:7077")] = None,
    iamc: Annotated[Path | None, typer.Option(
        "--iamc", help="另写 IAMC 格式 .csv（pyam 可读；CO2、CO2e 单位为百万吨，其余为千吨） / also write an IAMC .csv (pyam-readable; CO2/CO2e in Mt, others in kt)")] = None,
    factors: Annotated[str | None, typer.Option(
        "--factors", help="排放因子集：tcses2024（默认）、previous（上一版）或本地因子表 .csv/.xlsx / factor set: tcses2024 (default), previous or a local factor table .csv/.xlsx")] = None,
) -> None:
    """核算排放清单：活动水平 × 排放因子 × 治理技术 → 长表 (region, year, sector, fuel, species, value, unit, scope)."""
    from cocontrol.data.sniff import check_table_file

    _check_output(output, (".csv", ".parquet", ".xlsx"))
    if iamc is not None:
        _check_output(iamc, (".csv",))
    check_table_file(input)  # empty, binary, truncated, zip bomb: refused before anything runs
    if controls is not None:
        check_table_file(controls)
    if factors is not None and Path(factors).is_file():
        check_table_file(Path(factors))
    in_engine = _in_engine(input, sheet)
    with warnings.catch_warnings(record=True) as caught, \
            _steps(3 + in_engine + bool(uncertainty)) as step:
        warnings.simplefilter("always")
        step(f"读取{'' if in_engine else '并校验'} {input.name} / reading")
        if in_engine and engine == "duckdb":  # DuckDB SQL; the factor set is read meanwhile
            from cocontrol.inventory import bigfile

            direct = output.suffix.lower() == ".parquet" and not uncertainty and iamc is None
            done = bigfile.run(input, gwp=gwp, controls=controls, factors=factors,
                               progress=step, output=output if direct else None)
            label = done.label
            if done.table is None and done.frame is None:  # written by the engine
                _notes(caught)
                typer.echo(f"{headline(output, done.rows, done.co2_by_year, done.regions, done.region)}"
                           f"; 排放因子集: {label}")
                from cocontrol.cli import quick_exit

                quick_exit[0] = True  # nothing left to clean up: no interpreter teardown
                return
            result = bigfile.to_frame(done)
        else:
            result, label = _compute_frame(input, engine=engine, gwp=gwp, controls=controls,
                                           sheet=sheet, spark_master=spark_master,
                                           factors=factors, in_engine=in_engine, step=step)
        _finish(result, output, input=input, gwp=gwp, uncertainty=uncertainty, iamc=iamc,
                step=step)
    _notes(caught)
    typer.echo(f"{summary_line(output, result)}; 排放因子集: {label}")


def _compute_frame(input: Path, *, engine: str, gwp: str, controls: Path | None,
                   sheet: str | None, spark_master: str | None, factors: str | None,
                   in_engine: bool, step: Callable[[str], None]) -> tuple[pd.DataFrame, str]:
    """The inventory as a frame: a small file read and checked row by row in pandas, a large
    one on Spark (``scan.compute_file``). Returns it and the factor set's label."""
    from cocontrol.inventory.factor_sets import load as load_factor_set

    factor_set = load_factor_set(factors)  # an unknown name or a bad file fails first
    options = {"gwp": gwp, "engine": engine, "spark_master": spark_master,
               "factors": factor_set}
    if controls:
        from cocontrol.data.controls import read_controls

        options["controls"] = read_controls(controls)
    if in_engine:
        from cocontrol.inventory.scan import compute_file

        return compute_file(input, **options, progress=step), factor_set.label
    from cocontrol.data.activity import read_activity
    from cocontrol.inventory import compute as run

    activity = read_activity(input, sheet=sheet)
    step(f"核算 {len(activity):,} 行 / computing ({engine})")
    return run(activity, **options), factor_set.label


def _finish(result: pd.DataFrame, output: Path, *, input: Path, gwp: str, uncertainty: int,
            iamc: Path | None, step: Callable[[str], None]) -> None:
    """Monte Carlo (``--uncertainty``), then the output, its uncertainty table and the IAMC
    table, each written atomically."""
    from cocontrol.inventory.io import to_iamc, write

    unc = None
    if uncertainty:
        from cocontrol.inventory.uncertainty import default_ranges, monte_carlo

        step(f"Monte Carlo {uncertainty:,} 次 / draws")
        scope1 = result[result["scope"] == 1]
        unc = monte_carlo(default_ranges(scope1, "CO2"), draws=uncertainty)
    step(f"写出 {output.name} / writing")
    if output.suffix.lower() == ".xlsx":  # first: the one write that can refuse (size)
        from cocontrol.inventory.workbook import write_workbook

        write_workbook(result, output, gwp=gwp, source=input.name)
    else:
        write(result, str(output))
    if unc is not None:
        write(unc, str(output.with_suffix(".uncertainty.csv")))
    if iamc is not None:
        write(to_iamc(result), str(iamc))


@app.command("balance")
def balance(
    table: Annotated[Path, typer.Argument(help="能源平衡表 (.xlsx 或 .csv, 年鉴格式)")],
    region: Annotated[str, typer.Option("--region", help="地区, 如 济南市")],
    year: Annotated[int, typer.Option("--year", help="年份")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .csv 或 .parquet")] = Path(
        "activity.csv"),
    sheet: Annotated[str | None, typer.Option("--sheet", help="Excel 工作表名 / Excel sheet")] = None,
    industry_sector: Annotated[str | None, typer.Option(
        "--industry-sector", help="只有“工业”合计行时计入的行业, 如 其他制造业")] = None,
) -> None:
    """能源平衡表 → 活动水平表 (region, year, sector, fuel, value, unit), 供 inventory compute 使用."""
    from cocontrol.inventory.energy_balance import read_energy_balance
    from cocontrol.inventory.io import write

    _check_output(output)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        activity = read_energy_balance(table, region=region, year=year, sheet=sheet,
                                       industry_sector=industry_sector)
    _notes(caught)
    out = activity[["region", "year", "sector", "fuel", "value", "unit"]]
    write(out, str(output))
    scope2 = int(out["fuel"].isin(["Electricity", "Heat"]).sum())
    typer.echo(f"已写出 {output} ({len(out)} 行, 其中外购电力/热力 {scope2} 行)")


@app.command("template")
def template(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .xlsx")] = Path(
        "活动水平模板.xlsx"),
) -> None:
    """生成活动水平填报模板 (Excel: 活动水平, 行业, 能源品种, 说明)."""
    from cocontrol.data.template import write_template

    typer.echo(f"已写出模板 {write_template(output)}")
