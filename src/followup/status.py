"""`followup status`: each original question followed through the rounds of a thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from followup.dates import business_days_between, to_wareki
from followup.display import gist, width
from followup.records import Item, Record
from followup.rounds import NON_ANSWERS, Round, load_thread
from followup.triage import classify, load_lexicon
from followup.triage.report import LABEL_JA


@dataclass
class Link:
    round: int
    ref: str
    label: str | None  # None: no reply imported yet
    date: dt.date | None
    answer: str | None


@dataclass
class Chain:
    ref: str
    question: str
    links: list[Link] = field(default_factory=list)

    @property
    def still_open(self) -> bool:
        last = self.links[-1]
        return last.label is None or last.label in NON_ANSWERS

    @property
    def non_answers(self) -> int:
        return sum(1 for link in self.links if link.label in NON_ANSWERS)


@dataclass
class Status:
    rounds: list[Round]
    chains: list[Chain]
    overdue_days: int | None
    waiting_deadline: dt.date | None


def _answered(record: Record) -> bool:
    return record.reply.date is not None or any(it.answer for it in record.items)


def build_status(path: Path, today: dt.date) -> Status:
    thread = load_thread(path)
    lexicon = load_lexicon()
    first = thread[0].record
    chains = [Chain(it.ref, it.asked) for it in first.items]
    current: dict[str, Chain] = {it.ref: chain for it, chain in zip(first.items, chains, strict=True)}
    for index, rnd in enumerate(thread):
        record = rnd.record
        answered = _answered(record)
        nxt: dict[str, Chain] = {}
        for item in record.items:
            chain = current.get(item.ref) if index == 0 else _chain_for(item, current)
            if chain is None:
                continue
            chain.links.append(_link(record, item, answered, lexicon))
            nxt[item.ref] = chain
        current = nxt
    last = thread[-1].record
    overdue = waiting = None
    if not _answered(last) and last.questions.deadline:
        if today > last.questions.deadline:
            overdue = business_days_between(last.questions.deadline, today)
        else:
            waiting = last.questions.deadline
    return Status(thread, chains, overdue, waiting)


def _chain_for(item: Item, previous: dict[str, Chain]) -> Chain | None:
    return next((previous[ref] for ref in item.follows if ref in previous), None)


def _link(record: Record, item: Item, answered: bool, lexicon) -> Link:
    label = classify(item, lexicon).label if answered else None
    return Link(
        record.round, item.ref, label, record.reply.date if answered else record.questions.date, item.answer
    )


def render_status(status: Status, columns: int, only_open: bool, min_rounds: int) -> list[str]:
    last = status.rounds[-1].record
    lines = [f"{status.rounds[0].record.questions.title} — {len(status.rounds)} 回のやりとり"]
    for rnd in status.rounds:
        r = rnd.record
        sent = to_wareki(r.questions.date) if r.questions.date else "日付不明"
        got = (
            f"回答 {to_wareki(r.reply.date)}"
            if r.reply.date
            else ("回答あり" if _answered(r) else "回答待ち")
        )
        lines.append(f"  第{r.round}回: 質問 {sent}、{got}({rnd.path.name})")
    if status.overdue_days is not None:
        lines.append(
            f"回答期限超過: 期限 {to_wareki(last.questions.deadline)} を {status.overdue_days} 開庁日過ぎています。"  # type: ignore[arg-type]
        )
    elif status.waiting_deadline:
        lines.append(f"回答待ち: 期限 {to_wareki(status.waiting_deadline)}")
    lines.append("")
    shown = [c for c in status.chains if (not only_open or c.still_open) and len(c.links) >= min_rounds]
    text_cols = max(columns - 26, 10)
    for chain in shown:
        lines.append(gist(f"{chain.ref} {chain.question}", columns))
        for link in chain.links:
            label = (
                LABEL_JA[link.label]
                if link.label
                else (
                    "回答期限超過"
                    if status.overdue_days is not None and link is chain.links[-1]
                    else "回答待ち"
                )
            )
            date = to_wareki(link.date) if link.date else ""
            head = f"  第{link.round}回 {link.ref} {label}"
            answer = f"「{gist(link.answer, text_cols)}」" if link.answer else ""
            lines.append(gist(f"{head} {date} {answer}".rstrip(), columns))
    still = [c for c in status.chains if c.still_open and len(c.links) >= 2]
    lines.append("")
    lines.append(f"{len(status.rounds)} 回のやりとりを経ても答えの得られていない項目: {len(still)} 件")
    if still:
        lines.append(
            gist("  " + "、".join(c.ref for c in still), columns)
            if width("、".join(c.ref for c in still)) > columns
            else "  " + "、".join(c.ref for c in still)
        )
    return lines
