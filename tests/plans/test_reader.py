"""read_document: encodings, .docx/.pdf, stdin, and every kind of bad input."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

from cocontrol.errors import InputError
from cocontrol.plans import reader
from cocontrol.plans.reader import read_document

# 000_622501f90e077414.txt, 一、总体要求
SENTENCE = "确保 PM2.5浓度稳定保持在 24微克/立方米以下，非化石能源消费占比达到 25%。"


def test_utf8_bom_and_gbk(tmp_path: Path) -> None:
    for name, data, enc in (
        ("u.txt", SENTENCE.encode("utf-8"), "utf-8"),
        ("b.txt", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8-sig"),
        ("g.txt", SENTENCE.encode("gbk"), "gb18030"),
        ("g18030.md", SENTENCE.encode("gb18030"), "gb18030"),
    ):
        p = tmp_path / name
        p.write_bytes(data)
        doc = read_document(p)
        assert doc.text == SENTENCE and doc.encoding == enc and doc.source == str(p)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(SENTENCE.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake)
    assert read_document("-").text == SENTENCE


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("到2025年，全市森林覆盖率达到25%。")
    table = d.add_table(rows=2, cols=3)
    for i, cell in enumerate(["指标", "2020年", "2025年"]):
        table.rows[0].cells[i].text = cell
    for i, cell in enumerate(["森林覆盖率（%）", "24.66", "25"]):
        table.rows[1].cells[i].text = cell
    p = tmp_path / "plan.docx"
    d.save(p)
    text = read_document(p).text
    assert "到2025年，全市森林覆盖率达到25%。" in text
    assert "\t森林覆盖率（%）\n\t24.66\n\t25" in text


def test_pdf_with_text_layer(tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    p = tmp_path / "plan.pdf"
    # 004_ec4efe7686378a5a.txt, 三（一）2
    weasyprint.HTML(string="<p>到 2030 年，光伏发电装机规模达到 500 万千瓦。</p>").write_pdf(p)
    doc = read_document(p)
    assert doc.encoding == "pdf"
    assert "光伏发电装机规模达到" in doc.text and "500" in doc.text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    p = tmp_path / "blank.pdf"
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    with p.open("wb") as f:
        w.write(f)
    with pytest.raises(InputError, match="no text found"):
        read_document(p)  # a page without a text layer (a scan) is refused, not read as empty


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00" * 10, "binary"),
        ("latin.txt", bytes(range(128, 256)) * 4, "cannot decode"),
        ("fake.docx", b"this is not a zip", "not a zip"),
        ("zip.txt", b"PK\x03\x04rest-of-a-zip", "zip archive"),
        ("broken.pdf", b"%PDF-1.4 garbage", "PDF"),
    ],
)
def test_bad_input_is_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError, match=message) as exc:
        read_document(p)
    assert str(p) in str(exc.value)


def test_docx_that_is_a_zip_of_something_else(tmp_path: Path) -> None:
    p = tmp_path / "photos.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("photo1.jpg", b"\xff\xd8\xff not really a jpeg")
    with pytest.raises(InputError, match="not a Word document"):
        read_document(p)


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "big.txt"
    with p.open("wb") as f:  # a sparse 50 MB file: the limit is checked on the size, not by reading
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"\0")

    def forbidden(self: Path) -> bytes:
        raise AssertionError("read_bytes called on a file above the limit")

    monkeypatch.setattr(Path, "read_bytes", forbidden)
    with pytest.raises(InputError, match="larger than the 20 MB limit"):
        read_document(p)
    assert reader.MAX_BYTES == 20 * 1024 * 1024


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_document(tmp_path / "nope.txt")
