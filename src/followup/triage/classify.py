"""Combining the evidence into one label per item, with its trigger and reasons.

Precedence, from strongest to weakest, and why:
1. unanswered  — no answer text at all; nothing else can be judged.
2. conditional — "yes, if …": the apparent yes is only as good as the unstated condition,
   so it must be pressed even when the rest of the answer looks complete.
3. deferred / declined — explicit non-answers.  When both appear, the one stated first
   wins: 「総点検を行っているところですので、回答を差し控え」 declines *because* it
   defers, and the follow-up must ask for the review's result (deferred).
4. deflected   — names another body; pressing means asking who, and what they know.
5. evasive (phrase) — a formula (適正に対応いたします) that fills the sentence where the
   answer should be; ignored when other sentences of the answer cover every sub-question.
6. partial     — some sub-questions covered, some not (or dropped in the restatement).
7. evasive (question type) — an answer that says something, but none of what was asked
   (no yes or no to a yes/no question, no reason to なぜ, no number to 何件).
8. answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from followup.align import similarity
from followup.records import Item, Record
from followup.triage.lexicon import Lexicon, Phrase
from followup.triage.questions import SubQuestion, analyse, split_subquestions

LABELS = ("answered", "partial", "unanswered", "deferred", "declined", "deflected", "evasive", "conditional")
_CLAUSES = re.compile(r"(?<=[。．])|(?<=が、)|(?<=けれども、)")
KIND_NEEDS = {
    "why": "理由",
    "when": "時期・日付",
    "quantity": "数量",
    "how": "方法",
    "yes_no": "「はい」か「いいえ」",
    "breakdown": "内訳",
    "choice": "どちらなのか",
}


@dataclass
class Verdict:
    ref: str
    label: str
    trigger: str | None
    reasons: list[str]
    unanswered: list[str] = field(default_factory=list)
    auto_label: str | None = None  # set when an organizer's correction overrides the label
    confidence: float = 1.0

    @property
    def uncertain(self) -> bool:
        return self.confidence < 0.6

    def to_dict(self, item: Item | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "ref": self.ref,
            "label": self.label,
            "trigger": self.trigger,
            "reasons": self.reasons,
            "unanswered": self.unanswered,
        }
        if self.auto_label:
            data["auto_label"] = self.auto_label
        if item is not None:
            data["question"] = item.asked
            data["answer"] = item.answer
            data["merged"] = item.merged
        return data


@dataclass(frozen=True)
class _Hit:
    phrase: Phrase
    start: int
    text: str


def _hits(answer: str, lexicon: Lexicon) -> list[_Hit]:
    out = []
    for phrase in lexicon.phrases:
        m = phrase.pattern.search(answer)
        if m and m.group(0):
            out.append(_Hit(phrase, m.start(), m.group(0)))
    return sorted(out, key=lambda h: h.start)


def _clause_around(answer: str, start: int) -> str:
    """The clause of the answer holding position `start`, as a quotable trigger."""
    begin = max(answer.rfind("。", 0, start), answer.rfind("、", 0, max(start - 12, 0))) + 1
    end = answer.find("。", start)
    end = len(answer) if end < 0 else end
    return answer[begin:end].strip()


def _covered(sub: SubQuestion, text: str, lexicon: Lexicon) -> list[str]:
    """What `sub` needs that `text` does not give (empty: covered)."""
    gives = lexicon.answer_gives
    missing = []
    for kind in sorted(sub.kinds):
        if kind == "choice":
            if not any(word in text for word in sub.alternatives):
                missing.append(kind)
            continue
        if kind == "breakdown":
            agg = gives.get("breakdown_aggregate")
            if agg and agg.search(text):
                missing.append(kind)
            continue
        pattern = gives.get(kind)
        if pattern is None or pattern.search(text):
            continue
        if kind == "yes_no" and sub.stem and sub.stem in text:
            continue  # the answer takes up the very act asked about (調査したか → 調査)
        if kind == "why" and re.search("ない(の|こと)", sub.text):
            rejected = gives.get("premise_rejected")
            if rejected and rejected.search(text):
                continue  # 「説明していないのはなぜか」 → 「説明しています」 rejects the premise
        missing.append(kind)
    return missing


def dropped_in_restatement(item: Item) -> list[str]:
    if not item.question or not item.restated:
        return []
    dropped = []
    for sub in split_subquestions(item.question):
        if len(sub) >= 6 and similarity(sub, item.restated) < 0.6:
            dropped.append(sub)
    return dropped


def classify(item: Item, lexicon: Lexicon) -> Verdict:
    answer = (item.answer or "").strip()
    if not answer:
        return Verdict(item.ref, "unanswered", None, ["回答書にこの質問への回答がありません。"])

    hits = _hits(answer, lexicon)
    by_label: dict[str, _Hit] = {}
    for hit in hits:
        by_label.setdefault(hit.phrase.label, hit)

    if "conditional" in by_label:
        hit = by_label["conditional"]
        return Verdict(item.ref, "conditional", _clause_around(answer, hit.start), [hit.phrase.reason])

    refusal = [by_label[k] for k in ("deferred", "declined") if k in by_label]
    if refusal:
        hit = min(refusal, key=lambda h: h.start)
        others = [h.phrase.reason for h in refusal if h is not hit]
        return Verdict(
            item.ref, hit.phrase.label, _trigger(answer, hit, refusal), [hit.phrase.reason, *others]
        )

    if "deflected" in by_label:
        hit = by_label["deflected"]
        return Verdict(item.ref, "deflected", _clause_around(answer, hit.start), [hit.phrase.reason])

    subs = analyse(item.asked, lexicon)
    dodge_spans = [(h.start, h.start + len(h.text)) for h in hits]
    substantive = "".join(
        clause
        for clause in _split_clauses(answer)
        if not any(_overlaps(answer, clause, span) for span in dodge_spans)
    )

    missing_by_sub = {sub.text: _covered(sub, substantive, lexicon) for sub in subs} if substantive else {}
    all_covered_elsewhere = bool(substantive) and not any(missing_by_sub.values())
    if "evasive" in by_label and not all_covered_elsewhere:
        hit = by_label["evasive"]
        return Verdict(item.ref, "evasive", _clause_around(answer, hit.start), [hit.phrase.reason])

    dropped = dropped_in_restatement(item)
    missing = {sub.text: _covered(sub, answer, lexicon) for sub in subs}
    uncovered = [sub for sub in subs if missing[sub.text]]
    gave_something = any(set(sub.kinds) - set(missing[sub.text]) or not sub.kinds for sub in subs)
    if dropped or (uncovered and gave_something):
        left = dropped + [sub.text for sub in uncovered if sub.text not in dropped]
        reasons = []
        for text in dropped:
            reasons.append(f"回答書は質問の「{text}」の部分を引用から落としており、その点に答えていません。")
        for sub in uncovered:
            if sub.text in dropped:
                continue  # already said: the reply left it out of its quotation
            needs = "・".join(KIND_NEEDS[k] for k in missing[sub.text])
            reasons.append(f"「{sub.text}」について、{needs}を答えていません。")
        return Verdict(item.ref, "partial", None, reasons, unanswered=left)
    if uncovered:
        needs = "・".join(sorted({KIND_NEEDS[k] for sub in uncovered for k in missing[sub.text]}))
        trigger = _last_clause(answer)
        return Verdict(
            item.ref,
            "evasive",
            trigger,
            [f"質問は{needs}を求めていますが、回答はそれに触れず、別のことを述べています。"],
            unanswered=[sub.text for sub in uncovered],
        )
    return Verdict(item.ref, "answered", None, ["質問に直接答えています。"])


def _trigger(answer: str, hit: _Hit, refusal: list[_Hit]) -> str:
    """The clause from the first refusal phrase to the end of its sentence (both parts of
    「…ところですので、回答を差し控え…」 belong to one trigger)."""
    begin = answer.rfind("。", 0, hit.start) + 1
    last = max(refusal, key=lambda h: h.start)
    end = answer.find("。", last.start)
    end = len(answer) if end < 0 else end
    text = answer[begin:end]
    lead = re.match(r"^(現在|なお|また|ただし|しかし)、", text)
    return (text[lead.end() :] if lead else text).strip()


def _split_clauses(answer: str) -> list[str]:
    return [c for c in _CLAUSES.split(answer) if c]


def _overlaps(answer: str, clause: str, span: tuple[int, int]) -> bool:
    start = answer.find(clause)
    return start < span[1] and span[0] < start + len(clause)


def _last_clause(answer: str) -> str:
    sentence = [s for s in re.split(r"(?<=。)", answer) if s.strip()][-1].rstrip("。")
    return sentence.rsplit("、", 1)[-1].strip() or sentence


def classify_record(record: Record, lexicon: Lexicon) -> list[Verdict]:
    return [classify(item, lexicon) for item in record.items]
