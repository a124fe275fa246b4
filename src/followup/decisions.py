"""The organizer's decisions on a record: every decision, saved the moment it is made.

The session file lives next to the record (`NAME.session.yaml` beside `NAME.yaml`) and is
also the decisions file of scripted runs (`draft --decisions FILE`).  Each save writes a
temp file, fsyncs and renames, so Ctrl-C, a closed terminal or kill -9 leaves either the
previous or the new complete file.  Each decision remembers a digest of the item it was
made on, so a later edit of the record is noticed instead of applied to the wrong item.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from pydantic import BaseModel, ConfigDict, Field

from followup.errors import OutputError, RecordError, UsageProblem
from followup.labels import LabelName
from followup.outputs import atomic_write
from followup.paths import answers_dir
from followup.records import Item, Record, parse_model
from followup.yamlio import dump_yaml, load_yaml

Action = Literal["followup", "skip"]
Priority = Literal["high", "normal", "low"]


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ref: str
    action: Action
    label: LabelName | None = None
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
    """Decisions by ref, in the order they were made; saved after every change.

    A save re-reads the file and lays this process's changes over what is there, so a
    decision saved by another run (a draft filling in suggestions, a second terminal that
    got past the lock as a stale one) is kept rather than erased."""

    def __init__(self, path: Path, record: Record, data: _SessionFile) -> None:
        self.path = path
        self.record = record
        self.data = data
        self._changed: dict[str, Decision | None] = {}  # ref → new decision, None: undone
        self._added: list[AddedQuestion] = []
        self._stale: dict[str, str] | None = None  # worked out once per change (digests)
        self._valid: dict[str, Decision] | None = None

    @property
    def decisions(self) -> dict[str, Decision]:
        return {d.ref: d for d in self.data.decisions}

    def decide(self, decision: Decision) -> None:
        item = self.record.item(decision.ref)
        if item is not None:
            decision.item_digest = item_digest(item)
        self._changed[decision.ref] = decision
        self.data.decisions = [d for d in self.data.decisions if d.ref != decision.ref] + [decision]
        self.save()

    def undo(self, ref: str) -> None:
        self._changed[ref] = None
        self.data.decisions = [d for d in self.data.decisions if d.ref != ref]
        self.save()

    def drop(self, refs: list[str]) -> None:
        """Forget decisions (those made stale by a renamed or removed item)."""
        for ref in refs:
            self._changed[ref] = None
        self.data.decisions = [d for d in self.data.decisions if d.ref not in refs]
        self.save()

    def reattach(self, old: str, new: str) -> None:
        """Move a decision to the item's new ref (a ref renamed in the record)."""
        decision = self.decisions[old].model_copy(update={"ref": new, "item_digest": None})
        self._changed[old] = None
        self.data.decisions = [d for d in self.data.decisions if d.ref not in (old, new)]
        self.decide(decision)

    def backup(self) -> Path | None:
        """Copy the session file aside (before --restart) and say where; never over another backup."""
        if not self.path.exists():
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        payload = self.path.read_bytes()
        for n in range(1, 10_000):
            suffix = "" if n == 1 else f"-{n}"
            target = self.path.with_name(f"{self.path.name}.{stamp}{suffix}.bak")
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            return target
        raise OutputError(f"{self.path}: 控えのファイル名を決められません。")

    def add_question(self, question: AddedQuestion) -> None:
        self._added.append(question)
        self.data.added.append(question)
        self.save()

    def _merged_with_disk(self) -> _SessionFile:
        if not self.path.exists():
            return self.data
        try:
            disk = parse_model(_SessionFile, load_yaml(self.path), self.path)
        except RecordError:
            return self.data  # a broken file on disk is replaced by what this run holds
        decisions = [d for d in disk.decisions if d.ref not in self._changed]
        decisions += [d for d in self._changed.values() if d is not None]
        added = disk.added + [q for q in self._added if q not in disk.added]
        return self.data.model_copy(update={"decisions": decisions, "added": added})

    def save(self) -> None:
        self._stale = self._valid = None
        self.data = self._merged_with_disk()
        data = self.data.model_dump(mode="python", exclude_none=True)
        header = "# followup の確認結果(判断ごとに自動保存)。書式は docs/decisions.md を参照。\n"
        atomic_write(self.path, header + dump_yaml(data), force=True)

    def reset(self) -> None:
        """Start afresh (review --restart): an empty file replaces the decisions."""
        self._changed = {d.ref: None for d in self.data.decisions}
        self._added = []
        self._stale = self._valid = None
        self.data = _SessionFile(record=self.data.record)
        data = self.data.model_dump(mode="python", exclude_none=True)
        header = "# followup の確認結果(判断ごとに自動保存)。書式は docs/decisions.md を参照。\n"
        atomic_write(self.path, header + dump_yaml(data), force=True)

    def stale(self) -> dict[str, str]:
        """Decisions that no longer match the record (item gone or edited): ref → why."""
        if self._stale is None:
            self._stale = self._find_stale()
        return dict(self._stale)

    def _find_stale(self) -> dict[str, str]:
        problems = {}
        for d in self.data.decisions:
            item = self.record.item(d.ref)
            if item is None:
                problems[d.ref] = "記録ファイルにこの項目がありません(判断は使いません)。"
            elif d.item_digest and d.item_digest != item_digest(item):
                problems[d.ref] = "判断の後で質問か回答の文章が変わりました(判断は使いません)。"
        return problems

    def valid_decisions(self) -> dict[str, Decision]:
        if self._valid is None:
            stale = self.stale()
            self._valid = {ref: d for ref, d in self.decisions.items() if ref not in stale}
        return self._valid


def item_digest(item: Item) -> str:
    text = f"{item.ref}\x00{item.asked}\x00{item.answer or ''}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def session_path(record_path: Path) -> Path:
    """`NAME.session.yaml` beside `NAME.yaml`; for the bundled examples, in the current
    folder instead, so that nothing is ever written inside the installed package."""
    name = record_path.stem + ".session.yaml"
    if record_path.resolve().parent == answers_dir().resolve():
        return Path.cwd() / name
    return record_path.with_name(name)


def load_session(path: Path, record: Record) -> Session:
    """Read and validate a session or decisions file.

    A decision whose ref the record no longer has is kept as stale (named by `stale()`,
    never applied), so a renamed item does not lock the organizer out of the session."""
    located = load_yaml(path)
    data = parse_model(_SessionFile, located, path)
    problems = []
    for i, d in enumerate(data.decisions):
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


@dataclass(frozen=True)
class Lock:
    """Held while `review` runs on a session file, so two reviews cannot erase each other."""

    path: Path
    handle: IO[str]
    note: str | None  # set when a lock left by a process that is gone was taken over

    def release(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def lock_session(path: Path) -> Lock:
    """Take `NAME.session.yaml.lock`; refuse, naming the holder, if another review has it."""
    lock_path = path.with_name(path.name + ".lock")
    handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.seek(0)
        holder = handle.read().strip() or "不明"
        handle.close()
        raise UsageProblem(
            f"{path}: 別の followup review がこの判断の記録を使っています({holder})。"
            "そちらを終えてから実行してください。"
        ) from exc
    handle.seek(0)
    previous = handle.read().strip()
    note = (
        f"前回の review が正しく終わらなかったため、残っていたロック({previous})を引き継ぎました。"
        if previous
        else None
    )
    handle.seek(0)
    handle.truncate()
    started = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    handle.write(f"pid {os.getpid()}、開始 {started}")
    handle.flush()
    return Lock(lock_path, handle, note)
