"""The phrase lexicon: a YAML data file organizers can read and extend (`--lexicon FILE`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from followup.errors import RecordError
from followup.paths import templates_dir
from followup.records import parse_model
from followup.yamlio import load_yaml

LexLabel = Literal["conditional", "declined", "deferred", "deflected", "evasive"]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    reason: str


class _LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    labels: dict[LexLabel, list[_Entry]] = Field(default_factory=dict)
    question_types: dict[str, str] = Field(default_factory=dict)
    answer_gives: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class Phrase:
    label: str
    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[Phrase, ...]
    question_types: dict[str, re.Pattern[str]]
    answer_gives: dict[str, re.Pattern[str]]


def _compile(path: Path, where: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RecordError(path, [f"1: {where}: 正規表現として読めません({exc.msg}): {pattern}"]) from exc


def _read(path: Path) -> _LexiconFile:
    return parse_model(_LexiconFile, load_yaml(path), path)


def _build(files: list[tuple[Path, _LexiconFile]]) -> Lexicon:
    phrases: list[Phrase] = []
    qtypes: dict[str, re.Pattern[str]] = {}
    gives: dict[str, re.Pattern[str]] = {}
    for path, data in files:
        for label, entries in data.labels.items():
            for i, entry in enumerate(entries):
                phrases.append(
                    Phrase(label, _compile(path, f"labels.{label}[{i}].pattern", entry.pattern), entry.reason)
                )
        for key, pattern in data.question_types.items():
            merged = f"{qtypes[key].pattern}|{pattern}" if key in qtypes else pattern
            qtypes[key] = _compile(path, f"question_types.{key}", merged)
        for key, pattern in data.answer_gives.items():
            merged = f"{gives[key].pattern}|{pattern}" if key in gives else pattern
            gives[key] = _compile(path, f"answer_gives.{key}", merged)
    return Lexicon(tuple(phrases), qtypes, gives)


@cache
def _builtin() -> tuple[Path, _LexiconFile]:
    path = templates_dir() / "lexicon.yaml"
    return path, _read(path)


@cache
def load_lexicon(extra: Path | None = None) -> Lexicon:
    """The built-in lexicon, plus the entries of `extra` if given (compiled once)."""
    files = [_builtin()]
    if extra is not None:
        files.append((extra, _read(extra)))
    return _build(files)
