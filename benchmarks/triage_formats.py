"""Triage of the same replies in the forms real copies come in: does a reply get the label
its plain text gets when it is hard-wrapped, headed 「（回答）」, typed without its last 。, in
full-width letters, with CRLF line ends, with OCR spaces between kana or ASCII stops, in the
「，．」 house style, with its question typed as lines without 。, or with kanji spellings
(「頂きます」「所です」)?

Usage: python benchmarks/triage_formats.py [WIDTH ...]   (wrap widths; default 20 35 50)

Every question and answer of the tuning and evaluation parts is changed the same way and
triaged again.  Printed per part and form: how many labels stay the same as on the plain
text, and label accuracy on the plain and on the changed text (scored as in
triage_accuracy.py).  A wrap cuts each existing line on its own, so paragraphs stay
paragraphs.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import partial, reduce
from pathlib import Path

import yaml

from followup.records import Item
from followup.triage import classify, load_lexicon
from followup.triage.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent


def wrap(text: str, width: int) -> str:
    return "\n".join(
        "\n".join(line[i : i + width] for i in range(0, len(line), width)) or line
        for line in text.split("\n")
    )


def load(part: str) -> list[dict]:
    items: list[dict] = []
    for path in sorted((ROOT / "benchmarks" / "corpus" / part).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        items += [raw for raw in data.get("items") or [] if not raw.get("ambiguous")]
    return items


def labels(
    items: list[dict], change: tuple[Callable[[str], str], Callable[[str], str]], lexicon: Lexicon
) -> list[str]:
    out = []
    for raw in items:
        question, answer = change[0](raw.get("question") or ""), change[1](raw.get("answer") or "")
        out.append(classify(Item(ref="1", question=question, answer=answer), lexicon).label)
    return out


def right(items: list[dict], got: list[str]) -> int:
    return sum(g == raw["label"] or g in (raw.get("also") or ()) for g, raw in zip(got, items, strict=True))


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
SAME = (lambda text: text, lambda text: text)
FORMS: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "headed （回答）": (SAME[0], lambda a: "（回答）\n" + a),
    "headed 回答：": (SAME[0], lambda a: "回答：" + a),
    "no last 。": (SAME[0], lambda a: a.rstrip().rstrip("。")),
    "full-width ASCII": (lambda q: q.translate(FULL_WIDTH), lambda a: a.translate(FULL_WIDTH)),
    "CRLF": (lambda q: q.replace("\n", "\r\n"), lambda a: a.replace("\n", "\r\n")),
    "OCR kana spaces": (SAME[0], lambda a: re.sub(r"(?<=[ぁ-ん])(?=[ぁ-ん])", " ", a)),
    "ASCII stops": (SAME[0], lambda a: a.replace("。", ".")),
    "house style ，．": (
        lambda q: q.replace("、", "，").replace("。", "．"),
        lambda a: a.replace("、", "，").replace("。", "．"),
    ),
    "question lines, no 。": (lambda q: q.replace("。", "\n"), SAME[1]),
    "kanji spellings": (SAME[0], lambda a: reduce(lambda t, pair: t.replace(*pair), KANJI_SPELLINGS, a)),
}


def main(widths: list[int]) -> None:
    lexicon = load_lexicon()
    forms = dict(FORMS)
    for width in widths:
        forms[f"wrapped at {width}"] = (partial(wrap, width=width), partial(wrap, width=width))
    for part in ("tune", "eval"):
        items = load(part)
        plain = labels(items, SAME, lexicon)
        print(f"{part}: {len(items)} pairs, label right on the plain text {right(items, plain)}")
        for name, change in forms.items():
            changed = labels(items, change, lexicon)
            same = sum(a == b for a, b in zip(plain, changed, strict=True))
            print(f"  {name:18} same label {same}/{len(items)}; label right {right(items, changed)}")


if __name__ == "__main__":
    main([int(w) for w in sys.argv[1:]] or [20, 35, 50])
