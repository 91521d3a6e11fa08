"""Who the person is, from a free-text resume's header lines: name, headline, location and a
one-sentence summary. Read apart from the roles (resume.py) because a wrong name or place costs
trust: every reader here returns None unless the line is plain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from talentscout.engine import places
from talentscout.engine.dates import find_date_ranges
from talentscout.engine.places import REGION_CODES, US_STATES
from talentscout.engine.resume_degrees import degree_level
from talentscout.engine.resume_lines import (
    BULLET,
    COMPANY_SUFFIXES,
    EMAIL_RE,
    URL_RE,
    clean_piece,
    is_contact,
    is_place,
    resume_lines,
    section_of,
    team_words,
)
from talentscout.engine.taxonomy import Taxonomy


@dataclass(frozen=True)
class ResumeHeader:
    name: str | None  # the first line, when it is plainly a person's name
    headline: str | None  # a job-title line of the resume ("Senior Data Engineer")
    location: str | None  # "Austin, TX" / "Berlin, Germany" in the header lines
    summary: str | None  # the opening summary sentence, shortened (display headline)


def read_header(text: str, as_of: date, taxonomy: Taxonomy) -> ResumeHeader:
    lines = resume_lines(text)
    name = _name_line(lines, taxonomy)
    return ResumeHeader(
        name=_as_written_in_prose(name) if name else None,
        headline=_headline(lines, taxonomy, name, as_of),
        location=_header_location(lines, as_of, taxonomy, name),
        summary=_summary_line(lines, as_of),
    )


def _headline(
    lines: list[str], taxonomy: Taxonomy, name: str | None = None, as_of: date | None = None
) -> str | None:
    """The resume's own title: a short line near the top that names a job title, else the
    first standalone *title line* anywhere (a short line that is mostly a job title, as
    exports put between sections). A dated line is a role entry and a bullet work done in
    one, not a headline; the name line's name is left out ("Jordan Lee — Senior Data Engineer"
    → "Senior Data Engineer"), and so are the contact parts of a line with an e-mail address."""

    def _names_title(segment: str) -> bool:
        return not EMAIL_RE.search(segment) and bool(taxonomy.find_titles_in_title(segment))

    stripped = [ln.strip() for ln in lines if ln.strip()]
    for line in stripped[:6]:
        if name and line.startswith(name):
            line = clean_piece(line[len(name) :])
        if EMAIL_RE.search(line):  # "Python Developer | Düsseldorf | lukas@…": its title part
            line = next((seg for seg in _HEADER_SPLIT.split(line) if _names_title(seg)), "")
        if not line or len(line) > 90 or BULLET.match(line):
            continue  # a bullet is work done in a role, not the person's title
        if as_of is not None and find_date_ranges(line, as_of):
            continue
        if taxonomy.find_titles_in_title(line):
            return line
    for line in stripped[6:200]:
        if len(line) > 60 or len(line.split()) > 8 or section_of(line) is not None:
            continue
        found = taxonomy.find_titles_in_title(line)
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


def _as_written_in_prose(name: str) -> str:
    """A name set in capitals on the resume ("KACPER KRAWCZYK") as a shortlist shows names:
    "Kacper Krawczyk", "O'Neil", "Anna-Lena". Any name with a lower-case letter is kept as
    written ("McKay", "van Dijk")."""
    if not name.isupper():
        return name

    def word(m: re.Match[str]) -> str:
        w = m.group().capitalize()
        return "Mc" + w[2:].capitalize() if w.startswith("Mc") and len(w) > 3 else w

    return re.sub(r"[^\W\d_]+", word, name)


def _name_line(lines: list[str], taxonomy: Taxonomy) -> str | None:
    """The person's name when the first non-empty line (or its first part before a bar or a
    dash: "Jordan Lee | jordan@…", or before a comma and a contact: "Jordan Lee, jordan@…")
    is plainly one: two to four capitalised words (name particles such as "van" aside), no
    digits or symbols, no heading, label, placeholder ("[NAME REDACTED]"), job title, skill or
    place. Anything less clear gives None."""
    top = [ln.strip() for ln in lines if ln.strip()][:2]
    first = top[0] if top else ""
    if _DOC_HEADING.fullmatch(first) and len(top) > 1:
        first = top[1]  # "Curriculum Vitae" above the name
    first = _NAME_LABEL.sub("", first)
    part = _HEADER_SPLIT.split(first, maxsplit=1)[0].strip()
    head, comma, tail = part.partition(",")
    if comma and is_contact(tail.strip()):
        part = head.strip()  # "Jane Roe, jane@example.com — …": the line may go on at length
    elif not first or len(first) > 120:
        return None
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
    if lowered & _NOT_NAME_WORDS or section_of(part) is not None:
        return None
    if taxonomy.find_titles(part) or taxonomy.seniority_in_title(part):
        return None
    if taxonomy.find_skills(part) or is_place(part) or degree_level(part):
        return None
    if is_place(words[-1]):
        return None  # "Mumbai India": a place line, not a person ("Georgia Smith" is one)
    return part


_LOCATION_LABEL = re.compile(
    r"^\s*(?:location|address|based\s+in|city|residence|current\s+location)\s*[:\-–]?\s*",
    re.IGNORECASE,
)
# Up to four words of letters, any script's ("Düsseldorf", "São Paulo", "Kraków"); the first
# capitalised (checked apart: a character class cannot say "upper case" beyond ASCII).
_CITY = re.compile(r"(?:[^\W\d_]|[.'’-])+(?:\s+(?:[^\W\d_]|[.'’-])+){0,3}")
_ZIP = re.compile(r"\s+\d{4,6}(?:-\d{4})?$")


def _header_location(
    lines: list[str], as_of: date, taxonomy: Taxonomy, name: str | None
) -> str | None:
    """A "City, ST" / "City, Country" (or "City, Region, Country") written in the resume's
    header: the top lines before the first section or dated line, alone or between bars.
    The last part must be a region or country the gazetteer knows; the city is quoted as
    written, never looked up or completed. Failing that, a segment that is exactly a city the
    gazetteer knows, between separators or on a line of its own below the first ("Hamburg |
    katrin@example.com", "Jane Doe — Hamburg")."""
    seen = 0
    bare: str | None = None
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > 8 or section_of(line) is not None or find_date_ranges(line, as_of):
            break
        segments = _HEADER_SPLIT.split(line)
        for segment in segments:
            segment = _LOCATION_LABEL.sub("", segment).strip()
            found = _city_region(segment, taxonomy, name)
            if found:
                return found
            if bare is None and (len(segments) > 1 or seen > 1):
                bare = _bare_city(segment, taxonomy, name)
    return bare


_TWO_LETTER_PLACES = frozenset({*US_STATES, *(c for c in REGION_CODES if len(c) == 2), "uk"})


def _city_region(segment: str, taxonomy: Taxonomy, name: str | None) -> str | None:
    segment = _ZIP.sub("", segment.strip(" .;"))
    pieces = [p.strip() for p in segment.split(",")]
    if not 2 <= len(pieces) <= 3 or EMAIL_RE.search(segment) or any(not p for p in pieces):
        return None
    last = pieces[-1]
    if not is_place(last) or (len(last) == 2 and last.lower() not in _TWO_LETTER_PLACES):
        return None  # two letters: a US state, a province or "UK"; "IT" or "HR" is a department

    def city_like(piece: str) -> bool:
        return (
            bool(_CITY.fullmatch(piece))
            and piece[:1].isupper()
            and piece != name
            and team_words(piece, taxonomy) is None  # "Sales", "Data Platform"
            and not taxonomy.find_titles(piece)
            and not taxonomy.seniority_in_title(piece)
            and not any(w.lower() in COMPANY_SUFFIXES for w in piece.split())
        )

    if all(city_like(p) or is_place(p) for p in pieces[:-1]):
        return ", ".join(pieces)
    return None


def _bare_city(segment: str, taxonomy: Taxonomy, name: str | None) -> str | None:
    """A header segment that is a city the gazetteer knows and nothing else: capitalised, no
    name, title, skill, team or employer ("Hamburg", "Northampton", "Den Haag")."""
    segment = _ZIP.sub("", segment.strip(" .;"))
    if not segment or not places.cities(places.place_key(segment)):
        return None
    if (
        not _CITY.fullmatch(segment)
        or not segment[:1].isupper()
        or segment == name
        or team_words(segment, taxonomy) is not None
        or taxonomy.find_titles(segment)
        or taxonomy.find_skills(segment)
        or any(
            w.lower() in COMPANY_SUFFIXES or w.lower() in _NOT_NAME_WORDS for w in segment.split()
        )
    ):
        return None
    return segment


_SUMMARY_MAX = 100
_SUMMARY_HEADING = re.compile(
    r"\s*(?:professional\s+|career\s+|executive\s+|personal\s+)?"
    r"(?:summary|profile|objective|about(?:\s+me)?)\s*:?\s*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[a-z0-9)][.!?](?:\s|$)")


_RULE = re.compile(r"(?:[-=_*~.·•—─━═]\s?){3,}")  # a heading's underline: "-----", "- - -"


def _summary_line(lines: list[str], as_of: date) -> str | None:
    """The opening summary sentence, for display when the resume names no title: the first
    line under a Summary / Profile / Objective heading in the top lines, or a first line that
    reads as a sentence. Shortened to its first sentence and at most about 100 characters,
    cut at a word ("…"); never reworded."""
    stripped = [ln.strip() for ln in lines if ln.strip() and not _RULE.fullmatch(ln.strip())][:12]
    candidates: list[tuple[str, bool]] = []  # (line, under a summary heading)
    for i, line in enumerate(stripped):
        if _SUMMARY_HEADING.fullmatch(line) and i + 1 < len(stripped):
            candidates.append((stripped[i + 1], True))
            break
    if stripped:
        candidates.append((stripped[0], False))
    for line, headed in candidates:
        line = BULLET.sub("", line)
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
            or section_of(line) is not None
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
