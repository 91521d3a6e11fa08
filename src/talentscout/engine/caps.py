"""What moved a score off the weighted mean of its criteria, in words: the cap that held it
(score.CAPS) and a hit on the job's exclusions (score.NEGATIVE_FACTOR).

Why: a reader who multiplies the breakdown's scores by their weights gets the weighted mean,
not matchScore, whenever a cap or a negative applied; unexplained, the score looks wrong. Each
adjustment is a scoreBreakdown entry shaped like a criterion's (``score``, ``weight`` 0 so it
adds nothing to the mean, ``evidence`` quoted from the profile) with three extension fields:
``reason``, ``before`` and ``after`` (0–100, rounded as matchScore is): the weighted mean is
the cap's ``before``, its ``after`` the negatives' ``before``, and the last ``after`` is
matchScore. A cap also becomes a red flag a recruiter can read.
"""

from __future__ import annotations

from typing import Any

from talentscout.engine.icp_model import ICP
from talentscout.engine.location_reach import country_words, reach_words
from talentscout.engine.profile import ParsedProfile
from talentscout.engine.rationale import band, requirement_of
from talentscout.engine.score import CAPS, NEGATIVE_FACTOR
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.wording import a_or_an, asked_years, join_and, join_or, years_text


def _shortfalls(icp: ICP, s: ScoredCandidate) -> list[tuple[str, str]]:
    """What keeps a candidate out of "strong" on must-haves (score._must_shortfall): each
    requirement by its full name, and what is short."""
    short = [(name, "not found") for name in s.missing_must]
    for skill, related in s.partial_must.items():
        if related not in icp.peer_skills.get(skill, ()):
            short.append((requirement_of(icp, skill), f"only the related {related}"))
    listed = dict.fromkeys(requirement_of(icp, m) for m in s.matched_must if m in s.listed_only)
    short += [(name, "only listed, not shown in use") for name in listed]
    for language, (shown, asked) in s.short_language_levels.items():
        if language in s.matched_must:
            short.append((requirement_of(icp, language), f"at {shown}, {asked} asked"))
    return short


def _cause(
    kind: str, icp: ICP, p: ParsedProfile, s: ScoredCandidate, years: tuple[float, bool]
) -> tuple[str, list[dict[str, str]]]:
    """Why a cap holds, in a recruiter's words, and the profile quotes behind it."""
    n_must = len(icp.skill_groups(icp.must_have))
    n_met = len({requirement_of(icp, m) for m in s.matched_must})
    if kind == "nothing_shown":
        job = icp.canonical_title or icp.title
        if not n_met:
            return f"none of the {n_must} must-haves is shown, nor a title close to {job}", []
        verb = "is" if n_met == 1 else "are"
        return (
            f"only {n_met} of the {n_must} must-haves {verb} shown, and no title close to {job}",
            [],
        )
    if kind == "must_share":
        return f"under half of the must-haves are shown ({n_met} of {n_must})", []
    if kind == "level_gap":
        asked = icp.seniority or ""
        asked = f"{icp.seniority_floor} to {asked}" if icp.seniority_floor else asked
        role = [{"text": p.current_role, "source": "current role"}] if p.current_role else []
        return (
            f"the profile reads as {p.seniority}, two or more levels from the {asked} the job asks",
            role,
        )
    if kind == "elsewhere":
        where = join_or(reach_words(icp.location_terms, icp.location_countries))
        place = f'"{p.location}"' if p.location else country_words(p.country or "")
        quote = [{"text": p.location, "source": "location"}] if p.location else []
        return f"{place} is outside {where} and the profile says nothing of relocating", quote
    if kind == "years":
        counted, related = years
        kind_of = "related experience" if related else "experience"
        shown = f"{years_text(counted)} of {kind_of}" if counted else f"no dated {kind_of}"
        return f"{shown} where the job asks {asked_years(icp.min_years or 0)}", []
    if kind == "title":  # the title credited, else the person's current role
        quote = [dict(e) for e in s.evidence.get("title", ())[:1]]
        if not quote and p.current_role:
            quote = [{"text": p.current_role, "source": "current role"}]
        job = icp.canonical_title or icp.title
        if not quote:
            return f"no title in the profile matches {job}", []
        return f'"{quote[0]["text"]}" is no strong title match for {job}', quote
    short = _shortfalls(icp, s)
    if len(short) == 1:
        return f"must-have {short[0][0]} {short[0][1]}", []
    return f"must-haves {join_and([f'{name} ({what})' for name, what in short])}", []


def adjustments(
    icp: ICP, p: ParsedProfile, s: ScoredCandidate, years: tuple[float, bool]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The scoreBreakdown entries ("cap", "negatives") and the red flag of a cap that lowered
    the score. ``years`` is ``job_years(icp, p)``. A record from before the score kept its
    way (raw_score None) gets the negatives entry without before/after."""
    entries: dict[str, dict[str, Any]] = {}
    flags: list[str] = []
    before, after = s.raw_score, s.capped_score
    known = [k for k in s.caps if k in dict(CAPS)]  # a stored record may name a retired cap
    if (
        known
        and before is not None
        and after is not None
        and s.cap_limit is not None
        and after < before
    ):
        limit = s.cap_limit
        # the caps that hold at the tightest limit: score.CAPS lists equal limits together
        binding = [k for k in known if _limit_of(k) == limit] or known[:1]
        causes = [_cause(k, icp, p, s, years) for k in binding]
        cause = "; ".join(c for c, _ in causes)
        evidence = [e for _, quotes in causes for e in quotes]
        at_most = f"at most {limit}, {a_or_an(band(limit))} fit"
        entries["cap"] = {
            "score": limit,
            "weight": 0.0,
            "evidence": evidence,
            "reason": f"{cause[:1].upper()}{cause[1:]}: {at_most}",
            "before": before,
            "after": after,
        }
        flags.append(
            f"Score capped ({at_most}): {cause} — {before} on the criteria, {after} under the cap"
        )
    if s.negatives:
        excluded = join_and([f'"{reason}"' for reason in s.negatives])
        entry: dict[str, Any] = {
            "score": 0,
            "weight": 0.0,
            "evidence": [
                {"text": t, "source": "current position"}
                for t in [p.current_company or p.current_role or ""]
                if t
            ],
            "reason": f"Current position hits the job's exclusion of {excluded}: score × "
            f"{NEGATIVE_FACTOR:g}",
        }
        if after is not None:
            entry["before"] = after
            entry["after"] = s.match_score
        entries["negatives"] = entry
    return entries, flags


def _limit_of(kind: str) -> int:
    """A cap's limit, 0–100, as score.CAPS sets it."""
    return round(dict(CAPS)[kind] * 100)
