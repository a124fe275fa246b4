"""Word documents: paragraphs as lines, tables cell by cell or, for a Q&A table, row by row."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from followup.errors import InputError
from followup.ooxml import open_docx
from followup.readers.qa_table import qa_columns, qa_rows_as_lines


def read_docx(path: Path, data: bytes) -> str:
    open_docx(path, data)  # caps, bombs, DTDs and malformed parts, before python-docx parses
    import docx  # heavy: only when a Word file is actually read
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(f"{path}: .docx を読み込めません({type(exc).__name__})。") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _table_lines(table: Any) -> list[str]:
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    columns = qa_columns(rows[0]) if rows else None
    if columns is not None:
        return qa_rows_as_lines(rows[1:], columns)
    lines: list[str] = []
    for row in rows:
        for text in _unique(row):
            lines.extend(text.split("\n"))
    return lines


def _unique(cells: list[str]) -> list[str]:
    """Merged cells repeat their text in python-docx's row view; keep each once."""
    out: list[str] = []
    for text in cells:
        if not out or out[-1] != text:
            out.append(text)
    return out
