"""A per-code-version cache of the prepared reference tables of a shipped factor set.

Every run of ``cocontrol inventory compute`` prepares the same tables: the shipped factor
set expanded to the 47 sectors (combustion CO2 from carbon content and oxidation, every
factor converted to t per canonical unit through pint) and the GWP weights — about 0.4 s
of CPU a run. They depend only on the package's code and reference CSVs, the factor set's
name and the GWP set, so they are kept as a pickle named by
:func:`cocontrol.fingerprint.code_fingerprint` (a digest of every ``.py`` and ``.csv`` file
of the package), the Python version and that of the library whose objects it holds
(pyarrow for the Arrow tables the command reads back without importing pandas, pandas for
the frames that controls need), the set and the GWP: a change of code or reference data
gives a new name and the old file is never read. The expanded factor table is also kept as
a Parquet file (:func:`cached_parquet`) that DuckDB reads itself. Only shipped sets are
cached (a user's factor file is read each time); a file that cannot be read is recomputed.

The folder is ``$COCONTROL_CACHE``, else ``$COCONTROL_HOME/cache``, else
``~/.cache/cocontrol``; the files are written whole (temporary file, then rename) and only
by this package.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def folder() -> Path:
    """The cache folder (see the module docstring)."""
    if os.environ.get("COCONTROL_CACHE"):
        return Path(os.environ["COCONTROL_CACHE"])
    if os.environ.get("COCONTROL_HOME"):
        return Path(os.environ["COCONTROL_HOME"]) / "cache"
    return Path.home() / ".cache" / "cocontrol"


def cacheable(factors: object) -> bool:
    """Whether ``factors`` names a shipped set (None = the default): a plain name, not a
    path, a frame or a :class:`~cocontrol.inventory.factor_sets.FactorSet`."""
    return factors is None or (isinstance(factors, str) and factors.isidentifier())


def path_for(kind: str, *parts: str, libs: tuple[str, ...] = ("pandas",)) -> Path:
    """The file of ``kind`` for the current code, the versions of the libraries ``libs``
    whose objects the file holds (pickled pandas frames need the same pandas; Arrow tables
    the same pyarrow; plain numbers and texts none) and ``parts``."""
    import importlib

    from cocontrol.fingerprint import code_fingerprint

    versions = [f"{lib} {importlib.import_module(lib).__version__}" for lib in libs]
    key = "\0".join([code_fingerprint(), *versions, sys.version, *parts])
    return folder() / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"


def cached(kind: str, parts: tuple[str, ...], make: Callable[[], Any],
           libs: tuple[str, ...] = ("pandas",)) -> Any:
    """``make()``, or its value stored under (current code, ``kind``, ``parts``, the
    versions of ``libs``: :func:`path_for`)."""
    path = path_for(kind, *parts, libs=libs)
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # absent, truncated or from another pandas: computed again
        pass
    value = make()
    try:
        from cocontrol.files import write_bytes_atomic

        write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # a read-only home: no cache, same result
        pass
    return value


def cached_parquet(kind: str, parts: tuple[str, ...], make: Callable[[], Any]) -> Path | None:
    """A Parquet file of the Arrow table ``make()`` stored under (current code, ``kind``,
    ``parts``, pyarrow's version), written when absent — for an engine to read a table
    without a Python object handed to it; None when it cannot be written (a read-only home)."""
    path = path_for(kind, *parts, libs=("pyarrow",)).with_suffix(".parquet")
    if path.is_file():
        return path
    import pyarrow.parquet as pq

    from cocontrol.files import write_atomic

    table = make()
    try:
        write_atomic(path, lambda tmp: pq.write_table(table, tmp))
    except OSError:
        return None
    return path


class UnitMemo:
    """:func:`cocontrol.data.activity.unit_multiplier` remembered between runs: the
    multiplier of each (canonical fuel, unit as given) — or the message of its
    :class:`~cocontrol.errors.UnitError` — kept under the current code's name, so pint (its
    import and registry, ~0.2 s a run) is loaded only for a pair not seen before. At most
    :attr:`LIMIT` pairs are kept."""

    LIMIT = 5000

    def __init__(self) -> None:
        self.path = path_for("units", libs=())  # floats and texts
        self.added = False
        try:
            with self.path.open("rb") as fh:
                self.values: dict[tuple[str, str], float | str] = dict(pickle.load(fh))
        except Exception:  # absent or unreadable: every pair computed again
            self.values = {}

    def __call__(self, fuel: str, unit: str) -> float:
        from cocontrol.errors import UnitError

        hit = self.values.get((fuel, unit))
        if hit is None:
            from cocontrol.data.activity import unit_multiplier

            try:
                hit = float(unit_multiplier(fuel, unit))
            except UnitError as exc:
                hit = str(exc)
            if len(self.values) < self.LIMIT:
                self.values[(fuel, unit)] = hit
                self.added = True
        if isinstance(hit, str):
            raise UnitError(hit)
        return hit

    def save(self) -> None:
        """Write the pairs back when new ones were computed (a read-only home: skipped)."""
        if not self.added:
            return
        try:
            from cocontrol.files import write_bytes_atomic

            write_bytes_atomic(self.path, pickle.dumps(self.values,
                                                       protocol=pickle.HIGHEST_PROTOCOL))
            self.added = False
        except OSError:
            pass
