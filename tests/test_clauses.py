"""The clause view: each clause of an answer marked by what it does for the question.

A verdict made by hand (no `clauses`/`parts`) is marked by triage on the spot, so these
examples check triage's clause roles as `show`, review and the report present them; the
path where a verdict carries its own clauses is tested with verdicts that carry them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from followup.clauses import (
    ROLES,
    clause_lines,
    clause_view,
    legend,
)
from followup.display import width
from followup.records import Item
from followup.triage import Verdict


def verdict(label: str, trigger: str | None = None, reasons: list[str] | None = None, **kw) -> Verdict:
    return Verdict("1", label, trigger, reasons or ["理由"], **kw)


def roles(question: str, answer: str, v: Verdict) -> list[tuple[str, int | None]]:
    view = clause_view(Item(ref="1", question=question, answer=answer), v)
    return [(c.role, c.sub) for c in view.clauses]


# -- splitting ---------------------------------------------------------------------------


def test_gives_names_the_sub_question_it_gives():
    q = "苦情の件数は何件か。また、その理由を説明されたい。"
    a = "苦情は令和5年度に12件ありました。窓口の対応が遅れたためです。"
    assert roles(q, a, verdict("answered")) == [("gives", 0), ("gives", 1)]


def test_restatement_of_the_question():
    q = "市内の公園遊具の点検は年に何回行っているのか。"
    a = "市内の公園遊具の点検は年に何回行っているのかとのお尋ねですが、年2回行っております。"
    assert roles(q, a, verdict("answered")) == [("restates", None), ("gives", 0)]


def test_refusal():
    a = "個別の事案についてはお答えできません。"
    assert roles("〇〇事件の捜査状況を示されたい。", a, verdict("declined", a.rstrip("。"))) == [
        ("refuses", None)
    ]


def test_deferral_inside_the_trigger_even_with_a_refusal_phrase():
    a = "現在、点検を行っているところですので、回答を差し控えます。"
    v = verdict("deferred", "点検を行っているところですので、回答を差し控えます")
    marked = roles("歩道橋を改修する予定はあるか。", a, v)
    assert marked and {role for role, _ in marked} == {"defers"}  # the refusal is for the deferral


def test_passing_on_to_another_body():
    a = "当該道路は県道です。各自治体において判断されるものであります。"
    v = verdict("deflected", "各自治体において判断されるものであります")
    assert roles("道路を補修するか。", a, v) == [("beside", None), ("passes_on", None)]


def test_conditional_yes():
    a = "ご指摘の状況であれば、そのとおりです。"
    v = verdict("conditional", "ご指摘の状況であれば、そのとおりです")
    assert roles("この交差点は危険だと認めるか。", a, v) == [("conditional", None)]


def test_beside_the_point():
    a = "防犯は重要な課題です。法令に基づき適切に対応してまいります。"
    v = verdict("evasive", "法令に基づき適切に対応してまいります")
    assert roles("防犯カメラを設置するか。", a, v) == [("beside", None), ("formula", None)]


@pytest.mark.parametrize(
    "closing",
    [
        "ご理解をお願いいたします。",
        "引き続き相談体制の充実に努めてまいります。",
        "ご理解とご協力をお願いします。",
    ],
)
def test_closing_formula_after_the_facts(closing: str):
    a = f"令和5年度は12件です。{closing}"
    assert roles("令和5年度の相談件数は何件か。", a, verdict("answered")) == [("gives", 0), ("formula", None)]


def test_hedge_before_the_fact_is_a_formula_not_a_refusal():
    a = "一概にお答えすることは困難ですが、令和5年4月1日現在で45人です。"
    assert roles("職員数は何人か。", a, verdict("answered")) == [("formula", None), ("gives", 0)]


def test_partial_answer_names_what_answers_each_part_or_nothing():
    item = Item(
        ref="1",
        question="苦情の件数は何件か。また、その内訳を示されたい。また、いつ公表するか。",
        answer="件数は30件です。内訳は集計していません。",
    )
    v = verdict(
        "partial",
        reasons=["「その内訳を示されたい」について、内訳を答えていません。"],
        unanswered=["その内訳を示されたい", "いつ公表するか"],
    )
    view = clause_view(item, v)
    assert [(p.treatment, p.clause) for p in view.parts] == [
        ("gives", "件数は30件です。"),
        ("refuses", "内訳は集計していません。"),
        ("nothing", None),
    ]
    assert view.parts[1].reason and "内訳" in view.parts[1].reason
    text = "\n".join(clause_lines(item, v, 80, color=False))
    assert "問3 いつ公表するか" in text and "→ 回答なし" in text


def test_whole_refusal_applies_to_every_sub_question():
    item = Item(ref="1", question="件数は何件か。また、理由は何か。", answer="回答は差し控えます。")
    view = clause_view(item, verdict("declined", "回答は差し控えます"))
    assert [p.treatment for p in view.parts] == ["refuses", "refuses"]


def test_no_answer():
    item = Item(ref="1", question="件数は何件か。")
    view = clause_view(item, verdict("unanswered"))
    assert view.clauses == () and all(p.treatment == "nothing" for p in view.parts)
    assert clause_lines(item, verdict("unanswered"), 80, False) == ["  (回答なし)"]


def test_segments_cover_the_whole_answer():
    answer = "  件数は12件です。\n\nご理解をお願いします。 "
    view = clause_view(Item(ref="1", question="件数は何件か。", answer=answer), verdict("answered"))
    assert "".join(text for text, _ in view.segments()) == answer


# -- the terminal ------------------------------------------------------------------------


def test_plain_markers_without_colour_and_colours_with_a_legend():
    item = Item(ref="1", question="件数は何件か。", answer="12件です。ご理解をお願いします。")
    plain = clause_lines(item, verdict("answered"), 80, color=False)
    assert plain[:2] == ["  【回答】12件です。", "  【定型】ご理解をお願いします。"]
    assert not any("\x1b" in line for line in plain)
    coloured = clause_lines(item, verdict("answered"), 80, color=True)
    assert coloured[0].startswith("凡例:") and "\x1b[32m" in "\n".join(coloured)
    assert not any("【回答】" in line for line in coloured)
    assert all(
        f"【{name}】" in legend(False)
        for name in ("回答", "復唱", "拒否", "先送り", "転嫁", "無関係", "定型")
    )


def test_lines_fit_the_width():
    item = Item(ref="1", question="件数は何件か。" * 8, answer="令和5年度は12件です。" * 12)
    for line in clause_lines(item, verdict("answered"), 40, color=False):
        assert width(line) <= 40, line


# -- when triage provides the clauses ----------------------------------------------------


def test_uses_the_clauses_and_parts_the_verdict_carries():
    answer = "件数は30件です。内訳は集計していません。"
    v = verdict("partial")
    v.clauses = [  # type: ignore[attr-defined]
        SimpleNamespace(text="件数は30件です。", start=0, role="gives", sub=0),
        SimpleNamespace(text="内訳は集計していません。", start=9, role="refuses", sub=None),
    ]
    v.parts = [  # type: ignore[attr-defined]
        SimpleNamespace(
            text="件数",
            kinds=frozenset({"quantity"}),
            treatment="gives",
            clause="件数は30件です。",
            reason=None,
        ),
        SimpleNamespace(
            text="内訳",
            kinds=frozenset({"breakdown"}),
            treatment="refuses",
            clause="内訳は集計していません。",
            reason="内訳を答えていません。",
        ),
        SimpleNamespace(
            text="時期", kinds=frozenset({"when"}), treatment="nothing", clause=None, reason=None
        ),
    ]
    item = Item(ref="1", question="まったく別の質問。", answer=answer)
    view = clause_view(item, v)
    assert [(c.role, c.sub) for c in view.clauses] == [("gives", 0), ("refuses", None)]
    assert [p.treatment for p in view.parts] == ["gives", "refuses", "nothing"]
    lines = clause_lines(item, v, 80, color=False)
    assert lines[:2] == ["  【回答】(問1)件数は30件です。", "  【拒否】内訳は集計していません。"]
    assert "    → 回答なし" in lines


def test_provided_clauses_with_unknown_roles_or_offsets_are_shown_safely():
    v = verdict("answered")
    v.clauses = [SimpleNamespace(text="12件です。", start=99, role="new-role", sub=None)]  # type: ignore[attr-defined]
    v.parts = []  # type: ignore[attr-defined]
    view = clause_view(Item(ref="1", question="件数は何件か。", answer="はい。12件です。"), v)
    assert view.clauses[0].role == "beside" and view.clauses[0].role in ROLES
    assert [(t, c is not None) for t, c in view.segments()] == [("はい。", False), ("12件です。", True)]
