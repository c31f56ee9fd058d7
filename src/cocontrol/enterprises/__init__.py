"""Enterprises (企业): fixed-source pollutant–carbon co-verification and carbon accounts.

Data flow: :mod:`.intake` reads and validates the monthly sheets (enterprises, fuel,
production, electricity, permit_report, controls, cems) all-or-nothing into a
:class:`~.intake.Dataset`; :mod:`.accounting` computes combustion CO2, scope 2, SO2 by mass
balance and by CEMS as Ibis expressions (DuckDB by default, PySpark at scale); :mod:`.rules`
runs the co-verification rules (findings, not verdicts); :mod:`.accounts` rates each
enterprise's carbon account; :mod:`.export` writes the bank/bureau Excel and JSON;
:mod:`.verify` is the one call that runs them in order.
"""
