"""`followup report` as one call: open the case, build the page, write it atomically —
never over one of the files it was made from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from followup.case import open_case
from followup.outputs import atomic_write, refuse_clashes, refuse_existing
from followup.report.html import render_html
from followup.report.markdown import render_markdown
from followup.report.model import ReportOptions, build_report

Format = Literal["html", "md"]


@dataclass(frozen=True)
class ReportRequest:
    record: Path
    output: Path
    options: ReportOptions
    fmt: Format | None = None  # None: from the output's suffix (.md → md), else html
    lexicon: Path | None = None
    force: bool = False


def output_format(request: ReportRequest) -> Format:
    if request.fmt is not None:
        return request.fmt
    return "md" if request.output.suffix.lower() in (".md", ".markdown") else "html"


def run_report(request: ReportRequest) -> Path:
    """Write the report and return where."""
    refuse_clashes([request.record], [request.output])
    refuse_existing(request.output, request.force)  # before the work, so a mistake costs nothing
    case = open_case(request.record, lexicon=request.lexicon)
    refuse_clashes(case.inputs, [request.output])
    report = build_report(case, request.options)
    text = render_markdown(report) if output_format(request) == "md" else render_html(report)
    atomic_write(request.output, text, force=request.force)
    return request.output
