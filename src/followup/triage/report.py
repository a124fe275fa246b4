"""Printing verdicts: a table for people, JSON / JSONL / CSV for other tools."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from followup.labels import LABEL_JA as _LABEL_JA
from followup.records import Item
from followup.triage.verdict import Verdict

# By spelling, for callers that index with the label as read from files (review/walk.py).
LABEL_JA: dict[str, str] = {label.value: name for label, name in _LABEL_JA.items()}
UNCERTAIN_MARK = "要確認"  # shown next to a label the tool is unsure of

__all__ = ["LABEL_JA", "UNCERTAIN_MARK", "as_csv", "as_json", "as_jsonl", "print_table"]


def as_json(rows: Iterable[tuple[Verdict, Item | None]]) -> str:
    return json.dumps([v.to_dict(i) for v, i in rows], ensure_ascii=False, indent=2) + "\n"


def as_jsonl(rows: Iterable[tuple[Verdict, Item | None]]) -> str:
    return "".join(json.dumps(v.to_dict(i), ensure_ascii=False) + "\n" for v, i in rows)


def as_csv(rows: Iterable[tuple[Verdict, Item | None]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["ref", "label", "label_ja", "trigger", "reasons", "question", "answer", "confidence", "uncertain"]
    )
    for v, item in rows:
        writer.writerow(
            [
                v.ref,
                v.label,
                LABEL_JA[v.label],
                v.trigger or "",
                " ".join(v.reasons),
                item.asked if item else "",
                (item.answer or "") if item else "",
                f"{v.confidence:.2f}",
                "1" if v.uncertain else "",
            ]
        )
    return out.getvalue()


def print_table(rows: list[tuple[Verdict, Item | None]], *, color: bool, width: int) -> None:
    from rich.console import Console
    from rich.table import Table

    class PipedConsole(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 by itself; the CLI answers a reader that went away (`| head`) with 0,
            # as for every other output
            raise BrokenPipeError

    console = PipedConsole(
        no_color=not color,
        highlight=False,
        width=width,
        soft_wrap=False,
        force_terminal=color,
        color_system="standard" if color else None,
    )
    table = Table(show_lines=True, expand=False)
    for name in ("ref", "判定", "きっかけの語句・理由"):
        table.add_column(name, overflow="fold")
    for verdict, item in rows:
        table.add_row(verdict.ref, _label_cell(verdict), _detail_cell(verdict, item, color=color))
    console.print(table)
    console.print(_summary(rows))


def _label_cell(verdict: Verdict) -> str:
    """The label in Japanese; the automatic one under an organizer's correction, or 要確認."""
    label = LABEL_JA[verdict.label]
    if verdict.auto_label:
        return label + f"\n(自動: {LABEL_JA[verdict.auto_label]})"
    return label + (f"\n({UNCERTAIN_MARK})" if verdict.uncertain else "")


def _detail_cell(verdict: Verdict, item: Item | None, *, color: bool) -> Any:
    from rich.text import Text

    detail = Text()
    if verdict.trigger:
        answer = (item.answer or "") if item else ""
        if color and verdict.trigger in answer:
            detail.append("「")
            detail.append(verdict.trigger, style="bold red")
            detail.append("」\n")
        else:
            detail.append(f"「{verdict.trigger}」\n")
    detail.append(" ".join(verdict.reasons))
    return detail


def _summary(rows: list[tuple[Verdict, Item | None]]) -> str:
    counts: dict[str, int] = {}
    for verdict, _ in rows:
        counts[verdict.label] = counts.get(verdict.label, 0) + 1
    summary = "、".join(f"{LABEL_JA[k]} {n}" for k, n in counts.items())
    unsure = sum(1 for verdict, _ in rows if verdict.uncertain and not verdict.auto_label)
    return summary + (f"(うち{UNCERTAIN_MARK} {unsure})" if unsure else "")
