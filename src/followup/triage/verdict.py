"""What triage says about one item: its label, why, and how each part of the question fared.

The letter and the HTML report read these; the names are a contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from followup.records import Item

ClauseRole = Literal[
    "gives", "restates", "refuses", "defers", "passes_on", "conditional", "beside", "formula"
]
Treatment = Literal["gives", "refuses", "defers", "passes_on", "conditional", "evasive", "nothing"]

# A verdict below this confidence is marked for review (「要確認」 in the triage table).
UNCERTAIN_BELOW = 0.6
# The confidence of an evasion the rules only presume from the absence of a recognised answer
# (no formula, no move found): right about 1 time in 6 on unseen pages.
PRESUMED_EVASION = 0.2


@dataclass(frozen=True)
class Clause:
    """One clause of the answer and what it does."""

    text: str
    start: int  # offset in the answer text
    role: ClauseRole
    sub: int | None  # index into Verdict.parts of the part this clause gives, if any


@dataclass(frozen=True)
class Part:
    """One thing the question asks, and how the answer treated it."""

    text: str
    kinds: tuple[str, ...]  # what kind of answer it needs: why, when, quantity, yes_no, …
    treatment: Treatment
    clause: str | None  # the clause of the answer that decided the treatment
    reason: str | None  # in Japanese, for the organizer and the letter


@dataclass
class Verdict:
    ref: str
    label: str
    trigger: str | None
    reasons: list[str]
    unanswered: list[str] = field(default_factory=list)
    auto_label: str | None = None  # set when an organizer's correction overrides the label
    confidence: float = 1.0
    parts: list[Part] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)

    @property
    def uncertain(self) -> bool:
        """The tool is unsure: an organizer should read this one (below `UNCERTAIN_BELOW`)."""
        return self.confidence < UNCERTAIN_BELOW

    def to_dict(self, item: Item | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "ref": self.ref,
            "label": self.label,
            "trigger": self.trigger,
            "reasons": self.reasons,
            "unanswered": self.unanswered,
            "confidence": round(self.confidence, 2),
            "uncertain": self.uncertain,
            "parts": [asdict(p) | {"kinds": list(p.kinds)} for p in self.parts],
            "clauses": [asdict(c) for c in self.clauses],
        }
        if self.auto_label:
            data["auto_label"] = self.auto_label
        if item is not None:
            data["question"] = item.asked
            data["answer"] = item.answer
            data["merged"] = item.merged
        return data
