"""PDF replies with a text layer, read with pypdfium2 (chosen on measured quality: see
docs/records.md), back into the lines and paragraphs the text importer expects.

* Spaces pdfium *infers* from gaps, and spaces between two Japanese characters, are kept
  only when the gap is as wide as a typed space (LibreOffice and Word widen the gap between
  kanji and digits: 「平成 28 年」 was typed 「平成28年」); other spaces in the PDF are kept.
* A line gap clearly wider than the usual line pitch is a paragraph break (a blank line).
* Running headers and footers (the same text, numbers aside, at the top or bottom of most
  pages) and page numbers are dropped; pages are read in order.
* A PDF without a text layer (a scan) is refused with a one-line message naming how to OCR it.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import shutil
import statistics
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followup.errors import InputError
from followup.numbering import match_diet_heading, match_marker, match_question_label, split_answer_marker

MAX_PAGES = 3000
# Between advance boxes, LibreOffice's and Word's kanji–digit spacing is 0.2 em, a typed
# space 0.32 em or more (measured on Writer renders of the J-LIS reply, .txt and .docx)
REAL_SPACE_EM = 0.27
PARAGRAPH_PITCH = 1.45  # a line pitch this much above the usual one leaves a blank line
SPACE_SHORT_EM = 0.4  # a line next to Latin text this short of the furthest line end lost a space
FULL_LINE_EM = 1.2  # a line ending this close to the right margin was wrapped there
MARGIN_GAP = 1.3  # headers and footers sit further from the body than one line pitch
MIN_TEXT_CHARS_PER_PAGE = 5
MAX_UNREADABLE_SHARE = 0.3
OCR_HINT = "ocrmypdf -l jpn 入力.pdf 出力.pdf"

_SENTENCE_END = tuple("。．.」』)）")
_PAGE_NUMBER = re.compile(
    r"^(?:[-−–—ー－‐]\s*)?(?:[pP]\.?\s*)?[0-9０-９]{1,4}(?:\s*[/／]\s*[0-9０-９]{1,4})?(?:\s*(?:ページ|頁))?(?:\s*[-−–—ー－‐])?$"
)
_DIGITS = re.compile(r"[0-9０-９]+")
_ASCII_END = re.compile(r"[A-Za-z0-9]$")


@dataclass
class PdfLine:
    text: str
    top: float
    bottom: float
    right: float
    page: int


def read_pdf(path: Path, data: bytes, *, ocr: bool = False) -> str:
    """The text of a PDF as lines, blank lines between paragraphs; raises InputError.

    With `ocr`, a PDF without a text layer is first run through `ocrmypdf -l jpn`."""
    try:
        pages = extract_pages(path, data)
    except NoTextLayer:
        if not ocr:
            raise
        pages = extract_pages(path, run_ocr(path, data))
    pages = drop_running_lines(pages)
    return "\n".join(assemble(pages))


def extract_pages(path: Path, data: bytes) -> list[list[PdfLine]]:
    import pypdfium2 as pdfium  # lazily: only when a PDF is read

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{path}: PDF を開けません(壊れているか、パスワードで保護されています)。") from exc
    try:
        if len(document) > MAX_PAGES:
            raise InputError(
                f"{path}: ページ数が多すぎる PDF です({len(document)} ページ、上限 {MAX_PAGES})。"
            )
        pages = [_page_lines(path, document, i) for i in range(len(document))]
    finally:
        document.close()
    if sum(len(line.text) for page in pages for line in page) < MIN_TEXT_CHARS_PER_PAGE * max(len(pages), 1):
        raise NoTextLayer(
            f"{path}: この PDF には文字のデータ(テキスト層)がありません(スキャンした画像のようです)。"
            f"先に OCR してください(例: {OCR_HINT})。"
        )
    return pages


class NoTextLayer(InputError):
    """A PDF of page images only (a scan or a fax)."""


OCR_TIMEOUT = 600


def run_ocr(path: Path, data: bytes) -> bytes:
    """The PDF with a Japanese text layer added by ocrmypdf (Tesseract's jpn data)."""

    engine = shutil.which("ocrmypdf")
    if engine is None:
        raise InputError(
            f"{path}: OCR には ocrmypdf が必要です(例: apt install ocrmypdf tesseract-ocr-jpn)。"
            f"または先に {OCR_HINT} を実行してください。"
        )
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        source.write_bytes(data)
        try:
            proc = subprocess.run(
                [engine, "-l", "jpn", "--skip-text", str(source), str(target)],
                capture_output=True,
                text=True,
                timeout=OCR_TIMEOUT,
            )
        except subprocess.TimeoutExpired as exc:
            raise InputError(f"{path}: OCR が {OCR_TIMEOUT} 秒で終わりませんでした。") from exc
        if proc.returncode != 0 or not target.exists():
            last = (proc.stderr.strip().splitlines() or ["(出力なし)"])[-1]
            raise InputError(f"{path}: OCR に失敗しました(ocrmypdf: {last})。")
        return target.read_bytes()


def _page_lines(path: Path, document: Any, index: int) -> list[PdfLine]:
    import pypdfium2.raw as raw

    page = document[index]
    textpage = page.get_textpage()
    try:
        count = raw.FPDFText_CountChars(textpage)
        codes = [raw.FPDFText_GetUnicode(textpage, k) for k in range(count)]
        _check_readable(path, index, codes)
        lines = _split_lines(textpage, codes, index)
    finally:
        textpage.close()
        page.close()
    return lines


def _check_readable(path: Path, index: int, codes: list[int]) -> None:
    """Fonts without a Unicode map give U+FFFD or private-use codes: say which page."""
    visible = [c for c in codes if c > 32]
    bad = sum(1 for c in visible if c == 0xFFFD or 0xE000 <= c <= 0xF8FF or c < 32)
    if visible and bad / len(visible) > MAX_UNREADABLE_SHARE:
        raise InputError(
            f"{path}: {index + 1} ページ目の文字を読み取れません(フォントに文字の対応表がありません)。"
            f"OCR してから読み込んでください(例: {OCR_HINT})。"
        )


class _Box:
    def __init__(self, raw: Any, textpage: Any) -> None:
        self.raw, self.textpage = raw, textpage
        self.l, self.r, self.b, self.t = (ctypes.c_double() for _ in range(4))

    def of(self, k: int) -> tuple[float, float, float, float]:
        """The ink box of character k: left, right, bottom, top."""
        self.raw.FPDFText_GetCharBox(self.textpage, k, self.l, self.r, self.b, self.t)
        return self.l.value, self.r.value, self.b.value, self.t.value

    def _loose(self, k: int) -> Any:
        rect = self.raw.FS_RECTF()
        self.raw.FPDFText_GetLooseCharBox(self.textpage, k, ctypes.byref(rect))
        return rect

    def loose_left(self, k: int) -> float:
        """The left of character k's advance box (its ink box varies with the glyph)."""
        return float(self._loose(k).left)

    def loose_right(self, k: int) -> float:
        return float(self._loose(k).right)


def _split_lines(textpage: Any, codes: list[int], page: int) -> list[PdfLine]:
    import pypdfium2.raw as raw

    box = _Box(raw, textpage)
    lines: list[PdfLine] = []
    start = 0
    n = len(codes)
    for k in range(n + 1):
        if k < n and codes[k] not in (10, 13):
            continue
        if k > start:
            line = _make_line(raw, textpage, box, codes, start, k, page)
            if line is not None:
                lines.append(line)
        start = k + 1
    return lines


def _make_line(
    raw: Any, textpage: Any, box: _Box, codes: list[int], start: int, end: int, page: int
) -> PdfLine | None:
    chars = [
        chr(codes[k])
        for k in range(start, end)
        if codes[k] != 32 or _keep_space(raw, textpage, box, codes, k)
    ]
    text = "".join(chars).strip()
    if not text:
        return None
    visible = [k for k in range(start, end) if codes[k] > 32]
    first, last = box.of(visible[0]), box.of(visible[-1])
    top = max(first[3], last[3])
    bottom = min(first[2], last[2])
    return PdfLine(text, top, bottom, last[1], page)


def _keep_space(raw: Any, textpage: Any, box: _Box, codes: list[int], k: int) -> bool:
    """A space in the PDF next to Latin text is kept; a space pdfium inferred from a gap, or
    one between two Japanese characters, only when the gap is as wide as a typed space."""
    generated = raw.FPDFText_IsGenerated(textpage, k) == 1
    if k == 0 or k + 1 >= len(codes) or codes[k - 1] in (10, 13, 32) or codes[k + 1] in (10, 13, 32):
        return not generated
    both_japanese = codes[k - 1] > 0x7F and codes[k + 1] > 0x7F
    if not generated and not both_japanese:
        return True
    size = raw.FPDFText_GetFontSize(textpage, k - 1) or 10.5
    return (box.loose_left(k + 1) - box.loose_right(k - 1)) / size >= REAL_SPACE_EM


# ---- page furniture -------------------------------------------------------------------


def _furniture_key(line: PdfLine) -> str:
    """The same words (numbers aside) at the same height of the page."""
    return f"{round(line.top / 6)}:" + _DIGITS.sub("#", line.text.replace(" ", "").replace("\u3000", ""))


def drop_running_lines(pages: list[list[PdfLine]], zone: int = 2) -> list[list[PdfLine]]:
    """Drop page numbers and the text repeated at the top or bottom of most pages.

    Only lines set apart from the body by a wider gap than the usual line pitch (the page
    margin where headers and footers live) are candidates, so a body line that happens to
    repeat (「第2-3-5の契約について」) is never taken for furniture."""
    pitch = _usual_pitch(pages)
    margins = [_margin_lines(page, zone, pitch) for page in pages]
    seen: Counter[str] = Counter()
    for candidates in margins:
        seen.update({_furniture_key(line) for line in candidates})
    threshold = max(2, (len(pages) + 1) // 2)
    running = {key for key, count in seen.items() if count >= threshold} if len(pages) >= 2 else set()
    out: list[list[PdfLine]] = []
    for page, candidates in zip(pages, margins, strict=True):
        furniture = {
            id(line)
            for line in candidates
            if _furniture_key(line) in running or _PAGE_NUMBER.match(line.text.strip())
        }
        out.append([line for line in page if id(line) not in furniture])
    return out


def _margin_lines(page: list[PdfLine], zone: int, pitch: float) -> list[PdfLine]:
    """The lines above the first wide gap from the top, and below the last from the bottom."""
    wide = pitch * MARGIN_GAP if pitch > 0 else 0.0
    top = next(
        (i + 1 for i in range(min(zone, len(page) - 1)) if page[i].bottom - page[i + 1].bottom > wide), 0
    )
    bottom = next(
        (
            len(page) - 1 - i
            for i in range(min(zone, len(page) - 1))
            if page[-2 - i].bottom - page[-1 - i].bottom > wide
        ),
        len(page),
    )
    if len(page) == 1:
        return list(page)
    return page[:top] + page[max(bottom, top) :]


# ---- paragraphs -----------------------------------------------------------------------


def assemble(pages: list[list[PdfLine]]) -> list[str]:
    """Lines in page order: a line wrapped at the margin is joined back to the one it
    continues, a blank line is left where a paragraph ends."""
    pitch = _usual_pitch(pages)
    right = _right_margin(pages)
    furthest = max((line.right for page in pages for line in page), default=0.0)
    out: list[str] = []
    previous: PdfLine | None = None
    for page in pages:
        for line in page:
            how = _joint(previous, line, pitch, right, furthest) if previous is not None else "line"
            if how == "paragraph":
                out.append("")
            elif how == "space":
                out[-1] += " "  # kept by join_lines next to a Latin word or digits
            if how == "wrap":
                out[-1] += line.text
            else:
                out.append(line.text)
            previous = line
    return out


def _joint(previous: PdfLine, line: PdfLine, pitch: float, right: float, furthest: float) -> str:
    """How `line` follows `previous`: a new paragraph, a wrap (same line of the source), a
    wrap at a typed space, or a new line of the same paragraph."""
    if _paragraph_break(previous, line, pitch, right):
        return "paragraph"
    if _wrapped_at_space(previous, line, furthest):
        return "space"
    height = previous.top - previous.bottom
    if previous.right >= right - FULL_LINE_EM * height and not _starts_item(line.text):
        return "wrap"
    return "line"


def _starts_item(text: str) -> bool:
    """A numbered line, an answer mark or a heading starts a line of its own even after a full line."""
    head = text.lstrip(" \t\u3000-*•")
    answer = split_answer_marker(head)
    return bool(
        match_marker(head)
        or match_diet_heading(head)
        or match_question_label(head) is not None
        or (answer is not None and not answer[0])
    )


def _right_margin(pages: list[list[PdfLine]]) -> float:
    """Where full lines end: the 90th percentile of line ends (a Latin word may overhang)."""
    rights = sorted(line.right for page in pages for line in page)
    return rights[int(0.9 * (len(rights) - 1))] if rights else 0.0


def _usual_pitch(pages: list[list[PdfLine]]) -> float:
    pitches = [
        a.bottom - b.bottom for page in pages for a, b in itertools.pairwise(page) if a.bottom > b.bottom
    ]
    return statistics.median(pitches) if pitches else 0.0


def _wrapped_at_space(previous: PdfLine, line: PdfLine, right: float) -> bool:
    """A line short of the margin next to Latin letters or digits was wrapped at a typed space."""
    height = previous.top - previous.bottom
    latin = bool(_ASCII_END.search(previous.text)) or (line.text[:1].isascii() and line.text[:1].isalnum())
    return latin and previous.right < right - SPACE_SHORT_EM * height


def _paragraph_break(previous: PdfLine, line: PdfLine, pitch: float, right: float) -> bool:
    if previous.page != line.page:
        # across a page: only a short line that ends a sentence ends a paragraph
        height = previous.top - previous.bottom
        return previous.text.endswith(_SENTENCE_END) and previous.right < right - 2 * height
    gap = previous.bottom - line.bottom
    return pitch > 0 and gap > pitch * PARAGRAPH_PITCH
