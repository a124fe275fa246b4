"""The review session: every decision, saved the moment it is made.

The session file lives next to the record (`NAME.session.yaml` beside `NAME.yaml`) and is
also the decisions file of scripted runs (`draft --decisions FILE`).  Each save writes a
temp file, fsyncs and renames, so Ctrl-C, a closed terminal or kill -9 leaves either the
previous or the new complete file.  Each decision remembers a digest of the item it was
made on, so a later edit of the record is noticed instead of applied to the wrong item.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from followup.errors import RecordError
from followup.records import Item, Record, parse_model
from followup.yamlio import atomic_write, dump_yaml, load_yaml

Label = Literal[
    "answered", "partial", "unanswered", "deferred", "declined", "deflected", "evasive", "conditional"
]
Action = Literal["followup", "skip"]
Priority = Literal["high", "normal", "low"]


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ref: str
    action: Action
    label: Label | None = None
    text: str | None = None
    priority: Priority = "normal"
    item_digest: str | None = None


class AddedQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    section: str | None = None
    priority: Priority = "normal"


class _SessionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: int = 1
    record: str | None = None
    decisions: list[Decision] = Field(default_factory=list)
    added: list[AddedQuestion] = Field(default_factory=list)


class Session:
    """Decisions by ref, in the order they were made; saved after every change."""

    def __init__(self, path: Path, record: Record, data: _SessionFile) -> None:
        self.path = path
        self.record = record
        self.data = data

    @property
    def decisions(self) -> dict[str, Decision]:
        return {d.ref: d for d in self.data.decisions}

    def decide(self, decision: Decision) -> None:
        item = self.record.item(decision.ref)
        if item is not None:
            decision.item_digest = item_digest(item)
        self.data.decisions = [d for d in self.data.decisions if d.ref != decision.ref] + [decision]
        self.save()

    def undo(self, ref: str) -> None:
        self.data.decisions = [d for d in self.data.decisions if d.ref != ref]
        self.save()

    def backup(self) -> Path | None:
        """Copy the session file aside (before --restart) and say where."""
        if not self.path.exists():
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.{stamp}.bak")
        atomic_write(target, self.path.read_bytes())
        return target

    def add_question(self, question: AddedQuestion) -> None:
        self.data.added.append(question)
        self.save()

    def save(self) -> None:
        data = self.data.model_dump(mode="python", exclude_none=True)
        header = "# followup の確認結果(判断ごとに自動保存)。書式は docs/decisions.md を参照。\n"
        atomic_write(self.path, header + dump_yaml(data))

    def stale(self) -> dict[str, str]:
        """Decisions that no longer match the record (item gone or edited): ref → why."""
        problems = {}
        for d in self.data.decisions:
            item = self.record.item(d.ref)
            if item is None:
                problems[d.ref] = "記録ファイルにこの項目がありません(判断は使いません)。"
            elif d.item_digest and d.item_digest != item_digest(item):
                problems[d.ref] = "判断の後で質問か回答の文章が変わりました(判断は使いません)。"
        return problems

    def valid_decisions(self) -> dict[str, Decision]:
        stale = self.stale()
        return {ref: d for ref, d in self.decisions.items() if ref not in stale}


def item_digest(item: Item) -> str:
    text = f"{item.ref}\x00{item.asked}\x00{item.answer or ''}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def session_path(record_path: Path) -> Path:
    """`NAME.session.yaml` beside `NAME.yaml`; for the bundled J-LIS example, in the current
    folder instead, so that nothing is ever written inside the installed package."""
    from followup.paths import default_record

    name = record_path.stem + ".session.yaml"
    if record_path.resolve() == default_record().resolve():
        return Path.cwd() / name
    return record_path.with_name(name)


def load_session(path: Path, record: Record) -> Session:
    """Read and validate a session or decisions file; refs must exist in the record."""
    located = load_yaml(path)
    data = parse_model(_SessionFile, located, path)
    problems = []
    for i, d in enumerate(data.decisions):
        if record.item(d.ref) is None:
            line = located.line_of(("decisions", i, "ref"))
            problems.append(f"{line}: decisions[{i}].ref: 記録ファイルにない ref「{d.ref}」です。")
        if d.action == "followup" and not (d.text or "").strip():
            line = located.line_of(("decisions", i))
            problems.append(
                f"{line}: decisions[{i}].text: action が followup のときは text(質問文)が必要です。"
            )
    if problems:
        raise RecordError(path, problems)
    return Session(path, record, data)


def new_session(path: Path, record: Record, record_path: Path) -> Session:
    return Session(path, record, _SessionFile(record=record_path.name))


def load_session_if_any(record_path: Path, record: Record) -> Session | None:
    path = session_path(record_path)
    return load_session(path, record) if path.exists() else None
