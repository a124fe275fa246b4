"""Speed figures: import of a synthetic 2,000-item exchange, 10,000 triage pairs, cold start.

Usage: python benchmarks/speed.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from followup.importer import import_exchange
from followup.records import Item
from followup.triage import classify, load_lexicon

ANSWERS = [
    "令和5年4月1日現在で12名です。",
    "現在、検討を行っているところですので、回答を差し控えさせていただきます。",
    "関係法令に基づき適正に対応いたします。",
    "各地方公共団体において対応することとなります。",
]


def synthetic(n_sections: int, groups: int, items: int) -> tuple[str, str]:
    q, r = ["質問書", "", "記", ""], ["回答書", "", "記", ""]
    k = 0
    for s in range(1, n_sections + 1):
        q.append(f"[{s}] 第{s}の事項について")
        r.append(f"[{s}] 第{s}の事項について")
        for g in range(1, groups + 1):
            q.append(f"({g}) 項目{s}-{g}について")
            r.append(f"({g}) 項目{s}-{g}について")
            for i in range(1, items + 1):
                text = f"{i}) 事業{s}-{g}-{i}の実施状況と件数はどうなっているか。また、その理由を明らかにされたい。"
                q.append(text)
                r.append(text)
                r.append(f"【回答】{ANSWERS[k % len(ANSWERS)]}")
                k += 1
    q.append("以上")
    r.append("以上")
    return "\n".join(q), "\n".join(r)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        qt, rt = synthetic(20, 10, 10)
        qp, rp = Path(tmp) / "q.txt", Path(tmp) / "r.txt"
        qp.write_text(qt, encoding="utf-8")
        rp.write_text(rt, encoding="utf-8")
        start = time.perf_counter()
        record, _ = import_exchange(qp, rp)
        print(f"import {len(record.items)} items: {time.perf_counter() - start:.2f} s")
    lexicon = load_lexicon()
    pairs = [
        Item(ref=str(i), question="件数は何件か。理由を明らかにされたい。", answer=ANSWERS[i % 4])
        for i in range(10_000)
    ]
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
