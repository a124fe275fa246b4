"""One error hierarchy, so the CLI can turn every failure into one Japanese line and an exit code.

Exit codes (documented in the README): 0 ok, 1 data or runtime error, 2 usage error.
Library code raises these with a message meant for an organizer; nothing else should reach
the user as a traceback.
"""

from __future__ import annotations

from pathlib import Path

EXIT_DATA = 1
EXIT_USAGE = 2


class FollowupError(Exception):
    """Base class: `message` is shown to the user as is, in Japanese."""

    exit_code = EXIT_DATA

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(FollowupError):
    """A document given to `import` cannot be read or holds nothing usable."""


class RecordError(FollowupError):
    """A YAML file (record, decisions, lexicon) is malformed; names file, line and field."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(f"{self.path}:{p}" for p in problems))


class OutputError(FollowupError):
    """An output cannot be written, or exists and --force was not given."""


class TemplateProblem(FollowupError):
    """A follow-up or document template is broken or tried something the sandbox refuses."""


class UsageProblem(FollowupError):
    """The options do not fit together (e.g. a prompt is needed but stdin is not a terminal)."""

    exit_code = EXIT_USAGE
