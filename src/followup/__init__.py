"""followup: triage a government body's written answers and draft the follow-up questions.

The library API (docs/api.md), importable from the package itself; each name is loaded on
first use, so `import followup` (and the CLI's start-up) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "import_exchange": "followup.importer",
    "load_record": "followup.records",
    "save_record": "followup.records",
    "open_case": "followup.case",
    "load_lexicon": "followup.triage",
    "classify": "followup.triage",
    "DraftOptions": "followup.draft.service",
    "plan_draft": "followup.draft.service",
    "render_letter": "followup.draft.service",
    "write_draft": "followup.draft.service",
    "write_letter": "followup.draft.service",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'followup' has no attribute {name!r}")
