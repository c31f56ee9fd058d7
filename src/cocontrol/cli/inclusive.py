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

After issue (the operator's hand on the ledger, audited as ``cli``; each command all or nothing):
``cocontrol inclusive redeem PERSON GRAMS [--partner P] [--note …]`` (refused beyond the
balance), ``cocontrol inclusive expire YEAR [--region R]`` (the year's unredeemed credits once
their validity, ``refdata/inclusive_credit_validity.csv``, has passed) and
``cocontrol inclusive correct SEQ|--batch N --reason …`` (reversing entries);
``cocontrol inclusive person-token PERSON [--partner P]`` prints a person token (for accounts
credited from files, which have no partner system to ask for one).
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
    if engine == "spark":
        import os

        # Spark only scans, shuffles and aggregates the ids here (it caches nothing; the parts
        # are credited in Python tasks): 1 GB of heap keeps a year of a city's records and
        # the Python processes under 4 GB in all (benchmarks/README.md, helper la)
        os.environ.setdefault("COCONTROL_SPARK_DRIVER_MEMORY", "1g")
    methods = meth.load(methodology)
    table = read_records(records)
    result = post_records(table, methods=methods, partner=partner,
                          sha256=file_digest(records), name=records.name, actor="cli",
                          engine=engine, dry_run=dry_run, region=region)
    if format == "json":
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    # the summary only: building the JSON payload of a year's file (a million persons,
    # a million and more rejections) would cost more than printing it
    typer.echo(f"{'核算（未记账）' if dry_run else '已记入台账'}：{result.records:,} 条记录，"
               f"计入 {len(result.persons):,} 人，减排 {result.total_g / 1e6:,.3f} 吨 CO2；"
               f"未计入 {len(result.rejected):,} 条")


def _format(format: str) -> None:
    from cocontrol.errors import InputError

    if format not in ("text", "json"):
        raise InputError("unknown format", column="--format", expected="text or json",
                         found=format)


@app.command("redeem")
def redeem(
    person: Annotated[str, typer.Argument(help="个人账户（合作方的匿名编号）")],
    grams: Annotated[float, typer.Argument(help="兑换量（克 CO2）")],
    partner: Annotated[str, typer.Option("--partner", help="签发该账户的合作方")] = "file",
    note: Annotated[str, typer.Option("--note", help="兑换说明（如兑换的权益）")] = "",
    format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
) -> None:
    """从个人碳账户兑换减排量；超过余额则拒绝，不记账."""
    from cocontrol.inclusive import ledger
    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive import entries
    from cocontrol.store.inclusive_accounts import redeem as spend

    _format(format)
    with transaction() as session:
        row = spend(session, partner=partner, person=person, amount_g=grams, note=note,
                    actor="cli")
        balance = ledger.balances(entries(session, person, partner)).get(person, 0.0)
        seq = row.seq
    if format == "json":
        typer.echo(json.dumps({"seq": seq, "redeemed_g": grams, "balance_g": round(balance, 3)},
                              ensure_ascii=False))
        return
    typer.echo(f"已兑换 {grams:,.3f} 克 CO2（分录 {seq}），账户余额 {balance:,.3f} 克")


@app.command("expire")
def expire(
    year: Annotated[int, typer.Argument(help="签发年度：该年及以前签发、到期未兑换的减排量记为过期")],
    region: Annotated[list[str] | None, typer.Option("--region", help="只处理该地区的账户（可重复）")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
) -> None:
    """按本市设置的有效期（见碳普惠页说明），将某年度到期未兑换的减排量记为过期（全部记账或全不记账）."""
    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive_accounts import expire_year

    _format(format)
    with transaction() as session:
        accounts, grams = expire_year(session, year=year, actor="cli",
                                      regions=set(region) if region else None)
    if format == "json":
        typer.echo(json.dumps({"year": year, "accounts": accounts, "expired_g": round(grams, 3)}))
        return
    typer.echo(f"已将 {year} 年及以前签发、到期未兑换的减排量记为过期：{accounts:,} 个账户，"
               f"共 {grams:,.3f} 克 CO2")


@app.command("correct")
def correct(
    seq: Annotated[int | None, typer.Argument(help="要冲正的分录号")] = None,
    batch: Annotated[int | None, typer.Option("--batch", help="或：冲正该批次的全部签发分录")] = None,
    reason: Annotated[str, typer.Option("--reason", help="冲正原因（必填）")] = "",
    format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
) -> None:
    """记入冲正分录（金额相反，注明原因）；原分录不改不删."""
    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive_accounts import AccountRefused, correct_batch, correct_entry

    _format(format)
    if (seq is None) == (batch is None):
        raise AccountRefused("请给出分录号或 --batch 批次号（二者给一）",
                             "give an entry number or --batch, not both")
    with transaction() as session:
        if seq is not None:
            row = correct_entry(session, seq=seq, reason=reason, actor="cli", regions=None)
            n, grams = 1, float(row.amount_g)
        else:
            n, grams = correct_batch(session, batch=batch, reason=reason, actor="cli",  # type: ignore[arg-type]
                                     regions=None)
    if format == "json":
        typer.echo(json.dumps({"entries": n, "amount_g": round(grams, 3)}))
        return
    typer.echo(f"已记入冲正分录 {n} 笔，合计 {grams:,.3f} 克 CO2")


@app.command("person-token")
def person_token(
    person: Annotated[str, typer.Argument(help="个人账户（合作方的匿名编号）")],
    partner: Annotated[str, typer.Option("--partner", help="签发该账户的合作方")] = "file",
) -> None:
    """为个人账户签发令牌（只显示一次；该账户此前的令牌随即失效），供本人经 API 查询和兑换."""
    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive_accounts import issue_person_token

    with transaction() as session:
        token = issue_person_token(session, partner=partner, person=person, actor="cli")
    typer.echo(token)
