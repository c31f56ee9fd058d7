"""Column lists of the inventory tables (no imports: read by the expressions, the DuckDB SQL
of large files and the CLI alike)."""

from __future__ import annotations

OUTPUT = ["region", "year", "sector", "fuel", "species", "value", "unit", "scope"]
OUTPUT_KEYS = ["region", "year", "sector", "fuel", "species", "scope"]
OUTPUT_ORDER = ["region", "year", "scope", "sector", "fuel", "species"]
AGG_KEYS = ["region", "year", "sector", "fuel", "technology"]
CONTROL_KEYS = ["region", "year", "sector", "fuel", "species"]
SUMMARY_KEYS = ["region", "year", "sector", "fuel", "technology", "unit"]
DUPLICATE_KEYS = ["region", "year", "month", "sector", "fuel", "technology", "facility"]
# the key columns a file's rows are grouped by as given (before cleaning), facility apart
RAW_KEYS = ("region", "year", "month", "sector", "fuel", "technology", "unit")
SUMMARY_COUNTS = ["rows", "missing", "not_number", "non_finite", "bad_year", "bad_month",
                  "negative"]
# kinds of value cell (one code per row): a good number, then the problems
GOOD, MISSING, NOT_NUMBER, NON_FINITE, NEGATIVE = range(5)
GWP_SPECIES_ORDER = ("CH4", "CO2", "N2O")  # the order CO2e adds its terms in
