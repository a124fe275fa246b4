"""The report as one self-contained HTML page: no scripts, no external fonts or images,
every text escaped by Jinja2's autoescape, and a Content-Security-Policy that allows only
the page's own stylesheet (by its hash) — a hostile reply cannot run anything."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from typing import Any

from followup.paths import templates_dir
from followup.report.model import ROLE_HELP, Report


def _folder() -> Any:
    return templates_dir() / "report"


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_folder())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def stylesheet() -> str:
    return (_folder() / "style.css").read_text(encoding="utf-8")


def content_security_policy(css: str) -> str:
    """Nothing may load or run but the one inline stylesheet, named by its SHA-256."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; font-src 'none'; "
        "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
    )


def render_html(report: Report) -> str:
    css = stylesheet()
    template = _environment().get_template("page.html.j2")
    return str(
        template.render(
            r=report,
            css=css,
            csp=content_security_policy(css),
            labels=report.options.labels,
            flagged=[it for it in report.items if it.flagged],
            role_help=ROLE_HELP,
        )
    )
