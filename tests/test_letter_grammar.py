"""Grammar guard: every follow-up template × question type × label, rendered and checked for
the broken patterns real drafts showed (「されたいのか否か」, a quoted demand
「…されたい。」について, 「。。」, unbalanced or nested 「」)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from followup.records import Item, Record
from followup.triage import LABELS, Verdict, load_lexicon
from followup.wording import Subject, followups

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "letter"

QUESTIONS = {
    "yes_no": "同様の事例が発生する可能性はあるが、重複付番の有無は調査したか。",
    "yes_no_koto": "今後もこの対応をしなければトラブルは発生するということか。",
    "why": "4月27日に説明されるまで3カ月かかっているが、なぜ長期間を要したのか。",
    "why_noha": "報道資料で、その説明をしていないのはなぜか。",
    "when": "葛飾区に対して、いつ説明を行ったのか。",
    "quantity": "苦情は何件寄せられたか。",
    "quantity_request": "改めて、行う場合は、その時期と予算額を示されたい。",
    "how": "ガバメントクラウドの利用料について、政府はどのように算定しているのか。",
    "breakdown": "職員数及びその内訳を明らかにされたい。",
    "choice": "顔写真は、単なる画像として管理されるのか、顔認証に利用が可能なデータとして管理されるのか。",
    "request": "不具合の内容とその原因について明らかにされたい。",
    "document": "移行計画の検討に用いた資料を提出されたい。",
    "document_yes_no": "自治体から求められたら基本設計書を提供するか。",
    "what": "2月22日のトラブルの原因はなにか。それは解決したのか。",
    "quoted_demand": "「参考資料」の件数を示されたい。",
    "two_sentences": "4月27日の「参考資料」の1と3で説明されていると理解してよいか。また、その根拠を示されたい。",
    "plain": "以上について、見解を伺いたい。",
    "unknown_counter": "伐採の予定本数は何本か。",
    "where": "移転先はどこを予定しているか。",
}
ANSWER = "平成 28 年 4 月 1 日現在で、4月27日の「参考資料」のとおり、適正に対応いたします。"


def _record(questions: dict[str, str], answer: str | None) -> Record:
    items = [Item(ref=f"({n})", question=q, answer=answer) for n, q in enumerate(questions.values(), 1)]
    return Record.model_validate(
        {
            "questions": {"title": "テストの質問書"},
            "asker": {"name": "テストの会"},
            "respondent": {"body": "○○市", "head_title": "市長"},
            "reply": {"title": "テストの質問書に対する回答"},
            "items": [it.model_dump() for it in items],
        }
    )


BROKEN = [
    ("されたいのか否か", re.compile(r"されたい(の|な)?のか否か")),
    ("quoted demand", re.compile(r"(されたい|ください)。?」について")),
    ("。。", re.compile(r"。。|、、|、。|。、")),
    ("doubled", re.compile(r"のか否か否か|についてについて|ののか|をを|のかのか|改めて、改めて|また、また")),
    ("question word before か否か", re.compile(r"(何|いくら|どこ|誰|いつ|どの|どう)[^。、「」]*のか否か")),
    ("dangling", re.compile(r"とされている。が、|^、|」」")),
    (
        "given = missing",
        re.compile(r"(.{4,})については(回答があるが|答えているものの|示されているが)、\1については"),
    ),
]


def broken(text: str) -> list[str]:
    """The broken patterns in `text`, and 「」 that are unbalanced or nested."""
    found = [name for name, pattern in BROKEN if pattern.search(text)]
    depth = 0
    for ch in text:
        depth += {"「": 1, "」": -1}.get(ch, 0)
        if depth < 0 or depth > 1:
            found.append("「」 unbalanced or nested")
            break
    if depth != 0:
        found.append("「」 unbalanced")
    if not text.endswith("。"):
        found.append("no final 。")
    return found


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("kind", list(QUESTIONS))
def test_every_template_question_type_and_label_reads_right(label: str, kind: str):
    lexicon = load_lexicon()
    record = _record(
        {kind: QUESTIONS[kind], "other": QUESTIONS["yes_no"]}, None if label == "unanswered" else ANSWER
    )
    items = record.items
    for group in (items[:1], items):
        for tone in range(3):
            verdict = Verdict(
                items[0].ref, label, "適正に対応いたします", ["理由"], unanswered=[QUESTIONS[kind]]
            )
            for text in followups(Subject(record, group, verdict, lexicon, tone=tone)):
                assert broken(text) == [], (label, kind, len(group), tone, text)


def test_the_guard_catches_the_broken_sentences_of_the_issue():
    assert broken("改めて、行う場合は、その時期と予算額を示されたいのか否か、明確に回答されたい。")
    assert broken("「…件数を示されたい。」について、その数量を具体的に示されたい。")
    assert broken("「「参考資料」」とされている。")
    assert broken("回答されたい。。")
    assert broken("改めて、伐採の予定本数は何本なのか否か、明らかにされたい。")
    assert broken("事務局の人数については回答があるが、事務局の人数については答えていない。")
    assert broken("前回回答[1]では「参考資料」とされている。") == []
