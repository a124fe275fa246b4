"""Where the built-in templates and the embedded J-LIS record live, wherever the user stands.

An installed wheel carries them under `followup/_data/` (hatch force-include); an editable
install or a source checkout reads them from the repository's `templates/` and `answers/`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    packaged = _PACKAGE_DIR / "_data"
    if (packaged / "templates").is_dir():
        return packaged
    return _PACKAGE_DIR.parent.parent


def templates_dir() -> Path:
    return data_root() / "templates"


def answers_dir() -> Path:
    return data_root() / "answers"


def default_record() -> Path:
    """The embedded default exchange (J-LIS 2016), used when a command gets no RECORD."""
    return answers_dir() / "jlis-2016.yaml"


def default_thread() -> Path:
    """The latest round of the embedded J-LIS thread (the 再質問書 drafted from it)."""
    return answers_dir() / "jlis-2016-r2.yaml"
