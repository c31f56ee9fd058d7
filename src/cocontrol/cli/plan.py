"""``cocontrol plan``: 规划 — extract targets and tasks from a plan document, review, load.

    cocontrol plan extract PATH [--format json|yaml|xlsx] [-o OUT]   (PATH may be ``-``)
    cocontrol plan load FILE.yaml|FILE.json|FILE.xlsx [--database URL]

On any error nothing is written and the exit code is non-zero (2 for input mistakes).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cocontrol.cli.say import fail, pick
from cocontrol.errors import CocontrolError

app = typer.Typer(help="规划 — extract targets and tasks from a plan document, review, load", no_args_is_help=True)


class Format(StrEnum):
    json = "json"
    yaml = "yaml"
    xlsx = "xlsx"


def _fail(exc: Exception) -> None:
    fail(exc)


def _written(doc: object, out: Path) -> str:
    n, m = len(doc.targets), len(doc.tasks)  # type: ignore[attr-defined]
    return pick(f"目标 {n} 项，任务 {m} 项 → {out}", f"{n} targets, {m} tasks → {out}")


@app.command("extract")
def extract(
    path: Annotated[str, typer.Argument(help="plan file (.txt/.md/.docx/.pdf) or - for stdin")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json | yaml | xlsx")] = Format.json,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="output file (default stdout)")] = None,
) -> None:
    """抽取规划目标与任务 / extract plan metadata, targets and tasks."""
    from cocontrol.plans.extract import extract_plan
    from cocontrol.plans.io import dump_json, dump_yaml, write_atomic, write_xlsx
    from cocontrol.plans.reader import read_document

    try:
        decoded = read_document(path)
        doc = extract_plan(decoded.text, source=decoded.source if path != "-" else None)
        if fmt is Format.xlsx:
            if out is None:
                raise CocontrolError("--format xlsx needs -o OUT.xlsx")
            write_xlsx(doc, out)
            typer.echo(_written(doc, out), err=True)
            return
        text = dump_json(doc) if fmt is Format.json else dump_yaml(doc)
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomic(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
            typer.echo(_written(doc, out), err=True)
    except CocontrolError as exc:
        _fail(exc)
    except OSError as exc:  # an output path that cannot be written (a folder, no permission)
        _fail(CocontrolError(f"cannot write {exc.filename or out}: {exc.strerror or exc}"))


@app.command("load")
def load(
    file: Annotated[Path, typer.Argument(help="reviewed plan: the .yaml, .json or .xlsx that plan extract wrote")],
    database: Annotated[str | None, typer.Option("--database", help="database URL (default: COCONTROL_DATABASE_URL or the local SQLite file)")] = None,
) -> None:
    """校验并入库 / validate a reviewed plan (YAML, JSON or the review workbook) and store it."""
    from cocontrol.plans.io import load_plan

    try:
        doc = load_plan(file)
    except CocontrolError as exc:
        _fail(exc)
        return
    try:
        from cocontrol.store.plans import save_plan
    except ImportError as exc:  # the store layer is optional at this point of the build
        _fail(CocontrolError(f"plan is valid, but storage is unavailable: {exc}"))
        return
    from sqlalchemy.exc import SQLAlchemyError

    try:
        plan_id = save_plan(doc, url=database, actor="cli")
    except CocontrolError as exc:
        _fail(exc)
        return
    except (SQLAlchemyError, OSError) as exc:  # a database URL or file that cannot be used
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        _fail(CocontrolError(f"the plan is valid but could not be stored: {first}"))
        return
    typer.echo(pick(f"已入库：规划 {doc.plan.id}（目标 {len(doc.targets)} 项，任务 {len(doc.tasks)} 项），"
                    f"编号 #{plan_id}",
                    f"stored plan {doc.plan.id} ({len(doc.targets)} targets, {len(doc.tasks)} tasks) "
                    f"as #{plan_id}"))
