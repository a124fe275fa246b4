"""Train the resemblance model (`followup.triage.resemblance`) on the tuning corpus, and
measure it on corpus waves it had not seen.

The model is a logistic regression over tf-idf character n-grams: 2–4-grams of the answer
(10,000 most frequent) and 2–3-grams of the question (3,000, at half weight), classes
balanced, C = 4.  It says how likely a reply is a dodge (anything but answered).  Only the
tuning part is read: the evaluation part is never seen by the trainer.

`--waves` measures the tool the way `triage_unseen.py` measures the rules: for every
corpus wave from the eleventh on, the model is trained on the waves before it and the rules
are the code from before it, and the blend (`followup.triage.resemblance`) is scored on the
wave.  Figures with wave 34 (1,509 pairs in 22 waves):

    rules alone                        P 0.57 R 0.60 F1 0.59  label 1127/1509 (0.747)
    model alone (p > 0.5)              P 0.58 R 0.55 F1 0.57
    as shipped (weight 0.6; 0.5 / 0.4) P 0.60 R 0.62 F1 0.61  label 1146/1509 (0.759)

The blend's settings were chosen on the first 21 of those waves (1,452 pairs).  Letting the
model overturn every verdict scored a little higher there (F1 0.63, label 0.769) but turned the guide's hard negatives
and recognised refusals and formulae (J-LIS fell from 31/31 to 21/31), so it decides only
where the rules presumed; a flag threshold of 0.45 buys F1 0.62 for label 0.751; only ever
adding flags gives F1 0.63 but label 0.718.  Picking among the eight labels with a second,
multi-class model was no better than calling a turned answer evasive (label 0.741 against
0.736), so there is one model, of dodge against answer.

Usage (needs scikit-learn, in the `test` extra):
    PYTHONPATH=src python benchmarks/train_resemblance.py            # writes the model
    PYTHONPATH=src python benchmarks/train_resemblance.py --waves    # the unseen check
    PYTHONPATH=src python benchmarks/train_resemblance.py --corpus DIR --out FILE
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from followup.outputs import atomic_write
from followup.records import Item
from followup.triage.resemblance import FORMAT, MODEL_FILE, grams, parse_model, reconsider, texts_of
from followup.triage.verdict import Verdict

ROOT = Path(__file__).resolve().parent.parent
TUNE = ROOT / "benchmarks" / "corpus" / "tune"
OUT = ROOT / "templates" / MODEL_FILE

ANSWER_GRAMS, ANSWER_FEATURES = (2, 4), 10_000
QUESTION_GRAMS, QUESTION_FEATURES, QUESTION_SCALE = (2, 3), 3_000, 0.5
C = 4.0
WEIGHT, FLAG_ABOVE, CLEAR_BELOW = 0.6, 0.5, 0.4

# Replies invented for the check values: the shipped file must score them as the trainer did.
CHECKS = (
    ("今後の予定を伺います。", "関係機関と連携し、適切に対応してまいります。"),
    ("件数は何件か。", "令和5年度は12件でした。"),
    ("なぜ公表しないのか。", "お答えすることは差し控えさせていただきます。"),
)


@dataclass(frozen=True)
class Example:
    question: str
    answer: str
    dodge: bool


def _items(files: Sequence[Path]) -> Iterator[tuple[Path, dict[str, Any], Item]]:
    """Every scored item of the files (the `ambiguous` ones are left out, as in scoring)."""
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in data.get("items") or []:
            if not raw.get("ambiguous"):
                question, answer = raw.get("question") or "", raw.get("answer")
                yield path, raw, Item(ref=str(raw.get("id", "?")), question=question, answer=answer)


def read_corpus(files: Sequence[Path]) -> list[Example]:
    out = []
    for _, raw, item in _items(files):
        answer, question = texts_of(item)
        out.append(Example(question, answer, raw["label"] != "answered"))
    return out


def fit(examples: Sequence[Example]) -> Any:
    """The fitted vectorizers and regression (scikit-learn objects)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    answers = TfidfVectorizer(
        analyzer=partial(grams, low=ANSWER_GRAMS[0], high=ANSWER_GRAMS[1]),
        min_df=2,
        sublinear_tf=True,
        max_features=ANSWER_FEATURES,
    )
    questions = TfidfVectorizer(
        analyzer=partial(grams, low=QUESTION_GRAMS[0], high=QUESTION_GRAMS[1]),
        min_df=2,
        sublinear_tf=True,
        max_features=QUESTION_FEATURES,
    )
    x = hstack(
        [
            answers.fit_transform([e.answer for e in examples]),
            questions.fit_transform([e.question for e in examples]) * QUESTION_SCALE,
        ]
    ).tocsr()
    regression = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    regression.fit(x, [e.dodge for e in examples])

    def probability(pairs: Sequence[tuple[str, str]]) -> list[float]:
        rows = hstack(
            [
                answers.transform([a for _, a in pairs]),
                questions.transform([q for q, _ in pairs]) * QUESTION_SCALE,
            ]
        ).tocsr()
        return [float(p) for p in regression.predict_proba(rows)[:, 1]]

    return answers, questions, regression, probability


def as_json(examples: Sequence[Example], source: str) -> dict[str, Any]:
    answers, questions, regression, probability = fit(examples)
    weights = regression.coef_[0]
    n_answer = len(answers.vocabulary_)

    def block(vectorizer: Any, ngrams: tuple[int, int], scale: float, offset: int) -> dict[str, Any]:
        features = {
            gram: [round(float(vectorizer.idf_[i]), 6), round(float(weights[offset + i]), 6)]
            for gram, i in sorted(vectorizer.vocabulary_.items())
        }
        return {"ngrams": list(ngrams), "scale": scale, "features": features}

    pairs = [(e.question, e.answer) for e in examples[:3]] + list(CHECKS)
    return {
        "format": FORMAT,
        "about": "類似判定のモデル（benchmarks/train_resemblance.py が生成。手で編集しないこと）",
        "trained_on": {"corpus": source, "pairs": len(examples), "dodges": sum(e.dodge for e in examples)},
        "blend": {"weight": WEIGHT, "flag_above": FLAG_ABOVE, "clear_below": CLEAR_BELOW},
        "intercept": round(float(regression.intercept_[0]), 6),
        "answer": block(answers, ANSWER_GRAMS, 1.0, 0),
        "question": block(questions, QUESTION_GRAMS, QUESTION_SCALE, n_answer),
        "checks": [
            {"question": q, "answer": a, "probability": round(p, 6)}
            for (q, a), p in zip(pairs, probability(pairs), strict=True)
        ],
    }


def write(data: dict[str, Any], out: Path) -> None:
    parse_model(data, str(out))  # what the tool will read must load
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    atomic_write(out, text, force=True)  # (the trainer's job is to replace the model)


def by_waves(first: int) -> None:
    """Train on the waves before each wave; check the rules from before it with that model,
    through the tool's own `reconsider`; score."""
    import triage_unseen  # (beside this script: on the path when it is run, not when a test loads it)
    from triage_accuracy import Scored

    waves = triage_unseen.waves()[::-1]  # oldest first
    rules: list[Scored] = []
    model_alone: list[Scored] = []
    blend: list[Scored] = []
    for k in range(first, len(waves)):
        files = [Path(f) for f in waves[k].files]
        train = read_corpus([Path(f) for w in waves[:k] for f in w.files])
        model = parse_model(as_json(train, f"waves before {waves[k].commit[:7]}"), "(in memory)")
        with tempfile.TemporaryDirectory() as tmp:
            code = triage_unseen.unpack(waves[k].commit + "^", Path(tmp))
            rows = triage_unseen.score(code, waves[k].files)
        items = {(path.stem, item.ref): item for path, _, item in _items(files)}
        for row in rows:
            item = items[(row.exchange, row.ref)]
            checked = reconsider(Verdict(row.ref, row.got, None, [], confidence=row.confidence), item, model)
            dodge = model.probability(item) > 0.5
            rules.append(row)
            model_alone.append(replace(row, got="evasive" if dodge else "answered"))
            blend.append(replace(row, got=checked.label))
        print(f"wave {k:>2} {waves[k].commit[:7]}  pairs {len(rows)}", file=sys.stderr)
    print(f"{len(rules)} pairs in {len(waves) - first} waves")
    print("rules alone  ", triage_unseen.line(rules))
    print("model alone  ", triage_unseen.line(model_alone), "(its label: evasive or answered)")
    print("as shipped   ", triage_unseen.line(blend))


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=TUNE, help="labelled exchanges to train on")
    parser.add_argument("--out", type=Path, default=OUT, help="the model file to write")
    parser.add_argument("--waves", action="store_true", help="measure on waves unseen, write nothing")
    parser.add_argument("--first", type=int, default=10, help="with --waves: the first wave scored")
    args = parser.parse_args(argv)
    if args.waves:
        by_waves(args.first)
        return
    files = sorted(args.corpus.glob("*.yaml"))
    if not files:
        parser.error(f"{args.corpus}: no corpus files")
    examples = read_corpus(files)
    try:
        source = str(args.corpus.resolve().relative_to(ROOT))
    except ValueError:
        source = args.corpus.name
    write(as_json(examples, source), args.out)
    print(f"{args.out}: {len(examples)} pairs, {sum(e.dodge for e in examples)} dodges")


if __name__ == "__main__":
    main(sys.argv[1:])
