"""Text for terminals: display width of Japanese text, gists, folding, colour on/off."""

from __future__ import annotations

import os
import re
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


# Runs a reader must see whole: a number with its digits, separators, 万/億 and counter
# (「1000万枚」「平成28年」「3.5％」), and a word in Latin letters (「CS」「ICチップ」's「IC」).
_NUMBER = r"[0-9０-９]+(?:[,，.．][0-9０-９]+)*(?:[万億兆千百十]+[0-9０-９]*)*[%％]?(?:[カヵヶケか箇][月所国年]|[枚件円人回年月日時分秒歳個台名社校倍割])?"
_UNBROKEN = re.compile(rf"{_NUMBER}(?:[~〜～]{_NUMBER})?|[A-Za-zＡ-Ｚａ-ｚ]+")  # 「3~4月」 too


def _quote_end(text: str, start: int) -> int:
    """The index just past the 」 that closes the 「 at `start` (nested quotes counted), or -1."""
    depth = 0
    for pos in range(start, len(text)):
        if text[pos] == "「":
            depth += 1
        elif text[pos] == "」":
            depth -= 1
            if depth == 0:
                return pos + 1
    return -1


def tokens(paragraph: str) -> list[str]:
    """The paragraph cut into pieces `fold` keeps on one line when they fit: single
    characters, numbers with their units, Latin words, and 「…」 quotations."""
    out: list[str] = []
    pos = 0
    while pos < len(paragraph):
        end = _quote_end(paragraph, pos) if paragraph[pos] == "「" else -1
        if end < 0:
            match = _UNBROKEN.match(paragraph, pos)
            end = match.end() if match else pos + 1
        out.append(paragraph[pos:end])
        pos = end
    return out


def _split(token: str, columns: int) -> list[str]:
    """A quotation longer than a line: its own numbers and words still kept whole."""
    if token.startswith("「") and width(token) > columns:
        return [token[0], *tokens(token[1:])]
    return [token]


# Characters a line must not start with (行頭禁則): the piece before them goes down too.
NO_LINE_START = "、。，．,.」』)）]］】!！?？ー"


def _fold_paragraph(paragraph: str, columns: int) -> list[str]:
    lines: list[str] = []
    current: list[str] = []  # the tokens of the line being filled
    used = 0
    pending = tokens(paragraph)
    while pending:
        token = pending.pop(0)
        w = width(token)
        if w > columns and len(token) > 1:
            parts = _split(token, columns)
            pending[:0] = parts if len(parts) > 1 else list(token)
            continue
        if used + w > columns:
            movable = token[0] in NO_LINE_START and len(current) > 1 and width(current[-1]) + w <= columns
            carry = [current.pop()] if movable else []
            lines.append("".join(current))
            current, used = carry, sum(width(t) for t in carry)
        current.append(token)
        used += w
    lines.append("".join(current))
    return lines


def fold(text: str, columns: int) -> list[str]:
    """Wrap `text` to `columns` display columns.  Japanese wraps between any two
    characters, but never inside a number with its unit (「1000万枚」), a Latin word, or a
    「…」 quotation short enough to fit on a line (only what is longer than a whole line is
    cut), and a line does not start with 「、」「。」 or a closing bracket."""
    columns = max(columns, 10)
    return [line for paragraph in text.split("\n") for line in _fold_paragraph(paragraph, columns)]


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
