from __future__ import annotations

from pathlib import Path

import pytest

from followup.errors import TemplateProblem
from followup.records import Item
from followup.triage import LABELS, Verdict, classify, load_lexicon
from followup.wording import honorific, suggestions


@pytest.mark.parametrize("label", LABELS)
def test_every_label_has_two_or_three_formal_variants(jlis_record, label: str):
    item = jlis_record.item("[1](5)2)")
    verdict = Verdict(
        item.ref, label, "回答は差し控えさせていただきます", ["理由"], unanswered=["どのようにテストしたのか"]
    )
    variants = suggestions(jlis_record, item, verdict, load_lexicon())
    assert 2 <= len(variants) <= 3
    for text in variants:
        assert "[1](5)2)" in text and text.endswith("。")
        assert "平成28年10月13日" not in text  # the reply is named once, in the opening
    opening = "前回質問書[1](5)2)" if label == "unanswered" else "前回回答[1](5)2)では「"
    assert variants[0].startswith(opening)


def test_wording_says_what_each_label_needs(jlis_record):
    lexicon = load_lexicon()

    def first(ref: str) -> str:
        item = jlis_record.item(ref)
        return suggestions(jlis_record, item, classify(item, lexicon), lexicon)[0]

    assert "結果" in first("[1](5)4)") and "時期" in first("[1](5)4)")  # deferred
    assert "その原因を具体的に明らかにされたい" in first("[1](5)4)")  # …and the question again
    assert "根拠" in first("[1](5)2)")  # declined
    assert "責任を負う機関はどこか" in first("[4]6)")  # deflected, no body named
    assert "それは解決したのか否か" in first("[1](3)1)")  # partial: only what was left out
    assert "2月22日のトラブルの原因については回答がある" in first("[1](3)1)")
    assert "重複付番の有無は調査したのか否か" in first("[2]3)")  # evasive, yes/no question
    assert "継続した理由を具体的に明らかにされたい" in first("[1](2)2)")  # evasive, why-question
    assert "満たされているのか否か" in first("[1](5)1)")  # conditional
    assert "質問に対する回答になっていない" in first("[1](2)2)")


def test_deflection_asks_what_fits_the_answer(jlis_record):
    lexicon = load_lexicon()
    item = jlis_record.item("[1](1)3)")
    text = suggestions(jlis_record, item, classify(item, lexicon), lexicon)[0]
    assert "葛飾区において扱うべき事項とする根拠" in text and "責任を負う機関はどこか" not in text
    assert "市民に対し説明できる事項はないのか否か" in text  # the question asked, not a stock sentence
    item = jlis_record.item("[3](2)2)")
    text = suggestions(jlis_record, item, classify(item, lexicon), lexicon)[0]
    assert text.startswith("前回回答[3](2)1)から3)までは、いずれも「")
    assert "各地方公共団体において扱うべき事項とする根拠" in text and "責任を負う機関はどこか" not in text
    assert "貴機構自身が本件について把握している事実" in text


def test_honorific_follows_the_body():
    assert honorific("地方公共団体情報システム機構") == "貴機構"
    assert honorific("総務省") == "貴省"
    assert honorific("○○市") == "貴市"
    assert honorific("どこかの人") == "貴職"


def test_own_templates_override_by_name(jlis_record, tmp_path: Path):
    folder = tmp_path / "followups"
    folder.mkdir()
    (folder / "declined.j2").write_text(
        "{% block v1 %}{{ ref }}について再度伺う。{% endblock %}", encoding="utf-8"
    )
    item = jlis_record.item("[1](5)2)")
    verdict = classify(item, load_lexicon())
    assert suggestions(jlis_record, item, verdict, load_lexicon(), tmp_path) == ["[1](5)2)について再度伺う。"]
    other = jlis_record.item("[4]6)")
    assert (
        "責任を負う機関"
        in suggestions(jlis_record, other, classify(other, load_lexicon()), load_lexicon(), tmp_path)[0]
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "許されない操作"),
        ("{{ cite.__class__.__init__.__globals__ }}", "許されない操作"),
        ("{{ missing_name }}", "未定義の変数"),
        ("{% if %}", "書き方に誤り"),
        ("{% include '/etc/passwd' %}", "見つかりません"),
    ],
)
def test_templates_are_sandboxed(jlis_record, tmp_path: Path, body: str, message: str):
    folder = tmp_path / "followups"
    folder.mkdir()
    (folder / "declined.j2").write_text("{% block v1 %}" + body + "{% endblock %}", encoding="utf-8")
    item = jlis_record.item("[1](5)2)")
    with pytest.raises(TemplateProblem) as info:
        suggestions(jlis_record, item, classify(item, load_lexicon()), load_lexicon(), tmp_path)
    assert message in info.value.message


def test_quote_is_the_trigger_when_the_answer_is_long(jlis_record):
    item = Item(ref="x", question="なぜか。", answer="あ" * 200 + "。回答は差し控えさせていただきます。")
    verdict = classify(item, load_lexicon())
    text = suggestions(jlis_record, item, verdict, load_lexicon())[0]
    assert verdict.trigger in text and "（略）" in text
    assert "あああああああああああああああああああああああああああ" not in text


@pytest.mark.parametrize(
    ("question", "kind", "phrase"),
    [
        ("重複付番の有無は調査したか", "yes_no", "重複付番の有無は調査したのか否か、"),
        ("今後も発生するということか。", "yes_no", "今後も発生するということなのか否か、"),
        ("3カ月かかっているが、なぜ長期間を要したのか", "why", "長期間を要した理由を"),
        ("報道資料で、その説明をしていないのはなぜか", "why", "報道資料で、その説明をしていない理由を"),
        ("苦情は何件寄せられたか", "quantity", "について、その件数を"),
        ("説明はいつ行ったのか", "when", "について、その時期を"),
        ("不具合の内容とその原因について明らかにされたい", "request", "不具合の内容とその原因を"),
        ("基本設計書を提供するか", "yes_no", "当該文書の写しを提供されたい"),
        ("開示請求の方法について、市民に説明をしているか", "yes_no", "説明をしているのか否か"),
    ],
)
def test_the_new_question_is_built_from_the_original_and_its_type(question, kind, phrase):
    from followup.templating import environment
    from followup.wording import read_asks

    asks = read_asks(question, load_lexicon())
    assert [a.kind for a in asks] == [kind]

    module = environment(None).get_template("followups/_ask.j2").module
    assert phrase in str(module.ask(asks[0].as_dict()))


def test_spans_of_refs():
    from followup.wording import span

    assert span(["[3](2)1)", "[3](2)2)", "[3](2)3)"]) == "[3](2)1)から3)まで"
    assert span(["二", "三"]) == "二及び三"
    assert span(["四", "五", "六"]) == "四から六まで"
    assert span(["第1の1", "第1の2", "第1の3"]) == "第1の1から3まで"
    assert span(["[1](5)4)", "[1](6)2)", "[2]3)"], consecutive=False) == "[1](5)4)、[1](6)2)及び[2]3)"


def test_quotes_are_tidied_for_the_letter():
    from followup.quotes import fullwidth_parens, quote_of, tidy

    assert tidy("平成 28 年 4 月 1 日現在、市区町村 C S から") == "平成28年4月1日現在、市区町村CSから"
    assert tidy("Microsoft Word の") == "Microsoft Wordの"
    assert quote_of("4月27日の「参考資料」の1と3です。", None) == "4月27日の『参考資料』の1と3です"
    assert fullwidth_parens("[1](2)3)の(19日、25日)") == "[1](2)3)の（19日、25日）"


def test_verdict_parts_narrow_the_question_to_what_was_not_given(jlis_record):
    """Triage's `parts` (when present) say which sub-questions an answer gave."""
    from dataclasses import dataclass

    @dataclass
    class Part:
        text: str
        kinds: tuple[str, ...]
        treatment: str
        clause: str | None = None
        reason: str | None = None

    item = jlis_record.item("[1](3)1)")
    verdict = classify(item, load_lexicon())
    verdict.parts = [  # type: ignore[attr-defined]
        Part("2月22日のトラブルの原因はなにか", ("why",), "gives"),
        Part("それは解決したのか", ("yes_no",), "nothing"),
    ]
    verdict.label = "evasive"
    text = suggestions(jlis_record, item, verdict, load_lexicon())[0]
    assert text.endswith("改めて、それは解決したのか否か、明らかにされたい。")
    assert "2月22日のトラブルの原因を" not in text
