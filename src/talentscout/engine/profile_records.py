"""Records of a profile's parts: roles from JSON Resume work entries and from free-text blocks
(in most-recent-first order), education entries, and the collector that canonicalises skill
mentions with their quoted evidence. parse.py assembles them into a ParsedProfile."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from talentscout.engine.dates import (
    MonthDate,
    date_problem,
    duration_text,
    months_between,
    parse_date,
)
from talentscout.engine.location import iso_country, parse_place
from talentscout.engine.places import COUNTRY_NAMES
from talentscout.engine.profile import Education, Evidence, Role
from talentscout.engine.resume import TextRole
from talentscout.engine.resume_degrees import degree_level
from talentscout.engine.role_skills import line_starts, named_in_passing, skills_per_line
from talentscout.engine.taxonomy import Taxonomy, field_of
from talentscout.engine.text import one_line, snippet

MAX_EVIDENCE = 5
SOURCE_WEIGHT = {"skills": 1.0, "headline": 1.5, "summary": 1.0, "resume": 1.0, "projects": 0.8}


def text_value(value: Any) -> str | None:
    return one_line(value) or None if isinstance(value, str) else None


def list_value(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


class SkillCollector:
    """Accumulates skill mentions with evidence and a strength per canonical skill."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.strength: dict[str, float] = {}
        self.first: dict[str, int] = {}
        self.evidence: dict[str, list[Evidence]] = {}
        self.order = 0

    def scan(self, text: str, source: str, weight: float, *, structured: bool = False) -> list[str]:
        return list(dict.fromkeys(s for s, _ in self.scan_at(text, source, weight, structured)))

    def scan_at(
        self, text: str, source: str, weight: float, structured: bool = False
    ) -> list[tuple[str, int]]:
        """Each mention in ``text`` as (skill, offset), recording it as ``scan`` does."""
        found: list[tuple[str, int]] = []
        for m in self.taxonomy.find_skills(text, structured=structured):
            self.order += 1
            self.first.setdefault(m.value, self.order)
            self.strength[m.value] = self.strength.get(m.value, 0.0) + weight
            quote = m.text if structured else snippet(text, m.start, m.end)
            items = self.evidence.setdefault(m.value, [])
            if len(items) < MAX_EVIDENCE and all(e.text != quote for e in items):
                items.append(Evidence(quote, source, m.text))
            found.append((m.value, m.start))
        return found

    def ranked(self) -> list[str]:
        return sorted(self.strength, key=lambda s: (-self.strength[s], self.first[s], s))


def role_from_work(
    item: Mapping[str, Any], as_of: date, col: SkillCollector, recency: float
) -> Role:
    title = text_value(item.get("position"))
    company = text_value(item.get("name")) or text_value(item.get("company"))
    start = parse_date(str(item.get("startDate") or ""), as_of)
    end_raw = str(item.get("endDate") or "").strip()
    # No end date: ongoing. An end date that is written but unreadable ("soon", "2020-13")
    # leaves the span unknown, as an unreadable start does: it counts no months, never up
    # to today.
    current = start is not None and not end_raw
    end = MonthDate.of(as_of) if current else parse_date(end_raw, as_of)
    if end_raw and end is not None and end.index >= MonthDate.of(as_of).index:
        end, current = MonthDate.of(as_of), True
    months = months_between(start, end) if start and end else 0
    highlights = tuple(h for h in (text_value(x) for x in list_value(item.get("highlights"))) if h)
    description = str(item.get("summary") or item.get("description") or "").strip()
    role = Role(title, company, None, None, current, months, None)
    source = role.source
    skills: list[str] = []
    lines: list[set[str]] = []  # the description's lines, then one per highlight
    for i, text in enumerate([title or "", description, *highlights]):
        found = col.scan_at(text, source, 1.5 * recency)
        skills.extend(s for s, _ in found if s not in skills)
        if i and text:
            lines.extend(skills_per_line(text, line_starts(text), found))
    family, field = family_of(title, col.taxonomy)
    passing = named_in_passing(lines, family, col.taxonomy)
    return Role(
        title=title,
        company=company,
        start=start.iso() if start else None,
        end=end.iso() if end else None,
        current=current,
        months=months,
        duration=duration_text(months) if start and end else None,
        highlights=highlights,
        description=description,
        skills=tuple(skills),
        family=family,
        field=field,
        passing=passing,
    )


def family_of(title: str | None, taxonomy: Taxonomy) -> tuple[str | None, str | None]:
    """A role's title family and the field of work it belongs to."""
    family = taxonomy.family_for_title(title) if title else None
    return (family.id, field_of(family.category)) if family else (None, None)


def sort_roles(roles: Sequence[Role]) -> list[Role]:
    def key(item: tuple[int, Role]) -> tuple[int, int, int]:
        index, role = item
        span = role.interval
        return (0 if role.current else 1, -(span[1] if span else -1), index)

    return [r for _, r in sorted(enumerate(roles), key=key)]


# What introduces a job title in a sentence, up to two words before it: "Worked as a RPA
# Business Analyst", "I'm a Java Developer", "Role: Senior Tester", or a line's first words
# ("Sr. Software Engineer on…"); "as per the doctor's reference", "as well as the Project
# Manager" and "The Project Manager approved…" name none.
_TITLE_CUE = re.compile(
    r"(?:^\W*"
    r"|\bi(?:\s+am|'m|\s+was)(?:\s+an?|\s+the)?\s+"
    r"|(?<!\bwell\s)(?<!\bsuch\s)(?<!\bsame\s)"
    r"\bas(?!\s+(?:per|well|such|soon|far|part|of|if|to|for|in)\b)(?:\s+an?|\s+the)?\s+"
    r"|\b(?:role|position|designation|title)\s*(?:of|as|:|-)(?:\s*an?)?\s*"
    r")(?:(?!(?:the|a|an|our|my|their|his|her|its)\b)[\w/&.-]+\s+){0,2}$",  # "Sr. Software"
    re.I,
)


def _introduced(text: str, at: int) -> bool:
    """A title at ``at`` is introduced by a cue before it, or opens one of the first two lines
    (the title under a block's dates), not any later line ("Project Manager signed off…")."""
    line = text.rfind("\n", 0, at) + 1
    if _TITLE_CUE.search(text[:at]):
        return True
    return text.count("\n", 0, at) <= 1 and bool(_TITLE_CUE.search(text[line:at]))


def role_from_text(role: TextRole, taxonomy: Taxonomy) -> Role:
    """A Role from a free-text block. A block without a title line ("company - X" exports)
    takes the first job title its description introduces early on ("Worked as a Sales
    Manager", ``_TITLE_CUE``)."""
    if role.title is None:
        text = role.description[:300]
        named = [m for m in taxonomy.find_titles(text) if _introduced(text, m.start)]
        if named:
            role.title = named[0].text
    head = f"{role.title or ''}\n"
    matches = taxonomy.find_skills(head + role.description)
    skills = dict.fromkeys(m.value for m in matches)
    dates = role.dates
    family, field = family_of(role.title, taxonomy)
    starts = line_starts(role.description)
    in_text = ((m.value, m.start - len(head)) for m in matches if m.start >= len(head))
    passing = named_in_passing(skills_per_line(role.description, starts, in_text), family, taxonomy)
    return Role(
        title=role.title,
        company=role.company,
        start=dates.start.iso() if dates else None,
        end=dates.end.iso() if dates else None,
        current=bool(dates and dates.current),
        months=dates.months if dates else 0,
        duration=role.duration,
        highlights=tuple(role.highlights),
        description=role.description,
        skills=tuple(skills),
        family=family,
        field=field,
        passing=passing,
    )


def _key(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def _same_role(entry: Role, found: Role) -> bool:
    """The same job: the same employer, or the same title where either names no employer."""
    if entry.company and found.company:
        return _key(entry.company) == _key(found.company)
    return bool(entry.title) and _key(entry.title) == _key(found.title)


def with_text_roles(work: Sequence[Role], found: Sequence[Role]) -> list[Role]:
    """A profile's roles from its work entries and the roles ``found`` in its resume text.

    No entries: the text's roles. Entries without dates (a CSV row's company and position)
    beside a text that dates its roles: the text's roles, each merged with the entry for the
    same job (the entry's title, employer and words, the text's dates), then the entries the
    text does not name. Otherwise the entries alone: dates written as fields are never
    overridden by a reading of the text."""
    if not work:
        return list(found)
    if any(r.interval for r in work) or not any(r.interval for r in found):
        return list(work)
    left = list(work)
    out: list[Role] = []
    for role in found:
        entry = next((e for e in left if _same_role(e, role)), None)
        if entry is not None:
            left.remove(entry)
            role = replace(
                role,
                title=entry.title or role.title,
                company=entry.company or role.company,
                description="\n".join(d for d in (entry.description, role.description) if d),
                highlights=(*entry.highlights, *role.highlights),
                skills=tuple(dict.fromkeys((*entry.skills, *role.skills))),
                family=entry.family if entry.title else role.family,
                field=entry.field if entry.title else role.field,
            )
        out.append(role)
    return out + left


def education_from_json(profile: Mapping[str, Any], as_of: date) -> list[Education]:
    out: list[Education] = []
    for item in list_value(profile.get("education")):
        if not isinstance(item, Mapping):
            continue
        degree = text_value(item.get("studyType"))
        area = text_value(item.get("area"))
        start = parse_date(str(item.get("startDate") or ""), as_of)
        end = parse_date(str(item.get("endDate") or ""), as_of)
        out.append(
            Education(
                institution=text_value(item.get("institution")),
                area=area,
                degree=degree,
                level=degree_level(degree or "") or degree_level(area or ""),
                start=start.iso() if start else None,
                end=end.iso() if end else None,
            )
        )
    return out


_DATE_FIELDS = {"startDate": "a start date", "endDate": "an end date"}


def date_warnings(profile: Mapping[str, Any], as_of: date) -> list[tuple[str, str]]:
    """(JSON path, message) for every ``work[]``/``education[]`` date that ``role_from_work``
    and ``education_from_json`` do not read as written, each saying what follows: a role with
    an unreadable start or end counts toward no years; a degree keeps no such date; a date
    read loosely says what it was read as. Empty dates and "Present"-like words are fine."""
    out: list[tuple[str, str]] = []
    for section in ("work", "education"):
        for index, item in enumerate(list_value(profile.get(section))):
            if not isinstance(item, Mapping):
                continue
            for key, which in _DATE_FIELDS.items():
                raw = str(item.get(key) or "")
                problem = date_problem(raw, as_of)
                if problem is None:
                    continue
                if parse_date(raw, as_of) is not None:
                    message = problem  # read loosely: the message says as what
                elif section == "work":
                    message = f"{problem}; this role counts toward no years of experience"
                else:
                    message = f"{problem}; this entry is read without {which}"
                out.append((f"{section}[{index}].{key}", message))
    return out


def location_warnings(profile: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(JSON path, message) for a ``basics.location`` country the location parser cannot place:
    a ``countryCode`` that is neither an ISO code nor a country's name ("Narnia": a job
    anywhere finds the person elsewhere) and a ``country`` (no JSON Resume field; CSV imports
    keep a country they cannot read there), which nothing reads."""
    basics = profile.get("basics")
    location = basics.get("location") if isinstance(basics, Mapping) else None
    if not isinstance(location, Mapping):
        return []
    out: list[tuple[str, str]] = []
    written = location.get("countryCode")
    if isinstance(written, str) and written.strip():
        place = parse_place(None, country_code=written)
        if place is None or not place.countries <= COUNTRY_NAMES.keys():
            message = (
                f"{written!r} is not an ISO 3166-1 alpha-2 country code or a country name: "
                "location matching places this profile in no known country"
            )
            out.append(("basics.location.countryCode", message))
    named = location.get("country")
    if isinstance(named, str) and named.strip():
        known = iso_country(named)
        if known is None:
            message = (
                f"{named!r} is not a country name or code TalentScout knows; it is kept as "
                "written and places this profile in no country"
            )
        else:
            message = f"not read: a profile's country is its countryCode ({known!r} here)"
        out.append(("basics.location.country", message))
    return out
