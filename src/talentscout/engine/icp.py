"""Job → Ideal Candidate Profile (``build_icp``), and PATCH refinements (``refine_icp``).

The title decides the family, canonical title and seniority; the description's phrasing decides
must-have vs nice-to-have skills, minimum years and negatives; the location gives the remote
policy and the places that fit. An optional query is applied exactly like a later PATCH query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from talentscout.engine.icp_model import (
    ICP,
    MUST_WEIGHT,
    NICE_WEIGHT,
    PRIORITY_WEIGHT,
    SkillTables,
)
from talentscout.engine.language_levels import asked_levels
from talentscout.engine.location import parse_place
from talentscout.engine.location_reach import with_remote_reach
from talentscout.engine.refine import refine_icp
from talentscout.engine.requirements import SOFT_CATEGORY, content_terms, read_requirements
from talentscout.engine.taxonomy import (
    ANY_FIELD,
    Taxonomy,
    TitleFamily,
    default_taxonomy,
    field_of,
)
from talentscout.engine.text import bounded_whitespace, one_line

__all__ = ["ICP", "build_icp", "refine_icp"]

MAX_MUST = 10  # requirements: "Python, Java, Kotlin or Go" is one
MAX_NICE = 15
MAX_TOPIC_TERMS = 40
# Characters of requirement sentences kept for the semantic criterion: the default embedder
# reads about the first 500 tokens of a text, so more would be stored and never read.
POSTING_TEXT_MAX = 4000
# Job titles that name an early-career programme rather than a ladder word.
_ENTRY = re.compile(
    r"\b(?:early[- ]career|campus|new[- ]grad(?:uate)?|university grad(?:uate)?|"
    r"recent grad(?:uate)?|graduate program(?:me)?)\b",
    re.I,
)
_PHD = re.compile(r"\bph\.?\s?d\b", re.I)


def _fits_field(taxonomy: Taxonomy, skill: str, family: TitleFamily | None) -> bool:
    """Whether a skill belongs to the job's field. A must-have from another field ("Recruiting"
    in a software posting's company blurb) is kept as a nice-to-have instead (requirement
    sentences are noisy)."""
    field = _field(taxonomy, skill)
    if family is None or field is None or field in ANY_FIELD:
        return True
    return field == field_of(family.category)


def _field(taxonomy: Taxonomy, skill: str) -> str | None:
    category = taxonomy.category(skill)
    return field_of(category) if category else None


def _first_requirements(
    skills: list[str], alternatives: Mapping[str, Sequence[str]], limit: int
) -> list[str]:
    """The skills of the first ``limit`` requirements, in order: alternatives ("Python, Java,
    Kotlin or Go") are one requirement, so a long choice does not crowd out the rest."""
    kept: list[str] = []
    covered: set[str] = set()
    count = 0
    for skill in skills:
        if skill not in covered:
            if count == limit:
                continue
            count += 1
            covered.update(alternatives.get(skill, ()))
        kept.append(skill)
    return kept


def build_icp(
    title: str,
    description: str,
    location: str | None = None,
    query: str | None = None,
    *,
    taxonomy: Taxonomy | None = None,
) -> ICP:
    """The ICP of a job; ``query`` (if any) is applied with ``refine_icp`` semantics."""
    tax = taxonomy or default_taxonomy()
    title, description = bounded_whitespace(title), bounded_whitespace(description)
    location = bounded_whitespace(location) if location else location
    with tax.reading(lambda: [(title, True), (description, False)]):
        icp = _build(one_line(title), description, location, tax)
    if query and query.strip():
        icp = refine_icp(icp, query, taxonomy=tax)
    return icp


def _build(title: str, description: str, location: str | None, tax: Taxonomy) -> ICP:
    req = read_requirements(title, description, tax)
    family = tax.family_for_job_title(title, description)
    if family is None:
        head = description.strip().splitlines()[0] if description.strip() else ""
        family = tax.family_for_title(head) if head and head != title else None
    span = tax.seniority_span_in_title(title)
    level = span[1] if span else None
    floor = span[0] if span and span[0].rank < span[1].rank else None
    if level is None and _ENTRY.search(title):
        level = next((lvl for lvl in tax.ladder if lvl.rank >= 1), None)
    from_years = level is None and req.min_years is not None
    if from_years and req.min_years is not None:
        level = tax.seniority_for_years(req.min_years)
    in_title = {m.value for m in tax.find_skills(title, structured=True)}
    # A must-have of another field stays one where a requirements header asks it and it is a
    # tool ("Your profile: Very good SAP skills": tools serve every field) or the job is not
    # in tech, whose postings' requirement sections ask across fields ("German labour law",
    # "Lean / Six Sigma" for an HR partner), while a tech posting's long sections misread
    # ("career development" of the team) are what the field check guards against; or it is
    # a choice beside one of the field ("a Warehouse Management System (SAP EWM, …)").
    fits = {s for s in req.must if s in in_title or _fits_field(tax, s, family)}
    job_field = field_of(family.category) if family else None
    fits |= {s for s in req.headed if _field(tax, s) == "tech" or job_field not in (None, "tech")}
    must = _first_requirements(
        [s for s in req.must if s in fits or any(a in fits for a in req.alternatives.get(s, ()))],
        req.alternatives,
        MAX_MUST,
    )
    demoted = [s for s in req.must if s not in must]
    # Domain knowledge of another field that a posting only mentions (not asks for) is its
    # company blurb or boilerplate ("a $3B valuation", "your recruiting contact"); tools are
    # used in every field (SQL and Tableau in a finance posting stay). A soft skill only
    # mentioned is the company's values ("integrity and accountability"), not an ask.
    mentioned = [
        s
        for s in req.mentioned
        if tax.category(s) != SOFT_CATEGORY
        and (s in in_title or _fits_field(tax, s, family) or _field(tax, s) == "tech")
    ]
    nice = [*demoted, *req.nice, *mentioned][:MAX_NICE]
    # A skill the title names is what the job is ("Rust Software Engineer"): it weighs as a
    # prioritised must-have.
    weights = {s: NICE_WEIGHT for s in nice} | {
        s: PRIORITY_WEIGHT if s in in_title else MUST_WEIGHT for s in must
    }
    tables = SkillTables.of([*must, *nice], tax)
    place = parse_place(location)
    remote = place.policy if place else None
    if remote is None and re.search(r"\bfully remote\b|\bremote[- ]first\b", description, re.I):
        remote = "remote"
        # as in "Remote, Berlin": a remote job's city is where the company sits, no country
        place = parse_place(location, infer_country=False)
    # "Remote within EU possible" (in the location or a line of the posting): the region fits
    # (never a hybrid or on-site job: "Hybrid … occasional remote work within Germany")
    if (
        remote in (None, "remote")
        and (reached := with_remote_reach(place, location, description)) is not place
    ):
        place, remote = reached, "remote"
    topic: dict[str, float] = {}
    # The posting's requirement sentences, like the semantic criterion: its company blurb and
    # benefits are topics of the employer, not of the work (the whole text when none asks).
    asking = " ".join(req.asking)
    content_terms(asking or description, 1.0, topic)
    for skill in must:
        content_terms(skill, 2.0, topic)
    content_terms(title, 3.0, topic)
    if family:
        content_terms(family.name, 3.0, topic)
    top = sorted(topic.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TOPIC_TERMS]
    title_tokens: dict[str, float] = {}
    content_terms(title, 1.0, title_tokens)
    icp = ICP(
        title=title,
        canonical_title=family.name if family else title,
        title_family=family.id if family else None,
        title_synonyms=family.synonyms if family else (),
        related_families=tax.related_families(family.id) if family else (),
        narrower_families=tax.narrower_families(family.id) if family else (),
        family_skills=tax.family_named_skills.get(family.id, ()) if family else (),
        practice_skills=tax.family_practice_skills.get(family.id, ()) if family else (),
        field_skills=tuple(
            dict.fromkeys(
                s
                for f in ([family.id, *tax.related_families(family.id)] if family else [])
                for s in tax.family_field_skills.get(f, ())
            )
        ),
        job_field=field_of(family.category) if family else None,
        family_typical_skills=tuple(sorted(tax.family_skill_sets.get(family.id, ())))
        if family
        else (),
        seniority=level.level if level else None,
        seniority_rank=level.rank if level else None,
        seniority_floor=floor.level if floor else None,
        seniority_floor_rank=floor.rank if floor else None,
        seniority_from_years=from_years and level is not None,
        min_years=req.min_years,
        skill_years={s: y for s, y in req.skill_years.items() if s in weights},
        must_have=tuple(must),
        nice_to_have=tuple(nice),
        skill_weights=weights,
        **tables.icp_fields(),
        alternatives={
            k: tuple(a for a in v if a in weights)
            for k, v in req.alternatives.items()
            if k in weights and any(a in weights for a in v)
        },
        negatives=tuple(req.negatives),
        excluded_seniority=tuple(req.excluded_seniority),
        location=place.text if place else None,
        location_terms=tuple(sorted(place.terms)) if place else (),
        location_countries=tuple(sorted(place.countries)) if place else (),
        remote_policy=remote,
        education_level="phd" if req.phd or _PHD.search(title) else None,
        topic_terms=dict(top),
        title_terms=tuple(title_tokens),
        taxonomy_version=tax.version,
        posting_text=asking[:POSTING_TEXT_MAX],
    )
    return replace(icp, language_levels=asked_levels(icp, description, tax, req.language_segments))
