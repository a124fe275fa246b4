"""Data files organizers may change, laid over the built-in ones key by key.

`templates/document/letter.yaml` (the letter's wording) and `templates/metadata.yaml` (the
words the importer and the letter use to read and name bodies) ship with followup.  An
organizer's `--templates DIR` may hold a file of the same name that sets only the keys it
wants to change: the rest still come from the built-in file.  A key the built-in file does
not know is an error naming the file, the line and the key, so a typo never silently does
nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from followup.errors import RecordError
from followup.paths import templates_dir
from followup.yamlio import Located, load_yaml

LETTER = "document/letter.yaml"
METADATA = "metadata.yaml"


def _mapping(located: Located, path: Path) -> dict[str, Any]:
    if located.data is None:
        return {}
    if not isinstance(located.data, dict):
        raise RecordError(path, ["1: ファイルの最上位は「キー: 値」の集まりにしてください。"])
    return located.data


@cache
def _builtin(name: str) -> dict[str, Any]:
    path = templates_dir() / name
    return _mapping(load_yaml(path), path)


@cache
def load_overlay(name: str, user_dir: Path | None = None) -> dict[str, Any]:
    """The built-in data file `name`, with the keys of `user_dir/name` (if any) laid over it."""
    base = dict(_builtin(name))
    if user_dir is None:
        return base
    path = user_dir / name
    if not path.is_file():
        return base
    located = load_yaml(path)
    user = _mapping(located, path)
    unknown = [key for key in user if key not in base]
    if unknown:
        raise RecordError(
            path,
            [
                f"{located.line_of((key,))}: {key}: 知らない項目です(使える項目: {', '.join(base)})。"
                for key in unknown
            ],
        )
    for key, value in user.items():
        expected = type(base[key])
        if not isinstance(value, expected):
            kind = "文字列" if expected is str else ("リスト" if expected is list else "値")
            raise RecordError(path, [f"{located.line_of((key,))}: {key}: {kind}を書いてください。"])
    base.update(user)
    return base


def letter_wording(user_dir: Path | None = None) -> dict[str, str]:
    """The letter's wording (Jinja2 text per key), the organizer's keys over the built-in."""
    return {str(k): str(v) for k, v in load_overlay(LETTER, user_dir).items()}


def metadata(user_dir: Path | None = None) -> dict[str, Any]:
    """Words for reading headers and naming bodies (titles of heads, honorifics …)."""
    return load_overlay(METADATA, user_dir)


def word_list(key: str, user_dir: Path | None = None) -> list[str]:
    return [str(v) for v in metadata(user_dir).get(key, [])]


def honorifics(user_dir: Path | None = None) -> list[tuple[str, str]]:
    """(ending of the body's name, how the letter addresses it): (機構, 貴機構) …"""
    return [(str(a), str(b)) for a, b in metadata(user_dir).get("honorifics", [])]
