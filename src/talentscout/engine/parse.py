"""Profile → ParsedProfile: the facts the scorer and the explainer read.

Input is a JSON Resume object, optionally with ``resumeText`` (free text; a profile may be only
that). Every skill is found by the taxonomy's one compiled matcher, field by field, so each piece
of evidence is an exact quote with the field it came from. Dates resolve against an explicit
``as_of`` (the service passes the import date): parsing never reads the clock.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from talentscout.engine.dates import (
    MonthDate,
    duration_text,
    months_between,
    parse_date,
    stated_years,
    union_months,
)
from talentscout.engine.location import parse_place
from talentscout.engine.profile import Education, Evidence, ParsedProfile, Role
from talentscout.engine.resume import TextRole, parse_resume_text
from talentscout.engine.resume_degrees import DEGREE_RANK, degree_level
from talentscout.engine.resume_header import read_header
from talentscout.engine.resume_lines import EMAIL_RE, URL_RE
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy, typical_share
from talentscout.engine.text import neutralize, one_line, snippet

#: The person says they would move for a job ("open to relocation", "willing to relocate").
RELOCATE_RE = re.compile(
    r"\b(?:open|willing|happy|ready|available)\s+(?:to|for)\s+relocat|"
    r"\brelocation\s*:\s*(?:yes|open|possible)|\bcan relocate\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|no longer|unable|cannot|can't|won't)\W+(?:\w+\W+)?$", re.I)


def open_to_relocation(text: str) -> bool:
    """Said and not negated ("not open to relocation", "I am not willing to relocate")."""
    return any(
        not _NEGATED.search(text[max(0, m.start() - 30) : m.start()])
        for m in RELOCATE_RE.finditer(text)
    )


__all__ = ["REFERENCE_DATE", "Evidence", "ParsedProfile", "Role", "parse_profile"]

# Used only when a caller gives no ``as_of``: a fixed day keeps parsing deterministic.
REFERENCE_DATE = date(2026, 1, 1)
# Bump when a change to the parser changes what it reads out of a profile: stored parses made by
# another version are re-parsed (when scored, and by the worker's start-up reindex).
PARSER_VERSION = 6


def parse_version(taxonomy: Taxonomy | None = None) -> str:
    """What stored facts are current against: the taxonomy version and the parser's."""
    return f"{(taxonomy or default_taxonomy()).version}/parser-{PARSER_VERSION}"


MAX_EVIDENCE = 3
_SOURCE_WEIGHT = {"skills": 1.0, "headline": 1.5, "summary": 1.0, "resume": 1.0, "projects": 0.8}


def _str(value: Any) -> str | None:
    return one_line(value) or None if isinstance(value, str) else None


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


class _Collector:
    """Accumulates skill mentions with evidence and a strength per canonical skill."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.strength: dict[str, float] = {}
        self.first: dict[str, int] = {}
        self.evidence: dict[str, list[Evidence]] = {}
        self.order = 0

    def scan(self, text: str, source: str, weight: float, *, structured: bool = False) -> list[str]:
        found: list[str] = []
        for m in self.taxonomy.find_skills(text, structured=structured):
            self.order += 1
            self.first.setdefault(m.value, self.order)
            self.strength[m.value] = self.strength.get(m.value, 0.0) + weight
            quote = m.text if structured else snippet(text, m.start, m.end)
            items = self.evidence.setdefault(m.value, [])
            if len(items) < MAX_EVIDENCE and all(e.text != quote for e in items):
                items.append(Evidence(quote, source, m.text))
            if m.value not in found:
                found.append(m.value)
        return found

    def ranked(self) -> list[str]:
        return sorted(self.strength, key=lambda s: (-self.strength[s], self.first[s], s))


def _role_from_work(item: Mapping[str, Any], as_of: date, col: _Collector, recency: float) -> Role:
    title = _str(item.get("position"))
    company = _str(item.get("name")) or _str(item.get("company"))
    start = parse_date(str(item.get("startDate") or ""), as_of)
    end_raw = str(item.get("endDate") or "").strip()
    current = start is not None and (not end_raw or parse_date(end_raw, as_of) is None)
    end = MonthDate.of(as_of) if current else parse_date(end_raw, as_of)
    if end_raw and end is not None and end.index >= MonthDate.of(as_of).index:
        end, current = MonthDate.of(as_of), True
    months = months_between(start, end) if start and end else 0
    highlights = tuple(h for h in (_str(x) for x in _list(item.get("highlights"))) if h)
    description = str(item.get("summary") or item.get("description") or "").strip()
    role = Role(title, company, None, None, current, months, None)
    source = role.source
    skills: list[str] = []
    for text in [title or "", description, *highlights]:
        for s in col.scan(text, source, 1.5 * recency):
            if s not in skills:
                skills.append(s)
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
        family=_family_of(title, col.taxonomy),
    )


def _family_of(title: str | None, taxonomy: Taxonomy) -> str | None:
    family = taxonomy.family_for_title(title) if title else None
    return family.id if family else None


def _interval(role: Role) -> tuple[int, int] | None:
    if not role.start or not role.end:
        return None
    start = parse_date(role.start, REFERENCE_DATE)
    end = parse_date(role.end, REFERENCE_DATE)
    if start is None or end is None:
        return None
    return start.index, start.index + months_between(start, end)


def _sort_roles(roles: Sequence[Role]) -> list[Role]:
    def key(item: tuple[int, Role]) -> tuple[int, int, int]:
        index, role = item
        span = _interval(role)
        return (0 if role.current else 1, -(span[1] if span else -1), index)

    return [r for _, r in sorted(enumerate(roles), key=key)]


def _role_from_text(role: TextRole, taxonomy: Taxonomy) -> Role:
    """A Role from a free-text block. A block without a title line ("company - X" exports)
    takes the first job title named early in its description ("Worked as a Sales Manager")."""
    if role.title is None:
        named = taxonomy.find_titles(role.description[:300])
        if named:
            role.title = named[0].text
    skills = dict.fromkeys(
        m.value for m in taxonomy.find_skills(f"{role.title or ''}\n{role.description}")
    )
    dates = role.dates
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
        family=_family_of(role.title, taxonomy),
    )


def _education(profile: Mapping[str, Any], as_of: date) -> list[Education]:
    out: list[Education] = []
    for item in _list(profile.get("education")):
        if not isinstance(item, Mapping):
            continue
        degree = _str(item.get("studyType"))
        area = _str(item.get("area"))
        start = parse_date(str(item.get("startDate") or ""), as_of)
        end = parse_date(str(item.get("endDate") or ""), as_of)
        out.append(
            Education(
                institution=_str(item.get("institution")),
                area=area,
                degree=degree,
                level=degree_level(degree or "") or degree_level(area or ""),
                start=start.iso() if start else None,
                end=end.iso() if end else None,
            )
        )
    return out


def _seniority(
    taxonomy: Taxonomy, titles: Sequence[str | None], years: float
) -> tuple[str | None, bool]:
    """The level a title names, else the one the years reach; and whether it came from years."""
    for title in titles:
        if title and (level := taxonomy.seniority_in_title(title)):
            return level.level, False
    by_years = taxonomy.seniority_for_years(years) if years > 0 else None
    return (by_years.level, True) if by_years else (None, False)


def _family_scores(
    taxonomy: Taxonomy,
    roles: Sequence[Role],
    headline: str | None,
    texts: Sequence[tuple[str, str]],
    col: _Collector,
) -> tuple[dict[str, float], dict[str, tuple[Evidence, ...]]]:
    """Evidence per title family, 0–1: role titles (recent ones most), the headline, mentions in
    free text, and how many of the family's typical skills the profile shows; with quotes."""
    raw: dict[str, float] = {}
    quotes: dict[str, list[Evidence]] = {}

    def add(family: str, value: float, quote: Evidence | None = None) -> None:
        raw[family] = raw.get(family, 0.0) + value
        items = quotes.setdefault(family, [])
        if quote and len(items) < MAX_EVIDENCE and all(q.text != quote.text for q in items):
            items.append(quote)

    for i, role in enumerate(roles[:6]):
        for m in taxonomy.find_titles(role.title or ""):
            add(m.value, 3.0 * 0.8**i, Evidence(role.title or m.text, role.source, m.text))
    for m in taxonomy.find_titles(headline or ""):
        add(m.value, 3.0, Evidence(headline or m.text, "headline", m.text))
    mentions: dict[str, int] = {}
    for text, source in texts:
        for m in taxonomy.find_titles(text):
            mentions[m.value] = mentions.get(m.value, 0) + 1
            if mentions[m.value] <= 4:
                add(m.value, 0.75, Evidence(snippet(text, m.start, m.end), source, m.text))
            else:
                add(m.value, 0.0)
    have = set(col.strength)
    for family, typical in taxonomy.family_skill_sets.items():
        if (share := typical_share(have, typical)) > 0:
            add(family, 1.5 * share)
    top = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    scores = {f: round(min(1.0, v / 4.0), 3) for f, v in top if v >= 0.4}
    return scores, {f: tuple(quotes[f]) for f in sorted(scores) if quotes.get(f)}


def parse_profile(
    profile: Mapping[str, Any], *, as_of: date | None = None, taxonomy: Taxonomy | None = None
) -> ParsedProfile:
    """Structured facts of one profile. ``as_of`` resolves "Present" (default REFERENCE_DATE)."""
    tax = taxonomy or default_taxonomy()
    today = as_of or REFERENCE_DATE
    basics = profile.get("basics") if isinstance(profile.get("basics"), Mapping) else {}
    assert isinstance(basics, Mapping)
    col = _Collector(tax)
    name = _str(basics.get("name"))
    label = _str(basics.get("label"))
    summary = str(basics.get("summary") or "").strip()
    resume_text = str(profile.get("resumeText") or "").strip()
    if label:
        col.scan(label, "headline", _SOURCE_WEIGHT["headline"])
    if summary:
        col.scan(summary, "summary", _SOURCE_WEIGHT["summary"])
    work = [w for w in _list(profile.get("work")) if isinstance(w, Mapping)]
    roles = [_role_from_work(w, today, col, 1.0 if i == 0 else 0.8) for i, w in enumerate(work)]
    skill_texts: list[str] = []
    for item in _list(profile.get("skills")):
        if not isinstance(item, Mapping):
            continue
        for text in [_str(item.get("name")), *(_str(k) for k in _list(item.get("keywords")))]:
            if text:
                skill_texts.append(text)
                col.scan(text, "skills", _SOURCE_WEIGHT["skills"], structured=True)
    extra: list[str] = []
    in_use: set[str] = set()  # skills that work or a project shows being used
    for key in ("projects", "certificates", "awards", "volunteer", "publications"):
        for item in _list(profile.get(key)):
            if isinstance(item, Mapping):
                parts = [_str(item.get(k)) for k in ("name", "title", "summary", "description")]
                parts += [_str(h) for h in _list(item.get("highlights"))]
                text = " ".join(p for p in parts if p)
                if text:
                    extra.append(text)
                    found = col.scan(text, "projects", _SOURCE_WEIGHT["projects"])
                    if key in ("projects", "volunteer"):
                        in_use.update(found)
    education = _education(profile, today)
    structured = bool(education)
    emails = [e for e in [_str(basics.get("email"))] if e]
    links = [u for u in [_str(basics.get("url"))] if u]
    links += [
        u
        for p in _list(basics.get("profiles"))
        if isinstance(p, Mapping) and (u := _str(p.get("url")))
    ]
    headline = label
    title_line = label  # a job title stated as such: it also counts as title evidence
    text_place: str | None = None
    claims = [(c, "summary") for c in [stated_years(summary)] if c]
    skill_months = 0
    if resume_text:
        facts = parse_resume_text(resume_text, today, tax)
        header = read_header(resume_text, today, tax)
        col.scan(resume_text, "resume", _SOURCE_WEIGHT["resume"])
        emails += facts.emails
        links += facts.links
        title_line = title_line or header.headline
        headline = headline or header.headline or header.summary
        name = name or header.name
        text_place = header.location
        skill_months = facts.skill_months
        if facts.project_lines:
            in_use.update(m.value for m in tax.find_skills("\n".join(facts.project_lines)))
        claims += [(c, "resume") for c in [stated_years(resume_text)] if c]
        if not roles:
            roles = [_role_from_text(r, tax) for r in facts.roles]
        if not education:
            education = [
                Education(
                    institution=d.institution,
                    area=d.area,
                    degree=d.degree,
                    level=d.level,
                    start=d.dates.start.iso() if d.dates else None,
                    end=d.dates.end.iso() if d.dates and not d.dates.current else None,
                )
                for d in facts.degrees
            ]
    roles = _sort_roles(roles)
    # A role's skills are in use, and so is the skill its title is named after: a "Software
    # Engineer" practises Software Engineering, whether or not the phrase is written.
    in_use.update(s for r in roles for s in r.skills)
    in_use.update(s for r in roles for s in tax.family_named_skills.get(r.family or "", ()))
    spans = [s for r in roles if (s := _interval(r))]
    total = union_months(spans) / 12.0
    claim = max(claims, key=lambda c: c[0][0], default=None)
    if claim is not None and claim[0][0] > total:
        total = claim[0][0]
    years_evidence = [Evidence(claim[0][1], claim[1], claim[0][1])] if claim else []
    for role in roles[:3]:
        if role.title and role.duration:
            years_evidence.append(Evidence(role.title, role.source, role.duration))
    if total == 0.0 and skill_months:
        total = skill_months / 12.0
    current = next((r for r in roles if r.current), roles[0] if roles else None)
    titles = [r.title for r in roles if r.title]
    seniority, seniority_from_years = _seniority(
        tax, [current.title if current else None, title_line], total
    )
    family_scores, title_evidence = _family_scores(
        tax,
        roles,
        title_line,
        [(summary, "summary"), (resume_text, "resume"), *((x, "projects") for x in extra)],
        col,
    )
    title_family = (
        max(family_scores, key=lambda f: (family_scores[f], f)) if family_scores else None
    )
    location = basics.get("location") if isinstance(basics.get("location"), Mapping) else {}
    assert isinstance(location, Mapping)
    place = parse_place(
        _str(location.get("address")) if not location.get("city") else None,
        [_str(location.get("city")), _str(location.get("region"))],
        _str(location.get("countryCode")),
    ) or parse_place(text_place)
    skills = col.ranked()
    # Roles read out of resumeText are already in it: add only structured work entries.
    work_text = [f"{r.title or ''} {r.company or ''} {r.description} " + " ".join(r.highlights)
                 for r in roles] if work else []  # fmt: skip
    # Likewise degrees: only structured education entries (text ones are quoted from it).
    education_text = [f"{e.degree or ''} {e.area or ''}" for e in education] if structured else []
    text_parts = [title_line or "", summary, *work_text, " ".join(skill_texts), *extra,
                  " ".join(education_text), resume_text, " ".join(skills)]  # fmt: skip
    families_named = [
        fam.name for f, v in family_scores.items() if v >= 0.5 and (fam := tax.family(f))
    ]
    return ParsedProfile(
        name=name,
        headline=headline,
        location=place.text if place else None,
        current_company=current.company if current else None,
        current_role=current.title if current else None,
        emails=tuple(dict.fromkeys(e.lower() for e in emails if EMAIL_RE.fullmatch(e))),
        links=tuple(dict.fromkeys(u for u in links if URL_RE.match(u) or u.startswith("http"))),
        skills=tuple(skills),
        skill_evidence={k: tuple(v) for k, v in sorted(col.evidence.items())},
        roles=tuple(roles),
        education=tuple(education),
        total_years=round(total, 2),
        seniority=seniority,
        seniority_rank=lvl.rank if (lvl := tax.seniority_level(seniority)) else None,
        title_family=title_family,
        search_text=neutralize(" ".join([*text_parts, *families_named]), name),
        country=sorted(place.countries)[0] if place and len(place.countries) == 1 else None,
        location_terms=tuple(sorted(place.terms)) if place else (),
        remote=bool(place and place.policy == "remote"),
        relocate=open_to_relocation(" ".join([summary, resume_text, *extra])),
        titles=tuple(dict.fromkeys(titles)),
        family_scores=family_scores,
        education_level=max(
            (e.level for e in education if e.level), key=lambda lv: DEGREE_RANK[lv], default=None
        ),
        title_evidence=title_evidence,
        years_evidence=tuple(years_evidence),
        languages=tuple(
            lang
            for item in _list(profile.get("languages"))
            if isinstance(item, Mapping)
            if (lang := _str(item.get("language")))
        ),
        taxonomy_version=parse_version(tax),
        seniority_from_years=seniority_from_years,
        skills_in_use=tax.with_broader(in_use),
    )
