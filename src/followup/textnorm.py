"""The only normalization applied to stored text: joining hard-wrapped lines.

Replies are typed, faxed, OCR'd or converted from PDF, and a line break or a space left
by the wrap ends up inside a Japanese sentence.  Japanese prose uses no spaces between
characters, so a space between two Japanese characters is an artifact and is removed;
a space next to Latin letters or digits (「J-LIS の」, 「平成 28 年」) is kept as typed.
"""

from __future__ import annotations

import re

from followup.numbering import match_marker

_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffef"
# a space or tab between two Japanese characters: an artifact of a wrap
CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")
_SENTENCE_END = tuple("。．.！!？?」』）)】〕")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def squeeze_cjk_spaces(text: str) -> str:
    return CJK_GAP.sub("", text)


def _needs_space(before: str, after: str, spaced: bool) -> bool:
    """Between two lines: always between Latin words; next to one when a space was typed."""
    latin_before, latin_after = bool(_ASCII_WORD.match(before)), bool(_ASCII_WORD.match(after))
    return (latin_before and latin_after) or (spaced and (latin_before or latin_after))


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph without inserting spaces between Japanese characters."""
    out = ""
    spaced = False  # the previous line ended with a typed space (a wrap at a space)
    for raw in lines:
        line = raw.strip(" \t\u3000")
        if not line:
            continue
        if out and _needs_space(out[-1], line[0], spaced):
            out += " "
        out += line
        spaced = raw.endswith(" ")
    return out


def join_paragraphs(paragraphs: list[list[str]]) -> str:
    """Paragraphs become lines of the stored text; a paragraph that stops mid-sentence
    (a page break inside a sentence) is joined to the next one."""
    texts = [t for t in (join_lines(p) for p in paragraphs) if t]
    out = ""
    for text in texts:
        if not out:
            out = text
        elif (
            out.endswith(_SENTENCE_END)
            or text.startswith(("(中略)", "（中略）", "・", "※"))
            or match_marker(text)
        ):
            out += "\n" + text
        else:
            out += text
    return squeeze_cjk_spaces(out)


_OMISSION = re.compile(r"[(（]\s*(?:中略|略|後略|前略)\s*[)）]")
_NOT_TEXT = re.compile(r"[\s\u3000、。,.．，・「」『』()（）\[\]［］【】〔〕\"'“”‘’!?！？:：;；\-ー－―‐]")


def comparable(text: str) -> str:
    """Text reduced for similarity checks: no omission marks, punctuation or spaces."""
    return _NOT_TEXT.sub("", _OMISSION.sub("", text))
