"""How much a reply resembles the dodges among labelled replies: a check on the rules.

The rules (`classify.read_by_rules`) recognise the moves of a reply by their phrases; on
pages they have not seen they miss the dodges worded in ways no rule names, and they take
a statement beside the point for an answer.  A linear model over the character n-grams of
the answer and the question, trained on the labelled tuning corpus
(`benchmarks/train_resemblance.py`), catches a good part of those.

The two are blended — the rules' verdict counts as a probability of a dodge (its
confidence if it flags, one minus it if it calls the item answered), the model gives its
own — but the blend decides only where the rules themselves only presumed:

- an answer the rules took as given without recognising the kind of answer asked for (a
  confidence below `UNCERTAIN_BELOW`) is turned to evasive when the blend is above
  `flag_above`;
- an evasion the rules inferred from the absence of a recognised answer
  (`PRESUMED_EVASION`: no formula, no move) is turned to answered when the blend is below
  `clear_below`.

A verdict that rests on something the rules recognised — the figure or date asked for, a
decision, a refusal, a postponement, a passing-on, a condition, a formula, a part named as
not given — is never overturned: those are the labelling guide's own rules (its hard
negatives among them: 「一概にお答えすることは困難であるが、」 and then the figure), and
the model, which reads words and not their order, cannot tell a refusal from a refusal
overridden.  Such an answer is only marked 要確認 when the blend is above `flag_above`.
A turned or doubted verdict says so in a reason and has a confidence below
`UNCERTAIN_BELOW`, so review walks it and nothing is silently called answered.

The model lives in `templates/resemblance.json` (weights, the blend's settings, and a
few check values the trainer computed); scoring it needs only the standard library.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

import ahocorasick

from followup.errors import RecordError
from followup.labels import LABEL_JA, Label
from followup.paths import templates_dir
from followup.records import Item
from followup.triage.verdict import PRESUMED_EVASION, UNCERTAIN_BELOW, Verdict

MODEL_FILE = "resemblance.json"
FORMAT = 1

# How often each change was right on the corpus waves scored unseen (`train_resemblance.py
# --waves`, 1,452 pairs).  All stay below UNCERTAIN_BELOW, so review walks every change.
# A presumed answer turned evasive: a dodge about half the time, and evasive the right
# label about 1 time in 3 (the others are deferrals, partial answers … or answers).
TURNED_EVASIVE_CONFIDENCE = 0.35
# A recognised answer that reads like a dodge: still an answer 6 times in 10.
DOUBTED_CONFIDENCE = 0.55
# A presumed evasion cleared: right about 9 times in 10, yet the rules and the model
# disagree, and nothing is called answered without the organizer's look.
CLEARED_CONFIDENCE = 0.55
assert max(TURNED_EVASIVE_CONFIDENCE, DOUBTED_CONFIDENCE, CLEARED_CONFIDENCE) < UNCERTAIN_BELOW

_SPACES = re.compile(r"\s\s+")


def _normalised(text: str) -> str:
    """As the model reads a text: lower case, runs of white space as one space."""
    return _SPACES.sub(" ", text.lower())


def grams(text: str, low: int, high: int) -> list[str]:
    """The character n-grams of a text, as the trainer's vectorizer counts them (the tool
    finds the same n-grams with its automaton, over the same `_normalised` text)."""
    text = _normalised(text)
    return [text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)]


def texts_of(item: Item) -> tuple[str, str]:
    """What the model reads of an item: the answer, and the question as asked."""
    return item.answer or "", item.asked


class _Block:
    """One text's features: n-gram → (idf, weight); the block's vector is l2-normalised.

    The n-grams are found with an Aho–Corasick automaton over the vocabulary, which yields
    every occurrence of a known n-gram in one pass in C: 1.6 times faster than slicing every
    n-gram of the text in Python, and the same figures (n-grams the model does not know
    count for nothing, as in the trainer's vectorizer)."""

    def __init__(self, scale: float, table: dict[str, tuple[float, float]]) -> None:
        self.scale = scale
        # per n-gram, idf × weight and idf²: the sums below then need one product per n-gram
        self._idf_weight = [idf * weight for idf, weight in table.values()]
        self._idf_squared = [idf * idf for idf, _ in table.values()]
        self._automaton = ahocorasick.Automaton()
        for index, gram in enumerate(table):
            self._automaton.add_word(gram, index)
        if table:
            self._automaton.make_automaton()

    def score(self, text: str) -> float:
        if not self._idf_weight:
            return 0.0
        dot = square = 0.0
        idf_weight, idf_squared = self._idf_weight, self._idf_squared
        counts = Counter(map(itemgetter(1), self._automaton.iter(_normalised(text))))
        for index, count in counts.items():
            if count == 1:  # most n-grams: sublinear tf 1 + log 1 = 1
                dot += idf_weight[index]
                square += idf_squared[index]
            else:
                tf = 1.0 + math.log(count)
                dot += tf * idf_weight[index]
                square += tf * tf * idf_squared[index]
        return self.scale * dot / math.sqrt(square) if square else 0.0


@dataclass(frozen=True)
class Model:
    intercept: float
    answer: _Block
    question: _Block
    weight: float  # the model's share of the blend
    flag_above: float  # a presumed answer whose blend is above this is turned to evasive
    clear_below: float  # a presumed evasion whose blend is below this is turned to answered

    def blend(self, verdict: Verdict, item: Item) -> float:
        """The rules' and the model's probability of a dodge, weighted."""
        flagged = verdict.label != Label.ANSWERED.value
        rules_say = verdict.confidence if flagged else 1.0 - verdict.confidence
        return self.weight * self.probability(item) + (1.0 - self.weight) * rules_say

    def probability(self, item: Item) -> float:
        """How likely the model thinks the reply dodges (is anything but answered)."""
        answer, question = texts_of(item)
        z = self.intercept + self.answer.score(answer) + self.question.score(question)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _block(data: dict[str, Any]) -> _Block:
    # (`ngrams` in the file records the trainer's setting; the automaton needs no lengths)
    table = {gram: (float(idf), float(weight)) for gram, (idf, weight) in data["features"].items()}
    return _Block(float(data["scale"]), table)


def parse_model(data: dict[str, Any], source: str) -> Model:
    """The model from its JSON form; a damaged file is a data error naming it."""
    try:
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
        blend = data["blend"]
        return Model(
            float(data["intercept"]),
            _block(data["answer"]),
            _block(data["question"]),
            float(blend["weight"]),
            float(blend["flag_above"]),
            float(blend["clear_below"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RecordError(source, [f" 類似判定のモデルが読めません（{exc}）。"]) from None


@cache
def load_model(path: Path | None = None) -> Model:
    source = path or templates_dir() / MODEL_FILE
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError(source, [f" 類似判定のモデルが読めません（{exc}）。"]) from None
    except json.JSONDecodeError as exc:
        raise RecordError(
            source, [f"{exc.lineno}: 類似判定のモデルが JSON として読めません（{exc.msg}）。"]
        ) from None
    return parse_model(data, str(source))


def reconsider(verdict: Verdict, item: Item, model: Model) -> Verdict:
    """The verdict, turned where the blend of rules and model overrules it (module docstring)."""
    if verdict.label == Label.ANSWERED.value:
        if model.blend(verdict, item) <= model.flag_above:
            return verdict
        return _turned_evasive(verdict) if presumed_answer(verdict) else _doubted(verdict)
    if presumed_evasion(verdict) and model.blend(verdict, item) < model.clear_below:
        return _turned_answered(verdict)
    return verdict


def presumed_answer(verdict: Verdict) -> bool:
    """Called answered although nothing recognisably gives the kind of answer asked for."""
    return verdict.label == Label.ANSWERED.value and verdict.uncertain


def presumed_evasion(verdict: Verdict) -> bool:
    """An evasion inferred from the absence of a recognised answer, not from a phrase."""
    return verdict.label == Label.EVASIVE.value and verdict.confidence <= PRESUMED_EVASION


def _doubted(verdict: Verdict) -> Verdict:
    reason = (
        "答えていると判定しましたが、過去に分類した回答の書きぶりでは答えていない回答に近いため、"
        "要確認としました。"
    )
    return replace(verdict, reasons=[*verdict.reasons, reason], confidence=DOUBTED_CONFIDENCE)


def _turned_answered(verdict: Verdict) -> Verdict:
    first = verdict.reasons[0] if verdict.reasons else ""
    reason = (
        f"答えていないと推定しましたが({LABEL_JA[Label(verdict.label)]})、過去に分類した回答の"
        "書きぶりに照らすと答えている回答に近いため「回答あり」としました。要確認です。"
    )
    return replace(
        verdict,
        label=Label.ANSWERED.value,
        trigger=None,
        reasons=[reason, *([f"規則の理由: {first}"] if first else [])],
        unanswered=[],
        confidence=CLEARED_CONFIDENCE,
    )


def _turned_evasive(verdict: Verdict) -> Verdict:
    reason = (
        "文言の規則では答えていると読めましたが、過去に分類した回答の書きぶりに照らすと、"
        "問いに正面から答えていない回答に近いため「論点回避」としました。要確認です。"
    )
    # the parts the rules took as given are now talked around, so the letter asks them again
    parts = [
        replace(part, treatment="evasive", reason=_PART_DOUBTED) if part.treatment == "gives" else part
        for part in verdict.parts
    ]
    return replace(
        verdict,
        label=Label.EVASIVE.value,
        reasons=[reason, *verdict.reasons],
        unanswered=[part.text for part in parts if part.treatment != "gives"] or verdict.unanswered,
        confidence=TURNED_EVASIVE_CONFIDENCE,
        parts=parts,
    )


_PART_DOUBTED = "答えているとは認められない書きぶりです(過去に分類した回答との類似による判定)。"
