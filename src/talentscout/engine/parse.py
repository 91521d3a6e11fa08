"""Profile → ParsedProfile: the facts the scorer and the explainer read.

Input is a JSON Resume object, optionally with ``resumeText`` (free text; a profile may be only
that). Every skill is found by the taxonomy's one compiled matcher, field by field, so each piece
of evidence is an exact quote with the field it came from. Dates resolve against an explicit
``as_of`` (the service passes the import date): parsing never reads the clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from talentscout.engine.dates import stated_years, union_months
from talentscout.engine.language_levels import stated_levels
from talentscout.engine.location import parse_place
from talentscout.engine.profile import Education, Evidence, ParsedProfile, Role
from talentscout.engine.profile_records import (
    MAX_EVIDENCE,
    SOURCE_WEIGHT,
    SkillCollector,
    education_from_json,
    list_value,
    role_from_text,
    role_from_work,
    sort_roles,
    text_value,
    with_text_roles,
)
from talentscout.engine.resume import parse_resume_text
from talentscout.engine.resume_degrees import DEGREE_RANK
from talentscout.engine.resume_header import read_header
from talentscout.engine.resume_lines import EMAIL_RE, URL_RE
from talentscout.engine.role_skills import months_by_skill as skill_months
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy, typical_share
from talentscout.engine.text import bounded_strings, neutralize, snippet

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
PARSER_VERSION = 40


def parse_version(taxonomy: Taxonomy | None = None) -> str:
    """What stored facts are current against: the taxonomy version and the parser's."""
    return f"{(taxonomy or default_taxonomy()).version}/parser-{PARSER_VERSION}"


def _seniority(
    taxonomy: Taxonomy, titles: Sequence[str | None], years: float
) -> tuple[str | None, bool]:
    """The level a title names, else the one the years reach; and whether it came from years."""
    for title in titles:
        if title and (level := taxonomy.seniority_in_title(title)):
            return level.level, False
    by_years = taxonomy.seniority_for_years(years) if years > 0 else None
    return (by_years.level, True) if by_years else (None, False)


# A job title followed by a word for software names a product, not the person's work.
_A_THING = re.compile(
    r"[ -](?:apps?|applications?|tools?|plugins?|plug-ins?|extensions?|portals?|dashboards?|"
    r"modules?|widgets?|components?|bots?|software|engines?)\b",
    re.I,
)


def _family_scores(
    taxonomy: Taxonomy,
    roles: Sequence[Role],
    headline: str | None,
    texts: Sequence[tuple[str, str]],
    col: SkillCollector,
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
        for m in taxonomy.find_titles_in_title(role.title or ""):
            add(m.value, 3.0 * 0.8**i, Evidence(role.title or m.text, role.source, m.text))
    for m in taxonomy.find_titles_in_title(headline or ""):
        add(m.value, 3.0, Evidence(headline or m.text, "headline", m.text))
    mentions: dict[str, int] = {}
    for text, source in texts:
        for m in taxonomy.find_titles(text):
            if _A_THING.match(text, m.end):
                continue  # "a web-based editor app", "the Recruiter Portal": software, no job
            mentions[m.value] = mentions.get(m.value, 0) + 1
            if mentions[m.value] <= 4:
                add(m.value, 0.75, Evidence(snippet(text, m.start, m.end), source, m.text))
            else:
                add(m.value, 0.0)
    have = set(col.strength)
    reached = {f for skill in have for f in taxonomy.families_typical_of.get(skill, ())}
    for family in sorted(reached):
        add(family, 1.5 * typical_share(have, taxonomy.family_skill_sets[family]))
    top = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    scores = {f: round(min(1.0, v / 4.0), 3) for f, v in top if v >= 0.4}
    return scores, {f: tuple(quotes[f]) for f in sorted(scores) if quotes.get(f)}


def parse_profile(
    profile: Mapping[str, Any], *, as_of: date | None = None, taxonomy: Taxonomy | None = None
) -> ParsedProfile:
    """Structured facts of one profile. ``as_of`` resolves "Present" (default REFERENCE_DATE)."""
    tax = taxonomy or default_taxonomy()
    profile = bounded_strings(profile)
    with tax.reading(lambda: _document_parts(profile)):
        return _parse(profile, as_of or REFERENCE_DATE, tax)


_PROSE_SECTIONS = ("work", "projects", "volunteer", "certificates", "awards", "publications")


def _document_parts(profile: Mapping[str, Any]) -> Iterator[tuple[str, bool]]:
    """The parts of a profile the parser reads, as (text, is a skills field): the whole
    profile as context for a mention its own text leaves open. Short fields come first, the
    free text last, so a huge resume text cannot crowd out the skills list."""
    basics = profile.get("basics") if isinstance(profile.get("basics"), Mapping) else {}
    assert isinstance(basics, Mapping)
    for item in list_value(profile.get("skills")):
        if isinstance(item, Mapping):
            for keyword in [item.get("name"), *list_value(item.get("keywords"))]:
                yield text_value(keyword) or "", True
    yield text_value(basics.get("label")) or "", False
    yield str(basics.get("summary") or ""), False
    for section in _PROSE_SECTIONS:
        for item in list_value(profile.get(section)):
            if isinstance(item, Mapping):
                for key in ("position", "name", "title", "summary", "description"):
                    yield text_value(item.get(key)) or "", False
                for line in list_value(item.get("highlights")):
                    yield text_value(line) or "", False
    yield str(profile.get("resumeText") or ""), False


def _parse(profile: Mapping[str, Any], today: date, tax: Taxonomy) -> ParsedProfile:
    basics = profile.get("basics") if isinstance(profile.get("basics"), Mapping) else {}
    assert isinstance(basics, Mapping)
    col = SkillCollector(tax)
    name = text_value(basics.get("name"))
    label = text_value(basics.get("label"))
    summary = str(basics.get("summary") or "").strip()
    resume_text = str(profile.get("resumeText") or "").strip()
    if label:
        col.scan(label, "headline", SOURCE_WEIGHT["headline"])
    if summary:
        col.scan(summary, "summary", SOURCE_WEIGHT["summary"])
    work = [w for w in list_value(profile.get("work")) if isinstance(w, Mapping)]
    roles = [role_from_work(w, today, col, 1.0 if i == 0 else 0.8) for i, w in enumerate(work)]
    work_roles = list(roles)
    skill_texts: list[str] = []
    for item in list_value(profile.get("skills")):
        if not isinstance(item, Mapping):
            continue
        for text in [
            text_value(item.get("name")),
            *(text_value(k) for k in list_value(item.get("keywords"))),
        ]:
            if text:
                skill_texts.append(text)
                col.scan(text, "skills", SOURCE_WEIGHT["skills"], structured=True)
    languages = tuple(  # JSON Resume: {"language": "Spanish", "fluency": "Native"}
        lang
        for item in list_value(profile.get("languages"))
        if isinstance(item, Mapping)
        if (lang := text_value(item.get("language")))
    )
    for lang in languages:
        col.scan(lang, "languages", SOURCE_WEIGHT["skills"], structured=True)
    texts = [(summary, False), (resume_text, False), *((t, True) for t in skill_texts)]
    language_levels = stated_levels(profile, texts, tax)  # "German (B1)", JSON "fluency"
    extra: list[tuple[str, str]] = []  # (text, the section it is in: quotes name the field)
    described: set[str] = set()  # skills the text of a role or a project shows in use
    for key in ("projects", "certificates", "awards", "volunteer", "publications"):
        for item in list_value(profile.get(key)):
            if isinstance(item, Mapping):
                parts = [
                    text_value(item.get(k)) for k in ("name", "title", "summary", "description")
                ]
                parts += [text_value(h) for h in list_value(item.get("highlights"))]
                text = " ".join(p for p in parts if p)
                if text:
                    extra.append((text, key))
                    found = col.scan(text, key, SOURCE_WEIGHT["projects"])
                    if key in ("projects", "volunteer"):
                        described.update(found)
    education = education_from_json(profile, today)
    structured = bool(education)
    emails = [e for e in [text_value(basics.get("email"))] if e]
    links = [u for u in [text_value(basics.get("url"))] if u]
    links += [
        u
        for p in list_value(basics.get("profiles"))
        if isinstance(p, Mapping) and (u := text_value(p.get("url")))
    ]
    headline = label
    title_line = label  # a job title stated as such: it also counts as title evidence
    text_place: str | None = None
    claims = [(c, "summary") for c in [stated_years(summary)] if c]
    table_months, table_line = 0, ""  # the longest "Experience - N months" of a skills table
    if resume_text:
        header = read_header(resume_text, today, tax)
        facts = parse_resume_text(resume_text, today, tax, header.name)
        col.scan(resume_text, "resume", SOURCE_WEIGHT["resume"])
        emails += facts.emails
        links += facts.links
        title_line = title_line or header.headline
        headline = headline or header.headline or header.summary
        name = name or header.name
        text_place = header.location
        table_months, table_line = facts.skill_months, facts.skill_months_line
        # Projects show use; so do the text's roles when dated work entries stand in for
        # them below (otherwise they become the roles, read with the others).
        shown = [*facts.project_lines, *(r.description for r in facts.roles if roles)]
        described.update(m.value for m in tax.find_skills("\n".join(shown)))
        claims += [(c, "resume") for c in [stated_years(resume_text)] if c]
        roles = with_text_roles(roles, [role_from_text(r, tax) for r in facts.roles])
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
    roles = sort_roles(roles)
    spans = [s for r in roles if (s := r.interval)]
    months_by_skill = skill_months(roles, tax)
    total = union_months(spans) / 12.0
    claim = max(claims, key=lambda c: c[0][0], default=None)
    # The person's own figure is the evidence when it is the total; when the dated roles add
    # up to more, they are ("about 7 years" beside a quoted "6 years of experience" jars).
    claim = claim if claim is not None and claim[0][0] >= total else None
    if claim is not None:
        total = claim[0][0]
    years_evidence = [Evidence(claim[0][1], claim[1], claim[0][1])] if claim else []
    # A skills table's longest "Exprience - 47 months" is the person's own claim too.
    if table_months / 12.0 > total:
        total = table_months / 12.0
        years_evidence = [Evidence(table_line, "resume", table_line)]
    for role in roles[:3]:
        if role.title and role.duration:
            years_evidence.append(Evidence(role.title, role.source, role.duration))
    current = next((r for r in roles if r.current), roles[0] if roles else None)
    titles = [r.title for r in roles if r.title]
    seniority, seniority_from_years = _seniority(
        tax, [current.title if current else None, title_line], total
    )
    family_scores, title_evidence = _family_scores(
        tax,
        roles,
        title_line,
        [(summary, "summary"), (resume_text, "resume"), *extra],
        col,
    )
    title_family = (
        max(family_scores, key=lambda f: (family_scores[f], f)) if family_scores else None
    )
    # The person's own line of work shows its discipline only when they hold its title (a role
    # or the headline), not when it is inferred from skills or mentions.
    holds = any(ev.holds_title for ev in title_evidence.get(title_family or "", ()))
    held = title_family if holds else None
    in_use = _skills_in_use(roles, held, described, tax, title_line)
    location = basics.get("location") if isinstance(basics.get("location"), Mapping) else {}
    assert isinstance(location, Mapping)
    place = parse_place(
        text_value(location.get("address")) if not location.get("city") else None,
        [text_value(location.get("city")), text_value(location.get("region"))],
        text_value(location.get("countryCode")),
    ) or parse_place(text_place)
    skills = col.ranked()
    # Roles read out of resumeText are already in it: add only structured work entries.
    work_text = [f"{r.title or ''} {r.company or ''} {r.description} " + " ".join(r.highlights)
                 for r in work_roles]  # fmt: skip
    # Likewise degrees: only structured education entries (text ones are quoted from it).
    education_text = [f"{e.degree or ''} {e.area or ''}" for e in education] if structured else []
    extra_text = [text for text, _ in extra]
    text_parts = [title_line or "", summary, *work_text, " ".join(skill_texts), *extra_text,
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
        relocate=open_to_relocation(" ".join([summary, resume_text, *extra_text])),
        titles=tuple(dict.fromkeys(titles)),
        family_scores=family_scores,
        education_level=max(
            (e.level for e in education if e.level), key=lambda lv: DEGREE_RANK[lv], default=None
        ),
        title_evidence=title_evidence,
        years_evidence=tuple(years_evidence),
        languages=languages,
        language_levels=language_levels,
        taxonomy_version=parse_version(tax),
        seniority_from_years=seniority_from_years,
        skills_in_use=in_use,
        skill_months=months_by_skill,
    )


_TITLE_END = re.compile(r"\s[·|•–—-]\s|[,;:(|·•]")


def _skills_in_use(
    roles: Sequence[Role],
    family: str | None,
    described: set[str],
    taxonomy: Taxonomy,
    title_line: str | None = None,
) -> tuple[str, ...]:
    """Skills shown in use, with the broader skills they show; empty when no role's or
    project's text names a skill (then nothing tells use from a list). Once some work is
    described, the titles count too, a role's and the person's own line of work: a "Software
    Engineer" practises Software Engineering, a "Data Scientist" Data Science, a "Python
    Developer" Python, whether or not the text says so; so does the title the resume opens
    with ("Senior Network Security Analyst" practises Network Security)."""
    described = described | {
        m.value
        for r in roles
        for m in taxonomy.find_skills("\n".join([r.description, *r.highlights]))
    }
    if not described:
        return ()
    titled = {s for r in roles for s in r.skills}
    # The title itself, not skills listed after it ("Staff Backend Engineer · Python, Go").
    title = _TITLE_END.split(title_line or "", maxsplit=1)[0]
    titled.update(m.value for m in taxonomy.find_skills(title))
    families = {r.family for r in roles} | {family}
    titled.update(s for f in families for s in taxonomy.title_skills(f))
    return taxonomy.with_broader(described | titled)
