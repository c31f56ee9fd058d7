"""The malformed-upload set at the file-reader level (issue 11): the readers the web layer
calls (tables, controls, observations, statistics, plan documents and plan files) refuse
every malformed file with an :class:`InputError`/:class:`ValidationFailed` naming it —
never a parser's exception, never a zip bomb unpacked."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from cocontrol.data.activity import read_activity
from cocontrol.data.controls import read_controls
from cocontrol.data.sniff import (
    MAX_DEPTH,
    check_finite,
    check_nesting,
    check_table_file,
    check_zip_bytes,
)
from cocontrol.data.tables import read_table
from cocontrol.errors import CocontrolError, InputError, ValidationFailed
from cocontrol.indicators.statistics import wide_statistics
from cocontrol.plans.io import load_yaml
from cocontrol.plans.reader import read_document
from cocontrol.tracking.observations import read_observations


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


MALFORMED: dict[str, bytes] = {
    "empty.csv": b"",
    "blank.csv": b"\xef\xbb\xbf\n\n   \n",
    "nul.csv": b"region,year\n\x00\x00\x00",
    "latin.csv": bytes(range(128, 256)) * 300,
    "empty.parquet": b"",
    "text.parquet": b"region,year\n",
    "half.parquet": b"PAR1" + b"\x00" * 100,
    "junk.xlsx": b"<html>not a workbook</html>",
    "notexcel.xlsx": _zip_bytes({"hello.txt": b"hi"}),
    "bomb.xlsx": _zip_bytes({"xl/workbook.xml": b"<w/>", "xl/sheet.xml": b"\0" * (20 << 20)}),
    "junk.xls": b"\x00" * 512,
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_every_table_reader_refuses_a_malformed_file(tmp_path, name) -> None:
    path = tmp_path / name
    path.write_bytes(MALFORMED[name])
    readers = [check_table_file, read_table, read_activity, read_controls]
    if path.suffix != ".parquet":
        readers.append(lambda p: read_observations(p))
    for reader in readers:
        with pytest.raises(CocontrolError) as err:
            reader(path)
        assert name in str(err.value), (reader, str(err.value))


def test_a_truncated_parquet_file_is_refused_from_its_footer(tmp_path) -> None:
    path = tmp_path / "a.parquet"
    pd.DataFrame({"region": ["济南市"] * 100, "value": range(100)}).to_parquet(path)
    data = path.read_bytes()
    path.write_bytes(data[:-20] + b"PAR1")  # marks at both ends, footer broken
    with pytest.raises(InputError, match="Parquet"):
        check_table_file(path)


def test_a_sparse_gigabyte_is_refused_from_its_first_bytes(tmp_path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.truncate(1 << 30)
    with pytest.raises(InputError, match="binary content"):
        read_activity(path)


def test_zip_limits() -> None:
    """Total unpacked size and per-member ratio come from the zip directory."""
    ok = _zip_bytes({"word/document.xml": b"<w>" + "减污降碳".encode() * 5000 + b"</w>"})
    check_zip_bytes(ok, source="ok.docx", kind="Word document")
    bomb = _zip_bytes({"word/document.xml": b" " * (20 << 20)})
    with pytest.raises(InputError, match="zip bomb"):
        check_zip_bytes(bomb, source="bomb.docx", kind="Word document")


def test_plan_documents(tmp_path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_zip_bytes({"[Content_Types].xml": b"<x/>",
                                 "word/document.xml": b"<w>" + b" " * (20 << 20) + b"</w>"}))
    with pytest.raises(InputError, match="zip bomb"):
        read_document(bomb)


@pytest.mark.parametrize("text", ["[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
                                  '{"a": ' * 70 + "1" + "}" * 70,
                                  "\n".join(" " * i + "a:" for i in range(MAX_DEPTH + 2))])
def test_nesting_is_capped(tmp_path, text) -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        check_nesting(text)
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        load_yaml(path)


def test_nesting_ignores_brackets_in_strings() -> None:
    check_nesting('{"quote": "' + "[" * 500 + '", "x": [1, [2]]}')
    check_nesting("title: '" + "{" * 500 + "'\n")


def test_non_finite_numbers() -> None:
    bad = check_finite(["1", "inf", "1e400", "-Infinity", "nan", "abc", float("inf"), 2.5, None],
                       column="value", file="a.csv")
    assert [(p.row, p.found) for p in bad] == [(3, "inf"), (4, "1e400"), (5, "-Infinity"),
                                               (6, "nan"), (8, "inf")]
    stats = pd.DataFrame({"region": ["济南市"] * 2, "year": [2020, 2021],
                          "indicator": ["population", "population"], "value": ["900", "1e400"],
                          "unit": ["万人", "万人"]})
    with pytest.raises(ValidationFailed, match="not a finite number"):
        wide_statistics(stats)


def test_plan_values_must_be_finite(tmp_path) -> None:
    plan = Path(__file__).resolve().parents[2] / "examples" / "plans" / "zibo-2024-synergy.yaml"
    text = plan.read_text(encoding="utf-8")
    first = text.index("value:", text.index("targets:"))
    bad = tmp_path / "plan.yaml"
    bad.write_text(text[:first] + "value: .nan" + text[text.index("\n", first):],
                   encoding="utf-8")
    with pytest.raises(ValidationFailed, match="finite number"):
        load_yaml(bad)
