"""Recognizing the numbering of 質問書 and 回答書 lines, and turning it into stable refs.

A marker is the number at the start of a line: `[1]`, `（１）`, `1)`, `1.`, `①`, `ア`,
`(ア)`, `第1`, `一`, and the 答弁書 headings `一について`, `二及び三について`,
`四から六までについて`.  Each has a *scheme* (its shape) and an ordinal *value*, so the
parser can infer the hierarchy from the order schemes appear in, and a *token* that is the
marker's normalized spelling inside a ref (digits half-width, brackets ASCII).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟"

_SP = "[ \t\u3000]"
_DIGITS = "[0-9０-９]{1,3}"
_KANJI = "[一二三四五六七八九十〇百]{1,4}"
_KATA = f"[{_KATAKANA}]"

Scheme = Literal[
    "bracket",
    "paren_num",
    "paren_kata",
    "paren_kanji",
    "num_paren",
    "circled",
    "dai",
    "toi",
    "q",
    "num_dot",
    "kanji",
    "kata",
    "num_bare",
]
"""The numbering shapes recognized, by name (documented in docs/records.md)."""

# Order matters: the first pattern that matches a line wins.
_MARKER_PATTERNS: list[tuple[Scheme, re.Pattern[str]]] = [
    ("bracket", re.compile(rf"^[\[［「〔【]{_SP}*(?P<n>{_DIGITS}){_SP}*[\]］」〕】]")),
    ("paren_num", re.compile(rf"^[(（]{_SP}*(?P<n>{_DIGITS}){_SP}*[)）]")),
    ("paren_kata", re.compile(rf"^[(（](?P<n>{_KATA})[)）]")),
    ("paren_kanji", re.compile(rf"^[(（](?P<n>{_KANJI})[)）]")),
    ("num_paren", re.compile(rf"^(?P<n>{_DIGITS}){_SP}*[)）]")),
    ("circled", re.compile(rf"^(?P<n>[{_CIRCLED}])")),
    ("dai", re.compile(rf"^第{_SP}*(?P<n>{_DIGITS}|{_KANJI})(?={_SP}|$)")),
    # 「問1、」「問１．」「質問1」「質問１　」: one scheme, spelled 問1 in refs
    ("toi", re.compile(rf"^(?:質問|問){_SP}*(?P<n>{_DIGITS})(?![0-9０-９])")),
    ("q", re.compile(rf"^[QＱ]{_SP}*(?P<n>{_DIGITS})(?=[、．.:：)）]|{_SP}|$)")),
    # 「1.」「１．」「1、」
    ("num_dot", re.compile(rf"^(?P<n>{_DIGITS})[.．、](?![0-9０-９])")),
    ("kanji", re.compile(rf"^(?P<n>{_KANJI})(?={_SP}|[、．.]|$)")),
    ("kata", re.compile(rf"^(?P<n>{_KATA})(?={_SP}|[．.])")),
    ("num_bare", re.compile(rf"^(?P<n>[0-9]{{1,3}})(?=\u3000)|^(?P<fw>[０-９]{{1,3}})(?={_SP})")),
]

# A scheme whose token stands alone needs 「の」 between it and a following bare token,
# as in 「一の1」 or 「第1の2」; bracketed tokens delimit themselves.
_BARE_SCHEMES: set[Scheme] = {"num_dot", "kanji", "kata", "dai", "num_bare", "toi", "q"}

_NUMERAL = rf"(?:{_KANJI}|{_DIGITS})"
_LABEL = "(?:質問|問|[QＱ])"
_PART = rf"{_LABEL}?{_SP}*{_NUMERAL}(?:の(?:{_NUMERAL}|[(（]{_NUMERAL}[)）]))*"
_LIST_SEP = "及び|並びに|、|,|，|と|・"
_RANGE_SEP = "から|[~〜～]|[-−－‐–—](?=[0-9０-９一二三四五六七八九十問質QＱ])"
_REFS = rf"{_PART}(?:{_SP}*(?:{_LIST_SEP}|{_RANGE_SEP}){_SP}*{_PART}(?:まで)?)*(?:まで)?"
_OPEN = "[【〔\\[［(（<＜]"
_CLOSE = "[】〕\\]］)）>＞]"
_ABOUT = "について|への回答|に対する回答|に関する回答|に係る回答|の回答"
# 「一について」「二及び三について」「問1について」「回答(質問1について)」「(問1への回答)」「1、4~6について」
_DIET_HEADING = re.compile(
    rf"^(?:{_OPEN}{_SP}*)?(?:回答{_SP}*{_OPEN}{_SP}*)?(?P<refs>{_REFS}){_SP}*(?:{_ABOUT})"
    rf"(?:{_SP}*{_CLOSE})*(?:{_SP}+|$|(?<={_CLOSE}))"
)


@dataclass(frozen=True)
class Marker:
    scheme: Scheme
    value: int
    token: str
    rest: str

    @property
    def bare(self) -> bool:
        return self.scheme in _BARE_SCHEMES


def kanji_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 百一 → 101 (enough for item numbers)."""
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _KANJI_DIGITS[ch]
    return total + current


def int_to_kanji(n: int) -> str:
    """一, 十二, 百五, 千二百, 一万二千 …: any count a letter may number (beyond 10^16, digits)."""
    if n < 0 or n >= 10**16:
        return str(n)
    if n == 0:
        return "〇"
    out = []
    for unit, size in (("兆", 10**12), ("億", 10**8), ("万", 10**4), ("", 1)):
        group, n = divmod(n, size)
        if group:
            out.append(_below_10000(group) + unit)
    return "".join(out)


def _below_10000(n: int) -> str:
    digits = "〇一二三四五六七八九"
    parts = []
    for mark, size in (("千", 1000), ("百", 100), ("十", 10)):
        count, n = divmod(n, size)
        if count:
            parts.append(("" if count == 1 else digits[count]) + mark)
    if n:
        parts.append(digits[n])
    return "".join(parts)


def _value(raw: str) -> int:
    raw = raw.translate(FULLWIDTH_DIGITS)
    if raw.isascii() and raw.isdigit():
        return int(raw)
    if raw in _CIRCLED:
        return _CIRCLED.index(raw) + 1
    if raw in _KATAKANA:
        return _KATAKANA.index(raw) + 1
    return kanji_to_int(raw)


def _token(scheme: Scheme, raw: str) -> str:
    n = raw.translate(FULLWIDTH_DIGITS)
    return {
        "toi": f"問{n}",
        "q": f"Q{n}",
        "bracket": f"[{n}]",
        "paren_num": f"({n})",
        "paren_kata": f"({n})",
        "paren_kanji": f"({n})",
        "num_paren": f"{n})",
        "dai": f"第{n}",
    }.get(scheme, n)


def match_marker(line: str) -> Marker | None:
    """The numbering marker that starts `line` (already stripped), if any."""
    for scheme, pattern in _MARKER_PATTERNS:
        m = pattern.match(line)
        if m:
            raw = m.group("n") if "n" in pattern.groupindex and m.group("n") else m.group("fw")
            rest = line[m.end() :].lstrip(" \t\u3000、．.:：")
            if scheme == "kanji" and not rest:
                return None  # a lone kanji numeral is more likely noise than an item
            return Marker(scheme, _value(raw), _token(scheme, raw), rest)
    return None


def join_ref(parent: str, token: str, parent_bare: bool, bare: bool) -> str:
    if parent and parent_bare and bare:
        return f"{parent}の{token}"
    return parent + token


@dataclass(frozen=True)
class DietHeading:
    refs: tuple[str, ...]
    rest: str


_LABEL_RE = re.compile(rf"^{_LABEL}{_SP}*")
_SP_RE = re.compile(_SP)


def _normalize_part(part: str) -> str:
    """「質問１」→「問1」, 「Ｑ１」→「Q1」, 「一の（２）」→「一の(2)」."""
    part = _SP_RE.sub("", part).translate(FULLWIDTH_DIGITS).replace("（", "(").replace("）", ")")
    label = _LABEL_RE.match(part)
    if label:
        prefix = "Q" if label.group(0).strip() in {"Q", "Ｑ"} else "問"
        part = prefix + part[label.end() :]
    return part


def match_diet_heading(line: str) -> DietHeading | None:
    """An answer heading and the refs it answers: `二及び三について` → (二, 三);
    `四から六までについて` → (四, 五, 六); `一の2及び3について` → (一の2, 一の3);
    `回答(質問1について)` → (問1,); `1、4~6について` → (1, 4, 5, 6)."""
    m = _DIET_HEADING.match(line)
    if not m:
        return None
    refs: list[str] = []
    for chunk in re.split(_LIST_SEP, m.group("refs")):
        chunk = chunk.strip(" \t\u3000")
        if not chunk:
            continue
        ends = [e for e in re.split(_RANGE_SEP, chunk.removesuffix("まで")) if e.strip()]
        parts = [_inherit(_normalize_part(e.removesuffix("まで")), refs) for e in ends]
        if len(parts) == 2:
            refs.extend(_expand_range(parts[0], _inherit(parts[1], [parts[0]])))
        else:
            refs.extend(parts)
    return DietHeading(tuple(refs), line[m.end() :].strip())


def _inherit(part: str, before: list[str]) -> str:
    """A part written short after a fuller one takes its head: 「一の2及び3」's 3 is 一の3,
    「問1及び2」's 2 is 問2."""
    if not before:
        return part
    last = before[-1]
    if part[:1].isdigit() and last.startswith(("問", "Q")) and "の" not in last:
        return last[0] + part
    head, sep, tail = last.rpartition("の")
    if sep and "の" not in part and _same_kind(tail, part):
        return f"{head}の{part}"
    return part


def _same_kind(a: str, b: str) -> bool:
    return (a.isascii() and a.isdigit() and b.isascii() and b.isdigit()) or bool(
        re.fullmatch(_KANJI, a) and re.fullmatch(_KANJI, b)
    )


def _expand_range(start: str, end: str) -> list[str]:
    """Expand 「四から六まで」 (also 「一の1から3まで」「問4~6」) into each ref; keep both ends otherwise."""
    label = start[0] if start[:1] in {"問", "Q"} else ""
    if label and end.startswith(label):
        end = end[1:]
    start = start[len(label) :]
    head, _, first = start.rpartition("の")
    _, _, last = end.rpartition("の")
    prefix = f"{label}{head}の" if head else label
    numbers = _range_values(first, last)
    if numbers is None:
        return [label + start, label + end]
    spell = str if first.isascii() else int_to_kanji
    return [f"{prefix}{spell(i)}" for i in numbers]


def _range_values(first: str, last: str) -> range | None:
    """The numbers from `first` to `last`, both Arabic or both kanji, at most 100 of them."""
    if first.isascii() and first.isdigit() and last.isascii() and last.isdigit():
        a, b = int(first), int(last)
    elif re.fullmatch(_KANJI, first) and re.fullmatch(_KANJI, last):
        a, b = kanji_to_int(first), kanji_to_int(last)
    else:
        return None
    return range(a, b + 1) if a <= b and b - a < 100 else None


_ANSWER_AT_START = re.compile(
    r"^(?:【回答】|〔回答〕|［回答］|\[回答\]|[(（]回答[)）]|<回答>|＜回答＞|【答】|〔答〕|[(（]答[)）]|回答[:：]|答[:：]|[AＡ][.:：．]"
    r"|(?:回答|答)(?=[ \t\u3000]|$))"
)
# Unnumbered question labels of interleaved documents: 「【質問】」「(問)」「質問:」「Q:」
_QUESTION_LABEL = re.compile(
    r"^(?:【質問】|〔質問〕|［質問］|[(（](?:質問|問)[)）]|(?:質問|問)[:：]|[QＱ][:：])[ \t\u3000]*"
)


def match_question_label(line: str) -> str | None:
    """The question text after an unnumbered label (「【質問】…」), if the line has one."""
    m = _QUESTION_LABEL.match(line)
    return line[m.end() :] if m else None


_ANSWER_INLINE = re.compile(r"【回答】|〔回答〕|［回答］")


def split_answer_marker(line: str) -> tuple[str, str] | None:
    """(text before, answer text after) when the line carries an answer marker."""
    m = _ANSWER_AT_START.match(line)
    if m:
        return "", line[m.end() :].strip(" \t\u3000")
    m = _ANSWER_INLINE.search(line)
    if m:
        return line[: m.start()].rstrip(" \t\u3000"), line[m.end() :].strip(" \t\u3000")
    return None
