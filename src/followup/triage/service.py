"""Triage as the commands use it: a record (with the organizer's corrections) or bare pairs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from followup.records import Item
from followup.triage.classify import Verdict, classify
from followup.triage.lexicon import Lexicon
from followup.triage.pairs import read_pairs


def triage_record(path: Path, lexicon: Lexicon) -> list[tuple[Verdict, Item]]:
    """Verdicts per item; a label the organizer set in review wins, the automatic one is kept."""
    from followup.review.session import load_session_if_any
    from followup.rounds import view_thread

    view = view_thread(path, lexicon)
    record = view.record
    session = load_session_if_any(path, record)
    rows = []
    for item in record.items:
        verdict = view.verdicts[item.ref]
        decision = session.decisions.get(item.ref) if session else None
        if decision and decision.label and decision.label != verdict.label:
            verdict.auto_label, verdict.label = verdict.label, decision.label
            verdict.reasons = ["担当者が判定を修正しました。", *verdict.reasons]
        rows.append((verdict, item))
    return rows


def triage_pairs(path: Path, lexicon: Lexicon) -> Iterator[str]:
    items = list(read_pairs(path))  # read all first: a bad line fails before any output
    for pair_id, item in items:
        v = classify(item, lexicon)
        yield json.dumps(
            {"id": pair_id, "label": v.label, "trigger": v.trigger, "reasons": v.reasons}, ensure_ascii=False
        )
