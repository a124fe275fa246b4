"""The only module that talks to the terminal through questionary.

Everything the walk-through asks is built as plain data in `walk.py`; these functions ask
it and return plain values.  Tests drive them with prompt_toolkit's pipe input (via
`create_app_session`) and in a real pty with pexpect.  Ctrl-C raises KeyboardInterrupt
and a closed terminal EOFError; the caller has saved every decision before asking.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import click


@dataclass(frozen=True)
class Choice:
    title: str
    value: str


def _style() -> Any:
    import questionary

    return questionary.Style([("highlighted", "bold"), ("pointer", "bold")])


def select(message: str, choices: list[Choice], default: str | None = None) -> str:
    import questionary

    q_choices = [questionary.Choice(c.title, value=c.value) for c in choices]
    start = next((c for c in q_choices if c.value == default), None)
    answer = questionary.select(
        message, choices=q_choices, default=start, style=_style(), qmark="?", instruction="(↑↓で選び Enter)"
    ).unsafe_ask()
    if answer is None:  # pragma: no cover - unsafe_ask raises instead
        raise KeyboardInterrupt
    return str(answer)


def confirm(message: str, default: bool = False) -> bool:
    import questionary

    return bool(questionary.confirm(message, default=default, style=_style()).unsafe_ask())


def edit_text(message: str, initial: str) -> str:
    """Long text: in $EDITOR when one is set, else a multi-line field (Esc, Enter to finish)."""
    if os.environ.get("VISUAL") or os.environ.get("EDITOR"):
        edited = click.edit(initial, extension=".txt")
        return initial if edited is None else edited.strip()
    import questionary

    return str(
        questionary.text(
            message + "(Esc のあと Enter で確定)", default=initial, multiline=True, style=_style()
        ).unsafe_ask()
    ).strip()


def press_enter(message: str = "Enter で戻ります") -> None:
    import questionary

    questionary.press_any_key_to_continue(message).unsafe_ask()
