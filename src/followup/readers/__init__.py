"""One reader per format, chosen by content first and extension second.

Each reader returns the document as text with one line per printed line (or paragraph),
blank lines between paragraphs, as the text importer expects.  Heavy libraries (python-docx,
pypdfium2, lxml) are imported inside the readers that need them.
"""

from __future__ import annotations

from pathlib import Path

from followup.errors import InputError
from followup.textio import MAX_PDF_BYTES, MAX_TEXT_BYTES, clean_text, read_bytes_capped, read_text_file

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_CONVERT_HINT = "soffice --headless --convert-to docx"


def sniff(data: bytes, suffix: str) -> str:
    """The format of a document: pdf, docx, html, doc, rtf or text."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or suffix in {".docx", ".docm", ".dotx"}:
        return "docx"
    if head.startswith(_OLE_MAGIC) or suffix == ".doc":
        return "doc"
    if head.lstrip().startswith(b"{\\rtf") or suffix == ".rtf":
        return "rtf"
    if suffix in _HTML_SUFFIXES or _looks_like_html(head):
        return "html"
    return "text"


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower()


def read_any(path: Path, encoding: str | None = None, *, ocr: bool = False) -> str:
    """The text of any supported document; unsupported formats get a message saying what to do.

    `encoding` overrides detection for text and HTML; `ocr` runs ocrmypdf on a PDF without text."""
    suffix = path.suffix.lower()
    limit = MAX_PDF_BYTES if suffix == ".pdf" else MAX_TEXT_BYTES
    data = read_bytes_capped(path, limit)
    kind = sniff(data, suffix)
    if kind == "pdf":
        from followup.readers.pdf import read_pdf

        return clean_text(read_pdf(path, data, ocr=ocr))
    if kind == "docx":
        from followup.readers.docx import read_docx

        return clean_text(read_docx(path, data))
    if kind == "html":
        from followup.readers.html import read_html

        return clean_text(read_html(path, data, encoding))
    if kind == "doc":
        raise InputError(
            f"{path}: 古い Word 形式(.doc)は読めません。`{_CONVERT_HINT} {path.name}` で .docx に変換してから指定してください。"
        )
    if kind == "rtf":
        raise InputError(
            f"{path}: RTF 形式は読めません。`{_CONVERT_HINT} {path.name}` で .docx に変換してから指定してください。"
        )
    return read_text_file(path, encoding, data)
