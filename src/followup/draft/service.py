"""`followup draft`: decisions in, a 再質問書 out, written atomically."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from followup.draft.content import accept_suggestions, compose
from followup.errors import OutputError, UsageProblem
from followup.records import save_record
from followup.review.session import load_session, session_path
from followup.rounds import next_record_path, next_round_record, view_thread
from followup.yamlio import atomic_write, refuse_existing


@dataclass(frozen=True)
class DraftResult:
    document: Path
    next_record: Path | None


def draft(
    record_path: Path,
    output: Path,
    *,
    decisions_path: Path | None = None,
    accept: bool = False,
    date: dt.date | None = None,
    deadline: dt.date | None = None,
    deadline_days: int | None = None,
    fmt: str = "docx",
    font: str | None = None,
    citations: str = "footnote",
    appendix: bool = True,
    templates: Path | None = None,
    reference: Path | None = None,
    numbering: str = "original",
    next_record: Path | None = None,
    no_next_record: bool = False,
    force: bool = False,
) -> DraftResult:
    refuse_existing(output, force)
    next_path = None if no_next_record else (next_record or next_record_path(output))
    if next_path is not None:
        refuse_existing(next_path, force)
    view = view_thread(record_path)
    record = view.record
    session = None
    if accept:
        decisions = accept_suggestions(view, templates)
    else:
        path = decisions_path or session_path(record_path)
        if not path.exists():
            raise UsageProblem(
                f"{path}: 判断の記録がありません。先に followup review を行うか、"
                "--decisions FILE または --accept-suggestions を指定してください。"
            )
        session = load_session(path, record)
        decisions = session.valid_decisions()
    letter = compose(
        view,
        decisions,
        date=date or dt.date.today(),
        deadline=deadline,
        deadline_days=deadline_days,
        templates=templates,
        session=session,
        numbering=numbering,
    )
    if fmt == "md":
        from followup.draft.markdown import build_markdown

        atomic_write(output, build_markdown(letter, appendix=appendix), force=force)
    else:
        from followup.draft.docx_writer import DEFAULT_FONT, build_docx

        payload = build_docx(
            letter, font=font or DEFAULT_FONT, citations=citations, appendix=appendix, reference=reference
        )
        atomic_write(output, payload, force=force)
    if next_path is not None:
        save_record(next_round_record(record, record_path, letter, next_path), next_path, force=force)
    return DraftResult(output, next_path)


def convert_to_pdf(docx_path: Path) -> Path:
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise OutputError(
            "PDF にするには LibreOffice が必要です(soffice が見つかりません)。.docx は作成済みです。"
        )
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(docx_path.parent),
                str(docx_path),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    pdf = docx_path.with_suffix(".pdf")
    if proc.returncode != 0 or not pdf.exists():
        raise OutputError(f"LibreOffice で PDF に変換できませんでした({proc.stderr.strip()[:200]})。")
    return pdf
