"""What a question asks: its sub-questions and what kind of answer each needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup.triage.lexicon import Lexicon

_SENTENCES = re.compile(r"(?<=[。？?])")
_ALSO = re.compile(r"また、")
_CLAUSE_Q = re.compile(r"(?<=か)、(?=.)")
_WRAPPER = re.compile(
    r"^(?:それぞれ|その上で|以上について|これらについて)?[、,]?(?:明らかにされたい|説明されたい|示されたい|答えられたい|回答されたい|教えてください|ご回答ください|お答えください|明らかにしてください|説明してください)[。]?$"
)
_REQUEST_END = re.compile(
    r"(されたい|ください|下さい|願います|願いたい|伺いたい|求めます|求める|いただきたい)[。]?$"
)
_QUESTION_END = re.compile(r"(か|かどうか|か否か)[。？?]?$")
_ENUM_AND = re.compile(r"、(?:および|及び|並びに)(?=それぞれ|その|各)")
_WORDS = re.compile(r"[一-龥ァ-ヴー]{2,}")
_STEM = re.compile(
    r"([一-龥ァ-ヴー]{2,})(?:を|が|は)?(?:し|す|さ|され|して|した|する|でき|行|実施)[^一-龥]*$"
)


MAX_QUESTION_CHARS = 5000  # far beyond any real question; bounds the work on hostile input


@dataclass(frozen=True)
class SubQuestion:
    text: str
    kinds: frozenset[str]
    stem: str | None
    alternatives: tuple[str, ...] = ()

    @property
    def is_yes_no(self) -> bool:
        return "yes_no" in self.kinds


def split_subquestions(question: str) -> list[str]:
    """Sentences ending in か / されたい / ください, 「また、」 clauses, and 「…か、…か」 parts."""
    parts: list[str] = []
    enumerated: set[str] = set()  # 「Aの職員数、およびそれぞれの内訳を明らかにされたい」: A asks too
    for sentence in _SENTENCES.split(question.replace("\n", "")):
        for chunk in _ALSO.split(sentence):
            pieces = _ENUM_AND.split(chunk)
            enumerated.update(p.strip(" 、。\u3000") for p in pieces[:-1])
            for piece in pieces:
                parts.extend(_split_clauses(piece))
    cleaned = [p.strip(" 、。\u3000") for p in parts]
    out: list[str] = []
    for part in cleaned:
        if not part:
            continue
        if part in {"否か", "否"} and out:
            out[-1] = f"{out[-1]}、{part}"
            continue
        if _WRAPPER.match(part) and out:
            continue  # 「…か、明らかにされたい」: the wrapper asks nothing of its own
        out.append(part)
    asking = [p for p in out if _REQUEST_END.search(p) or _QUESTION_END.search(p) or p in enumerated]
    return asking or out[-1:] or [question.strip()]


def _split_clauses(sentence: str) -> list[str]:
    pieces = _CLAUSE_Q.split(sentence)
    if len(pieces) == 2 and pieces[0][-4:] == pieces[1].rstrip("。")[-4:]:
        return [sentence]  # 「Aとして管理されるか、Bとして管理されるか」: one choice
    return pieces


def analyse(question: str, lexicon: Lexicon) -> list[SubQuestion]:
    out = []
    qt = lexicon.question_types
    for text in split_subquestions(question[:MAX_QUESTION_CHARS]):
        kinds = {k for k in ("why", "when", "quantity", "how", "breakdown") if k in qt and qt[k].search(text)}
        asks_word = "question_word" in qt and qt["question_word"].search(text)
        choice = qt["choice"].search(text) if "choice" in qt else None
        alternatives: tuple[str, ...] = ()
        if choice and not kinds - {"how"}:
            kinds = {"choice"}  # 「Aとして管理されるのか、Bとしてか」: naming one is the answer
            alternatives = tuple(_WORDS.findall(choice.group("a") + choice.group("b")))
        elif _QUESTION_END.search(text) and not asks_word and not kinds - {"breakdown"}:
            kinds.add("yes_no")
        stem_match = _STEM.search(re.sub(r"(ということ)?(か|のか|か否か|、否か)[。]?$", "", text))
        out.append(
            SubQuestion(text, frozenset(kinds), stem_match.group(1) if stem_match else None, alternatives)
        )
    return out
