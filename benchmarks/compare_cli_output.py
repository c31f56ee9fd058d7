"""Check that two versions of ``cocontrol inventory compute`` write the same inventory.

Runs the command of two source trees (``--base`` and ``--new``, each a folder holding the
``cocontrol`` package, e.g. ``git archive <commit> src | tar -x -C /tmp/base``) on the same
activity files — the issue-9 file of ``bench_inventory.py --cli`` (annual facility rows,
CSV and Parquet; 1 M rows by default) — and compares the two outputs cell by cell: the
same columns, the same rows in the same order (CO2e rows included), keys equal, values
equal (bit for bit, else the largest relative difference is shown and the check fails
unless it is within ``--rtol``), and the same closing line. Exit code 1 on a difference.

CSV: DuckDB's parallel CSV reader hands rows to the float sums in a run-dependent order, so
two runs of the *same* version differ in the last bit of about a third of the values
(≤ 6.4·10⁻¹⁶ relative); the base is run twice on the CSV to show that floor, and the CSV
comparison allows ``--csv-rtol`` (1e-15).

    .venv/bin/python benchmarks/compare_cli_output.py --base /tmp/base/src --new src
    .venv/bin/python benchmarks/compare_cli_output.py --base /tmp/base/src --new src \\
        --data /tmp/hr/d1 --rtol 1e-15
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

BENCH = Path(__file__).with_name("bench_inventory.py")


def run(src: Path, activity: Path, out: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    done = subprocess.run([sys.executable, "-m", "cocontrol", "inventory", "compute",
                           str(activity), "-o", str(out)], env=env, capture_output=True,
                          text=True, cwd=activity.parent)
    if done.returncode != 0:
        raise SystemExit(f"{src}: exit {done.returncode}: {done.stderr[-600:]}")
    return done.stdout.strip().replace(str(out), "OUTPUT")


def compare(base: Path, new: Path, rtol: float) -> list[str]:
    a, b = pq.read_table(base), pq.read_table(new)
    faults = []
    if a.column_names != b.column_names:
        return [f"columns differ: {a.column_names} vs {b.column_names}"]
    if a.num_rows != b.num_rows:
        return [f"row counts differ: {a.num_rows} vs {b.num_rows}"]
    for name in a.column_names:
        x, y = a[name].to_numpy(), b[name].to_numpy()
        if name == "value":
            same = x == y
            if not same.all():
                rel = np.abs(x - y) / np.maximum(np.abs(x), 1e-300)
                text = (f"value: {int((~same).sum()):,} of {len(x):,} differ, largest relative "
                        f"difference {rel.max():.3g}")
                if rel.max() > rtol:
                    faults.append(text)
                else:
                    print(f"  note: {text} (within rtol {rtol:g})")
        elif not (x == y).all():
            faults.append(f"{name}: {int((x != y).sum()):,} rows differ (keys or order)")
    co2e = int(np.sum(b["species"].to_numpy() == "CO2e"))
    print(f"  {a.num_rows:,} rows compared ({co2e:,} CO2e rows), types "
          f"{[str(t) for t in a.schema.types]} vs {[str(t) for t in b.schema.types]}")
    return faults


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--new", type=Path, required=True)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, help="a folder of bench_inventory --generate-cli")
    parser.add_argument("--rtol", type=float, default=0.0)
    parser.add_argument("--csv-rtol", type=float, default=1e-15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="compare_cli_") as tmp:
        folder = args.data or Path(tmp)
        if args.data is None:
            subprocess.run([sys.executable, str(BENCH), "--generate-cli", str(folder),
                            str(args.rows)], check=True,
                           env={**os.environ, "PYTHONPATH": str(args.new.resolve())})
        faults = []
        for fmt in ("parquet", "csv"):
            activity = folder / f"activity.{fmt}"
            outs = [Path(tmp) / f"{name}_{fmt}.parquet" for name in ("base", "new")]
            lines = [run(src, activity, out) for src, out in zip((args.base, args.new), outs,
                                                                  strict=True)]
            print(f"{fmt}:")
            if fmt == "csv":
                again = Path(tmp) / "base_again.parquet"
                run(args.base, activity, again)
                print("  base vs base (run-to-run floor):", compare(outs[0], again, 1.0) or "same")
            found = compare(*outs, rtol=args.rtol if fmt == "parquet" else args.csv_rtol)
            if lines[0] != lines[1]:
                found.append(f"closing lines differ:\n    {lines[0]}\n    {lines[1]}")
            faults += [f"{fmt}: {f}" for f in found]
            print("  " + ("SAME" if not found else "DIFFERENT: " + "; ".join(found)))
    sys.exit(1 if faults else 0)


if __name__ == "__main__":
    main()
