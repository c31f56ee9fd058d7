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
    data: Dataset | None = None


def verify_dataset(data: Dataset, *, year: int | None = None, engine: str = "duckdb",
                   thresholds: pd.DataFrame | None = None,
                   only: list[str] | None = None, scheme: pd.DataFrame | None = None,
                   colours: pd.DataFrame | None = None) -> VerificationResult:
    """Account and verify validated data; ``year`` keeps that year's accounts and findings
    (the trend still uses the earlier years)."""
    acc = run(data, engine=engine)
    years = enterprise_years(data, acc)
    ctx = Context(data, acc, years, load_thresholds(thresholds))
    findings = run_rules(ctx, only)
    accounts = carbon_accounts(years, data.enterprises, data.production, scheme=scheme,
                               colours=colours)
    if year is not None:
        accounts = accounts[accounts["year"] == year].reset_index(drop=True)
        findings = findings[findings["year"] == year].reset_index(drop=True)
    return VerificationResult(accounts, findings, acc, years, data)


def verify(path: str | Path, *, year: int | None = None, engine: str = "duckdb",
           thresholds: pd.DataFrame | None = None, scheme: pd.DataFrame | None = None,
           colours: pd.DataFrame | None = None) -> VerificationResult:
    """Read DATA (workbook or folder; all-or-nothing) and verify it; ``thresholds``, ``scheme``
    and ``colours`` replace the shipped tables (a city's own, :func:`read_config`)."""
    return verify_dataset(read_dataset(path), year=year, engine=engine, thresholds=thresholds,
                          scheme=scheme, colours=colours)


CONFIG_COLUMNS = {"thresholds": ("rule", "parameter", "value"),
                  "scale": ("axis", "label", "lower", "upper")}


def read_config(path: str | Path, kind: str) -> pd.DataFrame:
    """A city's thresholds (rule, parameter, value) or rating scale (axis, label, [grade],
    lower, upper) as CSV; every problem named by file, row and column."""
    from cocontrol.enterprises.parameters import thresholds as shipped
    from cocontrol.enterprises.rules import RULES
    from cocontrol.errors import InputError, Problem, ValidationFailed

    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    missing = [c for c in CONFIG_COLUMNS[kind] if c not in frame.columns]
    if missing:
        raise InputError("missing column", file=str(path), row=1, column=missing[0],
                         expected=", ".join(CONFIG_COLUMNS[kind]))
    problems = []
    known = shipped()
    for i, r in frame.iterrows():
        row = int(i) + 2
        if kind == "thresholds":
            if r["rule"] not in RULES or r["parameter"] not in known.get(r["rule"], {}):
                problems.append(Problem("unknown rule or parameter", file=str(path), row=row,
                                        column="parameter", found=f"{r['rule']}.{r['parameter']}"))
            elif r["parameter"] != "exclude_industries":
                try:
                    float(r["value"])
                except (TypeError, ValueError):
                    problems.append(Problem("not a number", file=str(path), row=row,
                                            column="value", found=str(r["value"])))
        else:
            if r["axis"] not in ("L", "K"):
                problems.append(Problem("unknown axis", file=str(path), row=row, column="axis",
                                        expected="L or K", found=str(r["axis"])))
            for col in ("lower", "upper"):
                if pd.notna(r[col]):
                    try:
                        float(r[col])
                    except ValueError:
                        problems.append(Problem("not a number", file=str(path), row=row,
                                                column=col, found=str(r[col])))
    if problems:
        raise ValidationFailed(problems, f"{kind} file rejected")
    if kind == "scale":
        frame["lower"] = pd.to_numeric(frame["lower"])
        frame["upper"] = pd.to_numeric(frame["upper"])
        frame["grade"] = pd.to_numeric(frame.get("grade", pd.Series(index=frame.index)))
    return frame
