"""Speed figures: import of a synthetic 2,000-item exchange, 10,000 triage pairs, cold start.

Usage: python benchmarks/speed.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import ANSWERS, write

from followup.importer import import_exchange
from followup.records import Item, load_record
from followup.triage import classify, load_lexicon


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        qp, rp = write(2000, Path(tmp))
        start = time.perf_counter()
        record, _ = import_exchange(qp, rp)
        print(f"import {len(record.items)} items: {time.perf_counter() - start:.2f} s")
    lexicon = load_lexicon()
    # realistic pairs: the 36 J-LIS items and the synthetic answers, repeated to 10,000
    jlis = load_record(Path(__file__).parent.parent / "answers" / "jlis-2016.yaml").items
    synthetic_items = [
        Item(
            ref=f"s{i}",
            question="件数は何件か。また、その理由を明らかにされたい。",
            answer=a.format(n=i, m=1),
        )
        for i, a in enumerate(ANSWERS)
    ]
    pool = jlis + synthetic_items
    pairs = [pool[i % len(pool)] for i in range(10_000)]
    start = time.perf_counter()
    for item in pairs:
        classify(item, lexicon)
    print(f"triage 10,000 pairs: {time.perf_counter() - start:.2f} s")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "followup", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    print(f"cold start `followup --help`: best {min(times):.3f} s, median {sorted(times)[2]:.3f} s")


if __name__ == "__main__":
    main()
