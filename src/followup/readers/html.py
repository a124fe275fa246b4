"""Saved web pages: the main content as lines, paragraphs separated by blank lines.

The encoding is the one declared (`<meta charset>` or `http-equiv`), else detected like a
text file.  Navigation, headers, footers, scripts and styles are left out; when the page
marks its main content (`<main>`, `<article>`, `role="main"`, an id or class such as
`main`/`content`), only that is read.  `<br>` ends a line, block elements end a paragraph,
entities are decoded by the parser.  A table with 質問 and 回答 columns is read as Q&A.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from followup.errors import InputError
from followup.readers.qa_table import qa_columns, qa_rows_as_lines
from followup.textio import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CHARSET_ALIASES = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "ms_kanji": "cp932",
    "euc-jp": "euc_jp",
    "x-euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp_ext",
}
_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
_BLOCKS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
    "dt", "dd", "table", "tr", "blockquote", "pre", "address", "hr", "figure", "figcaption", "center",
}  # fmt: skip
_MAIN_HINT = re.compile(
    r"^(?:main|content|contents|main-?content|maincontents|honbun|article|tmp_contents)$", re.I
)


def declared_encoding(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_ENCODING.match(head.lstrip(b"\xef\xbb\xbf")) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    return _CHARSET_ALIASES.get(name, name)


def read_html(path: Path, data: bytes, encoding: str | None = None) -> str:
    text = _decode_page(path, data, encoding)
    import lxml.html  # lazily: only when a web page is read

    text = _XML_ENCODING.sub(b"", text.encode("utf-8")).decode("utf-8")  # lxml refuses str with a declaration
    if "<!ENTITY" in text:
        raise InputError(f"{path}: 実体宣言(<!ENTITY)を含む HTML は読み込めません。")
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except Exception as exc:  # lxml raises ParserError / ValueError on empty or broken pages
        raise InputError(f"{path}: HTML として読めません({type(exc).__name__})。") from exc
    _drop_chrome(root)
    lines: list[str] = []
    _emit(_main_content(root), lines)
    return "\n".join(_tidy(lines))


def _decode_page(path: Path, data: bytes, encoding: str | None) -> str:
    """The user's `--encoding`, else the page's declaration, else detection: pages saved
    by hand often declare UTF-8 over Shift_JIS bytes, so a declaration that fails is ignored."""
    if encoding:
        return decode_bytes(data, str(path), encoding)
    declared = declared_encoding(data)
    if declared:
        try:
            return decode_bytes(data, str(path), declared)
        except InputError:
            pass
    return decode_bytes(data, str(path))


def _drop_chrome(root: Any) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments and processing instructions
            if element.getparent() is not None:
                element.drop_tree()
            continue
        if element.tag.lower() in _DROP or (element.get("role") or "").lower() in _DROP_ROLES:
            element.drop_tree()


def _main_content(root: Any) -> Any:
    for xpath in ("//main", "//*[@role='main']", "//article"):
        found = root.xpath(xpath)
        if len(found) == 1:
            return found[0]
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        names = [element.get("id") or "", *(element.get("class") or "").split()]
        if any(_MAIN_HINT.match(n) for n in names if n):
            return element
    body = root.find("body")
    return body if body is not None else root


def _emit(element: Any, lines: list[str]) -> None:
    """Append the element's text: `<br>` breaks a line, a block starts and ends a paragraph."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "table" and _emit_table(element, lines):
        return
    block = tag in _BLOCKS
    if block:
        lines.append("")
    if tag == "br":
        lines.append("")
    elif element.text:
        _add(lines, element.text)
    for child in element:
        _emit(child, lines)
        if child.tail:
            _add(lines, child.tail)
    if block:
        lines.append("")


_SOURCE_WHITESPACE = re.compile(r"[ \t\r\n]+")


def _add(lines: list[str], text: str) -> None:
    """Source newlines are only whitespace in HTML; a line ends only at `<br>` or a block."""
    if not lines:
        lines.append("")
    lines[-1] += _SOURCE_WHITESPACE.sub(" ", text.replace("\xa0", " "))  # &nbsp; is a space


def _emit_table(table: Any, lines: list[str]) -> bool:
    rows = [[_cell_text(c) for c in tr.xpath("./th|./td")] for tr in table.xpath(".//tr")]
    columns = qa_columns(rows[0]) if rows else None
    if columns is None:
        return False
    lines.extend(qa_rows_as_lines(rows[1:], columns))
    return True


def _cell_text(cell: Any) -> str:
    lines: list[str] = []
    _emit(cell, lines)
    return "\n".join(line.strip() for line in lines if line.strip())


def _tidy(lines: list[str]) -> list[str]:
    """Strip source indentation, collapse runs of blank lines to one."""
    out: list[str] = []
    for line in lines:
        text = line.strip(" \t\r\n")
        if text or (out and out[-1]):
            out.append(text)
    return out
