"""Agreement of a blind second reading with the corpus labels.

    python benchmarks/label_agreement.py [benchmarks/corpus]

`corpus/agreement/second-reading.yaml` holds a second annotator's labels for 120 pairs drawn
at random (60 tune, 60 eval), made from the labelling guide alone, without the corpus labels
or the tool's. This prints flagging precision, recall, F1 and Cohen's kappa and label
agreement per part: how far two careful readers agree, the ceiling a tool can be held to.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def corpus_labels(corpus: Path) -> dict[tuple[str, str, str], dict]:
    labels = {}
    for part in ("tune", "eval"):
        for path in sorted((corpus / part).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            exchange = str(data.get("exchange", path.stem))
            for item in data.get("items") or []:
                labels[(part, exchange, str(item.get("id")))] = item
    return labels


def agreement(pairs: list[tuple[dict, dict]]) -> str:
    flags = [(a["label"] != "answered", b["label"] != "answered") for a, b in pairs]
    tp = sum(1 for a, b in flags if a and b)
    fp = sum(1 for a, b in flags if b and not a)
    fn = sum(1 for a, b in flags if a and not b)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    n = len(flags)
    observed = sum(1 for a, b in flags if a == b) / n
    pa, pb = sum(a for a, _ in flags) / n, sum(b for _, b in flags) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    kappa = (observed - expected) / (1 - expected)
    same = sum(1 for a, b in pairs if a["label"] == b["label"]) / n
    lenient = (
        sum(
            1
            for a, b in pairs
            if a["label"] == b["label"] or b["label"] in (a.get("also") or []) or a["label"] in b["also"]
        )
        / n
    )
    return (
        f"n {n:3d}  flag P {precision:.2f} R {recall:.2f} F1 {f1:.2f} kappa {kappa:.2f}"
        f"  label {same:.2f} (with `also` {lenient:.2f})"
    )


def main(argv: list[str]) -> None:
    corpus = Path(argv[0]) if argv else Path(__file__).resolve().parent / "corpus"
    second = yaml.safe_load((corpus / "agreement" / "second-reading.yaml").read_text(encoding="utf-8"))
    labels = corpus_labels(corpus)
    pairs = [(labels[(s["part"], s["exchange"], str(s["id"]))], s) for s in second]
    for part in ("tune", "eval"):
        print(f"{part:5s} {agreement([p for p, s in zip(pairs, second, strict=True) if s['part'] == part])}")
    print(f"all   {agreement(pairs)}")
    confident = [p for p, s in zip(pairs, second, strict=True) if s["confident"]]
    print(f"second reader confident: {agreement(confident)}")


if __name__ == "__main__":
    main(sys.argv[1:])
