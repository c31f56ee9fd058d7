"""First start: the seed cities' scenario files reach ``<home>/scenarios`` readable, with their
activity and control files found (the relative paths of ``examples/scenarios`` made absolute),
and a city's own folder is never touched."""

from __future__ import annotations

from pathlib import Path

from cocontrol.scenarios.seed import absolute_paths, seed_scenarios
from cocontrol.scenarios.spec import read_spec

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_relative_paths_are_made_absolute_comments_kept():
    text = "activity: ../activity/jinan.csv        # illustrative\n  history: ./zibo.csv\nseed: 1\n"
    out = absolute_paths(text, Path("/x/examples/scenarios"))
    assert out == ("activity: /x/examples/activity/jinan.csv        # illustrative\n"
                   "  history: /x/examples/scenarios/zibo.csv\nseed: 1\n")


def test_seed_files_are_copied_once_and_read(tmp_path, monkeypatch):
    monkeypatch.delenv("COCONTROL_SCENARIOS", raising=False)
    monkeypatch.setenv("COCONTROL_EXAMPLES", str(EXAMPLES))
    assert seed_scenarios(tmp_path) == 3
    names = sorted(p.name for p in (tmp_path / "scenarios").iterdir())
    assert names == ["jinan.yaml", "weihai.yaml", "zibo.yaml"]
    spec = read_spec(tmp_path / "scenarios" / "jinan.yaml")
    assert spec.region == "济南市" and Path(spec.activity) == (EXAMPLES / "activity" / "jinan.csv").resolve()
    (tmp_path / "scenarios" / "jinan.yaml").write_text("region: 济南市\n# the city's own\n", encoding="utf-8")
    assert seed_scenarios(tmp_path) == 0  # an existing folder is the city's: left as it is
    assert "the city's own" in (tmp_path / "scenarios" / "jinan.yaml").read_text(encoding="utf-8")


def test_nothing_is_copied_where_another_folder_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("COCONTROL_SCENARIOS", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("COCONTROL_EXAMPLES", str(EXAMPLES))
    assert seed_scenarios(tmp_path) == 0 and not (tmp_path / "scenarios").exists()
