"""The lexicon of moves: a YAML data file organizers can read and extend (`--lexicon FILE`).

The built-in file is trusted and compiled with `re`, each move's entries joined into one
scanner so an answer is read once per move.  Patterns from an organizer's file are compiled
with the `regex` package and every search carries a time limit, so a pattern such as
`(.+)+Ｚ` slows nothing down: a search that runs out of time counts as no match, and the
pattern is not tried again.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the standard library's parser
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol, get_args

import ahocorasick
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
    "courtesy",
]
LegacyLabel = Literal["conditional", "declined", "deferred", "deflected", "evasive"]
_LEGACY_MOVE: dict[str, Move] = {
    "conditional": "conditional",
    "declined": "refuses",
    "deferred": "defers",
    "deflected": "passes_on",
    "evasive": "formula",
}

# A content word: a run of kanji or katakana, the unit in which a clause of the answer is tied
# to a part of the question (「内訳」「集計」).
WORD = re.compile(r"[一-龥ァ-ヴー]{2,}")
_QUOTED = re.compile(r"「[^「」]*」")
# 「…」と述べたとおりである: a quotation the reply adopts as its answer is read as the reply's own words
_ADOPTED = re.compile(
    r"と(?:の)?(?:述べ|答弁し|お答えし|申し上げ|説明し)(?:た|ている|ております|ています)(?:とおり|通り)"
    # a group's report of what the body's people said: 「…」と回答。「…」としましたが、「…」と、…姿勢を示しました
    # (not what someone said as the topic of the reply: 「職員が「…」と答えたことは不適切であり」; and
    # narrower than classify's `_SAID` for a reply that is all quotation: 「国は「…」と説明しています」
    # inside a city's reply relays another body)
    r"|、?と(?:の|も)?(?:回答|返答|答え|応じ|述べ|語|約束|強調|表明|明言|繰り返)(?![^。、]{0,4}(?:こと|件|点|際|という))"
    r"|と(?:し|言い|いい)(?:ました|まし|、)|と(?:し|言い|いい)た(?![^。、]{0,3}(?:こと|件|点|際|という))"
    r"|と、?[^。「」]{0,30}(?:姿勢|考え|方針|認識|意向)を(?:示|明らかに)"
)
USER_TIMEOUT = 0.05  # seconds per search of an organizer's pattern


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    reason: str


class _LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    moves: dict[Move, list[_Entry]] = Field(default_factory=dict)
    labels: dict[LegacyLabel, list[_Entry]] = Field(default_factory=dict)
    question_types: dict[QuestionType, str | list[str]] = Field(default_factory=dict)
    answer_gives: dict[AnswerGives, str | list[str]] = Field(default_factory=dict)


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

    def finditer(self, text: str) -> Iterator[Any]:
        if not self.untrusted:
            yield from self.compiled.finditer(text)
            return
        yield from _matches(self.search, text)


def _matches(search: Callable[[str, int], Any], text: str) -> Iterator[Any]:
    """Every match, left to right, found by repeated search (finditer of a searcher that has
    none of its own)."""
    pos = 0
    while pos <= len(text):
        m = search(text, pos)
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > pos else pos + 1


class Guarded:
    """A trusted pattern that is not searched at all in a text holding none of the strings
    every match contains.

    Question and answer patterns are tried on every sub-question and clause, and most find
    nothing there: a few plain `in` tests cost a fraction of a search that walks the text
    (「…か、…か」 choice forms, the question words, the forms of a request).
    """

    __slots__ = ("compiled", "literals")

    def __init__(self, compiled: Any, literals: tuple[str, ...]) -> None:
        self.compiled = compiled
        self.literals = literals

    @property
    def pattern(self) -> str:
        return str(self.compiled.pattern)

    def search(self, text: str, pos: int = 0) -> Any:
        for literal in self.literals:
            if literal in text:
                return self.compiled.search(text, pos)
        return None

    def finditer(self, text: str) -> Iterator[Any]:
        return _matches(self.search, text)


# Above this many strings the `in` tests cost about what the search they would spare does.
_MOST_GUARD_LITERALS = 30


class AnyOf:
    """Several patterns searched as their alternation would be, each on its own.

    `re` tries every branch of an alternation at every position; forty unrelated forms in one
    pattern search five times slower than the same forms one by one.  The match is the one the
    alternation would find: the leftmost, and of those the first listed.
    """

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Searcher, ...]) -> None:
        self.parts = parts

    @property
    def pattern(self) -> str:
        return "|".join(f"(?:{part.pattern})" for part in self.parts)

    def search(self, text: str, pos: int = 0) -> Any:
        best = None
        for part in self.parts:
            m = part.search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, text: str) -> Iterator[Any]:
        return _matches(self.search, text)


@dataclass(frozen=True)
class Phrase:
    move: Move
    pattern: SafePattern
    reason: str
    literals: frozenset[str] | None = None  # one of these is in every match (None: unknown)


class Hit(NamedTuple):
    """One phrase of a move found in a text."""

    move: Move
    start: int
    end: int
    text: str
    reason: str


class Searcher(Protocol):
    """What question and answer patterns offer: a compiled `re` pattern, or a SafePattern."""

    @property
    def pattern(self) -> Any: ...

    def search(self, text: str, pos: int = 0) -> Any: ...

    def finditer(self, text: str) -> Iterator[Any]: ...


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[Phrase, ...]
    question_types: dict[str, Searcher]
    answer_gives: dict[str, Searcher]
    _literals: Any = field(default=None, repr=False)  # an Aho-Corasick automaton of every literal, or None
    # literal → the phrases that need it
    _reached: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    _always: frozenset[int] = frozenset()  # trusted phrases with no known literal: always tried
    _untrusted: tuple[int, ...] = ()  # a user's own entries, each searched under a time limit

    def _scan_move(self, indices: tuple[int, ...], text: str) -> Iterator[Hit]:
        """The matches of one move's phrases as one alternation in index order would find
        them (leftmost first, the earlier phrase at a tie, none overlapping), without
        compiling that alternation: each phrase searches on its own from where the last
        match ended."""
        compiled = [self.phrases[i].pattern.compiled for i in indices]  # trusted: plain `re`
        ahead = [c.search(text) for c in compiled]
        while True:
            best = None
            for k, m in enumerate(ahead):
                if m is not None and (best is None or m.start() < ahead[best].start()):
                    best = k
            if best is None:
                return
            m = ahead[best]
            if m.end() == m.start():  # an empty match finds nothing: look further on
                ahead[best] = compiled[best].search(text, m.start() + 1)
                continue
            phrase = self.phrases[indices[best]]
            yield Hit(phrase.move, m.start(), m.end(), m.group(0), phrase.reason)
            end = m.end()
            for k, other in enumerate(ahead):
                if other is not None and other.start() < end:
                    ahead[k] = compiled[k].search(text, end)

    def scan(self, text: str) -> list[Hit]:
        """Every move found in `text`, in order of position; none inside a quotation 「…」."""
        hits: list[Hit] = []
        for indices in _candidates(self, text).values():
            hits.extend(self._scan_move(indices, text))
        for phrase in (self.phrases[i] for i in self._untrusted):
            hits.extend(
                Hit(phrase.move, m.start(), m.end(), m.group(0), phrase.reason)
                for m in phrase.pattern.finditer(text)
                if m.end() > m.start()
            )
        quoted = (
            [(m.start(), m.end()) for m in _QUOTED.finditer(text) if not _ADOPTED.match(text, m.end())]
            if "「" in text
            else []
        )
        if quoted:
            hits = [h for h in hits if not any(b < h.start < e for b, e in quoted)]
        return sorted(hits, key=lambda h: (h.start, -h.end))


def _candidates(lexicon: Lexicon, text: str) -> dict[Move, tuple[int, ...]]:
    """The trusted entries that can match `text`, by move: those whose literals occur in it."""
    chosen = set(lexicon._always)
    finder = lexicon._literals
    found = {literal for _, literal in finder.iter(text)} if finder is not None else set()
    reached = lexicon._reached
    chosen.update(*(reached[literal] for literal in found))
    out: dict[Move, list[int]] = {}
    phrases = lexicon.phrases
    for index in sorted(chosen):
        out.setdefault(phrases[index].move, []).append(index)
    return {move: tuple(found) for move, found in out.items()}


def required_literals(source: str) -> set[str] | None:
    """Strings one of which every match of `source` contains, or None if none can be told.

    Used to skip a move whose phrases cannot occur in an answer with one fast search for
    plain strings instead of trying every pattern at every position.
    """
    try:
        return _required(list(sre_parse.parse(source)))
    except (re.error, TypeError, ValueError):
        return None


def _required(seq: list[tuple[Any, Any]]) -> set[str] | None:
    options: list[set[str]] = []
    run = ""
    for op, av in [*seq, (None, None)]:
        if op is sre_parse.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        found = _required_of(op, av)
        if found:
            options.append(found)
    if not options:
        return None
    return max(options, key=_selectivity)


_KANA = re.compile(r"[ぁ-ゖー、]+")


def _selectivity(option: set[str]) -> tuple[bool, int, int]:
    """Prefer strings that are rare in replies: not bare kana endings, longer, fewer."""
    return (not any(_KANA.fullmatch(x) for x in option), min(len(x) for x in option), -len(option))


def _required_of(op: Any, av: Any) -> set[str] | None:
    if op is sre_parse.SUBPATTERN:
        return _required(list(av[3]))
    if op is sre_parse.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _required(list(alternative))
            if not found:
                return None
            out |= found
        return out
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and av[0] >= 1:
        return _required(list(av[2]))
    return None


def _literals(source: str, untrusted: bool) -> frozenset[str] | None:
    found = None if untrusted else required_literals(source)
    return frozenset(found) if found else None


def _literal_index(literals: set[str]) -> Any:
    """An automaton that finds every literal in one pass over a text, overlaps included: a
    plain-string automaton, not one `re` alternation, which `re` tries anew at every position."""
    if not literals:
        return None
    automaton = ahocorasick.Automaton()
    for literal in sorted(literals):
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return automaton


def _compile_searcher(
    path: Path, located: Located, loc: tuple[Any, ...], source: str, untrusted: bool
) -> Searcher:
    """A trusted pattern as plain `re` (fastest), guarded by its literals where it has few;
    an organizer's under a time limit."""
    compiled = _compile(path, located, loc, source, untrusted)
    if untrusted:
        return compiled
    literals = _literals(source, untrusted)
    if literals is None or len(literals) > _MOST_GUARD_LITERALS:
        return compiled.compiled
    return Guarded(compiled.compiled, tuple(sorted(literals, key=len)))


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
            out.append(Phrase(move, pattern, entry.reason, _literals(entry.pattern, untrusted)))
    for label, entries in data.labels.items():
        for i, entry in enumerate(entries):
            pattern = _compile(path, located, ("labels", label, i, "pattern"), entry.pattern, untrusted)
            out.append(
                Phrase(_LEGACY_MOVE[label], pattern, entry.reason, _literals(entry.pattern, untrusted))
            )
    return out


def _merge_patterns(
    into: dict[str, Searcher],
    section: str,
    items: dict[Any, str | list[str]],
    src: tuple[Path, Located],
    untrusted: bool,
) -> None:
    """Add each key's patterns to those already there (alternatives), or set them.  A list
    is searched form by form (`AnyOf`); so is a key that another file extends."""
    path, located = src
    for key, given in items.items():
        sources = (
            [((section, key), given)]
            if isinstance(given, str)
            else [((section, key, i), source) for i, source in enumerate(given)]
        )
        parts = [_compile_searcher(path, located, loc, source, untrusted) for loc, source in sources]
        if key in into:
            before = into[key]
            parts = [*(before.parts if isinstance(before, AnyOf) else (before,)), *parts]
        into[key] = parts[0] if len(parts) == 1 else AnyOf(tuple(parts))


def _build(files: list[tuple[Path, Located, _LexiconFile, bool]]) -> Lexicon:
    phrases: list[Phrase] = []
    qtypes: dict[str, Searcher] = {}
    gives: dict[str, Searcher] = {}
    for path, located, data, untrusted in files:
        phrases.extend(_phrases(path, located, data, untrusted))
        _merge_patterns(qtypes, "question_types", dict(data.question_types), (path, located), untrusted)
        _merge_patterns(gives, "answer_gives", dict(data.answer_gives), (path, located), untrusted)
    by_literal: dict[str, set[int]] = {}
    always: set[int] = set()
    for index, phrase in enumerate(phrases):
        if phrase.pattern.untrusted:
            continue
        if phrase.literals is None:
            always.add(index)
        for literal in phrase.literals or ():
            by_literal.setdefault(literal, set()).add(index)
    reached = {literal: frozenset(found) for literal, found in by_literal.items()}
    user_entries = tuple(i for i, phrase in enumerate(phrases) if phrase.pattern.untrusted)
    return Lexicon(
        tuple(phrases),
        qtypes,
        gives,
        _literal_index(set(by_literal)),
        reached,
        frozenset(always),
        user_entries,
    )


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
