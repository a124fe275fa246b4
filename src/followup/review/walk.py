"""`followup review`: one item at a time, every decision saved as it is made.

What is shown and offered is built here as plain data: `screen` (the item's header,
question, answer page and reasons, fitted to the terminal), `actions` (the menu, each
suggestion listed by what sets it apart, its full text as the preview), and a `Page` that
holds them; asking goes through `prompts`, the one module that touches the terminal.
`answer_view` renders the answer block on its own, so another view of the answer can be
put in its place.  Nothing is kept only in memory: the session file is rewritten
atomically after each decision, so stopping at any moment — 中断, Ctrl-C, a closed
terminal, kill -9 — loses nothing decided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from types import ModuleType
from typing import Any

from followup.case import Case, open_case, relabel
from followup.clauses import clause_lines
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
from followup.display import fold, gist, width
from followup.errors import UsageProblem
from followup.labels import LABELS, Label, label_ja
from followup.outputs import refuse_clashes
from followup.records import Item, Section
from followup.review import prompts
from followup.review.prompts import Choice, Page
from followup.rounds import Step
from followup.textnorm import comparable
from followup.triage import Lexicon, Verdict, dropped_in_restatement

PRIORITY_JA = {"high": "高", "normal": "普通", "low": "低"}
Echo = Callable[[str], None]

# What each label says about an answer: shown when the organizer picks or sets a label.
LABEL_MEANING: dict[str, str] = {
    Label.ANSWERED: "質問に答えている。",
    Label.PARTIAL: "質問の一部にしか答えていない。",
    Label.UNANSWERED: "回答がない。",
    Label.DEFERRED: "検討中・点検中などとして、答えを先に延ばしている。",
    Label.DECLINED: "回答を差し控える・拒むとしている。",
    Label.DEFLECTED: "他の機関の所管などとして、自らは答えていない。",
    Label.EVASIVE: "質問とずれたことを答え、問われた点を避けている。",
    Label.CONDITIONAL: "条件を付けて答えており、本件に当てはまるのかが分からない。",
}
# Keys on the item's screen besides the menu: page through a long answer.
PAGE_KEYS = {"pagedown": "more", " ": "more", "pageup": "less"}
MIN_BODY = 8  # rows kept for the item itself (question, answer, reasons) at any size
ORGANIZER = "担当者の判定"


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


def queue_rank(verdict: Verdict) -> int:
    """The order of `review --all`: flagged items, then uncertain ones, then the rest."""
    if verdict.label != Label.ANSWERED:
        return 0
    return 1 if verdict.uncertain else 2


def build_queue(case: Case, include_all: bool, unsure: bool = True) -> list[Entry]:
    """Flagged items, then (with `unsure`) the ones triage is unsure of; with
    `include_all`, every item after them."""
    ranked = [(queue_rank(verdict), item) for verdict, item in case.rows()]
    ranked = [(rank, item) for rank, item in ranked if include_all or rank == 0 or (unsure and rank == 1)]
    return [
        Entry(
            item,
            case.automatic[item.ref],
            case.record.section_for(item.ref),
            case.steps.get(item.ref, []),
            case.earlier_for_wording(item.ref),
        )
        for _, item in sorted(ranked, key=lambda pair: pair[0])
    ]


def effective_verdict(entry: Entry, label: str | None) -> Verdict:
    """The organizer's label, when they changed it, drives the suggestions."""
    return relabel(entry.verdict, label)


def _capped(lines: list[str], cap: int, cols: int) -> list[str]:
    """At most `cap` lines, the last one ending in 「…」 when something was left out."""
    if len(lines) <= cap:
        return lines
    marker = "…(全文は「その他の操作」で)"
    last = gist(lines[cap - 1], cols - width(marker) + 1).removesuffix("…")
    return [*lines[: cap - 1], last + marker]


def labelled(label: str, text: str, cols: int) -> list[str]:
    """「【質問】text…」 folded to `cols`, the lines after the first indented by two."""
    first, *rest = fold(label + text, cols)
    if not rest:
        return [first]
    return [first, *("  " + ln for ln in fold("".join(rest), cols - 2))]


def _question_lines(entry: Entry, cols: int, cap: int = 99) -> list[str]:
    """The question (at most `cap` lines; none with 0), then what else the item carries."""
    item = entry.item
    lines = _capped(labelled("【質問】", item.asked, cols), cap, cols) if cap else []
    if item.restated and item.question and comparable(item.restated) != comparable(item.question):
        dropped = dropped_in_restatement(item)
        if dropped:
            lines.append(gist("【回答書の引用で落ちた部分】" + "、".join(f"「{d}」" for d in dropped), cols))
        else:
            lines.append("【回答書は質問を言い換えて引用しています】")
    if item.merged:
        lines.append(gist(f"【まとめて回答】{'・'.join(item.merged)} と同じ回答", cols))
    for step in entry.history:
        cite = step.cite()
        head = f"【第{step.round}回 {step.ref}】{label_ja(step.verdict.label)} {cite['date']}"
        lines.append(gist(f"{head}「{cite['quote']}」", cols))
    return lines


def shown_reasons(verdict: Verdict) -> list[str]:
    """Why the item has its label: triage's reasons, or — when the organizer chose the
    label — that it is theirs and what it means (triage's reasons were for another)."""
    if not verdict.auto_label:
        return list(verdict.reasons)
    return [
        f"{ORGANIZER}です(自動判定は「{label_ja(verdict.auto_label)}」)。",
        f"「{label_ja(verdict.label)}」= {LABEL_MEANING[verdict.label]}",
    ]


def _verdict_lines(verdict: Verdict, decision: Decision | None, cols: int) -> list[str]:
    reasons = shown_reasons(verdict)
    lines = [gist(("【理由】" if n == 0 else "　　　　") + r, cols) for n, r in enumerate(reasons[:2])]
    if decision:
        state = "見送り" if decision.action == "skip" else "再質問する"
        lines.append(f"【決定済み】{state}(優先度: {PRIORITY_JA[decision.priority]})")
    return lines


def answer_view(entry: Entry, verdict: Verdict, cols: int, color: bool) -> list[str]:
    """The answer block: clause by clause, each marked by what it does for the question
    (【回答】【拒否】【先送り】…, coloured on a terminal), then each sub-question with the
    clause that answers it or 「回答なし」 (the same view as `followup show REC REF`)."""
    if not (entry.item.answer or "").strip():
        return ["  (回答なし)"]
    return clause_lines(entry.item, verdict, cols, color)


def header_line(entry: Entry, index: int, total: int, verdict: Verdict, cols: int) -> str:
    """「── 3/17 ── [1](3)1) ── 一部未回答 ── [1] 見出し」: stays on top of every screen."""
    label = label_ja(verdict.label) + (f"({ORGANIZER})" if verdict.auto_label else "")
    section = " › ".join(s.title for s in entry.sections)
    return gist(f"── {index + 1}/{total} ── {entry.item.ref} ── {label} ── {section}".rstrip(" ─"), cols)


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
    """The lines for one item (the header first), and whether more of the answer is left.

    `reserve` rows are kept free for the menu and its preview, so nothing scrolls off."""
    cols = max(view.columns - 2, 20)
    verdict = effective_verdict(entry, label or (decision.label if decision else None))
    room = view.rows - 1 - reserve
    tail = _verdict_lines(verdict, decision, cols)
    answer_lines = answer_view(entry, verdict, cols, view.color)
    # The question takes what the answer does not need (at least three of its lines).
    extra = len(_question_lines(entry, cols, cap=0))  # restatement, merges, earlier rounds
    cap = room - len(tail) - 1 - min(len(answer_lines), 3) - extra
    question = _question_lines(entry, cols, cap=max(cap, 2))
    budget = max(room - len(question) - len(tail) - 1, 2)
    pages = max((len(answer_lines) + budget - 1) // budget, 1)
    page = min(page, pages - 1)
    chunk = answer_lines[page * budget : (page + 1) * budget]
    head = "【回答】" + (f"{page + 1}/{pages} ページ(スペースで続き・PgUp で前)" if pages > 1 else "")
    header = header_line(entry, index, total, verdict, cols)
    return [header, *question, gist(head, cols), *chunk, *tail], page + 1 < pages


def suggestion_titles(variants: list[str]) -> list[str]:
    """What tells the suggestions apart: the words after the quotation they all share
    (「…」とされている), marked 「経緯を添えて」 when a suggestion opens with the history."""
    shared = _shared_quotation(variants)
    if not shared:
        return _after_common_start(variants)
    titles = []
    for text in variants:
        before, _, after = text.partition(shared)
        title = after.lstrip("が、。 ") or text
        titles.append(f"経緯を添えて: {title}" if before else title)
    return titles


def _shared_quotation(variants: list[str]) -> str:
    """The longest stretch of text every variant holds, when it is a quotation."""
    if len(variants) < 2:
        return ""
    shared = variants[0]
    for text in variants[1:]:
        match = SequenceMatcher(None, shared, text, autojunk=False).find_longest_match(
            0, len(shared), 0, len(text)
        )
        shared = shared[match.a : match.a + match.size]
    return shared if "「" in shared and "」" in shared and len(shared) >= 10 else ""


def _after_common_start(variants: list[str]) -> list[str]:
    if len(variants) < 2:
        return variants
    common = next(
        (n for n, chars in enumerate(zip(*variants, strict=False)) if len(set(chars)) > 1),
        min(len(v) for v in variants),
    )
    if common < 20:
        return variants
    return [text[common:].lstrip("が、。 ") or text for text in variants]


def _rule(title: str, cols: int) -> str:
    head = f"── {title} "
    return head + "─" * max(cols - width(head), 0)


def _preview(title: str, text: str, cols: int) -> tuple[str, ...]:
    return (_rule(title, cols), *("  " + ln for ln in fold(text, cols - 2)))


def actions(variants: list[str], columns: int) -> list[Choice]:
    """The main menu: the suggestions by what tells them apart, each one's full text as
    its preview; `e` on a suggestion edits it, `v` shows it whole (when the preview is cut)."""
    cols = max(columns - 2, 20)
    titles = suggestion_titles(variants)
    out = [
        Choice(
            gist(f"文案{i + 1}: {title}", cols - 2),
            f"use:{i}",
            _preview(f"文案{i + 1}の全文(Enter で採用、e で編集)", text, cols),
            alts=(("e", f"edit:{i}"), ("v", f"view:{i}")),
        )
        for i, (title, text) in enumerate(zip(titles, variants, strict=True))
    ]
    out += [
        Choice("この項目は再質問しない(見送り)", "skip", _preview("見送り", "再質問書に入れません。", cols)),
        Choice(
            "その他の操作…",
            "other",
            _preview("その他", "自分で書く・判定を変える・優先度・全文を見る・前の項目・質問の追加", cols),
        ),
        Choice(
            "中断する(ここまでの判断は保存済み)",
            "quit",
            _preview("中断", "followup review で、まだ決めていない項目から再開します。", cols),
        ),
    ]
    return out


def other_actions(can_back: bool = False) -> list[Choice]:
    back = [Choice("前の項目に戻る", "back")] if can_back else []
    return [
        *back,
        Choice("文案を選んで編集する(文案の上で e でも)", "edit"),
        Choice("自分で質問文を書く", "own"),
        Choice("判定を変える", "label"),
        Choice("優先度を付ける", "priority"),
        Choice("質問と回答の全文、見出しと前置きを見る", "context"),
        Choice("新しい質問を追加する(前回回答を引用しない)", "add"),
        Choice("これまでの判断を見る", "summary"),
        Choice("戻る", "cancel"),
    ]


def label_choices(columns: int) -> list[Choice]:
    cols = max(columns - 2, 20)
    return [
        Choice(f"{label_ja(k)}({k})", k, _preview(f"「{label_ja(k)}」とは", LABEL_MEANING[k], cols))
        for k in LABELS
    ]


def preview_rows(choices: list[Choice], view: View) -> int:
    """Rows for the preview: the longest one, as far as the item keeps `MIN_BODY` rows."""
    longest = max((len(c.preview) for c in choices), default=0)
    room = view.rows - 2 - len(choices) - MIN_BODY
    return max(min(longest, room), min(longest, 3))


def fit_previews(choices: list[Choice], rows: int) -> list[Choice]:
    """Previews longer than `rows` end with a line saying where to read the rest."""
    out = []
    for c in choices:
        if len(c.preview) > rows:
            more = "  …(v で全文を表示)" if dict(c.alts).get("v") else "  …"
            c = replace(c, preview=(*c.preview[: rows - 1], more))
        out.append(c)
    return out


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
    # Unsure items are worth a look, not a follow-up taken blind (as draft --accept-suggestions).
    queue = build_queue(case, include_all, unsure=interactive or include_all)
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
    """The interactive walk: one screen per item, one handler per menu action.

    Every question about an item is asked on a page that keeps the item's header on top."""

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
    more_left: bool = False
    highlight: str = "use:0"  # kept while paging the answer
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
        choice = self.page_ask(
            "どうしますか", actions(self.variants, self.view.columns), self.highlight, PAGE_KEYS
        )
        if choice == "other":
            choice = self.page_ask("その他の操作", other_actions(self.index > 0))
        kind, _, arg = choice.partition(":")
        HANDLERS[kind](self, entry, arg)

    def page_ask(
        self,
        message: str,
        choices: list[Choice],
        default: str | None = None,
        keys: dict[str, str] | None = None,
    ) -> str:
        """Ask on a page under the current item's header and body, fitted to the terminal."""
        entry = self.queue[self.index]
        saved = self.session.valid_decisions().get(entry.item.ref)
        rows = preview_rows(choices, self.view)
        lines, self.more_left = screen(
            entry,
            self.index,
            len(self.queue),
            saved,
            self.view,
            self.page,
            reserve=1 + len(choices) + rows,
            label=self.label,
        )
        page = Page(lines[:1], lines[1:], message, fit_previews(choices, rows), default, keys or {}, rows)
        return str(self.ask.menu(page))

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
        state = "見送り" if action == "skip" else "再質問する"
        self.echo(f"保存しました: {entry.item.ref} {label_ja(verdict.label)} → {state}")
        self.move(1)

    def move(self, step: int) -> None:
        self.index += step
        self.page, self.priority, self.label, self.highlight = 0, "normal", None, "use:0"

    def use(self, entry: Entry, arg: str) -> None:
        self.decide(entry, "followup", self.variants[int(arg)])

    def edit(self, entry: Entry, arg: str) -> None:
        if not arg:
            choices = actions(self.variants, self.view.columns)[: len(self.variants)]
            arg = self.page_ask("どの文案を編集しますか", choices).partition(":")[2]
        self._write(entry, self.variants[int(arg)])

    def view_text(self, entry: Entry, arg: str) -> None:
        """A suggestion too long for the preview, shown whole."""
        self._show(
            list(_preview(f"文案{int(arg) + 1}の全文", self.variants[int(arg)], self.view.columns - 2))
        )

    def own(self, entry: Entry, arg: str) -> None:
        self._write(entry, "")

    def _write(self, entry: Entry, initial: str) -> None:
        header = header_line(entry, self.index, len(self.queue), effective_verdict(entry, self.label), 78)
        text = self.ask.edit_text("質問文を書いてください", initial, header)
        if not text:
            self.echo("空の質問文は保存しません。")
            return
        self.decide(entry, "followup", text)

    def skip(self, entry: Entry, arg: str) -> None:
        self.decide(entry, "skip", None)

    def back(self, entry: Entry, arg: str) -> None:
        self.move(-1)

    def relabel(self, entry: Entry, arg: str) -> None:
        """A new label: the reasons, the suggestions and the saved label follow it."""
        current = effective_verdict(entry, self.label).label
        self.label = self.page_ask("判定を選んでください", label_choices(self.view.columns), current)
        self.page = 0

    def set_priority(self, entry: Entry, arg: str) -> None:
        choices = [Choice(v, k) for k, v in PRIORITY_JA.items()]
        self.priority = self.page_ask("優先度", choices, self.priority)  # type: ignore[assignment]

    def more(self, entry: Entry, arg: str) -> None:
        self.page = self.page + 1 if self.more_left else 0
        self.highlight = arg or self.highlight

    def less(self, entry: Entry, arg: str) -> None:
        self.page = max(self.page - 1, 0)
        self.highlight = arg or self.highlight

    def context(self, entry: Entry, arg: str) -> None:
        self._show(_context_lines(entry, self.view))

    def summary(self, entry: Entry, arg: str) -> None:
        self._show(summary_lines(self.session, self.queue))

    def _show(self, lines: list[str]) -> None:
        entry = self.queue[self.index]
        verdict = effective_verdict(entry, self.label)
        for line in [header_line(entry, self.index, len(self.queue), verdict, self.view.columns - 2), *lines]:
            self.echo(line)
        self.ask.press_enter()

    def add(self, entry: Entry, arg: str) -> None:
        header = header_line(entry, self.index, len(self.queue), effective_verdict(entry, self.label), 78)
        text = self.ask.edit_text("追加する質問文を書いてください", "", header)
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
    "less": Walk.less,
    "view": Walk.view_text,
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
    """The whole question and answer, and the headings with their preambles."""
    cols = view.columns - 2
    out = ["【質問(全文)】", *("  " + ln for ln in fold(entry.item.asked, cols))]
    out += ["【回答(全文)】", *("  " + ln for ln in fold(entry.item.answer or "(回答なし)", cols))]
    for section in entry.sections:
        out.append(f"■ {section.ref} {section.title}")
        out += ["  " + ln for ln in fold(section.context or "(前置きなし)", cols)]
    return out
