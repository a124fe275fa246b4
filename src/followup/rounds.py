"""Threads of exchanges: a 再質問書 becomes the record of the next round, linked item by
item to what it follows up, so that every answer in the chain can be cited and a body
that declines again can be told so.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from followup.dates import to_wareki
from followup.errors import RecordError
from followup.numbering import join_ref
from followup.records import Item, Party, QuestionsMeta, Record, Respondent, Section, load_record
from followup.triage import Lexicon, Verdict, classify, load_lexicon

if TYPE_CHECKING:
    from followup.draft.content import Letter

NON_ANSWERS = {"declined", "deferred", "deflected", "evasive", "unanswered", "conditional", "partial"}
REFUSALS = {"declined", "deferred"}


@dataclass(frozen=True)
class Round:
    path: Path
    record: Record


@dataclass(frozen=True)
class Step:
    """One earlier answer to the same matter, as cited in a later round."""

    round: int
    ref: str
    item: Item
    verdict: Verdict
    record: Record

    def cite(self) -> dict[str, str]:
        from followup.review.suggest import quote_of

        date = self.record.reply.date
        return {
            "round": str(self.round),
            "ref": self.ref,
            "date": to_wareki(date) if date else "日付不明",
            "quote": quote_of(self.item.answer, self.verdict.trigger),
            "label": self.verdict.label,
            "title": self.record.reply.title or "",
        }


def load_thread(path: Path) -> list[Round]:
    """The record and every earlier round it links to, oldest first."""
    rounds: list[Round] = []
    seen: set[Path] = set()
    current: Path | None = path
    while current is not None:
        resolved = current.resolve()
        if resolved in seen:
            raise RecordError(current, ["1: previous: やりとりのつながりが循環しています。"])
        seen.add(resolved)
        record = load_record(current)
        rounds.append(Round(current, record))
        if record.previous is None:
            current = None
        else:
            current = current.parent / record.previous
            if not current.exists():
                raise RecordError(path, [f"1: previous: 前回の記録ファイル {current} が見つかりません。"])
    return list(reversed(rounds))


def history(thread: list[Round], item: Item, lexicon: Lexicon | None = None) -> list[Step]:
    """Earlier answers that `item` (in the last round) follows up, oldest first."""
    lexicon = lexicon or load_lexicon()
    steps: list[Step] = []
    refs = list(item.follows)
    for back in reversed(thread[:-1]):
        next_refs: list[str] = []
        for ref in refs:
            earlier = back.record.item(ref)
            if earlier is None:
                continue
            steps.append(Step(back.record.round, ref, earlier, classify(earlier, lexicon), back.record))
            next_refs.extend(earlier.follows)
        refs = next_refs
    return list(reversed(steps))


def escalation_reason(steps: list[Step], verdict: Verdict) -> str | None:
    """「前回に続き」: the body refused before and does so again."""
    earlier = [s for s in steps if s.verdict.label in REFUSALS]
    if earlier and verdict.label in NON_ANSWERS:
        when = "、".join(f"{s.cite()['date']}付け" for s in earlier)
        return f"{when}の回答に続き、今回も答えていません(再三にわたる回答拒否・先送り)。"
    return None


def next_round_record(record: Record, record_path: Path, letter: Letter, target: Path) -> Record:
    """The new questions as a record of the next round: no answers yet, each item linked
    to the earlier item it follows up."""
    sections: list[Section] = []
    items: list[Item] = []
    for heading in letter.headings:
        sections.append(Section(ref=heading.number, title=heading.title))
        for q in heading.questions:
            ref = join_ref(heading.number, q.number, _bare(heading.number), _bare(q.number))
            items.append(Item(ref=ref, question=q.text, follows=[q.source_ref] if q.source_ref else []))
    previous = os.path.relpath(record_path.resolve(), target.resolve().parent)
    return Record(
        round=record.round + 1,
        previous=previous,
        questions=QuestionsMeta(
            title=letter.title,
            date=letter.issued,
            deadline=letter.deadline,
            preamble=letter.preamble,
            contact=letter.contact,
        ),
        asker=Party.model_validate(record.asker.model_dump()),
        respondent=Respondent.model_validate(record.respondent.model_dump()),
        sections=sections,
        items=items,
    )


def _bare(token: str) -> bool:
    return not token.endswith((")", "]", "）", "］"))


def next_record_path(output: Path) -> Path:
    return output.with_suffix(".yaml")


def business_days_overdue(deadline: dt.date, today: dt.date) -> int:
    from followup.dates import business_days_between

    return business_days_between(deadline, today)


@dataclass
class ThreadView:
    """The last round of a thread with its verdicts and each item's earlier answers."""

    thread: list[Round]
    verdicts: dict[str, Verdict]
    steps: dict[str, list[Step]]

    @property
    def record(self) -> Record:
        return self.thread[-1].record

    @property
    def path(self) -> Path:
        return self.thread[-1].path

    def earlier_for_wording(self, ref: str) -> list[dict[str, str]]:
        """Earlier answers to cite in escalation wording, when the body refused before."""
        if escalation_reason(self.steps.get(ref, []), self.verdicts[ref]) is None:
            return []
        return [s.cite() for s in self.steps[ref]]


def view_thread(path: Path, lexicon: Lexicon | None = None) -> ThreadView:
    """Load a record with its earlier rounds; verdicts carry 「前回に続き」 where it applies."""
    thread = load_thread(path)
    lexicon = lexicon or load_lexicon()
    record = thread[-1].record
    verdicts = {item.ref: classify(item, lexicon) for item in record.items}
    steps = {item.ref: history(thread, item, lexicon) for item in record.items} if len(thread) > 1 else {}
    for ref, verdict in verdicts.items():
        reason = escalation_reason(steps.get(ref, []), verdict)
        if reason:
            verdict.reasons = [*verdict.reasons, reason]
    return ThreadView(thread, verdicts, steps)


def relink(record: Record, source: Path, target: Path) -> Record:
    """Keep `previous` pointing at the same file when a record is saved somewhere else."""
    if record.previous is None:
        return record
    earlier = (source.parent / record.previous).resolve()
    return record.model_copy(update={"previous": os.path.relpath(earlier, target.resolve().parent)})
