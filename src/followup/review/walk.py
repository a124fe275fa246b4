"""`followup review`: one flagged item at a time, every decision saved as it is made.

What is shown and offered is built here as plain data (`screen`, `actions`); asking goes
through `prompts`, the one module that touches the terminal.  Nothing is kept only in
memory: the session file is rewritten atomically after each decision, so stopping at any
moment — 中断, Ctrl-C, a closed terminal, kill -9 — loses nothing decided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType

from followup.display import fold, fold_highlight, gist
from followup.errors import UsageProblem
from followup.records import Item, Record, Section
from followup.review.session import AddedQuestion, Decision, Session, load_session, new_session, session_path
from followup.review.suggest import suggestions
from followup.rounds import Step, ThreadView, view_thread
from followup.textnorm import comparable
from followup.triage import LABELS, Verdict, dropped_in_restatement
from followup.triage.report import LABEL_JA

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


def build_queue(view: ThreadView, include_all: bool) -> list[Entry]:
    record = view.record
    queue = []
    for item in record.items:
        verdict = view.verdicts[item.ref]
        if include_all or verdict.label != "answered":
            queue.append(
                Entry(
                    item,
                    verdict,
                    record.section_for(item.ref),
                    view.steps.get(item.ref, []),
                    view.earlier_for_wording(item.ref),
                )
            )
    return queue


def effective_verdict(entry: Entry, label: str | None) -> Verdict:
    """The organizer's label, when they changed it, drives the suggestions."""
    if label and label != entry.verdict.label:
        return replace(entry.verdict, label=label, auto_label=entry.verdict.label)
    return entry.verdict


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
    item = entry.item
    verdict = effective_verdict(entry, label or (decision.label if decision else None))
    lines = [f"── {index + 1}/{total} ── {item.ref}"]
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
        lines.append(
            gist(
                f"【第{step.round}回 {step.ref}】{LABEL_JA[step.verdict.label]} {cite['date']}「{cite['quote']}」",
                cols,
            )
        )
    label = LABEL_JA[verdict.label]
    if verdict.auto_label:
        label += f"(自動判定: {LABEL_JA[verdict.auto_label]})"
    tail = [f"【判定】{label}", *("  " + ln for r in verdict.reasons for ln in fold(r, cols - 2))]
    if decision:
        state = "見送り" if decision.action == "skip" else "再質問する"
        tail.append(f"【決定済み】{state}(優先度: {PRIORITY_JA[decision.priority]})")
    answer = item.answer or "(回答なし)"
    span = None
    if verdict.trigger and verdict.trigger in answer:
        start = answer.index(verdict.trigger)
        span = (start, start + len(verdict.trigger))
    answer_lines = ["  " + ln for ln in fold_highlight(answer, cols - 2, span, view.color)]
    budget = max(view.rows - len(lines) - len(tail) - 1 - reserve, 3)
    chunk = answer_lines[page * budget : (page + 1) * budget]
    more = (page + 1) * budget < len(answer_lines)
    pages = (len(answer_lines) + budget - 1) // budget
    head = "【回答】" + (f"({page + 1}/{pages} ページ)" if pages > 1 else "")
    return [*lines, head, *chunk, *tail], more


def actions(variants: list[str], more: bool, can_back: bool, columns: int) -> list:
    """The main menu, kept short so that item and menu fit an 80×24 terminal together."""
    from followup.display import gist
    from followup.review.prompts import Choice

    width = max(columns - 16, 16)
    out = [Choice("回答の続きを読む", "more")] if more else []
    out += [Choice(f"文案{i + 1}を使う: {gist(v, width)}", f"use:{i}") for i, v in enumerate(variants)]
    out += [Choice("文案を選んで編集する", "edit"), Choice("この項目は再質問しない(見送り)", "skip")]
    if can_back:
        out.append(Choice("前の項目に戻る", "back"))
    out += [Choice("その他の操作…", "other"), Choice("中断する(ここまでの判断は保存済み)", "quit")]
    return out


def other_actions() -> list:
    from followup.review.prompts import Choice

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
            f"  {e.item.ref}  {LABEL_JA[effective_verdict(e, d.label if d else None).label]}  {state}"
        )
    return lines


def open_session(
    record_path: Path,
    record: Record,
    session_file: Path | None,
    restart: bool,
    ask: ModuleType | None,
    echo: Echo,
) -> Session:
    path = session_file or session_path(record_path)
    if not path.exists():
        return new_session(path, record, record_path)
    session = load_session(path, record)
    if restart:
        if ask is not None and not ask.confirm(
            f"{path} の判断をすべて消して最初からやり直しますか(控えを残します)?"
        ):
            echo("やり直しを取りやめました。前回の続きから再開します。")
        else:
            backup = session.backup()
            echo(f"控えを保存しました: {backup}")
            fresh = new_session(path, record, record_path)
            fresh.save()  # the old decisions must not come back if nothing is decided now
            return fresh
    for ref, why in session.stale().items():
        echo(f"注意: {ref}: {why}")
    return session


def run_review(
    record_path: Path,
    *,
    include_all: bool = False,
    restart: bool = False,
    accept_suggestions: bool = False,
    interactive: bool = True,
    templates: Path | None = None,
    session_file: Path | None = None,
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
        from followup.review import prompts as ask
    view = view or View()
    thread = view_thread(record_path)
    record = thread.record
    queue = build_queue(thread, include_all)
    session = open_session(record_path, record, session_file, restart, ask if interactive else None, echo)
    echo(f"確認の記録: {session.path}")
    if not queue:
        echo("確認が必要な項目はありません(すべて「回答あり」です)。--all で全項目を確認できます。")
        return session
    if not interactive:
        for entry in queue:
            if entry.item.ref not in session.valid_decisions():
                text = suggestions(record, entry.item, entry.verdict, templates, entry.earlier)[0]
                session.decide(
                    Decision(ref=entry.item.ref, action="followup", label=entry.verdict.label, text=text)
                )
        for line in summary_lines(session, queue):
            echo(line)
        return session
    assert ask is not None
    _walk(record, queue, session, templates, view, echo, ask)
    return session


def _first_open(queue: list[Entry], session: Session) -> int:
    decided = session.valid_decisions()
    return next((i for i, e in enumerate(queue) if e.item.ref not in decided), len(queue))


def _walk(
    record: Record,
    queue: list[Entry],
    session: Session,
    templates: Path | None,
    view: View,
    echo: Echo,
    ask: ModuleType,
) -> None:
    from followup.review.prompts import Choice

    index = _first_open(queue, session)
    if session.data.decisions and index < len(queue):
        done = len(session.valid_decisions())
        echo(f"前回の続きから再開します({index + 1}/{len(queue)} 件目、決定済み {done} 件)。")
    page, priority, label = 0, "normal", None
    while index < len(queue):
        entry = queue[index]
        saved = session.valid_decisions().get(entry.item.ref)
        label = label or (saved.label if saved else None)
        verdict = effective_verdict(entry, label)
        variants = suggestions(record, entry.item, verdict, templates, entry.earlier)
        menu = actions(variants, False, index > 0, view.columns)
        lines, more = screen(entry, index, len(queue), saved, view, page, reserve=len(menu) + 2, label=label)
        if more:
            menu = actions(variants, True, index > 0, view.columns)
        echo("")
        for line in lines:
            echo(line)
        choice = ask.select("どうしますか", menu, default="use:0")
        if choice == "other":
            choice = ask.select("その他の操作", other_actions())
        kind, _, arg = choice.partition(":")

        outcome: tuple[str, str | None] | None = None  # (action, text) to save, if decided
        if kind == "use":
            outcome = ("followup", variants[int(arg)])
        elif kind in ("edit", "own"):
            initial = ""
            if kind == "edit":
                pick = ask.select(
                    "どの文案を編集しますか", [_variant_choice(i, v, view) for i, v in enumerate(variants)]
                )
                initial = variants[int(pick)]
            text = ask.edit_text("質問文を書いてください", initial)
            if not text:
                echo("空の質問文は保存しません。")
                continue
            outcome = ("followup", text)
        elif kind == "skip":
            outcome = ("skip", None)
        elif kind == "label":
            label = ask.select(
                "判定を選んでください",
                [Choice(f"{LABEL_JA[k]}({k})", k) for k in LABELS],
                default=verdict.label,
            )
            continue
        elif kind == "priority":
            priority = ask.select("優先度", [Choice(v, k) for k, v in PRIORITY_JA.items()], default=priority)
            continue
        elif kind == "more":
            page += 1
            continue
        elif kind in ("context", "summary"):
            for line in _context_lines(entry, view) if kind == "context" else summary_lines(session, queue):
                echo(line)
            ask.press_enter()
            continue
        elif kind == "add":
            text = ask.edit_text("追加する質問文を書いてください", "")
            if text:
                section = entry.sections[0].ref if entry.sections else None
                session.add_question(AddedQuestion(text=text, section=section))
                echo("追加しました。")
            continue
        elif kind == "cancel":
            continue
        elif kind == "quit":
            echo(
                f"中断しました。ここまでの判断は {session.path} に保存済みです。followup review で続きから再開します。"
            )
            return
        if kind == "back":
            index -= 1
        else:
            assert outcome is not None
            action, text = outcome
            session.decide(
                Decision(ref=entry.item.ref, action=action, label=verdict.label, text=text, priority=priority)  # type: ignore[arg-type]
            )
            index += 1
        page, priority, label = 0, "normal", None
    echo("")
    echo("すべての項目を確認しました。")
    for line in summary_lines(session, queue):
        echo(line)
    echo("再質問書を作るには: followup draft -o 再質問書.docx")


def _context_lines(entry: Entry, view: View) -> list[str]:
    out = []
    for section in entry.sections:
        out.append(f"■ {section.ref} {section.title}")
        out += ["  " + ln for ln in fold(section.context or "(前置きなし)", view.columns - 2)]
    return out


def _variant_choice(i: int, text: str, view: View):
    from followup.display import gist
    from followup.review.prompts import Choice

    return Choice(f"文案{i + 1}: {gist(text, max(view.columns - 12, 20))}", str(i))
