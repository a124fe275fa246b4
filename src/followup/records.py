"""Exchange records: one 質問書 and the body's reply, as a YAML file under answers/.

The format is documented in docs/records.md.  Loading validates everything an organizer
could get wrong by hand and reports `file:line: field: problem` in Japanese.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from followup.errors import RecordError
from followup.outputs import atomic_write
from followup.sanitize import safe_text
from followup.yamlio import Located, dotted_path, dump_yaml, load_yaml

FORMAT = 1
M = TypeVar("M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, validate_assignment=True)

    @field_validator("*", mode="before")
    @classmethod
    def _safe(cls, value: Any) -> Any:
        """Text from outside (pairs, hand-edited files) never carries escapes or controls."""
        if isinstance(value, str):
            return safe_text(value)
        if isinstance(value, list):
            return [safe_text(v) if isinstance(v, str) else v for v in value]
        return value


class Party(_Strict):
    name: str
    short_name: str | None = None
    representative: str | None = None  # 「代表 …」 in the letter's sender block
    address: str | None = None
    contact: str | None = None  # where the reply goes (phone, e-mail …)


class Respondent(_Strict):
    body: str
    head_title: str | None = None
    head_name: str | None = None

    def addressee(self) -> str:
        parts = [self.body, self.head_title or "", self.head_name or ""]
        return " ".join(p for p in parts if p)


class QuestionsMeta(_Strict):
    title: str
    date: dt.date | None = None
    deadline: dt.date | None = None
    preamble: str | None = None
    contact: str | None = None


class ReplyMeta(_Strict):
    title: str | None = None
    date: dt.date | None = None
    preamble: str | None = None
    contact: str | None = None


class Section(_Strict):
    ref: str
    title: str
    context: str | None = None


class Item(_Strict):
    ref: str
    question: str | None = None
    restated: str | None = None
    answer: str | None = None
    merged: list[str] = Field(default_factory=list)
    follows: list[str] = Field(default_factory=list)

    @property
    def asked(self) -> str:
        """What was asked: the original question, or the reply's restatement of it."""
        return self.question or self.restated or ""


class Unmatched(_Strict):
    ref: str | None = None
    text: str | None = None
    answer: str | None = None


class Record(_Strict):
    format: int = FORMAT
    round: int = 1
    previous: str | None = None
    questions: QuestionsMeta
    asker: Party
    respondent: Respondent
    reply: ReplyMeta = Field(default_factory=ReplyMeta)
    sections: list[Section] = Field(default_factory=list)
    items: list[Item]
    unmatched: list[Unmatched] = Field(default_factory=list)
    _index: tuple[dict[str, Item], dict[str, Section]] = PrivateAttr(default=({}, {}))
    _index_key: tuple[int, int, int, int] | None = PrivateAttr(default=None)
    _positions: dict[str, int] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _refs_consistent(self) -> Record:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(self.items):
            if item.ref in seen:
                problems.append(
                    (
                        ("items", i, "ref"),
                        f"ref「{item.ref}」が重複しています(items[{seen[item.ref]}] と同じ)。",
                    )
                )
            seen.setdefault(item.ref, i)
        for i, item in enumerate(self.items):
            for j, other in enumerate(item.merged):
                if other not in seen:
                    problems.append(
                        (("items", i, "merged", j), f"merged に存在しない ref「{other}」があります。")
                    )
                elif other == item.ref:
                    problems.append((("items", i, "merged", j), "merged に自分自身の ref があります。"))
        if problems:
            raise _RefProblems(problems)
        return self

    def __eq__(self, other: object) -> bool:
        """Equal when the data is equal; the lookup cache is not part of a record."""
        return isinstance(other, Record) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def item(self, ref: str) -> Item | None:
        return self._lookup()[0].get(ref)

    def positions(self) -> dict[str, int]:
        """Where each item stands in the record (0-based), by ref; built once."""
        self._lookup()
        return self._positions

    def _lookup(self) -> tuple[dict[str, Item], dict[str, Section]]:
        """Items and sections by ref, built once (looked up per item in drafts of 2,000 items).
        Rebuilt if the lists were replaced or grew, so a changed record is never misread."""
        key = (id(self.items), len(self.items), id(self.sections), len(self.sections))
        if self._index_key != key:
            self._index = ({it.ref: it for it in self.items}, {s.ref: s for s in self.sections})
            self._positions = {it.ref: i for i, it in enumerate(self.items)}
            self._index_key = key
        return self._index

    def section_for(self, ref: str) -> list[Section]:
        """Sections enclosing `ref`, outermost first (a section's ref begins its items' refs)."""
        sections = self._lookup()[1]
        return [
            sections[ref[:n]] for n in range(1, len(ref)) if ref[:n] in sections and ref_within(ref, ref[:n])
        ]


_NUMERAL_CHARS = set("0123456789〇一二三四五六七八九十百")


def ref_within(ref: str, outer: str) -> bool:
    """True when `ref` lies under `outer`: 「第1の2」 under 「第1」, but not 「第10の1」."""
    if ref == outer or not ref.startswith(outer):
        return False
    return not (outer[-1] in _NUMERAL_CHARS and ref[len(outer)] in _NUMERAL_CHARS)


class _RefProblems(ValueError):
    def __init__(self, problems: list[tuple[tuple[str | int, ...], str]]) -> None:
        super().__init__("ref problems")
        self.problems = problems


_MESSAGES = {
    "missing": "必須の項目がありません。",
    "extra_forbidden": "知らない項目です(綴りを確認してください)。",
    "string_type": "文字列を書いてください。",
    "int_type": "整数を書いてください。",
    "int_parsing": "整数を書いてください。",
    "list_type": "リスト(- で始まる行)を書いてください。",
    "dict_type": "項目の集まり(キー: 値)を書いてください。",
    "model_type": "項目の集まり(キー: 値)を書いてください。",
    "model_attributes_type": "項目の集まり(キー: 値)を書いてください。",
    "date_type": "日付を 2016-05-25 の形で書いてください。",
    "date_parsing": "日付を 2016-05-25 の形で書いてください。",
    "date_from_datetime_parsing": "日付を 2016-05-25 の形で書いてください。",
    "date_from_datetime_inexact": "日付を 2016-05-25 の形で書いてください(時刻は不要です)。",
    "bool_type": "true か false を書いてください。",
    "bool_parsing": "true か false を書いてください。",
    "literal_error": "使えない値です。",
    "enum": "使えない値です。",
}


def validation_problems(exc: ValidationError, located: Located) -> list[str]:
    """Pydantic's errors as `line: field: message` lines in Japanese."""
    out = []
    for err in exc.errors():
        ctx_error = err.get("ctx", {}).get("error")
        if isinstance(ctx_error, _RefProblems):
            for loc, message in ctx_error.problems:
                out.append(f"{located.line_of(loc)}: {dotted_path(loc)}: {message}")
            continue
        loc = tuple(err["loc"])
        message = _MESSAGES.get(err["type"], err["msg"])
        if err["type"] == "literal_error" and "expected" in err.get("ctx", {}):
            message = f"使えない値です(使える値: {err['ctx']['expected']})。"
        out.append(f"{located.line_of(loc)}: {dotted_path(loc)}: {message}")
    return out


def parse_model(model: type[M], located: Located, path: Path) -> M:
    if not isinstance(located.data, dict):
        raise RecordError(path, ["1: ファイルの最上位は「キー: 値」の集まりにしてください。"])
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise RecordError(path, validation_problems(exc, located)) from exc


def load_record(path: Path) -> Record:
    located = load_yaml(path)
    record = parse_model(Record, located, path)
    if record.format != FORMAT:
        raise RecordError(
            path,
            [f"{located.line_of(('format',))}: format: この版の followup が読める形式は {FORMAT} です。"],
        )
    return record


def record_to_data(record: Record) -> dict[str, Any]:
    data = record.model_dump(mode="python")
    # Keep the file short for hand-editing: leave out empty lists and nulls of optional parts.
    for item in data["items"]:
        for key in ("merged", "follows"):
            if not item[key]:
                del item[key]
    if not data["unmatched"]:
        del data["unmatched"]
    if data["previous"] is None:
        del data["previous"]
    for key in ("representative", "address", "contact"):  # optional sender details
        if data["asker"].get(key) is None:
            data["asker"].pop(key, None)
    return data


def dump_record(record: Record) -> str:
    return dump_yaml(record_to_data(record))


def save_record(record: Record, path: Path, *, force: bool = False) -> None:
    atomic_write(path, dump_record(record), force=force)
