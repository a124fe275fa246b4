"""A case: one record with its earlier rounds, the lexicon it is judged with, its verdicts
with the organizer's corrections applied, and the decisions taken on it.

Every command that judges — triage, review, draft, status, show — starts from
`open_case`, so an organizer's lexicon, a label they corrected and a decision made stale
by an edited answer mean the same thing in the table, the walk-through and the letter.
`relabel` is the one place a correction is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

from followup.decisions import Decision, Session, load_session, session_path
from followup.labels import Label, LabelName
from followup.records import Item, Record
from followup.rounds import Round, Step, escalation_reason, history, load_thread
from followup.triage import Lexicon, Verdict, classify, load_lexicon
from followup.wording import answer_groups, suggestions

CORRECTED = "担当者が判定を修正しました。"


def relabel(verdict: Verdict, label: str | None) -> Verdict:
    """The verdict as the organizer corrected it (the automatic label kept beside it)."""
    if not label or label == verdict.label:
        return verdict
    return replace(verdict, label=label, auto_label=verdict.label, reasons=[CORRECTED, *verdict.reasons])


@dataclass
class Case:
    path: Path
    thread: list[Round]
    lexicon: Lexicon
    templates: Path | None
    automatic: dict[str, Verdict]  # as triage judged, with 「前回に続き」 where it applies
    steps: dict[str, list[Step]]  # earlier answers each item follows up, oldest first
    session: Session | None = None
    lexicon_file: Path | None = None
    _groups: dict[str, list[Item]] | None = field(default=None, repr=False)
    _wording: dict[object, list[str]] = field(default_factory=dict, repr=False)

    @property
    def inputs(self) -> list[Path]:
        """Every file the case was read from: no command may write over one of them."""
        paths = [rnd.path for rnd in self.thread]
        if self.session is not None:
            paths.append(self.session.path)
        if self.lexicon_file is not None:
            paths.append(self.lexicon_file)
        return paths

    @property
    def record(self) -> Record:
        return self.thread[-1].record

    @property
    def decisions(self) -> dict[str, Decision]:
        """The organizer's decisions that still fit the record (stale ones left out)."""
        return self.session.valid_decisions() if self.session else {}

    @property
    def stale(self) -> dict[str, str]:
        return self.session.stale() if self.session else {}

    def verdict(self, ref: str) -> Verdict:
        decision = self.decisions.get(ref)
        return relabel(self.automatic[ref], decision.label if decision else None)

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return {item.ref: self.verdict(item.ref) for item in self.record.items}

    def rows(self) -> list[tuple[Verdict, Item]]:
        """Each item with its verdict, in the record's order."""
        decisions = self.decisions
        return [
            (relabel(self.automatic[it.ref], (d.label if (d := decisions.get(it.ref)) else None)), it)
            for it in self.record.items
        ]

    def flagged(self) -> list[Item]:
        return [item for verdict, item in self.rows() if verdict.label != Label.ANSWERED]

    def undecided(self) -> list[str]:
        """Items a letter cannot be drafted without asking about, in order: flagged ones
        with no decision that still fits the record, and any whose decision went stale
        (its text edited since), even if the edit made it look answered."""
        decided, stale = self.decisions, self.stale
        flagged = {item.ref for item in self.flagged()}
        return [
            item.ref
            for item in self.record.items
            if item.ref not in decided and (item.ref in flagged or item.ref in stale)
        ]

    def earlier_for_wording(self, ref: str) -> list[dict[str, str]]:
        """Earlier answers to cite in escalation wording, when the body refused before."""
        steps = self.steps.get(ref, [])
        if escalation_reason(steps, self.automatic[ref]) is None:
            return []
        cites: list[dict[str, str]] = []
        for step in steps:  # items answered together in one reply are cited once
            cite = step.cite()
            if not any(c["date"] == cite["date"] and c["quote"] == cite["quote"] for c in cites):
                cites.append(cite)
        return cites

    def group(self, ref: str) -> list[Item]:
        """The items sharing `ref`'s answer (one follow-up names them all), found once."""
        if self._groups is None:
            self._groups = answer_groups(self.record)
        return self._groups[ref]

    def suggestions(self, ref: str, label: str | None = None) -> list[str]:
        """Follow-up wording for one item, for its label or the one the organizer picked.
        Worked out once per wording asked for: a draft asks for the same item's twice, and
        an answer shared by many items would otherwise be worked out for each of them."""
        item = self.record.item(ref)
        assert item is not None, ref
        verdict = relabel(self.automatic[ref], label) if label else self.verdict(ref)
        group = self.group(ref)
        earlier = self.earlier_for_wording(ref)
        key = (
            id(group),  # one list per group, kept for the life of the case
            str(verdict.label),
            verdict.trigger,
            tuple((e["date"], e["quote"]) for e in earlier),
            id(self.decisions) if self.session else 0,  # a new dict after each decision
        )
        if key not in self._wording:
            verdicts = {it.ref: self.verdict(it.ref) for it in group} if len(group) > 1 else None
            self._wording[key] = suggestions(
                self.record,
                item,
                verdict,
                self.lexicon,
                self.templates,
                earlier,
                group=group,
                verdicts=verdicts,
            )
        return list(self._wording[key])

    def suggested_decision(self, ref: str) -> Decision:
        """ "Take the first suggestion": the decision a non-interactive run makes for `ref`."""
        label = cast(LabelName, str(self.verdict(ref).label))
        return Decision(ref=ref, action="followup", label=label, text=self.suggestions(ref)[0])


def judge_thread(thread: list[Round], lexicon: Lexicon) -> tuple[dict[str, Verdict], dict[str, list[Step]]]:
    """Verdicts of the last round, with each item's earlier answers and 「前回に続き」."""
    record = thread[-1].record
    verdicts = {item.ref: classify(item, lexicon) for item in record.items}
    steps = {item.ref: history(thread, item, lexicon) for item in record.items} if len(thread) > 1 else {}
    for ref, verdict in verdicts.items():
        reason = escalation_reason(steps.get(ref, []), verdict)
        if reason:
            verdict.reasons = [*verdict.reasons, reason]
    return verdicts, steps


def resolve_lexicon(lexicon: Lexicon | Path | None) -> Lexicon:
    """The built-in lexicon, or it with an organizer's file laid over it."""
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load_lexicon(lexicon)


def open_case(
    path: Path,
    *,
    lexicon: Lexicon | Path | None = None,
    decisions: Path | None = None,
    templates: Path | None = None,
) -> Case:
    """Load a record with its earlier rounds and judge it.

    `decisions` names a decisions or session file to apply; without it, the session file
    beside the record is used when there is one."""
    thread = load_thread(path)
    lex = resolve_lexicon(lexicon)
    automatic, steps = judge_thread(thread, lex)
    case = Case(path, thread, lex, templates, automatic, steps)
    case.lexicon_file = lexicon if isinstance(lexicon, Path) else None
    file = decisions or session_path(path)
    if decisions is not None or file.exists():
        case.session = load_session(file, case.record)
    return case
