"""Jinja2 for organizers' templates: sandboxed, undefined variables are errors, and an
organizer's folder (`--templates DIR`) overrides the built-in files by name.

An organizer's template is code from a file, so it runs under a budget: `*`, `**` and `+`
that would build a string or list beyond `MAX_VALUE` are refused, a render longer than
`MAX_OUTPUT` characters or `MAX_SECONDS` seconds is stopped, each with a message naming
the template."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from followup.errors import TemplateProblem
from followup.paths import templates_dir

MAX_VALUE = 100_000  # characters or items one operation may build
MAX_OUTPUT = 200_000  # characters one render may produce
MAX_SECONDS = 5.0


class _Budget(Exception):
    """A template went past its budget (time, size)."""


@contextlib.contextmanager
def _time_limit() -> Iterator[None]:
    """Stop a render that runs past MAX_SECONDS (a loop that prints nothing included).
    Uses SIGALRM, so only in the main thread; elsewhere the size limits still hold."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise _Budget(f"{MAX_SECONDS:g} 秒を超えました")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _collect(chunks: Iterable[str]) -> str:
    out: list[str] = []
    size = 0
    with _time_limit():
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise _Budget(f"出力が {MAX_OUTPUT:,} 文字を超えました")
            out.append(chunk)
    return "".join(out)


def _repeat_size(left: Any, right: Any) -> int:
    """How long `left * right` would be, when it repeats a string or a list."""
    if isinstance(left, str | list | tuple) and isinstance(right, int):
        return len(left) * right
    if isinstance(right, str | list | tuple) and isinstance(left, int):
        return len(right) * left
    return 0


def _sandbox_class() -> Any:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BudgetSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > 64:
                raise _Budget(f"べき乗が大きすぎます(** {right})")
            if operator == "*" and _repeat_size(left, right) > MAX_VALUE:
                raise _Budget("文字列やリストの繰り返しが長すぎます")
            result = super().call_binop(context, operator, left, right)
            if isinstance(result, str | list | tuple) and len(result) > MAX_VALUE:
                raise _Budget("組み立てた値が長すぎます")
            return result

    return BudgetSandbox


@cache
def environment(user_dir: Path | None = None) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

    if user_dir is not None and not user_dir.is_dir():
        raise TemplateProblem(f"{user_dir}: テンプレートのフォルダが見つかりません。")
    loaders = [FileSystemLoader(str(user_dir))] if user_dir else []
    loaders.append(FileSystemLoader(str(templates_dir())))
    return _sandbox_class()(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )


def _problem(name: str, exc: Exception) -> TemplateProblem:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(
            f"{exc.filename or name}:{exc.lineno}: テンプレートの書き方に誤りがあります({exc.message})。"
        )
    if isinstance(exc, UndefinedError):
        return TemplateProblem(f"{name}: テンプレートに未定義の変数があります({exc.message})。")
    if isinstance(exc, _Budget):
        return TemplateProblem(f"{name}: テンプレートの処理が上限を超えたため止めました({exc})。")
    if isinstance(exc, SecurityError):
        return TemplateProblem(f"{name}: テンプレートが許されない操作をしようとしたため止めました({exc})。")
    return TemplateProblem(f"{name}: テンプレートを処理できません({type(exc).__name__}: {exc})。")


def render_blocks(name: str, variables: dict[str, Any], user_dir: Path | None = None) -> list[str]:
    """Each `{% block vN %}` of template `name`, rendered: the variants of one suggestion."""
    from jinja2 import TemplateNotFound

    env = environment(user_dir)
    try:
        template = env.get_template(name)
        context = template.new_context(variables)
        out = []
        for block_name in sorted(b for b in template.blocks if b.startswith("v")):
            out.append(_collect(template.blocks[block_name](context)).strip())
        return out
    except TemplateNotFound as exc:
        raise TemplateProblem(f"{name}: テンプレートが見つかりません。") from exc
    except Exception as exc:
        raise _problem(name, exc) from exc


def render_string(source: str, variables: dict[str, Any], user_dir: Path | None, name: str) -> str:
    """Render template text read from a data file (`name` says where it came from)."""
    try:
        return _collect(_compiled(user_dir, source).generate(variables)).strip()
    except Exception as exc:
        raise _problem(name, exc) from exc


@cache
def _compiled(user_dir: Path | None, source: str) -> Any:
    """Compile each template text once (a letter renders the same citation per item)."""
    return environment(user_dir).from_string(source)


def render(name: str, variables: dict[str, Any], user_dir: Path | None = None) -> str:
    from jinja2 import TemplateNotFound

    env = environment(user_dir)
    try:
        return _collect(env.get_template(name).generate(variables)).strip()
    except TemplateNotFound as exc:
        raise TemplateProblem(f"{name}: テンプレートが見つかりません。") from exc
    except Exception as exc:
        raise _problem(name, exc) from exc
