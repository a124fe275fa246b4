"""Jinja2 for organizers' templates: sandboxed, undefined variables are errors, and an
organizer's folder (`--templates DIR`) overrides the built-in files by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from followup.errors import TemplateProblem
from followup.paths import templates_dir


@cache
def environment(user_dir: Path | None = None) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    if user_dir is not None and not user_dir.is_dir():
        raise TemplateProblem(f"{user_dir}: テンプレートのフォルダが見つかりません。")
    loaders = [FileSystemLoader(str(user_dir))] if user_dir else []
    loaders.append(FileSystemLoader(str(templates_dir())))
    return ImmutableSandboxedEnvironment(
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
            out.append("".join(template.blocks[block_name](context)).strip())
        return out
    except TemplateNotFound as exc:
        raise TemplateProblem(f"{name}: テンプレートが見つかりません。") from exc
    except Exception as exc:
        raise _problem(name, exc) from exc


def render_string(source: str, variables: dict[str, Any], user_dir: Path | None, name: str) -> str:
    """Render template text read from a data file (`name` says where it came from)."""
    try:
        return _compiled(user_dir, source).render(variables).strip()
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
        return env.get_template(name).render(variables).strip()
    except TemplateNotFound as exc:
        raise TemplateProblem(f"{name}: テンプレートが見つかりません。") from exc
    except Exception as exc:
        raise _problem(name, exc) from exc
