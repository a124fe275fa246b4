"""Safe YAML in and out, with the line of every value kept for error messages.

Records, decisions files and lexicons come from organizers' editors and from outside, so
the loader builds plain data only (no Python tags), refuses anchors and aliases (no
"billion laughs"), refuses duplicate keys (YAML would silently keep the last), and
remembers where each value stood so that a validation error can name the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from followup.errors import RecordError
from followup.sanitize import safe_text
from followup.textio import MAX_TEXT_BYTES, read_bytes_capped

try:  # libyaml is much faster on large records; fall back to the pure-Python parser
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]


class Located:
    """Plain data plus a map from each value's path to its 1-based line."""

    def __init__(self, data: Any, lines: dict[Path_, int]) -> None:
        self.data = data
        self.lines = lines

    def line_of(self, loc: Path_) -> int:
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _to_python(node: yaml.Node, loader: Any, path: Path_, lines: dict[Path_, int], src: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
        raise RecordError(src, [f"{node.start_mark.line + 1}: 使えない YAML タグです({node.tag})。"])
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _to_python(key_node, loader, (*path, "<key>"), {}, src)
            if not isinstance(key, str | int):
                raise RecordError(src, [f"{key_node.start_mark.line + 1}: キーは文字列にしてください。"])
            if key in out:
                raise RecordError(
                    src,
                    [f"{key_node.start_mark.line + 1}: {dotted_path((*path, key))}: キーが重複しています。"],
                )
            out[key] = _to_python(value_node, loader, (*path, key), lines, src)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(v, loader, (*path, i), lines, src) for i, v in enumerate(node.value)]
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError:
        return node.value  # e.g. an impossible date: left as text for the validator to name
    return safe_text(value) if isinstance(value, str) else value


def _refuse_aliases(text: str, src: str) -> None:
    """Anchors and aliases have no use in these files and make "billion laughs" possible."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else 1
            raise RecordError(
                src, [f"{line}: アンカー・エイリアス(*名前)は使えません。値をそのまま書いてください。"]
            )


def dotted_path(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(全体)"


def load_yaml(path: Path, *, text: str | None = None) -> Located:
    src = str(path)
    if text is None:
        raw = read_bytes_capped(path, MAX_TEXT_BYTES)  # a pipe or a device stops at the cap too
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RecordError(src, ["1: UTF-8 のテキストではありません。"]) from exc
    loader = _Loader(text)
    try:
        _refuse_aliases(text, src)
        node = loader.get_single_node()
        if node is None:
            raise RecordError(src, ["1: ファイルが空です。"])
        lines: dict[Path_, int] = {}
        data = _to_python(node, loader, (), lines, src)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise RecordError(src, [f"{line}: 使えない YAML タグです({exc.problem})。"]) from exc
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise RecordError(
            src, [f"{line}: YAML の書式が正しくありません({exc.problem or exc.context})。"]
        ) from exc
    except yaml.YAMLError as exc:
        raise RecordError(src, [f"1: YAML として読めません({exc})。"]) from exc
    finally:
        loader.dispose()
    return Located(data, lines)


class _LiteralDumper(_Dumper):
    pass


def _str_representer(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_LiteralDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
        default_flow_style=False,
    )
