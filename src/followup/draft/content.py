"""What the 再質問書 says, independent of the file format it is written in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from followup.dates import add_business_days, to_wareki
from followup.display import gist
from followup.errors import FollowupError
from followup.numbering import int_to_kanji, match_marker
from followup.paths import templates_dir
from followup.records import Record
from followup.review.session import Decision, Session
from followup.review.suggest import honorific, suggestions
from followup.templating import render_string
from followup.textio import clean_text
from followup.triage.report import LABEL_JA
from followup.yamlio import load_yaml

if TYPE_CHECKING:
    from followup.rounds import ThreadView


@dataclass
class Question:
    number: str
    text: str
    source_ref: str | None
    citation: str | None


@dataclass
class Heading:
    number: str
    title: str
    questions: list[Question] = field(default_factory=list)


@dataclass
class AppendixRow:
    ref: str
    gist: str
    label: str
    trigger: str


@dataclass
class Letter:
    date: str
    addressee: str
    sender: list[str]
    title: str
    preamble: str
    headings: list[Heading]
    deadline_text: str
    contact: str | None
    appendix_title: str
    appendix_note: str
    appendix: list[AppendixRow]
    author: str
    deadline: dt.date | None
    issued: dt.date


def _wording(templates: Path | None) -> dict[str, str]:
    path = (
        templates / "document" / "letter.yaml"
        if templates and (templates / "document" / "letter.yaml").exists()
        else templates_dir() / "document" / "letter.yaml"
    )
    return {str(k): str(v) for k, v in load_yaml(path).data.items()}


def _render(source: str, values: dict[str, object], templates: Path | None) -> str:
    return render_string(source, values, templates, "document/letter.yaml")


@dataclass(frozen=True)
class Numbering:
    """Literal numbers for the two levels of the letter (never Word auto-numbering)."""

    heading_format: str
    question_format: str

    def heading(self, n: int) -> str:
        return self.heading_format.format(n=n, kanji=int_to_kanji(n))

    def question(self, n: int) -> str:
        return self.question_format.format(n=n, kanji=int_to_kanji(n))


_SCHEMES = {
    "bracket": Numbering("[{n}]", "({n})"),
    "dai": Numbering("第{n}", "{n}"),
    "kanji": Numbering("{kanji}", "({n})"),
    "paren_num": Numbering("({n})", "{n})"),
    "num_dot": Numbering("{n}.", "({n})"),
}
FORMAL = Numbering("第{n}", "{n}")


def numbering_scheme(record: Record, style: str) -> Numbering:
    """`original` follows the 質問書's own top level ([1]/(1), 第1/1, 一/(1)); `formal` is 第1/1."""
    if style == "formal":
        return FORMAL
    top = next((s.ref for s in record.sections), None) or next((i.ref for i in record.items), "")
    marker = match_marker(top)
    return _SCHEMES.get(marker.scheme if marker else "", _SCHEMES["bracket"])


def accept_suggestions(view: ThreadView, templates: Path | None = None) -> dict[str, Decision]:
    """The first suggestion for every flagged item: the non-interactive review."""
    record = view.record
    out = {}
    for item in record.items:
        verdict = view.verdicts[item.ref]
        if verdict.label == "answered":
            continue
        text = suggestions(record, item, verdict, templates, view.earlier_for_wording(item.ref))[0]
        out[item.ref] = Decision(ref=item.ref, action="followup", label=verdict.label, text=text)
    return out


def compose(
    view: ThreadView,
    decisions: dict[str, Decision],
    *,
    date: dt.date,
    deadline: dt.date | None = None,
    deadline_days: int | None = None,
    templates: Path | None = None,
    session: Session | None = None,
    numbering: str = "original",
) -> Letter:
    record, verdicts = view.record, view.verdicts
    if deadline is None and deadline_days is not None:
        deadline = add_business_days(date, deadline_days)
    chosen = [it for it in record.items if (d := decisions.get(it.ref)) and d.action == "followup"]
    added = session.data.added if session else []
    if not chosen and not added:
        raise FollowupError("再質問する項目がありません(すべて「回答あり」か「見送り」です)。")
    reply_date = to_wareki(record.reply.date) if record.reply.date else "日付不明"
    base = {
        "earlier_title": record.questions.title,
        "reply_date": reply_date,
        "reply_title": record.reply.title or record.questions.title,
        "honorific": honorific(record.respondent.body),
        "respondent": record.respondent.body,
        "deadline": to_wareki(deadline) if deadline else "",
    }
    words = _wording(templates)
    scheme = numbering_scheme(record, numbering)
    headings: list[Heading] = []
    by_section: dict[str, Heading] = {}
    for item in chosen:
        sections = record.section_for(item.ref)
        top = sections[0] if sections else None
        key = top.ref if top else ""
        if key not in by_section:
            heading = Heading(scheme.heading(len(by_section) + 1), top.title if top else "その他")
            by_section[key] = heading
            headings.append(heading)
        heading = by_section[key]
        decision = decisions[item.ref]
        citation = _render(words["citation"], {**base, "ref": item.ref}, templates)
        for step in view.steps.get(item.ref, []):
            citation += _render(words["earlier_citation"], {**base, **step.cite()}, templates)
        heading.questions.append(
            Question(
                number=scheme.question(len(heading.questions) + 1),
                text=clean_text(decision.text or ""),
                source_ref=item.ref,
                citation=citation,
            )
        )
    if added:
        heading = Heading(scheme.heading(len(headings) + 1), "新たな質問")
        headings.append(heading)
        for q in added:
            heading.questions.append(
                Question(scheme.question(len(heading.questions) + 1), clean_text(q.text), None, None)
            )
    appendix = []
    for item in record.items:
        verdict = verdicts[item.ref]
        decision = decisions.get(item.ref)
        label = LABEL_JA[decision.label if decision and decision.label else verdict.label]
        earlier = "、".join(LABEL_JA[s.verdict.label] for s in view.steps.get(item.ref, []))
        if earlier:
            label += f"(以前: {earlier})"
        appendix.append(AppendixRow(item.ref, gist(item.asked, 80), label, verdict.trigger or ""))
    head = record.respondent
    addressee = " ".join(p for p in (head.body, head.head_title, head.head_name) if p)
    addressee += " 様" if head.head_name or head.head_title else " 御中"
    sender = [record.asker.name] + ([f"({record.asker.short_name})"] if record.asker.short_name else [])
    return Letter(
        date=to_wareki(date),
        addressee=addressee,
        sender=sender,
        title=_render(words["title"], base, templates),
        preamble=_render(words["preamble"], base, templates),
        headings=headings,
        deadline_text=_render(words["deadline"], base, templates),
        contact=record.questions.contact,
        appendix_title=_render(words["appendix_title"], base, templates),
        appendix_note=_render(words["appendix_note"], base, templates),
        appendix=appendix,
        author=record.asker.name,
        deadline=deadline,
        issued=date,
    )
