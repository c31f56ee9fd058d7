"""First start of the platform: the seed cities' scenario files where the 情景分析 page looks.

``examples/scenarios/*.yaml`` (济南, 威海, 淄博; the plans' targets and measures, other values
labelled 示例) are copied into ``<home>/scenarios`` with their relative file paths
(``activity: ../activity/jinan.csv``) made absolute, so that the page and the annual report's
碳达峰路径 chapter have them on a fresh install as the demo's plans and observations are. Nothing
is copied when ``COCONTROL_SCENARIOS`` names another folder or ``<home>/scenarios`` already
exists (the city's own files are never touched). Copying computes nothing: a run starts from
the page's 开始计算 button (or a command-line report).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_RELATIVE = re.compile(r"(?m)^(\s*[\w-]+:\s*)(\.\.?/[^\s#]+)")


def absolute_paths(text: str, folder: Path) -> str:
    """``text`` of a scenario file with every value that is a relative path (``../x.csv``,
    ``./y.csv``) resolved against ``folder`` — comments and the rest kept as written."""
    return _RELATIVE.sub(lambda m: m.group(1) + (folder / m.group(2)).resolve().as_posix(), text)


def seed_scenarios(home: Path) -> int:
    """Copy the seed scenario files into ``<home>/scenarios`` on a first start; returns how many."""
    from cocontrol import demo

    if os.environ.get("COCONTROL_SCENARIOS"):
        return 0
    target = Path(home) / "scenarios"
    source = demo.examples_dir() / "scenarios"
    files = sorted(source.glob("*.yaml")) if source.is_dir() else []
    if target.exists() or not files:
        return 0
    tmp = target.with_name(f".scenarios.{os.getpid()}.tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    for f in files:
        (tmp / f.name).write_text(absolute_paths(f.read_text(encoding="utf-8"), source), encoding="utf-8")
    try:
        tmp.rename(target)  # whole or not at all; another worker that got there first wins
    except OSError:
        for f in tmp.iterdir():
            f.unlink()
        tmp.rmdir()
        return 0
    return len(files)
