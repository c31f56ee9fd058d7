"""The command's fixed costs (benchmarks/README.md, session 8, helper kq): Typer's help renderer
and Rich are imported only when a help page or an error needs them, and a program calling
``main()`` is never ended by the quick exit of the large-file inventory."""

from __future__ import annotations

import subprocess
import sys

from cocontrol.cli import _entry_process

SCRIPT = """
import sys
from cocontrol.cli.helptext import framework_words
framework_words("{lang}")
assert "typer.rich_utils" not in sys.modules and "rich" not in sys.modules
from typer import rich_utils  # as Typer imports it for a help page
print(rich_utils.OPTIONS_PANEL_TITLE)
framework_words("{other}")
print(rich_utils.OPTIONS_PANEL_TITLE)
"""


def _run(lang: str, other: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(lang=lang, other=other)],
                          capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_help_words_are_set_when_typer_first_imports_its_renderer():
    assert _run("zh", "en") == ["选项", "Options"]
    assert _run("en", "zh") == ["Options", "选项"]


def test_a_program_calling_main_is_not_the_command_process():
    assert _entry_process() is False
