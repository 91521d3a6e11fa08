"""Pieces of resume lines shared by the role reader (resume.py), the degree reader
(resume_degrees.py) and the header reader (resume_header.py): section headings, bullets, e-mail
addresses and links, separators, team/department words, places, and trimming a piece."""

from __future__ import annotations

import re

from talentscout.engine import places
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
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{6,}\d")


def is_contact(text: str) -> bool:
    """Text that starts with an e-mail address, a link or a phone number."""
    return bool(EMAIL_RE.match(text) or URL_RE.match(text) or _PHONE.match(text))


BULLET = re.compile(r"^\s*(?:[•●▪■◦\-*–]|\d+[.)])\s+")
STRONG_SPLIT = re.compile(r"\s*[|\t]\s*|\s+[-–—]\s+|\s*—\s*|\s{3,}")  # 3+ spaces: columns
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western)(?:[- ]|$))+", re.I
)
COMMA_SPLIT = re.compile(r"\s*[,;]\s*")
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


# Resume-site exports glue the next section's heading to the end of the line before it
# ("Python- Exprience - 6 monthsCompany Details", "…Angular Education Details"); left there, the
# section never starts and the roles below it lose their descriptions. Only those exports'
# headings, capitalised as they write them ("updated employee Personal Details" stays whole).
_GLUED_HEADING = re.compile(
    r"(?<=\S)[ \t]*((?:Company|Education|Skill|Project) Details)[ \t]*$", re.MULTILINE
)


def resume_lines(text: str) -> list[str]:
    """The text's lines, with a glued heading put back on a line of its own."""
    return _GLUED_HEADING.sub(r"\n\1", text).splitlines() or [text]


# German and Dutch headings, as European resumes write them: the section each one opens.
_LOCAL_SECTIONS = {
    "berufserfahrung": "experience", "berufliche erfahrung": "experience",
    "beruflicher werdegang": "experience", "werdegang": "experience",
    "praxiserfahrung": "experience", "werkervaring": "experience",
    "ausbildung": "education", "studium": "education", "bildungsweg": "education",
    "schulbildung": "education", "akademischer werdegang": "education",
    "opleiding": "education", "opleidingen": "education",
    "kenntnisse": "skill", "it-kenntnisse": "skill", "edv-kenntnisse": "skill",
    "fachkenntnisse": "skill", "fähigkeiten": "skill", "kompetenzen": "skill",
    "vaardigheden": "skill", "zertifikate": "certif", "zertifizierungen": "certif",
    "weiterbildung": "certif", "weiterbildungen": "certif", "fortbildungen": "certif",
    "certificaten": "certif", "projekte": "project", "sprachen": "other",
    "sprachkenntnisse": "other", "talen": "other", "interessen": "other", "hobbys": "other",
}  # fmt: skip


def section_of(line: str) -> str | None:
    local = _LOCAL_SECTIONS.get(line.strip().rstrip(":").strip().lower())
    if local is not None:
        return local
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
    place = parse_place(_DIRECTION.sub("", piece), infer_country=False)
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


def without_glued_city(name: str, countries: frozenset[str]) -> str:
    """An employer's or institution's name without the city glued after it, where the
    gazetteer knows that city in the country the place after it names ("HSBC Guangzhou,
    China", "Boston Scientific Marlborough, MA"): the longest such ending of up to three words
    goes, never the whole name."""
    words = name.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        city = " ".join(words[-n:])
        if city[:1].isupper() and any(
            c.country in countries for c in places.cities(places.place_key(city))
        ):
            return " ".join(words[:-n])
    return name


_NAME_JOINERS = frozenset({"of", "at", "in", "de", "du", "der", "di", "the", "and", "for"})


def without_glued_place(name: str) -> str:
    """An institution's name without the place glued after it: "Hong Kong Baptist University
    China", "Virginia Commonwealth University Richmond, VA". A place that ends the name stays
    ("University of Ghana", "National University of Singapore")."""
    pieces = COMMA_SPLIT.split(name)
    place = None
    while len(pieces) > 1 and is_place(pieces[-1]):
        place = parse_place(pieces.pop(), infer_country=False)
    head = ", ".join(pieces)
    if place is not None:
        return clean_piece(without_glued_city(head, place.countries))
    words = head.split()
    for n in (2, 1):
        if len(words) > n + 1 and words[-n - 1].lower() not in _NAME_JOINERS:
            tail = " ".join(words[-n:])
            if tail[:1].isupper() and is_place(tail):
                return " ".join(words[:-n])
    return head
