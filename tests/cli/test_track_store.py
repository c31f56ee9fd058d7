"""``track import`` / ``track status`` on a plan of the platform (issue 9, item 6): the CLI writes
and reads the platform's submissions — the value imported is the one ``report annual`` and the
web judge, with an audit row; a plan file keeps the history-file workflow."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from cocontrol.store import models as m
from cocontrol.store.db import dispose_engines, get_engine, session_factory
from cocontrol.store.platform import platform_workspace, stored_observations
from tests.cli.test_bad_input import _run

ROW = "地区,规划,目标编号,指标,年份,数值,单位\n淄博市,zibo-2024-synergy,T001,光伏发电等新能源装机总容量,2025,999,万千瓦\n"


def test_import_to_the_platform_then_status_reads_it(tmp_path: Path, monkeypatch, capsys) -> None:
    work = tmp_path / "in"
    work.mkdir()
    (work / "obs.csv").write_text(ROW, encoding="utf-8")
    monkeypatch.delenv("COCONTROL_LANG", raising=False)
    try:
        code, err = _run(["track", "import", "obs.csv", "--plan", "zibo-2024-synergy"], work, monkeypatch, capsys)
        assert code == 0, err
        store = tmp_path / "in_store"  # the COCONTROL_HOME that _run sets
        assert not (store / "observations-history.csv").exists()  # not a side file: the platform
        obs = stored_observations("zibo-2024-synergy", f"sqlite:///{store / 'cocontrol.db'}")
        t001 = obs[(obs["target"] == "T001") & (obs["year"] == 2025)]
        assert t001["value"].tolist() == [999.0]  # the newest submission of the year wins
        with session_factory(get_engine(f"sqlite:///{store / 'cocontrol.db'}"))() as s:
            audit = s.scalars(select(m.AuditLog).where(m.AuditLog.table_name == "submissions")).all()
            assert [(a.actor, a.action) for a in audit] == [("命令行导入", "insert")]
        ws = platform_workspace(f"sqlite:///{store / 'cocontrol.db'}")  # what report annual reads
        assert 999.0 in ws.observations[ws.observations["target"].astype(str).str.endswith("T001")]["value"].tolist()
        code, _ = _run(["track", "status", "--plan", "zibo-2024-synergy", "--year", "2025"], work, monkeypatch, capsys)
        assert code == 0
    finally:
        dispose_engines()
