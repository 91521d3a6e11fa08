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
from talentscout.engine.location import US_STATES, parse_place
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
_COMPANY_SUFFIXES = frozenset(
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
    headline: str | None  # a job-title line of the resume ("Senior Data Engineer")
    skill_months: int  # the longest "Experience - N months" in a skills table
    name: str | None = None  # the first line, when it is plainly a person's name
    location: str | None = None  # "Austin, TX" / "Berlin, Germany" in the header lines
    summary: str | None = None  # the opening summary sentence, shortened (display headline)


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
    """Title and employer of a role line (its dates already cut out).

    Separators rank: "at"/"@"/"with" always introduce the employer; a bar or a spaced dash
    separates title and employer ("Engineering Manager, Backend Platform — Acme Corp"); a
    comma is weakest, because titles carry their team after one ("Engineering Manager,
    Backend Platform"): a comma piece is taken as the employer only when it is not a team,
    department or place."""
    rest = _clean_piece(rest)
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
        if company is not None and right[:1].isupper() and _team_words(right, taxonomy) is None:
            return _title_of(left, taxonomy), company
        if _is_titled(left, taxonomy):
            return _title_of(left, taxonomy), None
    segments = [c for seg in _STRONG_SPLIT.split(rest) if (c := _clean_piece(seg))]
    if len(segments) >= 2:
        titled = next((seg for seg in segments if _is_titled(seg, taxonomy)), segments[0])
        others = [seg for seg in segments if seg is not titled]
        company = next((e for seg in others if (e := _employer(seg, taxonomy))), None)
        return _title_of(titled, taxonomy), company
    pieces = [c for piece in _COMMA_SPLIT.split(rest) if (c := _clean_piece(piece))]
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
    pieces = [c for piece in _COMMA_SPLIT.split(text) if (c := _clean_piece(piece))]
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
        piece = _clean_piece(piece)
        if not piece or EMAIL_RE.search(piece) or _is_place(piece):
            continue
        if _is_team(piece, taxonomy):
            continue
        return piece[:120]
    return None


def _is_team(piece: str, taxonomy: Taxonomy) -> bool:
    """A team, department or function ("Backend Platform", "Payments", "Sales EMEA"): words
    of team names or skills only, at least one a team word, no company suffix."""
    return bool(_team_words(piece, taxonomy))


def _team_words(piece: str, taxonomy: Taxonomy) -> int | None:
    """How many team/department words a piece has when all its words are team words or part
    of skill names and none is a company suffix ("Kafka Platform" → 1, "Hive" → 0); None
    when it could name an employer."""
    words = re.findall(r"[a-z0-9+#&]+", piece.lower())
    if not words or len(words) > 5 or any(w in _COMPANY_SUFFIXES for w in words):
        return None
    skill_words = {
        w for m in taxonomy.find_skills(piece, structured=True) for w in m.text.lower().split()
    }
    if not all(w in _TEAM_WORDS or w in skill_words for w in words):
        return None
    return sum(1 for w in words if w in _TEAM_WORDS)


def _is_place(piece: str) -> bool:
    """A piece the gazetteer knows as a place ("Germany", "CA", "North India") or "Remote"."""
    if re.fullmatch(r"remote|hybrid|on-?site", piece, re.IGNORECASE):
        return True
    place = parse_place(_DIRECTION.sub("", piece))
    return place is not None and bool(place.countries)


def _clean_piece(text: str) -> str:
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
    name = _name_line(lines, taxonomy)
    return ResumeFacts(
        roles=roles,
        degrees=degrees,
        emails=list(dict.fromkeys(EMAIL_RE.findall(text))),
        links=list(dict.fromkeys(u.rstrip(".,;") for u in URL_RE.findall(text))),
        headline=_headline(lines, taxonomy, name, as_of),
        skill_months=max(months, default=0),
        name=name,
        location=_header_location(lines, as_of, taxonomy, name),
        summary=_summary_line(lines, as_of),
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


def _headline(
    lines: list[str], taxonomy: Taxonomy, name: str | None = None, as_of: date | None = None
) -> str | None:
    """The resume's own title: a short line near the top that names a job title, else the
    first standalone *title line* anywhere (a short line that is mostly a job title, as
    exports put between sections). A dated line is a role entry, not a headline; the name
    line's name is left out ("Jordan Lee — Senior Data Engineer" → "Senior Data Engineer")."""
    stripped = [ln.strip() for ln in lines if ln.strip()]
    for line in stripped[:6]:
        if name and line.startswith(name):
            line = _clean_piece(line[len(name) :])
        if not line or len(line) > 90 or EMAIL_RE.search(line):
            continue
        if as_of is not None and find_date_ranges(line, as_of):
            continue
        if taxonomy.find_titles(line):
            return line
    for line in stripped[6:200]:
        if len(line) > 60 or len(line.split()) > 8 or _section(line) is not None:
            continue
        found = taxonomy.find_titles(line)
        if found and sum(m.end - m.start for m in found) >= 0.5 * len(line):
            return line
    return None


# Words that show a first line is a heading, a label, a placeholder, a place or an employer,
# not a person's name. Job-title words are checked against the taxonomy as well.
_NOT_NAME_WORDS = frozenset(
    # departments and fields that head a resume as often as a name does
    "human resources quality assurance operations marketing sales finance accounting "
    "engineering administration management department technology services support "
    "development research analytics procurement logistics manufacturing testing "
    "resume résumé cv curriculum vitae vita biodata bio summary profile objective experience "
    "education skills skill details detail contact information info personal career "
    "professional technical work employment history project projects certification "
    "certifications achievements references declaration address phone email mail mobile tel "
    "page confidential languages interests hobbies strengths training qualifications "
    "qualification academic expertise areas area key core competencies overview about portfolio "
    "name redacted removed withheld hidden anonymous anonymized anonymised candidate applicant "
    "unknown private sample test example template dear cover letter sheet highlights "
    "accomplishments responsibilities company university college school institute inc ltd llc "
    "corp limited pvt technologies solutions services group department team street road "
    "avenue city state country remote engineer developer manager analyst consultant specialist "
    "designer architect director officer assistant executive intern lead head administrator "
    "coordinator representative scientist technician accountant teacher nurse programmer "
    "tester trainee associate president founder owner freelancer student graduate fresher "
    "senior junior staff principal chief vp ceo cto cfo good morning hello hi thank thanks you "
    "your my our welcome regards sincerely yours".split()
)
_NAME_PARTICLES = frozenset(
    "de da del della der den di du dos das la le van von bin binti al el".split()
)
_DOC_HEADING = re.compile(
    r"\W*(?:resume|résumé|curriculum\s+vitae|cv|bio-?data|profile)\W*", re.IGNORECASE
)
_HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+)+", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"([A-Za-z])\1{2,}|redact|\[|\]|<|>|\*|_", re.IGNORECASE)
_PLACEHOLDER_NAMES = frozenset({"john doe", "jane doe", "first last", "firstname lastname"})
_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:\-–]\s*", re.IGNORECASE)
_HEADER_SPLIT = re.compile(r"\s*[|•·\t]\s*|\s+[-–—]\s+|\s*—\s*|\s{3,}")


def _is_name_word(word: str) -> bool:
    """A word of a name: "Jordan", "JORDAN", "O'Neil", "Anna-Lena", "McKay", "José", or an
    initial ("Q.")."""
    if len(word.rstrip(".")) == 1:
        return word[0].isalpha() and word[0].isupper()
    parts = re.split(r"['’-]", word)
    if not all(part.isalpha() for part in parts) or not word[0].isupper():
        return False
    return word.isupper() or all(part[:1].isupper() or part.islower() for part in parts)


def _name_line(lines: list[str], taxonomy: Taxonomy) -> str | None:
    """The person's name when the first non-empty line (or its first part before a bar or a
    dash: "Jordan Lee | jordan@…") is plainly one: two to four capitalised words (name
    particles such as "van" aside), no digits or symbols, no heading, label, placeholder
    ("[NAME REDACTED]"), job title, skill or place. Anything less clear gives None."""
    top = [ln.strip() for ln in lines if ln.strip()][:2]
    first = top[0] if top else ""
    if _DOC_HEADING.fullmatch(first) and len(top) > 1:
        first = top[1]  # "Curriculum Vitae" above the name
    if not first or len(first) > 120:
        return None
    first = _NAME_LABEL.sub("", first)
    part = _HEADER_SPLIT.split(first, maxsplit=1)[0].strip()
    part = _HONORIFIC.sub("", part)  # a title of address is no part of the name to show
    if _PLACEHOLDER.search(part) or part.lower() in _PLACEHOLDER_NAMES:
        return None  # "XXXX XXXX", "John Doe": a redaction or a template, not a person
    words = part.split()
    if not 2 <= len([w for w in words if w not in _NAME_PARTICLES]) <= 4:
        return None
    if not all(w in _NAME_PARTICLES or _is_name_word(w) for w in words):
        return None
    if sum(1 for w in words if len(w.rstrip(".")) == 1) > 1 or len(words[0].rstrip(".")) == 1:
        return None  # an initial only beside a given name: "Jane Q. Smith", not "J. Smith"
    lowered = {w.lower().strip(".'’") for w in words}
    if lowered & _NOT_NAME_WORDS or _section(part) is not None:
        return None
    if taxonomy.find_titles(part) or taxonomy.seniority_in_title(part):
        return None
    if taxonomy.find_skills(part) or _is_place(part) or degree_level(part):
        return None
    if _is_place(words[-1]):
        return None  # "Mumbai India": a place line, not a person ("Georgia Smith" is one)
    return part


_LOCATION_LABEL = re.compile(
    r"^\s*(?:location|address|based\s+in|city|residence|current\s+location)\s*[:\-–]?\s*",
    re.IGNORECASE,
)
_CITY = re.compile(r"[A-Z][A-Za-z.'’-]*(?:\s+[A-Za-z][A-Za-z.'’-]*){0,3}")
_ZIP = re.compile(r"\s+\d{4,6}(?:-\d{4})?$")


def _header_location(
    lines: list[str], as_of: date, taxonomy: Taxonomy, name: str | None
) -> str | None:
    """A "City, ST" / "City, Country" (or "City, Region, Country") written in the resume's
    header: the top lines before the first section or dated line, alone or between bars.
    The last part must be a region or country the gazetteer knows; the city is quoted as
    written, never looked up or completed."""
    seen = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > 8 or _section(line) is not None or find_date_ranges(line, as_of):
            break
        for segment in _HEADER_SPLIT.split(line):
            found = _city_region(_LOCATION_LABEL.sub("", segment).strip(), taxonomy, name)
            if found:
                return found
    return None


def _city_region(segment: str, taxonomy: Taxonomy, name: str | None) -> str | None:
    segment = _ZIP.sub("", segment.strip(" .;"))
    pieces = [p.strip() for p in segment.split(",")]
    if not 2 <= len(pieces) <= 3 or EMAIL_RE.search(segment) or any(not p for p in pieces):
        return None
    last = pieces[-1]
    if not _is_place(last) or (len(last) == 2 and last.lower() not in {*US_STATES, "uk"}):
        return None  # two letters: a US state or "UK"; "IT" or "HR" is a department here

    def city_like(piece: str) -> bool:
        return (
            bool(_CITY.fullmatch(piece))
            and piece != name
            and _team_words(piece, taxonomy) is None  # "Sales", "Data Platform"
            and not taxonomy.find_titles(piece)
            and not taxonomy.seniority_in_title(piece)
            and not any(w.lower() in _COMPANY_SUFFIXES for w in piece.split())
        )

    if all(city_like(p) or _is_place(p) for p in pieces[:-1]):
        return ", ".join(pieces)
    return None


_SUMMARY_MAX = 100
_SUMMARY_HEADING = re.compile(
    r"\s*(?:professional\s+|career\s+|executive\s+|personal\s+)?"
    r"(?:summary|profile|objective|about(?:\s+me)?)\s*:?\s*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[a-z0-9)][.!?](?:\s|$)")


def _summary_line(lines: list[str], as_of: date) -> str | None:
    """The opening summary sentence, for display when the resume names no title: the first
    line under a Summary / Profile / Objective heading in the top lines, or a first line that
    reads as a sentence. Shortened to its first sentence and at most about 100 characters,
    cut at a word ("…"); never reworded."""
    stripped = [ln.strip() for ln in lines if ln.strip()][:12]
    candidates: list[tuple[str, bool]] = []  # (line, under a summary heading)
    for i, line in enumerate(stripped):
        if _SUMMARY_HEADING.fullmatch(line) and i + 1 < len(stripped):
            candidates.append((stripped[i + 1], True))
            break
    if stripped:
        candidates.append((stripped[0], False))
    for line, headed in candidates:
        line = _BULLET.sub("", line)
        if not headed and not _SENTENCE_END.search(line):
            continue  # an unheaded first line must read as a sentence, full stop and all
        words = line.split()
        lower = sum(1 for w in words if w[:1].islower())
        if (
            len(words) < 5
            or lower < 0.5 * len(words)
            or EMAIL_RE.search(line)
            or URL_RE.search(line)
            or ":" in line[:30]
            or "•" in line
            or _section(line) is not None
            or find_date_ranges(line, as_of)
        ):
            continue
        end = _SENTENCE_END.search(line)
        sentence = (line[: end.start() + 2] if end else line).strip()
        if len(sentence) > _SUMMARY_MAX:
            cut = sentence[: _SUMMARY_MAX - 1]
            sentence = cut[: cut.rfind(" ")].rstrip(" ,;:-–") + "…" if " " in cut else cut + "…"
        return sentence
    return None
