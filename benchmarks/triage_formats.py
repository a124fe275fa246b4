"""Triage of the same replies in the forms real copies come in: does a reply get the label
its plain text gets when it is hard-wrapped, headed 「（回答）」, typed without its last 。, in
full-width letters, with CRLF line ends, with OCR spaces between kana or ASCII stops, in the
「，．」 house style, with its question typed as lines without 。, or with kanji spellings
(「頂きます」「所です」)?

Usage: python benchmarks/triage_formats.py [WIDTH ...]   (wrap widths; default 20 35 50)

Every question and answer of the tuning and evaluation parts is changed the same way and
triaged again (`triage_accuracy.score_corpus`).  Printed per part and form: how many labels
stay the same as on the plain text, and how many are right on the changed text.  A wrap cuts each existing line on its own, so paragraphs stay
paragraphs.
"""

from __future__ import annotations

import re
import sys
from functools import partial, reduce
from pathlib import Path

from triage_accuracy import Change, score_corpus

ROOT = Path(__file__).resolve().parent.parent


def wrap(text: str, width: int) -> str:
    return "\n".join(
        "\n".join(line[i : i + width] for i in range(0, len(line), width)) or line
        for line in text.split("\n")
    )


# the kanji a reply may write for kana words (「頂きます」「検討している所です」「する事は」)
KANJI_SPELLINGS = (
    ("いただ", "頂"),
    ("できま", "出来ま"),
    ("いたし", "致し"),
    ("ところ", "所"),
    ("こと", "事"),
    ("ため", "為"),
    ("おります", "居ります"),
)
FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def same(text: str) -> str:
    return text


FORMS: dict[str, Change] = {
    "headed （回答）": (same, lambda a: "（回答）\n" + a),
    "headed 回答：": (same, lambda a: "回答：" + a),
    "no last 。": (same, lambda a: a.rstrip().rstrip("。")),
    "full-width ASCII": (lambda q: q.translate(FULL_WIDTH), lambda a: a.translate(FULL_WIDTH)),
    "CRLF": (lambda q: q.replace("\n", "\r\n"), lambda a: a.replace("\n", "\r\n")),
    "OCR kana spaces": (same, lambda a: re.sub(r"(?<=[ぁ-ん])(?=[ぁ-ん])", " ", a)),
    "ASCII stops": (same, lambda a: a.replace("。", ".")),
    "house style ，．": (
        lambda q: q.replace("、", "，").replace("。", "．"),
        lambda a: a.replace("、", "，").replace("。", "．"),
    ),
    "question lines, no 。": (lambda q: q.replace("。", "\n"), same),
    "kanji spellings": (same, lambda a: reduce(lambda t, pair: t.replace(*pair), KANJI_SPELLINGS, a)),
}


def main(widths: list[int]) -> None:
    forms = dict(FORMS)
    for width in widths:
        forms[f"wrapped at {width}"] = (partial(wrap, width=width), partial(wrap, width=width))
    for part in ("tune", "eval"):
        directory = ROOT / "benchmarks" / "corpus" / part
        plain = score_corpus(directory)
        print(f"{part}: {len(plain)} pairs, label right on the plain text {sum(r.right for r in plain)}")
        for name, change in forms.items():
            changed = score_corpus(directory, change)
            same = sum(a.got == b.got for a, b in zip(plain, changed, strict=True))
            right = sum(r.right for r in changed)
            print(f"  {name:18} same label {same}/{len(plain)}; label right {right}")


if __name__ == "__main__":
    main([int(w) for w in sys.argv[1:]] or [20, 35, 50])
