"""Benchmark: extract all five seed plans (≈250 KB of text) — goal < 2 s (issue 2).

    .venv/bin/python benchmarks/bench_extract.py [SEED_DIR]

Times reading + extraction of every seed (best of 5, after one warm-up run that pays the
imports and regex compilation) and prints the table for benchmarks/README.md.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.reader import read_document

DEFAULT = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def main(folder: Path = DEFAULT) -> None:
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no seed plans (*.txt) in {folder}")
    size = sum(f.stat().st_size for f in files)

    def run() -> list[int]:
        return [len(extract_plan(read_document(f).text, source=f.name).targets) for f in files]

    t0 = time.perf_counter()
    counts = run()
    first = time.perf_counter() - t0
    best = min(_timed(run) for _ in range(5))
    print(f"{len(files)} plans, {size / 1000:.0f} KB, {sum(counts)} targets")
    print(f"first run (imports, regex compilation): {first:.3f} s")
    print(f"best of 5: {best:.3f} s  (goal < 2 s)")
    for f in files:
        t = _timed(lambda f=f: extract_plan(read_document(f).text, source=f.name))
        print(f"  {f.name}: {f.stat().st_size / 1000:.0f} KB  {t * 1000:.0f} ms")


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
