"""Threads of exchanges: a 再質問書 becomes the record of the next round, linked item by
item to what it follows up, so that every answer in the chain can be cited and a body
that declines again can be told so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from followup.dates import to_wareki
from followup.errors import RecordError
from followup.labels import LABELS, Label
from followup.quotes import quote_of
from followup.records import Item, Record, load_record
from followup.triage import Lexicon, Verdict, classify

NON_ANSWERS = frozenset(label for label in LABELS if label is not Label.ANSWERED)
REFUSALS = frozenset({Label.DECLINED, Label.DEFERRED})


@dataclass(frozen=True)
class Round:
    path: Path
    record: Record


@dataclass(frozen=True)
class Step:
    """One earlier answer to the same matter, as cited in a later round."""

    round: int
    ref: str
    item: Item
    verdict: Verdict
    record: Record

    def cite(self) -> dict[str, str]:
        date = self.record.reply.date
        return {
            "round": str(self.round),
            "ref": self.ref,
            "date": to_wareki(date) if date else "日付不明",
            "quote": quote_of(self.item.answer, self.verdict.trigger),
            "label": self.verdict.label,
            "title": self.record.reply.title or "",
        }


def load_thread(path: Path) -> list[Round]:
    """The record and every earlier round it links to, oldest first."""
    rounds: list[Round] = []
    seen: set[Path] = set()
    current: Path | None = path
    while current is not None:
        resolved = current.resolve()
        if resolved in seen:
            raise RecordError(current, ["1: previous: やりとりのつながりが循環しています。"])
        seen.add(resolved)
        record = load_record(current)
        rounds.append(Round(current, record))
        if record.previous is None:
            current = None
        else:
            current = current.parent / record.previous
            if not current.exists():
                raise RecordError(path, [f"1: previous: 前回の記録ファイル {current} が見つかりません。"])
    return list(reversed(rounds))


def history(thread: list[Round], item: Item, lexicon: Lexicon) -> list[Step]:
    """Earlier answers that `item` (in the last round) follows up, oldest first."""
    steps: list[Step] = []
    refs = list(item.follows)
    for back in reversed(thread[:-1]):
        next_refs: list[str] = []
        for ref in refs:
            earlier = back.record.item(ref)
            if earlier is None:
                continue
            steps.append(Step(back.record.round, ref, earlier, classify(earlier, lexicon), back.record))
            next_refs.extend(earlier.follows)
        refs = next_refs
    return list(reversed(steps))


def escalation_reason(steps: list[Step], verdict: Verdict) -> str | None:
    """「前回に続き」: the body refused before and does so again."""
    earlier = [s for s in steps if s.verdict.label in REFUSALS]
    if earlier and verdict.label in NON_ANSWERS:
        when = "、".join(f"{s.cite()['date']}付け" for s in earlier)
        return f"{when}の回答に続き、今回も答えていません(再三にわたる回答拒否・先送り)。"
    return None


def relink(record: Record, source: Path, target: Path) -> Record:
    """Keep `previous` pointing at the same file when a record is saved somewhere else."""
    if record.previous is None:
        return record
    earlier = os.path.abspath(source.parent / record.previous)
    return record.model_copy(update={"previous": relative_previous(Path(earlier), target)})


def relative_previous(earlier: Path, target: Path) -> str:
    """`previous:` for a record saved at `target`: relative to the folder the path names.

    Neither path is resolved through symlinks, because `load_thread` follows `previous`
    from the folder of the path it was given (a record reached through a link)."""
    return os.path.relpath(os.path.abspath(earlier), os.path.dirname(os.path.abspath(target)))
