"""What the 再質問書 says, independent of the file format it is written in.

The shape follows real follow-up letters (shared notes, real-letters.md): the earlier
質問書 and the reply named once with their short names, the late reply and one plain
sentence of the verdict; one follow-up per answer under the 質問書's own sections, the
high-priority ones first and marked; the deadline, a request to meet and a notice of
publication before 以上; the status table only on request, as a 別紙.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from followup.case import Case
from followup.datafiles import LETTER, load_overlay
from followup.dates import add_business_days, to_wareki
from followup.decisions import AddedQuestion, Decision
from followup.draft.units import DateFormat, Unit, by_priority, group_units, write_texts
from followup.errors import FollowupError, UsageProblem
from followup.labels import Label
from followup.numbering import int_to_kanji, match_marker
from followup.quotes import fullwidth_parens, tidy
from followup.records import Item, Record
from followup.sanitize import REPLACEMENT
from followup.templating import render_string
from followup.textio import clean_text
from followup.wording import consecutive, honorific, short_names, span, words

NumberingStyle = Literal["original", "formal"]
NUMBERING_STYLES: tuple[NumberingStyle, ...] = ("original", "formal")
Era = Literal["auto", "seireki", "wareki"]
ERAS: tuple[Era, ...] = ("auto", "seireki", "wareki")
TITLE_LIMIT = 30  # full-width characters of a 14pt title on one A4 line with 25 mm margins
SUMMARY_LIMIT = 60  # characters of a question's summary in the appendix
_WESTERN_YEAR = re.compile(r"(?:19|20)[0-9]{2}\s*年")
_JAPANESE_YEAR = re.compile(r"(?:令和|平成|昭和)\s*(?:[0-9]{1,2}|元|[一二三四五六七八九十]{1,3})\s*年")
_UNPRINTED_FIELDS = frozenset({"number", "ref", "source_refs"})  # refs stay as the 質問書 wrote them


@dataclass
class Question:
    number: str
    text: str
    source_refs: list[str] = field(default_factory=list)
    citation: str | None = None
    high: bool = False

    @property
    def source_ref(self) -> str | None:
        return self.source_refs[0] if self.source_refs else None


@dataclass
class Heading:
    number: str  # "" in a letter with no sections (its questions carry the top-level numbers)
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
    title_lines: list[str]
    opening: list[str]
    headings: list[Heading]
    closing: list[str]
    contact: str | None
    appendix_heading: str
    appendix_title: str
    appendix_columns: list[str]
    appendix_note: str
    appendix: list[AppendixRow]
    author: str
    deadline: dt.date | None
    issued: dt.date
    high_mark: str = "【重点】"
    warnings: list[str] = field(default_factory=list)

    @property
    def preamble(self) -> str:
        return "\n".join(self.opening)


@dataclass(frozen=True)
class LetterSettings:
    date: dt.date
    deadline: dt.date | None = None
    deadline_days: int | None = None
    numbering: str = "original"
    era: str = "auto"
    meeting: bool = False
    publish: bool = False
    footnotes: bool = False
    reviewed: bool = True
    added: tuple[AddedQuestion, ...] = ()


def letter_text(text: str) -> str:
    """Text as the letter prints it: the marks left where control characters were
    (「�」, shown on screen so the organizer sees them) are dropped from the document."""
    return clean_text(text).replace(REPLACEMENT, "")


def _render(source: str, values: dict[str, object], templates: Path | None) -> str:
    return render_string(source, values, templates, LETTER)


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
    if marker is None and top and top[0] in "一二三四五六七八九十":
        return _SCHEMES["kanji"]  # 「一」 alone, as a 質問主意書 numbers its items
    return _SCHEMES.get(marker.scheme, FORMAL) if marker else FORMAL


def addressee(record: Record) -> str:
    """「地方公共団体情報システム機構 理事長 西尾勝 様」, or the body 御中 when no person is named."""
    head = record.respondent
    parts = [head.body] + [p for p in (head.head_title, head.head_name) if p and p != head.body]
    name = " ".join(parts)
    return name + (" 様" if head.head_name or head.head_title else " 御中")


def seireki(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def date_format(record: Record, era: str) -> DateFormat:
    """西暦 or 和暦: as asked, or (auto) as the earlier 質問書 wrote its years."""
    if era not in ERAS:
        raise UsageProblem(f"--era「{era}」は使えません(使えるもの: {', '.join(ERAS)})。")
    if era == "auto":
        text = (record.questions.preamble or "") + "".join(it.question or "" for it in record.items)
        text += "".join(s.context or "" for s in record.sections)
        western, japanese = len(_WESTERN_YEAR.findall(text)), len(_JAPANESE_YEAR.findall(text))
        era = "seireki" if western > japanese else "wareki"
    return seireki if era == "seireki" else to_wareki


def title_lines(title: str, breaks: list[str], limit: int = TITLE_LIMIT) -> list[str]:
    """The title on one line, or broken after the natural point nearest its middle."""
    if len(title) <= limit:
        return [title]
    points = {m.end() for word in breaks for m in re.finditer(re.escape(word), title)}
    fitting = [p for p in points if 0 < p < len(title) and p <= limit and len(title) - p <= limit]
    if not fitting:
        return [title]
    cut = min(fitting, key=lambda p: abs(p - len(title) / 2))
    return [title[:cut], title[cut:]]


def _values(case: Case, settings: LetterSettings, date: DateFormat) -> dict[str, object]:
    record, templates = case.record, case.templates
    deadline = settings.deadline
    if deadline is None and settings.deadline_days is not None:
        deadline = add_business_days(settings.date, settings.deadline_days)
    rows = case.rows()
    return {
        **short_names(record, templates),
        "earlier_title": record.questions.title,
        "asked_date": date(record.questions.date) if record.questions.date else "",
        "asked_by": date(record.questions.deadline) if record.questions.deadline else "",
        "reply_date": date(record.reply.date) if record.reply.date else "",
        "reply_title": record.reply.title or "",
        "honorific": honorific(record.respondent.body, templates),
        "respondent": record.respondent.body,
        "deadline": date(deadline) if deadline else "",
        "deadline_value": deadline,
        "total": len(rows),
        "not_answered": sum(1 for verdict, _ in rows if verdict.label != Label.ANSWERED),
        "reviewed": settings.reviewed,
        "has_contact": bool(contact_lines(record, templates)),
    }


def _late(record: Record) -> bool:
    asked_by, replied = record.questions.deadline, record.reply.date
    return bool(asked_by and replied and replied > asked_by)


def opening(case: Case, values: dict[str, object], wording: dict[str, Any]) -> list[str]:
    """The earlier letters named once, the late reply, the verdict, the request."""
    render = lambda key: _render(str(wording[key]), values, case.templates)  # noqa: E731
    first = render("opening")
    if _late(case.record):
        first += render("late")
    paragraphs = [first]
    if values["not_answered"]:
        paragraphs.append(render("verdict") + render("request"))
    else:
        paragraphs.append(render("request"))
    return paragraphs


def asked_to_meet(record: Record, templates: Path | None) -> bool:
    text = (record.questions.preamble or "") + (record.questions.contact or "")
    return bool(words(templates).meeting.search(text))


def closing(
    case: Case, settings: LetterSettings, values: dict[str, object], wording: dict[str, Any]
) -> list[str]:
    """Before 以上: the deadline, a request to meet, the notice of publication."""
    out = []
    if values["deadline"]:
        out.append(_render(str(wording["deadline"]), values, case.templates))
    if settings.meeting or asked_to_meet(case.record, case.templates):
        out.append(_render(str(wording["meeting"]), values, case.templates))
    if settings.publish:
        out.append(_render(str(wording["publish"]), values, case.templates))
    return out


def contact_lines(record: Record, templates: Path | None) -> list[str]:
    """The group's contact as the record gives it, without placeholders such as 「(略)」."""
    raw = getattr(record.asker, "contact", None) or record.questions.contact or ""
    placeholder = words(templates).placeholder
    lines = [line.strip() for line in raw.split("\n") if line.strip() and not placeholder.search(line)]
    if len(lines) == 1 and lines[0].endswith(("お願いします。", "ください。")) and "以下" in lines[0]:
        return []  # only the lead-in to a contact that was left out
    return lines


def sender(record: Record, wording: dict[str, Any], templates: Path | None) -> list[str]:
    """The group, its short name, its representative and address, as the record gives them."""
    asker = record.asker
    lines = [asker.name]
    if asker.short_name:
        lines.append(_render(str(wording["short_name"]), {"short_name": asker.short_name}, templates))
    representative = getattr(asker, "representative", None)
    if representative:
        lines.append(_render(str(wording["representative"]), {"representative": representative}, templates))
    address = getattr(asker, "address", None)
    if address:
        lines += [line.strip() for line in address.split("\n") if line.strip()]
    return lines


def _citation(case: Case, unit: Unit, values: dict[str, object], wording: dict[str, Any]) -> str:
    """The footnote of a follow-up: the whole question and answer the text quotes from."""
    first = unit.items[0]
    original = unit.subject.original(first) if unit.subject else first.asked
    note = _render(
        str(wording["citation"]),
        {
            **values,
            "ref": span(unit.refs, consecutive(case.record, unit.refs)),
            "question": tidy(original),
            "answer": tidy(first.answer) or str(wording["no_answer"]),
        },
        case.templates,
    )
    date = values["date_format"]
    for step in case.steps.get(first.ref, []):
        when = date(step.record.reply.date) if step.record.reply.date else "日付不明"  # type: ignore[operator]
        note += _render(
            str(wording["earlier_citation"]),
            {
                **values,
                "date": when,
                "ref": step.ref,
                "answer": tidy(step.item.answer) or str(wording["no_answer"]),
            },
            case.templates,
        )
    return note


@dataclass
class _Sections:
    """Units under the top-level sections of the earlier 質問書, in the record's order."""

    keys: list[str] = field(default_factory=list)
    units: dict[str, list[Unit]] = field(default_factory=dict)

    def add(self, key: str, unit: Unit) -> None:
        if key not in self.units:
            self.keys.append(key)
            self.units[key] = []
        self.units[key].append(unit)


def _question(unit: Unit, number: str, citation: str | None) -> Question:
    return Question(number, letter_text(unit.text), unit.refs, citation, unit.decision.priority == "high")


def headings(
    case: Case, units: list[Unit], scheme: Numbering, wording: dict[str, Any], cite: Any
) -> list[Heading]:
    """The follow-ups grouped under the sections of the earlier 質問書, higher priority first
    within a section; a 質問書 without sections gives one untitled heading."""
    record = case.record
    sections = _Sections()
    for unit in units:
        enclosing = record.section_for(unit.items[0].ref)
        sections.add(enclosing[0].ref if enclosing else "", unit)
    titled = any(sections.keys)
    out: list[Heading] = []
    for key in sections.keys:
        heading = (
            Heading(scheme.heading(len(out) + 1), _section_title(record, key, wording))
            if titled
            else Heading("", "")
        )
        numbers = scheme.question if titled else scheme.heading
        for unit in by_priority(sections.units[key]):
            heading.questions.append(_question(unit, numbers(len(heading.questions) + 1), cite(unit)))
        out.append(heading)
    return out


def _section_title(record: Record, key: str, wording: dict[str, Any]) -> str:
    section = next((s for s in record.sections if s.ref == key), None)
    return section.title if section else str(wording["other_title"])


def added_heading(added: list[AddedQuestion], scheme: Numbering, heads: list[Heading], title: str) -> Heading:
    """「新たな質問」: numbered on after the follow-ups in a letter without sections."""
    ordered = sorted(added, key=lambda q: {"high": 0, "normal": 1, "low": 2}.get(q.priority, 1))
    untitled = bool(heads) and heads[0].number == ""
    start = sum(len(h.questions) for h in heads) if untitled else 0
    heading = Heading("" if untitled else scheme.heading(len(heads) + 1), title)
    for q in ordered:
        n = len(heading.questions) + 1
        number = scheme.heading(start + n) if untitled else scheme.question(n)
        heading.questions.append(Question(number, letter_text(q.text), [], None, q.priority == "high"))
    return heading


def summary(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """A question cut to `limit` characters at a word boundary (after 、 or 。 or a particle)."""
    text = tidy(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    at = max(cut.rfind("、"), cut.rfind("。"), cut.rfind("」"))
    if at < limit // 2:
        particles = [m.end() for m in re.finditer(r"[をにがはでとの](?=[^をにがはでとの])", cut)]
        at = particles[-1] - 1 if particles and particles[-1] > limit // 2 else limit - 1
    return cut[: at + 1].rstrip("、") + "…"


def appendix_rows(case: Case, wording: dict[str, Any]) -> list[AppendixRow]:
    labels: dict[str, str] = dict(wording["appendix_labels"])
    rows = []
    for verdict, item in case.rows():
        label = labels.get(verdict.label, verdict.label)
        earlier = "、".join(
            labels.get(s.verdict.label, s.verdict.label) for s in case.steps.get(item.ref, [])
        )
        if earlier:
            label += _render(str(wording["appendix_earlier"]), {"earlier": earlier}, case.templates)
        rows.append(AppendixRow(item.ref, summary(item.asked), label, tidy(verdict.trigger)))
    return rows


def _chosen(record: Record, decisions: dict[str, Decision]) -> list[Item]:
    return [it for it in record.items if (d := decisions.get(it.ref)) and d.action == "followup"]


def compose(case: Case, decisions: dict[str, Decision], settings: LetterSettings) -> Letter:
    """What the letter says: the opening, the follow-ups under their headings, the closing."""
    record, templates = case.record, case.templates
    chosen, added = _chosen(record, decisions), list(settings.added)
    if not chosen and not added:
        raise FollowupError("再質問する項目がありません(すべて「回答あり」か「見送り」です)。")
    wording = load_overlay(LETTER, templates)
    date = date_format(record, settings.era)
    values = {**_values(case, settings, date), "date_format": date}
    units = group_units(case, chosen, decisions)
    write_texts(case, units, date)
    cite = (lambda u: _citation(case, u, values, wording)) if settings.footnotes else (lambda u: None)
    scheme = numbering_scheme(record, settings.numbering)
    heads = headings(case, units, scheme, wording, cite)
    if added:
        heads.append(added_heading(added, scheme, heads, str(wording["added_title"])))
    contact = contact_lines(record, templates)
    title = _render(str(wording["title"]), values, templates)
    return _cleaned(
        Letter(
            date=date(settings.date),
            addressee=addressee(record),
            sender=sender(record, wording, templates),
            title=title,
            title_lines=title_lines(title, list(wording["title_breaks"])),
            opening=opening(case, values, wording),
            headings=heads,
            closing=closing(case, settings, values, wording),
            contact="\n".join(contact) or None,
            appendix_heading=str(wording["appendix_heading"]),
            appendix_title=_render(str(wording["appendix_title"]), values, templates),
            appendix_columns=[str(c) for c in wording["appendix_columns"]],
            appendix_note=_render(str(wording["appendix_note"]), values, templates),
            appendix=appendix_rows(case, wording),
            author=record.asker.name,
            deadline=values["deadline_value"],  # type: ignore[arg-type]
            issued=settings.date,
            high_mark=str(wording["high_mark"]),
            warnings=[] if contact else [NO_CONTACT],
        )
    )


NO_CONTACT = (
    "注意: 記録に差出人の連絡先がありません(asker.contact か questions.contact)。"
    "回答の送り先を書き足してから送ってください。"
)


def _cleaned(value: Any, name: str = "") -> Any:
    """Every text of the letter as the document prints it (see `letter_text`), with
    full-width parentheses around Japanese text (refs keep theirs)."""
    if isinstance(value, str):
        text = letter_text(value)
        return text if name in _UNPRINTED_FIELDS else fullwidth_parens(text)
    if isinstance(value, list):
        return [_cleaned(v, name) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{f.name: _cleaned(getattr(value, f.name), f.name) for f in dataclasses.fields(value)}
        )
    return value
