"""One verification run: intake → accounting → rules → accounts (the services the CLI, the
web and the benchmarks call)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cocontrol.enterprises.accounting import Accounting, enterprise_years, run
from cocontrol.enterprises.accounts import carbon_accounts
from cocontrol.enterprises.intake import Dataset, read_dataset
from cocontrol.enterprises.parameters import thresholds as load_thresholds
from cocontrol.enterprises.rules import Context, run_rules


@dataclass
class VerificationResult:
    """Accounts (one row per enterprise and year), findings, the monthly accounting."""

    accounts: pd.DataFrame
    findings: pd.DataFrame
    accounting: Accounting
    years: pd.DataFrame


def verify_dataset(data: Dataset, *, year: int | None = None, engine: str = "duckdb",
                   thresholds: pd.DataFrame | None = None,
                   only: list[str] | None = None) -> VerificationResult:
    """Account and verify validated data; ``year`` keeps that year's accounts and findings
    (the trend still uses the earlier years)."""
    acc = run(data, engine=engine)
    years = enterprise_years(data, acc)
    ctx = Context(data, acc, years, load_thresholds(thresholds))
    findings = run_rules(ctx, only)
    accounts = carbon_accounts(years, data.enterprises, data.production)
    if year is not None:
        accounts = accounts[accounts["year"] == year].reset_index(drop=True)
        findings = findings[findings["year"] == year].reset_index(drop=True)
    return VerificationResult(accounts, findings, acc, years)


def verify(path: str | Path, *, year: int | None = None, engine: str = "duckdb",
           thresholds: pd.DataFrame | None = None) -> VerificationResult:
    """Read DATA (workbook or folder; all-or-nothing) and verify it."""
    return verify_dataset(read_dataset(path), year=year, engine=engine, thresholds=thresholds)
