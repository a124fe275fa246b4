"""Triage of hard-wrapped copies: does a reply cut into lines, as a PDF, a fax or OCR leaves
it, get the label its plain text gets?

Usage: python benchmarks/triage_wrapped.py [WIDTH ...]   (default widths: 20 35 50)

Every question and answer of the tuning and evaluation parts is wrapped at WIDTH characters
(each existing line on its own, so paragraphs stay paragraphs) and triaged again.  Printed
per part and width: how many labels stay the same as on the plain text, and label accuracy
on the plain and on the wrapped text (scored as in triage_accuracy.py).
"""

from __future__ import annotations

import sys
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


def labels(items: list[dict], width: int | None, lexicon: Lexicon) -> list[str]:
    out = []
    for raw in items:
        question, answer = raw.get("question") or "", raw.get("answer") or ""
        if width:
            question, answer = wrap(question, width), wrap(answer, width)
        out.append(classify(Item(ref="1", question=question, answer=answer), lexicon).label)
    return out


def right(items: list[dict], got: list[str]) -> int:
    return sum(g == raw["label"] or g in (raw.get("also") or ()) for g, raw in zip(got, items, strict=True))


def main(widths: list[int]) -> None:
    lexicon = load_lexicon()
    for part in ("tune", "eval"):
        items = load(part)
        plain = labels(items, None, lexicon)
        for width in widths:
            wrapped = labels(items, width, lexicon)
            same = sum(a == b for a, b in zip(plain, wrapped, strict=True))
            print(
                f"{part:5} width {width:3}: same label {same}/{len(items)}; "
                f"label right plain {right(items, plain)}, wrapped {right(items, wrapped)}"
            )


if __name__ == "__main__":
    main([int(w) for w in sys.argv[1:]] or [20, 35, 50])
