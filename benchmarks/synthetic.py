"""Synthetic exchanges of realistic shape, for benchmarks and scale tests.

Sections [n] with a context paragraph and an enumeration of facts (which must become
context), groups (n) with items n), compound questions (「…か。また、…か。」), hard-wrapped
lines, merged answers (two restated items, one 【回答】) and a mix of good and evasive
answers.  Usage: python benchmarks/synthetic.py ITEMS OUTDIR
"""

from __future__ import annotations

import sys
from pathlib import Path

ANSWERS = [
    "令和5年4月1日現在で{n}名です。",
    "現在、検討を行っているところですので、回答を差し控えさせていただきます。",
    "関係法令に基づき適正に対応いたします。",
    "各地方公共団体において対応することとなります。",
    "対象となる{n}件のうち、{m}件について是正を完了しました。残りは令和6年3月までに完了する予定です。",
    "システムの詳細に関わる事項となりますので、回答は差し控えさせていただきます。",
]


def synthetic(items: int, per_group: int = 5, groups_per_section: int = 4) -> tuple[str, str]:
    q = [
        "○○省 大臣 様",
        "",
        "市民の会",
        "",
        "○○についての質問書",
        "",
        "下記のとおり質問します。",
        "",
        "記",
        "",
    ]
    r = ["市民の会 御中", "", "○○省", "", "○○についての質問書に対する回答", "", "記", ""]
    k = section = 0
    while k < items:
        section += 1
        head = f"[{section}] 第{section}の事業について"
        q += [
            head,
            "",
            f"第{section}の事業については、以下の報道がある。",
            "(1) 予算の執行が遅れている",
            "(2) 委託先が変更された",
            "これらについて、以下の点を明らかにしてください。",
            "",
        ]
        r += [head, ""]
        for group in range(1, groups_per_section + 1):
            if k >= items:
                break
            q += [f"({group}) 第{section}-{group}の契約について", ""]
            r += [f"({group}) 第{section}-{group}の契約について", ""]
            for i in range(1, per_group + 1):
                if k >= items:
                    break
                text = f"{i}) 第{section}-{group}-{i}の契約の件数は何件か。また、その選定の理由を明らかにされたい。"
                q += [text[:30], text[30:]]  # hard-wrapped
                r.append(text)
                merged_with_next = i % 4 == 1 and i < per_group and k + 1 < items
                if not merged_with_next:
                    r.append("【回答】" + ANSWERS[k % len(ANSWERS)].format(n=k % 97 + 3, m=k % 3 + 1))
                r.append("")
                k += 1
    q += ["以上", "", "連絡先 市民の会 事務局"]
    r += ["以上", "", "【問合せ先】○○省 総務課"]
    return "\n".join(q) + "\n", "\n".join(r) + "\n"


def write(items: int, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    questions, reply = synthetic(items)
    qp, rp = folder / f"q{items}.txt", folder / f"r{items}.txt"
    qp.write_text(questions, encoding="utf-8")
    rp.write_text(reply, encoding="utf-8")
    return qp, rp


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: synthetic.py ITEMS OUTDIR")
    print(*write(int(sys.argv[1]), Path(sys.argv[2])))
