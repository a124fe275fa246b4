"""The follow-ups of a letter: one per answer, each with its final text.

Items that share an answer (a merged 【回答】 or the same text) become one follow-up naming
all their refs.  A decision whose text is still one of the suggestions (the organizer
took it as offered, or `--accept-suggestions` filled it in) is written again here with
what only the letter knows: the items grouped with it, the first round's question and the
respondent's latest answer in later rounds, the letter's way of writing dates, and
wording that does not repeat an earlier follow-up of the same kind.  A text the
organizer wrote is used as written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from followup.case import Case, relabel
from followup.decisions import Decision
from followup.quotes import quote_of, tidy
from followup.records import Item
from followup.wording import Subject, consecutive, followups, span

DateFormat = Callable[[dt.date], str]
_RANK = {"high": 0, "normal": 1, "low": 2}


@dataclass
class Unit:
    items: list[Item]
    decision: Decision
    label: str
    text: str
    suggested: int | None  # the suggestion the decision took, None: the organizer's own text
    subject: Subject | None = field(default=None, repr=False)

    @property
    def refs(self) -> list[str]:
        return [it.ref for it in self.items]

    @property
    def rank(self) -> int:
        return _RANK.get(self.decision.priority, 1)


def suggested_index(case: Case, ref: str, decision: Decision) -> int | None:
    """Which suggestion the decision's text is, if it is one."""
    text = (decision.text or "").strip()
    options = [o.strip() for o in case.suggestions(ref, decision.label)]
    return options.index(text) if text in options else None


def _answer_key(case: Case, item: Item) -> tuple[str, str] | None:
    """The first ref of the items sharing `item`'s answer, and how a follow-up names them all."""
    group = case.group(item.ref)
    if len(group) < 2:
        return None
    refs = [it.ref for it in group]
    return refs[0], span(refs, consecutive(case.record, refs))


def _joins(unit: Unit, decision: Decision, suggested: int | None, label: str, named: str) -> bool:
    """Whether an item joins the follow-up already written for its answer: both took a
    suggestion, both say the same, or one took a suggestion and the other's own text still
    names the whole group (it was written from the group's suggestion)."""
    if unit.label != label:
        return False
    if suggested is not None and unit.suggested is not None:
        return True
    if tidy(decision.text) == tidy(unit.decision.text):
        return True
    own = unit.text if unit.suggested is None else (decision.text or "")
    return (suggested is None) != (unit.suggested is None) and named in own


def group_units(case: Case, chosen: list[Item], decisions: dict[str, Decision]) -> list[Unit]:
    """One unit per answer: items sharing an answer join the first one's unit."""
    units: list[Unit] = []
    by_answer: dict[str, Unit] = {}
    for item in chosen:
        decision = decisions[item.ref]
        label = str(decision.label or case.verdict(item.ref).label)
        suggested = suggested_index(case, item.ref, decision)
        key = _answer_key(case, item)
        unit = by_answer.get(key[0]) if key else None
        if unit is not None and key and _joins(unit, decision, suggested, label, key[1]):
            _merge(unit, item, decision, suggested)
            continue
        unit = Unit([item], decision, label, decision.text or "", suggested)
        units.append(unit)
        if key:
            by_answer.setdefault(key[0], unit)
    return units


def _merge(unit: Unit, item: Item, decision: Decision, suggested: int | None) -> None:
    unit.items.append(item)
    if unit.suggested is not None and suggested is None:  # the organizer's own text wins
        unit.text, unit.suggested = decision.text or "", None
    unit.decision = min(unit.decision, decision, key=lambda d: _RANK.get(d.priority, 1))


def _latest(case: Case, item: Item, date: DateFormat) -> dict[str, str] | None:
    """The respondent's latest answer to the matter, when this round's reply has none."""
    if (item.answer or "").strip():
        return None
    for step in reversed(case.steps.get(item.ref, [])):
        if (step.item.answer or "").strip() and step.record.reply.date:
            return {
                "date": date(step.record.reply.date),
                "quote": quote_of(step.item.answer, step.verdict.trigger),
                "ref": step.ref,
            }
    return None


def _earlier(case: Case, ref: str, date: DateFormat) -> list[dict[str, str]]:
    """Escalation citations, with dates written the letter's way."""
    cites = case.earlier_for_wording(ref)
    steps = case.steps.get(ref, [])
    for cite, step in zip(cites, steps, strict=False):
        if step.record.reply.date:
            cite["date"] = date(step.record.reply.date)
    return cites


def subject_of(case: Case, unit: Unit, date: DateFormat, tone: int) -> Subject:
    first = unit.items[0]
    originals = {it.ref: steps[0].item.asked for it in unit.items if (steps := case.steps.get(it.ref))}
    verdict = case.verdict(first.ref)
    if verdict.label != unit.label:
        verdict = relabel(verdict, unit.label)
    return Subject(
        case.record,
        unit.items,
        verdict,
        case.lexicon,
        case.templates,
        originals=originals,
        latest=_latest(case, first, date),
        earlier=_earlier(case, first.ref, date),
        date=date,
        tone=tone,
        verdicts={it.ref: case.verdict(it.ref) for it in unit.items[1:]},
    )


def write_texts(case: Case, units: list[Unit], date: DateFormat) -> None:
    """The text of every unit that took a suggestion, written for this letter; the k-th
    follow-up of a kind gets `tone` k, so repeated dodges are never answered in the same words."""
    seen: Counter[str] = Counter()
    for unit in units:
        if unit.suggested is None:
            continue
        subject = subject_of(case, unit, date, seen[unit.label])
        variants = followups(subject)
        seen[unit.label] += 1
        unit.text = variants[min(unit.suggested, len(variants) - 1)]
        unit.subject = subject


def by_priority(units: list[Unit]) -> list[Unit]:
    """Higher priority first, the record's order kept within a priority."""
    return sorted(units, key=lambda u: u.rank)
