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

# Under two months overdue, the business days the deadline was counted in are still telling.
SHORT_OVERDUE_DAYS = 60


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
    overdue_days: int | None  # business days, as the deadline was counted
    waiting_deadline: dt.date | None
    today: dt.date | None = None


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
    return Status(thread, chains, overdue, waiting, today)


def _chain_for(item: Item, previous: dict[str, Chain]) -> Chain | None:
    return next((previous[ref] for ref in item.follows if ref in previous), None)


def _label(item: Item, case: Case, last: bool) -> str:
    return case.verdict(item.ref).label if last else classify(item, case.lexicon).label


def _link(record: Record, item: Item, answered: bool, case: Case, *, last: bool) -> Link:
    label = _label(item, case, last) if answered else None
    return Link(
        record.round, item.ref, label, record.reply.date if answered else record.questions.date, item.answer
    )


def replies(status: Status) -> int:
    """How many rounds have had their reply: the count a 「N 回のやりとり」 may claim."""
    return sum(1 for rnd in status.rounds if _answered(rnd.record))


def _awaiting(status: Status) -> str:
    """「(第2回は回答待ち)」 when the last round's reply has not come, else nothing."""
    last = status.rounds[-1].record
    return "" if _answered(last) else f"(第{last.round}回は回答待ち)"


def _title_line(status: Status) -> str:
    title = status.rounds[0].record.questions.title
    count = replies(status)
    if count == 0:
        return f"{title} — {_awaiting(status).strip('()')}"
    return f"{title} — {count} 回のやりとり{_awaiting(status)}"


def elapsed(since: dt.date, today: dt.date) -> str:
    """「26 日」 under a year, 「9 年 11 か月」 from a year on: what a reader can take in."""
    days = (today - since).days
    if days < 365:
        return f"{days} 日"
    months = (today.year - since.year) * 12 + today.month - since.month - (today.day < since.day)
    years, months = divmod(months, 12)
    return f"{years} 年" + (f" {months} か月" if months else "")


def overdue_line(status: Status) -> str | None:
    """The deadline and the time since: business days while they still matter (the
    deadline was counted in them), then days, then years."""
    deadline = status.rounds[-1].record.questions.deadline
    if status.overdue_days is None or deadline is None:
        return None
    if status.today is None or (status.today - deadline).days < SHORT_OVERDUE_DAYS:
        return f"回答期限超過: 期限 {to_wareki(deadline)} を {status.overdue_days} 開庁日過ぎています。"
    return f"回答期限超過: 期限 {to_wareki(deadline)} から {elapsed(deadline, status.today)}が過ぎています。"


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
    overdue = overdue_line(status)
    if overdue:
        lines.append(overdue)
    elif status.waiting_deadline:
        lines.append(f"回答待ち: 期限 {to_wareki(status.waiting_deadline)}")
    return lines


def _link_label(status: Status, chain: Chain, link: Link) -> str:
    if link.label:
        return label_ja(link.label)
    overdue = status.overdue_days is not None and link is chain.links[-1]
    return "回答期限超過" if overdue else "回答待ち"


def _link_head(status: Status, chain: Chain, link: Link) -> str:
    """「第2回 [1](4)(元 [1](5)4)) 先送り 平成29年1月20日」: a later round's ref beside the
    original one, since round 2's 「[1](4)」 is not the original's [1](4)."""
    ref = link.ref if link.round == 1 else f"{link.ref}(元 {chain.ref})"
    if link.label:
        date = to_wareki(link.date) if link.date else ""
    else:
        date = f"(質問 {to_wareki(link.date)})" if link.date else ""
    label = _link_label(status, chain, link)
    return (
        f"  第{link.round}回 {ref} {label}{date}"
        if date.startswith("(")
        else f"  第{link.round}回 {ref} {label} {date}".rstrip()
    )


def _chain_lines(status: Status, chain: Chain, columns: int) -> list[str]:
    lines = [gist(f"{chain.ref} {chain.question}", columns)]
    for link in chain.links:
        head = _link_head(status, chain, link)
        room = columns - width(head) - 5  # 「 」 and the space before them
        if not link.answer:
            lines.append(gist(head, columns))
        elif room >= 12:
            lines.append(f"{head} 「{gist(link.answer, room)}」")
        else:
            lines += [gist(head, columns), f"    「{gist(link.answer, columns - 6)}」"]
    return lines


def wrap_refs(refs: list[str], columns: int, indent: str = "  ") -> list[str]:
    """Refs joined with 「、」 and wrapped between refs: a ref is never cut."""
    lines: list[str] = []
    current = indent
    for n, ref in enumerate(refs):
        piece = ref + ("、" if n < len(refs) - 1 else "")
        if current != indent and width(current + piece) > columns:
            lines.append(current)
            current = indent
        current += piece
    if current != indent:
        lines.append(current)
    return lines


def unanswered_chains(status: Status) -> list[Chain]:
    """Questions asked in every round that had its reply, and still not answered."""
    count = replies(status)
    out = []
    for chain in status.chains:
        received = [link for link in chain.links if link.label]
        if count and len(received) == count and received[-1].label in NON_ANSWERS:
            out.append(chain)
    return out


def _open_summary(status: Status, columns: int) -> list[str]:
    count = replies(status)
    if count == 0:
        return []
    still = unanswered_chains(status)
    through = f"{count} 回のやりとりを経ても" if count > 1 else "第1回の回答で"
    line = f"{through}答えの得られていない項目: {len(still)} 件{_awaiting(status)}"
    return ["", line, *wrap_refs([c.ref for c in still], columns)]


def render_status(status: Status, columns: int, only_open: bool, min_rounds: int) -> list[str]:
    lines = [_title_line(status), *_round_lines(status), ""]
    for chain in status.chains:
        if (not only_open or chain.still_open) and len(chain.links) >= min_rounds:
            lines += _chain_lines(status, chain, columns)
    return lines + _open_summary(status, columns)
