"""``refine_icp``: apply a free-text PATCH query to an ICP, clause by clause, predictably.

Understood clauses (split on semicolons, full stops, "but", commas and "and"; a part that is
no instruction of its own continues the one before it when it names what that one takes:
"must have Go, Rust and Kafka", "exclude agencies and consultants", but "must have Go and
5+ years" is two):
- "relax the experience requirement to 5 years", "at least 3 years", "7+ years" → min_years
  (and no skill asks more); "7+ years with Kafka" → Kafka a must-have asked 7 years
- "prioritize Kafka", "focus on X", "emphasise X" → X counts as a must-have, on its own (out of
  any "X or Y" choice): a nice-to-have or a skill the job did not name gets the normal
  must-have weight (1.0); a skill that already was a must-have a heavier one (1.5, as a skill
  the job title names: a candidate without it is never a strong match)
- "must have Kafka", "must know/speak/use X", "must be fluent in X", "require(s) X",
  "need(s) X", "X is required", "X is a must" → must-have
- a level stated beside a language anywhere in the query ("must be fluent in German", "German
  B2 is enough") → the level asked of it (language_levels.py), replacing the posting's
- "fintech preferred", "nice to have X", "X a plus", "bonus: X" → nice-to-have (or a preferred
  term when X is not a known skill)
- "exclude agencies", "no agencies", "no agency recruiters", "no recruitment agencies",
  "no recruiters", "not junior" → negatives (a known kind: agency, recruiter, consultant,
  contractor, outsourcing; else the words themselves) / excluded seniority
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
from talentscout.engine.language_levels import asked_levels
from talentscout.engine.location import parse_place
from talentscout.engine.requirements import NEGATIVE_NOUNS, STOPWORDS, read_negatives
from talentscout.engine.taxonomy import Taxonomy, default_taxonomy
from talentscout.engine.text import one_line

_SPLIT_STRONG = re.compile(r"\s*(?:;|\.(?=\s|$)|\bbut\b)\s*", re.I)
_AND = re.compile(r"\s+(?:and|plus|&)\s+", re.I)
_SPLIT = re.compile(r"\s*,\s*")
_YEARS = re.compile(r"(\d{1,2}(?:\.\d)?)\s*(?:\+\s*)?(?:years?|yrs)", re.I)
_PRIORITY = re.compile(
    r"^(?:prioriti[sz]e|focus(?:ing)? on|emphasi[sz]e|boost|weight|favou?r|more weight (?:on|to))"
    r"\s+(?P<x>.+)$",
    re.I,
)
_KNOW = r"(?:have|know|speak|use|be (?:fluent|proficient|experienced|skilled) (?:in|with))"
_MUST_PRE = re.compile(
    rf"^(?:(?:must|should|has to|have to|needs? to) {_KNOW}|must[- ]haves?|requires?|required|"
    r"need(?:s)?|mandatory)\s*:?\s+(?P<x>.+)$",
    re.I,
)
_MUST_POST = re.compile(
    r"^(?P<x>.+?)\s+(?:(?:is|are)\s+)?(?:required|mandatory|essential|needed|a requirement|"
    r"(?:a )?must(?:[- ]have)?)$",
    re.I,
)
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
# The kinds of negatives a profile is checked for ("no agency recruiters" turns away
# agencies, as in a posting: requirements.read_negatives).
_NEGATIVE_FORM = re.compile(
    r"\b(?:"
    + "|".join(sorted((f for v in NEGATIVE_NOUNS.values() for f in v), key=len, reverse=True))
    + r")\b",
    re.I,
)
_POLICY = re.compile(
    r"^(?:(?:fully |only )?remote(?: only)?|remote[- ]first|hybrid(?: only)?|on-?site(?: only)?|"
    r"in[- ]office)$",
    re.I,
)


def _skills_in(text: str, tax: Taxonomy) -> list[str]:
    exact = tax.canonical_skill(text)
    if exact and not tax.is_shared_alias(text):  # "AR": the job decides which one
        return [exact]
    return list(dict.fromkeys(m.value for m in tax.find_skills(text, structured=True)))


def _level(text: str, tax: Taxonomy) -> bool:
    """Whether a short text names a seniority level ("senior only", "juniors")."""
    lowered = text.lower().removesuffix(" only").removesuffix("+")
    return len(text.split()) <= 3 and tax.seniority_in_title(lowered.rstrip("s")) is not None


def _instruction(text: str, tax: Taxonomy) -> bool:
    """Whether a part of a query is an instruction of its own ("5+ years", "remote only")."""
    patterns = (_PRIORITY, _MUST_PRE, _MUST_POST, _NICE_PRE, _NICE_POST, _DROP, _NEGATE)
    return bool(
        _YEARS.search(text)
        or _POLICY.match(text)
        or _LOCATION.match(text)
        or any(p.match(text) for p in patterns)
        or _level(text, tax)
    )


def _continues(clause: str, part: str, tax: Taxonomy) -> bool:
    """Whether ``part`` lists more of what ``clause``'s verb takes: skills after "must have X",
    "prioritize X", "nice to have X" or "drop X"; kinds of people or levels after "no …"."""
    if _DROP.match(clause):
        return not _instruction(part, tax) and bool(_skills_in(part, tax))
    if _NEGATE.match(clause):
        return bool(_NEGATIVE_FORM.search(part)) or (
            _level(part, tax) and not part.lower().endswith("only")
        )
    if any(p.match(clause) for p in (_PRIORITY, _MUST_PRE, _NICE_PRE)):
        return not _instruction(part, tax) and bool(_skills_in(part, tax))
    return False


def _and_parts(text: str, tax: Taxonomy) -> list[str]:
    """``text`` cut at "and", "plus" and "&", except inside a skill's name ("Mergers and
    Acquisitions")."""
    names = [(m.start, m.end) for m in tax.find_skills(text, structured=True)]
    parts: list[str] = []
    pos = 0
    for m in _AND.finditer(text):
        if not any(a < m.start() < b for a, b in names):
            parts.append(text[pos : m.start()])
            pos = m.end()
    return [*parts, text[pos:]]


def _clauses(query: str, tax: Taxonomy) -> list[str]:
    """Clauses of a query: cut at semicolons, full stops and "but", then at commas and "and"
    (a location clause keeps its commas: "based in Austin, TX"). A part that is no instruction
    of its own joins the clause before it when it names more of what that clause's verb takes
    ("must have Go, Rust and Kafka"; "exclude recruiters and agencies")."""
    out: list[str] = []
    for piece in _SPLIT_STRONG.split(one_line(query)):
        parts = [piece] if _LOCATION.match(piece.strip()) else _SPLIT.split(piece)
        clauses: list[str] = []
        for part in parts:
            for sub in _and_parts(part, tax):
                clause = sub.strip(" :!?\"'")
                if not clause:
                    continue
                if clauses and _continues(clauses[-1], clause, tax):
                    clauses[-1] = f"{clauses[-1]} and {clause}"
                else:
                    clauses.append(clause)
        out.extend(clauses)
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
        return _skills_in(text, tax)

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

    for clause in _clauses(query, tax):
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
                # "agency recruiters", "recruiters or agencies": the kinds it names
                kinds, _ = read_negatives(f"no {target}", tax)
                for term in kinds or [target.lower()]:
                    if term not in negatives:
                        negatives.append(term)
        elif (m := _PRIORITY.match(clause)) is not None:
            found = skills_in(m.group("x"))
            for skill in found:  # heavier only where it was asked for already
                make_must(skill, PRIORITY_WEIGHT if skill in must else MUST_WEIGHT)
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
        # a level the query states ("must be fluent in German") replaces the posting's
        language_levels={**refined.language_levels, **asked_levels(refined, query, tax)},
        **changes,  # type: ignore[arg-type]
    )
