"""Read a plan document (规划文本) into decoded text: .txt/.md (UTF-8, UTF-8 BOM, GBK/GB18030),
.docx and .pdf with a text layer; ``-`` reads standard input.

Every failure is an :class:`~cocontrol.errors.InputError` naming the file and what was
expected; the size limit is checked before the file is read.
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cocontrol.errors import InputError, require_file

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a plan is rarely above 2 MB
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


@dataclass(frozen=True)
class DecodedText:
    """Decoded text of a document: spans of extracted targets index into ``text``."""

    text: str
    encoding: str
    source: str


def read_document(path: str | Path) -> DecodedText:
    """Read ``path`` (or ``"-"`` for standard input) and return its text.

    Raises :class:`InputError` for a missing, empty, too large (> 20 MB), binary or
    undecodable file and for a .docx/.pdf that is not what its name says.
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return _decode_bytes(data, source="<stdin>", suffix=".txt")
    p = Path(path)
    require_file(p, "a .txt, .md, .docx or .pdf file")
    if p.suffix.lower() not in _TEXT_SUFFIXES | {".docx", ".pdf"}:
        raise InputError("unsupported file type", file=str(p), expected="a .txt, .md, .docx or .pdf file",
                         found=p.suffix)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"file is {size / 1e6:.1f} MB, larger than the {MAX_BYTES // 2**20} MB limit",
            file=str(p),
            expected="a plan document below 20 MB",
        )
    if size == 0:
        raise InputError("file is empty", file=str(p), expected="a plan document with text")
    data = p.read_bytes()
    return _decode_bytes(data, source=str(p), suffix=p.suffix.lower())


def _decode_bytes(data: bytes, *, source: str, suffix: str) -> DecodedText:
    if len(data) > MAX_BYTES:
        raise InputError("input is larger than the 20 MB limit", file=source)
    if not data.strip():
        raise InputError("input is empty", file=source, expected="a plan document with text")
    if suffix == ".docx":
        text, enc = _read_docx(data, source), "docx"
    elif suffix == ".pdf":
        text, enc = _read_pdf(data, source), "pdf"
    else:
        if data[:4] == b"PK\x03\x04":
            raise InputError("file is a zip archive, not text", file=source,
                             expected="UTF-8 or GBK text; save Word files as .docx")
        if data[:5] == b"%PDF-":
            raise InputError("file is a PDF, not text", file=source, expected="name it .pdf")
        text, enc = _decode_text(data, source)
    if not text.strip():
        raise InputError("no text found in the document", file=source,
                         expected="a document with a text layer (scanned PDFs need OCR first)")
    return DecodedText(text=text, encoding=enc, source=source)


def _decode_text(data: bytes, source: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first, then GB18030 (superset of GBK/GB2312)."""
    if b"\x00" in data[:8192]:
        raise InputError("file looks binary (contains NUL bytes)", file=source,
                         expected="a text file in UTF-8 or GBK")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _undecodable(source, exc) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf_exc:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise _undecodable(source, exc) from exc
        if not _looks_chinese(text):
            raise _undecodable(source, utf_exc) from utf_exc
        return text, "gb18030"


def _looks_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept it only if the result reads as text."""
    sample = text[:20000]
    if not sample:
        return False
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    printable = sum(1 for c in sample if c.isprintable() or c in "\r\n\t")
    common = sum(1 for c in sample if c in "的和在是要了为与等及年市")
    return printable / len(sample) > 0.98 and cjk / len(sample) > 0.2 and common > 0


def _undecodable(source: str, exc: UnicodeDecodeError) -> InputError:
    return InputError(
        f"cannot decode bytes at offset {exc.start}", file=source,
        expected="text in UTF-8 (with or without BOM) or GBK/GB18030",
    )


def _read_docx(data: bytes, source: str) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError("not a .docx (not a zip archive)", file=source,
                         expected="a Word .docx document") from exc
    if "word/document.xml" not in zf.namelist():
        raise InputError("zip archive without word/document.xml, so not a Word document",
                         file=source, expected="a Word .docx document")
    from cocontrol.data.sniff import check_zip_bytes

    check_zip_bytes(data, source=source, kind="Word document")  # zip bomb: before unpacking
    import docx  # python-docx; imported here to keep the CLI fast

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if not row.tag.endswith("}tr"):
                    continue
                for cell in row.iterchildren():
                    if cell.tag.endswith("}tc"):
                        text = "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                        lines.append("\t" + text)
                lines.append("")
    return "\n".join(lines)


def _read_pdf(data: bytes, source: str) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    quiet = logging.getLogger("pypdf")  # its warnings ("invalid pdf header") are not for the user
    level = quiet.level
    quiet.setLevel(logging.ERROR + 10)
    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise InputError("cannot read PDF (damaged, encrypted or not a PDF)", file=source,
                         expected="a PDF with a text layer") from exc
    finally:
        quiet.setLevel(level)
