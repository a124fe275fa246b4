"""LibreOffice, headless, for the one conversion followup needs (.docx → PDF) and the
tests and benchmarks that render documents the way a real office suite does.

Each run gets a profile folder of its own, so it never clashes with an office the user
has open, nor with another run."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from followup.errors import OutputError


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target_format: str, out_dir: Path, *, timeout: int = 240) -> Path:
    """`source` converted to `target_format` (pdf, docx …) in `out_dir`; returns the new file."""
    program = soffice()
    if program is None:
        raise OutputError("LibreOffice が必要です(soffice が見つかりません)。")
    proc = subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{out_dir / '.lo-profile'}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    target = out_dir / f"{source.stem}.{target_format}"
    if proc.returncode != 0 or not target.exists():
        raise OutputError(
            f"LibreOffice で {target_format} に変換できませんでした({proc.stderr.strip()[:200]})。"
        )
    return target
