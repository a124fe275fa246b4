"""Triage against labelled exchanges: flagging precision/recall/F1 and label accuracy,
overall, per respondent kind and per exchange, with the confusion matrix, for each part.

Usage:
    python benchmarks/triage_accuracy.py                        # default parts (below)
    python benchmarks/triage_accuracy.py --tune DIR --eval DIR  # corpus directories
    python benchmarks/triage_accuracy.py --part NAME=DIR ...     # any other named part
    python benchmarks/triage_accuracy.py GOLD.yaml RECORD.yaml  # one record and its gold file

By default the parts are benchmarks/corpus/tune and benchmarks/corpus/eval; the J-LIS gold
(../shared/gold/jlis-2016.yaml, or the copy in tests/fixtures/gold) on answers/jlis-2016.yaml
is always added as a last part unless `--no-jlis` (or GOLD RECORD) is given.  A directory
that does not exist is skipped with a note.

A corpus directory holds one YAML file per exchange (`exchange`, `kind`,
`items[].question/answer/label/also/ambiguous`).  Scoring follows shared/labels.md: items
marked `ambiguous: true` are left out; a label is right when it is the gold label or in
`also`.  A reply is flagged when its label is anything but answered; flagging is scored
against the gold label ("strict") and, as a second line, with a label from `also` taken as
the truth when the tool chose it ("also").

The tool's verdict is the rules' reading checked by the resemblance model, which is trained
on the tuning part: its tuning figures are hindsight twice over.  `--rules-only` scores the
rules alone, the figure to watch while writing rules on the tuning part; the evaluation
part, never read by either, is the honest one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from followup.labels import LABELS
from followup.records import Item, load_record
from followup.triage import Lexicon, Verdict, classify, load_lexicon
from followup.triage.classify import read_by_rules
from followup.triage.verdict import UNCERTAIN_BELOW

ROOT = Path(__file__).resolve().parent.parent
GROUPS = {
    "diet": "diet",
    "ministry": "ministry",
    "prefecture": "prefecture/city",
    "city": "prefecture/city",
    "company": "company",
}


@dataclass(frozen=True)
class Scored:
    exchange: str
    kind: str
    ref: str
    gold: str
    also: tuple[str, ...]
    got: str
    confidence: float

    @property
    def uncertain(self) -> bool:
        return self.confidence < UNCERTAIN_BELOW

    @property
    def right(self) -> bool:
        return self.got == self.gold or self.got in self.also

    @property
    def truth(self) -> str:
        """The gold label, or the `also` label the tool chose."""
        return self.got if self.got in self.also else self.gold


# A change made to every question and every answer before triage (benchmarks/triage_formats.py).
Change = tuple[Callable[[str], str], Callable[[str], str]]


Judge = Callable[[Item, Lexicon], Verdict]


def score_corpus(directory: Path, change: Change | None = None, judge: Judge = classify) -> list[Scored]:
    lexicon = load_lexicon()
    out = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        exchange = str(data.get("exchange", path.stem))
        kind = GROUPS.get(str(data.get("kind", "")), str(data.get("kind", "?")))
        for raw in data.get("items") or []:
            if raw.get("ambiguous"):
                continue
            question, answer = raw.get("question") or "", raw.get("answer")
            if change is not None:
                question, answer = change[0](question), change[1](answer or "")
            item = Item(ref=str(raw.get("id", "?")), question=question, answer=answer)
            verdict = judge(item, lexicon)
            also = tuple(raw.get("also") or ())
            out.append(
                Scored(exchange, kind, item.ref, raw["label"], also, verdict.label, verdict.confidence)
            )
    return out


def score_gold(gold_path: Path, record_path: Path, judge: Judge = classify) -> list[Scored]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["items"]
    record = load_record(record_path)
    lexicon = load_lexicon()
    verdicts = {item.ref: judge(item, lexicon) for item in record.items}
    out = []
    for g in gold:
        if g.get("ambiguous"):
            continue
        verdict = verdicts.get(g["ref"])
        got = verdict.label if verdict else "unanswered"
        confidence = verdict.confidence if verdict else 1.0
        out.append(
            Scored(
                record_path.stem, "company", g["ref"], g["label"], tuple(g.get("also", [])), got, confidence
            )
        )
    return out


def flag_scores(rows: list[Scored], *, lenient: bool) -> tuple[float, float, float]:
    truth = [(r.truth if lenient else r.gold) != "answered" for r in rows]
    got = [r.got != "answered" for r in rows]
    tp = sum(1 for t, g in zip(truth, got, strict=True) if t and g)
    fp = sum(1 for t, g in zip(truth, got, strict=True) if g and not t)
    fn = sum(1 for t, g in zip(truth, got, strict=True) if t and not g)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summary(rows: list[Scored]) -> str:
    if not rows:
        return "n 0"
    right = sum(r_.right for r_ in rows)
    label = f"label {right}/{len(rows)} = {right / len(rows):.2f}"
    if not any(r_.gold != "answered" or r_.got != "answered" for r_ in rows):
        return f"n {len(rows):>3}  flag (nothing flagged)       {label}"
    p, r, f1 = flag_scores(rows, lenient=False)
    return f"n {len(rows):>3}  flag P {p:.2f} R {r:.2f} F1 {f1:.2f}  {label}"


# Confidence bands for the calibration line: a band's share of right labels should be close
# to the confidence the verdicts in it claim.
BANDS = ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def calibration(rows: list[Scored]) -> str:
    """Per confidence band: how many verdicts, the mean confidence claimed, the share right."""
    cells = []
    for low, high in BANDS:
        band = [r for r in rows if low <= r.confidence < high]
        if band:
            claimed = sum(r.confidence for r in band) / len(band)
            right = sum(r.right for r in band) / len(band)
            cells.append(
                f"{low:.1f}–{min(high, 1.0):.1f} n {len(band)} claims {claimed:.2f} right {right:.2f}"
            )
    return "; ".join(cells)


def shown_to_organizer(rows: list[Scored]) -> str:
    """How many real non-answers `review` puts before the organizer: flagged, or called
    answered but marked 要確認 (walked right after the flagged ones).  Recall alone counts
    the second group as missed; an organizer does not."""
    dodges = [r for r in rows if r.gold != "answered"]
    if not dodges:
        return "non-answers shown by review: (none in gold)"
    flagged = sum(r.got != "answered" for r in dodges)
    unsure = sum(r.got == "answered" and r.uncertain for r in dodges)
    return (
        f"non-answers shown by review: {flagged + unsure}/{len(dodges)} = "
        f"{(flagged + unsure) / len(dodges):.2f} (flagged {flagged}, marked 要確認 {unsure}); "
        f"items walked: {sum(r.got != 'answered' or r.uncertain for r in rows)}/{len(rows)}"
    )


def report(name: str, rows: list[Scored]) -> None:
    print(f"== {name} ==")
    if not rows:
        print("(no scored items)\n")
        return
    print(f"overall      {summary(rows)}")
    p, r, f1 = flag_scores(rows, lenient=True)
    print(f"             flag with `also` as truth: P {p:.2f} R {r:.2f} F1 {f1:.2f}")
    unsure = [x for x in rows if x.uncertain]
    sure = [x for x in rows if not x.uncertain]
    print(
        f"             uncertain {len(unsure)}: label right {sum(x.right for x in unsure)}; "
        f"confident {len(sure)}: label right {sum(x.right for x in sure)}"
    )
    print(f"             {shown_to_organizer(rows)}")
    print(f"             calibration: {calibration(rows)}")
    by_kind: dict[str, list[Scored]] = defaultdict(list)
    by_exchange: dict[str, list[Scored]] = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
        by_exchange[row.exchange].append(row)
    macro = sum(sum(x.right for x in v) / len(v) for v in by_exchange.values()) / len(by_exchange)
    print(f"             label accuracy averaged over {len(by_exchange)} exchanges: {macro:.2f}")
    print("\nper kind")
    for kind in sorted(by_kind):
        print(f"  {kind:<18}{summary(by_kind[kind])}")
    print("\nper exchange")
    for exchange in sorted(by_exchange):
        print(f"  {exchange:<44}{summary(by_exchange[exchange])}")
    print()
    confusion(rows)
    print()


def confusion(rows: list[Scored]) -> None:
    pairs = Counter((r.truth, r.got) for r in rows)
    labels = [label.value for label in LABELS if any(label.value in p for p in pairs)]
    print("gold \\ got".ljust(12) + "".join(label[:8].rjust(9) for label in labels))
    for t in labels:
        print(t.ljust(12) + "".join(str(pairs.get((t, g), 0)).rjust(9) for g in labels))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", help="GOLD.yaml RECORD.yaml (optional)")
    parser.add_argument("--tune", type=Path, action="append", default=[])
    parser.add_argument("--eval", type=Path, action="append", default=[])
    parser.add_argument("--part", action="append", default=[], help="NAME=DIR")
    parser.add_argument("--no-jlis", action="store_true", help="leave out the J-LIS gold part")
    parser.add_argument("--rules-only", action="store_true", help="the rules without the resemblance model")
    args = parser.parse_args(argv)
    judge: Judge = read_by_rules if args.rules_only else classify
    parts: list[tuple[str, Path | tuple[Path, Path]]] = []
    if args.files:
        if len(args.files) != 2:
            parser.error("give GOLD.yaml and RECORD.yaml together")
        parts.append(("gold", (Path(args.files[0]), Path(args.files[1]))))
    parts += [(f"tune {d}", d) for d in args.tune] + [(f"eval {d}", d) for d in args.eval]
    for spec in args.part:
        name, _, directory = spec.partition("=")
        parts.append((name, Path(directory)))
    if not parts:
        parts = [
            ("tune", ROOT / "benchmarks" / "corpus" / "tune"),
            ("eval", ROOT / "benchmarks" / "corpus" / "eval"),
        ]
    if not args.files and not args.no_jlis:
        shared = ROOT.parent / "shared" / "gold" / "jlis-2016.yaml"
        gold = shared if shared.exists() else ROOT / "tests" / "fixtures" / "gold" / "jlis-2016.yaml"
        parts.append(("J-LIS gold", (gold, ROOT / "answers" / "jlis-2016.yaml")))
    for name, source in parts:
        if isinstance(source, tuple):
            report(f"{name}: {source[0]}", score_gold(*source, judge=judge))
        elif source.is_dir():
            report(f"{name}: {source}", score_corpus(source, judge=judge))
        else:
            print(f"== {name}: {source} (no such directory; skipped) ==\n")


if __name__ == "__main__":
    main(sys.argv[1:])
