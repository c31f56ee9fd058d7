"""``cocontrol inclusive``: 碳普惠 — credit citizens' low-carbon behaviour records.

Contract: ``cocontrol inclusive credit RECORDS.csv|.parquet [--methodology FILE] [--format json]``.
RECORDS has record_id, person, scene, start, end, distance_km (or quantity, unit). With
``--format json`` stdout is ``{"total_g", "persons": [{"person", "credited_g",
"records_credited", "records_rejected"}], "rejected": [{"row", "record_id", "reason"}]}`` (plus
``records`` and ``avoided_g``, the pollutants of the displaced car trips). The batch is checked
whole: an input error (unknown scene, times out of order, negative distance, a date outside
the methodology's validity …) lists every offending row, exits 2 and credits nothing. Credited
records go to the platform's ledger (``COCONTROL_DATABASE_URL`` / ``COCONTROL_HOME``) unless
``--dry-run``; re-posting the same file or a record already credited never credits twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="碳普惠 — credit citizens' low-carbon behaviour records", no_args_is_help=True)


@app.command("credit")
def credit(
    records: Annotated[Path, typer.Argument(help="行为记录 (.csv/.xlsx/.parquet)")],
    methodology: Annotated[Path | None, typer.Option(
        "--methodology", help="方法学表 (.csv/.xlsx)；默认为内置示例方法学")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
    partner: Annotated[str, typer.Option("--partner", help="数据来源合作方（记录编号的命名空间）")] = "file",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只核算，不记入台账")] = False,
    engine: Annotated[str, typer.Option("--engine", help="duckdb | spark")] = "duckdb",
    region: Annotated[str, typer.Option("--region", help="记录所属地区（台账按地区汇总）")] = "",
) -> None:
    """核算行为记录的减排量并记入个人碳账户台账."""
    from cocontrol.errors import InputError
    from cocontrol.inclusive import methodology as meth
    from cocontrol.inclusive.records import read_records
    from cocontrol.store.inclusive import file_digest, post_records

    if format not in ("text", "json"):
        raise InputError("unknown format", column="--format", expected="text or json",
                         found=format)
    methods = meth.load(methodology)
    table = read_records(records)
    result = post_records(table, methods=methods, partner=partner,
                          sha256=file_digest(records), name=records.name, actor="cli",
                          engine=engine, dry_run=dry_run, region=region)
    if format == "json":
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    payload = result.to_json()
    typer.echo(f"{'核算（未记账）' if dry_run else '已记入台账'}：{payload['records']:,} 条记录，"
               f"计入 {len(result.persons):,} 人，减排 {result.total_g / 1e6:,.3f} 吨 CO2；"
               f"未计入 {len(result.rejected):,} 条")
