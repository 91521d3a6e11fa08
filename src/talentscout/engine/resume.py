"""Facts from a free-text resume: roles with dates, education, contact points, stated years.
(Who the person is, from the header lines, is read in resume_header.py.)

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
from talentscout.engine.location import parse_place
from talentscout.engine.taxonomy import Taxonomy

# Bounded parts (RFC 5321: local part ≤ 64, labels ≤ 63) keep the search linear on long runs
# of letters with no "@" in them; unbounded ones made it quadratic.
EMAIL_RE = re.compile(
    r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}"
)
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
BULLET = re.compile(r"^\s*(?:[•●▪■◦\-*–]|\d+[.)])\s+")
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
_AT = re.compile(r"\s+(at|@|with)\s+", re.IGNORECASE)
_STRONG_SPLIT = re.compile(r"\s*[|\t]\s*|\s+[-–—]\s+|\s*—\s*")
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western)(?:[- ]|$))+", re.I
)
_COMMA_SPLIT = re.compile(r"\s*[,;]\s*")
# Words of team, department and function names: "Engineering Manager, Backend Platform".
_TEAM_WORDS = frozenset(
    "backend back-end frontend front-end fullstack full-stack stack platform platforms "
    "infrastructure infra payments billing growth data analytics mobile ios android web cloud "
    "security identity core api apis search ads advertising ml ai machine learning research "
    "developer experience devex devops sre reliability tooling tools internal systems services "
    "service product products engineering sales marketing operations ops finance hr people "
    "talent recruiting support customer customers success enterprise smb mid-market commercial "
    "consumer b2b b2c emea apac amer americas latam global international domestic regional "
    "region north south east west central team teams group department dept division unit org "
    "organization squad tribe practice pod r&d qa quality testing test automation design ux ui "
    "brand content digital retail corporate strategy partnerships partner channel it network "
    "networking database databases storage compute kernel graphics video media games gaming "
    "risk fraud compliance legal treasury accounting audit tax procurement supply chain "
    "logistics manufacturing production field inside and & of the for new business development "
    "account accounts key strategic client clients integrations integration applications apps "
    "app foundation foundations fintech health healthcare insights reporting bi ecommerce "
    "e-commerce commerce checkout marketplace trust safety privacy observability monitoring "
    "performance release build ci cd mlops dataops platform-engineering solutions".split()
)
COMPANY_SUFFIXES = frozenset(
    "inc inc. corp corporation co company llc llp ltd limited plc gmbh ag sa sas bv nv pvt "
    "pte oy ab as srl spa kk technologies technology tech labs systems solutions software "
    "consulting bank university college institute school hospital group holdings".split()
)


@dataclass
class TextRole:
    title: str | None
    company: str | None
    dates: DateRange | None
    lines: list[str] = field(default_factory=list)

    @property
    def highlights(self) -> list[str]:
        return [BULLET.sub("", ln).strip() for ln in self.lines if BULLET.match(ln)]

    @property
    def description(self) -> str:
        return "\n".join(ln.strip() for ln in self.lines if ln.strip())

    @property
    def duration(self) -> str | None:
        return duration_text(self.dates.months) if self.dates else None


@dataclass(frozen=True)
class TextDegree:
    level: str  # phd, master, bachelor, associate, diploma
    degree: str  # the degree as written, dates cut out ("Master's degree in Computer Science")
    area: str | None  # the field of study ("Computer Science")
    institution: str | None
    dates: DateRange | None


@dataclass
class ResumeFacts:
    roles: list[TextRole]
    degrees: list[TextDegree]
    emails: list[str]
    links: list[str]
    skill_months: int  # the longest "Experience - N months" in a skills table


def degree_level(text: str) -> str | None:
    best: str | None = None
    for level, regex in _DEGREE_RES:
        if regex.search(text) and (best is None or DEGREE_RANK[level] > DEGREE_RANK[best]):
            best = level
    return best


def section_of(line: str) -> str | None:
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
    """Title and employer of a role line (its dates already cut out).

    Separators rank: "at"/"@"/"with" always introduce the employer; a bar or a spaced dash
    separates title and employer ("Engineering Manager, Backend Platform — Acme Corp"); a
    comma is weakest, because titles carry their team after one ("Engineering Manager,
    Backend Platform"): a comma piece is taken as the employer only when it is not a team,
    department or place."""
    rest = clean_piece(rest)
    if not rest or len(rest) > 200:
        return None, None  # nothing, or prose around a date: no header to split
    at = _AT.search(rest)
    if at is not None:
        left, right = rest[: at.start()], rest[at.end() :]
        company = _employer(right, taxonomy)
        # "with" is also a preposition ("Java developer with Spring Boot"): an employer only
        # when a name follows that is not just skills.
        if at.group(1).lower() != "with":
            return _title_of(left, taxonomy), company
        if company is not None and right[:1].isupper() and team_words(right, taxonomy) is None:
            return _title_of(left, taxonomy), company
        if _is_titled(left, taxonomy):
            return _title_of(left, taxonomy), None
    segments = [c for seg in _STRONG_SPLIT.split(rest) if (c := clean_piece(seg))]
    if len(segments) >= 2:
        titled = next((seg for seg in segments if _is_titled(seg, taxonomy)), segments[0])
        others = [seg for seg in segments if seg is not titled]
        company = next((e for seg in others if (e := _employer(seg, taxonomy))), None)
        return _title_of(titled, taxonomy), company
    pieces = [c for piece in _COMMA_SPLIT.split(rest) if (c := clean_piece(piece))]
    if not pieces:
        return None, None
    at_title = next((i for i, piece in enumerate(pieces) if _is_titled(piece, taxonomy)), None)
    if at_title is None and len(pieces) == 1:
        return (pieces[0][:120], None) if len(rest) <= 80 else (None, None)
    at_title = at_title or 0
    title, used = _title_with_team(pieces[at_title:], taxonomy)
    others = pieces[:at_title] + pieces[at_title + used :]
    company = next((e for piece in others if (e := _employer(piece, taxonomy))), None)
    return title, company


def _is_titled(text: str, taxonomy: Taxonomy) -> bool:
    return bool(taxonomy.find_titles(text) or taxonomy.seniority_in_title(text))


def _title_of(text: str, taxonomy: Taxonomy) -> str | None:
    """A title segment: the title plus the team pieces after it, without a place."""
    pieces = [c for piece in _COMMA_SPLIT.split(text) if (c := clean_piece(piece))]
    if not pieces:
        return None
    return _title_with_team(pieces, taxonomy)[0]


def _title_with_team(pieces: list[str], taxonomy: Taxonomy) -> tuple[str, int]:
    """The first piece plus the team/department pieces that follow it; how many were used."""
    used = 1
    while used < len(pieces) and _is_team(pieces[used], taxonomy):
        used += 1
    return ", ".join(pieces[:used])[:120], used


def _employer(text: str, taxonomy: Taxonomy) -> str | None:
    """The employer named by a segment ("Acme Corp, Berlin" → "Acme Corp"); None for an
    e-mail address, a place or a team/department. A bare skill name may be an employer
    ("Oracle", "Salesforce")."""
    for piece in _COMMA_SPLIT.split(text):
        piece = clean_piece(piece)
        if not piece or EMAIL_RE.search(piece) or is_place(piece):
            continue
        if _is_team(piece, taxonomy):
            continue
        return piece[:120]
    return None


def _is_team(piece: str, taxonomy: Taxonomy) -> bool:
    """A team, department or function ("Backend Platform", "Payments", "Sales EMEA"): words
    of team names or skills only, at least one a team word, no company suffix."""
    return bool(team_words(piece, taxonomy))


def team_words(piece: str, taxonomy: Taxonomy) -> int | None:
    """How many team/department words a piece has when all its words are team words or part
    of skill names and none is a company suffix ("Kafka Platform" → 1, "Hive" → 0); None
    when it could name an employer."""
    words = re.findall(r"[a-z0-9+#&]+", piece.lower())
    if not words or len(words) > 5 or any(w in COMPANY_SUFFIXES for w in words):
        return None
    skill_words = {
        w for m in taxonomy.find_skills(piece, structured=True) for w in m.text.lower().split()
    }
    if not all(w in _TEAM_WORDS or w in skill_words for w in words):
        return None
    return sum(1 for w in words if w in _TEAM_WORDS)


def is_place(piece: str) -> bool:
    """A piece the gazetteer knows as a place ("Germany", "CA", "North India") or "Remote"."""
    if re.fullmatch(r"remote|hybrid|on-?site", piece, re.IGNORECASE):
        return True
    place = parse_place(_DIRECTION.sub("", piece))
    return place is not None and bool(place.countries)


def clean_piece(text: str) -> str:
    """Strip separators and unbalanced brackets at the ends ("(Backend)" stays)."""
    text = text.strip(" \t|,;:-–—")
    changed = True
    while changed and text:
        changed = False
        if text[-1] in "([" or (
            text[-1] in ")]"
            and text.count("(") + text.count("[") < text.count(")") + text.count("]")
        ):
            text, changed = text[:-1].rstrip(" \t|,;:-–—"), True
        elif text[0] in ")]" or (
            text[0] in "(["
            and text.count("(") + text.count("[") > text.count(")") + text.count("]")
        ):
            text, changed = text[1:].lstrip(" \t|,;:-–—"), True
    text = re.sub(r"\s*[(\[]\s*[)\]]", "", text)  # "()" left where the dates were
    return text.strip()


def parse_resume_text(text: str, as_of: date, taxonomy: Taxonomy) -> ResumeFacts:
    lines = text.splitlines() or [text]
    roles: list[TextRole] = []
    degrees: list[TextDegree] = []
    section: str | None = None
    current: TextRole | None = None
    previous = ""
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        above, previous = previous, line
        sec = section_of(line)
        if sec is not None:
            section, current = sec, None
            continue
        if section in (None, "education") or i < 40:
            degree = _degree(line, above, section == "education", as_of)
            if degree is not None:
                degrees.append(degree)
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
        skill_months=max(months, default=0),
    )


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


def _degree(line: str, above: str, in_section: bool, as_of: date) -> TextDegree | None:
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
            pieces = _COMMA_SPLIT.split(clean_piece(_STRONG_SPLIT.split(above)[0]))
            while len(pieces) > 1 and is_place(pieces[-1]):
                pieces.pop()  # "…University Richmond, VA": the state is not the institution
            institution = ", ".join(pieces)[:120]
    return TextDegree(level, text[:120], area, institution, dates)


def _after_degree(piece: str) -> str | None:
    """An institution piece without a degree written before it ("B.E. Pune University") or a
    grade after it ("Pune University with 70%")."""
    for _, regex in _DEGREE_RES:
        if m := regex.search(piece):
            piece = piece[m.end() :]
    piece = _GRADE_TAIL.sub("", piece)
    return clean_piece(piece)[:120] or None


def _next_line_company(line: str, as_of: date) -> str | None:
    nxt = line.strip()
    if not nxt or BULLET.match(nxt) or find_date_ranges(nxt, as_of):
        return None
    if len(nxt) > 90 or section_of(nxt) is not None:
        return None
    return nxt.strip(" |,")[:120]


def _neighbours(lines: list[str], i: int, taxonomy: Taxonomy) -> tuple[str | None, str | None]:
    """Title and company from the line above a bare date line (and the one above that)."""
    above = [ln.strip() for ln in lines[max(0, i - 2) : i] if ln.strip()]
    if not above:
        return None, None
    title, company = _title_company(above[-1], taxonomy)
    if company is None and len(above) == 2 and len(above[0]) <= 80 and section_of(above[0]) is None:
        company = above[0][:120]
        if not taxonomy.find_titles(above[-1]) and taxonomy.find_titles(above[0]):
            title, company = above[0][:120], above[-1][:120]
    return title, company
