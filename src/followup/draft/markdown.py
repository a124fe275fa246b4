"""A Markdown preview of the same letter (`draft --format md`)."""

from __future__ import annotations

from followup.draft.content import Letter


def build_markdown(letter: Letter, *, appendix: bool = True) -> str:
    lines = [f"<div align=right>{letter.date}</div>", "", letter.addressee, ""]
    lines += [f"<div align=right>{s}</div>" for s in letter.sender]
    lines += ["", f"# {letter.title}", "", letter.preamble, "", "<center>記</center>", ""]
    notes = []
    for heading in letter.headings:
        lines += [f"## {heading.number} {heading.title}", ""]
        for q in heading.questions:
            mark = ""
            if q.citation:
                notes.append(q.citation)
                mark = f"[^{len(notes)}]"
            lines += [f"{q.number} {q.text}{mark}", ""]
    lines += ["<div align=right>以上</div>", ""]
    if letter.deadline_text:
        lines += [letter.deadline_text, ""]
    if letter.contact:
        lines += [letter.contact, ""]
    if appendix:
        lines += [
            f"## {letter.appendix_title}",
            "",
            "| 番号 | 質問の要旨 | 判定 | 該当箇所 |",
            "|---|---|---|---|",
        ]
        for row in letter.appendix:
            cells = [c.replace("|", "｜") for c in (row.ref, row.gist, row.label, row.trigger)]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += [f"[^{i}]: {n}" for i, n in enumerate(notes, start=1)]
    return "\n".join(lines) + "\n"
