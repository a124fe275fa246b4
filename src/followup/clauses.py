"""What each clause of an answer does for the question: the clause view of `show`, the
review screen and the published report.

Triage gives each verdict `clauses` (text, start, role, sub) and `parts` (one per
sub-question: text, kinds, treatment, clause, reason); this module only shows them: one
marking, computed in one place (`followup.triage`).  A verdict made without them (by
hand, or read from elsewhere) is marked by triage on the spot.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from followup.display import fold
from followup.records import Item
from followup.triage import Lexicon, Verdict, classify, load_lexicon

ROLES = ("gives", "restates", "refuses", "defers", "passes_on", "conditional", "beside", "formula")
TREATMENTS = ("gives", "refuses", "defers", "passes_on", "conditional", "evasive", "nothing")

ROLE_JA = {
    "gives": "回答",
    "restates": "復唱",
    "refuses": "拒否",
    "defers": "先送り",
    "passes_on": "転嫁",
    "conditional": "条件",
    "beside": "無関係",
    "formula": "定型",
}
TREATMENT_JA = {
    **{k: v for k, v in ROLE_JA.items() if k in TREATMENTS},
    "evasive": "無関係",
    "nothing": "回答なし",
}
ROLE_COLOR = {
    "gives": "32",
    "restates": "36",
    "refuses": "31",
    "defers": "33",
    "passes_on": "35",
    "conditional": "34",
    "beside": "90",
    "formula": "2",
}
NO_ANSWER = "回答なし"


@dataclass(frozen=True)
class MarkedClause:
    text: str
    start: int
    role: str
    sub: int | None = None  # the sub-question it gives (index into ClauseView.parts)


@dataclass(frozen=True)
class SubAnswer:
    text: str  # the sub-question
    treatment: str
    clause: str | None = None  # the clause that gives, refuses… it
    reason: str | None = None


@dataclass(frozen=True)
class ClauseView:
    answer: str
    clauses: tuple[MarkedClause, ...]
    parts: tuple[SubAnswer, ...]

    def segments(self) -> list[tuple[str, MarkedClause | None]]:
        """The whole answer in order: each clause, and the text between clauses unmarked."""
        out: list[tuple[str, MarkedClause | None]] = []
        pos = 0
        for clause in self.clauses:
            start = _locate(self.answer, clause, pos)
            if start < 0:
                continue
            if start > pos:
                out.append((self.answer[pos:start], None))
            out.append((clause.text, clause))
            pos = start + len(clause.text)
        if pos < len(self.answer):
            out.append((self.answer[pos:], None))
        return out


def _locate(answer: str, clause: MarkedClause, after: int) -> int:
    if clause.start >= after and answer[clause.start : clause.start + len(clause.text)] == clause.text:
        return clause.start
    return answer.find(clause.text, after) if clause.text else -1


# -- the view --------------------------------------------------------------------------


def clause_view(item: Item, verdict: Verdict, lexicon: Lexicon | None = None) -> ClauseView:
    """The clauses of `item`'s answer and each sub-question's treatment, as triage marked them."""
    answer = item.answer or ""
    clauses = getattr(verdict, "clauses", None)
    parts = getattr(verdict, "parts", None)
    if not (clauses or parts):  # a verdict made without triage's marking: triage marks it
        judged = classify(item, lexicon or load_lexicon())
        clauses, parts = judged.clauses, judged.parts
    subs = _unclaimed(tuple(map(_from_part, parts or ())))
    return ClauseView(answer, tuple(map(_from_clause, clauses or ())), subs)


def _unclaimed(parts: tuple[SubAnswer, ...]) -> tuple[SubAnswer, ...]:
    """A sub-question "answered" only by the clause that gives another one got nothing:
    shown as 「回答なし」 rather than beside that clause."""
    giving = {p.clause for p in parts if p.treatment == "gives" and p.clause}
    return tuple(
        dataclasses.replace(p, treatment="nothing", clause=None)
        if p.treatment in ("evasive", "nothing") and p.clause in giving
        else p
        for p in parts
    )


def _from_clause(clause: Any) -> MarkedClause:
    role = str(getattr(clause, "role", "beside"))
    sub = getattr(clause, "sub", None)
    return MarkedClause(
        str(clause.text), int(getattr(clause, "start", 0)), role if role in ROLES else "beside", sub
    )


def _from_part(part: Any) -> SubAnswer:
    treatment = str(getattr(part, "treatment", "nothing"))
    return SubAnswer(
        str(part.text),
        treatment if treatment in TREATMENTS else "nothing",
        getattr(part, "clause", None),
        getattr(part, "reason", None),
    )


def marker(role: str) -> str:
    return f"【{ROLE_JA.get(role, role)}】"


def _paint(text: str, role: str, color: bool) -> str:
    return f"\x1b[{ROLE_COLOR[role]}m{text}\x1b[0m" if color and role in ROLE_COLOR else text


def legend(color: bool) -> str:
    """One line naming every role: in its colour, or with its plain marker."""
    if color:
        return "凡例: " + " ".join(_paint(f"■{ROLE_JA[r]}", r, True) for r in ROLES)
    return "凡例: " + "".join(marker(r) for r in ROLES)


def _sub_tag(clause: MarkedClause, view: ClauseView) -> str:
    if clause.role != "gives" or clause.sub is None or len(view.parts) < 2:
        return ""
    return f"(問{clause.sub + 1})"


def _clause_block(clause: MarkedClause, view: ClauseView, cols: int, color: bool) -> list[str]:
    head = "" if color else marker(clause.role)
    lines = fold(head + _sub_tag(clause, view) + clause.text, cols - 2)
    return ["  " + _paint(line, clause.role, color) for line in lines]


def _part_lines(index: int, part: SubAnswer, cols: int, color: bool) -> list[str]:
    folded = fold(f"問{index + 1} {part.text}", cols - 6)
    lines = ["  " + folded[0], *("      " + line for line in folded[1:])]
    if part.treatment == "nothing" or not part.clause:
        answer = NO_ANSWER if part.treatment in ("nothing", "gives") else marker_of(part.treatment)
        lines.append("    → " + _paint(answer, "refuses", color))
        return lines
    role = part.treatment if part.treatment in ROLE_JA else "beside"
    text = ("" if color else marker(role)) + part.clause
    folded = fold(text, cols - 6)
    lines.append("    → " + _paint(folded[0], role, color))
    lines += ["      " + _paint(line, role, color) for line in folded[1:]]
    return lines


def marker_of(treatment: str) -> str:
    return f"【{TREATMENT_JA.get(treatment, treatment)}】"


def view_lines(view: ClauseView, cols: int, color: bool) -> list[str]:
    """The answer clause by clause, then each sub-question with what answers it."""
    if not view.answer.strip():
        return ["  (回答なし)"]
    lines = [legend(color)] if color else []
    for clause in view.clauses:
        lines += _clause_block(clause, view, cols, color)
    if len(view.parts) > 1:  # one question: the marked answer already says it all
        lines += ["", "小問ごとの回答:"]
        for index, part in enumerate(view.parts):
            lines += _part_lines(index, part, cols, color)
    return lines


def clause_lines(
    item: Item, verdict: Verdict, cols: int, color: bool, lexicon: Lexicon | None = None
) -> list[str]:
    """For the review screen and `show`: the answer marked clause by clause (with the
    case's lexicon when given, so an organizer's own phrases mark clauses too)."""
    return view_lines(clause_view(item, verdict, lexicon), cols, color)
