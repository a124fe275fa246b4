"""Triage: label every answer and say why, so an organizer can trust and quote it."""

from followup.labels import LABEL_JA, LABELS, Label
from followup.triage.classify import KIND_NEEDS, classify, classify_record, dropped_in_restatement
from followup.triage.lexicon import Lexicon, load_lexicon
from followup.triage.verdict import UNCERTAIN_BELOW, Clause, ClauseRole, Part, Treatment, Verdict

__all__ = [
    "KIND_NEEDS",
    "LABELS",
    "LABEL_JA",
    "UNCERTAIN_BELOW",
    "Clause",
    "ClauseRole",
    "Label",
    "Lexicon",
    "Part",
    "Treatment",
    "Verdict",
    "classify",
    "classify_record",
    "dropped_in_restatement",
    "load_lexicon",
]
