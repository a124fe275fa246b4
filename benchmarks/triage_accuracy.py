"""Confusion matrix and per-label precision/recall/F1 of triage against a gold file.

Usage: python benchmarks/triage_accuracy.py GOLD.yaml RECORD.yaml
Items marked `ambiguous: true` are left out; a label listed in `also` counts as correct.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from followup.records import load_record
from followup.triage import LABELS, classify_record, load_lexicon


def main(gold_path: str, record_path: str) -> None:
    gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))["items"]
    verdicts = {v.ref: v.label for v in classify_record(load_record(Path(record_path)), load_lexicon())}
    pairs = []
    for g in gold:
        if g.get("ambiguous"):
            continue
        got = verdicts.get(g["ref"], "unanswered")
        truth = got if got in g.get("also", []) else g["label"]
        pairs.append((truth, got))
    labels = [label for label in LABELS if any(label in p for p in pairs)]
    print("gold \\ got".ljust(12) + "".join(label[:8].rjust(9) for label in labels))
    for t in labels:
        print(t.ljust(12) + "".join(str(sum(1 for p in pairs if p == (t, g))).rjust(9) for g in labels))
    print()
    print("label".ljust(12) + "precision".rjust(10) + "recall".rjust(8) + "F1".rjust(6) + "n".rjust(4))
    for label in labels:
        tp = sum(1 for t, g in pairs if t == g == label)
        fp = sum(1 for t, g in pairs if g == label and t != label)
        fn = sum(1 for t, g in pairs if t == label and g != label)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:<12}{p:>10.2f}{r:>8.2f}{f1:>6.2f}{tp + fn:>4}")
    correct = sum(1 for t, g in pairs if t == g)
    print(f"\naccuracy {correct}/{len(pairs)} (ambiguous items left out: {len(gold) - len(pairs)})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: triage_accuracy.py GOLD RECORD")
    main(sys.argv[1], sys.argv[2])
