"""The 再質問書 as the record of the next round: no answers yet, each item linked to the
earlier item it follows up, so that `import --record` can take the reply into it and
`status` can follow every question through the rounds."""

from __future__ import annotations

from pathlib import Path

from followup.draft.content import Letter
from followup.numbering import join_ref
from followup.records import Item, Party, QuestionsMeta, Record, Respondent, Section
from followup.rounds import relative_previous


def next_round_record(record: Record, record_path: Path, letter: Letter, target: Path) -> Record:
    sections: list[Section] = []
    items: list[Item] = []
    for heading in letter.headings:
        if heading.number and heading.title:
            sections.append(Section(ref=heading.number, title=heading.title))
        for q in heading.questions:
            ref = (
                join_ref(heading.number, q.number, _bare(heading.number), _bare(q.number))
                if heading.number
                else q.number
            )
            items.append(Item(ref=ref, question=q.text, follows=list(q.source_refs)))
    return Record(
        round=record.round + 1,
        previous=relative_previous(record_path, target),
        questions=QuestionsMeta(
            title=letter.title,
            date=letter.issued,
            deadline=letter.deadline,
            preamble=letter.preamble,
            contact=letter.contact,
        ),
        asker=Party.model_validate(record.asker.model_dump()),
        respondent=Respondent.model_validate(record.respondent.model_dump()),
        sections=sections,
        items=items,
    )


def _bare(token: str) -> bool:
    return not token.endswith((")", "]", "）", "］"))


def next_record_path(output: Path, round_number: int) -> Path:
    """`再質問書.r2.yaml` beside `再質問書.docx`: a name of its own, never the input's."""
    stem = output.name[: -len(output.suffix)] if output.suffix else output.name
    return output.with_name(f"{stem}.r{round_number}.yaml")
