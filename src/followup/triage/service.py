"""Triage of bare question/answer pairs (`triage --pairs`), with no record behind them.

A record is triaged through the case (`followup.case.open_case`), which applies the
organizer's corrections; pairs have none, so they are judged here directly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followup.records import Item
from followup.triage.classify import Verdict
from followup.triage.lexicon import Lexicon
from followup.triage.pairs import read_pairs
from followup.triage.parallel import classify_all


@dataclass(frozen=True)
class PairVerdict:
    id: Any  # as given in the input line (a number stays a number)
    verdict: Verdict
    item: Item


def triage_pairs(path: Path, lexicon: Lexicon, workers: int | None = None) -> list[PairVerdict]:
    """Verdicts of every pair, in input order (all read first: a bad line fails before output).

    A large file is judged on every usable core (`parallel`); `workers` caps how many."""
    pairs = list(read_pairs(path))
    verdicts = classify_all([item for _, item in pairs], lexicon, workers)
    return [
        PairVerdict(pair_id, verdict, item) for (pair_id, item), verdict in zip(pairs, verdicts, strict=True)
    ]


def pairs_as_jsonl(rows: Iterable[PairVerdict]) -> str:
    """One line per pair: its id as given, the label, the telling phrase, the reasons, and how
    sure the verdict is (`uncertain` is the table's 要確認 mark), so a script can pick out
    the items a person should read."""
    return "".join(
        json.dumps(
            {
                "id": r.id,
                "label": r.verdict.label,
                "trigger": r.verdict.trigger,
                "reasons": r.verdict.reasons,
                "confidence": round(r.verdict.confidence, 2),
                "uncertain": r.verdict.uncertain,
            },
            ensure_ascii=False,
        )
        + "\n"
        for r in rows
    )
