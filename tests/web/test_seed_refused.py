"""First start with a seed plan the store refuses: the platform still starts (``cocontrol serve``
builds its app with :func:`cocontrol.web.app.create_app`, which seeds), shows the other plans and
logs the refusal in Chinese naming the file."""

from __future__ import annotations

import logging
from pathlib import Path

from cocontrol.store.db import dispose_engines
from cocontrol.web.app import create_app
from cocontrol.web.settings import Settings
from cocontrol.web.testing import PASSWORD, login

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_a_refused_seed_plan_does_not_stop_the_start(tmp_path, monkeypatch, caplog):
    examples = tmp_path / "examples"
    examples.mkdir()
    for item in EXAMPLES.iterdir():
        if item.name != "plans":
            (examples / item.name).symlink_to(item)
    (examples / "plans").mkdir()
    originals = sorted(EXAMPLES.glob("plans/*.yaml"))
    for plan in originals:
        (examples / "plans" / plan.name).symlink_to(plan)
    text = (EXAMPLES / "plans" / "zibo-2024-synergy.yaml").read_text(encoding="utf-8")
    # the same document (same 文号 and region) under another id: store_plan refuses it
    (examples / "plans" / "zibo-copy.yaml").write_text(
        text.replace("  id: zibo-2024-synergy", "  id: zibo-copy", 1), encoding="utf-8")
    monkeypatch.setenv("COCONTROL_EXAMPLES", str(examples))
    home = tmp_path / "home"
    with caplog.at_level(logging.WARNING, logger="cocontrol.store.seed"):
        app = create_app(Settings(database_url=f"sqlite:///{home / 'cocontrol.db'}", home=home,
                                  admin_password=PASSWORD, secret_key="test", year=None,
                                  refresh_processes=False))
    try:
        refusals = [r.getMessage() for r in caplog.records if r.name == "cocontrol.store.seed"]
        assert len(refusals) == 1, refusals
        assert refusals[0].startswith("示例规划 zibo-copy.yaml 未入库：")
        assert "与已入库的规划 zibo-2024-synergy 是同一文件" in refusals[0]
        client = login(app, "admin")
        plans = {p["slug"] for p in client.get("/api/plans").json()}
        assert plans == {p.stem for p in originals}  # the five others are stored and shown
        page = client.get("/overview", params={"region": "淄博市"})
        assert page.status_code == 200 and "淄博市" in page.text  # served (its figures compute in the background)
    finally:
        dispose_engines()
