"""The development corpus is well formed: the accuracy figures are only as good as its files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from followup.labels import LABELS

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus"
KINDS = {"diet", "ministry", "prefecture", "city", "company"}
FILES = sorted(CORPUS.glob("tune/*.yaml")) + sorted(CORPUS.glob("eval/*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_exchange_is_labelled_by_the_guide(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["kind"] in KINDS
    assert str(data["source_url"]).startswith("http")
    items = data["items"]
    assert items
    for item in items:
        assert item["label"] in LABELS, item.get("id")
        assert set(item.get("also") or ()) <= set(LABELS), item.get("id")
        assert str(item["question"]).strip() and item.get("answer") is not None, item.get("id")


def test_no_exchange_is_in_both_parts():
    def exchanges(part: str) -> set[str]:
        return {
            str(yaml.safe_load(p.read_text(encoding="utf-8")).get("exchange", p.stem))
            for p in CORPUS.glob(f"{part}/*.yaml")
        }

    tune, held_out = exchanges("tune"), exchanges("eval")
    assert not tune & held_out
    assert len(held_out) * 3 >= len(tune) + len(held_out)  # eval holds at least a third


def test_the_second_reading_names_real_items():
    second = yaml.safe_load((CORPUS / "agreement" / "second-reading.yaml").read_text(encoding="utf-8"))
    index = {}
    for path in FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data["items"]:
            index[(path.parent.name, str(data.get("exchange", path.stem)), str(item["id"]))] = item
    assert len(second) == 120
    for entry in second:
        assert (entry["part"], entry["exchange"], str(entry["id"])) in index
        assert entry["label"] in LABELS


def _benchmark(name: str):
    """A benchmark script, loaded as a module (benchmarks/ is not a package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, CORPUS.parent / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (its dataclasses look their module up there)
    spec.loader.exec_module(module)
    return module


def test_the_accuracy_report_counts_unsure_answers_as_shown_to_the_organizer():
    bench = _benchmark("triage_accuracy")

    def row(gold: str, got: str, confidence: float):
        return bench.Scored("x", "city", "1", gold, (), got, confidence)

    rows = [
        row("declined", "declined", 0.9),  # flagged
        row("evasive", "answered", 0.5),  # called answered, but marked 要確認
        row("partial", "answered", 0.9),  # missed
        row("answered", "answered", 0.5),  # walked, though answered
        row("answered", "answered", 0.9),
    ]
    line = bench.shown_to_organizer(rows)
    assert "2/3 = 0.67 (flagged 1, marked 要確認 1)" in line
    assert "items walked: 3/5" in line
