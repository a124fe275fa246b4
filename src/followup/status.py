"""`followup status`: each original question followed through the rounds of a thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from followup.case import Case
from followup.dates import business_days_between, to_wareki
from followup.display import gist, width
from followup.labels import label_ja
from followup.records import Item, Record
from followup.rounds import NON_ANSWERS, Round
from followup.triage import classify


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


@dataclass
class Status:
    rounds: list[Round]
    chains: list[Chain]
    overdue_days: int | None
    waiting_deadline: dt.date | None


def _answered(record: Record) -> bool:
    return record.reply.date is not None or any(it.answer for it in record.items)


def build_status(case: Case, today: dt.date) -> Status:
    """Each question of the first round followed through the rounds; the last round's
    labels are the case's (the organizer's corrections applied)."""
    thread = case.thread
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
            chain.links.append(_link(record, item, answered, case, last=index == len(thread) - 1))
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


def _label(item: Item, case: Case, last: bool) -> str:
    return case.verdict(item.ref).label if last else classify(item, case.lexicon).label


def _link(record: Record, item: Item, answered: bool, case: Case, *, last: bool) -> Link:
    label = _label(item, case, last) if answered else None
    return Link(
        record.round, item.ref, label, record.reply.date if answered else record.questions.date, item.answer
    )


def _round_lines(status: Status) -> list[str]:
    lines = []
    for rnd in status.rounds:
        r = rnd.record
        sent = to_wareki(r.questions.date) if r.questions.date else "日付不明"
        if r.reply.date:
            got = f"回答 {to_wareki(r.reply.date)}"
        else:
            got = "回答あり" if _answered(r) else "回答待ち"
        lines.append(f"  第{r.round}回: 質問 {sent}、{got}({rnd.path.name})")
    last = status.rounds[-1].record
    if status.overdue_days is not None and last.questions.deadline:
        lines.append(
            f"回答期限超過: 期限 {to_wareki(last.questions.deadline)} を {status.overdue_days} 開庁日過ぎています。"
        )
    elif status.waiting_deadline:
        lines.append(f"回答待ち: 期限 {to_wareki(status.waiting_deadline)}")
    return lines


def _link_label(status: Status, chain: Chain, link: Link) -> str:
    if link.label:
        return label_ja(link.label)
    overdue = status.overdue_days is not None and link is chain.links[-1]
    return "回答期限超過" if overdue else "回答待ち"


def _chain_lines(status: Status, chain: Chain, columns: int) -> list[str]:
    text_cols = max(columns - 26, 10)
    lines = [gist(f"{chain.ref} {chain.question}", columns)]
    for link in chain.links:
        date = to_wareki(link.date) if link.date else ""
        head = f"  第{link.round}回 {link.ref} {_link_label(status, chain, link)}"
        answer = f"「{gist(link.answer, text_cols)}」" if link.answer else ""
        lines.append(gist(f"{head} {date} {answer}".rstrip(), columns))
    return lines


def render_status(status: Status, columns: int, only_open: bool, min_rounds: int) -> list[str]:
    lines = [f"{status.rounds[0].record.questions.title} — {len(status.rounds)} 回のやりとり"]
    lines += _round_lines(status)
    lines.append("")
    for chain in status.chains:
        if (not only_open or chain.still_open) and len(chain.links) >= min_rounds:
            lines += _chain_lines(status, chain, columns)
    still = [c for c in status.chains if c.still_open and len(c.links) >= 2]
    lines.append("")
    lines.append(f"{len(status.rounds)} 回のやりとりを経ても答えの得られていない項目: {len(still)} 件")
    if still:
        refs = "、".join(c.ref for c in still)
        lines.append(gist("  " + refs, columns) if width(refs) > columns else "  " + refs)
    return lines
