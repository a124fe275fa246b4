"""Triage speed: 10,000 question/answer pairs through `classify`, on one core.

Usage: python benchmarks/triage_speed.py [N] [REPEAT]

The pairs are the J-LIS items and the synthetic answers, each made distinct by its number
(so no cache of identical texts can help), repeated to N (10,000 by default).  The
lexicon is compiled once, as the CLI does; the figure printed is the time for classify,
the best of REPEAT runs (5 by default) with their median: a shared 2-core machine varies by
a tenth from minute to minute, and the best run is the one least disturbed by others.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import ANSWERS

from followup.records import Item, load_record
from followup.triage import classify, load_lexicon

ROOT = Path(__file__).resolve().parent.parent


def pairs(n: int) -> list[Item]:
    jlis = load_record(ROOT / "answers" / "jlis-2016.yaml").items
    pool = [(i.asked, i.answer or "") for i in jlis]
    pool += [("件数は何件か。また、その理由を明らかにされたい。", a) for a in ANSWERS]
    out = []
    for k in range(n):
        question, answer = pool[k % len(pool)]
        out.append(
            Item(ref=str(k), question=f"{question}(第{k}号)", answer=answer.format(n=k, m=k % 7) + f"({k})")
        )
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    start = time.perf_counter()
    lexicon = load_lexicon()
    loaded = time.perf_counter() - start
    items = pairs(n)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            classify(item, lexicon)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    print(f"lexicon compiled in {loaded:.3f} s")
    print(
        f"triage {n:,} pairs: {best:.2f} s ({best / n * 1e6:.0f} µs a pair), "
        f"best of {repeat}; median {statistics.median(runs):.2f} s"
    )


if __name__ == "__main__":
    main()
