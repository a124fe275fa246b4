"""What each clause of an answer does for the question: the clause view of `show`, the
review screen and the published report.

Triage (once it carries them) gives each verdict `clauses` (text, start, role, sub) and
`parts` (one per sub-question: text, kinds, treatment, clause, reason).  Until then, and
for verdicts without them, `clause_view` derives a marking of its own from the answer,
the verdict's label and trigger, the lexicon's phrases and the question:

1. the answer is cut into clauses at 。 and after 「が、」「けれども、」;
2. a clause inside the verdict's trigger takes the role of the label (declined → refuses…);
3. a closing formula (「ご理解をお願いします」「引き続き努めてまいります」) is a formula;
4. a clause made mostly of the question's own words restates it;
5. in an answered or partial reply, a clause giving what a sub-question needs gives it;
   a lexicon phrase marks refusals, deferrals and passing-on; what is left is beside the
   point (or, in an answered reply, part of the answer).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from followup.align import similarity
from followup.display import fold
from followup.labels import Label
from followup.records import Item
from followup.triage import Lexicon, Verdict, load_lexicon
from followup.triage.questions import SubQuestion, analyse

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

_OPEN = "(（「『【［[〔"
_CLOSE = ")）」』】］]〕"
_CONCESSIVE = ("が", "けれども")
_FORMULA = re.compile(
    r"ご?(理解|了承|協力)(と|や|及び|および)?(ご?協力)?(を|の程|のほど)?(お願い|賜り|いただき|くださ)"
    r"|御(理解|了承)|よろしくお願い"
    r"|(引き続き|今後とも|今後も)[^。]{0,30}(努め|取り組|尽力|対応|図って|進めて)(て)?(まいり|参り|いき|ます|いく)"
)
_ASSERTS = re.compile(r"(ます|ません|です|である|した|ない|ある)[。．]?\s*$")
_NEGATIVE = re.compile(r"(ません|ない|かねます|困難|しておりません)(。|です。|である。)?\s*$")
_WORD = re.compile(r"[一-龥ァ-ヴー]{2,}")
_LABEL_ROLE = {
    Label.DECLINED: "refuses",
    Label.DEFERRED: "defers",
    Label.DEFLECTED: "passes_on",
    Label.CONDITIONAL: "conditional",
    Label.EVASIVE: "beside",
}
_PHRASE_ROLE = {
    "declined": "refuses",
    "deferred": "defers",
    "deflected": "passes_on",
    "conditional": "conditional",
    "evasive": "beside",
}
# The lexicon is organized by move; the label each move points to when it is the whole reply.
_MOVE_LABEL = {
    "refuses": "declined",
    "not_known": "declined",
    "defers": "deferred",
    "passes_on": "deflected",
    "relays": "deflected",
    "other_body": "deflected",
    "conditional": "conditional",
    "offer": "conditional",
    "formula": "evasive",
    "refers": "evasive",
    "hedge": "evasive",
    "unclear": "evasive",
    "stance": "evasive",
}
_ROLE_TREATMENT = {
    "refuses": "refuses",
    "defers": "defers",
    "passes_on": "passes_on",
    "conditional": "conditional",
    "beside": "evasive",
}
RESTATES_AT = 0.75


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
    from_triage: bool  # True: the verdict carried its clauses; False: derived here

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


def _cuts(answer: str, brackets: bool = True) -> list[int]:
    """Where clauses end: after 。 and after 「が、」「けれども、」, never inside brackets
    (an unclosed bracket is ignored: the cuts are then made without regard to brackets)."""
    cuts: list[int] = []
    depth = 0
    for pos, ch in enumerate(answer):
        if brackets and ch in _OPEN:
            depth += 1
        elif brackets and ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and (ch in "。．\n" or (ch == "、" and answer.endswith(_CONCESSIVE, 0, pos))):
            cuts.append(pos + 1)
    return _cuts(answer, False) if depth else cuts


def split_clauses(answer: str) -> list[tuple[int, str]]:
    """(start, text) of each clause, surrounding white space left out."""
    out: list[tuple[int, str]] = []
    pos = 0
    for cut in [*_cuts(answer), len(answer)]:
        piece = answer[pos:cut]
        stripped = piece.strip()
        if stripped:
            out.append((pos + piece.index(stripped[0]), stripped))
        pos = cut
    return out


# -- the view --------------------------------------------------------------------------


def clause_view(item: Item, verdict: Verdict, lexicon: Lexicon | None = None) -> ClauseView:
    """The clauses of `item`'s answer and each sub-question's treatment: from the verdict
    when triage provides them, otherwise derived here."""
    answer = item.answer or ""
    clauses = getattr(verdict, "clauses", None)
    parts = getattr(verdict, "parts", None)
    if clauses or parts:  # triage's own marking (a verdict made by hand may carry none)
        subs = _unclaimed(tuple(map(_from_part, parts or ())))
        return ClauseView(answer, tuple(map(_from_clause, clauses or ())), subs, True)
    return _derive(item, verdict, lexicon or load_lexicon())


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


@dataclass
class _Context:
    item: Item
    verdict: Verdict
    lexicon: Lexicon
    subs: list[SubQuestion]
    trigger_span: tuple[int, int] | None
    given: set[int]


def _derive(item: Item, verdict: Verdict, lexicon: Lexicon) -> ClauseView:
    answer = item.answer or ""
    subs = analyse(item.asked, lexicon) if item.asked else []
    ctx = _Context(item, verdict, lexicon, subs, _trigger_span(answer, verdict.trigger), set())
    marked = [_mark(ctx, start, text) for start, text in split_clauses(answer)]
    parts = [_sub_answer(ctx, index, sub, marked) for index, sub in enumerate(subs)]
    return ClauseView(answer, tuple(marked), tuple(parts), False)


def _trigger_span(answer: str, trigger: str | None) -> tuple[int, int] | None:
    if not trigger:
        return None
    start = answer.find(trigger)
    return (start, start + len(trigger)) if start >= 0 else None


def _mark(ctx: _Context, start: int, text: str) -> MarkedClause:
    role = _trigger_role(ctx, start, text)
    if role:
        return MarkedClause(text, start, role)
    if _FORMULA.search(text):
        return MarkedClause(text, start, "formula")
    if _restates(ctx.item, text):
        return MarkedClause(text, start, "restates")
    return _mark_substance(ctx, start, text)


def _trigger_role(ctx: _Context, start: int, text: str) -> str | None:
    """The role of a clause inside the verdict's trigger: the label's, when the clause holds
    one of the label's phrases or the whole trigger; another phrase's role otherwise."""
    label, span = ctx.verdict.label, ctx.trigger_span
    if not span or label not in _LABEL_ROLE or not (start < span[1] and span[0] < start + len(text)):
        return None
    labels = {_MOVE_LABEL.get(p.move) for p in ctx.lexicon.phrases if p.pattern.search(text)}
    if label in labels or (start <= span[0] and span[1] <= start + len(text)):
        return _LABEL_ROLE[Label(label)]
    return _phrase_role(text, ctx.lexicon)


def _mark_substance(ctx: _Context, start: int, text: str) -> MarkedClause:
    """A clause outside the trigger: which sub-question it gives, in a reply that answers
    at least in part; otherwise what its phrases say, or beside the point."""
    if ctx.verdict.label not in (Label.ANSWERED, Label.PARTIAL):
        return MarkedClause(text, start, _phrase_role(text, ctx.lexicon) or "beside")
    giving = [i for i, sub in enumerate(ctx.subs) if gives(sub, text, ctx.lexicon)]
    if giving:
        sub = next((i for i in giving if i not in ctx.given), giving[0])
        ctx.given.add(sub)
        return MarkedClause(text, start, "gives", sub)
    refused = _refused_sub(ctx, text)
    if refused is not None:
        return MarkedClause(text, start, "refuses", refused)
    return _mark_rest(ctx, start, text)


def _mark_rest(ctx: _Context, start: int, text: str) -> MarkedClause:
    """A clause that gives no sub-question: a hedge or part of the whole answer in an
    answered reply; otherwise what its phrases say, or beside the point."""
    role = _phrase_role(text, ctx.lexicon)
    if ctx.verdict.label != Label.ANSWERED:
        return MarkedClause(text, start, role or "beside")
    if role is None:
        return MarkedClause(text, start, "gives", None)
    if text.endswith(("が、", "けれども、")):
        return MarkedClause(text, start, "formula")  # 「一概にお答えすることは困難であるが、」+ the fact
    return MarkedClause(text, start, role)


def _refused_sub(ctx: _Context, text: str) -> int | None:
    """A negative clause about an unanswered sub-question (「内訳は集計していません」)."""
    if not _NEGATIVE.search(text):
        return None
    words = set(_WORD.findall(text))
    for index, sub in enumerate(ctx.subs):
        if index in ctx.given:
            continue
        if words & set(_WORD.findall(sub.text)):
            return index
    return None


def gives(sub: SubQuestion, text: str, lexicon: Lexicon) -> bool:
    """Whether `text` gives what `sub` asks for (a number to 何件, a reason to なぜ…)."""
    patterns = lexicon.answer_gives
    if "choice" in sub.kinds:
        return any(word in text for word in sub.alternatives)
    for kind in sub.kinds:
        key = "quantity" if kind == "breakdown" else kind
        pattern = patterns.get(key)
        if pattern is not None and pattern.search(text):
            return True
    if sub.stem and sub.stem in text and _ASSERTS.search(text):
        return True
    return not sub.kinds and bool(_ASSERTS.search(text))


def _restates(item: Item, text: str) -> bool:
    if len(text) < 10:
        return False
    score = max(similarity(text, asked) for asked in (item.question or "", item.restated or ""))
    return score >= 0.9 or (score >= RESTATES_AT and not _ASSERTS.search(text))


def _phrase_role(text: str, lexicon: Lexicon) -> str | None:
    for phrase in lexicon.phrases:
        if phrase.pattern.search(text):
            return _PHRASE_ROLE.get(_MOVE_LABEL.get(phrase.move, ""))
    return None


def _sub_answer(ctx: _Context, index: int, sub: SubQuestion, marked: list[MarkedClause]) -> SubAnswer:
    label = ctx.verdict.label
    if label in _LABEL_ROLE:  # the refusal, deferral… is the whole reply to every part
        role = _LABEL_ROLE[Label(label)]
        clause = next((c.text for c in marked if c.role == role), ctx.verdict.trigger)
        reason = ctx.verdict.reasons[0] if ctx.verdict.reasons else None
        return SubAnswer(sub.text, _ROLE_TREATMENT[role], clause, reason)
    own = [c for c in marked if c.sub == index]
    if own:
        treatment = "gives" if own[0].role == "gives" else _ROLE_TREATMENT.get(own[0].role, "nothing")
        reason = None if treatment == "gives" else _reason_for(ctx, sub)
        return SubAnswer(sub.text, treatment, own[0].text, reason)
    if label == Label.ANSWERED:
        whole = next((c.text for c in marked if c.role == "gives"), None)
        return SubAnswer(sub.text, "gives" if whole else "nothing", whole)
    return SubAnswer(sub.text, "nothing", None, _reason_for(ctx, sub))


def _reason_for(ctx: _Context, sub: SubQuestion) -> str | None:
    return next((r for r in ctx.verdict.reasons if f"「{sub.text}」" in r), None)


# -- the terminal -----------------------------------------------------------------------


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
