"""The only module that talks to the terminal (prompt_toolkit, questionary).

Everything the walk-through shows and asks is built as plain data in `walk.py` (a `Page`:
the item's header and body, a menu, a preview for each entry); these functions show it
and return plain values.  `page_lines` is what the screen holds, so tests can read it
without a terminal.  Tests drive the prompts with prompt_toolkit's pipe input (via
`create_app_session`) and in a real pty with pexpect.  Ctrl-C raises KeyboardInterrupt
and a closed terminal EOFError; the caller has saved every decision before asking.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import click

# The one line shown above the editing field: Japanese, and short enough for 80 columns.
EDIT_INSTRUCTION = "Esc のあと Enter で確定(Alt+Enter でも可)。空のまま確定すると保存しません。"
MENU_HINT = "(↑↓で選び Enter)"


@dataclass(frozen=True)
class Choice:
    title: str
    value: str
    preview: tuple[str, ...] = ()  # shown beneath the menu while this entry is highlighted
    alts: tuple[tuple[str, str], ...] = ()  # (key, value returned when it is pressed on this entry)


@dataclass(frozen=True)
class Page:
    """One screen: a header that never scrolls away, a body, a menu and its preview."""

    header: list[str]
    body: list[str]
    message: str
    choices: list[Choice]
    default: str | None = None
    # prompt_toolkit key name → value; the highlighted entry's value is added after a colon
    keys: dict[str, str] = field(default_factory=dict)
    preview_rows: int = 0
    hint: str = MENU_HINT


def _start(page: Page) -> int:
    return next((i for i, c in enumerate(page.choices) if c.value == page.default), 0)


def page_lines(page: Page, index: int, rows: int) -> list[tuple[str, str]]:
    """(style, line) for every row of the screen with entry `index` highlighted: the
    header first, the body cut to what is left over, the menu, then the preview."""
    fixed = len(page.header) + 1 + len(page.choices) + page.preview_rows
    body = page.body[: max(rows - fixed, 0)]
    out = [("class:header", line) for line in page.header]
    out += [("", line) for line in body]
    out.append(("class:question", f"? {page.message} {page.hint}"))
    for i, choice in enumerate(page.choices):
        selected = i == index
        out.append(("class:highlighted" if selected else "", ("» " if selected else "  ") + choice.title))
    preview = list(page.choices[index].preview[: page.preview_rows]) if page.choices else []
    out += [("class:preview", line) for line in preview]
    out += [("", "")] * (page.preview_rows - len(preview))
    return out


def fragments(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The rows as prompt_toolkit fragments; a line coloured with ANSI codes (the marked
    phrase in the answer) is turned into styled fragments, never shown as raw codes."""
    from prompt_toolkit.formatted_text import ANSI, to_formatted_text

    out: list[tuple[str, str]] = []
    for n, (style, text) in enumerate(lines):
        if "\x1b" in text:
            out += [(f"{style} {s}".strip(), t) for s, t, *_ in to_formatted_text(ANSI(text))]
        else:
            out.append((style, text))
        if n < len(lines) - 1:
            out.append(("", "\n"))
    return out


def _bindings(page: Page, state: dict[str, int]) -> Any:
    from prompt_toolkit.key_binding import KeyBindings

    kb = KeyBindings()
    count = len(page.choices)

    @kb.add("up")
    @kb.add("c-p")
    def _up(event: Any) -> None:
        state["index"] = (state["index"] - 1) % count

    @kb.add("down")
    @kb.add("c-n")
    def _down(event: Any) -> None:
        state["index"] = (state["index"] + 1) % count

    @kb.add("enter")
    def _enter(event: Any) -> None:
        event.app.exit(result=page.choices[state["index"]].value)

    def _alt(event: Any) -> None:
        alt = dict(page.choices[state["index"]].alts).get(event.key_sequence[0].key)
        if alt is not None:
            event.app.exit(result=alt)

    for key in sorted({key for choice in page.choices for key, _ in choice.alts}):
        kb.add(key)(_alt)

    @kb.add("c-c")
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    def _key(event: Any) -> None:  # "more:use:1": the key's value, then what was highlighted
        value = page.keys[event.key_sequence[0].key]
        event.app.exit(result=f"{value}:{page.choices[state['index']].value}")

    for key in page.keys:
        kb.add(key)(_key)
    return kb


def menu(page: Page) -> str:
    """Show the page full-screen and return the value of the entry chosen (or of a key)."""
    from prompt_toolkit.application import Application, get_app
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.layout import FormattedTextControl, Layout, Window

    state = {"index": _start(page)}

    def text() -> StyleAndTextTuples:
        rows = get_app().output.get_size().rows
        return fragments(page_lines(page, state["index"], rows))  # type: ignore[return-value]

    app: Application[str] = Application(
        layout=Layout(Window(FormattedTextControl(text, show_cursor=False), wrap_lines=False)),
        key_bindings=_bindings(page, state),
        style=_style(),
        full_screen=True,
    )
    return str(app.run())


def _style() -> Any:
    from prompt_toolkit.styles import Style

    return Style(
        [
            ("header", "reverse bold"),
            ("question", "bold"),
            ("highlighted", "bold reverse"),
            ("pointer", "bold"),
            ("preview", ""),
        ]
    )


def select(message: str, choices: list[Choice], default: str | None = None) -> str:
    import questionary

    q_choices = [questionary.Choice(c.title, value=c.value) for c in choices]
    start = next((c for c in q_choices if c.value == default), None)
    answer = questionary.select(
        message, choices=q_choices, default=start, style=_style(), qmark="?", instruction=MENU_HINT
    ).unsafe_ask()
    if answer is None:  # pragma: no cover - unsafe_ask raises instead
        raise KeyboardInterrupt
    return str(answer)


def confirm(message: str, default: bool = False) -> bool:
    import questionary

    return bool(questionary.confirm(message, default=default, style=_style()).unsafe_ask())


def edit_text(message: str, initial: str, header: str = "") -> str:
    """Long text: in $EDITOR when one is set, else a multi-line field under one Japanese
    instruction line (Esc then Enter, or Alt+Enter, to finish)."""
    if os.environ.get("VISUAL") or os.environ.get("EDITOR"):
        edited = click.edit(initial, extension=".txt")
        return initial if edited is None else edited.strip()
    from prompt_toolkit import PromptSession

    lines = [header] if header else []
    lines += [f"? {message}", EDIT_INSTRUCTION, ""]
    session: PromptSession[str] = PromptSession(multiline=True, wrap_lines=True)
    return str(session.prompt("\n".join(lines), default=initial)).strip()


def press_enter(message: str = "Enter で戻ります") -> None:
    import questionary

    questionary.press_any_key_to_continue(message).unsafe_ask()
