"""What the 再質問書 says, independent of the file format it is written in."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from followup.case import Case
from followup.datafiles import letter_wording
from followup.dates import add_business_days, to_wareki
from followup.decisions import AddedQuestion, Decision
from followup.display import gist
from followup.errors import FollowupError, UsageProblem
from followup.labels import label_ja
from followup.numbering import int_to_kanji, match_marker
from followup.records import Item, Record
from followup.sanitize import REPLACEMENT
from followup.templating import render_string
from followup.textio import clean_text
from followup.wording import honorific

NumberingStyle = Literal["original", "formal"]
NUMBERING_STYLES: tuple[NumberingStyle, ...] = ("original", "formal")


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


def letter_text(text: str) -> str:
    """Text as the letter prints it: the marks left where control characters were
    (「�」, shown on screen so the organizer sees them) are dropped from the document."""
    return clean_text(text).replace(REPLACEMENT, "")


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


# The letter's numbering for each top-level scheme of a 質問書 (numbering.py's names).
_SCHEMES: dict[str, Numbering] = {
    "bracket": Numbering("[{n}]", "({n})"),
    "dai": Numbering("第{n}", "{n}"),
    "kanji": Numbering("{kanji}", "({n})"),
    "paren_num": Numbering("({n})", "{n})"),
    "num_dot": Numbering("{n}.", "({n})"),
}
FORMAL = Numbering("第{n}", "{n}")


def numbering_scheme(record: Record, style: str) -> Numbering:
    """`original` follows the 質問書's own top level ([1]/(1), 第1/1, 一/(1)) where the letter
    has a form for it, and is 第1/1 for any other; `formal` is always 第1/1."""
    if style not in NUMBERING_STYLES:
        raise UsageProblem(
            f"番号の付け方「{style}」は使えません(使えるもの: {', '.join(NUMBERING_STYLES)})。"
        )
    if style == "formal":
        return FORMAL
    top = next((s.ref for s in record.sections), None) or next((i.ref for i in record.items), "")
    marker = match_marker(top)
    return _SCHEMES.get(marker.scheme, FORMAL) if marker else FORMAL


def addressee(record: Record) -> str:
    """「地方公共団体情報システム機構 理事長 西尾勝 様」, or the body 御中 when no person is named."""
    head = record.respondent
    name = " ".join(p for p in (head.body, head.head_title, head.head_name) if p)
    return name + (" 様" if head.head_name or head.head_title else " 御中")


def _base_values(record: Record, deadline: dt.date | None, templates: Path | None) -> dict[str, object]:
    reply_date = to_wareki(record.reply.date) if record.reply.date else "日付不明"
    return {
        "earlier_title": record.questions.title,
        "reply_date": reply_date,
        "reply_title": record.reply.title or record.questions.title,
        "honorific": honorific(record.respondent.body, templates),
        "respondent": record.respondent.body,
        "deadline": to_wareki(deadline) if deadline else "",
    }


def _citation(case: Case, ref: str, base: dict[str, object], words: dict[str, str]) -> str:
    citation = _render(words["citation"], {**base, "ref": ref}, case.templates)
    for step in case.steps.get(ref, []):
        citation += _render(words["earlier_citation"], {**base, **step.cite()}, case.templates)
    return citation


def _headings(
    case: Case,
    chosen: list[Item],
    decisions: dict[str, Decision],
    scheme: Numbering,
    base: dict[str, object],
    words: dict[str, str],
) -> list[Heading]:
    """The follow-ups grouped under the top-level sections of the earlier 質問書."""
    record = case.record
    headings: list[Heading] = []
    by_section: dict[str, Heading] = {}
    for item in chosen:
        sections = record.section_for(item.ref)
        top = sections[0] if sections else None
        key = top.ref if top else ""
        if key not in by_section:
            by_section[key] = Heading(scheme.heading(len(by_section) + 1), top.title if top else "その他")
            headings.append(by_section[key])
        heading = by_section[key]
        heading.questions.append(
            Question(
                number=scheme.question(len(heading.questions) + 1),
                text=letter_text(decisions[item.ref].text or ""),
                source_ref=item.ref,
                citation=_citation(case, item.ref, base, words),
            )
        )
    return headings


def _added_heading(added: list[AddedQuestion], scheme: Numbering, position: int) -> Heading:
    heading = Heading(scheme.heading(position), "新たな質問")
    for q in added:
        heading.questions.append(
            Question(scheme.question(len(heading.questions) + 1), letter_text(q.text), None, None)
        )
    return heading


def _appendix(case: Case) -> list[AppendixRow]:
    rows = []
    for verdict, item in case.rows():
        label = label_ja(verdict.label)
        earlier = "、".join(label_ja(s.verdict.label) for s in case.steps.get(item.ref, []))
        if earlier:
            label += f"(以前: {earlier})"
        rows.append(AppendixRow(item.ref, gist(item.asked, 80), label, verdict.trigger or ""))
    return rows


def compose(
    case: Case,
    decisions: dict[str, Decision],
    *,
    date: dt.date,
    deadline: dt.date | None = None,
    deadline_days: int | None = None,
    added: list[AddedQuestion] | None = None,
    numbering: str = "original",
) -> Letter:
    """What the letter says: the chosen follow-ups under their headings, and around them."""
    record, templates = case.record, case.templates
    if deadline is None and deadline_days is not None:
        deadline = add_business_days(date, deadline_days)
    chosen = [it for it in record.items if (d := decisions.get(it.ref)) and d.action == "followup"]
    added = added or []
    if not chosen and not added:
        raise FollowupError("再質問する項目がありません(すべて「回答あり」か「見送り」です)。")
    base = _base_values(record, deadline, templates)
    words = letter_wording(templates)
    scheme = numbering_scheme(record, numbering)
    headings = _headings(case, chosen, decisions, scheme, base, words)
    if added:
        headings.append(_added_heading(added, scheme, len(headings) + 1))
    sender = [record.asker.name] + ([f"({record.asker.short_name})"] if record.asker.short_name else [])
    return _cleaned(
        Letter(
            date=to_wareki(date),
            addressee=addressee(record),
            sender=sender,
            title=_render(words["title"], base, templates),
            preamble=_render(words["preamble"], base, templates),
            headings=headings,
            deadline_text=_render(words["deadline"], base, templates),
            contact=record.questions.contact,
            appendix_title=_render(words["appendix_title"], base, templates),
            appendix_note=_render(words["appendix_note"], base, templates),
            appendix=_appendix(case),
            author=record.asker.name,
            deadline=deadline,
            issued=date,
        )
    )


def _cleaned(value: Any) -> Any:
    """Every text of the letter as the document prints it (see `letter_text`)."""
    if isinstance(value, str):
        return letter_text(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{f.name: _cleaned(getattr(value, f.name)) for f in dataclasses.fields(value)}
        )
    return value
