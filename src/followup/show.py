"""`followup show`: the record as an organizer checks an import — ref, gist, answer, merges."""

from __future__ import annotations

from followup.display import gist, width
from followup.records import Item, Record


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
