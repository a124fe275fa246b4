"""Triage: label every answer and say why, so an organizer can trust and quote it."""

from followup.triage.classify import LABELS, Verdict, classify, classify_record, dropped_in_restatement
from followup.triage.lexicon import Lexicon, load_lexicon

__all__ = [
    "LABELS",
    "Lexicon",
    "Verdict",
    "classify",
    "classify_record",
    "dropped_in_restatement",
    "load_lexicon",
]
