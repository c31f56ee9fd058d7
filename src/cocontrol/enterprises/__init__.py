"""Enterprises (企业): fixed-source pollutant–carbon co-verification and carbon accounts.

Data flow: :mod:`.intake` reads and validates the monthly sheets (enterprises, fuel,
production, electricity, permit_report, controls, cems; optionally the facility and stack
registry and the operation record of :mod:`.registry`) all-or-nothing into a
:class:`~.intake.Dataset`; :mod:`.notice2022` gives unmeasured coal months their default;
:mod:`.accounting` computes combustion CO2, scope 2, SO2 by mass balance and by CEMS as Ibis
expressions (DuckDB by default, PySpark at scale); :mod:`.rules` (with :mod:`.stack_rules`
per stack and month) runs the co-verification rules (findings, not verdicts);
:mod:`.accounts` rates each enterprise's carbon account; :mod:`.export` writes the
bank/bureau Excel and JSON; :mod:`.verify` is the one call that runs them in order.
"""
