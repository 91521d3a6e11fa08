"""Degrees in a free-text resume: the level, the degree as written, the field of study, the
institution and the dates, read from one line (and the line above it in an Education section)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from talentscout.engine.dates import DateRange, find_date_ranges
from talentscout.engine.resume_lines import STRONG_SPLIT, clean_piece, without_glued_place

_DEGREES = (
    ("phd", r"ph\.?\s?d|doctor(?:ate)? of|doctoral"),
    ("master", r"master'?s?|m\.?\s?s\.?c?|m\.?\s?tech|m\.?\s?e\.|mba|mca|m\.?\s?eng|"
     r"m\.?\s?a\.|m\.com"),
    ("bachelor", r"bachelor'?s?|b\.?\s?s\.?c?|b\.?\s?tech|b\.?\s?e\.?|bca|bba|b\.?\s?com|"
     r"b\.?\s?a\.|b\.?\s?eng|undergraduate"),
    ("associate", r"associate'?s? degree"),
    ("diploma", r"diploma|hsc|ssc|high school|12th|10th"),
)  # fmt: skip
_DEGREE_RES = [
    (lvl, re.compile(r"(?<![A-Za-z])(?:" + pat + r")(?![A-Za-z])", re.I)) for lvl, pat in _DEGREES
]
DEGREE_RANK = {"diploma": 0, "associate": 1, "bachelor": 2, "master": 3, "phd": 4}


@dataclass(frozen=True)
class TextDegree:
    level: str  # phd, master, bachelor, associate, diploma
    degree: str  # the degree as written, dates cut out ("Master's degree in Computer Science")
    area: str | None  # the field of study ("Computer Science")
    institution: str | None
    dates: DateRange | None


def degree_level(text: str) -> str | None:
    best: str | None = None
    for level, regex in _DEGREE_RES:
        if regex.search(text) and (best is None or DEGREE_RANK[level] > DEGREE_RANK[best]):
            best = level
    return best


_INSTITUTION = re.compile(
    r"\b(?:university|universit[àäé]|college|institute|institut|school|academy|polytechnic|"
    r"faculty|conservatory|iit|nit|mit)\b",
    re.IGNORECASE,
)
_AREA = re.compile(
    r"(?:(?<!,\s)\bin\b|\bof science in|\bof arts in|\bof engineering in|\bof technology in|"
    r"\bmajor(?:ing)?\s*(?:in|:))\s+(?P<area>[A-Za-z&][A-Za-z&.'’ -]{1,60}?)\s*"
    r"(?=$|[,;|()\[]|\s[-–—]\s|\s+(?:at|from)\s)",
    re.IGNORECASE,
)
_DEGREE_PIECES = re.compile(r"\s*[,|]\s*|\s+[-–—]\s+|\s+(?:at|from)\s+", re.IGNORECASE)
_MONTH_NAME = (
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_MONTH = _MONTH_NAME + r"\.?\s+"
_LONE_DATE = re.compile(
    rf"[\s,|]+\(?(?:{_MONTH})?(?:19|20)\d\d\)?\s*$|^(?:{_MONTH})?(?:19|20)\d\d\s*[,:|-]?\s+",
    re.IGNORECASE,
)
_GRADE_TAIL = re.compile(
    r"\s+(?:with|securing|scoring|cgpa|gpa|cpi|percentage|aggregate)\b.*$|"
    r"\s+\d{1,3}(?:\.\d+)?\s*(?:%|/\s*\d+|cgpa|gpa|cpi)(?:\W.*)?$",
    re.IGNORECASE,
)
_DEGREE_WORDS_BEFORE = 2  # outside an Education section a degree must open its line…
_DATE_WORD = re.compile(  # …after a date, if any ("June 2016 B.E. Information Technology")
    _MONTH_NAME + r"\.?,?|(?:19|20)\d\d,?|to|[-–—:|]",
    re.IGNORECASE,
)


def read_degree(line: str, above: str, in_section: bool, as_of: date) -> TextDegree | None:
    """A degree line: its level, the degree as written (dates cut out), the field of study
    ("… in Computer Science"), the institution (named on the line, or on the line above in an
    Education section) and the dates. Outside an Education section the degree must open a
    short line, so a summary sentence ("…currently pursuing a Master's in…") is not one."""
    level = degree_level(line)
    if level is None:
        return None
    ranges = find_date_ranges(line, as_of)
    dates = ranges[0] if ranges else None
    text = clean_piece(line[: dates.span[0]] + " " + line[dates.span[1] :]) if dates else line
    text = " ".join(_LONE_DATE.sub("", text).split())  # "…, May 2019": a single date
    if not in_section:
        found = [m for _, r in _DEGREE_RES if (m := r.search(text))]
        first = min(found, key=lambda m: m.start()) if found else None
        if first is None or len(line) >= 120 or not any(ch.isupper() for ch in first.group()):
            return None  # "be hit by XML": a lower-case word, not a B.E.
        before = [w for w in text[: first.start()].split() if not _DATE_WORD.fullmatch(w)]
        if len(before) >= _DEGREE_WORDS_BEFORE:
            return None
    area = m.group("area").strip(" .-") if (m := _AREA.search(text)) else None
    institution = next(
        (_after_degree(p) for p in _DEGREE_PIECES.split(text) if _INSTITUTION.search(p)), None
    )
    if institution is None and in_section:
        if _INSTITUTION.search(above) and degree_level(above) is None:
            institution = without_glued_place(clean_piece(STRONG_SPLIT.split(above)[0]))[:120]
    return TextDegree(level, text[:120], area, institution, dates)


def _after_degree(piece: str) -> str | None:
    """An institution piece without a degree written before it ("B.E. Pune University") or a
    grade after it ("Pune University with 70%")."""
    for _, regex in _DEGREE_RES:
        if m := regex.search(piece):
            piece = piece[m.end() :]
    piece = _GRADE_TAIL.sub("", piece)
    return clean_piece(piece)[:120] or None
