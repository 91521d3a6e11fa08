"""Dates as resumes write them: "2019-03", "Mar 2019", "03/2019", "2019 - Present", "Jan 2018 –
till date". Everything resolves against an explicit ``as_of`` date (never today's clock), so a
profile parses and scores identically on any day.

A date is kept as a month index (year * 12 + month - 1) plus whether the month was known.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
    # German and Dutch names that differ from the English ones
    "januar": 1, "januari": 1, "jän": 1, "februar": 2, "februari": 2, "märz": 3, "maerz": 3,
    "mrz": 3, "maart": 3, "mai": 5, "mei": 5, "juni": 6, "juli": 7, "augustus": 8, "okt": 10,
    "oktober": 10, "dez": 12, "dezember": 12,
}  # fmt: skip
# "Present" as resumes write it, English and the German, Dutch and French words for it
# ("03/2020 – heute", "2012 - heden", "2019 bis heute", "2018 tot nu").
_PRESENT = (
    r"(?:present|current(?:ly)?|now|today|ongoing|till\s+(?:date|now)|to\s+date|date"
    r"|(?:bis\s+)?(?:heute|jetzt|dato)|aktuell|gegenwärtig|heden|nu|aujourd['’]hui|présent)"
)
_MONTH_NAME = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?,?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DATE = (
    rf"(?:{_YEAR}[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?(?!\d)"
    rf"|(?:0?[1-9]|1[0-2])[-/.]{_YEAR}"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH_NAME}\s*'?(?:{_YEAR}|\d\d)"
    rf"|{_YEAR})"
)
_RANGE = re.compile(
    rf"(?<![\w/.-])(?P<start>{_DATE})\s*(?:(?:-|–|—|~|to|till|until|through|→|bis|tot)\s*)+"
    rf"(?P<end>{_PRESENT}|{_DATE})(?![\w/])",
    re.IGNORECASE,
)
# "Since 2016: Head of …", "(seit 03/2019)": a start with no end is a role held to this day,
# read only at a line's start or after a bracket or separator, and ending there or at one
# ("Python user since 2015" and "• Since 2012, have prepared …" are prose, naming no role).
_SINCE = re.compile(
    rf"(?:^|(?<=[(\[|,;:–—])|(?<=\s[-–—|]))\s*(?P<since>(?:since|seit|sinds|depuis)\s+)"
    rf"(?P<start>{_DATE})(?=\s*(?:$|[:)\]|–—-]|\s\s))",
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"(?<![\w/.-])(?:{_DATE})(?![\w/])", re.IGNORECASE)
_PRESENT_RE = re.compile(rf"^{_PRESENT}$", re.IGNORECASE)


@dataclass(frozen=True)
class MonthDate:
    """A month (index = year*12 + month-1) and whether the month was written or only the year."""

    index: int
    month_known: bool

    @property
    def year(self) -> int:
        return self.index // 12

    @property
    def month(self) -> int:
        return self.index % 12 + 1

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month_known else f"{self.year:04d}"

    @classmethod
    def of(cls, day: date) -> MonthDate:
        return cls(day.year * 12 + day.month - 1, True)


@dataclass(frozen=True)
class DateRange:
    start: MonthDate
    end: MonthDate
    current: bool
    span: tuple[int, int]  # where the range was written in the text
    text: str

    @property
    def months(self) -> int:
        return months_between(self.start, self.end)


def parse_date(text: str, as_of: date) -> MonthDate | None:
    """One date in any supported style; "Present"-like words resolve to ``as_of``."""
    raw = " ".join(text.strip().lower().split())
    if not raw:
        return None
    if _PRESENT_RE.match(raw):
        return MonthDate.of(as_of)
    if m := re.fullmatch(r"((?:19|20)\d\d)[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:t.*)?", raw):
        return _month(int(m.group(1)), int(m.group(2)))
    if m := re.fullmatch(r"(\d{1,2})[-/.]((?:19|20)\d\d)", raw):
        return _month(int(m.group(2)), int(m.group(1)))
    raw = re.sub(r"^\d{1,2}(?:st|nd|rd|th)?\s+(?=[a-z])", "", raw)  # "16th Jan 2017"
    if m := re.fullmatch(r"([^\W\d_]+)\.?,?\s*'?(\d{2}|\d{4})", raw):
        month = _MONTHS.get(m.group(1))
        if month is None:
            return None
        year = int(m.group(2))
        year = year if year > 100 else (2000 + year if year <= as_of.year % 100 else 1900 + year)
        return _month(year, month)
    if m := re.fullmatch(r"((?:19|20)\d\d)", raw):
        return MonthDate(int(m.group(1)) * 12, False)
    return None


DATE_FORMS = "use YYYY, YYYY-MM or YYYY-MM-DD"
_NUMERIC = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:t(.*))?")
_MONTH_FIRST = re.compile(r"(\d{1,2})[-/.]((?:19|20)\d\d)")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+[a-z]")


def date_problem(text: str, as_of: date) -> str | None:
    """Why ``parse_date`` does not read a date, or how it read it loosely (a day or a time it
    ignored that is not a real one: "2020-02-30" is read as 2020-02); None when it reads the
    date as written, or there is none. Says nothing of what that does to a profile."""
    raw = " ".join(text.strip().lower().split())
    if not raw:
        return None
    compact = " ".join(text.split())
    shown = f"'{compact}'" if len(compact) <= 40 else f"'{compact[:39]}…'"
    parsed = parse_date(raw, as_of)
    if parsed is None:
        return f"{shown} {_unread_reason(raw)}"
    if _PRESENT_RE.match(raw):
        return None
    day: int | None = None
    clock: str | None = None
    if m := _NUMERIC.fullmatch(raw):
        day = int(m.group(3)) if m.group(3) else None
        clock = m.group(4)
    elif m := _DAY_FIRST.match(raw):
        day = int(m.group(1))
    if day is not None and not 1 <= day <= calendar.monthrange(parsed.year, parsed.month)[1]:
        return f"{shown} is not a real day; read as {parsed.iso()}"
    if clock is not None and not _is_time(clock):
        return f"{shown} has no readable time of day; read as {parsed.iso()}"
    return None


def _unread_reason(raw: str) -> str:
    month = year = None
    if m := _NUMERIC.fullmatch(raw):
        year, month = int(m.group(1)), int(m.group(2))
    elif m := _MONTH_FIRST.fullmatch(raw):
        year, month = int(m.group(2)), int(m.group(1))
    if month is not None and not 1 <= month <= 12:
        return f"is not a date: there is no month {month} ({DATE_FORMS})"
    if year is not None and not 1950 <= year <= 2049:
        return "is out of range: only dates from 1950 to 2049 are read"
    return f"is not a date ({DATE_FORMS})"


def _is_time(text: str) -> bool:
    try:
        time.fromisoformat(text.upper())
    except ValueError:
        return False
    return True


def iso_month(text: str | None) -> MonthDate | None:
    """A stored "YYYY-MM" or "YYYY" (what ``MonthDate.iso`` writes), read without the general
    parser: scoring reads every role's dates for every job."""
    if not text:
        return None
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
        return _month(int(text[:4]), int(text[5:]))
    if len(text) == 4 and text.isdigit():
        return MonthDate(int(text) * 12, False)
    return parse_date(text, date(2000, 1, 1))  # older stored forms; never "present"


def _month(year: int, month: int) -> MonthDate | None:
    if not 1 <= month <= 12 or not 1950 <= year <= 2049:
        return None
    return MonthDate(year * 12 + month - 1, True)


def months_between(start: MonthDate, end: MonthDate) -> int:
    """Inclusive month count when both months are known ("Jan–Dec 2020" = 12), else the plain
    difference ("2019 – 2021" = 24)."""
    diff = end.index - start.index
    if diff < 0:
        return 0
    return diff + 1 if start.month_known and end.month_known else diff


def find_date_ranges(text: str, as_of: date) -> list[DateRange]:
    """Every "start – end" range in a text, in order. Ranges ending after ``as_of`` are clipped."""
    out: list[DateRange] = []
    today = MonthDate.of(as_of)
    for m in _RANGE.finditer(text):
        start = parse_date(m.group("start"), as_of)
        end_text = m.group("end")
        current = bool(_PRESENT_RE.match(" ".join(end_text.lower().split())))
        end = today if current else parse_date(end_text, as_of)
        if start is None or end is None or start.index > today.index or end.index < start.index:
            continue
        if end.index > today.index:
            end, current = today, True
        out.append(DateRange(start, end, current, (m.start(), m.end()), m.group(0)))
    for m in _SINCE.finditer(text):
        start = parse_date(m.group("start"), as_of)
        at = m.start("since")
        taken = any(r.span[0] < m.end() and r.span[1] > at for r in out)
        if start is None or start.index > today.index or taken:
            continue
        out.append(DateRange(start, today, True, (at, m.end()), text[at : m.end()]))
    return sorted(out, key=lambda r: r.span)


def find_single_dates(text: str, as_of: date) -> list[MonthDate]:
    return [d for m in _SINGLE.finditer(text) if (d := parse_date(m.group(0), as_of))]


def duration_text(months: int) -> str:
    """LinkedIn style: "3 yrs 2 mos", "1 yr", "5 mos", "less than a month"."""
    if months <= 0:
        return "less than a month"
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} yr" + ("s" if years > 1 else ""))
    if rest:
        parts.append(f"{rest} mo" + ("s" if rest > 1 else ""))
    return " ".join(parts)


def union_months(ranges: Iterable[tuple[int, int]]) -> int:
    """Months covered by the union of [start, end) month intervals (overlapping jobs count once)."""
    total = 0
    cur_start = cur_end = None
    for start, end in sorted(ranges):
        if cur_end is None or start > cur_end:
            if cur_end is not None and cur_start is not None:
                total += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None and cur_start is not None:
        total += cur_end - cur_start
    return total


_STATED = re.compile(
    r"(?:(?:over|more than|around|about|nearly|almost)\s+)?(?P<n>\d{1,2}(?:\.\d)?)\s*(?:\+\s*)?"
    r"(?:plus\s+)?(?:years?|yrs?)\b(?P<tail>[^.\n]{0,40})",
    re.IGNORECASE,
)


def stated_years(text: str) -> tuple[float, str] | None:
    """Largest "N years of experience" claim in a text and its exact wording (None if none)."""
    best: tuple[float, str] | None = None
    for m in _STATED.finditer(text):
        tail = m.group("tail").lower()
        if "experience" in tail or "exp" in tail:
            value = float(m.group("n"))
            if value <= 45 and (best is None or value > best[0]):
                quote = m.group(0)[: m.end("tail") - m.start()].strip()
                cut = quote.lower().find("exp")
                end = quote.find(" ", cut)
                best = (value, (quote[:end] if end > 0 else quote).rstrip(",;:"))
    return best
