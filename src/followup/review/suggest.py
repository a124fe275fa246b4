"""Formal follow-up wording for one item, from templates/followups/<label>.j2."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from followup.dates import to_wareki
from followup.paths import templates_dir
from followup.records import Item, Record
from followup.templating import render, render_blocks
from followup.triage.classify import KIND_NEEDS, Verdict
from followup.triage.lexicon import load_lexicon
from followup.triage.questions import analyse
from followup.yamlio import load_yaml

QUOTE_LIMIT = 120


@cache
def _honorifics() -> list[tuple[str, str]]:
    data = load_yaml(templates_dir() / "metadata.yaml").data
    return [(str(a), str(b)) for a, b in data.get("honorifics", [])]


def honorific(body: str) -> str:
    """How the letter names the respondent: 地方公共団体情報システム機構 → 貴機構."""
    for ending, term in _honorifics():
        if body.endswith(ending):
            return term
    return "貴職"


def quote_of(answer: str | None, trigger: str | None) -> str:
    """The words to quote: the trigger, or the answer itself when it is short."""
    text = (answer or "").replace("\n", "")
    if trigger and len(text) > QUOTE_LIMIT:
        return trigger
    if len(text) > QUOTE_LIMIT:
        cut = text[:QUOTE_LIMIT]
        return cut[: cut.rfind("。") + 1] or cut + "…"
    return text.rstrip("。")


def _question_core(question: str) -> str:
    """「重複付番の有無は調査したか」 → 「重複付番の有無は調査した」, for 「…したのか否か」."""
    last = [s for s in re.split(r"(?<=[。？?])", question.replace("\n", "")) if s.strip()][-1]
    return re.sub(r"(のか|か)?[、,]?(否か)?[。？?]?$", "", last.strip()) or last


def _asks(question: str) -> tuple[bool, str]:
    """Whether the question wants a yes or no, and what else it names (理由・数量 …)."""
    kinds = {kind for sub in analyse(question, load_lexicon()) for kind in sub.kinds}
    wants = [KIND_NEEDS[k] for k in ("why", "when", "quantity", "how", "breakdown") if k in kinds]
    return "yes_no" in kinds, "・".join(wants)


def variables(record: Record, item: Item, verdict: Verdict) -> dict[str, object]:
    reply_date = record.reply.date
    asks_yes_no, asks_for = _asks(item.asked)
    return {
        "ref": item.ref,
        "question": item.asked.replace("\n", ""),
        "question_core": _question_core(item.asked),
        "asks_yes_no": asks_yes_no,
        "asks_for": asks_for,
        "answer": (item.answer or "").replace("\n", ""),
        "quote": quote_of(item.answer, verdict.trigger),
        "trigger": verdict.trigger or "",
        "reasons": verdict.reasons,
        "unanswered": verdict.unanswered or [item.asked],
        "label": verdict.label,
        "honorific": honorific(record.respondent.body),
        "respondent": record.respondent.body,
        "reply_title": record.reply.title or "",
        "reply_date": to_wareki(reply_date) if reply_date else "日付不明",
        "earlier": [],
    }


def suggestions(
    record: Record,
    item: Item,
    verdict: Verdict,
    templates: Path | None = None,
    earlier: list[dict] | None = None,
) -> list[str]:
    """Two or three formal follow-up variants for the item's label."""
    values = variables(record, item, verdict)
    values["cite"] = render("followups/_cite.j2", values, templates)
    out = render_blocks(f"followups/{verdict.label}.j2", values, templates)
    if earlier:
        values["earlier"] = earlier
        lead = render_blocks("followups/escalation.j2", values, templates)
        out = [f"{lead[0]}{text}" for text in out] + out
    return out
