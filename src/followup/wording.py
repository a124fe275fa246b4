"""Formal follow-up wording for one item (or several sharing one answer), from
templates/followups/<label>.j2.

The wording is its own layer, below review and draft: review offers these texts, draft
uses the first one when the organizer accepts the suggestions without reviewing.

A follow-up says, as real 再質問書 do: which earlier answer (「前回回答[1](2)2)では」), its
telling words quoted, why that does not answer — specific to the dodge and to what was
asked — and the question again, built from the *original* question and its type
(yes/no → 「…のか否か」, なぜ → 「…理由」, 何件 → 「件数」, a document → its copy).  Python
reads the question into plain values (`Ask`); every word of the letter is in the
templates (`followups/_ask.j2` turns an `Ask` into a phrase).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from followup.datafiles import honorifics, letter_wording, load_overlay
from followup.dates import to_wareki
from followup.numbering import match_marker
from followup.quotes import nested, quote_of, telling, tidy
from followup.records import Item, Record
from followup.templating import render, render_blocks, render_string
from followup.triage.classify import KIND_NEEDS, Verdict
from followup.triage.lexicon import Lexicon
from followup.triage.questions import SubQuestion, analyse

WORDS = "followups/words.yaml"
PARTIAL_QUOTE_LIMIT = 200  # a partial answer is quoted whole up to this length
# The order in which a sub-question's kinds decide how it is asked again.
_KIND_ORDER = ("choice", "why", "quantity", "when", "how", "breakdown", "yes_no")


def honorific(body: str, templates: Path | None = None) -> str:
    """How the letter names the respondent: 地方公共団体情報システム機構 → 貴機構."""
    for ending, term in honorifics(templates):
        if body.endswith(ending):
            return term
    return "貴職"


@dataclass(frozen=True)
class Words:
    """The patterns of followups/words.yaml, compiled."""

    premise: re.Pattern[str]
    lead: re.Pattern[str]
    question_end: re.Pattern[str]
    request_end: re.Pattern[str]
    why_is: re.Pattern[str]
    why_word: re.Pattern[str]
    what_is: re.Pattern[str]
    noun_end: re.Pattern[str]
    counts: tuple[tuple[re.Pattern[str], str], ...]
    question_words: dict[str, re.Pattern[str]]
    document: re.Pattern[str]
    document_act: re.Pattern[str]
    body: re.Pattern[str]
    meeting: re.Pattern[str]
    placeholder: re.Pattern[str]
    question_word: re.Pattern[str]
    counter: re.Pattern[str]


@cache
def words(templates: Path | None = None) -> Words:
    data = load_overlay(WORDS, templates)
    simple = {k: re.compile(str(v)) for k, v in data.items() if k not in ("counts", "question_words")}
    counts = tuple((re.compile(str(p)), str(n)) for p, n in data["counts"])
    asking = {str(k): re.compile(str(v)) for k, v in data["question_words"].items()}
    return Words(counts=counts, question_words=asking, **simple)


@dataclass(frozen=True)
class Ask:
    """One sub-question as the new question will put it.

    kind: request (「…を明らかにされたい」: core is what was asked for), why (core is what
    the reason is for), what (「…は何か」: core is the thing), yes_no (core is the
    question without its ending), quantity / when / how / breakdown / choice / other
    (asked about the sub-question as quoted in `text`), plain (nothing to build on)."""

    text: str
    kind: str
    core: str = ""
    noun_end: bool = False
    count: str = ""
    document: bool = False
    ref: str = ""
    needs: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _strip(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub("", text).strip(" 、")


def _why(body: str, w: Words) -> tuple[str, str] | None:
    bare = _strip(w.question_end, body)
    if m := w.why_is.match(bare):
        return "why", m.group("np")
    if w.why_word.search(bare):
        return "why", _strip(w.why_word, bare)
    if m := w.what_is.match(bare):
        return "what", m.group("np")
    return None


def _count(text: str, w: Words) -> str:
    return next((noun for pattern, noun in w.counts if pattern.search(text)), "数量")


def _kinds(sub: SubQuestion, body: str, lexicon: Lexicon | None, w: Words) -> frozenset[str]:
    """The sub-question's kinds, without those only its premise named (「原因は公表されて
    いないが、説明できる事項はないか」 asks yes or no, not why) or named only as a noun
    (「開示請求の方法について説明をしているか」 does not ask how)."""
    types = lexicon.question_types if lexicon is not None else {}
    kept = set()
    for kind in sub.kinds:
        if kind in types and not types[kind].search(body):
            continue
        if kind in w.question_words and not w.question_words[kind].search(body):
            continue
        kept.add(kind)
    return frozenset(kept)


def _typed(kinds: frozenset[str], text: str, body: str, w: Words) -> tuple[str, str]:
    """(kind, core) of a sub-question that is not a request."""
    if "why" in kinds and (found := _why(body, w)):
        return found
    kind = next((k for k in _KIND_ORDER if k in kinds), "")
    bare = _strip(w.question_end, body)
    if kind and kind != "yes_no":
        return kind, ""
    if m := w.what_is.match(bare):
        return "what", m.group("np")
    if w.question_word.search(bare):
        return ("quantity", "") if w.counter.search(bare) else ("other", "")
    if bare != body:
        return "yes_no", bare  # a question ending in か that asks nothing else
    return ("other", "") if w.question_end.search(text) else ("plain", "")


def read_ask(sub: SubQuestion, w: Words, ref: str = "", lexicon: Lexicon | None = None) -> Ask:
    """How to ask `sub` again, from its text and the kinds triage found in it."""
    text = tidy(sub.text).rstrip("。")
    body = _strip(w.lead, _strip(w.premise, text) or text) or text
    document = bool(w.document.search(text) and w.document_act.search(text))
    kinds = _kinds(sub, body, lexicon, w)
    needs = "・".join(KIND_NEEDS[k] for k in sorted(kinds) if k in KIND_NEEDS)
    request = w.request_end.search(body)
    if request:
        core = body[: request.start()].rstrip("、 ")
        kind = "request" if core else "plain"
    else:
        kind, core = _typed(kinds, text, body, w)
    return Ask(
        text=nested(body),
        kind=kind,
        core=core,
        noun_end=bool(w.noun_end.search(core)),
        count=_count(text, w) if kind == "quantity" else "",  # 「その件数」「その本数」
        document=document,
        ref=ref,
        needs=needs,
    )


def _listed(sub: SubQuestion, w: Words) -> bool:
    """A noun listed before the request that asks for it too: 「不具合の内容」 of 「不具合の
    内容とその原因について明らかにされたい」 (triage counts it as a sub-question of its own)."""
    text = tidy(sub.text).rstrip("。")
    return not w.request_end.search(text) and not w.question_end.search(text)


def _alternatives(question: str, sub: SubQuestion, w: Words) -> bool:
    """A 「…か、…か」 part of a sentence that ends by asking something else (「…誤ったか、
    設計にミスがあったかと思われるが、その原因を説明されたい」): not a question of its own."""
    if w.request_end.search(tidy(sub.text)) or _listed(sub, w):
        return False
    for sentence in re.split(r"(?<=。)", tidy(question)):
        if tidy(sub.text).rstrip("。") in sentence:
            return bool(w.request_end.search(sentence.strip()))
    return False


def _listed_ask(subs: list[SubQuestion], w: Words, ref: str) -> Ask:
    """Listed nouns asked for without the request they were listed with (that part was
    answered): 「不具合の内容を…明らかにされたい」."""
    text = "、".join(tidy(s.text).rstrip("。") for s in subs)
    return Ask(
        text=nested(text),
        kind="request",
        core=text,
        noun_end=bool(w.noun_end.search(text)),
        document=bool(w.document.search(text) and w.document_act.search(text)),
        ref=ref,
        needs="・".join(sorted({KIND_NEEDS[k] for s in subs for k in s.kinds if k in KIND_NEEDS})),
    )


def _joined(question: str, subs: list[SubQuestion]) -> SubQuestion:
    """Listed nouns and the request they were listed with, as the question wrote them."""
    flat = question.replace("\n", "")
    start = flat.find(subs[0].text)
    end = flat.find(subs[-1].text, max(start, 0))
    text = flat[start : end + len(subs[-1].text)] if 0 <= start <= end else "、".join(s.text for s in subs)
    kinds = frozenset(k for s in subs for k in s.kinds)
    return SubQuestion(text, kinds, subs[-1].stem, subs[-1].alternatives)


def _asked(
    question: str, subs: list[SubQuestion], keep: set[int], w: Words
) -> list[SubQuestion | list[SubQuestion]]:
    """The sub-questions to ask, listed nouns joined again with their request (「不具合の内容
    とその原因について明らかにされたい」 is asked as one); a list: listed nouns whose request
    is not asked."""
    out: list[SubQuestion | list[SubQuestion]] = []
    listed: list[SubQuestion] = []
    for i, sub in enumerate(subs):
        if _listed(sub, w) and i + 1 < len(subs):
            listed += [sub] if i in keep else []
            continue
        if i in keep:
            out.append(_joined(question, [*listed, sub]) if listed else sub)
        elif listed:
            out.append(listed)
        listed = []
    return out


def read_asks(
    question: str,
    lexicon: Lexicon,
    templates: Path | None = None,
    ref: str = "",
    keep: Callable[[str], bool] | None = None,
) -> list[Ask]:
    """How each sub-question of `question` is asked again; with `keep`, only the
    sub-questions whose text it accepts (the ones the answer left out)."""
    w = words(templates)
    subs = analyse(question, lexicon)
    kept = [sub for sub in subs if not _alternatives(question, sub, w)] or subs
    chosen = {i for i, sub in enumerate(kept) if keep is None or keep(tidy(sub.text).rstrip("。"))}
    return [
        _listed_ask(sub, w, ref) if isinstance(sub, list) else read_ask(sub, w, ref, lexicon)
        for sub in _asked(question, kept, chosen, w)
    ]


def other_body(text: str | None, templates: Path | None = None) -> str:
    """The body a deflecting answer names (the last one), or ""."""
    found = words(templates).body.findall(tidy(text))
    return found[-1] if found else ""


def span(refs: list[str], consecutive: bool = True) -> str:
    """「[3](2)1)から3)まで」 for three or more consecutive refs, 「二及び三」 for two,
    「A、B及びC」 for refs that are not consecutive."""
    if len(refs) == 1:
        return refs[0]
    if len(refs) == 2:
        return f"{refs[0]}及び{refs[1]}"
    if not consecutive:
        return "、".join(refs[:-1]) + f"及び{refs[-1]}"
    prefix = _common_prefix(refs[0], refs[-1])
    return f"{refs[0]}から{refs[-1][len(prefix) :]}まで"


def consecutive(record: Record, refs: list[str]) -> bool:
    """Whether `refs` are neighbours in the record, in order."""
    positions = record.positions()
    if any(ref not in positions for ref in refs):
        return False
    order = [positions[ref] for ref in refs]
    return order == list(range(order[0], order[0] + len(order)))


def _common_prefix(a: str, b: str) -> str:
    """The refs' shared enclosing part, cut where a marker ends ([3](2) of [3](2)1) and 3))."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    cut = n
    while cut > 0 and not _boundary(a, cut):
        cut -= 1
    return a[:cut]


def _boundary(ref: str, at: int) -> bool:
    """Whether a ref may be cut at `at`: after 「の」 (第1の|3), or after a closing bracket
    where a numbering marker begins ([3](2)|3))."""
    if ref[at - 1] == "の":
        return True
    return ref[at - 1] in ")]）］" and match_marker(ref[at:]) is not None


def answer_groups(record: Record) -> dict[str, list[Item]]:
    """Each item's group of items sharing one answer (a merged 【回答】 or the same text),
    in record order, built in one pass (a reply may give one answer to hundreds of items)."""
    parent = {it.ref: it.ref for it in record.items}

    def root(ref: str) -> str:
        while parent[ref] != ref:
            parent[ref] = parent[parent[ref]]
            ref = parent[ref]
        return ref

    first_with: dict[str, str] = {}
    for it in record.items:
        answer = tidy(it.answer)
        if answer:
            parent[root(it.ref)] = root(first_with.setdefault(answer, it.ref))
        for other in it.merged:
            if other in parent:
                parent[root(other)] = root(it.ref)
    members: dict[str, list[Item]] = {}
    for it in record.items:
        members.setdefault(root(it.ref), []).append(it)
    return {it.ref: members[root(it.ref)] for it in record.items}


def sharing(record: Record, item: Item) -> list[Item]:
    """The items that share `item`'s answer (a merged 【回答】 or the same text), in order."""
    return answer_groups(record).get(item.ref, [item])


@dataclass
class Subject:
    """What one follow-up is about: one item, or several that share one answer."""

    record: Record
    items: list[Item]
    verdict: Verdict
    lexicon: Lexicon
    templates: Path | None = None
    originals: dict[str, str] = field(default_factory=dict)  # ref → the first round's question
    latest: dict[str, str] | None = None  # the respondent's latest answer, when this round has none
    earlier: list[dict[str, str]] = field(default_factory=list)  # escalation: earlier refusals
    date: Any = to_wareki  # how dates are written (和暦 or 西暦)
    tone: int = 0  # which wording of the repeated phrases
    verdicts: dict[str, Verdict] = field(default_factory=dict)  # the other items' own verdicts

    @property
    def item(self) -> Item:
        return self.items[0]

    def verdict_of(self, item: Item) -> Verdict | None:
        """What triage said of `item` (the subject's verdict for the first item)."""
        return self.verdict if item.ref == self.verdict.ref else self.verdicts.get(item.ref)

    def original(self, item: Item) -> str:
        return self.originals.get(item.ref) or item.asked


def _missing(verdict: Verdict) -> set[str]:
    """Sub-questions the answer did not give (from the verdict's parts when triage has them)."""
    parts = getattr(verdict, "parts", None)
    if parts:
        return {tidy(p.text).rstrip("。") for p in parts if getattr(p, "treatment", "gives") != "gives"}
    return {tidy(t).rstrip("。") for t in verdict.unanswered}


def _is_missing(text: str, missing: set[str]) -> bool:
    plain = text.replace("『", "「").replace("』", "」")
    return any(plain in m or m in plain for m in missing)


def _narrowed(verdict: Verdict | None) -> bool:
    return verdict is not None and (verdict.label == "partial" or bool(getattr(verdict, "parts", None)))


def _split(subject: Subject, item: Item) -> tuple[list[Ask], list[Ask]]:
    """(what to ask again, what was given) of one item's question."""
    question, verdict = subject.original(item), subject.verdict_of(item)
    read = lambda keep=None: read_asks(question, subject.lexicon, subject.templates, item.ref, keep)  # noqa: E731
    if verdict is None or not _narrowed(verdict):
        return read(), []  # the whole question is asked again
    missing = _missing(verdict)
    left = read(lambda text: _is_missing(text, missing))
    if not left:
        return read(), []
    return left, read(lambda text: not _is_missing(text, missing))


def _asks_of(subject: Subject) -> tuple[list[Ask], list[Ask]]:
    """(what to ask again, what was given): only what the answer left out, when triage
    says which parts it gave (a partial answer, or any verdict with `parts`); the other
    items sharing the answer by their own verdicts, or whole when there is none."""
    left: list[Ask] = []
    given: list[Ask] = []
    for item in subject.items:
        asks, done = _split(subject, item)
        left += asks
        given += done
    return left, given


def short_names(record: Record, templates: Path | None = None) -> dict[str, str]:
    """「前回質問書」「前回回答」 (or 「前回答弁書」 …) as letter.yaml defines them."""
    wording = letter_wording(templates)
    values = {"earlier_title": record.questions.title, "reply_title": record.reply.title or ""}
    return {
        key: render_string(wording[key], values, templates, "document/letter.yaml")
        for key in ("questions_name", "reply_name")
    }


def _legacy(subject: Subject, asks: list[Ask]) -> dict[str, object]:
    """The variables templates written for earlier versions use (see docs/draft.md)."""
    item, verdict = subject.item, subject.verdict
    question = tidy(subject.original(item))
    yes_no = any(a.kind == "yes_no" for a in asks)
    return {
        "ref": item.ref,
        "question": question,
        "question_core": next((a.core for a in asks if a.kind == "yes_no"), question),
        "asks_yes_no": yes_no,
        "asks_for": "・".join(a.needs for a in asks if a.needs and a.kind != "yes_no"),
        "answer": tidy(item.answer),
        "trigger": verdict.trigger or "",
        "reasons": verdict.reasons,
        "unanswered": verdict.unanswered or [item.asked],
        "label": verdict.label,
    }


def _formula(verdict: Verdict) -> bool:
    """Whether the answer is a set phrase (「適正に対応いたします」「努めたところです」) rather
    than a statement beside the point: from the roles triage gave the answer's clauses, or,
    without them, from an evasive verdict naming no sub-question it left out."""
    roles = {c.role for c in getattr(verdict, "clauses", None) or []}
    if roles:
        return "formula" in roles and "beside" not in roles
    return not verdict.unanswered


def variables(subject: Subject) -> dict[str, object]:
    record, item, verdict, templates = subject.record, subject.item, subject.verdict, subject.templates
    asks, given = _asks_of(subject)
    limit = PARTIAL_QUOTE_LIMIT if verdict.label == "partial" else None
    quote = (
        nested(telling(item.answer, verdict.trigger, limit))
        if limit
        else quote_of(item.answer, verdict.trigger)
    )
    reply_date = record.reply.date
    refs = [it.ref for it in subject.items]
    values: dict[str, object] = {
        **_legacy(subject, asks),
        **short_names(record, templates),
        "refs": span(refs, consecutive(record, refs)),
        "group": len(refs) > 1,
        "subs": [a.as_dict() for a in asks],
        "given": [a.as_dict() for a in given],
        "quote": quote,
        "question_quote": nested(telling(subject.original(item), None)),
        "follows": bool(item.follows),
        "latest": subject.latest,
        "other": other_body(item.answer, templates),
        "formula": _formula(verdict),
        "tone": subject.tone,
        "honorific": honorific(record.respondent.body, templates),
        "respondent": record.respondent.body,
        "reply_title": record.reply.title or "",
        "reply_date": subject.date(reply_date) if reply_date else "日付不明",
        "earlier": [],
    }
    return values


def followups(subject: Subject) -> list[str]:
    """The variants of one follow-up; an escalation lead first when the body refused before."""
    values = variables(subject)
    values["cite"] = render("followups/_cite.j2", values, subject.templates)
    values["earlier"] = subject.earlier  # a template quoting `latest` says it in its own words
    out = render_blocks(f"followups/{subject.verdict.label}.j2", values, subject.templates)
    if subject.earlier:
        lead = render_blocks("followups/escalation.j2", values, subject.templates)
        plain = [text for text in out if not _quotes_earlier(text, subject.earlier)]
        out = [text if text not in plain else f"{lead[0]}{text}" for text in out] + plain
    return out


def _quotes_earlier(text: str, earlier: list[dict[str, str]]) -> bool:
    """Whether a follow-up already quotes every earlier answer the escalation lead would
    (a later round's 「回答がない」 quoting the latest answer): the lead would repeat it."""
    return all(e.get("quote") and f"「{e['quote']}」" in text for e in earlier)


def suggestions(
    record: Record,
    item: Item,
    verdict: Verdict,
    lexicon: Lexicon,
    templates: Path | None = None,
    earlier: list[dict[str, str]] | None = None,
    group: list[Item] | None = None,
    verdicts: dict[str, Verdict] | None = None,
) -> list[str]:
    """Two or three formal follow-up variants for the item's label (the first is the one
    `--accept-suggestions` takes).  Items sharing the item's answer (`group`, found when not
    given) are named together, each narrowed by its own verdict in `verdicts`."""
    items = group or sharing(record, item)
    subject = Subject(
        record, items, verdict, lexicon, templates, earlier=earlier or [], verdicts=verdicts or {}
    )
    return followups(subject)
