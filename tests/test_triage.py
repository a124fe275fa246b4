from __future__ import annotations

import csv
import gc
import io
import json
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, JLIS_DIR, gold_items
from followup.align import similarity
from followup.cli import cli
from followup.errors import InputError, RecordError
from followup.importer import import_exchange
from followup.records import Item, load_record
from followup.triage import LABELS, classify, classify_record, load_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def check_against_gold(verdicts, gold):
    wrong = []
    for g in gold:
        v = verdicts[g["ref"]]
        if g.get("ambiguous"):
            continue
        if v.label != g["label"] and v.label not in g.get("also", []):
            wrong.append((g["ref"], v.label, g["label"]))
        if v.label == "partial" and g.get("unanswered"):
            named = " ".join(v.unanswered + v.reasons)
            assert any(u in named or similarity(u, named) > 0.5 for u in g["unanswered"]), (
                g["ref"],
                v.unanswered,
            )
    return wrong


def test_jlis_record_matches_gold(jlis_record, lexicon):
    verdicts = {v.ref: v for v in classify_record(jlis_record, lexicon)}
    assert check_against_gold(verdicts, gold_items()) == []
    assert "それは解決したのか" in verdicts["[1](3)1)"].unanswered
    assert verdicts["[4]6)"].trigger == "当機構が実施した調達ではありません"


def test_jlis_ocr_import_matches_gold(lexicon):
    record, _ = import_exchange(JLIS_DIR / "questions.txt", JLIS_DIR / "reply-ocr.txt")
    verdicts = {v.ref: v for v in classify_record(record, lexicon)}
    assert check_against_gold(verdicts, gold_items()) == []


def test_other_styles_gold_including_good_answers(lexicon):
    record = load_record(FIXTURES / "gold" / "styles-record.yaml")
    gold = yaml.safe_load((FIXTURES / "gold" / "styles-gold.yaml").read_text(encoding="utf-8"))["items"]
    verdicts = {v.ref: v for v in classify_record(record, lexicon)}
    assert check_against_gold(verdicts, gold) == []
    good = [g["ref"] for g in gold if g["label"] == "answered"]
    assert len(good) >= 15 and all(verdicts[r].label == "answered" for r in good if r != "14")


def test_every_verdict_is_explained(jlis_record, lexicon):
    for v in classify_record(jlis_record, lexicon):
        assert v.label in LABELS and v.reasons
        item = jlis_record.item(v.ref)
        if v.trigger is not None:
            assert v.trigger in item.answer, v.ref


def test_unanswered_item(lexicon):
    v = classify(Item(ref="1", question="何件か。", answer=None), lexicon)
    assert v.label == "unanswered" and v.trigger is None


def test_extra_lexicon_adds_phrases(tmp_path: Path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "labels:\n  deferred:\n    - pattern: 鋭意準備中\n      reason: 準備中として先送りしています。\n",
        encoding="utf-8",
    )
    item = Item(ref="1", question="いつ公開するのか。", answer="現在、鋭意準備中です。")
    assert classify(item, load_lexicon(extra)).label == "deferred"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("labels:\n  refused:\n    - pattern: x\n      reason: y\n", "labels.refused"),
        ("labels:\n  declined:\n    - pattern: '(['\n      reason: y\n", "正規表現として読めません"),
        ("labels: [1, 2]\n", "labels"),
    ],
)
def test_bad_lexicon_is_refused(tmp_path: Path, text: str, message: str):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as info:
        load_lexicon(bad)
    assert message in info.value.message and str(bad) in info.value.message


def test_triage_json_and_only_flagged(runner):
    result = runner.invoke(cli, ["triage", "--format", "json", "--only-flagged"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert all(r["label"] != "answered" for r in rows)
    row = next(r for r in rows if r["ref"] == "[3](2)2)")
    assert row["label"] == "deflected" and "各地方公共団体において対応" in row["trigger"]
    assert {"ref", "label", "trigger", "reasons", "question", "answer"} <= row.keys()


def test_triage_table_and_csv(runner):
    result = runner.invoke(cli, ["triage"])
    assert result.exit_code == 0 and "回答拒否" in result.output and "\x1b[" not in result.output
    csv_out = runner.invoke(cli, ["triage", "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("ref,label,label_ja,trigger")
    assert len(list(csv.reader(io.StringIO(csv_out)))) == 37


def test_pairs_in_input_order(runner, tmp_path: Path):
    pairs = tmp_path / "p.jsonl"
    rows = [
        {"id": 7, "question": "何件か。", "answer": "3件です。"},
        {"id": "b", "question": "公表するか。", "answer": "回答は差し控えさせていただきます。"},
    ]
    pairs.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["triage", "--pairs", str(pairs), "--format", "jsonl"])
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == [7, "b"]
    assert [o["label"] for o in out] == ["answered", "declined"]
    assert set(out[1]) == {"id", "label", "trigger", "reasons", "confidence", "uncertain"}


def test_pairs_jsonl_carries_the_uncertain_mark(runner, tmp_path: Path):
    """An answer only presumed given is marked for a person to read, as in the table."""
    pairs = tmp_path / "p.jsonl"
    row = {
        "id": 1,
        "question": "公園にベンチを設置してほしい。",
        "answer": "公園の東側にベンチを二基設けてございますので、ご利用ください。",
    }
    pairs.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["triage", "--pairs", str(pairs), "--format", "jsonl"])
    out = json.loads(result.output)
    assert out["label"] == "answered" and out["uncertain"] is True
    assert 0 < out["confidence"] < 0.6
    table = runner.invoke(cli, ["triage", "--pairs", str(pairs)]).output
    assert "要確認" in table


def test_malformed_pair_line_names_its_number(tmp_path: Path, lexicon):
    from followup.triage.service import triage_pairs

    pairs = tmp_path / "p.jsonl"
    pairs.write_text(
        '{"id": 1, "question": "a", "answer": "b"}\n{"id": 2, "question": "a"\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"p.jsonl:2:"):
        list(triage_pairs(pairs, lexicon))


def _batch(jlis_record) -> list[Item]:
    """Real replies: the bundled record's and the first tuning exchanges', numbered apart."""
    items = list(jlis_record.items)
    for path in sorted((Path(__file__).parent.parent / "benchmarks" / "corpus" / "tune").glob("*.yaml"))[:6]:
        items += [
            Item(ref=f"{path.stem}-{k}", question=str(i.get("question") or ""), answer=i.get("answer"))
            for k, i in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["items"])
        ]
    return items


def _seen(verdicts) -> list[tuple]:
    return [(v.ref, v.label, v.trigger, v.reasons, v.confidence, v.uncertain) for v in verdicts]


def test_workers_judge_a_large_batch_as_one_process_does(jlis_record, lexicon, monkeypatch):
    import multiprocessing

    from followup.triage import parallel

    items = _batch(jlis_record)
    contexts: list[str] = []
    real = multiprocessing.get_context
    monkeypatch.setattr(parallel.multiprocessing, "get_context", lambda m: contexts.append(m) or real(m))
    monkeypatch.setattr(parallel, "MIN_PAIRS_FOR_WORKERS", len(items))
    forked = parallel.classify_all(items, lexicon, workers=2)
    assert contexts == ["fork"]
    assert _seen(forked) == _seen(classify(i, lexicon) for i in items)
    assert {v.label for v in forked} >= {"answered", "deferred"}  # a mixed batch, not one label
    assert gc.get_freeze_count() == 0  # the parent's collector is back to normal
    assert gc.isenabled()  # paused while the verdicts came back, running again after


def test_workers_leave_a_paused_collector_paused(jlis_record, lexicon, monkeypatch):
    # a caller that had switched the collector off for its own reasons finds it still off
    from followup.triage import parallel

    items = _batch(jlis_record)
    monkeypatch.setattr(parallel, "MIN_PAIRS_FOR_WORKERS", len(items))
    gc.disable()
    try:
        assert len(parallel.classify_all(items, lexicon, workers=2)) == len(items)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(
    "case", ["small batch", "one core", "cannot fork"], ids=lambda c: c.replace(" ", "-")
)
def test_batches_stay_in_process_where_workers_cannot_pay(jlis_record, lexicon, monkeypatch, case):
    from followup.triage import parallel

    def no_fork(method):
        raise AssertionError("no worker should start")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_fork)
    items = _batch(jlis_record)
    workers = 2
    if case == "one core":
        monkeypatch.setattr(parallel, "MIN_PAIRS_FOR_WORKERS", 0)
        workers = 1
    elif case == "cannot fork":
        monkeypatch.setattr(parallel, "MIN_PAIRS_FOR_WORKERS", 0)
        monkeypatch.setattr(parallel, "can_fork", lambda: False)
    else:
        assert len(items) < parallel.MIN_PAIRS_FOR_WORKERS
    assert _seen(parallel.classify_all(items, lexicon, workers)) == _seen(classify(i, lexicon) for i in items)


def test_pairs_file_judged_by_workers_keeps_ids_and_order(tmp_path: Path, jlis_record, lexicon, monkeypatch):
    from followup.triage import parallel
    from followup.triage.service import triage_pairs

    items = _batch(jlis_record)
    path = tmp_path / "p.jsonl"
    rows = [{"id": 1000 - k, "question": i.question, "answer": i.answer} for k, i in enumerate(items)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setattr(parallel, "MIN_PAIRS_FOR_WORKERS", 0)
    forked = triage_pairs(path, lexicon, workers=2)
    alone = triage_pairs(path, lexicon, workers=1)
    assert [p.id for p in forked] == [r["id"] for r in rows]
    assert [p.item.answer for p in forked] == [i.answer for i in items]
    assert _seen(p.verdict for p in forked) == _seen(p.verdict for p in alone)


def _answers_to_check(jlis_record, files: int) -> list[str]:
    """The bundled record's answers and those of the first `files` tuning exchanges."""
    corpus = sorted((Path(__file__).parent.parent / "benchmarks" / "corpus" / "tune").glob("*.yaml"))[:files]
    answers = [i.answer or "" for i in jlis_record.items]
    for path in corpus:
        answers += [
            str(i.get("answer") or "") for i in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
        ]
    return answers


def test_forms_listed_one_by_one_match_as_their_alternation_would(jlis_record, lexicon):
    """`answer_gives.request` is listed form by form and searched form by form (`AnyOf`); its
    matches must be those of the forms joined into one alternation, on the bundled record and
    the corpus."""
    import re

    from followup.triage.lexicon import AnyOf

    request = lexicon.answer_gives["request"]
    assert isinstance(request, AnyOf) and len(request.parts) > 20
    joined = re.compile(request.pattern)
    answers = _answers_to_check(jlis_record, 150)
    found = 0
    for text in answers:
        expected = [(m.start(), m.end()) for m in joined.finditer(text)]
        assert [(m.start(), m.end()) for m in request.finditer(text)] == expected, text[:60]
        found += len(expected)
    assert found > 50


def test_patterns_guarded_by_their_literals_find_what_the_plain_patterns_find(jlis_record, lexicon):
    """A question or answer pattern with few literals is not searched in a text that holds
    none of them (`Guarded`); on the bundled record and the corpus, questions and answers,
    it must find exactly what the plain pattern finds, and most of them must be guarded."""
    import re

    from followup.triage.lexicon import AnyOf, Guarded

    searchers = [*lexicon.question_types.values(), *lexicon.answer_gives.values()]
    flat = [p for s in searchers for p in (s.parts if isinstance(s, AnyOf) else (s,))]
    guarded = [p for p in flat if isinstance(p, Guarded)]
    assert len(guarded) > len(flat) / 2
    questions = [i.asked for i in jlis_record.items]
    for path in sorted((Path(__file__).parent.parent / "benchmarks" / "corpus" / "tune").glob("*.yaml"))[:80]:
        questions += [
            str(i.get("question") or "") for i in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
        ]
    texts = questions + _answers_to_check(jlis_record, 80)
    skipped = 0
    for pattern in guarded:
        plain = re.compile(pattern.pattern)
        for text in texts:
            expected = [(m.start(), m.end()) for m in plain.finditer(text) if m.end() > m.start()]
            got = [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]
            assert got == expected, (pattern.pattern[:40], text[:60])
            skipped += not any(literal in text for literal in pattern.literals)
    assert skipped > len(texts)  # the guard does spare searches


def test_scan_finds_what_one_alternation_of_the_phrases_would(jlis_record, lexicon):
    """The scan searches each candidate phrase on its own; the hits must be those of the
    phrases joined into one alternation in lexicon order (leftmost, the earlier phrase at a
    tie, none overlapping), on every answer of the bundled record and the corpus."""
    import re

    from followup.triage.lexicon import _candidates

    answers = _answers_to_check(jlis_record, 120)
    checked = 0
    for text in answers:
        for indices in _candidates(lexicon, text).values():
            joined = re.compile("|".join(f"(?:{lexicon.phrases[i].pattern.pattern})" for i in indices))
            expected = [(m.start(), m.end()) for m in joined.finditer(text) if m.end() > m.start()]
            got = [(h.start, h.end) for h in lexicon._scan_move(indices, text)]
            assert got == expected, text[:60]
            checked += len(got)
    assert checked > 200
