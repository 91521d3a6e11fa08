"""Features of one (ICP, profile) pair, each 0–1 or None when the job does not ask for it.

DESIGN.md step 3: must-have coverage, nice-to-have coverage (related skills earn partial
credit), title/family match, seniority and years fit, location fit, semantic similarity, recency
of relevant experience, keyword (topic) overlap, and negatives. Reads only job-relevant facts of
the profile: never the name, contact details or any protected attribute.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

from talentscout.engine.dates import MonthDate
from talentscout.engine.experience import job_years
from talentscout.engine.icp_model import ICP, requirement_name
from talentscout.engine.language_levels import level_credit
from talentscout.engine.languages import is_language
from talentscout.engine.location import Place
from talentscout.engine.location_fit import location_fit
from talentscout.engine.profile import Evidence, ParsedProfile
from talentscout.engine.requirements import NEGATIVE_NOUNS
from talentscout.engine.resume_degrees import DEGREE_RANK
from talentscout.engine.seniority_fit import far_level, seniority_fit
from talentscout.engine.taxonomy import typical_share
from talentscout.engine.title_evidence import held_job_title, latest_first

RELATED_MUST_CREDIT = 0.5
RELATED_NICE_CREDIT = 0.4
# A requirement the person only lists (a skills line, the summary) while the roles and projects
# they describe never show it in use: a claim, half the evidence of use. Set by hand.
LISTED_ONLY_CREDIT = 0.5
# ...but only when the described work shows enough skills for an absence to mean something: a
# one-line "Working as a business analyst" says nothing about the tools listed beside it. Set by
# hand; 3, 5 and 8 read the resume-categories tuning queries identically.
LISTED_ONLY_MIN_SHOWN = 3
RELATED_FAMILY_CREDIT = 0.6  # rising to NAMED_SKILL_FAMILY_CREDIT with the typical skills shown
# A related family plus the skill the job's family is named after is nearly that job: a
# "Software Engineer" who shows Python, for a "Python Developer" opening. Set by hand.
NAMED_SKILL_FAMILY_CREDIT = 0.9
RELOCATE_CREDIT = 0.5  # elsewhere, but says they are open to relocation
# Head nouns and rank words say little about *which* job: "Sales Manager" is about "sales".
GENERIC_TITLE_WORDS = frozenset(
    "engineer developer manager analyst specialist consultant associate executive officer senior "
    "junior lead staff principal head assistant coordinator administrator architect technician "
    "representative intern director professional expert programmer trainee sr jr".split()
)
# The next two were checked on the odd-indexed resume-categories queries (see benchmarks/TUNING.md).
GENERIC_TITLE_WEIGHT = 0.3
TEXT_MENTIONS_FULL = 4  # mentions of a title word in free text that count as full evidence
TEXT_SHARE_WITH_FAMILY = 0.7  # free-text mentions weigh less than titles or family evidence
TEXT_SHARE_NO_FAMILY = 0.85


@dataclass
class Features:
    must: float | None = None
    nice: float | None = None
    title: float | None = None
    seniority: float | None = None
    experience: float | None = None
    education: float | None = None
    location: float | None = None
    recency: float | None = None
    keywords: float | None = None
    negative: float = 0.0  # 0 none … 1 hard exclusion
    far_level: bool = False  # see far_level()
    short_years: bool = False  # more than YEARS_GRACE short of the years the job asks
    matched_must: list[str] = field(default_factory=list)
    partial_must: dict[str, str] = field(default_factory=dict)  # must → related skill found
    missing_must: list[str] = field(default_factory=list)
    matched_nice: list[str] = field(default_factory=list)
    partial_nice: dict[str, str] = field(default_factory=dict)
    shown_by: dict[str, str] = field(default_factory=dict)  # matched skill → narrower one shown
    listed_only: list[str] = field(default_factory=list)  # matched, but no role shows it used
    short_skill_years: dict[str, tuple[float, float]] = field(default_factory=dict)
    short_language_levels: dict[str, tuple[str, str]] = field(default_factory=dict)
    title_evidence: list[Evidence] = field(default_factory=list)
    negative_reasons: list[str] = field(default_factory=list)


class Coverage(NamedTuple):
    share: float | None
    matched: list[str]
    partial: dict[str, str]  # requirement → the related skill found instead
    missing: list[str]
    shown_by: dict[str, str]  # matched requirement → the narrower skill that shows it
    listed_only: list[str]  # matched requirements no role or project shows in use
    # matched requirement → (years dated roles show it, years the job asks), when short
    short_skill_years: dict[str, tuple[float, float]]
    # matched language → (level the profile states, level the job asks), when below
    short_language_levels: dict[str, tuple[str, str]]


# Years a person may be short of "N+ years" and still count as having them (a recruiter reads
# 4.5 years as "5+"; 3 years for "5+" is a gap). Set by hand.
YEARS_GRACE = 1.0


def _coverage(
    wanted: tuple[str, ...], icp: ICP, profile: ParsedProfile, related_credit: float
) -> Coverage:
    """Weighted share of requirements met. A requirement is one skill or an OR-group ("Go or
    Rust": any member meets it); a narrower skill meets it too (PostgreSQL for "Relational
    Databases"), and so does holding the job's title for the skills it is named after; a
    related skill earns partial credit, and so does a skill only listed by someone whose
    described work shows other skills (LISTED_ONLY_MIN_SHOWN) but never this one
    (LISTED_ONLY_CREDIT), or one their dated roles show for fewer years than the job asks
    (``_years_credit``), or a language stated below the level asked
    (``language_levels.level_credit``)."""
    out = Coverage(None, [], {}, [], {}, [], {}, {})
    if not wanted:
        return out
    have = profile.skill_set
    in_use = profile.in_use_set
    # An "Electrical Engineer" shows Electrical Engineering, a "Java Developer" Java (and so does
    # a kind of the title): only that requirement, not as a related skill ("Backend Engineer"
    # does not hint at Python).
    held = icp.title_holder_skills if held_job_title(icp, profile) else frozenset()
    total = got = 0.0
    for group in icp.skill_groups(wanted):
        weight = icp.requirement_weight(group)
        total += weight
        present = [s for s in group if s in have or s in held]
        if not present:
            shown = next(
                ((s, n) for s in group for n in icp.included_skills.get(s, ()) if n in have), None
            )
            if shown is not None:
                present = [shown[0]]
                out.shown_by[shown[0]] = shown[1]
        if present:
            # A discipline ("Data Science", "Software Engineering") shows in the whole of the
            # work, not by its name in a role, and a credential or a language is held, not
            # used: only tools and techniques can be "listed only".
            used = any(
                _in_use(profile, out.shown_by.get(s, s))
                or s in in_use
                or s in held
                or s in icp.field_skills
                or s in icp.held_skills
                for s in present
            ) or any(  # another member shown in use through a narrower skill
                n in in_use for s in group for n in icp.included_skills.get(s, ())
            )
            credit = 1.0 if used else LISTED_ONLY_CREDIT
            years_credit, short = _years_credit(icp, profile, present, out.shown_by)
            if short is not None:
                out.short_skill_years[short[0]] = short[1:]
            level, low = level_credit(icp, profile, present)  # "German (B1)" for C1
            if low is not None:
                out.short_language_levels[low[0]] = low[1:]
            credit = min(credit, years_credit, level)
            got += weight * credit
            out.matched.extend(present)
            if not used:
                out.listed_only.extend(present)
            continue
        # a peer (MySQL for PostgreSQL) before any other related skill; no other language
        # stands in for a language
        rel = next(
            ((s, r) for s in group for r in icp.peer_skills.get(s, ()) if r in have), None
        ) or next(((s, r) for s in group for r in icp.related_skills.get(s, ()) if r in have), None)
        if rel is not None and is_language(icp, rel[0]):
            rel = None
        if rel is not None:
            got += weight * related_credit
            out.partial[rel[0]] = rel[1]
        else:
            out.missing.append(requirement_name(group))
    return out._replace(share=got / total if total else None)


def _in_use(profile: ParsedProfile, skill: str) -> bool:
    """Shown in use, or unknown: described work too thin to tell (LISTED_ONLY_MIN_SHOWN)."""
    in_use = profile.in_use_set
    return len(in_use) < LISTED_ONLY_MIN_SHOWN or skill in in_use


def _years_credit(
    icp: ICP, profile: ParsedProfile, present: list[str], shown_by: dict[str, str]
) -> tuple[float, tuple[str, float, float] | None]:
    """Credit for the years a job asks of a requirement ("5+ years of Python"), met by the
    ``present`` members of its group, the best member counting: 1 when a member is asked no
    years, is shown in no dated role (unknown, not short) or for the years asked to within
    YEARS_GRACE; else a credit rising with the years shown, full a year short of the ask and
    never less than a listed skill's. Returns the short member with (years shown, years asked)
    when that is what counts. Years of a discipline of the job's or a related family ("10+
    years of software engineering", ICP.field_skills) are the experience criterion's to
    weigh."""
    best: tuple[float, tuple[str, float, float] | None] = (0.0, None)
    for skill in present:
        asked = icp.skill_years.get(skill)
        months = max(profile.skill_months.get(k, 0) for k in (skill, shown_by.get(skill, skill)))
        field = skill in icp.field_skills or skill in icp.held_skills
        if not asked or field or not months or months / 12 >= asked - YEARS_GRACE:
            return 1.0, None
        credit = max(LISTED_ONLY_CREDIT, months / 12 / (asked - YEARS_GRACE))
        if credit > best[0]:
            best = (credit, (skill, round(months / 12, 1), asked))
    return best


def title_fit(icp: ICP, profile: ParsedProfile) -> tuple[float, list[Evidence]]:
    """Family evidence (role titles, headline, mentions, typical skills) of the job's family or
    a kind of it (``ICP.narrower_families``), related families at a discount, and the job
    title's own words in the profile's titles or text. The evidence quotes the most recent
    title first (``title_evidence.latest_first``)."""
    scores = profile.family_scores
    best = 0.0
    evidence: list[Evidence] = []
    if icp.title_family:
        best = scores.get(icp.title_family, 0.0)
        evidence = list(profile.title_evidence.get(icp.title_family, ()))
        # "C/C++ Developer", "MERN/MEAN Stack": any of the skills the family is named after,
        # shown in use (C++ only listed beside Python work is no C++ developer)
        named = any(s in profile.skill_set and _in_use(profile, s) for s in icp.family_skills)
        credit = NAMED_SKILL_FAMILY_CREDIT
        if not named:  # a "Software Engineer" with a backend engineer's skills, for a backend job
            typical = typical_share(profile.skill_set, icp.family_typical_skills)
            credit = (
                RELATED_FAMILY_CREDIT
                + (NAMED_SKILL_FAMILY_CREDIT - RELATED_FAMILY_CREDIT) * typical
            )
        for rel in (*icp.narrower_families, *icp.related_families):  # a kind of it is the job
            value = (1.0 if rel in icp.narrower_families else credit) * scores.get(rel, 0.0)
            if value > best:
                best, evidence = value, list(profile.title_evidence.get(rel, ()))
    words = icp.title_terms
    if words:
        weights = [GENERIC_TITLE_WEIGHT if w in GENERIC_TITLE_WORDS else 1.0 for w in words]
        total = sum(weights)
        counts = profile.term_counts
        in_titles = sum(
            wt for w, wt in zip(words, weights, strict=True) if w in profile.title_terms
        )
        in_text = sum(
            wt * min(1.0, math.log1p(counts.get(w, 0)) / math.log1p(TEXT_MENTIONS_FULL))
            for w, wt in zip(words, weights, strict=True)
        )
        share = TEXT_SHARE_WITH_FAMILY if icp.title_family else TEXT_SHARE_NO_FAMILY
        best = max(best, in_titles / total, share * in_text / total)
    return min(1.0, best), latest_first(icp, profile, evidence) if evidence else evidence


def education_fit(icp: ICP, profile: ParsedProfile) -> float | None:
    """Only when the job names a degree (e.g. a PhD): met 1, one step below 0.4, lower 0.1,
    unknown 0.5."""
    if not icp.education_level or icp.education_level not in DEGREE_RANK:
        return None
    need = DEGREE_RANK[icp.education_level]
    have = DEGREE_RANK.get(profile.education_level or "")
    if have is None:
        return 0.5
    return 1.0 if have >= need else 0.4 if have == need - 1 else 0.1


def recency_fit(icp: ICP, profile: ParsedProfile, today: MonthDate) -> float | None:
    """1 when relevant experience is current, fading to 0.3 after five years away."""
    relevant_families = {icp.title_family, *icp.related_families} - {None}
    wanted = set(icp.must_have) | set(icp.nice_to_have)
    if not relevant_families and not wanted:
        return None  # nothing tells which experience is relevant
    latest: int | None = None
    dated = relevant_undated = False
    for role in profile.roles:
        relevant = role.family in relevant_families or not wanted.isdisjoint(role.skills)
        end = role.end_month
        if end is None:
            relevant_undated = relevant_undated or relevant
            continue
        dated = True
        if relevant:
            latest = end.index if latest is None else max(latest, end.index)
    if not dated:
        return None
    if latest is None:  # relevant work of unknown date is unknown recency, not a gap
        return None if relevant_undated else 0.3
    gap_years = max(0, today.index - latest) / 12.0
    return max(0.3, 1.0 - 0.14 * gap_years)


def keyword_fit(icp: ICP, profile: ParsedProfile) -> float | None:
    """Weighted share of the job's topic words present in the profile (log-damped counts)."""
    terms = icp.topic_terms
    if not terms:
        return None
    counts = profile.term_counts
    total = sum(terms.values())
    got = sum(w * min(1.0, math.log1p(counts.get(t, 0)) / math.log1p(3)) for t, w in terms.items())
    return got / total if total else None


def negative_hits(icp: ICP, profile: ParsedProfile) -> list[str]:
    """Negatives the profile's current position hits ("agency" in the current company…)."""
    reasons: list[str] = []
    current = " ".join(
        filter(None, [profile.current_role, profile.current_company, profile.headline])
    )
    lowered = current.lower()
    for term in icp.negatives:
        forms = NEGATIVE_NOUNS.get(term, (term,))
        stems = {f.rstrip("s").removesuffix("ie") for f in forms} | {term}
        if any(stem and stem in lowered for stem in stems):
            reasons.append(term)
    if profile.seniority and profile.seniority in icp.excluded_seniority:
        reasons.append(profile.seniority)
    return reasons


def compute(
    icp: ICP, profile: ParsedProfile, job_place: Place | None, today: MonthDate
) -> Features:
    f = Features()
    must = _coverage(icp.must_have, icp, profile, RELATED_MUST_CREDIT)
    nice = _coverage(icp.nice_to_have, icp, profile, RELATED_NICE_CREDIT)
    f.must, f.matched_must, f.partial_must = must.share, must.matched, must.partial
    f.missing_must = must.missing
    f.nice, f.matched_nice, f.partial_nice = nice.share, nice.matched, nice.partial
    f.shown_by = must.shown_by | nice.shown_by
    f.listed_only = must.listed_only + nice.listed_only
    f.short_skill_years = must.short_skill_years | nice.short_skill_years
    f.short_language_levels = must.short_language_levels | nice.short_language_levels
    f.title, f.title_evidence = title_fit(icp, profile)
    years, relevant_only = job_years(icp, profile)
    f.seniority, f.experience = seniority_fit(icp, profile, (years, relevant_only))
    f.far_level = far_level(icp, profile)
    f.short_years = (  # undated profiles are unknown, not short (as in seniority_fit)
        icp.min_years is not None
        and (years > 0 or relevant_only)
        and years < icp.min_years - YEARS_GRACE
    )
    if job_place is not None or icp.remote_only:
        person = None
        if profile.location_terms or profile.remote:
            person = Place(
                profile.location or "",
                frozenset(profile.location_terms),
                frozenset([profile.country] if profile.country else []),
                "remote" if profile.remote else None,
            )
        f.location = location_fit(job_place, person, icp.remote_only)
        if f.location == 0.0 and profile.relocate:
            f.location = RELOCATE_CREDIT
    f.education = education_fit(icp, profile)
    f.recency = recency_fit(icp, profile, today)
    f.keywords = keyword_fit(icp, profile)
    f.negative_reasons = negative_hits(icp, profile)
    f.negative = 1.0 if f.negative_reasons else 0.0
    return f
