"""``cocontrol plan extract`` and ``cocontrol plan load``: outputs, exit codes, nothing written on error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from cocontrol.cli import app

runner = CliRunner()
# 000_622501f90e077414.txt, 二（五）1 (one task)
PLAN = """威海市减污降碳协同创新试点实施方案
二、主要任务
（五）深化城乡领域无废低碳生活理念
1.高质量推进“无废城市”建设。2024年、2025年、2026年，建设“无废细胞”数量分别不少于 400个、500个、600个。（责任单位：市教育局、市生态环境局）
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    p = tmp_path / "weihai.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


def test_extract_json_to_stdout(plan_file: Path) -> None:
    result = runner.invoke(app, ["plan", "extract", str(plan_file)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(t["year"], t["value"], t["unit"], t["relation"]) for t in data["targets"]] == [
        (2024, 400.0, "个", ">="), (2025, 500.0, "个", ">="), (2026, 600.0, "个", ">="),
    ]
    assert data["tasks"][0]["responsible"] == ["市教育局", "市生态环境局"]


def test_extract_yaml_and_xlsx_files(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "plan.yaml"
    result = runner.invoke(app, ["plan", "extract", str(plan_file), "--format", "yaml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# 规划审核文件")
    xlsx = tmp_path / "plan.xlsx"
    result = runner.invoke(app, ["plan", "extract", str(plan_file), "-f", "xlsx", "-o", str(xlsx)])
    assert result.exit_code == 0, result.output
    assert xlsx.stat().st_size > 0


def test_extract_from_stdin() -> None:
    result = runner.invoke(app, ["plan", "extract", "-"], input=PLAN)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["targets"]) == 3


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\x03" * 50, b"\xff\xfe\xfd" * 40])
def test_bad_input_writes_nothing(tmp_path: Path, content: bytes) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["plan", "extract", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert "错误" in result.output and str(src) in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]  # no temporary file left either


def test_fake_docx_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "plan.docx"
    src.write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "plan.xlsx"
    result = runner.invoke(app, ["plan", "extract", str(src), "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()


def test_load_validates_then_stores(plan_file: Path, tmp_path: Path) -> None:
    review = tmp_path / "review.yaml"
    assert runner.invoke(app, ["plan", "extract", str(plan_file), "-f", "yaml", "-o", str(review)]).exit_code == 0
    url = f"sqlite:///{tmp_path / 'cocontrol.db'}"
    result = runner.invoke(app, ["plan", "load", str(review), "--database", url])
    assert result.exit_code == 0, result.output
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from plans")).scalar_one() == 1
    engine.dispose()


def test_load_error_names_line_and_field_and_stores_nothing(plan_file: Path, tmp_path: Path) -> None:
    review = tmp_path / "review.yaml"
    runner.invoke(app, ["plan", "extract", str(plan_file), "-f", "yaml", "-o", str(review)])
    lines = review.read_text(encoding="utf-8").splitlines()
    i = next(n for n, ln in enumerate(lines) if ln.strip().startswith("year: 2025"))
    lines[i] = lines[i].replace("2025", "二〇二五")
    review.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "cocontrol.db"
    result = runner.invoke(app, ["plan", "load", str(review), "--database", f"sqlite:///{db}"])
    assert result.exit_code == 2
    assert f"第 {i + 1} 行，列“targets.1.year”：应为整数" in result.output  # Chinese by default
    assert not db.exists()


# --- issue 9 item 10: round trips and ids ----------------------------------------------


def test_load_takes_the_workbook_extract_wrote(plan_file: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "review.xlsx"
    assert runner.invoke(app, ["plan", "extract", str(plan_file), "-f", "xlsx", "-o", str(xlsx)]).exit_code == 0
    url = f"sqlite:///{tmp_path / 'cocontrol.db'}"
    result = runner.invoke(app, ["plan", "load", str(xlsx), "--database", url])
    assert result.exit_code == 0, result.output
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from plans")).scalar_one() == 1
    engine.dispose()


@pytest.mark.parametrize(("name", "content"), [("plan.xlsx", b"PK\x03\x04 not a workbook"),
                                               ("plan.csv", b"a,b\n1,2\n"),
                                               ("plan.yaml", b"\xff\xfe\x00binary")])
def test_load_refuses_other_files_in_one_line(tmp_path: Path, name: str, content: bytes) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    db = tmp_path / "cocontrol.db"
    result = runner.invoke(app, ["plan", "load", str(bad), "--database", f"sqlite:///{db}"])
    assert result.exit_code == 2, result.output
    assert ("Traceback" not in result.output and result.exception is None) or isinstance(result.exception, SystemExit)
    assert "错误" in result.output and name in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not db.exists()


def test_extract_to_a_folder_is_one_clear_line(plan_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["plan", "extract", str(plan_file), "-o", str(tmp_path)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "错误" in result.output


def test_plan_id_comes_from_the_document(tmp_path: Path) -> None:
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    data = json.loads(runner.invoke(app, ["plan", "extract", str(p)]).stdout)
    assert data["plan"]["id"] == "威海市减污降碳协同创新试点实施方案"
    numbered = tmp_path / "upload.txt"
    numbered.write_text("济政字〔2023〕36号\n\n" + PLAN, encoding="utf-8")
    data = json.loads(runner.invoke(app, ["plan", "extract", str(numbered)]).stdout)
    assert data["plan"]["id"] == "济政字-2023-36号"
