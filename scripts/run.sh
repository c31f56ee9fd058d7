#!/usr/bin/env bash
# Set up and start the main job: the web dashboard on the embedded default (SQLite + DuckDB),
# seeded with the four seed cities' plans and demo data on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
COCONTROL_SKIP_BROWSER=1 bash scripts/setup.sh
exec .venv/bin/cocontrol serve "$@"
