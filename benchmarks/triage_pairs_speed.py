"""Speed of `triage --pairs` on a file of N pairs: one process, and the default workers.

Usage: python benchmarks/triage_pairs_speed.py [N] [REPEAT]

The file holds the same distinct pairs as triage_speed.py (J-LIS items and synthetic answers,
each numbered), written as JSONL; the time is `triage_pairs` end to end (reading, judging,
collecting the verdicts), best of REPEAT runs (3 by default) with the median. The second
block times smaller files with and without workers, to show where forking starts to pay
(`parallel.MIN_PAIRS_FOR_WORKERS`).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from triage_speed import pairs

from followup.triage import load_lexicon
from followup.triage.parallel import usable_cores
from followup.triage.resemblance import load_model
from followup.triage.service import triage_pairs


def write_pairs(path: Path, n: int) -> None:
    lines = [
        json.dumps({"id": k, "question": item.question, "answer": item.answer}, ensure_ascii=False)
        for k, item in enumerate(pairs(n))
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(path: Path, workers: int | None, repeat: int) -> tuple[float, float, list[str]]:
    lexicon = load_lexicon()
    runs, labels = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        judged = triage_pairs(path, lexicon, workers)
        runs.append(time.perf_counter() - start)
        labels = [p.verdict.label for p in judged]
    return min(runs), statistics.median(runs), labels


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    load_model()
    print(f"usable cores: {usable_cores()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.jsonl"
        write_pairs(path, n)
        one, one_median, one_labels = timed(path, 1, repeat)
        many, many_median, many_labels = timed(path, None, repeat)
        assert one_labels == many_labels, "workers changed a verdict"
        print(f"triage --pairs, {n:,} pairs, one process: {one:.2f} s (median {one_median:.2f} s)")
        print(f"triage --pairs, {n:,} pairs, default workers: {many:.2f} s (median {many_median:.2f} s)")
        print("smaller files (forced workers vs one process, best of 5):")
        for size in (250, 500, 1000, 2000):
            write_pairs(path, size)
            solo = timed(path, 1, 5)[0]
            from followup.triage import parallel

            saved, parallel.MIN_PAIRS_FOR_WORKERS = parallel.MIN_PAIRS_FOR_WORKERS, 0
            try:
                forked = timed(path, None, 5)[0]
            finally:
                parallel.MIN_PAIRS_FOR_WORKERS = saved
            print(f"  {size:>5,} pairs: one process {solo:.3f} s, workers {forked:.3f} s")


if __name__ == "__main__":
    main()
