"""cocontrol — 减污降碳协同增效 platform for Chinese cities.

The package follows the data flow of ``shared/DESIGN.md``: ``plans`` → ``data`` →
``inventory``/``sinks`` → ``indicators`` → ``tracking``/``synergy``/``scenarios`` →
``reports``/``web``. Computation is pure; storage, files, web and CLI are thin shells.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cocontrol")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
