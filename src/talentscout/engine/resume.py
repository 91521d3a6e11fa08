"""Facts from a free-text resume: roles with dates, degrees, contact points, stated years.
(Who the person is, from the header lines, is read in resume_header.py; one degree line in
resume_degrees.py.)

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
from talentscout.engine.resume_degrees import TextDegree, degree_level, read_degree
from talentscout.engine.resume_lines import (
    BULLET,
    EMAIL_RE,
    URL_RE,
    clean_piece,
    is_place,
    resume_lines,
    section_of,
    without_glued_city,
)
from talentscout.engine.resume_role_line import is_titled, title_company
from talentscout.engine.taxonomy import Taxonomy

_COMPANY_LINE = re.compile(r"^\s*company\s*[-:–]\s*(?P<company>.+)$", re.IGNORECASE)
_DESC_LINE = re.compile(r"^\s*description\s*[-:–]\s*", re.IGNORECASE)
_SKILL_MONTHS = re.compile(r"expe?r[ie]{1,2}nce\s*[-:]\s*(\d{1,3})\s*months?", re.IGNORECASE)
MAX_CLAIMED_MONTHS = 540  # 45 years, as for a stated total (dates.stated_years): more is a typo


@dataclass
class TextRole:
    title: str | None
    company: str | None
    dates: DateRange | None
    lines: list[str] = field(default_factory=list)
    company_line: str = ""  # the line the company was read from, which is no work done

    @property
    def highlights(self) -> list[str]:
        return [BULLET.sub("", ln).strip() for ln in self.lines if BULLET.match(ln)]

    @property
    def description(self) -> str:
        return "\n".join(ln.strip() for ln in self.lines if ln.strip())

    @property
    def duration(self) -> str | None:
        return duration_text(self.dates.months) if self.dates else None


@dataclass
class ResumeFacts:
    roles: list[TextRole]
    degrees: list[TextDegree]
    emails: list[str]
    links: list[str]
    skill_months: int  # the longest "Experience - N months" in a skills table
    skill_months_line: str = ""  # the table line that says so
    project_lines: list[str] = field(default_factory=list)  # the lines of project sections


# "Electronics Engineer - Abacus Electronics Pvt Ltd": a title and the company it was held at,
# on a line of its own (site exports put it above a "company - X" block that names no title).
_TITLE_AT_COMPANY = re.compile(
    r"^(?P<title>[^-–—|@,:;]{3,80}?)\s+(?:[-–—|@]|at)\s+(?P<company>.+)$"
)
_MAX_TITLE_WORDS = 8


def _titles_named_with_company(lines: list[str], roles: list[TextRole]) -> None:
    """Give an untitled role the title a "Title - Company" line names for its company."""
    untitled = {r.company.casefold(): r for r in roles if r.title is None and r.company}
    if not untitled:
        return
    for line in lines:
        m = _TITLE_AT_COMPANY.match(line.strip())
        if m is None or _COMPANY_LINE.match(line) or _DESC_LINE.match(line):
            continue
        role = untitled.pop(without_place(m["company"].strip()).casefold(), None)
        title = m["title"].strip()
        if role is not None and len(title.split()) <= _MAX_TITLE_WORDS:
            role.title = title


def parse_resume_text(
    text: str, as_of: date, taxonomy: Taxonomy, name: str | None = None
) -> ResumeFacts:
    """The text's roles, degrees and contact points. ``name``, the person's name read from the
    header, is never an employer ("Jane Roe — Data Engineer (2019–present)")."""
    lines = _one_role_a_line(resume_lines(text), as_of, taxonomy)
    roles: list[TextRole] = []
    degrees: list[TextDegree] = []
    project_lines: list[str] = []
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
        if section == "project":
            project_lines.append(line)
        if section in (None, "education") or i < 40:
            degree = read_degree(line, above, section == "education", as_of)
            if degree is not None:
                degrees.append(degree)
        if m := _COMPANY_LINE.match(line):
            current = TextRole(None, without_place(m.group("company").strip())[:120] or None, None)
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
            rest, told = _header_and_words(line, rng.span)
            if name and re.match(rf"{re.escape(name)}\b", rest, re.IGNORECASE):
                rest = rest[len(name) :]  # "JANE ROE | Data Engineer, Acme (2019–present)"
            title, company = title_company(rest, taxonomy)
            if current is not None and current.dates is None:
                if in_role_block or (title is None and company is None):
                    current.dates = rng  # the block's dates come after its company line
                    if rest.strip(" :-–|,"):
                        current.lines.append(line)
                    continue
            company_line = ""
            if title is None and company is None:
                title, company = _neighbours(lines, i, taxonomy)
                if current is not None and (title or company):
                    _drop_header_lines(current, lines[max(0, i - 2) : i])
            elif company is None and i + 1 < len(lines):
                company = _next_line_company(lines[i + 1], as_of)
                company_line = lines[i + 1].strip() if company else ""
            current = TextRole(title, company, rng, company_line=company_line)
            current.lines += [told] if told else []
            roles.append(current)
            continue
        if current is not None and section not in ("education", "skill", "project"):
            if line and line not in (current.company, current.company_line):
                current.lines.append(line)
    _titles_named_with_company(lines, roles)
    if roles:
        _end_at_own_section(roles[-1])
    for role in roles:
        if name and role.company and role.company.casefold() == name.casefold():
            role.company = None
    claims = (m for m in _SKILL_MONTHS.finditer(text) if int(m.group(1)) <= MAX_CLAIMED_MONTHS)
    longest = max(claims, key=lambda m: int(m.group(1)), default=None)
    return ResumeFacts(
        roles=roles,
        degrees=degrees,
        emails=list(dict.fromkeys(EMAIL_RE.findall(text))),
        links=list(dict.fromkeys(u.rstrip(".,;") for u in URL_RE.findall(text))),
        skill_months=int(longest.group(1)) if longest else 0,
        skill_months_line=_line_at(text, longest.start()) if longest else "",
        project_lines=project_lines,
    )


_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+(?=[A-Z])")
_HEADER_MAX = 80  # characters from a sentence's start to its dates, for a role's header


def _one_role_a_line(lines: list[str], as_of: date, taxonomy: Taxonomy) -> list[str]:
    """Lines with a line of their own for each sentence that opens with a role's header (a
    job title, in at most 80 characters) and dates: a resume written on one line ("Senior
    Accountant at Siemens Energy (2020–present): … close. Accountant at PwC Germany
    (2016–2020): audits …") starts its next role there."""
    out: list[str] = []
    for line in lines:
        ranges = find_date_ranges(line, as_of)
        cuts = [0]
        for end in _SENTENCE_END.finditer(line) if len(ranges) > 1 else ():
            dates = next((r.span[0] for r in ranges if r.span[0] >= end.end()), None)
            header = line[end.end() : dates] if dates is not None else ""
            if len(header) > _HEADER_MAX or _SENTENCE_END.search(header):
                continue
            if is_titled(header, taxonomy):
                cuts.append(end.end())
        out += [line[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(line)], strict=True)]
    return out


# After a role's dates, a colon (or an ellipsis) ends its header: "Staff Nurse, Charité Berlin
# (2020–present): pediatric ward nursing" names no employer "Charité Berlin: pediatric …".
_WORDS_AFTER = re.compile(r"\s*[)\]]?\s*(?::|…|\.{3})\s*")
_COLON = re.compile(r"(?<=\w)\s*(?::|…|\.{3})\s+(?=\S)")
_LEADS_ON = re.compile(r"\s*[)\]]?\s*(?:[-–—|]|\s{2,}|$)")  # the header goes on after the dates


def _header_and_words(line: str, span: tuple[int, int]) -> tuple[str, str]:
    """A dated role line without its dates: the header text to read a title and employer
    from, and the words about the work written after the dates and a colon ("" when none)."""
    before, after = line[: span[0]], line[span[1] :]
    said = _WORDS_AFTER.match(after)
    if said is not None and clean_piece(before):
        return before, after[said.end() :].strip()
    if said is not None:  # "Since 2016: Head of Group Accounting at X": the header follows
        after = after[said.end() :]
    # "Qonto (2020 – now) — Principal Product Designer: led …": a colon after the header
    colon = _COLON.search(after)
    if (
        colon is not None
        and _LEADS_ON.match(after)
        and ":" not in before  # "Duration: 2016 to 2017. Role: …" is a field list, no header
        and len(before) + colon.start() <= _HEADER_MAX
        and clean_piece(after[: colon.start()])
    ):
        return f"{before} {after[: colon.start()]}", after[colon.end() :].strip()
    return f"{before} {after}", ""


# A line that is a section of its own, heading and content in one ("Skills: Python, Django",
# "Languages: German (native), English"), not work done in a role.
_OWN_SECTION = re.compile(
    r"(?:(?:technical|key|core|soft|it|professional|it-|edv-|fach)\s*)?"
    r"(?:skills?(?:\s+set)?|languages?(?:\s+known)?|certifications?|certificates?|tools|"
    r"interests|hobbies|education|ausbildung|studium|sprachen|sprachkenntnisse|kenntnisse|"
    r"zertifikate|zertifizierungen|weiterbildung(?:en)?)\s*:\s*\S",
    re.IGNORECASE,
)
# A place of study named on a line of its own ("Interaction Design, HTW Berlin (2023)").
_SCHOOL = re.compile(
    r"\b(?:university|universität|universiteit|université|hochschule|fachhochschule|htw|tu|"
    r"fh|eth|epfl|college|business school|academy|akademie|polytechnic)\b",
    re.IGNORECASE,
)
# A line opening with a degree ("BSc Logistics, …", "Master of Science …", "Diplom-Kaufmann"):
# ``degree_level`` also reads "be" and "ms", words of any sentence, and "Master Data …".
_DEGREE = re.compile(
    r"(?:B\.?Sc|M\.?Sc|B\.\s?A\.|M\.\s?A\.|B\.?Eng|M\.?Eng|MBA|Ph\.?D|Dr\.|Diplom\b|"
    r"Diplom-\w+|Magister|Staatsexamen|Abitur|"
    r"(?:Bachelor|Master)(?:'s|s)?\s+(?:of|in|degree)\b)(?!\w)"
)
_DEGREE_LINE_MAX = 100
_JOINERS = frozenset("of in and for the at de der des für und van voor".split())


def _end_at_own_section(role: TextRole) -> None:
    """End the last role's text where a skills, languages, certifications, tools, interests
    or education line begins, or a line naming a degree or a place of study ("BSc Logistics,
    Aston University"): what follows the last role is the resume's own, as such a section
    before the roles is, never work done in that job. Only the last role: between two roles
    such a line lists what that role used (LinkedIn's "Skills: Python · Django" under each
    position). Only a line that is no bullet and no sentence names a degree: "• Partnered
    with Aston University on forecasting" is work done."""
    at_school = bool(role.company and _SCHOOL.search(role.company))
    at = next((i for i, ln in enumerate(role.lines) if _ends_role(ln.strip(), at_school)), None)
    if at is not None:
        del role.lines[at:]


def _ends_role(line: str, at_school: bool) -> bool:
    """``at_school``: the role was held at a university, whose work lines name it."""
    if _OWN_SECTION.match(line):
        return True
    if BULLET.match(line) or len(line) > _DEGREE_LINE_MAX or _SENTENCE_END.search(line):
        return False
    if _DEGREE.match(line):
        return True
    # "Interaction Design, HTW Berlin (2023)": a place of study, then a comma or a year, in
    # capitalised names ("Partnered with Aston University, building …" is work done)
    prose = any(w[0].islower() and w not in _JOINERS for w in re.findall(r"[^\W\d_]+", line))
    return (
        not at_school
        and not prose
        and bool(_SCHOOL.search(line) and re.search(r",|\b\d{4}\b", line))
    )


def _drop_header_lines(role: TextRole, above: list[str]) -> None:
    """The lines above a bare date line that named the next role ("HR Generalist, Otto
    Group" over "2016 – 02/2020") are that role's header, not work done in the one before."""
    header = {ln.strip() for ln in above if ln.strip() and not BULLET.match(ln)}
    while role.lines and role.lines[-1].strip() in header:
        role.lines.pop()


def _line_at(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start : end if end >= 0 else len(text)].strip()


def _next_line_company(line: str, as_of: date) -> str | None:
    nxt = line.strip()
    if not nxt or BULLET.match(nxt) or find_date_ranges(nxt, as_of):
        return None
    if len(nxt) > 90 or section_of(nxt) is not None:
        return None
    return without_place(nxt.strip(" |,"))[:120]


_BRACKETED_TAIL = re.compile(r"\s*[(\[]([^()\[\]]+)[)\]]\s*$")  # "Initech (Austin, TX)"
_SEPARATED_TAIL = re.compile(r"\s+[|–—-]\s+(?!.*\s[|–—-]\s)")  # the last " - ", " | "


def without_place(company: str) -> str:
    """The employer without the place written after it: "Initech, Austin, TX", "Initech
    (Austin, TX)" and "Initech - Austin, TX" → "Initech"; "Acme GmbH, Germany" → "Acme GmbH".
    Only a place the gazetteer knows goes, with the city just before it when another piece is
    left ("Goldman Sachs, New York" keeps "Goldman Sachs"), or glued to the name
    (``without_glued_city``)."""
    stripped = True
    while stripped:  # "Target - Minneapolis, MN (Remote)": one tail after another
        stripped = False
        for tail in (_BRACKETED_TAIL, _SEPARATED_TAIL):
            if (m := tail.search(company)) and company[: m.start()].strip():
                place = m.group(1) if m.groups() else company[m.end() :]
                if is_place(place.strip()):
                    company, stripped = clean_piece(company[: m.start()]), True
    pieces = [p.strip() for p in company.split(",")]
    if len(pieces) < 2 or not is_place(pieces[-1]):
        return company
    place = parse_place(pieces.pop(), infer_country=False)
    while len(pieces) > 1 and is_place(pieces[-1]):
        pieces.pop()  # "Mumbai, Maharashtra, India"
    if len(pieces) > 2 or (len(pieces) == 2 and _city_like(pieces[-1])):
        pieces.pop()
    elif len(pieces) == 1 and place is not None:
        pieces[0] = without_glued_city(pieces[0], place.countries)
    return clean_piece(", ".join(pieces)) or company


def _city_like(piece: str) -> bool:
    words = piece.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words if len(w) > 3)


def _neighbours(lines: list[str], i: int, taxonomy: Taxonomy) -> tuple[str | None, str | None]:
    """Title and company from the line above a bare date line (and the one above that)."""
    above = [ln.strip() for ln in lines[max(0, i - 2) : i] if ln.strip()]
    if not above:
        return None, None
    title, company = title_company(above[-1], taxonomy)
    if company is None and len(above) == 2 and len(above[0]) <= 80 and section_of(above[0]) is None:
        company = without_place(above[0])[:120]
        if not taxonomy.find_titles(above[-1]) and taxonomy.find_titles(above[0]):
            title, company = above[0][:120], without_place(above[-1])[:120]
    return title, company
