"""``cocontrol track``: 进展跟踪 — observations, target status, forecasts, warnings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    import pandas as pd

    from cocontrol.plans.model import PlanDocument

app = typer.Typer(help="进展跟踪 — observations, target status, forecasts, warnings", no_args_is_help=True)

PlanOpt = Annotated[str, typer.Option("--plan", "-p", help="规划文件（YAML、JSON 或 Excel），或平台数据库中的规划编号")]
History = Annotated[Path | None, typer.Option(
    "--history", help="填报历史 CSV（保留全部版本；默认 $COCONTROL_HOME/observations-history.csv）")]
DEFAULT_HISTORY = None
HISTORY_NAME = "observations-history.csv"


def history_path(history: Path | None) -> Path:
    """``--history``, else ``observations-history.csv`` under ``COCONTROL_HOME``."""
    from cocontrol.store.db import home

    return history if history is not None else home() / HISTORY_NAME


def load_plan(ref: str) -> PlanDocument:
    """A plan from a file — what ``plan load`` accepts: the .yaml review file, the .json
    contract or the .xlsx 一表审核 workbook written by ``plan extract`` — else the newest version
    stored in the platform's database (``COCONTROL_DATABASE_URL`` / ``COCONTROL_HOME``; a fresh
    store is seeded from ``examples/``)."""
    from cocontrol.errors import InputError

    path = Path(ref)
    if not path.is_file():
        from cocontrol.store.platform import stored_plan

        found = stored_plan(ref)
        if found is not None:
            return found
        raise InputError("plan not found", file=ref,
                         expected="a plan file (.yaml, .json or .xlsx) or the id of a plan in the platform's database")
    from cocontrol.plans.io import load_plan as load_plan_file

    return load_plan_file(path)


@app.command("template")
def template(
    plan: Annotated[str, typer.Argument(help="规划 YAML 文件或编号")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .xlsx")] = Path("填报模板.xlsx"),
) -> None:
    """生成指标填报模板（Excel，每个目标每年一行） / write the indicator submission template (Excel, one row per target × year)."""
    from cocontrol.tracking.template import write_template

    path = write_template(load_plan(plan), output)
    typer.echo(f"已写出填报模板 {path}")


def _read_history(path: Path) -> pd.DataFrame | None:
    import pandas as pd

    if not path.is_file():
        return None
    return pd.read_csv(path, encoding="utf-8", dtype={"value_text": str})


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="填报文件 (.xlsx/.csv, UTF-8 或 GBK)")],
    plan: PlanOpt,
    history: History = DEFAULT_HISTORY,
    submitter: Annotated[str | None, typer.Option("--submitter", help="填报单位")] = None,
) -> None:
    """导入填报数据：整体校验，全部通过才写入；重复报送记为新版本，保留历史。"""
    from cocontrol.files import write_atomic
    from cocontrol.tracking.observations import merge_versions, read_observations

    obs = read_observations(file, plan=load_plan(plan), submitter=submitter)
    if _stored(plan, history):  # the platform's plan: its submissions, as the web stores them
        from cocontrol.store.submissions import store_observations

        stored, skipped = store_observations(obs, plan, submitter=submitter or "命令行导入", source=Path(file).name)
        typer.echo(f"已导入 {stored} 行到平台数据库（规划 {plan}）" + (f"；{skipped} 行定性填报未入库" if skipped else ""))
        return
    history = history_path(history)
    merged = merge_versions(_read_history(history), obs)
    write_atomic(history, lambda tmp: merged.to_csv(tmp, index=False, encoding="utf-8"))
    revised = int((merged["version"] > 1).sum())
    typer.echo(f"已导入 {len(obs)} 行到 {history}（历史共 {len(merged)} 行，其中更正版本 {revised} 行）")


def _stored(plan: str, history: Path | None) -> bool:
    """True for a plan named by its id in the platform (not a file) and no ``--history``: the CLI
    then reads and writes the platform's submissions, exactly what the web pages judge."""
    return history is None and not Path(plan).is_file()


def _observations(doc: PlanDocument, obs_files: list[Path] | None, history: Path | None,
                  from_store: bool = False) -> pd.DataFrame:
    """``--obs`` files, else the ``--history`` file (default under COCONTROL_HOME) when it
    exists, else the submissions stored in the platform's database — what the web judges."""
    import pandas as pd

    from cocontrol.store.platform import stored_observations
    from cocontrol.tracking.observations import read_observations

    if obs_files:
        return pd.concat([read_observations(f, plan=doc) for f in obs_files], ignore_index=True)
    if from_store:
        return stored_observations(doc.plan.id)
    hist = _read_history(history_path(history))
    if hist is not None:
        return hist
    return stored_observations(doc.plan.id)


def _assess(plan: str, year: int | None, obs: list[Path] | None, history: Path | None
            ) -> tuple[PlanDocument, pd.DataFrame, int]:
    import datetime as dt

    from cocontrol.tracking import targets_frame
    from cocontrol.tracking.status import assess

    doc = load_plan(plan)
    as_of = year or dt.date.today().year - 1
    observed = _observations(doc, obs, history, from_store=_stored(plan, history))
    return doc, assess(targets_frame(doc), observed, as_of=as_of), as_of


ObsOpt = Annotated[list[Path] | None, typer.Option("--obs", help="填报文件（可多次）；默认用历史或示例数据")]
YearOpt = Annotated[int | None, typer.Option("--year", "-y", help="评估年度（默认上一年）")]


def _num(v: object) -> str:
    import pandas as pd

    return "—" if v is None or pd.isna(v) else f"{float(v):,.4g}"  # type: ignore[arg-type]


@app.command("status")
def status(plan: PlanOpt, year: YearOpt = None, obs: ObsOpt = None,
           history: History = DEFAULT_HISTORY) -> None:
    """目标完成情况：每个目标的状态、进度要求、趋势预测和原因。"""
    from rich.console import Console
    from rich.table import Table

    doc, res, as_of = _assess(plan, year, obs, history)
    colours = {"achieved": "green", "on_track": "cyan", "at_risk": "yellow", "off_track": "red",
               "no_data": "dim"}
    table = Table(title=f"{doc.plan.title} — 目标完成情况（截至{as_of}年）", show_lines=False)
    for col in ("序号", "指标", "目标", "最新值", "进度要求", "预测（区间）", "状态", "原因"):
        table.add_column(col, overflow="fold")
    from cocontrol.figures.targets import status_counts, target_figure

    figs = []
    records = res.to_dict("records")
    for n, r in enumerate(records, start=1):
        goal = (f"{r.get('judged_label') or r['relation']} {_num(r['target_value'])}{r['unit'] or ''}（{r['target_year']}）"
                if r["measure"] != "judgement" else f"定性（{r['target_year']}）")
        fig = target_figure(r)  # status with the value and year it was judged from (cocontrol.figures)
        figs.append(fig)
        fc = f"{_num(r['forecast'])}（{_num(r['forecast_low'])}–{_num(r['forecast_high'])}）"
        c = colours[r["status"]] if fig["status"] != "无数据" else colours["no_data"]
        table.add_row(str(n), _named(r, records), goal, fig["basis"] or "—", _num(r["required_value_now"]),
                      fc, f"[{c}]{fig['status']}[/{c}]", r["reason"])
    console = Console()
    console.print(table)
    console.print("；".join(f"{k} {v} 项" for k, v in status_counts(figs).items()))


def _named(r: dict, records: list[dict]) -> str:
    """A target as a reader knows it: its indicator, with its target year when the plan has the
    indicator for more than one year (the plan's target ids are for machines, never shown)."""
    same = sum(x["indicator"] == r["indicator"] for x in records)
    return f"{r['indicator']}（{r['target_year']}年）" if same > 1 else str(r["indicator"])


@app.command("warnings")
def warnings(plan: PlanOpt, year: YearOpt = None, obs: ObsOpt = None,
             history: History = DEFAULT_HISTORY) -> None:
    """责任单位预警：滞后和有风险的目标及其关联任务。"""
    from rich.console import Console
    from rich.table import Table

    from cocontrol.tracking.warnings import by_responsible_unit

    doc, res, as_of = _assess(plan, year, obs, history)
    warn = by_responsible_unit(res, doc)
    table = Table(title=f"{doc.plan.title} — 责任单位预警（截至{as_of}年）")
    for col in ("责任单位", "预警", "指标", "原因", "关联任务"):
        table.add_column(col, overflow="fold")
    for r in warn.to_dict("records"):
        table.add_row(r["unit"], r["level"], r["indicator"], r["reason"], r["tasks"])
    Console().print(table)
