"""From the lines of a 質問書 or 回答書 to a tree of numbered nodes.

The hierarchy is inferred, not assumed: a numbering scheme seen for the first time opens a
deeper level, a scheme already open closes the levels below it.  Two repairs make real
documents work:

* a scheme that restarts at the same level (the seed's [1] lists facts (1)–(7), then asks
  (1)–(8)) turns the earlier run into context of the parent, since enumerations of facts
  before 「以下の点を明らかにしてください」 are not questions;
* a shape seen only once in the document where a frequent scheme of the same shape is
  expected (OCR's 「(三)」 for 「(5)」) is read as that scheme's next number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from followup.numbering import (
    Marker,
    join_ref,
    match_diet_heading,
    match_marker,
    match_question_label,
    split_answer_marker,
)
from followup.textnorm import join_lines, join_paragraphs, squeeze_cjk_spaces

_BULLET = re.compile(r"^(?:[-*+•]\s+)+")
_PAGE_NUMBER = re.compile(r"^(?:[-−–—ー－]\s*)?(?:\d{1,4}|[0-9]{1,4}\s*/\s*[0-9]{1,4})(?:\s*[-−–—ー－])?$")
_END_MARKS = {"以上", "(以上)", "（以上）", "右質問する。", "右質問する", "右答弁する。"}
# 「担当」 only as a heading (「担当：」「【担当】」「担当課 …」), not 「担当した事業者…」 wrapped to a line start
_CONTACT_HEAD = re.compile(
    r"^[【〔\[［(（]?\s*(?:問合せ先|問い合わせ先|問合先|連絡先|担当(?:者|課|部署|窓口)?(?=[:：\s\u3000】〕\]］)）]|$))"
)
_QUESTION_END = re.compile(
    r"(?:か|か否か|のか|ないか|されたい|ください|下さい|願います|願いたい|伺いたい|求める|求めます|"
    r"示されたい|明らかにされたい|説明されたい|教えてください|いただきたい)[。．.?？]?$"
)
_SHAPES = {
    "paren_num": "paren",
    "paren_kata": "paren",
    "paren_kanji": "paren",
    "num_paren": "close",
    "bracket": "bracket",
}


def looks_like_question(text: str) -> bool:
    return bool(_QUESTION_END.search(text.strip()))


def clean_line(raw: str) -> str:
    line = raw.strip(" \t\u3000")
    return _BULLET.sub("", line).strip(" \t\u3000")


@dataclass
class Node:
    marker: Marker | None
    ref: str
    line_no: int
    explicit_refs: tuple[str, ...] = ()
    paras: list[list[str]] = field(default_factory=lambda: [[]])
    answer_paras: list[list[str]] | None = None
    children: list[Node] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    context_extra: list[list[str]] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False, compare=False)

    @property
    def refs(self) -> tuple[str, ...]:
        return self.explicit_refs or (self.ref,)

    @property
    def scheme(self) -> str:
        return self.marker.scheme if self.marker else "diet" if self.explicit_refs else "root"

    def text(self) -> str:
        return join_paragraphs(self.paras)

    def _title_split(self) -> tuple[list[str], list[list[str]]]:
        paras = [p for p in self.paras if p]
        if not paras:
            return [], []
        return paras[0][:1], [paras[0][1:], *paras[1:]]

    def title(self) -> str:
        """A section's title is the rest of its numbered line; what follows is context."""
        return join_paragraphs([self._title_split()[0]])

    def context(self) -> str:
        own = join_paragraphs(self._title_split()[1])
        extra = squeeze_cjk_spaces("\n".join(join_lines(p) for p in self.context_extra))
        return "\n".join(t for t in (own, extra) if t)

    def answer(self) -> str | None:
        if self.answer_paras is None:
            return None
        return join_paragraphs(self.answer_paras)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ParsedDocument:
    header: list[str]
    root: Node
    trailer: list[str]

    def items(self) -> list[Node]:
        """Question items: numbered leaves, and any node that carries an answer."""
        return [
            n
            for n in self.root.walk()
            if n is not self.root and (not n.children or n.answer_paras is not None)
        ]

    def sections(self) -> list[Node]:
        return [n for n in self.root.walk() if n is not self.root and n.children]


@dataclass
class _Line:
    no: int
    raw: str
    text: str
    marker: Marker | None
    diet: tuple[str, ...] | None
    diet_rest: str
    spaced: bool = False  # ends with a typed space: a wrap at a space (kept next to Latin text)


def _scan(lines: list[str]) -> list[_Line]:
    out = []
    labels = 0  # unnumbered 【質問】 labels are numbered 問1, 問2… in order
    for i, raw in enumerate(lines, start=1):
        text = clean_line(raw)
        marker = match_marker(text) if text else None
        labelled = match_question_label(text) if text and marker is None else None
        if labelled is not None:
            labels += 1
            marker = Marker("toi", labels, f"問{labels}", labelled)
        diet = match_diet_heading(text) if text else None
        spaced = raw.rstrip("\r\n").endswith(" ")
        out.append(
            _Line(i, raw, text, marker, diet.refs if diet else None, diet.rest if diet else "", spaced)
        )
    return out


def _body_bounds(scanned: list[_Line]) -> tuple[int, int]:
    start = next((i + 1 for i, ln in enumerate(scanned) if ln.text == "記"), None)
    if start is None:
        start = next(
            (i for i, ln in enumerate(scanned) if ln.marker or ln.diet),
            len(scanned),
        )
    end = len(scanned)
    for i in range(start, len(scanned)):
        text = scanned[i].text.replace(" ", "").replace("\u3000", "")
        if text in _END_MARKS or _CONTACT_HEAD.match(scanned[i].text):
            end = i
            break
    return start, end


def parse_document(lines: list[str], *, reply: bool = False) -> ParsedDocument:
    """Parse a 質問書 (`reply=False`) or a 回答書; only replies have answers to find."""
    scanned = _scan(lines)
    start, end = _body_bounds(scanned)
    body = scanned[start:end]
    builder = _TreeBuilder(
        counts=Counter(ln.marker.scheme for ln in body if ln.marker),
        has_diet=any(ln.diet for ln in body),
    )
    for ln in body:
        builder.add(ln)
    root = builder.root
    _demote_restarted_runs(root)
    has_answer_marks = any(split_answer_marker(ln.text) for ln in body if ln.text)
    if reply and not has_answer_marks and not builder.has_diet:
        _split_unmarked_answers(root)
    return ParsedDocument(
        header=[ln.text for ln in scanned[:start]],
        root=root,
        trailer=[ln.text for ln in scanned[end:]],
    )


class _TreeBuilder:
    """Builds the tree line by line: the open numbered nodes (`stack`), the node being
    written (`current`) and whether its answer has started (`in_answer`)."""

    def __init__(self, counts: Counter[str], has_diet: bool) -> None:
        self.counts, self.has_diet = counts, has_diet
        self.root = Node(None, "", 0)
        self.stack: list[Node] = []
        self.current = self.root
        self.in_answer = False

    def target(self) -> list[list[str]]:
        if self.in_answer and self.current.answer_paras is not None:
            return self.current.answer_paras
        return self.current.paras

    def add(self, ln: _Line) -> None:
        if not ln.text:
            self._blank(ln)
        elif _PAGE_NUMBER.match(ln.text):
            return
        elif ln.diet and self.has_diet:
            self._heading(ln)
        else:
            self._numbered_or_text(ln)

    def _blank(self, ln: _Line) -> None:
        self.current.raw.append(ln.raw)
        paras = self.target()
        if paras and paras[-1]:
            paras.append([])

    def _heading(self, ln: _Line) -> None:
        """An answer heading (「二及び三について」): a node of its own whose text is the answer."""
        refs = ln.diet or ("",)
        node = Node(None, refs[0], ln.no, explicit_refs=refs, raw=[ln.raw], parent=self.root)
        node.answer_paras = [[ln.diet_rest]] if ln.diet_rest else [[]]
        self.root.children.append(node)
        self.stack = [node]
        self.current, self.in_answer = node, True

    def _numbered_or_text(self, ln: _Line) -> None:
        marker = _repair(ln.marker, self.counts, self.stack) if ln.marker else None
        if marker and _is_structural(marker, self.stack, self.in_answer):
            self._open(marker, ln)
            text = marker.rest
        else:
            text = ln.text
            self.current.raw.append(ln.raw)
        text = self._answer_start(text)
        if text:
            self.target()[-1].append(text + " " if ln.spaced else text)

    def _open(self, marker: Marker, ln: _Line) -> None:
        """A numbered line: close the levels at or below its scheme, open a node under the rest."""
        for i, open_node in enumerate(self.stack):
            if open_node.scheme == marker.scheme:
                self.stack = self.stack[:i]
                break
        parent = self.stack[-1] if self.stack else self.root
        bare_parent = parent.marker.bare if parent.marker else bool(parent.explicit_refs)
        ref = join_ref(parent.ref, marker.token, bare_parent, marker.bare)
        node = Node(marker, ref, ln.no, raw=[ln.raw], parent=parent)
        parent.children.append(node)
        self.stack.append(node)
        self.current, self.in_answer = node, False

    def _answer_start(self, text: str) -> str:
        """Text after an answer mark (【回答】, (答), 回答:) goes to the answer; returns it."""
        split = split_answer_marker(text)
        if split is None:
            return text
        before, after = split
        if before:
            self.target()[-1].append(before)
        current = self.current
        if current.answer_paras is None:
            current.answer_paras = [[]]
        elif current.answer_paras[-1]:
            current.answer_paras.append([])
        self.in_answer = True
        return after


def _repair(marker: Marker, counts: Counter[str], stack: list[Node]) -> Marker:
    """Read a one-off marker as the expected next number of a frequent scheme of its shape."""
    shape = _SHAPES.get(marker.scheme)
    if counts[marker.scheme] != 1 or shape is None:
        return marker
    for node in reversed(stack):
        if (
            node.marker
            and node.marker.scheme != marker.scheme
            and _SHAPES.get(node.marker.scheme) == shape
            and counts[node.marker.scheme] >= 3
        ):
            value = node.marker.value + 1
            token = node.marker.token.replace(str(node.marker.value), str(value), 1)
            return Marker(node.marker.scheme, value, token, marker.rest)
    return marker


def _is_structural(marker: Marker, stack: list[Node], in_answer: bool) -> bool:
    """Inside an answer, only numbering that continues the document's own levels ends it;
    a new, deeper scheme there is an enumeration within the answer."""
    if not in_answer:
        return True
    if marker.scheme == "bracket":
        return True
    return any(n.scheme == marker.scheme for n in stack)


def _demote_restarted_runs(node: Node) -> None:
    for child in node.children:
        _demote_restarted_runs(child)
    last_value: dict[str, int] = {}
    restart_at = 0
    for i, child in enumerate(node.children):
        scheme = child.scheme
        value = child.marker.value if child.marker else 0
        if scheme in last_value and value <= last_value[scheme] and child.marker:
            restart_at = i
            last_value = {}
        last_value[scheme] = value
    if restart_at:
        demoted, node.children = node.children[:restart_at], node.children[restart_at:]
        raw: list[str] = []
        for child in demoted:
            raw.extend(_raw_lines(child))
        node.context_extra.extend(_paragraphs_of(raw))


def _raw_lines(node: Node) -> list[str]:
    out = list(node.raw)
    for child in node.children:
        out.extend(_raw_lines(child))
    return out


def _paragraphs_of(raw: list[str]) -> list[list[str]]:
    """Lines as typed (with their numbering): a blank line or a numbered line starts a paragraph."""
    paras: list[list[str]] = [[]]
    for line in raw:
        text = clean_line(line)
        if (not text or match_marker(text)) and paras[-1]:
            paras.append([])
        if text and not _PAGE_NUMBER.match(text):
            paras[-1].append(text)
    return [p for p in paras if p]


def _split_unmarked_answers(root: Node) -> None:
    """A reply without 【回答】 marks: leading question-like paragraphs restate, the rest answer."""
    for node in root.walk():
        if node is root or node.children:
            continue
        paras = [p for p in node.paras if p]
        k = 0
        while k < len(paras) and looks_like_question(join_paragraphs([paras[k]])):
            k += 1
        if k < len(paras):
            node.paras, node.answer_paras = paras[:k] or [[]], paras[k:]
