"""Japanese dates: reading 和暦 and 西暦 from documents, writing 和暦, counting business days."""

from __future__ import annotations

import datetime as dt
import re

from followup.numbering import FULLWIDTH_DIGITS, kanji_to_int

ERAS = [  # (name, first day)
    ("令和", dt.date(2019, 5, 1)),
    ("平成", dt.date(1989, 1, 8)),
    ("昭和", dt.date(1926, 12, 25)),
    ("大正", dt.date(1912, 7, 30)),
    ("明治", dt.date(1868, 1, 25)),
]
_ERA_ABBR = {"R": "令和", "H": "平成", "S": "昭和", "T": "大正", "M": "明治"}
_NUM = r"(?:[0-9]{1,4}|[〇一二三四五六七八九十]{1,4}|元)"
_DATE = re.compile(
    rf"(?:(?P<era>令和|平成|昭和|大正|明治)\s*(?P<ey>{_NUM})\s*年|(?P<y>[0-9]{{4}})\s*年)?"
    rf"\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*日"
)
_ABBR_DATE = re.compile(r"\b(?P<e>[RHST])\s*(?P<y>\d{1,2})[.．/](?P<m>\d{1,2})[.．/](?P<d>\d{1,2})\b")
_ISO_DATE = re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b")


def _num(text: str) -> int:
    if text == "元":
        return 1
    text = text.translate(FULLWIDTH_DIGITS)
    return int(text) if text.isascii() and text.isdigit() else kanji_to_int(text)


def era_year(era: str, year: int) -> int:
    start = dict(ERAS)[era]
    return start.year + year - 1


class FoundDate:
    """A date found in text; `year_known` is False for 「6月15日」 without a year."""

    def __init__(self, date: dt.date, start: int, end: int, year_known: bool) -> None:
        self.date, self.start, self.end, self.year_known = date, start, end, year_known


def find_dates(text: str, default_year: int | None = None) -> list[FoundDate]:
    """Every date in `text`: 平成28年5月25日, 令和元年, 2016年5月25日, H28.5.25, 2016-05-25."""
    text = text.translate(FULLWIDTH_DIGITS)
    found: list[FoundDate] = []
    for m in _DATE.finditer(text):
        if m.group("era"):
            year, known = era_year(m.group("era"), _num(m.group("ey"))), True
        elif m.group("y"):
            year, known = int(m.group("y")), True
        elif default_year is not None:
            year, known = default_year, False
        else:
            continue
        date = _safe_date(year, _num(m.group("m")), _num(m.group("d")))
        if date:
            found.append(FoundDate(date, m.start(), m.end(), known))
    for m in _ABBR_DATE.finditer(text):
        year = era_year(_ERA_ABBR[m.group("e")], int(m.group("y")))
        date = _safe_date(year, int(m.group("m")), int(m.group("d")))
        if date:
            found.append(FoundDate(date, m.start(), m.end(), True))
    for m in _ISO_DATE.finditer(text):
        date = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if date:
            found.append(FoundDate(date, m.start(), m.end(), True))
    return sorted(found, key=lambda f: f.start)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def to_wareki(date: dt.date) -> str:
    """2026-11-26 → 令和8年11月26日 (the first year is written 元年)."""
    for era, start in ERAS:
        if date >= start:
            year = date.year - start.year + 1
            year_text = "元" if year == 1 else str(year)
            return f"{era}{year_text}年{date.month}月{date.day}日"
    return f"{date.year}年{date.month}月{date.day}日"


def is_closed(day: dt.date) -> bool:
    """Weekends, national holidays and the public offices' 12/29–1/3 closure."""
    import jpholiday

    if day.weekday() >= 5:
        return True
    if (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3):
        return True
    return bool(jpholiday.is_holiday(day))


def add_business_days(start: dt.date, days: int) -> dt.date:
    """The day `days` business days after `start` (start itself is not counted)."""
    if days < 0:
        raise ValueError("days must be >= 0")
    day = start
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if not is_closed(day):
            remaining -= 1
    return day


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Business days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if not is_closed(day):
            count += 1
    return count
