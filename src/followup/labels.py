"""The eight triage labels: one definition every module imports.

A `StrEnum`, so a label compares equal to its spelling in files (`"declined"`) and can be
written to YAML and JSON as is; `LABEL_JA` gives the word an organizer reads, and the
order of the enum is the order tables and menus list them in.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class Label(StrEnum):
    ANSWERED = "answered"
    PARTIAL = "partial"
    UNANSWERED = "unanswered"
    DEFERRED = "deferred"
    DECLINED = "declined"
    DEFLECTED = "deflected"
    EVASIVE = "evasive"
    CONDITIONAL = "conditional"


LABELS: tuple[Label, ...] = tuple(Label)

# The spelling in files, for pydantic models and type hints of data read from YAML.
LabelName = Literal[
    "answered", "partial", "unanswered", "deferred", "declined", "deflected", "evasive", "conditional"
]

# Labels a lexicon phrase can signal (the others are derived from coverage, not phrases).
PhraseLabelName = Literal["conditional", "declined", "deferred", "deflected", "evasive"]

LABEL_JA: dict[Label, str] = {
    Label.ANSWERED: "回答あり",
    Label.PARTIAL: "一部未回答",
    Label.UNANSWERED: "無回答",
    Label.DEFERRED: "先送り",
    Label.DECLINED: "回答拒否",
    Label.DEFLECTED: "他機関へ転嫁",
    Label.EVASIVE: "論点回避",
    Label.CONDITIONAL: "条件付き",
}


def label_ja(label: str) -> str:
    """The Japanese name of a label given in any spelling the files use."""
    return LABEL_JA[Label(label)]


def is_flagged(label: str) -> bool:
    """Anything but answered is a non-answer to press on."""
    return Label(label) is not Label.ANSWERED


def labels_help() -> str:
    """The labels as the CLI's help lists them: `answered(回答あり) partial(一部未回答) …`."""
    return " ".join(f"{label.value}({LABEL_JA[label]})" for label in LABELS)
