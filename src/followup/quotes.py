"""What of an earlier answer is quoted back: the telling clause, or the answer when short.

Used wherever an earlier reply is cited (the follow-up wording, the history of a thread),
so that every citation of one answer quotes the same words.
"""

from __future__ import annotations

QUOTE_LIMIT = 120


def quote_of(answer: str | None, trigger: str | None) -> str:
    """The words to quote: the trigger, or the answer itself when it is short."""
    text = (answer or "").replace("\n", "")
    if trigger and len(text) > QUOTE_LIMIT:
        return trigger
    if len(text) > QUOTE_LIMIT:
        cut = text[:QUOTE_LIMIT]
        return cut[: cut.rfind("。") + 1] or cut + "…"
    return text.rstrip("。")
