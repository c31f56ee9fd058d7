"""Loading a stored document again under another id (issue 9, item 6: nothing stored is silently
duplicated): the extracted file of 威海's pilot plan carries the id 威政字-2024-52号 and the same
文号 威政字〔2024〕52号 and region as the stored seed plan weihai-2024-pilot; it is refused in one
Chinese line naming weihai-2024-pilot, exit 2, and the store keeps exactly the plans it had."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import create_engine, func, select

from cocontrol.store import models as m
from tests.cli.test_bad_input import _run

SEED = Path(__file__).parents[2] / "examples" / "plans" / "weihai-2024-pilot.yaml"


def _count(home: Path) -> int:
    engine = create_engine(f"sqlite:///{home / 'cocontrol.db'}")
    with engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(m.Plan)))


def _again(tmp_path: Path, **plan: object) -> Path:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["plan"].update(plan)
    out = tmp_path / "in" / "again.yaml"
    out.parent.mkdir(exist_ok=True)
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return out


def test_same_document_under_another_id_is_refused(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("COCONTROL_LANG", raising=False)
    folder = _again(tmp_path, id="威政字-2024-52号", doc_number="威政字[2024]52号").parent
    home = tmp_path / "in_store"
    code, err = _run(["plan", "load", str(SEED)], folder, monkeypatch, capsys)
    assert code == 0, err
    assert _count(home) == 1
    code, err = _run(["plan", "load", "again.yaml"], folder, monkeypatch, capsys)
    assert code == 2
    line = err.strip()
    assert "\n" not in line and "Traceback" not in line
    assert "weihai-2024-pilot" in line and "文号“威政字[2024]52号”" in line and "未入库" in line
    assert _count(home) == 1  # nothing written
    # without a 文号 the title decides; a plan of another region with the same 文号 is another plan
    _again(tmp_path, id="wh-copy", doc_number=None)
    code, err = _run(["plan", "load", "again.yaml"], folder, monkeypatch, capsys)
    assert code == 2 and "标题“威海市减污降碳协同创新试点实施方案”" in err
    _again(tmp_path, id="rc-other", region="荣成市")
    code, err = _run(["plan", "load", "again.yaml"], folder, monkeypatch, capsys)
    assert code == 0, err
    assert _count(home) == 2


def test_same_id_is_a_new_version(tmp_path, monkeypatch, capsys) -> None:
    """The explicit way to store a changed plan: give it the stored id; it becomes version 2."""
    folder = _again(tmp_path, title="威海市减污降碳协同创新试点实施方案（修订）").parent
    code, err = _run(["plan", "load", str(SEED)], folder, monkeypatch, capsys)
    assert code == 0, err
    code, err = _run(["plan", "load", "again.yaml"], folder, monkeypatch, capsys)
    assert code == 0, err
    assert _count(tmp_path / "in_store") == 2
