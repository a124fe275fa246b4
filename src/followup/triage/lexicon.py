"""The lexicon of moves: a YAML data file organizers can read and extend (`--lexicon FILE`).

The built-in file is trusted and compiled with `re`, each move's entries joined into one
scanner so an answer is read once per move.  Patterns from an organizer's file are compiled
with the `regex` package and every search carries a time limit, so a pattern such as
`(.+)+Ｚ` slows nothing down: a search that runs out of time counts as no match, and the
pattern is not tried again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

import regex
from pydantic import BaseModel, ConfigDict, Field

from followup.errors import RecordError
from followup.paths import templates_dir
from followup.records import parse_model
from followup.yamlio import Located, load_yaml

Move = Literal[
    "refuses",
    "not_known",
    "defers",
    "passes_on",
    "relays",
    "other_body",
    "conditional",
    "offer",
    "formula",
    "hedge",
    "unclear",
    "stance",
    "refers",
]
MOVES: tuple[Move, ...] = get_args(Move)

QuestionType = Literal[
    "why",
    "when",
    "quantity",
    "how",
    "who",
    "breakdown",
    "view",
    "doing",
    "request",
    "explain",
    "choice",
    "question_word",
]
AnswerGives = Literal[
    "why",
    "when",
    "quantity",
    "how",
    "who",
    "breakdown_aggregate",
    "view",
    "doing",
    "request",
    "yes_no",
    "premise_rejected",
]
LegacyLabel = Literal["conditional", "declined", "deferred", "deflected", "evasive"]
_LEGACY_MOVE: dict[str, Move] = {
    "conditional": "conditional",
    "declined": "refuses",
    "deferred": "defers",
    "deflected": "passes_on",
    "evasive": "formula",
}

_QUOTED = re.compile(r"「[^「」]*」")
USER_TIMEOUT = 0.05  # seconds per search of an organizer's pattern


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    reason: str


class _LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    moves: dict[Move, list[_Entry]] = Field(default_factory=dict)
    labels: dict[LegacyLabel, list[_Entry]] = Field(default_factory=dict)
    question_types: dict[QuestionType, str] = Field(default_factory=dict)
    answer_gives: dict[AnswerGives, str] = Field(default_factory=dict)


class SafePattern:
    """A compiled pattern; an untrusted one searches under a time limit."""

    __slots__ = ("compiled", "tripped", "untrusted")

    def __init__(self, source: str, *, untrusted: bool) -> None:
        self.untrusted = untrusted
        self.tripped = False
        self.compiled: Any = regex.compile(source) if untrusted else re.compile(source)

    @property
    def pattern(self) -> str:
        return str(self.compiled.pattern)

    def search(self, text: str, pos: int = 0) -> Any:
        if not self.untrusted:
            return self.compiled.search(text, pos)
        if self.tripped:
            return None
        try:
            return self.compiled.search(text, pos, timeout=USER_TIMEOUT)
        except TimeoutError:
            self.tripped = True
            return None

    def match(self, text: str, pos: int = 0) -> Any:
        if not self.untrusted:
            return self.compiled.match(text, pos)
        if self.tripped:
            return None
        try:
            return self.compiled.match(text, pos, timeout=USER_TIMEOUT)
        except TimeoutError:
            self.tripped = True
            return None

    def finditer(self, text: str) -> Iterator[Any]:
        if not self.untrusted:
            yield from self.compiled.finditer(text)
            return
        pos = 0
        while pos <= len(text):
            m = self.search(text, pos)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > pos else pos + 1


@dataclass(frozen=True)
class Phrase:
    move: Move
    pattern: SafePattern
    reason: str


@dataclass(frozen=True)
class Hit:
    move: Move
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[Phrase, ...]
    question_types: dict[str, SafePattern]
    answer_gives: dict[str, SafePattern]
    _scanners: dict[Move, SafePattern] = field(default_factory=dict, repr=False)

    def scan(self, text: str) -> list[Hit]:
        """Every move found in `text`, in order of position; none inside a quotation 「…」."""
        hits: list[Hit] = []
        for move, scanner in self._scanners.items():
            entries = [p for p in self.phrases if p.move == move and not p.pattern.untrusted]
            for m in scanner.finditer(text):
                if m.end() > m.start():
                    hits.append(Hit(move, m.start(), m.end(), m.group(0), _reason_at(entries, text, m.start())))
        for phrase in self.phrases:
            if phrase.pattern.untrusted:
                hits.extend(
                    Hit(phrase.move, m.start(), m.end(), m.group(0), phrase.reason)
                    for m in phrase.pattern.finditer(text)
                    if m.end() > m.start()
                )
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)] if "「" in text else []
        if quoted:
            hits = [h for h in hits if not any(b < h.start < e for b, e in quoted)]
        return sorted(hits, key=lambda h: (h.start, -h.end))


def _reason_at(entries: list[Phrase], text: str, start: int) -> str:
    for entry in entries:
        if entry.pattern.match(text, start):
            return entry.reason
    return entries[0].reason if entries else ""


def _compile(path: Path, located: Located, loc: tuple[Any, ...], source: str, untrusted: bool) -> SafePattern:
    try:
        return SafePattern(source, untrusted=untrusted)
    except (re.error, regex.error) as exc:
        where = ".".join(str(part) for part in loc)
        message = getattr(exc, "msg", str(exc))
        raise RecordError(
            path, [f"{located.line_of(loc)}: {where}: 正規表現として読めません({message}): {source}"]
        ) from exc


def _read(path: Path) -> tuple[Located, _LexiconFile]:
    located = load_yaml(path)
    return located, parse_model(_LexiconFile, located, path)


def _phrases(path: Path, located: Located, data: _LexiconFile, untrusted: bool) -> list[Phrase]:
    out: list[Phrase] = []
    for move, entries in data.moves.items():
        for i, entry in enumerate(entries):
            pattern = _compile(path, located, ("moves", move, i, "pattern"), entry.pattern, untrusted)
            out.append(Phrase(move, pattern, entry.reason))
    for label, entries in data.labels.items():
        for i, entry in enumerate(entries):
            pattern = _compile(path, located, ("labels", label, i, "pattern"), entry.pattern, untrusted)
            out.append(Phrase(_LEGACY_MOVE[label], pattern, entry.reason))
    return out


def _merge_patterns(
    into: dict[str, SafePattern], section: str, items: dict[Any, str], src: tuple[Path, Located], untrusted: bool
) -> None:
    path, located = src
    for key, source in items.items():
        merged = f"{into[key].pattern}|{source}" if key in into else source
        if untrusted:
            _compile(path, located, (section, key), source, True)  # a bad pattern is named as the user wrote it
        into[key] = _compile(path, located, (section, key), merged, untrusted or into[key].untrusted if key in into else untrusted)


def _build(files: list[tuple[Path, Located, _LexiconFile, bool]]) -> Lexicon:
    phrases: list[Phrase] = []
    qtypes: dict[str, SafePattern] = {}
    gives: dict[str, SafePattern] = {}
    for path, located, data, untrusted in files:
        phrases.extend(_phrases(path, located, data, untrusted))
        _merge_patterns(qtypes, "question_types", dict(data.question_types), (path, located), untrusted)
        _merge_patterns(gives, "answer_gives", dict(data.answer_gives), (path, located), untrusted)
    scanners: dict[Move, SafePattern] = {}
    for move in MOVES:
        sources = [p.pattern.pattern for p in phrases if p.move == move and not p.pattern.untrusted]
        if sources:
            scanners[move] = SafePattern("|".join(f"(?:{s})" for s in sources), untrusted=False)
    return Lexicon(tuple(phrases), qtypes, gives, scanners)


@cache
def _builtin() -> tuple[Path, Located, _LexiconFile]:
    path = templates_dir() / "lexicon.yaml"
    located, data = _read(path)
    return path, located, data


@cache
def load_lexicon(extra: Path | None = None) -> Lexicon:
    """The built-in lexicon, plus the entries of `extra` if given (compiled once)."""
    files = [(*_builtin(), False)]
    if extra is not None:
        files.append((extra, *_read(extra), True))
    return _build(files)
