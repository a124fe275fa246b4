"""Text from files made outside followup, made safe once, where it is loaded.

A record, a decisions file or a pair may hold terminal escape sequences (which would
recolour or rewrite the organizer's terminal when shown), control characters (which
python-docx refuses with a ValueError) or lone surrogates (which cannot be encoded).
Each is replaced by 「�」 (U+FFFD), so the organizer still sees that something was there;
newlines and tabs are kept.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other ESC x.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def safe_text(text: str) -> str:
    """`text` with escapes and control characters shown as 「�」; \\r\\n and \\r become \\n."""
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub(REPLACEMENT, _ESCAPES.sub(REPLACEMENT, text))
