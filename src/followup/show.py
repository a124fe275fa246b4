"""`followup show`: the record as an organizer checks an import — ref, gist, answer, merges."""

from __future__ import annotations

from followup.display import gist, width
from followup.records import Record


def render_record(record: Record, columns: int = 80) -> list[str]:
    q, r = record.questions, record.reply
    lines = [
        f"{q.title}" + (f"({q.date.isoformat()})" if q.date else ""),
        f"質問者: {record.asker.name}" + (f"({record.asker.short_name})" if record.asker.short_name else ""),
        f"宛先: {record.respondent.addressee()}",
    ]
    if r.title or r.date:
        lines.append(f"回答: {r.title or '(表題なし)'}" + (f"({r.date.isoformat()})" if r.date else ""))
    answered = sum(1 for it in record.items if it.answer)
    lines.append(f"項目: {len(record.items)} 件(回答あり {answered} 件)")
    lines = [gist(line, columns) for line in lines]
    lines.append("")
    shown_sections: set[str] = set()
    ref_width = min(max((width(it.ref) for it in record.items), default=4), 16)
    text_cols = max(columns - ref_width - 8, 10)
    for item in record.items:
        for section in record.section_for(item.ref):
            if section.ref not in shown_sections:
                shown_sections.add(section.ref)
                lines.append(
                    f"{section.ref} {gist(section.title, max(columns - width(section.ref) - 1, 20))}"
                )
        pad = " " * (ref_width - width(item.ref))
        lines.append(f"  {item.ref}{pad}  問: {gist(item.asked, text_cols)}")
        blank = " " * ref_width
        if item.merged:
            lines.append(f"  {blank}  ※ {gist('・'.join(item.merged) + ' とまとめて回答', text_cols + 2)}")
        answer = gist(item.answer, text_cols) if item.answer else "(回答なし)"
        lines.append(f"  {blank}  答: {answer}")
    if record.unmatched:
        lines.append("")
        lines.append(f"質問と対応づけられなかった回答書の項目: {len(record.unmatched)} 件")
        for u in record.unmatched:
            lines.append(f"  {u.ref or '(番号なし)'}  {gist(u.text or u.answer, text_cols)}")
    return lines
