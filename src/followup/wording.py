"""Formal follow-up wording for one item, from templates/followups/<label>.j2.

The wording is its own layer, below review and draft: review offers these texts, draft
uses the first one when the organizer accepts the suggestions without reviewing."""

from __future__ import annotations

import re
from pathlib import Path

from followup.datafiles import honorifics
from followup.dates import to_wareki
from followup.quotes import quote_of
from followup.records import Item, Record
from followup.templating import render, render_blocks
from followup.triage.classify import KIND_NEEDS, Verdict
from followup.triage.lexicon import Lexicon
from followup.triage.questions import analyse


def honorific(body: str, templates: Path | None = None) -> str:
    """How the letter names the respondent: 地方公共団体情報システム機構 → 貴機構."""
    for ending, term in honorifics(templates):
        if body.endswith(ending):
            return term
    return "貴職"


def _question_core(question: str) -> str:
    """「重複付番の有無は調査したか」 → 「重複付番の有無は調査した」, for 「…したのか否か」."""
    last = [s for s in re.split(r"(?<=[。？?])", question.replace("\n", "")) if s.strip()][-1]
    return re.sub(r"(のか|か)?[、,]?(否か)?[。？?]?$", "", last.strip()) or last


def _asks(question: str, lexicon: Lexicon) -> tuple[bool, str]:
    """Whether the question wants a yes or no, and what else it names (理由・数量 …)."""
    kinds = {kind for sub in analyse(question, lexicon) for kind in sub.kinds}
    wants = [KIND_NEEDS[k] for k in ("why", "when", "quantity", "how", "breakdown") if k in kinds]
    return "yes_no" in kinds, "・".join(wants)


def variables(
    record: Record, item: Item, verdict: Verdict, lexicon: Lexicon, templates: Path | None = None
) -> dict[str, object]:
    reply_date = record.reply.date
    asks_yes_no, asks_for = _asks(item.asked, lexicon)
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
        "honorific": honorific(record.respondent.body, templates),
        "respondent": record.respondent.body,
        "reply_title": record.reply.title or "",
        "reply_date": to_wareki(reply_date) if reply_date else "日付不明",
        "earlier": [],
    }


def suggestions(
    record: Record,
    item: Item,
    verdict: Verdict,
    lexicon: Lexicon,
    templates: Path | None = None,
    earlier: list[dict[str, str]] | None = None,
) -> list[str]:
    """Two or three formal follow-up variants for the item's label (the first is the one
    `--accept-suggestions` takes)."""
    values = variables(record, item, verdict, lexicon, templates)
    values["cite"] = render("followups/_cite.j2", values, templates)
    out = render_blocks(f"followups/{verdict.label}.j2", values, templates)
    if earlier:
        values["earlier"] = earlier
        lead = render_blocks("followups/escalation.j2", values, templates)
        out = [f"{lead[0]}{text}" for text in out] + out
    return out
