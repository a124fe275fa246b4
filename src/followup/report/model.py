"""The report as data: everything the HTML and Markdown pages show, computed once from a
case (texts are kept raw here; each writer escapes them for its format)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from followup.case import Case
from followup.clauses import ROLE_JA, TREATMENT_JA, ClauseView, clause_view
from followup.dates import to_wareki
from followup.labels import LABEL_JA, LABELS, Label
from followup.records import Item, Record
from followup.rounds import Step
from followup.triage import Verdict

ROLE_HELP = {
    "gives": "質問に答えている部分",
    "restates": "質問の繰り返し",
    "refuses": "回答を拒んでいる部分",
    "defers": "先送りしている部分",
    "passes_on": "他の機関へ振っている部分",
    "conditional": "条件付きで認めている部分",
    "beside": "質問とは別のこと",
    "formula": "決まり文句",
}


@dataclass(frozen=True)
class ReportOptions:
    title: str | None = None
    only_flagged: bool = False
    labels: bool = True  # False: plain publication of the texts (--no-labels)
    today: dt.date | None = None
    awaiting: bool = False  # set by build_report: the round has no reply yet


@dataclass(frozen=True)
class Segment:
    text: str
    role: str | None  # None: text between clauses, or no marking (--no-labels)
    tag: str = ""  # 「回答」「回答・問2」「拒否」…


@dataclass(frozen=True)
class SubLine:
    number: int
    text: str
    treatment: str
    treatment_ja: str
    clause: str | None


@dataclass(frozen=True)
class Earlier:
    round: int
    ref: str
    date: str
    label: str
    label_ja: str
    question: str
    answer: list[Segment]


@dataclass(frozen=True)
class Heading:
    depth: int  # 0 for a top-level section
    ref: str
    title: str


@dataclass(frozen=True)
class ReportItem:
    number: int
    ref: str
    anchor: str
    headings: list[Heading]  # sections that begin before this item, outermost first
    question: str
    restated: str
    answer: list[Segment]
    merged: list[str]
    label: str
    label_ja: str
    flagged: bool
    trigger: str | None
    reasons: list[str]
    subs: list[SubLine]
    earlier: list[Earlier]


@dataclass(frozen=True)
class Bar:
    label: str
    label_ja: str
    count: int
    start: float  # percent of the width where its part of the bar begins
    share: float  # percent of the width


@dataclass(frozen=True)
class DateLine:
    name: str
    wareki: str
    iso: str


@dataclass
class Report:
    title: str
    documents: list[tuple[str, str]]  # (質問書 / 回答書, its title)
    asker: str
    respondent: str
    dates: list[DateLine]
    total: int
    answered: int
    bars: list[Bar]
    items: list[ReportItem]
    options: ReportOptions
    made: DateLine
    awaiting: bool = False  # no reply to this round yet: nothing is judged
    roles: dict[str, str] = field(default_factory=lambda: dict(ROLE_JA))

    @property
    def not_answered(self) -> int:
        return self.total - self.answered

    @property
    def summary_sentence(self) -> str:
        if self.awaiting:
            return f"全 {self.total} 件について、回答を待っています(これまでの経過は各項目に示します)。"
        kinds = "、".join(
            f"{bar.label_ja} {bar.count} 件" for bar in self.bars if bar.label != Label.ANSWERED
        )
        text = (
            f"全 {self.total} 件のうち、回答あり {self.answered} 件、答えていないもの {self.not_answered} 件"
        )
        return f"{text}({kinds})。" if kinds else f"{text}。"


AWAITING = "回答待ち"


def _awaiting(record: Record) -> bool:
    """No reply to this round has come in yet (a 再質問書 just sent)."""
    return record.reply.date is None and not any(it.answer for it in record.items)


def _date(name: str, date: dt.date) -> DateLine:
    return DateLine(name, to_wareki(date), date.isoformat())


def _dates(case: Case) -> list[DateLine]:
    lines: list[DateLine] = []
    several = len(case.thread) > 1
    for rnd in case.thread:
        record = rnd.record
        prefix = f"第{record.round}回 " if several else ""
        if record.questions.date:
            lines.append(_date(f"{prefix}質問", record.questions.date))
        if record.questions.deadline:
            lines.append(_date(f"{prefix}回答期限", record.questions.deadline))
        if record.reply.date:
            lines.append(_date(f"{prefix}回答", record.reply.date))
    return lines


def _bars(verdicts: list[Verdict]) -> list[Bar]:
    total = len(verdicts) or 1
    bars: list[Bar] = []
    start = 0.0
    for label in LABELS:
        count = sum(1 for v in verdicts if v.label == label)
        if count:
            share = 100.0 * count / total
            bars.append(Bar(label.value, LABEL_JA[label], count, round(start, 3), round(share, 3)))
            start += share
    return bars


def segments(view: ClauseView, labels: bool) -> list[Segment]:
    """The answer as marked pieces (or one plain piece without labels)."""
    if not labels:
        return [Segment(view.answer, None)] if view.answer else []
    several = len(view.parts) > 1
    out: list[Segment] = []
    for text, clause in view.segments():
        if clause is None:
            out.append(Segment(text, None))
            continue
        tag = ROLE_JA.get(clause.role, clause.role)
        if clause.role == "gives" and clause.sub is not None and several:
            tag += f"・問{clause.sub + 1}"
        out.append(Segment(text, clause.role, tag))
    return out


def _subs(view: ClauseView) -> list[SubLine]:
    return [
        SubLine(
            i + 1, part.text, part.treatment, TREATMENT_JA.get(part.treatment, part.treatment), part.clause
        )
        for i, part in enumerate(view.parts)
    ]


def _earlier(steps: list[Step], case: Case, labels: bool) -> list[Earlier]:
    out = []
    for step in steps:
        date = step.record.reply.date
        view = clause_view(step.item, step.verdict, case.lexicon)
        out.append(
            Earlier(
                step.round,
                step.ref,
                to_wareki(date) if date else "日付不明",
                step.verdict.label,
                LABEL_JA[Label(step.verdict.label)],
                step.item.asked,
                segments(view, labels),
            )
        )
    return out


def _headings(record: Record, item: Item, shown: set[str]) -> list[Heading]:
    out = []
    for depth, section in enumerate(record.section_for(item.ref)):
        if section.ref not in shown:
            shown.add(section.ref)
            out.append(Heading(min(depth, 2), section.ref, section.title))
    return out


def _item(
    case: Case, row: tuple[int, Verdict, Item], headings: list[Heading], options: ReportOptions
) -> ReportItem:
    number, verdict, item = row
    view = clause_view(item, verdict, case.lexicon)
    labels, awaiting = options.labels, options.awaiting
    return ReportItem(
        number=number,
        ref=item.ref,
        anchor=f"q{number}",
        headings=headings,
        question=item.question or "",
        restated=item.restated or "",
        answer=segments(view, labels),
        merged=list(item.merged),
        label=verdict.label,
        label_ja=AWAITING if awaiting else LABEL_JA[Label(verdict.label)],
        flagged=verdict.label != Label.ANSWERED and not awaiting,
        trigger=verdict.trigger,
        reasons=[] if awaiting else list(verdict.reasons),
        subs=[] if awaiting else _subs(view),
        earlier=_earlier(case.steps.get(item.ref, []), case, labels),
    )


def build_report(case: Case, options: ReportOptions) -> Report:
    """The report of `case`: every item in the record's order (or only the flagged ones)."""
    record = case.record
    rows = case.rows()
    shown: set[str] = set()
    options = replace(options, awaiting=_awaiting(record))
    items = [
        _item(case, (number, verdict, item), _headings(record, item, shown), options)
        for number, (verdict, item) in enumerate(rows, start=1)
        if not options.only_flagged or verdict.label != Label.ANSWERED
    ]
    verdicts = [v for v, _ in rows]
    short = f"({record.asker.short_name})" if record.asker.short_name else ""
    return Report(
        title=options.title or f"「{record.questions.title}」への回答状況",
        documents=[("質問書", record.questions.title), ("回答書", record.reply.title or "")],
        asker=f"{record.asker.name}{short}",
        respondent=record.respondent.addressee(),
        dates=_dates(case),
        total=len(rows),
        answered=sum(1 for v in verdicts if v.label == Label.ANSWERED),
        bars=_bars(verdicts),
        items=items,
        options=options,
        made=_date("作成", options.today or dt.date.today()),
        awaiting=options.awaiting,
    )
