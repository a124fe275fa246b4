"""The resemblance model: what it may change in a verdict, and that the shipped file is sound.

The policy is tested with small hand-made models (one n-gram each), so that what is asserted
is the rule of the blend and not the weights of the day; the product path (`classify`) is
tested with the shipped model on the guide's hard negatives and the brief's named dodges.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

from followup.errors import RecordError
from followup.records import Item, load_record
from followup.triage import UNCERTAIN_BELOW, classify, classify_record, load_lexicon
from followup.triage.resemblance import Model, load_model, parse_model, reconsider
from followup.triage.verdict import PRESUMED_EVASION, Part, Verdict

ROOT = Path(__file__).resolve().parent.parent
TUNE = ROOT / "benchmarks" / "corpus" / "tune"

DODGE = "回答は差し控えます。"  # holds 控え, the hand-made model's one dodge n-gram
PLAIN = "令和五年度は三件です。"  # holds no n-gram the hand-made model knows


def hand_made(weight: float = 0.6, flag_above: float = 0.5, clear_below: float = 0.4) -> Model:
    data = {
        "format": 1,
        "intercept": -3.0,  # p = 0.05 for a text with no known n-gram
        "answer": {"ngrams": [2, 2], "scale": 1.0, "features": {"控え": [1.0, 8.0]}},  # p = 0.99
        "question": {"ngrams": [2, 3], "scale": 0.5, "features": {}},
        "blend": {"weight": weight, "flag_above": flag_above, "clear_below": clear_below},
    }
    return parse_model(data, "hand-made")


def verdict(label: str, confidence: float) -> Verdict:
    part = Part("件数は何件か。", ("quantity",), "gives" if label == "answered" else "nothing", None, None)
    return Verdict("1", label, None, ["規則の理由。"], confidence=confidence, parts=[part])


def item(answer: str) -> Item:
    return Item(ref="1", question="件数は何件か。", answer=answer)


def test_the_hand_made_model_reads_its_one_ngram():
    model = hand_made()
    assert model.probability(item(DODGE)) > 0.99
    assert model.probability(item(PLAIN)) == pytest.approx(0.0474, abs=1e-4)


def test_an_answer_the_rules_only_presumed_is_turned_evasive_when_it_reads_like_a_dodge():
    turned = reconsider(verdict("answered", 0.55), item(DODGE), hand_made())
    assert turned.label == "evasive"
    assert turned.uncertain
    assert "論点回避" in turned.reasons[0] and "要確認" in turned.reasons[0]
    assert turned.reasons[1:] == ["規則の理由。"]  # the rules' reasons are kept after it
    assert turned.unanswered == ["件数は何件か。"]  # the letter presses every part
    assert [p.treatment for p in turned.parts] == ["evasive"] and "類似" in (turned.parts[0].reason or "")


def test_a_recognised_answer_is_only_marked_for_review_never_turned():
    doubted = reconsider(verdict("answered", 0.8), item(DODGE), hand_made())
    assert doubted.label == "answered"
    assert doubted.confidence < UNCERTAIN_BELOW
    assert doubted.reasons[0] == "規則の理由。" and "要確認" in doubted.reasons[-1]


def test_an_answer_that_reads_like_one_is_left_as_it_is():
    for confidence in (0.55, 0.8):
        kept = verdict("answered", confidence)
        assert reconsider(kept, item(PLAIN), hand_made()) is kept


def test_an_evasion_presumed_from_silence_is_cleared_when_it_reads_like_an_answer():
    cleared = reconsider(verdict("evasive", PRESUMED_EVASION), item(PLAIN), hand_made())
    assert cleared.label == "answered"
    assert cleared.uncertain  # nothing silently answered: review walks it
    assert cleared.unanswered == [] and cleared.trigger is None
    assert "論点回避" in cleared.reasons[0] and cleared.reasons[1] == "規則の理由: 規則の理由。"


def test_an_evasion_presumed_from_silence_stays_when_it_reads_like_a_dodge():
    kept = verdict("evasive", PRESUMED_EVASION)
    assert reconsider(kept, item(DODGE), hand_made()) is kept


@pytest.mark.parametrize(
    ("label", "confidence"),
    [
        ("declined", 0.9),
        ("deferred", 0.75),
        ("deflected", 0.65),
        ("conditional", 0.8),
        ("partial", 0.45),
        ("evasive", 0.5),  # a formula was found
        ("unanswered", 1.0),
    ],
)
def test_a_verdict_on_a_recognised_move_is_never_overturned(label: str, confidence: float):
    kept = verdict(label, confidence)
    for answer in (DODGE, PLAIN):
        assert reconsider(kept, item(answer), hand_made(weight=1.0)) is kept


def test_the_blend_weighs_the_rules_against_the_model():
    # the rules' presumed answer (0.55) says dodge 0.45; the model says 1/(1+e^-5) or 1/(1+e^3)
    model = hand_made(weight=0.5, flag_above=0.5)
    dodge, plain = 1 / (1 + math.exp(-5)), 1 / (1 + math.exp(3))
    assert model.blend(verdict("answered", 0.55), item(DODGE)) == pytest.approx(0.5 * dodge + 0.5 * 0.45)
    assert model.blend(verdict("answered", 0.55), item(PLAIN)) == pytest.approx(0.5 * plain + 0.5 * 0.45)
    assert reconsider(verdict("answered", 0.55), item(DODGE), model).label == "evasive"
    assert reconsider(verdict("answered", 0.55), item(PLAIN), model).label == "answered"


# --- the shipped model ---------------------------------------------------------------------


def test_the_shipped_model_scores_as_the_trainer_did():
    data = json.loads((ROOT / "templates" / "resemblance.json").read_text(encoding="utf-8"))
    model = load_model()
    assert len(data["checks"]) >= 6
    for check in data["checks"]:
        got = model.probability(Item(ref="1", question=check["question"], answer=check["answer"]))
        assert got == pytest.approx(check["probability"], abs=1e-5)


def test_the_shipped_model_was_trained_on_the_whole_tuning_part_and_nothing_else():
    # retrain (benchmarks/train_resemblance.py) whenever the tuning part changes
    trained_on = json.loads((ROOT / "templates" / "resemblance.json").read_text(encoding="utf-8"))[
        "trained_on"
    ]
    pairs = 0
    for path in TUNE.glob("*.yaml"):
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
        pairs += sum(1 for raw in items if not raw.get("ambiguous"))
    assert trained_on == {"corpus": "benchmarks/corpus/tune", "pairs": pairs, "dodges": trained_on["dodges"]}


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        # the guide's hard negatives stay answered
        (
            "申請から決定までの平均の処理日数はどのくらいか。",
            "事案により異なるため一概にお答えすることは困難であるが、令和5年度の平均は18日である。",
            "answered",
        ),
        ("報告書はいつ公表するのか。", "本年十月に公表する予定である。", "answered"),
        # the dodges the brief names stay flagged as the rules read them
        (
            "開示請求にどう対応するのか。",
            "個人情報保護法その他関係法令に基づき適正に対応いたします。",
            "evasive",
        ),
        ("調達の経緯を明らかにされたい。", "当機構が実施した調達ではありません。", "deflected"),
        (
            "障害の原因を示されたい。",
            "現在、関連システムの総点検を行っているところですので、回答を差し控えさせていただきます。",
            "deferred",
        ),
    ],
)
def test_the_product_keeps_the_guides_rules(lexicon, question: str, answer: str, label: str):
    assert classify(Item(ref="1", question=question, answer=answer), lexicon).label == label


def test_jlis_keeps_its_reference_labels():
    gold = yaml.safe_load(
        (ROOT / "tests" / "fixtures" / "gold" / "jlis-2016.yaml").read_text(encoding="utf-8")
    )
    got = {
        v.ref: v.label
        for v in classify_record(load_record(ROOT / "answers" / "jlis-2016.yaml"), load_lexicon())
    }
    wrong = [
        g["ref"]
        for g in gold["items"]
        if not g.get("ambiguous") and got.get(g["ref"]) not in (g["label"], *g.get("also", []))
    ]
    assert wrong == []


# --- a damaged model file ------------------------------------------------------------------


def test_a_model_file_that_is_not_json_is_named_with_its_line(tmp_path: Path):
    bad = tmp_path / "resemblance.json"
    bad.write_text('{\n  "format": 1,\n  oops\n}\n', encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_model(bad)
    assert f"{bad}:3:" in str(caught.value)


def test_a_model_file_of_another_format_is_refused_by_name(tmp_path: Path):
    bad = tmp_path / "resemblance.json"
    bad.write_text('{"format": 9}', encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_model(bad)
    assert str(bad) in str(caught.value) and "format 9" in str(caught.value)


# --- the trainer ---------------------------------------------------------------------------


def test_the_trainer_writes_a_model_the_tool_reads_as_it_scored(tmp_path: Path):
    pytest.importorskip("sklearn")
    from test_corpus import _benchmark

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(TUNE.glob("*.yaml"))[:120]:
        (corpus / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "model.json"
    _benchmark("train_resemblance").main(["--corpus", str(corpus), "--out", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["trained_on"]["corpus"] == "corpus" and data["trained_on"]["pairs"] > 100
    model = load_model(out)
    for check in data["checks"]:
        got = model.probability(Item(ref="1", question=check["question"], answer=check["answer"]))
        assert got == pytest.approx(check["probability"], abs=1e-5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "model.json"]  # no temporary file left
