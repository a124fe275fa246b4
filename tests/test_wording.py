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
        assert "前回質問[1](5)2)" in text
        assert text.endswith(("。", "されたい", "求める"))
    if label not in ("unanswered",):
        assert "貴機構回答(平成28年10月13日付け)" in variants[0] and "「" in variants[0]


def test_wording_says_what_each_label_needs(jlis_record):
    lexicon = load_lexicon()

    def first(ref: str) -> str:
        item = jlis_record.item(ref)
        return suggestions(jlis_record, item, classify(item, lexicon), load_lexicon())[0]

    assert "結果" in first("[1](5)4)") and "公表する時期" in first("[1](5)4)")  # deferred
    assert "法的根拠" in first("[1](5)2)")  # declined
    assert "責任を負う機関" in first("[4]6)")  # deflected
    assert "「それは解決したのか」の点について回答がない" in first("[1](3)1)")  # partial
    assert "調査したのか否か" in first("[2]3)")  # evasive, yes/no question
    assert "その理由を具体的に示されたい" in first("[1](2)2)")  # evasive, why-question
    assert "満たされているのか否か" in first("[1](5)1)")  # conditional


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
    assert (
        "「" + verdict.trigger + "」" in text
        and "あああああああああああああああああああああああああああ" not in text
    )
