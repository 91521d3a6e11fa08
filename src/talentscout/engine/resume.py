"""Facts from a free-text resume: roles with dates, education, contact points, stated years.

Real resumes are messy (see the eval sets): dates in many styles, titles on the line of the
dates or just above, companies on the next line, "company - X / description - Y" blocks, and
sections in any order. The heuristics below only keep what they can locate; a missed role costs
some years, a wrong one would cost trust, so ambiguous lines are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from talentscout.engine.dates import DateRange, duration_text, find_date_ranges
from talentscout.engine.taxonomy import Taxonomy

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>()\"']+|"
    r"(?:linkedin\.com/in|github\.com|gitlab\.com)/[A-Za-z0-9_./-]+",
    re.IGNORECASE,
)
_SECTION_RE = re.compile(
    r"^\s*(?P<name>(?:professional |work |employment |career |relevant )?(?:experience|history|"
    r"employment)|education(?:al)?(?: details| background| qualifications?)?|academic.*|"
    r"(?:technical |key |core )?skills?(?: details| summary)?|projects?(?: details)?|"
    r"certifications?|summary|profile|objective|company details|languages|achievements|"
    r"awards|publications|interests|hobbies|personal (?:details|information))\s*:?\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[•●▪■◦\-*–]|\d+[.)])\s+")
_COMPANY_LINE = re.compile(r"^\s*company\s*[-:–]\s*(?P<company>.+)$", re.IGNORECASE)
_DESC_LINE = re.compile(r"^\s*description\s*[-:–]\s*", re.IGNORECASE)
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
_SKILL_MONTHS = re.compile(r"expe?r[ie]{1,2}nce\s*[-:]\s*(\d{1,3})\s*months?", re.IGNORECASE)
_SPLIT_TITLE_COMPANY = re.compile(r"\s+(?:at|@|with)\s+|\s*[|,]\s*|\s+[-–—]\s+", re.IGNORECASE)


@dataclass
class TextRole:
    title: str | None
    company: str | None
    dates: DateRange | None
    lines: list[str] = field(default_factory=list)

    @property
    def highlights(self) -> list[str]:
        return [_BULLET.sub("", ln).strip() for ln in self.lines if _BULLET.match(ln)]

    @property
    def description(self) -> str:
        return "\n".join(ln.strip() for ln in self.lines if ln.strip())

    @property
    def duration(self) -> str | None:
        return duration_text(self.dates.months) if self.dates else None


@dataclass
class ResumeFacts:
    roles: list[TextRole]
    degrees: list[tuple[str, str]]  # (level, the line it was read from)
    emails: list[str]
    links: list[str]
    headline: str | None
    skill_months: int  # the longest "Experience - N months" in a skills table


def degree_level(text: str) -> str | None:
    best: str | None = None
    for level, regex in _DEGREE_RES:
        if regex.search(text) and (best is None or DEGREE_RANK[level] > DEGREE_RANK[best]):
            best = level
    return best


def _section(line: str) -> str | None:
    m = _SECTION_RE.match(line)
    if not m or len(line) > 60:
        return None
    name = m.group("name").lower()
    for key in ("education", "academic", "skill", "project", "certif", "summary", "profile"):
        if name.startswith(key) or key in name.split()[0]:
            return "education" if key == "academic" else key
    if "company" in name or "experience" in name or "employment" in name or "history" in name:
        return "experience"
    return "other"


def _title_company(rest: str, taxonomy: Taxonomy) -> tuple[str | None, str | None]:
    rest = rest.strip(" \t|,-–—()[]:")
    if not rest:
        return None, None
    parts = [p.strip(" \t|,-–—()[]:") for p in _SPLIT_TITLE_COMPANY.split(rest) if p.strip()]
    parts = [p for p in parts if p]
    titled = [p for p in parts if taxonomy.find_titles(p) or taxonomy.seniority_in_title(p)]
    if titled:
        title = titled[0]
        others = [p for p in parts if p != title and not EMAIL_RE.search(p)]
        return title[:120], (others[0][:120] if others else None)
    if len(parts) >= 2:
        return parts[0][:120], parts[1][:120]
    return (parts[0][:120], None) if len(rest) <= 80 else (None, None)


def parse_resume_text(text: str, as_of: date, taxonomy: Taxonomy) -> ResumeFacts:
    lines = text.splitlines() or [text]
    roles: list[TextRole] = []
    degrees: list[tuple[str, str]] = []
    section: str | None = None
    current: TextRole | None = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        sec = _section(line)
        if sec is not None:
            section, current = sec, None
            continue
        if section in (None, "education") or i < 40:
            level = degree_level(line)
            if level and (section == "education" or len(line) < 120):
                degrees.append((level, line))
        if m := _COMPANY_LINE.match(line):
            current = TextRole(None, m.group("company").strip()[:120] or None, None)
            roles.append(current)
            continue
        described = _DESC_LINE.match(line)
        if described:  # "description - …" continues the "company - X" block above
            line = line[described.end() :]
        in_role_block = current is not None and current.title is None and described is not None
        ranges = find_date_ranges(line, as_of)
        is_education = section == "education" or (degree_level(line) is not None)
        if ranges and section not in ("project", "certif", "skill") and not is_education:
            rng = ranges[0]
            rest = line[: rng.span[0]] + " " + line[rng.span[1] :]
            title, company = _title_company(rest, taxonomy)
            if current is not None and current.dates is None:
                if in_role_block or (title is None and company is None):
                    current.dates = rng  # the block's dates come after its company line
                    if rest.strip(" :-–|,"):
                        current.lines.append(line)
                    continue
            if title is None and company is None:
                title, company = _neighbours(lines, i, taxonomy)
            elif company is None and i + 1 < len(lines):
                company = _next_line_company(lines[i + 1], as_of)
            current = TextRole(title, company, rng)
            roles.append(current)
            continue
        if current is not None and section not in ("education", "skill", "project"):
            if line and line != current.company:
                current.lines.append(line)
    months = [int(m.group(1)) for m in _SKILL_MONTHS.finditer(text)]
    return ResumeFacts(
        roles=roles,
        degrees=degrees,
        emails=list(dict.fromkeys(EMAIL_RE.findall(text))),
        links=list(dict.fromkeys(u.rstrip(".,;") for u in URL_RE.findall(text))),
        headline=_headline(lines, taxonomy),
        skill_months=max(months, default=0),
    )


def _next_line_company(line: str, as_of: date) -> str | None:
    nxt = line.strip()
    if not nxt or _BULLET.match(nxt) or find_date_ranges(nxt, as_of):
        return None
    if len(nxt) > 90 or _section(nxt) is not None:
        return None
    return nxt.strip(" |,")[:120]


def _neighbours(lines: list[str], i: int, taxonomy: Taxonomy) -> tuple[str | None, str | None]:
    """Title and company from the line above a bare date line (and the one above that)."""
    above = [ln.strip() for ln in lines[max(0, i - 2) : i] if ln.strip()]
    if not above:
        return None, None
    title, company = _title_company(above[-1], taxonomy)
    if company is None and len(above) == 2 and len(above[0]) <= 80 and _section(above[0]) is None:
        company = above[0][:120]
        if not taxonomy.find_titles(above[-1]) and taxonomy.find_titles(above[0]):
            title, company = above[0][:120], above[-1][:120]
    return title, company


def _headline(lines: list[str], taxonomy: Taxonomy) -> str | None:
    """The resume's own title: a short line near the top that names a job title, else the
    first standalone *title line* anywhere (a short line that is mostly a job title, as
    exports put between sections)."""
    stripped = [ln.strip() for ln in lines if ln.strip()]
    for line in stripped[:6]:
        if len(line) <= 90 and taxonomy.find_titles(line) and not EMAIL_RE.search(line):
            return line
    for line in stripped[6:200]:
        if len(line) > 60 or len(line.split()) > 8 or _section(line) is not None:
            continue
        found = taxonomy.find_titles(line)
        if found and sum(m.end - m.start for m in found) >= 0.5 * len(line):
            return line
    return None
