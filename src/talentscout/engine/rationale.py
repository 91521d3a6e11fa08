"""The one-sentence rationale of a score: who the person is, the band, and what decided it
(must-haves shown and missing, the title match, an exclusion first when one applies). Split
from explain.py, which builds the cited points and flags from the same inputs."""

from __future__ import annotations

from typing import NamedTuple

from talentscout.engine.icp_model import ICP, requirement_name
from talentscout.engine.language_levels import LEVEL_WORDS
from talentscout.engine.profile import ParsedProfile
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.title_evidence import job_titles
from talentscout.engine.wording import asked_years, join_and, years_text


class MetRequirement(NamedTuple):
    """A must-have requirement the person meets: the member shown, how to name the
    requirement ("Python (one of C, C++ or Python)"), and all its members."""

    skill: str
    named: str
    group: tuple[str, ...]


def one_of(icp: ICP, requirement: str) -> str:
    """A missing requirement as a reader takes it: "one of Data Modeling, ETL or ELT" for a
    choice of three or more ("Go or Rust" says it already)."""
    return f"one of {requirement}" if len(icp.requirement(requirement)) > 2 else requirement


def by_importance(icp: ICP, requirements: list[str]) -> list[str]:
    """Heaviest first; ties keep the job's order."""
    return sorted(requirements, key=lambda r: -icp.requirement_weight(icp.requirement(r)))


def requirement_of(icp: ICP, skill: str) -> str:
    """The requirement a must-have skill belongs to, by its full name ("Django or FastAPI" for
    Django), as every sentence names it."""
    for group in icp.skill_groups(icp.must_have):
        if skill in group:
            return requirement_name(group)
    return skill


def band(score: float) -> str:
    """The spec's band of a score, as the rationale says it."""
    return (
        "strong" if score >= 80 else "plausible" if score >= 60 else
        "partial" if score >= 40 else "weak"
    )  # fmt: skip


def title_relation(icp: ICP, p: ParsedProfile, s: ScoredCandidate) -> str | None:
    """How the title the score credited relates to the job, as the title fit point says it:
    "fits" (the job's own title family or a kind of it: an "ICU Nurse" for a Registered Nurse
    opening), "related" (credited through a related family: no claim it is the job), None when
    no title is quoted (a title score under 60, or no title evidence)."""
    evidence = s.evidence.get("title", ())
    if s.scores.get("title", 0) < 60 or not evidence:
        return None
    own = job_titles(icp, p)
    if icp.title_family and not any(e.text == evidence[0]["text"] for e in own):
        return "related"
    return "fits"


def _lesser_gap(icp: ICP, s: ScoredCandidate, met: list[MetRequirement]) -> list[str]:
    """The gap worth naming when no must-have is missing or met by a peer: one met only by a
    related skill of another kind, else one only listed, else one shown for fewer years."""
    if others := [k for k, r in s.partial_must.items() if r not in icp.peer_skills.get(k, ())]:
        skill = by_importance(icp, others)[0]
        related = s.partial_must[skill]
        return [f"no evidence of {requirement_of(icp, skill)} (only the related {related})"]
    if listed := [m.skill for m in met if m.skill in s.listed_only]:
        return [f"{join_and(by_importance(icp, listed)[:2])} only listed, not shown in use"]
    if short := [m for g in met for m in g.group if m in s.short_skill_years]:
        skill = by_importance(icp, short)[0]
        used, asked = s.short_skill_years[skill]
        return [f"{skill} for {years_text(used)} of the {asked_years(asked)} asked"]
    return []


def rationale(icp: ICP, p: ParsedProfile, s: ScoredCandidate, met: list[MetRequirement]) -> str:
    # An untitled latest role names no one: the resume's own title line says more.
    who = " at ".join(filter(None, [p.current_role, p.current_company])) if p.current_role else ""
    who = who or (p.headline or "").rstrip(" .!?;:")
    who = who or (f"Worked at {p.current_company}" if p.current_company else "")
    if not who:
        shown = join_and(list(p.skills[:3]))
        who = f"Profile listing {shown}" if shown else "Profile with no stated role or skills"
    years = f" with {years_text(p.total_years)} of experience" if p.total_years else ""
    n_must = len(icp.skill_groups(icp.must_have))
    met_names = [m.skill for m in met]
    parts: list[str] = []
    if n_must:
        got = len(met_names)
        names = met_names[:4] + ([f"{got - 4} more"] if got > 4 else [])
        shown = f" ({join_and(names)})" if got else ""
        parts.append(f"shows {got} of {n_must} must-have skills{shown}")
    elif s.matched_nice:
        parts.append(f"shows {join_and(list(s.matched_nice[:4]))}")
    title = s.scores.get("title")
    relation = title_relation(icp, p, s)  # the level the title fit point says
    if title is not None and relation == "related":
        parts.append(f"title related to {icp.canonical_title}")
    elif title is not None:
        strength = "strong" if title >= 80 else "good" if relation else "partial"
        strength = "weak" if title < 40 else strength
        parts.append(f"{strength} {icp.canonical_title} title match")
    if s.missing_must:
        missing = by_importance(icp, list(s.missing_must))[:3]
        # a choice reads unambiguously only at the end of the list, and only one: "missing
        # Kafka and either Go or Rust", never "missing Go or Rust and Kafka"
        singles = [r for r in missing if len(icp.requirement(r)) == 1]
        choice = next((r for r in missing if len(icp.requirement(r)) > 1), None)
        if choice is not None:
            either = len(icp.requirement(choice)) == 2 and singles
            singles.append(f"either {choice}" if either else one_of(icp, choice))
        parts.append(f"missing {join_and(singles)}")
    # A must-have met by a peer (the same kind of skill: a near-equivalent) is named every time.
    peers = [k for k, rel in s.partial_must.items() if rel in icp.peer_skills.get(k, ())]
    for skill in by_importance(icp, peers)[:2]:
        parts.append(f"{requirement_of(icp, skill)} met by its peer {s.partial_must[skill]}")
    # A language below the level asked is named every time: "shows" it is not "meets" it.
    if low := [m for g in met for m in g.group if m in s.short_language_levels]:
        skill = by_importance(icp, low)[0]
        shown, asked = s.short_language_levels[skill]
        parts.append(f"{skill} at {shown}, below the {asked} ({LEVEL_WORDS[asked]}) asked")
    if not (s.missing_must or peers):
        parts.extend(_lesser_gap(icp, s, met))
    if s.negatives:  # it explains the score before anything else does
        excluded = join_and([f'"{reason}"' for reason in s.negatives])
        parts.insert(0, f"current position hits the job's exclusion of {excluded}")
    body = "; ".join(parts) if parts else "little overlap with the job's criteria"
    return f"{who}{years}: {band(s.match_score)} fit for {icp.title} ({s.match_score}/100), {body}."
