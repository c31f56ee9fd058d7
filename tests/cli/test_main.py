import subprocess
import sys

from typer.testing import CliRunner

from cocontrol import __version__
from cocontrol.cli import app

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"cocontrol {__version__}"


def test_doctor_reports_engines():
    result = runner.invoke(app, ["doctor"])
    assert "DuckDB" in result.stdout
    assert "326 万千瓦 = 3260 MW" in result.stdout
    assert result.exit_code == 0, result.stdout


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "cocontrol", "--version"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert __version__ in out.stdout
