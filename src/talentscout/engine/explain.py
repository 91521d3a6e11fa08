"""Explanations from the same features as the score: a one-sentence rationale, fit points and
red flags that quote the profile, per-role relevance, and the spec's scoreBreakdown.

Nothing here is placeholder text: every sentence is assembled from the ICP, the parsed profile
and the scored features, and quotes are exact substrings of the profile. Output is a pure
function of the inputs (byte-identical for identical input). The name is never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from talentscout.engine.caps import adjustments
from talentscout.engine.experience import job_years
from talentscout.engine.icp_model import ICP, requirement_name
from talentscout.engine.language_levels import level_evidence, short_level_words
from talentscout.engine.location_words import location_points
from talentscout.engine.profile import Evidence, ParsedProfile, Role
from talentscout.engine.rationale import (
    MetRequirement,
    one_of,
    rationale,
    requirement_of,
    title_relation,
)
from talentscout.engine.score import CRITERIA
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.seniority_fit import far_level, level_gap
from talentscout.engine.text import one_line, same_passage
from talentscout.engine.title_evidence import held_job_title, job_titles
from talentscout.engine.wording import a_or_an, asked_years, join_and, join_or, years_text

_QUOTE_MAX = 140


@dataclass(frozen=True)
class Explanation:
    rationale: str
    fit_points: list[str]
    red_flags: list[str]
    detailed_rationale: list[dict[str, Any]]
    breakdown: dict[str, dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rationale": self.rationale,
            "fit_points": list(self.fit_points),
            "red_flags": list(self.red_flags),
            "detailed_rationale": [dict(d) for d in self.detailed_rationale],
            "breakdown": self.breakdown,
        }


def _cite(ev: Evidence) -> str:
    text = one_line(ev.text)  # a quote across a wrapped line reads as one line
    text = text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1].rstrip() + "…"
    return f'"{text}" ({ev.source})'


def _in_work(profile: ParsedProfile, skill: str) -> Evidence | None:
    """The parser's mention of a skill that sits in a role's work, latest role first ("Created
    a batch process using Pandas…", work at Acme); None when only lists or the summary name
    it."""
    items = profile.skill_evidence.get(skill, ())
    for role in profile.roles:
        for ev in items:
            in_text = len(ev.text) > len(ev.match) and any(  # a clause, not a bare list entry
                ev.text in text for text in (role.description, *role.highlights) if text
            )
            if ev.source == role.source or in_text:
                return Evidence(ev.text, role.source, ev.match)
    return None


def _first(profile: ParsedProfile, skill: str) -> Evidence | None:
    """The best quote for a skill: its mention in a role's work, else its first mention (often
    a skills line)."""
    items = profile.skill_evidence.get(skill, ())
    return _in_work(profile, skill) or (items[0] if items else None)


def _quote(
    icp: ICP, p: ParsedProfile, s: ScoredCandidate, skill: str
) -> tuple[Evidence | None, str | None]:
    """The quote for a met requirement and the narrower skill it shows, if any: the narrower
    skill that met it; else its own mention in a role's work; else a narrower skill's there
    (Python named only in a "Languages:" line, Django in the work: "via Django"); else its
    first mention."""
    if shown := s.shown_by.get(skill):
        return _first(p, shown), shown
    if own := _in_work(p, skill):
        return own, None
    for narrower in icp.included_skills.get(skill, ()):
        if narrower in p.skill_set and (ev := _in_work(p, narrower)):
            return ev, narrower
    return _first(p, skill), None


def _latest_use(profile: ParsedProfile, skill: str) -> int:
    """How many roles back a skill was last used (0: the latest role); past all roles when no
    role names it."""
    return next((i for i, r in enumerate(profile.roles) if skill in r.skills), len(profile.roles))


def _met_requirements(icp: ICP, p: ParsedProfile, s: ScoredCandidate) -> list[MetRequirement]:
    """Each must-have requirement the person meets; of alternatives ("C, C++ or Python") the
    member shown is one in use rather than only listed, the one used most recently, with a
    quote from the work when one has it."""
    met: list[MetRequirement] = []
    for group in icp.skill_groups(icp.must_have):
        present = [m for m in group if m in s.matched_must]
        if not present:
            continue
        best = (
            present[0]
            if len(present) == 1
            else min(
                present,
                key=lambda m: (
                    m in s.listed_only,
                    s.shown_by.get(m, m) not in p.in_use_set,
                    # the member whose years counted, when the job asked years of the group
                    any(o in s.short_skill_years for o in group) and m not in s.short_skill_years,
                    _latest_use(p, s.shown_by.get(m, m)),  # the one the person uses now
                    _quote(icp, p, s, m)[0] is None,
                ),
            )
        )
        named = f"{best} (one of {join_or(list(group))})" if len(group) > 1 else best
        met.append(MetRequirement(best, named, group))
    return met


# A headline that reads as a job title ("Senior Business Analyst - RPA"), not the summary
# sentence a resume without one falls back to ("Results-driven professional seeking…").
_NOT_A_TITLE = re.compile(r"[.!?]$|\b(?:looking|seeking|years?|experience|with|for|who)\b", re.I)


def _title_line(p: ParsedProfile) -> str | None:
    text = (p.headline or "").strip(" ;:")
    if not text or len(text) > 60 or len(text.split()) > 8 or _NOT_A_TITLE.search(text):
        return None
    return text


def _fit_points(
    icp: ICP,
    p: ParsedProfile,
    s: ScoredCandidate,
    years: tuple[float, bool],
    met: list[MetRequirement],
) -> list[str]:
    points: list[str] = []
    if relation := title_relation(icp, p, s):
        ev = s.evidence["title"][0]
        # credited through a related family: no claim it is the job (the rationale agrees); a
        # kind of the job's family ("ICU Nurse" for a Registered Nurse opening) fits it
        fits = "fits" if relation == "fits" else "is a role related to"
        point = f'Title: "{ev["text"]}" ({ev["source"]}) {fits} {icp.canonical_title}'
        own = {e.text for e in job_titles(icp, p) if e.holds_title}
        earlier = next((e for e in s.evidence["title"][1:] if e["text"] in own), None)
        if relation == "related" and earlier is not None:  # the title credited, held before
            point += f'; earlier "{earlier["text"]}" ({earlier["source"]}) fits it'
        points.append(point)
    # One quote, one point: a must-have or nice-to-have shown by a quote an earlier point
    # cites is named once at the end of that point ("; it also shows Kafka (must-have) and
    # Docker").
    cited: dict[str, tuple[int, set[str | None]]] = {}  # quote → its point, the skills named
    also: dict[int, list[str]] = {}  # point → what it also shows
    seen: list[Evidence] = []

    def passage(ev: Evidence) -> str:
        """The quote of an earlier window on the same passage, if any: a long skills line is
        quoted around each skill, and should make one point, not several near-copies."""
        for other in seen:
            if other.source == ev.source and same_passage(one_line(other.text), one_line(ev.text)):
                return _cite(other)
        seen.append(ev)
        return _cite(ev)

    for skill, _, group in met:
        must = f"must-have, one of {join_or(list(group))}" if len(group) > 1 else "must-have"
        label = f"{skill} ({must})"
        ev2, via = _quote(icp, p, s, skill)
        if ev2:
            listed = ", listed only" if skill in s.listed_only else ""
            shown = f" via {via}" if via else ""
            quote = passage(ev2)
            if (host := cited.get(quote)) is not None:  # its qualifiers in brackets
                notes = [must] + [f"via {via}"] * bool(via) + ["listed only"] * bool(listed)
                also.setdefault(host[0], []).append(f"{skill} ({', '.join(notes)})")
                host[1].update((skill, via))
            else:
                cited[quote] = (len(points), {skill, via})
                points.append(f"{label}{shown}{listed}: {quote}")
        elif skill in icp.title_holder_skills and (held := held_job_title(icp, p)):
            points.append(f"{label}, as the title held: {_cite(held)}")
    nice: dict[str, dict[str, str | None]] = {}  # quote → the nice-to-haves it shows (via)
    for skill in s.matched_nice[:4]:
        ev2, via = _quote(icp, p, s, skill)
        if ev2:
            nice.setdefault(passage(ev2), {})[skill] = via
    for quote, showing in nice.items():  # "GCP" is in "Cloud Computing via GCP"
        at, already = cited.get(quote, (-1, set()))
        vias = set(showing.values()) | already
        kept = {k: v for k, v in showing.items() if k not in vias}
        if not kept:
            continue
        if at >= 0:
            also.setdefault(at, []).extend(f"{k} (via {v})" if v else k for k, v in kept.items())
        elif len(kept) == 1:
            ((k, v),) = kept.items()
            points.append(f"{k}{f' via {v}' if v else ''}: {quote}")
        else:
            names = [f"{k} (via {v})" if v else k for k, v in kept.items()]
            points.append(f"{join_and(names)}: {quote}")
    for at, names in also.items():
        points[at] += f"; it also shows {join_and(names)}"
    counted, relevant_only = years
    if icp.min_years and counted >= icp.min_years:
        # The person's own statement of the total is quoted; a total the dated roles add up
        # to says so (a role's evidence is its title beside its duration, no quote of years).
        basis = p.years_evidence[0] if p.years_evidence and not relevant_only else None
        stated = basis is not None and basis.match == basis.text
        cite = f": {_cite(basis)}" if basis and stated else ""
        dated = " in dated roles" if basis and not stated else ""
        where = " in related roles" if relevant_only else dated
        asked = asked_years(icp.min_years)
        points.append(f"Experience: {years_text(counted)}{where}, job asks {asked}{cite}")
    points.extend(location_points(icp, p, s)[0])
    return points


def _short_years_flag(requirement: str, skill: str, shown: float, asked: float) -> str:
    in_roles = f"{years_text(shown)} in dated roles" if shown else "in no dated role"
    of = f" of {skill}" if skill != requirement else ""  # the option shown, of a choice
    return f"Must-have {requirement}: {asked_years(asked)}{of} asked, {in_roles}"


def _red_flags(
    icp: ICP,
    p: ParsedProfile,
    s: ScoredCandidate,
    years: tuple[float, bool],
    met: list[MetRequirement],
) -> list[str]:
    flags: list[str] = []
    for requirement in s.missing_must:
        named = one_of(icp, requirement)
        flags.append(f"Must-have {named}: not found anywhere in the profile")
    # A requirement is named in full ("Django or FastAPI") and the option shown beside it.
    for skill, _, group in met:
        requirement = requirement_name(group)
        short = next((m for m in group if m in s.short_skill_years), None)
        if skill in s.listed_only:  # then every member the person has is only listed
            listed = [m for m in group if m in s.listed_only]
            which = f"{join_and(listed)} " if len(group) > 1 else ""
            it = "them" if len(listed) > 1 else "it"
            flags.append(
                f"Must-have {requirement}: {which}listed, but no role or project shows {it} in use"
            )
        elif short is not None:
            flags.append(_short_years_flag(requirement, short, *s.short_skill_years[short]))
        if low := next((m for m in group if m in s.short_language_levels), None):
            ev = level_evidence(p, low, s.short_language_levels[low][0])
            said = short_level_words(low, *s.short_language_levels[low], _cite(ev) if ev else "")
            flags.append(f"Must-have {requirement}: {said}")
    for skill, rel in s.partial_must.items():
        ev = _first(p, rel)
        cite = f" {_cite(ev)}" if ev else ""
        kind = "its peer" if rel in icp.peer_skills.get(skill, ()) else "the related"
        flags.append(f"Must-have {requirement_of(icp, skill)}: only {kind} {rel} is shown{cite}")
    counted, relevant_only = years
    if icp.min_years and counted < icp.min_years:
        if relevant_only:
            shown = f"{years_text(counted)} in related roles" if counted else "no related role"
            shown += f" ({years_text(p.total_years)} in all)"
        else:
            shown = years_text(counted) if counted else "no dated experience"
            shown += " in the profile"
        flags.append(f"Experience: {shown}, job asks {asked_years(icp.min_years)}")
    if (
        icp.seniority
        and p.seniority
        and level_gap(icp, p)
        and (s.scores.get("seniority", 100) < 60 or far_level(icp, p))
    ):
        role = f' ("{p.current_role}")' if p.current_role else ""
        asked = (
            f"{icp.seniority_floor} to {icp.seniority}" if icp.seniority_floor else icp.seniority
        )
        asked = f"at least {asked}" if icp.seniority_from_years else asked
        flags.append(f"Seniority: reads as {p.seniority}{role}, job asks {asked}")
    flags.extend(location_points(icp, p, s)[1])
    for reason in s.negatives:
        current = " at ".join(filter(None, [p.current_role, p.current_company]))
        flags.append(f'Excluded by the job ("{reason}"): current position "{current}"')
    if "title" in s.scores and s.scores["title"] < 40:
        held = p.current_role or _title_line(p)
        flags.append(
            f'Title: "{held}" is not {a_or_an(icp.canonical_title)} role'
            if held
            else f"Title: no title in the profile reads as {icp.canonical_title}"
        )
    return flags


def _role_relevance(icp: ICP, role: Role) -> str:
    wanted = [*icp.must_have, *icp.nice_to_have]
    in_role = set(role.skills)
    used = [  # named, or shown by a narrower skill (Django shows Python)
        sk
        for sk in wanted
        if sk in in_role or not in_role.isdisjoint(icp.included_skills.get(sk, ()))
    ]
    if icp.title_family and role.family == icp.title_family:
        kind = f"Same role family as {icp.canonical_title}"
    elif role.family and role.family in icp.narrower_families:
        kind = f"A kind of {icp.canonical_title}"
    elif role.family and role.family in icp.related_families:
        kind = f"Related role family to {icp.canonical_title}"
    else:
        kind = f"Different role from {icp.canonical_title}" if role.title else "Untitled role"
    detail = f"; uses {join_and(used)}" if used else "; none of the job's skills are named here"
    length = f" over {role.duration}" if role.duration else ""
    current = " (current)" if role.current else ""
    return f"{kind}{current}{length}{detail}."


def explain(icp: ICP, profile: ParsedProfile, scored: ScoredCandidate) -> Explanation:
    years = job_years(icp, profile)
    met = _met_requirements(icp, profile, scored)
    # Weights as shares of this score (summing to 1 over the criteria the job asks), so the
    # sum of score × weight is the weighted mean the adjustments start from.
    total = sum(scored.weights[c] for c in scored.scores) or 1.0
    breakdown: dict[str, dict[str, Any]] = {}
    for criterion in CRITERIA:
        if criterion not in scored.scores:
            continue
        breakdown[criterion] = {
            "score": int(scored.scores[criterion]),
            "weight": round(scored.weights[criterion] / total, 4),
            "evidence": [
                {"text": e["text"], "source": e["source"]}
                for e in scored.evidence.get(criterion, ())
            ],
        }
    moved, cap_flags = adjustments(icp, profile, scored, years)
    breakdown.update(moved)
    detailed = [
        {
            "title": role.title,
            "company": role.company,
            "duration": role.duration,
            "relevanceExplanation": _role_relevance(icp, role),
        }
        for role in profile.roles
    ]
    return Explanation(
        rationale=rationale(icp, profile, scored, met),
        fit_points=_fit_points(icp, profile, scored, years, met),
        red_flags=_red_flags(icp, profile, scored, years, met) + cap_flags,
        detailed_rationale=detailed,
        breakdown=breakdown,
    )
