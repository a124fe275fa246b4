"""`followup review`: one flagged item at a time, every decision saved as it is made.

What is shown and offered is built here as plain data (`screen`, `actions`); asking goes
through `prompts`, the one module that touches the terminal.  Nothing is kept only in
memory: the session file is rewritten atomically after each decision, so stopping at any
moment — 中断, Ctrl-C, a closed terminal, kill -9 — loses nothing decided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from followup.case import Case, open_case, relabel
from followup.decisions import (
    AddedQuestion,
    Decision,
    Priority,
    Session,
    load_session,
    lock_session,
    new_session,
    session_path,
)
from followup.display import fold, fold_highlight, gist
from followup.errors import UsageProblem
from followup.labels import LABELS, Label, label_ja
from followup.outputs import refuse_clashes
from followup.records import Item, Section
from followup.review import prompts
from followup.review.prompts import Choice
from followup.rounds import Step
from followup.textnorm import comparable
from followup.triage import Lexicon, Verdict, dropped_in_restatement

PRIORITY_JA = {"high": "高", "normal": "普通", "low": "低"}
Echo = Callable[[str], None]


@dataclass
class Entry:
    item: Item
    verdict: Verdict
    sections: list[Section]
    history: list[Step] = field(default_factory=list)  # earlier rounds of the same matter
    earlier: list[dict[str, str]] = field(default_factory=list)  # cited when escalating


@dataclass
class View:
    columns: int = 80
    rows: int = 24
    color: bool = False


def build_queue(case: Case, include_all: bool) -> list[Entry]:
    queue = []
    for verdict, item in case.rows():
        if include_all or verdict.label != Label.ANSWERED:
            queue.append(
                Entry(
                    item,
                    case.automatic[item.ref],
                    case.record.section_for(item.ref),
                    case.steps.get(item.ref, []),
                    case.earlier_for_wording(item.ref),
                )
            )
    return queue


def effective_verdict(entry: Entry, label: str | None) -> Verdict:
    """The organizer's label, when they changed it, drives the suggestions."""
    return relabel(entry.verdict, label)


def _question_lines(entry: Entry, cols: int) -> list[str]:
    item = entry.item
    lines = []
    if entry.sections:
        lines += ["  " + ln for ln in fold(" › ".join(s.title for s in entry.sections), cols - 2)]
    lines.append("【質問】")
    lines += ["  " + ln for ln in fold(item.asked, cols - 2)]
    if item.restated and item.question and comparable(item.restated) != comparable(item.question):
        dropped = dropped_in_restatement(item)
        if dropped:
            lines.append("【回答書の引用で落ちた部分】" + "、".join(f"「{d}」" for d in dropped))
        else:
            lines.append("【回答書は質問を言い換えて引用しています】")
    if item.merged:
        lines.append(f"【まとめて回答】{'・'.join(item.merged)} と同じ回答")
    for step in entry.history:
        cite = step.cite()
        head = f"【第{step.round}回 {step.ref}】{label_ja(step.verdict.label)} {cite['date']}"
        lines.append(gist(f"{head}「{cite['quote']}」", cols))
    return lines


def _verdict_lines(verdict: Verdict, decision: Decision | None, cols: int) -> list[str]:
    label = label_ja(verdict.label)
    if verdict.auto_label:
        label += f"(自動判定: {label_ja(verdict.auto_label)})"
    lines = [f"【判定】{label}", *("  " + ln for r in verdict.reasons for ln in fold(r, cols - 2))]
    if decision:
        state = "見送り" if decision.action == "skip" else "再質問する"
        lines.append(f"【決定済み】{state}(優先度: {PRIORITY_JA[decision.priority]})")
    return lines


def _answer_lines(item: Item, verdict: Verdict, cols: int, color: bool) -> list[str]:
    answer = item.answer or "(回答なし)"
    span = None
    if verdict.trigger and verdict.trigger in answer:
        start = answer.index(verdict.trigger)
        span = (start, start + len(verdict.trigger))
    return ["  " + ln for ln in fold_highlight(answer, cols - 2, span, color)]


def screen(
    entry: Entry,
    index: int,
    total: int,
    decision: Decision | None,
    view: View,
    page: int,
    reserve: int = 9,
    label: str | None = None,
) -> tuple[list[str], bool]:
    """The lines for one item, and whether more of the answer is left to page through.

    `reserve` lines are kept free for the menu, so nothing scrolls off the terminal."""
    cols = max(view.columns - 2, 20)
    verdict = effective_verdict(entry, label or (decision.label if decision else None))
    lines = [f"── {index + 1}/{total} ── {entry.item.ref}", *_question_lines(entry, cols)]
    tail = _verdict_lines(verdict, decision, cols)
    answer_lines = _answer_lines(entry.item, verdict, cols, view.color)
    budget = max(view.rows - len(lines) - len(tail) - 1 - reserve, 3)
    chunk = answer_lines[page * budget : (page + 1) * budget]
    more = (page + 1) * budget < len(answer_lines)
    pages = (len(answer_lines) + budget - 1) // budget
    head = "【回答】" + (f"({page + 1}/{pages} ページ)" if pages > 1 else "")
    return [*lines, head, *chunk, *tail], more


def actions(variants: list[str], more: bool, can_back: bool, columns: int) -> list[Choice]:
    """The main menu, kept short so that item and menu fit an 80×24 terminal together."""
    width = max(columns - 16, 16)
    out = [Choice("回答の続きを読む", "more")] if more else []
    out += [Choice(f"文案{i + 1}を使う: {gist(v, width)}", f"use:{i}") for i, v in enumerate(variants)]
    out += [Choice("文案を選んで編集する", "edit"), Choice("この項目は再質問しない(見送り)", "skip")]
    if can_back:
        out.append(Choice("前の項目に戻る", "back"))
    out += [Choice("その他の操作…", "other"), Choice("中断する(ここまでの判断は保存済み)", "quit")]
    return out


def other_actions() -> list[Choice]:
    return [
        Choice("自分で質問文を書く", "own"),
        Choice("判定を変える", "label"),
        Choice("優先度を付ける", "priority"),
        Choice("見出しと前置きを見る", "context"),
        Choice("新しい質問を追加する(前回回答を引用しない)", "add"),
        Choice("これまでの判断を見る", "summary"),
        Choice("戻る", "cancel"),
    ]


def summary_lines(session: Session, queue: list[Entry]) -> list[str]:
    decisions = session.decisions
    follow = sum(1 for e in queue if (d := decisions.get(e.item.ref)) and d.action == "followup")
    skipped = sum(1 for e in queue if (d := decisions.get(e.item.ref)) and d.action == "skip")
    open_ = len(queue) - follow - skipped
    lines = [
        f"再質問 {follow} 件、見送り {skipped} 件、未決定 {open_} 件、追加の質問 {len(session.data.added)} 件"
    ]
    for e in queue:
        d = decisions.get(e.item.ref)
        state = (
            "未決定"
            if d is None
            else ("見送り" if d.action == "skip" else f"再質問(優先度 {PRIORITY_JA[d.priority]})")
        )
        lines.append(
            f"  {e.item.ref}  {label_ja(effective_verdict(e, d.label if d else None).label)}  {state}"
        )
    return lines


def open_session(
    case: Case,
    session_file: Path | None,
    restart: bool,
    ask: ModuleType | None,
    echo: Echo,
) -> Session:
    """The session to save into: the existing one (resumed), or a fresh one."""
    record = case.record
    path = session_file or session_path(case.path)
    if not path.exists():
        return new_session(path, record, case.path)
    session = load_session(path, record)
    if restart:
        if ask is not None and not ask.confirm(
            f"{path} の判断をすべて消して最初からやり直しますか(控えを残します)?"
        ):
            echo("やり直しを取りやめました。前回の続きから再開します。")
        else:
            echo(f"控えを保存しました: {session.backup()}")
            session.reset()  # the old decisions must not come back if nothing is decided now
            return session
    _settle_stale(session, ask, echo)
    return session


def _settle_stale(session: Session, ask: ModuleType | None, echo: Echo) -> None:
    """Decisions whose item was renamed, removed or edited: offer to drop or re-attach them."""
    stale = session.stale()
    for ref, why in stale.items():
        echo(f"注意: {ref}: {why}")
    if not stale or ask is None:
        return
    decided = session.valid_decisions()
    free = [it.ref for it in session.record.items if it.ref not in decided and it.ref not in stale]
    for ref in stale:
        if session.record.item(ref) is not None:
            continue  # edited: the item is walked again and the new decision replaces it
        choices = [Choice("この判断を捨てる", ""), *(Choice(f"{new} に付け替える", new) for new in free[:20])]
        target = ask.select(f"{ref} の判断をどうしますか", choices, default="")
        if target:
            session.reattach(ref, target)
            free.remove(target)
            echo(f"{ref} の判断を {target} に付け替えました。")
        else:
            session.drop([ref])
            echo(f"{ref} の判断を捨てました。")


def run_review(
    record_path: Path,
    *,
    include_all: bool = False,
    restart: bool = False,
    accept_suggestions: bool = False,
    interactive: bool = True,
    templates: Path | None = None,
    session_file: Path | None = None,
    lexicon: Lexicon | Path | None = None,
    view: View | None = None,
    echo: Echo = print,
    ask: ModuleType | None = None,
) -> Session:
    """Walk through the items; returns the session (already saved)."""
    if not interactive and not accept_suggestions:
        raise UsageProblem(
            "--non-interactive には --accept-suggestions が必要です(または draft --decisions FILE)。"
        )
    if interactive and ask is None:
        ask = prompts
    case = open_case(record_path, lexicon=lexicon, templates=templates, decisions=None)
    case.session = None  # the walk opens (and locks) the session itself
    path = session_file or session_path(record_path)
    refuse_clashes(case.inputs, [path])  # `--session rec.yaml` must not overwrite the record
    lock = lock_session(path)
    try:
        if lock.note:
            echo(lock.note)
        session = open_session(case, session_file, restart, ask if interactive else None, echo)
        case.session = session
        _review(case, include_all, interactive, view or View(), echo, ask)
    finally:
        lock.release()
    return session


def _review(
    case: Case, include_all: bool, interactive: bool, view: View, echo: Echo, ask: ModuleType | None
) -> None:
    session = case.session
    assert session is not None
    queue = build_queue(case, include_all)
    echo(f"確認の記録: {session.path}")
    if not queue:
        echo("確認が必要な項目はありません(すべて「回答あり」です)。--all で全項目を確認できます。")
        return
    if not interactive:
        for entry in queue:
            if entry.item.ref not in session.valid_decisions():
                session.decide(case.suggested_decision(entry.item.ref))
        for line in summary_lines(session, queue):
            echo(line)
        return
    assert ask is not None
    Walk(case, queue, session, view, echo, ask).run()


@dataclass
class Walk:
    """The interactive walk: one screen per item, one handler per menu action."""

    case: Case
    queue: list[Entry]
    session: Session
    view: View
    echo: Echo
    ask: Any
    index: int = 0
    page: int = 0
    priority: Priority = "normal"
    label: str | None = None
    done: bool = False
    variants: list[str] = field(default_factory=list)

    def run(self) -> None:
        self.index = _first_open(self.queue, self.session)
        if self.session.data.decisions and self.index < len(self.queue):
            done = len(self.session.valid_decisions())
            self.echo(
                f"前回の続きから再開します({self.index + 1}/{len(self.queue)} 件目、決定済み {done} 件)。"
            )
        while self.index < len(self.queue) and not self.done:
            self._step(self.queue[self.index])
        if self.done:
            return
        self.echo("")
        self.echo("すべての項目を確認しました。")
        for line in summary_lines(self.session, self.queue):
            self.echo(line)
        self.echo("再質問書を作るには: followup draft -o 再質問書.docx")

    def _step(self, entry: Entry) -> None:
        saved = self.session.valid_decisions().get(entry.item.ref)
        self.label = self.label or (saved.label if saved else None)
        self.variants = self.case.suggestions(entry.item.ref, self.label)
        menu = actions(self.variants, False, self.index > 0, self.view.columns)
        lines, more = screen(
            entry,
            self.index,
            len(self.queue),
            saved,
            self.view,
            self.page,
            reserve=len(menu) + 2,
            label=self.label,
        )
        if more:
            menu = actions(self.variants, True, self.index > 0, self.view.columns)
        self.echo("")
        for line in lines:
            self.echo(line)
        choice = self.ask.select("どうしますか", menu, default="use:0")
        if choice == "other":
            choice = self.ask.select("その他の操作", other_actions())
        kind, _, arg = choice.partition(":")
        HANDLERS[kind](self, entry, arg)

    # -- handlers: each does one thing; deciding saves at once and moves on --

    def decide(self, entry: Entry, action: str, text: str | None) -> None:
        verdict = effective_verdict(entry, self.label)
        self.session.decide(
            Decision(
                ref=entry.item.ref,
                action=action,  # type: ignore[arg-type]
                label=verdict.label,  # type: ignore[arg-type]
                text=text,
                priority=self.priority,
            )
        )
        self.move(1)

    def move(self, step: int) -> None:
        self.index += step
        self.page, self.priority, self.label = 0, "normal", None

    def use(self, entry: Entry, arg: str) -> None:
        self.decide(entry, "followup", self.variants[int(arg)])

    def edit(self, entry: Entry, arg: str) -> None:
        pick = self.ask.select(
            "どの文案を編集しますか", [_variant_choice(i, v, self.view) for i, v in enumerate(self.variants)]
        )
        self._write(entry, self.variants[int(pick)])

    def own(self, entry: Entry, arg: str) -> None:
        self._write(entry, "")

    def _write(self, entry: Entry, initial: str) -> None:
        text = self.ask.edit_text("質問文を書いてください", initial)
        if not text:
            self.echo("空の質問文は保存しません。")
            return
        self.decide(entry, "followup", text)

    def skip(self, entry: Entry, arg: str) -> None:
        self.decide(entry, "skip", None)

    def back(self, entry: Entry, arg: str) -> None:
        self.move(-1)

    def relabel(self, entry: Entry, arg: str) -> None:
        current = effective_verdict(entry, self.label).label
        self.label = self.ask.select(
            "判定を選んでください", [Choice(f"{label_ja(k)}({k})", k) for k in LABELS], default=current
        )

    def set_priority(self, entry: Entry, arg: str) -> None:
        choices = [Choice(v, k) for k, v in PRIORITY_JA.items()]
        self.priority = self.ask.select("優先度", choices, default=self.priority)

    def more(self, entry: Entry, arg: str) -> None:
        self.page += 1

    def context(self, entry: Entry, arg: str) -> None:
        self._show(_context_lines(entry, self.view))

    def summary(self, entry: Entry, arg: str) -> None:
        self._show(summary_lines(self.session, self.queue))

    def _show(self, lines: list[str]) -> None:
        for line in lines:
            self.echo(line)
        self.ask.press_enter()

    def add(self, entry: Entry, arg: str) -> None:
        text = self.ask.edit_text("追加する質問文を書いてください", "")
        if text:
            section = entry.sections[0].ref if entry.sections else None
            self.session.add_question(AddedQuestion(text=text, section=section))
            self.echo("追加しました。")

    def cancel(self, entry: Entry, arg: str) -> None:
        return

    def quit(self, entry: Entry, arg: str) -> None:
        self.echo(
            f"中断しました。ここまでの判断は {self.session.path} に保存済みです。"
            "followup review で続きから再開します。"
        )
        self.done = True


HANDLERS: dict[str, Callable[[Walk, Entry, str], None]] = {
    "use": Walk.use,
    "edit": Walk.edit,
    "own": Walk.own,
    "skip": Walk.skip,
    "back": Walk.back,
    "label": Walk.relabel,
    "priority": Walk.set_priority,
    "more": Walk.more,
    "context": Walk.context,
    "summary": Walk.summary,
    "add": Walk.add,
    "cancel": Walk.cancel,
    "quit": Walk.quit,
}


def _first_open(queue: list[Entry], session: Session) -> int:
    decided = session.valid_decisions()
    return next((i for i, e in enumerate(queue) if e.item.ref not in decided), len(queue))


def _context_lines(entry: Entry, view: View) -> list[str]:
    out = []
    for section in entry.sections:
        out.append(f"■ {section.ref} {section.title}")
        out += ["  " + ln for ln in fold(section.context or "(前置きなし)", view.columns - 2)]
    return out


def _variant_choice(i: int, text: str, view: View) -> Choice:
    return Choice(f"文案{i + 1}: {gist(text, max(view.columns - 12, 20))}", str(i))
