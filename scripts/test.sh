#!/usr/bin/env bash
# Set up and run the whole test suite (unit, property, engine-equivalence, database and
# browser tests). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
