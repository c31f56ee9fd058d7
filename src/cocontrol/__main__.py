"""``python -m cocontrol`` = the ``cocontrol`` command."""

from cocontrol.cli import main

main()
