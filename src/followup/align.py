"""Pairing the reply's items with the 質問書's items.

By ref first, where the reply numbers items as the questions did and the texts agree;
then, for what is left (garbled or missing numbers in an OCR'd reply), by text similarity
within the gap between two pairs already made, so the order of the documents is kept.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

from followup.textnorm import comparable

REF_MATCH_MIN = 0.3
TEXT_MATCH_MIN = 0.55
SIMILARITY_CHARS = 1500  # the opening of a question identifies it; keeps difflib fast on huge lines


@dataclass(frozen=True)
class Side:
    refs: tuple[str, ...]
    text: str


def similarity(a: str, b: str) -> float:
    """Share of the shorter text found in the longer, in order (robust to (中略) cuts)."""
    a, b = comparable(a)[:SIMILARITY_CHARS], comparable(b)[:SIMILARITY_CHARS]
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return max(matcher.ratio(), matched / min(len(a), len(b)) if min(len(a), len(b)) >= 8 else 0.0)


def align(questions: list[Side], replies: list[Side]) -> dict[int, int]:
    """Map question index → reply index.  A reply may answer several questions (一及び二)."""
    candidates = _ref_candidates(questions, replies)
    pairs: dict[int, int] = {}
    used_r_single: set[int] = set()
    for _score, qi, ri in sorted(candidates, reverse=True):
        if qi in pairs:
            continue
        if ri in used_r_single and len(replies[ri].refs) == 1:
            continue
        pairs[qi] = ri
        used_r_single.add(ri)
    # a heading that lists refs out of order (「1、4~6について」) answers its later refs
    # out of document order: those pairs are kept aside from the order check
    listed = {qi: ri for qi, ri in pairs.items() if questions[qi].refs[0] in replies[ri].refs[1:]}
    pairs = _monotone({qi: ri for qi, ri in pairs.items() if qi not in listed})
    pairs.update(listed)
    _fill_gaps_by_text(questions, replies, pairs)
    return pairs


def _ref_candidates(questions: list[Side], replies: list[Side]) -> list[tuple[float, int, int]]:
    """(score, question, reply) for every reply item naming a question's ref, texts permitting."""
    by_ref: dict[str, list[int]] = {}
    for qi, q in enumerate(questions):
        by_ref.setdefault(q.refs[0], []).append(qi)
    candidates: list[tuple[float, int, int]] = []
    for ri, r in enumerate(replies):
        for qi in (qi for ref in r.refs for qi in by_ref.get(ref, [])):
            score = similarity(questions[qi].text, r.text) if r.text else 1.0
            if score >= REF_MATCH_MIN or not questions[qi].text:
                candidates.append((score + 1.0, qi, ri))
    return candidates


def _monotone(pairs: dict[int, int]) -> dict[int, int]:
    """Keep the largest set of pairs whose reply order follows the question order
    (a longest non-decreasing subsequence, O(n log n))."""
    items = sorted(pairs.items())
    tails: list[int] = []  # reply index ending the best chain of each length
    tail_at: list[int] = []  # position in items of that chain end
    prev = [-1] * len(items)
    for pos, (_qi, ri) in enumerate(items):
        k = bisect_right(tails, ri)
        if k == len(tails):
            tails.append(ri)
            tail_at.append(pos)
        else:
            tails[k], tail_at[k] = ri, pos
        prev[pos] = tail_at[k - 1] if k else -1
    keep: dict[int, int] = {}
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep[items[pos][0]] = items[pos][1]
        pos = prev[pos]
    return keep


def _fill_gaps_by_text(questions: list[Side], replies: list[Side], pairs: dict[int, int]) -> None:
    used = set(pairs.values())
    anchors = sorted(pairs.items())
    bounds = [(-1, -1), *anchors, (len(questions), len(replies))]
    for (q_lo, r_lo), (q_hi, r_hi) in itertools.pairwise(bounds):
        free_q = [qi for qi in range(q_lo + 1, q_hi) if qi not in pairs]
        free_r = [ri for ri in range(max(r_lo, 0), r_hi) if ri not in used and replies[ri].text]
        if not free_q or not free_r:
            continue
        scored = sorted(
            ((similarity(questions[qi].text, replies[ri].text), qi, ri) for qi in free_q for ri in free_r),
            reverse=True,
        )
        for score, qi, ri in scored:
            if score < TEXT_MATCH_MIN:
                break
            if qi in pairs or ri in used:
                continue
            pairs[qi] = ri
            used.add(ri)
