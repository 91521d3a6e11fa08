"""``refine_icp``: apply a free-text PATCH query to an ICP, clause by clause, predictably.

Understood clauses (split on commas, semicolons, "and", "but"):
- "relax the experience requirement to 5 years", "at least 3 years", "7+ years" → min_years
  (and no skill asks more); "7+ years with Kafka" → Kafka a must-have asked 7 years
- "prioritize Kafka", "focus on X", "emphasise X" → X becomes a must-have with extra weight
- "must have Kafka", "require X", "X required" → must-have
- "fintech preferred", "nice to have X", "X a plus", "bonus: X" → nice-to-have (or a preferred
  term when X is not a known skill)
- "exclude agencies", "no recruiters", "not junior" → negatives / excluded seniority
- "drop Kafka", "Kafka not required" → removed from the skill lists
- "remote only", "hybrid", "onsite"; "in Berlin", "based in EU" → remote policy, location
- "senior only", "senior", "junior" → seniority (strict with "only")
Anything else contributes its skills as nice-to-haves and its words as preferred terms.
"""

from __future__ import annotations

import re
from dataclasses import replace

from talentscout.engine.icp_model import (
    ICP,
    MUST_WEIGHT,
    NICE_WEIGHT,
    PRIORITY_WEIGHT,
    with_skills,
)
from talentscout.engine.location import parse_place
from talentscout.engine.requirements import NEGATIVE_NOUNS, STOPWORDS
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy
from talentscout.engine.text import one_line

_SPLIT_STRONG = re.compile(r"\s*(?:;|\.(?=\s|$)|\bbut\b)\s*", re.I)
_AND = re.compile(r"\s+(?:and|plus|&)\s+", re.I)
_SPLIT = re.compile(r"\s*,\s*")
_YEARS = re.compile(r"(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs)", re.I)
_PRIORITY = re.compile(
    r"^(?:prioriti[sz]e|focus(?:ing)? on|emphasi[sz]e|boost|weight|favou?r|more weight (?:on|to))"
    r"\s+(?P<x>.+)$",
    re.I,
)
_MUST_PRE = re.compile(
    r"^(?:must (?:have|know)|requires?|required|need(?:s)?|mandatory|has to have|should have)"
    r"\s*:?\s+(?P<x>.+)$",
    re.I,
)
_MUST_POST = re.compile(r"^(?P<x>.+?)\s+(?:is\s+)?(?:required|mandatory|a must|must-have)$", re.I)
_NICE_PRE = re.compile(
    r"^(?:nice to have|prefer(?:ably|ring)?|bonus|ideally|optionally|plus)\s*:?\s+(?P<x>.+)$", re.I
)
_NICE_POST = re.compile(
    r"^(?P<x>.+?)\s+(?:is\s+)?(?:preferred|a plus|nice to have|a bonus|bonus|welcome|helps)$", re.I
)
_DROP = re.compile(
    r"^(?:drop|remove|ignore|forget|don'?t require|do not require|no need for)\s+(?P<x>.+)$"
    r"|^(?P<y>.+?)\s+(?:is\s+)?(?:not required|not needed|optional)$",
    re.I,
)
_NEGATE = re.compile(r"^(?:exclude|excluding|no|not|without|avoid|skip)\s+(?P<x>.+)$", re.I)
_LOCATION = re.compile(r"^(?:in|based in|located in|location\s*:?|near|within)\s+(?P<x>.+)$", re.I)
_POLICY = re.compile(
    r"^(?:(?:fully |only )?remote(?: only)?|remote[- ]first|hybrid(?: only)?|on-?site(?: only)?|"
    r"in[- ]office)$",
    re.I,
)


def _clauses(query: str) -> list[str]:
    """Clauses of a query. A location clause keeps its commas ("based in Austin, TX"); a clause
    led by a verb ("must have X and Y", "prioritize X and Y") keeps its "and"."""
    out: list[str] = []
    for piece in _SPLIT_STRONG.split(one_line(query)):
        parts = [piece] if _LOCATION.match(piece.strip()) else _SPLIT.split(piece)
        for part in parts:
            led = any(p.match(part) for p in (_PRIORITY, _MUST_PRE, _NICE_PRE, _DROP, _NEGATE))
            subs = [part] if led else _AND.split(part)
            out.extend(c.strip(" :!?\"'") for c in subs if c.strip(" :!?\"'"))
    return out


def refine_icp(icp: ICP, query: str, *, taxonomy: Taxonomy | None = None) -> ICP:
    """The ICP with one query applied. Applying queries in order is how PATCH history replays."""
    tax = taxonomy or default_taxonomy()
    # The job as context for a shared alias in the query ("must have AR" in an XR posting).
    job = [(icp.title, True), *((s, True) for s in (*icp.must_have, *icp.nice_to_have))]
    job.append((icp.posting_text, False))
    with tax.reading(lambda: job):
        return _refined(icp, query, tax)


def _refined(icp: ICP, query: str, tax: Taxonomy) -> ICP:
    must = list(icp.must_have)
    nice = list(icp.nice_to_have)
    weights = dict(icp.skill_weights)
    changes: dict[str, object] = {}
    preferred = list(icp.preferred_terms)
    negatives = list(icp.negatives)
    excluded = list(icp.excluded_seniority)

    def skills_in(text: str) -> list[str]:
        exact = tax.canonical_skill(text)
        if exact and not tax.is_shared_alias(text):  # "AR": the job decides which one
            return [exact]
        return list(dict.fromkeys(m.value for m in tax.find_skills(text, structured=True)))

    alternatives = dict(icp.alternatives)
    skill_years = dict(icp.skill_years)

    def make_must(skill: str, weight: float) -> None:
        # Named on its own, the skill is required itself, no longer one of several options;
        # its former alternatives stay welcome, as nice-to-haves.
        for other in alternatives.get(skill, ()):
            if other in must:
                must.remove(other)
                nice.append(other)
                weights[other] = NICE_WEIGHT
        for key in list(alternatives):
            rest = tuple(a for a in alternatives[key] if a != skill)
            alternatives[key] = rest
            if key == skill or not rest:
                del alternatives[key]
        if skill in nice:
            nice.remove(skill)
        if skill not in must:
            must.append(skill)
        weights[skill] = max(weight, weights.get(skill, 0.0) if skill in icp.must_have else 0.0)

    def make_nice(skill: str) -> None:
        if skill not in must and skill not in nice:
            nice.append(skill)
            weights[skill] = NICE_WEIGHT

    def prefer(text: str) -> None:
        term = " ".join(w for w in text.lower().split() if w not in STOPWORDS)
        if term and term not in preferred:
            preferred.append(term)

    for clause in _clauses(query):
        lowered = clause.lower()
        level = tax.seniority_in_title(lowered.removesuffix(" only").removesuffix("+"))
        if m := _YEARS.search(clause):
            years = float(m.group(1))
            named = skills_in(clause)
            for skill in named:  # the years of that skill, not of the whole experience
                make_must(skill, MUST_WEIGHT)
                skill_years[skill] = years
            if not named:  # the experience asked as a whole: no skill asks more years either
                changes["min_years"] = years
                skill_years = {s: min(y, years) for s, y in skill_years.items()}
        elif _POLICY.match(clause):
            policy = (
                "remote" if "remote" in lowered else "hybrid" if "hybrid" in lowered else "onsite"
            )
            changes["remote_policy"] = policy
            changes["remote_only"] = policy == "remote"
        elif (m := _DROP.match(clause)) is not None:
            for skill in skills_in(m.group("x") or m.group("y")):
                must = [s for s in must if s != skill]
                nice = [s for s in nice if s != skill]
                weights.pop(skill, None)
        elif (m := _NEGATE.match(clause)) is not None:
            for target in _AND.split(m.group("x").strip()):
                tlevel = tax.seniority_in_title(target.rstrip("s"))
                if tlevel is not None and len(target.split()) <= 2:
                    if tlevel.level not in excluded:
                        excluded.append(tlevel.level)
                    continue
                word = target.lower()
                canonical = next((k for k, forms in NEGATIVE_NOUNS.items() if word in forms), word)
                if canonical not in negatives:
                    negatives.append(canonical)
        elif (m := _PRIORITY.match(clause)) is not None:
            found = skills_in(m.group("x"))
            for skill in found:
                make_must(skill, PRIORITY_WEIGHT)
            if not found:
                prefer(m.group("x"))
        elif (m := _MUST_PRE.match(clause) or _MUST_POST.match(clause)) is not None:
            found = skills_in(m.group("x"))
            for skill in found:
                make_must(skill, MUST_WEIGHT)
            if not found:
                prefer(m.group("x"))
        elif (m := _NICE_PRE.match(clause) or _NICE_POST.match(clause)) is not None:
            found = skills_in(m.group("x"))
            for skill in found:
                make_nice(skill)
            if not found:
                prefer(m.group("x"))
        elif level is not None and len(lowered.split()) <= 3:
            changes["seniority"] = level.level
            changes["seniority_rank"] = level.rank
            changes["seniority_floor"] = changes["seniority_floor_rank"] = None
            changes["seniority_from_years"] = False
            changes["seniority_strict"] = lowered.endswith("only")
        elif (m := _LOCATION.match(clause)) is not None:
            place = parse_place(m.group("x"))
            if place is not None:
                changes["location"] = place.text
                changes["location_terms"] = tuple(sorted(place.terms))
                changes["location_countries"] = tuple(sorted(place.countries))
        else:
            found = skills_in(clause)
            for skill in found:
                make_nice(skill)
            if not found:
                prefer(clause)
    refined = with_skills(icp, must, nice, weights, tax, alternatives)
    return replace(
        refined,
        preferred_terms=tuple(preferred),
        negatives=tuple(negatives),
        excluded_seniority=tuple(excluded),
        queries=(*icp.queries, one_line(query)),
        skill_years={s: y for s, y in skill_years.items() if s in refined.skill_weights},
        **changes,  # type: ignore[arg-type]
    )
