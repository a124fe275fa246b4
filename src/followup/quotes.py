"""What of an earlier answer is quoted back, and how quoted text is tidied for the letter.

Used wherever an earlier reply is cited (the follow-up wording, the history of a thread),
so that every citation of one answer quotes the same words.  The record keeps the text as
it was received; only the letter's copy is tidied: OCR spacing between Japanese
characters removed (「平成 28 年」 → 「平成28年」, 「市区町村 C S」 → 「市区町村CS」), 「」
inside a quotation turned into 『』, long answers cut to their telling sentences with
「（略）」.
"""

from __future__ import annotations

import re

QUOTE_LIMIT = 120
OMITTED = "（略）"

_JA = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# A run of spaces with Japanese on either side, or between two one-letter Latin tokens.
_SPACE_JA = re.compile(rf"(?<=[{_JA}])[ \u3000]+|[ \u3000]+(?=[{_JA}])")
_SPACE_LETTERS = re.compile(r"(?<=(?<![A-Za-z])[A-Za-z])[ \u3000]+(?=[A-Za-z](?![A-Za-z]))")
_SENTENCE = re.compile(r"(?<=。)")
_HALF_PARENS = re.compile(rf"\(([^()]*[{_JA}][^()]*)\)")


def tidy(text: str | None) -> str:
    """One line, without OCR spaces between Japanese characters; the record keeps the original."""
    one_line = (text or "").replace("\r", "").replace("\n", "")
    one_line = _SPACE_LETTERS.sub("", _SPACE_JA.sub("", one_line))
    return one_line.strip()


def nested(text: str) -> str:
    """Text to be put inside 「」: its own 「」 become 『』."""
    return text.replace("「", "『").replace("」", "』")


def fullwidth_parens(text: str) -> str:
    """Half-width parentheses around Japanese text become full-width （…）; refs such as
    [1](2)3) keep theirs."""
    previous = None
    while previous != text:
        previous, text = text, _HALF_PARENS.sub(r"（\1）", text)
    return text


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _around(sentence: str, trigger: str, limit: int) -> str:
    """A long sentence cut down to the clause holding the trigger."""
    at = sentence.find(trigger)
    if at < 0 or len(trigger) > limit:
        return sentence[:limit].rstrip("、") + OMITTED
    head = OMITTED if at > 0 else ""
    tail = sentence[at + len(trigger) :]
    if len(tail) > 20:
        return head + trigger + OMITTED
    return head + trigger + tail


def telling(answer: str | None, trigger: str | None, limit: int = QUOTE_LIMIT) -> str:
    """The words to quote, tidied: the whole answer when short, else the sentence holding
    the trigger (the first sentence without one), with 「（略）」 where text was left out."""
    text = tidy(answer)
    if len(text) <= limit:
        return text.rstrip("。")
    parts = sentences(text) or [text]
    key = tidy(trigger)
    index = next((i for i, s in enumerate(parts) if key and key in s), 0)
    chosen = parts[index]
    if len(chosen) > limit:
        chosen = _around(chosen, key, limit)
    before = OMITTED if index > 0 and not chosen.startswith(OMITTED) else ""
    after = OMITTED if index < len(parts) - 1 and not chosen.endswith(OMITTED) else ""
    return (before + chosen.rstrip("。") + after).strip()


def quote_of(answer: str | None, trigger: str | None) -> str:
    """The words to quote from an answer, ready to be put inside 「」."""
    return nested(telling(answer, trigger))
