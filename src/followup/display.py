"""Text for terminals: display width of Japanese text, gists, folding, colour on/off."""

from __future__ import annotations

import os
import sys
import unicodedata
from typing import TextIO


def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def gist(text: str | None, limit: int) -> str:
    """The first line of `text`, cut to `limit` display columns with 「…」."""
    if not text:
        return ""
    first = text.split("\n", 1)[0]
    if width(first) <= limit and "\n" not in text:
        return first
    out, used = "", 0
    for ch in first:
        w = char_width(ch)
        if used + w > limit - 1:
            break
        out += ch
        used += w
    return out + "…"


def fold(text: str, columns: int) -> list[str]:
    """Wrap `text` to `columns` display columns (Japanese wraps anywhere; 禁則 is not needed
    for reading on screen)."""
    columns = max(columns, 10)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = "", 0
        for ch in paragraph:
            w = char_width(ch)
            if used + w > columns:
                lines.append(current)
                current, used = "", 0
            current += ch
            used += w
        lines.append(current)
    return lines


def fold_highlight(text: str, columns: int, span: tuple[int, int] | None, color: bool) -> list[str]:
    """Fold like `fold`, marking text[span] in bold red (colour) or 【】 (no colour)."""
    if span is None:
        return fold(text, columns)
    start, end = span
    if not color:
        return fold(f"{text[:start]}【{text[start:end]}】{text[end:]}", columns)
    plain = fold(text, columns)
    out, pos = [], 0
    for line in plain:
        styled = ""
        for ch in line:
            while pos < len(text) and text[pos] == "\n":
                pos += 1
            if pos == start:
                styled += "\x1b[1;31m"
            styled += ch
            pos += 1
            if pos == end:
                styled += "\x1b[0m"
        if start < pos < end:
            styled += "\x1b[0m"
        out.append(styled if not (start < pos - len(line) < end) else "\x1b[1;31m" + styled)
    return out


def terminal_rows(default: int = 24) -> int:
    try:
        return os.get_terminal_size().lines
    except OSError:
        return int(os.environ.get("LINES", default))


def use_color(stream: TextIO | None = None) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (https://no-color.org)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def terminal_columns(default: int = 80) -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return int(os.environ.get("COLUMNS", default))
