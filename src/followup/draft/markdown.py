"""A Markdown preview of the same letter (`draft --format md`)."""

from __future__ import annotations

from followup.draft.content import Letter


def _body(letter: Letter, notes: list[str]) -> list[str]:
    lines: list[str] = []
    for heading in letter.headings:
        line = " ".join(part for part in (heading.number, heading.title) if part)
        if line:
            lines += [f"## {line}", ""]
        for q in heading.questions:
            mark = ""
            if q.citation:
                notes.append(q.citation)
                mark = f"[^{len(notes)}]"
            high = letter.high_mark if q.high else ""
            lines += [f"{q.number} {high}{q.text}{mark}", ""]
    return lines


def _appendix(letter: Letter) -> list[str]:
    lines = ["---", "", letter.appendix_heading, "", f"## {letter.appendix_title}", ""]
    lines += ["| " + " | ".join(letter.appendix_columns) + " |", "|" + "---|" * len(letter.appendix_columns)]
    for row in letter.appendix:
        cells = [c.replace("|", "｜") for c in (row.ref, row.gist, row.label, row.trigger)]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, "", letter.appendix_note, ""]


def build_markdown(letter: Letter, *, appendix: bool = False) -> str:
    lines = [f"<div align=right>{letter.date}</div>", "", letter.addressee, ""]
    lines += [f"<div align=right>{s}</div>" for s in letter.sender]
    lines += ["", f"# {letter.title}", ""]
    for paragraph in letter.opening:
        lines += [paragraph, ""]
    lines += ["<center>記</center>", ""]
    notes: list[str] = []
    lines += _body(letter, notes)
    for paragraph in letter.closing:
        lines += [paragraph, ""]
    lines += ["<div align=right>以上</div>", ""]
    if letter.contact:
        lines += [*letter.contact.split("\n"), ""]
    lines += [f"[^{i}]: {n}" for i, n in enumerate(notes, start=1)]
    if appendix:
        lines += ["", *_appendix(letter)]
    return "\n".join(lines) + "\n"
