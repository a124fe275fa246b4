"""`followup import`: build an exchange record from a 質問書 and its 回答書.

The 質問書 gives the items (refs, original wording, sections and their context); the
reply gives restatements and answers, paired to the items by ref and text.  Nothing is
dropped silently: reply items that pair with no question are kept under `unmatched`, and
the summary lists every gap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from followup.align import Side, align
from followup.errors import InputError
from followup.metadata import Header, find_deadline, read_contact, read_header, split_addressee, split_party
from followup.parser import Node, ParsedDocument, parse_document
from followup.records import (
    Item,
    Party,
    QuestionsMeta,
    Record,
    ReplyMeta,
    Respondent,
    Section,
    Unmatched,
)
from followup.textio import read_document
from followup.textnorm import comparable

INFERRED_MERGE_MIN_RESTATED = 0.5


@dataclass
class ImportSummary:
    items: int = 0
    answered: int = 0
    merged_groups: list[list[str]] = field(default_factory=list)
    missing_in_reply: list[str] = field(default_factory=list)
    unmatched_reply: list[str] = field(default_factory=list)
    restated_differs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        merged_refs = sum(len(g) for g in self.merged_groups)
        out = [
            f"質問項目: {self.items} 件(回答あり {self.answered} 件、"
            f"回答なし {self.items - self.answered} 件、まとめて回答 {merged_refs} 件)"
        ]
        if self.merged_groups:
            out.append("まとめて回答された項目: " + " / ".join("・".join(g) for g in self.merged_groups))
        out.append("回答書に見当たらない質問: " + ("、".join(self.missing_in_reply) or "なし"))
        out.append("質問書と対応しない回答書の項目: " + ("、".join(self.unmatched_reply) or "なし"))
        out.append(
            f"回答書の質問の引用が原文と異なる項目: {len(self.restated_differs)} 件"
            + (f"({'、'.join(self.restated_differs)})" if self.restated_differs else "")
        )
        out.extend(f"注意: {w}" for w in self.warnings)
        return out


@dataclass
class _ReplyItem:
    node: Node
    refs: tuple[str, ...]
    text: str
    answer: str | None
    group: int  # reply items sharing one answer share a group number


def _reply_items(doc: ParsedDocument) -> list[_ReplyItem]:
    """Reply items in document order; a run of unanswered siblings right before an
    answered one shares its answer (「1) … 2) … 【回答】 …」)."""
    by_node: dict[int, _ReplyItem] = {}
    group = 0
    for parent in doc.root.walk():
        pending: list[_ReplyItem] = []
        for child in parent.children:
            if child.children and child.answer_paras is None:
                pending = []
                continue
            item = _ReplyItem(child, child.refs, child.text(), child.answer(), -1)
            by_node[id(child)] = item
            if item.answer is None:
                pending.append(item)
                continue
            group += 1
            for waiting in pending:
                waiting.group, waiting.answer = group, item.answer
            item.group = group
            pending = []
        for waiting in pending:
            group += 1
            waiting.group = group
    return [by_node[id(n)] for n in doc.root.walk() if id(n) in by_node]


def _parse(path: Path, *, reply: bool, encoding: str | None = None, ocr: bool = False) -> ParsedDocument:
    doc = parse_document(read_document(path, encoding, ocr=ocr), reply=reply)
    if not doc.items():
        kind = "回答書" if reply else "質問書"
        raise InputError(
            f"{path}: {kind}に番号付きの項目が見つかりません([1]、(1)、1)、一、問1 などの番号で始まる行が必要です)。"
        )
    return doc


def _sections(doc: ParsedDocument) -> list[Section]:
    return [Section(ref=n.ref, title=n.title(), context=n.context() or None) for n in doc.sections()]


@dataclass
class _Letter:
    """One document as read: its numbered body and the letter around it."""

    doc: ParsedDocument
    head: Header


def _read_letter(
    path: Path | None, *, reply: bool, encoding: str | None, ocr: bool = False
) -> _Letter | None:
    if path is None:
        return None
    doc = _parse(path, reply=reply, encoding=encoding, ocr=ocr)
    return _Letter(doc, read_header(doc.header, reply=reply))


@dataclass
class _Letterhead:
    """Who asked whom, when, under what title: the two letters' headers merged, the
    questions' own header first, the reply's as a fallback, explicit dates over both."""

    title: str
    asked: dt.date | None
    answered: dt.date | None
    asker: Party
    respondent: Respondent


def _merge_headers(
    q: _Letter | None, r: _Letter | None, asked_date: dt.date | None, answered_date: dt.date | None
) -> _Letterhead:
    q_head, r_head = (q.head if q else Header()), (r.head if r else Header())
    asker_text = q_head.sender or r_head.addressee
    respondent_text = q_head.addressee or r_head.sender
    asker_name, asker_short = split_party(asker_text) if asker_text else ("", None)
    body, head_title, head_name = split_addressee(respondent_text) if respondent_text else ("", None, None)
    return _Letterhead(
        title=q_head.title or "",
        asked=asked_date or q_head.date or r_head.asked_date,
        answered=answered_date or (r_head.date if r else None),
        asker=Party(name=asker_name, short_name=asker_short),
        respondent=Respondent(body=body, head_title=head_title, head_name=head_name),
    )


def _warn_missing(head: _Letterhead, has_reply: bool, summary: ImportSummary) -> None:
    for label, value in (
        ("質問書の表題", head.title),
        ("質問者", head.asker.name),
        ("回答者", head.respondent.body),
    ):
        if not value:
            summary.warnings.append(f"{label}が見つかりません。記録ファイルを開いて書き足してください。")
    if has_reply and head.answered is None:
        summary.warnings.append("回答の日付が見つかりません。--answered-date で指定できます。")
    if head.asked is None:
        summary.warnings.append("質問の日付が見つかりません。--asked-date で指定できます。")


def _items(
    q: _Letter | None, r: _Letter | None, summary: ImportSummary
) -> tuple[list[Item], list[Unmatched]]:
    """Each question with its own answer; without questions, the reply's items as they come."""
    r_items = _reply_items(r.doc) if r else []
    if q is None:
        return _reply_only(r_items), []
    nodes = q.doc.items()
    paired, unmatched = _pair([_Asked(n.ref, n.text(), id(n.parent)) for n in nodes], r_items, summary)
    items = [
        Item(
            ref=node.ref,
            question=node.text() or None,
            restated=(p.reply.text or None) if p.reply else None,
            answer=p.reply.answer if p.reply else None,
            merged=p.merged,
        )
        for node, p in zip(nodes, paired, strict=True)
    ]
    return items, unmatched


def _reply_meta(r: _Letter | None, answered: dt.date | None) -> ReplyMeta:
    if r is None:
        return ReplyMeta(title=None, date=answered, preamble=None, contact=None)
    return ReplyMeta(
        title=r.head.title,
        date=answered,
        preamble="\n".join(r.head.preamble) or None,
        contact=read_contact(r.doc.trailer),
    )


def _questions_meta(q: _Letter | None, head: _Letterhead) -> QuestionsMeta:
    if q is None:
        return QuestionsMeta(title=head.title, date=head.asked)
    return QuestionsMeta(
        title=head.title,
        date=head.asked,
        deadline=find_deadline("".join(q.head.preamble), head.asked),
        preamble="\n".join(q.head.preamble) or None,
        contact=read_contact(q.doc.trailer),
    )


def import_record(
    questions: Path | None,
    reply: Path | None,
    *,
    asked_date: dt.date | None = None,
    answered_date: dt.date | None = None,
    encoding: str | None = None,
    ocr: bool = False,
    summary: ImportSummary | None = None,
) -> Record:
    """Read the 質問書 and/or the 回答書 (text, .docx, PDF or HTML) and return the record.

    Nothing is written.  `questions=None` reads an interleaved reply or a Q&A table alone;
    `encoding` overrides detection for text and HTML; `ocr` runs `ocrmypdf -l jpn` on a PDF
    without a text layer; `summary`, when given, receives the counts and warnings to show.
    Raises InputError on unusable input.
    """
    if questions is None and reply is None:
        raise InputError("--questions か --reply の少なくとも一方を指定してください。")
    summary = summary if summary is not None else ImportSummary()
    q = _read_letter(questions, reply=False, encoding=encoding, ocr=ocr)
    r = _read_letter(reply, reply=True, encoding=encoding, ocr=ocr)
    head = _merge_headers(q, r, asked_date, answered_date)
    items, unmatched = _items(q, r, summary)
    _summarize(items, summary)
    _warn_missing(head, r is not None, summary)
    sections = _sections(q.doc) if q else _sections(r.doc) if r else []
    return Record(
        questions=_questions_meta(q, head),
        asker=head.asker,
        respondent=head.respondent,
        reply=_reply_meta(r, head.answered),
        sections=sections,
        items=items,
        unmatched=unmatched,
    )


def import_exchange(
    questions: Path | None,
    reply: Path | None,
    *,
    asked_date: dt.date | None = None,
    answered_date: dt.date | None = None,
    encoding: str | None = None,
    ocr: bool = False,
) -> tuple[Record, ImportSummary]:
    """`import_record` with its summary, for callers that show it (the CLI)."""
    summary = ImportSummary()
    record = import_record(
        questions,
        reply,
        asked_date=asked_date,
        answered_date=answered_date,
        encoding=encoding,
        ocr=ocr,
        summary=summary,
    )
    return record, summary


@dataclass(frozen=True)
class _Asked:
    """A question to pair: its ref, its wording, and the group it sits in (a question lost
    from a reply may share the answer of its next sibling in the same group)."""

    ref: str
    text: str
    group: object


@dataclass(frozen=True)
class _Paired:
    reply: _ReplyItem | None
    merged: list[str]


def _pair(
    asked: list[_Asked], r_items: list[_ReplyItem], summary: ImportSummary
) -> tuple[list[_Paired], list[Unmatched]]:
    pairs = (
        align([Side((a.ref,), a.text) for a in asked], [Side(r.refs, r.text) for r in r_items])
        if r_items
        else {}
    )
    _infer_lost_restatements(asked, r_items, pairs, summary)
    group_members: dict[int, list[str]] = {}
    for qi, ri in sorted(pairs.items()):
        group_members.setdefault(r_items[ri].group, []).append(asked[qi].ref)
    out = []
    for qi, question in enumerate(asked):
        r = r_items[pairs[qi]] if qi in pairs else None
        merged = [ref for ref in group_members.get(r.group, []) if ref != question.ref] if r else []
        out.append(_Paired(r, merged))
        if r is None and r_items:
            summary.missing_in_reply.append(question.ref)
    return out, _unmatched(r_items, set(pairs.values()), summary)


def _unmatched(r_items: list[_ReplyItem], used: set[int], summary: ImportSummary) -> list[Unmatched]:
    """Reply items paired with no question: kept in the record and named in the summary."""
    unmatched = []
    for ri, r in enumerate(r_items):
        if ri not in used:
            unmatched.append(Unmatched(ref=r.refs[0] or None, text=r.text or None, answer=r.answer))
            summary.unmatched_reply.append(f"{r.refs[0] or '(番号なし)'}(回答書 {r.node.line_no} 行目)")
    return unmatched


def _infer_lost_restatements(
    asked: list[_Asked], r_items: list[_ReplyItem], pairs: dict[int, int], summary: ImportSummary
) -> None:
    """A reply that restates its questions but lacks one line (an OCR or typing loss) right
    before an answered sibling: the lost item most likely shared that answer.  Said aloud."""
    if not r_items:
        return
    restated = sum(1 for ri in pairs.values() if r_items[ri].text)
    if restated < INFERRED_MERGE_MIN_RESTATED * len(asked):
        return
    for qi in range(len(asked) - 1):
        if qi in pairs or (qi + 1) not in pairs:
            continue
        question, following = asked[qi], asked[qi + 1]
        if question.group != following.group:
            continue
        nxt = r_items[pairs[qi + 1]]
        before = pairs.get(qi - 1)
        if nxt.answer is None or (before is not None and before != pairs[qi + 1] - 1):
            continue
        pairs[qi] = pairs[qi + 1]
        summary.warnings.append(
            f"{question.ref} は回答書に見当たりません。直後の {following.ref} と同じ回答を共有するものとして取り込みました(要確認)。"
        )


def import_reply(
    record: Record,
    reply: Path,
    *,
    answered_date: dt.date | None = None,
    encoding: str | None = None,
    ocr: bool = False,
    summary: ImportSummary | None = None,
) -> Record:
    """Fill in the answers of a record whose questions were sent (a later round): pair by
    the record's own numbering; links to earlier rounds (`follows`) are kept.  Writes nothing."""
    summary = summary if summary is not None else ImportSummary()
    r_doc = _parse(reply, reply=True, encoding=encoding, ocr=ocr)
    r = _Letter(r_doc, read_header(r_doc.header, reply=True))
    asked = []
    for item in record.items:
        sections = record.section_for(item.ref)
        asked.append(_Asked(item.ref, item.asked, sections[-1].ref if sections else None))
    paired, unmatched = _pair(asked, _reply_items(r.doc), summary)
    items = [
        item.model_copy(
            update={
                "restated": (p.reply.text or None) if p.reply else None,
                "answer": p.reply.answer if p.reply else None,
                "merged": p.merged,
            }
        )
        for item, p in zip(record.items, paired, strict=True)
    ]
    _summarize(items, summary)
    answered = answered_date or r.head.date
    if answered is None:
        summary.warnings.append("回答の日付が見つかりません。--answered-date で指定できます。")
    updated = record.model_copy(
        update={"items": items, "unmatched": unmatched, "reply": _reply_meta(r, answered)}
    )
    return Record.model_validate(updated.model_dump())


def import_reply_into(
    record: Record,
    reply: Path,
    *,
    answered_date: dt.date | None = None,
    encoding: str | None = None,
    ocr: bool = False,
) -> tuple[Record, ImportSummary]:
    """`import_reply` with its summary, for callers that show it (the CLI)."""
    summary = ImportSummary()
    updated = import_reply(
        record, reply, answered_date=answered_date, encoding=encoding, ocr=ocr, summary=summary
    )
    return updated, summary


def _reply_only(r_items: list[_ReplyItem]) -> list[Item]:
    groups: dict[int, list[str]] = {}
    for r in r_items:
        for ref in r.refs:
            groups.setdefault(r.group, []).append(ref)
    items: list[Item] = []
    seen: set[str] = set()
    for r in r_items:
        for ref in r.refs:
            if ref in seen:
                continue
            seen.add(ref)
            items.append(
                Item(
                    ref=ref,
                    restated=r.text or None,
                    answer=r.answer,
                    merged=[m for m in groups[r.group] if m != ref],
                )
            )
    return items


def _summarize(items: list[Item], summary: ImportSummary) -> None:
    summary.items = len(items)
    summary.answered = sum(1 for it in items if it.answer)
    seen: set[str] = set()
    for it in items:
        if it.merged and it.ref not in seen:
            group = [it.ref, *it.merged]
            seen.update(group)
            summary.merged_groups.append(group)
        if it.question and it.restated and comparable(it.question) != comparable(it.restated):
            summary.restated_differs.append(it.ref)
