"""`followup draft`: decisions in, a 再質問書 out, written atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from followup.draft.content import accept_suggestions, compose, verdicts_for
from followup.errors import OutputError, UsageProblem
from followup.records import load_record
from followup.review.session import load_session, session_path
from followup.yamlio import atomic_write, refuse_existing


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
    force: bool = False,
) -> Path:
    refuse_existing(output, force)
    record = load_record(record_path)
    session = None
    verdicts = verdicts_for(record)
    if accept:
        decisions = accept_suggestions(record, verdicts, templates)
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
        record,
        decisions,
        verdicts,
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
        return output
    from followup.draft.docx_writer import DEFAULT_FONT, build_docx

    payload = build_docx(
        letter, font=font or DEFAULT_FONT, citations=citations, appendix=appendix, reference=reference
    )
    atomic_write(output, payload, force=force)
    return output


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
