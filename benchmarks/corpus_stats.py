"""Counts of the development corpus, as the table in benchmarks/corpus/README.md.

    python benchmarks/corpus_stats.py [benchmarks/corpus]

Prints, in Markdown, per part (tune, eval): exchanges and pairs per kind of respondent,
labels, ambiguous pairs; then one row per exchange with its source.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

LABELS = ("answered", "partial", "unanswered", "deferred", "declined", "deflected", "evasive", "conditional")
KINDS = ("diet", "ministry", "prefecture", "city", "company")


def load(folder: Path) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["_file"] = path.name
        out.append(data)
    return out


def part_table(name: str, exchanges: list[dict]) -> list[str]:
    kinds = Counter(e["kind"] for e in exchanges)
    pairs = Counter()
    labels = Counter()
    ambiguous = 0
    for e in exchanges:
        for item in e["items"]:
            pairs[e["kind"]] += 1
            labels[item["label"]] += 1
            ambiguous += bool(item.get("ambiguous"))
    lines = [
        f"### {name}: {len(exchanges)} exchanges, {sum(pairs.values())} pairs ({ambiguous} ambiguous)",
        "",
        "| kind | exchanges | pairs |",
        "|---|---|---|",
    ]
    lines += [f"| {k} | {kinds[k]} | {pairs[k]} |" for k in KINDS]
    lines += ["", "| " + " | ".join(LABELS) + " |", "|" + "---|" * len(LABELS)]
    lines += ["| " + " | ".join(str(labels[label]) for label in LABELS) + " |", ""]
    return lines


def sources(name: str, exchanges: list[dict]) -> list[str]:
    lines = [
        f"### Sources: {name}",
        "",
        "| file | kind | respondent | pairs | source |",
        "|---|---|---|---|---|",
    ]
    for e in exchanges:
        url = str(e.get("source_url", "")).split()[0] if e.get("source_url") else ""
        respondent = str(e.get("respondent", "")).replace("|", "｜").replace("\n", " ")
        lines.append(f"| {e['_file']} | {e['kind']} | {respondent} | {len(e['items'])} | {url} |")
    return [*lines, ""]


def main(root: Path) -> None:
    parts = {name: load(root / name) for name in ("tune", "eval")}
    total = sum(len(v) for v in parts.values())
    print(f"{total} exchanges; eval holds {len(parts['eval'])} ({len(parts['eval']) / total:.0%}).\n")
    for name, exchanges in parts.items():
        print("\n".join(part_table(name, exchanges)))
    for name, exchanges in parts.items():
        print("\n".join(sources(name, exchanges)))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "corpus")
