"""`followup draft`: a case and its decisions in, a 再質問書 out.

`plan_draft` decides everything and returns the letter with the files it will write;
`write_draft` writes them together (every file to a temp first, renamed only when all
succeeded) after checking that none of them is a file the draft read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from followup.case import Case, open_case
from followup.decisions import Decision
from followup.draft.content import Letter, LetterSettings, compose
from followup.draft.docx_writer import DEFAULT_FONT, build_docx
from followup.draft.markdown import build_markdown
from followup.draft.next_round import next_record_path, next_round_record
from followup.errors import OutputError, UsageProblem
from followup.office import convert, soffice
from followup.ooxml import sanitize_reference_docx
from followup.outputs import Output, refuse_clashes, refuse_existing, write_all
from followup.records import Record, dump_record

Format = Literal["docx", "md"]
Citations = Literal["plain", "footnotes"]
Era = Literal["auto", "seireki", "wareki"]
Undecided = Literal["refuse", "accept", "omit"]
SUFFIXES: dict[str, str] = {"docx": ".docx", "md": ".md"}


@dataclass(frozen=True)
class DraftOptions:
    date: dt.date
    deadline: dt.date | None = None
    deadline_days: int | None = None
    fmt: Format = "docx"
    font: str | None = None
    citations: Citations = "plain"
    appendix: bool = False
    reference: Path | None = None
    numbering: str = "original"
    reference_data: bytes | None = None  # the reference as checked and stripped (`prepare_reference`)
    era: Era = "auto"
    meeting: bool = False
    publish: bool = False

    @property
    def footnotes(self) -> bool:
        return self.citations in ("footnotes", "footnote")


@dataclass
class DraftPlan:
    letter: Letter
    decisions: dict[str, Decision]
    next_record: Record | None
    left_out: list[str] = field(default_factory=list)  # undecided or stale refs not in the letter
    filled: list[str] = field(default_factory=list)  # refs given the first suggestion

    @property
    def warnings(self) -> list[str]:
        return self.letter.warnings


def choose_decisions(case: Case, undecided: Undecided) -> tuple[dict[str, Decision], list[str], list[str]]:
    """The organizer's decisions, and what to do with the flagged items they did not decide.

    By default a draft with undecided or stale items is refused: a letter that silently
    leaves out fifteen of seventeen items is the worst outcome.  `accept` fills them with
    the first suggestion; `omit` leaves them out and says so."""
    decisions = dict(case.decisions)
    missing = case.undecided()
    if not missing:
        return decisions, [], []
    if undecided == "accept":
        for ref in missing:
            decisions[ref] = case.suggested_decision(ref)
        return decisions, [], missing
    if undecided == "omit":
        return decisions, missing, []
    edited = [ref for ref in missing if ref in case.stale]
    shown = "、".join(missing[:10]) + (" ほか" if len(missing) > 10 else "")
    detail = f"(うち判断の後で文章が変わったもの {len(edited)} 件)" if edited else ""
    unknown = [ref for ref in case.stale if case.record.item(ref) is None]
    orphans = (
        f"判断の記録にある {'、'.join(unknown)} は記録ファイルにありません(使いません)。" if unknown else ""
    )
    raise UsageProblem(
        f"{orphans}まだ判断していない項目が {len(missing)} 件あります{detail}: {shown}。"
        "followup review で続けるか、--accept-suggestions(残りに最初の文案を使う)か "
        "--only-decided(判断した項目だけで作る)を指定してください。"
    )


def plan_draft(
    case: Case,
    options: DraftOptions,
    *,
    undecided: Undecided = "refuse",
    next_record_at: Path | None = None,
) -> DraftPlan:
    """The letter and the next round's record, nothing written yet."""
    decisions, left_out, filled = choose_decisions(case, undecided)
    added = case.session.data.added if case.session else []
    settings = LetterSettings(
        date=options.date,
        deadline=options.deadline,
        deadline_days=options.deadline_days,
        numbering=options.numbering,
        era=options.era,
        meeting=options.meeting,
        publish=options.publish,
        footnotes=options.footnotes,
        reviewed=case.session is not None and not filled,
        added=tuple(added),
    )
    letter = compose(case, decisions, settings)
    following = next_round_record(case.record, case.path, letter, next_record_at) if next_record_at else None
    return DraftPlan(letter, decisions, following, left_out, filled)


def render_letter(letter: Letter, options: DraftOptions) -> bytes:
    if options.fmt == "md":
        return build_markdown(letter, appendix=options.appendix).encode("utf-8")
    return build_docx(
        letter,
        font=options.font or DEFAULT_FONT,
        footnotes=options.footnotes,
        appendix=options.appendix,
        reference=options.reference_data or options.reference,
    )


def write_letter(letter: Letter, path: Path, options: DraftOptions, *, force: bool = False) -> None:
    """The letter alone, as .docx or .md by `options.fmt`, written atomically."""
    write_all([Output(path, render_letter(letter, options))], force=force)


def inputs_of(case: Case, options: DraftOptions) -> list[Path]:
    """Every file a draft reads: the rounds, the decisions, the lexicon, the reference."""
    paths = list(case.inputs)
    if options.reference is not None:
        paths.append(options.reference)
    return paths


def output_paths(output: Path, next_record: Path | None, pdf: bool) -> list[Path]:
    """The files a draft writes: the letter, the next round's record, the PDF."""
    paths = [output]
    if next_record is not None:
        paths.append(next_record)
    if pdf:
        paths.append(output.with_suffix(".pdf"))
    return paths


def _check_names(output: Path, options: DraftOptions, next_record: Path | None, pdf: bool) -> None:
    suffix = SUFFIXES[options.fmt]
    if output.suffix.lower() != suffix:
        raise UsageProblem(f"{output}: --format {options.fmt} の出力は {suffix} で終わる名前にしてください。")
    if next_record is not None and next_record.suffix.lower() not in (".yaml", ".yml"):
        raise UsageProblem(f"{next_record}: 次の回の記録ファイルは .yaml で終わる名前にしてください。")
    if pdf and options.fmt != "docx":
        raise UsageProblem("--pdf は --format docx のときだけ使えます。")


def default_next_record(output: Path, case: Case) -> Path:
    return next_record_path(output, case.record.round + 1)


def check_outputs(
    case: Case, options: DraftOptions, output: Path, next_record: Path | None, pdf: bool, force: bool
) -> list[Path]:
    """Before the slow part: no output over an input (even with --force), names that fit
    the format, none existing unless --force.  Returns the paths to write."""
    writes = output_paths(output, next_record, pdf)
    refuse_clashes(inputs_of(case, options), writes)
    _check_names(output, options, next_record, pdf)
    for path in writes:
        refuse_existing(path, force)
    return writes


def write_draft(
    plan: DraftPlan,
    options: DraftOptions,
    output: Path,
    *,
    next_record: Path | None,
    pdf: bool = False,
    force: bool = False,
) -> list[Path]:
    """Write the letter, the next record and the PDF together; returns what was written."""
    payload = render_letter(plan.letter, options)
    outputs = [Output(output, payload)]
    if next_record is not None and plan.next_record is not None:
        outputs.append(Output(next_record, dump_record(plan.next_record).encode("utf-8")))
    if pdf:
        outputs.append(Output(output.with_suffix(".pdf"), convert_to_pdf(payload, output.name)))
    write_all(outputs, force=force)
    return [o.path for o in outputs]


def convert_to_pdf(docx: bytes, name: str) -> bytes:
    """The letter as PDF, made by LibreOffice in a private folder (nothing beside the output)."""
    if soffice() is None:
        raise OutputError(
            "PDF にするには LibreOffice が必要です(soffice が見つかりません)。何も保存していません。"
        )
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / (Path(name).stem + ".docx")
        source.write_bytes(docx)
        return convert(source, "pdf", Path(work), timeout=180).read_bytes()


@dataclass(frozen=True)
class DraftRequest:
    """Everything `followup draft` was asked, as the CLI parsed it."""

    record: Path
    output: Path
    options: DraftOptions
    decisions: Path | None = None
    accept_suggestions: bool = False
    only_decided: bool = False
    templates: Path | None = None
    lexicon: Path | None = None
    next_record: Path | None = None
    no_next_record: bool = False
    pdf: bool = False
    force: bool = False


def prepare_reference(options: DraftOptions) -> tuple[DraftOptions, list[str]]:
    """The reference .docx through the same zip and XML checks as an import, with only
    styles, numbering, fonts, theme, headers and footers kept; what was dropped (macros,
    external relationships, embedded objects) is returned to be said."""
    if options.reference is None:
        return options, []
    sanitized = sanitize_reference_docx(options.reference)
    return dataclasses.replace(options, reference_data=sanitized.data), list(sanitized.dropped)


@dataclass(frozen=True)
class DraftReport:
    written: list[Path]
    next_record: Path | None
    left_out: list[str]
    filled: list[str]
    reviewed: bool  # the organizer made decisions (a session or decisions file)
    notes: list[str] = field(default_factory=list)  # what was dropped from the reference document
    warnings: list[str] = field(default_factory=list)  # what the organizer should add before sending


def _check_request(request: DraftRequest) -> Undecided:
    if request.accept_suggestions and request.only_decided:
        raise UsageProblem("--accept-suggestions と --only-decided は同時に指定できません。")
    if request.decisions and request.accept_suggestions:
        raise UsageProblem("--decisions と --accept-suggestions は同時に指定できません。")
    if request.no_next_record and request.next_record:
        raise UsageProblem("--next-record と --no-next-record は同時に指定できません。")
    if request.decisions is not None and not request.decisions.exists():
        raise UsageProblem(f"{request.decisions}: 判断の記録ファイルが見つかりません。")
    if request.accept_suggestions:
        return "accept"
    return "omit" if request.only_decided else "refuse"


def run_draft(request: DraftRequest) -> DraftReport:
    """Open the case, check every output before the slow part, plan, write all together."""
    undecided = _check_request(request)
    case = open_case(
        request.record, lexicon=request.lexicon, decisions=request.decisions, templates=request.templates
    )
    if case.session is None and undecided != "accept":
        raise UsageProblem(
            "判断の記録がありません。先に followup review を行うか、"
            "--decisions FILE または --accept-suggestions を指定してください。"
        )
    next_path = (
        None if request.no_next_record else (request.next_record or default_next_record(request.output, case))
    )
    check_outputs(case, request.options, request.output, next_path, request.pdf, request.force)
    options, notes = prepare_reference(request.options)
    plan = plan_draft(case, options, undecided=undecided, next_record_at=next_path)
    written = write_draft(
        plan, options, request.output, next_record=next_path, pdf=request.pdf, force=request.force
    )
    return DraftReport(
        written, next_path, plan.left_out, plan.filled, case.session is not None, notes, plan.warnings
    )
