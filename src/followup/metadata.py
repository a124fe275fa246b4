"""Reading the letter around the numbered body: who wrote to whom, when, under what title.

Japanese formal letters put the date (right-aligned), the addressee (…様 / …御中 / …殿), the
sender, the title and a preamble before 「記」, and the contact after 「以上」.  The reading
is heuristic; what it cannot find is left empty and reported, and can be set by hand or with
the import options.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from followup.datafiles import metadata
from followup.dates import find_dates
from followup.textnorm import join_lines, squeeze_cjk_spaces

_ADDRESSEE_END = re.compile(r"(?:様|御中|殿)$")
_SHORT_NAME = re.compile(r"^(?P<name>.+?)\s*[(（](?P<short>[^()（）]+)[)）]$")
_ASKED_REF = re.compile(r"付け?で.{0,12}?(?:ご?質問|照会|質問書|要望|申し?入れ|お尋ね|ご依頼)")
_DEADLINE_HINT = re.compile(r"まで")
_SEP = re.compile(r"[ \t\u3000]+")
_END_LINES = {"以上", "(以上)", "（以上）", "右質問する。", "右質問する", "右答弁する。"}


def _vocab() -> dict[str, list[str]]:
    """The header words of templates/metadata.yaml (loaded once, in followup.datafiles)."""
    return {key: [str(v) for v in values] for key, values in metadata().items() if isinstance(values, list)}


@dataclass
class Header:
    date: dt.date | None = None
    addressee: str | None = None
    sender: str | None = None
    title: str | None = None
    preamble: list[str] = field(default_factory=list)
    asked_date: dt.date | None = None
    deadline: dt.date | None = None


def _is_date_line(text: str) -> bool:
    dates = find_dates(text)
    if len(dates) != 1:
        return False
    rest = (text[: dates[0].start] + text[dates[0].end :]).strip(" \t\u3000")
    return rest in {"", "提出", "付", "付け"}


_DOC_NUMBER = re.compile(r"第[0-9０-９〇一二三四五六七八九十百千]+号$")
_SUBMITTER = re.compile(r"^(?:提出者|質問者|差出人)[:：\s\u3000]*(?P<name>.+)$")


def read_header(lines: list[str], *, reply: bool) -> Header:
    """Date, addressee, sender, title and preamble from the lines before the numbered body."""
    reader = _HeaderReader(_vocab()["reply_title_words" if reply else "question_title_words"])
    for text in (t.strip(" \t\u3000") for t in lines):
        if text and text != "記":
            reader.feed(text)
    header = reader.header
    header.asked_date = _asked_date("".join(header.preamble))
    return header


def _short(text: str) -> bool:
    return len(text) <= 80 and not text.endswith("。")


@dataclass
class _HeaderReader:
    """Reads header lines in order; each step recognizes one kind of line (first match wins)."""

    title_words: list[str]
    header: Header = field(default_factory=Header)
    seen_title: bool = False
    before_addressee: list[str] = field(default_factory=list)

    def feed(self, text: str) -> None:
        steps = (
            self._date,
            self._filing_number,
            self._submitter,
            self._addressee,
            self._title,
            self._repeated_title,
            self._sender_after_addressee,
            self._before_addressee,
        )
        if not any(step(text) for step in steps) and (self.seen_title or not _short(text)):
            self.header.preamble.append(text)

    def _date(self, text: str) -> bool:
        if self.header.date is None and _is_date_line(text):
            self.header.date = find_dates(text)[0].date
            return True
        return False

    def _filing_number(self, text: str) -> bool:
        return bool(_DOC_NUMBER.search(text)) and len(text) <= 40  # 「内閣参質二一三第四五号」

    def _submitter(self, text: str) -> bool:
        submitter = _SUBMITTER.match(text)
        if submitter and self.header.sender is None:
            self.header.sender = submitter.group("name").strip(" \t\u3000")
            return True
        return False

    def _addressee(self, text: str) -> bool:
        header = self.header
        if (
            header.addressee is not None
            or self.seen_title
            or not _ADDRESSEE_END.search(text)
            or len(text) >= 80
        ):
            return False
        header.addressee = text
        if self.before_addressee and header.sender is None:
            header.sender = self.before_addressee[-1]  # ministries write the sender first
        return True

    def _title(self, text: str) -> bool:
        if self.seen_title or not _short(text) or not any(w in text for w in self.title_words):
            return False
        self.header.title = squeeze_cjk_spaces(text)
        self.seen_title = True
        return True

    def _repeated_title(self, text: str) -> bool:
        return self.seen_title and squeeze_cjk_spaces(text) == self.header.title

    def _sender_after_addressee(self, text: str) -> bool:
        header = self.header
        if not self.seen_title and header.addressee and header.sender is None and _short(text):
            header.sender = text
            return True
        return False

    def _before_addressee(self, text: str) -> bool:
        if not self.seen_title and self.header.addressee is None and _short(text):
            self.before_addressee.append(text)
            return True
        return False


def _asked_date(preamble: str) -> dt.date | None:
    """「5月25日付けでご質問いただいた」: the date the reply says it answers."""
    for found in find_dates(preamble):
        if _ASKED_REF.match(preamble[found.end : found.end + 30]):
            return found.date
    return None


def find_deadline(preamble: str, asked: dt.date | None) -> dt.date | None:
    """「6月15日までにいただく」: a date followed by まで in a sentence about the reply."""
    for sentence in re.split("(?<=。)", preamble):
        if "回答" not in sentence:
            continue
        year = asked.year if asked else None
        for found in find_dates(sentence, default_year=year):
            if not _DEADLINE_HINT.match(sentence[found.end : found.end + 3]):
                continue
            date = found.date
            if not found.year_known and asked and date < asked:
                date = date.replace(year=date.year + 1)
            return date
    return None


def split_addressee(text: str) -> tuple[str, str | None, str | None]:
    """「地方公共団体情報システム機構 理事長 西 尾 勝 様」 → (body, 理事長, 西尾勝)."""
    core = _ADDRESSEE_END.sub("", text).strip(" \t\u3000")
    for title in _vocab()["head_titles"]:
        idx = core.find(title)
        if idx < 0:
            continue
        name = _SEP.sub("", core[idx + len(title) :]) or None
        if idx == 0:
            return title, title, name  # 「内閣総理大臣 岸田文雄」: the office is the body
        body = core[:idx].strip(" \t\u3000")
        if title[0] in "市区町村" and core[idx - 1] not in " \t\u3000":
            body += title[0]  # 「○○市長」 is the head of ○○市
        return body, title, name
    return core, None, None


def split_party(text: str) -> tuple[str, str | None]:
    """「共通番号・カードの廃止をめざす市民連絡会 (共通番号いらないネット)」 → (name, short)."""
    text = text.strip(" \t\u3000")
    text = _ADDRESSEE_END.sub("", text).strip(" \t\u3000")
    m = _SHORT_NAME.match(text)
    if m:
        return m.group("name").strip(" \t\u3000"), m.group("short").strip()
    return text, None


def read_contact(trailer: list[str]) -> str | None:
    """The contact lines after 以上, without headings-only lines and transcribers' notes (※)."""
    texts = [t.strip(" \t\u3000") for t in trailer]
    texts = [t for t in texts if t and t.replace(" ", "").replace("\u3000", "") not in _END_LINES]
    kept = []
    for text in texts:
        if text.startswith("※"):
            break
        if re.fullmatch(r"[【〔\[［(（]?\s*(?:問合せ先|問い合わせ先|問合先|連絡先)\s*[】〕\]］)）]?", text):
            continue
        kept.append(join_lines([text]))
    return "\n".join(kept) or None
