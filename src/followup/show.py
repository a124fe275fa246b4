"""`followup show`: the record as an organizer checks an import — ref, gist, answer, merges;
and `followup show REC REF`: one item in full, its answer marked clause by clause."""

from __future__ import annotations

from followup.case import Case
from followup.clauses import clause_lines
from followup.dates import to_wareki
from followup.display import fold, gist, width
from followup.errors import UsageProblem
from followup.labels import label_ja
from followup.records import Item, Record
from followup.rounds import Step
from followup.triage import Verdict


def _header(record: Record, columns: int) -> list[str]:
    q, r = record.questions, record.reply
    short = f"({record.asker.short_name})" if record.asker.short_name else ""
    lines = [
        f"{q.title}" + (f"({q.date.isoformat()})" if q.date else ""),
        f"質問者: {record.asker.name}{short}",
        f"宛先: {record.respondent.addressee()}",
    ]
    if r.title or r.date:
        lines.append(f"回答: {r.title or '(表題なし)'}" + (f"({r.date.isoformat()})" if r.date else ""))
    answered = sum(1 for it in record.items if it.answer)
    lines.append(f"項目: {len(record.items)} 件(回答あり {answered} 件)")
    return [gist(line, columns) for line in lines]


def _item_lines(item: Item, ref_width: int, text_cols: int) -> list[str]:
    pad = " " * (ref_width - width(item.ref))
    blank = " " * ref_width
    lines = [f"  {item.ref}{pad}  問: {gist(item.asked, text_cols)}"]
    if item.merged:
        lines.append(f"  {blank}  ※ {gist('・'.join(item.merged) + ' とまとめて回答', text_cols + 2)}")
    answer = gist(item.answer, text_cols) if item.answer else "(回答なし)"
    lines.append(f"  {blank}  答: {answer}")
    return lines


def render_record(record: Record, columns: int = 80) -> list[str]:
    lines = [*_header(record, columns), ""]
    shown_sections: set[str] = set()
    ref_width = min(max((width(it.ref) for it in record.items), default=4), 16)
    text_cols = max(columns - ref_width - 8, 10)
    for item in record.items:
        for section in record.section_for(item.ref):
            if section.ref not in shown_sections:
                shown_sections.add(section.ref)
                title = gist(section.title, max(columns - width(section.ref) - 1, 20))
                lines.append(f"{section.ref} {title}")
        lines += _item_lines(item, ref_width, text_cols)
    if record.unmatched:
        lines += ["", f"質問と対応づけられなかった回答書の項目: {len(record.unmatched)} 件"]
        for u in record.unmatched:
            lines.append(f"  {u.ref or '(番号なし)'}  {gist(u.text or u.answer, text_cols)}")
    return lines


# -- one item in full: `followup show REC REF` ------------------------------------------


def _block(title: str, text: str | None, columns: int) -> list[str]:
    if not text:
        return []
    return [f"{title}:", *("  " + line for line in fold(text, columns - 2))]


def _verdict_lines(verdict: Verdict, columns: int) -> list[str]:
    label = label_ja(verdict.label)
    if verdict.auto_label:
        label += f"(自動判定は {label_ja(verdict.auto_label)})"
    lines = [f"判定: {label}"]
    if verdict.trigger:
        lines += fold(f"きっかけ: 「{verdict.trigger}」", columns)
    if verdict.reasons:
        lines.append("理由:")
        for reason in verdict.reasons:
            lines += ["  " + line for line in fold(f"・{reason}", columns - 2)]
    return lines


def _earlier_lines(steps: list[Step], columns: int) -> list[str]:
    if not steps:
        return []
    lines = ["これまでの回:"]
    for step in steps:
        date = step.record.reply.date
        when = to_wareki(date) if date else "日付不明"
        lines.append(f"  第{step.round}回 {step.ref} {label_ja(step.verdict.label)} {when}")
        lines += ["    問: " + line for line in fold(step.item.asked, columns - 8)[:1]]
        lines += ["        " + line for line in fold(step.item.asked, columns - 8)[1:]]
        answer = step.item.answer or "(回答なし)"
        folded = fold(answer, columns - 8)
        lines += ["    答: " + folded[0], *("        " + line for line in folded[1:])]
    return lines


def render_item(case: Case, ref: str, columns: int = 80, color: bool = False) -> list[str]:
    """One item in full: question, restated question, answer clause by clause, label,
    trigger, reasons, each sub-question's answer, and the earlier rounds."""
    item = case.record.item(ref)
    if item is None:
        raise UsageProblem(
            f"項目「{ref}」は記録にありません。followup show {case.path} で一覧を確認してください。"
        )
    verdict = case.verdict(ref)
    lines = [item.ref]
    for section in case.record.section_for(ref):
        lines += ["  " + line for line in fold(f"{section.ref} {section.title}", columns - 2)]
    lines.append("")
    if item.merged:
        lines.append(f"※ {'・'.join(item.merged)} とまとめて回答されています。")
    lines += _block("質問", item.question, columns)
    lines += _block("回答書での質問の引用", item.restated, columns)
    lines.append("回答:")
    lines += clause_lines(item, verdict, columns, color, case.lexicon)
    lines.append("")
    lines += _verdict_lines(verdict, columns)
    earlier = _earlier_lines(case.steps.get(ref, []), columns)
    return [*lines, *([""] if earlier else []), *earlier]
