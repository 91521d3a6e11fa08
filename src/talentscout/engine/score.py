"""Calibrated 0–100 match scores: features (features.py) combined by ONE versioned weight table.

Bands (spec §3): 80+ strong match, 60–79 plausible, 40–59 weak-to-plausible, <40 weak.

How the number is made: each criterion gives a 0–1 value or "not asked" (e.g. no location in the
job); the score is the weighted mean over the criteria that apply, a shortfall on must-haves caps
it (a missing skill — beyond one in five of a long list — or the years asked: at most "plausible";
under half of the skills: at most "weak-to-plausible"; under a quarter, with no title near the
job's: at most "weak"), so do living elsewhere for an on-site job,
a level two or more steps from the job's and a title short of a strong match, and a hit on a
negative ("no agencies") scales it down. Caps are soft ceilings (``_ceiling``): capped
candidates keep the order of their raw scores. Each score records that way (the weighted mean,
the caps that hold, the capped score), and explain shows it (caps.py): a reader can rebuild
matchScore from the scoreBreakdown.
Combination is vectorised with numpy over the batch; per-profile feature extraction is plain
Python over pre-parsed facts.

How each number was set, and what was never looked at while setting it (the eval README's
rule: never fit on what you report): benchmarks/TUNING.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from talentscout.engine.dates import MonthDate
from talentscout.engine.features import Features, compute
from talentscout.engine.icp_model import ICP, PRIORITY_WEIGHT
from talentscout.engine.location import Place
from talentscout.engine.profile import ParsedProfile
from talentscout.engine.scored import ScoredCandidate
from talentscout.engine.title_evidence import held_job_title

# criterion → weight. "skills" blends must-have (3/4) and nice-to-have (1/4) coverage.
WEIGHTS: Mapping[str, float] = {
    "skills": 0.30,
    "title": 0.25,
    "seniority": 0.08,
    "experience": 0.07,
    "education": 0.05,
    "location": 0.08,
    "semantic": 0.12,
    "recency": 0.04,
    "keywords": 0.06,
}
CRITERIA: tuple[str, ...] = tuple(WEIGHTS)
MUST_SHARE = 0.75
SKILLS_FULL_AT = 3.0  # summed skill weights (must 1.0, nice 0.5) at which "skills" weighs fully
# Wordllama cosine at or below the floor → 0, at or above the ceiling → 1; per job text
# (ICP.semantic_text): the ICP's short retrieval text, or the posting's requirement sentences,
# whose longer prose sits higher on the cosine scale.
SEMANTIC_SCALE = {"icp": (0.10, 0.60), "posting": (0.25, 0.65)}
MUST_CAP = 0.59  # best possible raw score when under half of the must-haves are shown
NEGATIVE_FACTOR = 0.5  # score multiplier on a negative hit ("no agencies" and at an agency)
# Best possible raw score of someone known to live elsewhere (another country, or outside a
# remote job's allowed region) who does not say they would relocate: at most "plausible", never
# "strong" (spec bands). Set by hand from the bands; the eval sets carry no locations.
LOCATION_CAP = 0.69
# "Strong" (80+) needs every must-have shown — directly, by a narrower skill or by a peer (a
# related skill of the same kind: GCP for AWS, MySQL for PostgreSQL; ICP.peer_skills), and in
# the described work rather than only listed — and the years the job asks (to within
# features.YEARS_GRACE): a candidate lacking one is at most "plausible". A Ruby developer whose
# "Backend Development" relates to Python is no strong Python hire, nor is one who lists Python
# beside Go work. In a list of five or more, MUST_TOLERANCE of them may fall short. Set by hand
# from the spec bands.
MISSING_MUST_CAP = 0.79
# Two or more ladder steps from the levels the job accepts (a senior for an entry-level or a
# principal opening) is at most "weak-to-plausible", however well the skills match: the person
# would not be hired into that level. Set by hand from the spec bands.
LEVEL_GAP_CAP = 0.59
# Share of a long must-have list that may fall short and still allow "strong": postings list
# wishes as requirements ("meet most of these and apply"), so one miss in five is tolerated,
# none in a list under five. Set by hand from that practice.
MUST_TOLERANCE = 0.2
# Next to nothing the job asks is shown (under WEAK_MUST_SHARE of two or more must-haves, related
# skills counted at their credit: one of six, or none) and the title is at best a distant
# relation: at most "weak". Set by hand from the spec's bands.
NOTHING_SHOWN_CAP = 0.39
WEAK_MUST_SHARE = 0.25
WEAK_TITLE = 0.60
# The band just under a cap into which capped candidates' raw scores are squeezed (see
# _ceiling). Set by hand: ten points keep capped candidates apart without moving anyone whose
# raw score is already well under the cap.
CAP_BAND = 0.10
# Each cap by the name a score records (ScoredCandidate.caps) and explain words, tightest first
# (equal limits keep this order): the lowest cap that holds is the one applied.
CAPS: tuple[tuple[str, float], ...] = (
    ("nothing_shown", NOTHING_SHOWN_CAP),
    ("must_share", MUST_CAP),
    ("level_gap", LEVEL_GAP_CAP),
    ("elsewhere", LOCATION_CAP),
    ("must_shortfall", MISSING_MUST_CAP),
    ("years", MISSING_MUST_CAP),
    ("title", MISSING_MUST_CAP),
)
# "Strong" also needs a strong title match: someone who never held the job's title (or a kind
# of it) and whose title credit is under this (a role only related to the job's, such as an
# Engineering Manager for a backend engineer opening) is at most "plausible", however well the
# skills match. Set by hand: the spec's strong band, 80.
STRONG_TITLE = 0.80


def _ceiling(raw: np.ndarray, cap: np.ndarray) -> np.ndarray:
    """A soft cap with a knee: a raw score up to ``cap - CAP_BAND`` is kept; above it, raw
    scores up to a perfect 1.0 are squeezed into the band just under the cap (1.0 lands on the
    cap). Nothing ends above the cap, and capped candidates keep the order of their raw scores
    instead of all tying at it. A cap of 1 changes nothing."""
    knee = cap - CAP_BAND
    squeezed = knee + CAP_BAND * (raw - knee) / np.maximum(1.0 - knee, 1e-9)
    ceiling: np.ndarray = np.where(raw > knee, np.minimum(squeezed, cap), raw)
    return ceiling


def _skills_value(f: Features) -> float | None:
    if f.must is None and f.nice is None:
        return None
    if f.must is None:
        return f.nice
    if f.nice is None:
        return f.must
    return MUST_SHARE * f.must + (1 - MUST_SHARE) * f.nice


def _must_shortfall(icp: ICP, f: Features) -> bool:
    """Short of what "strong" needs on must-haves: a must-have missing, met only by a related
    skill of another kind (Python by "Backend Development"), only claimed (listed while the
    described work never shows it), or a language below the level asked. A long list is a wish
    list: up to MUST_TOLERANCE of its requirements may fall short, never one the title names
    ("Rust Engineer" without Rust)."""
    short = [*f.missing_must]
    short += [k for k, r in f.partial_must.items() if r not in icp.peer_skills.get(k, ())]
    short += [m for m in f.matched_must if m in f.listed_only]
    short += [m for m in f.matched_must if m in f.short_language_levels]  # B1 for a C1 ask
    if not short:
        return False
    if any(icp.requirement_weight(icp.requirement(req)) >= PRIORITY_WEIGHT for req in short):
        return True
    allowed = int(len(icp.skill_groups(icp.must_have)) * MUST_TOLERANCE)
    return len(short) > allowed


def _in_another_country(icp: ICP, profile: ParsedProfile) -> bool:
    """Known to live elsewhere: the person's country is known and is not one the job allows.
    An unplaceable city ("Munich" with no country) is not evidence of living elsewhere."""
    return bool(icp.location_countries and profile.country) and (
        profile.country not in icp.location_countries
    )


def criterion_weights(icp: ICP) -> dict[str, float]:
    """WEIGHTS for this job: the skills criterion counts fully only when the job names enough
    skill requirements (one skill merely mentioned in a description is weak evidence of what
    the job needs)."""
    asked = sum(
        icp.requirement_weight(group)
        for wanted in (icp.must_have, icp.nice_to_have)
        for group in icp.skill_groups(wanted)
    )
    share = min(1.0, asked / SKILLS_FULL_AT)
    return {c: round(w * share, 4) if c == "skills" else w for c, w in WEIGHTS.items()}


def _evidence(icp: ICP, p: ParsedProfile, f: Features) -> dict[str, tuple[Mapping[str, str], ...]]:
    skills: list[dict[str, str]] = []
    for skill in [*f.matched_must, *f.partial_must.values(), *f.matched_nice]:
        for ev in p.skill_evidence.get(f.shown_by.get(skill, skill), ())[:1]:
            item = {"text": ev.text, "source": ev.source}
            if item not in skills:
                skills.append(item)
    title = [{"text": e.text, "source": e.source} for e in f.title_evidence[:3]]
    years = [{"text": e.text, "source": e.source} for e in p.years_evidence[:3]]
    seniority = years[:1]
    if p.current_role:
        seniority = [{"text": p.current_role, "source": _current_source(p)}]
    location = [{"text": p.location, "source": "location"}] if p.location else []
    education = [
        {"text": text, "source": "education"}
        for e in p.education[:2]
        if (text := e.degree or e.area)
    ]
    return {
        "skills": tuple(skills[:8]),
        "title": tuple(title),
        "seniority": tuple(seniority),
        "experience": tuple(years),
        "education": tuple(education),
        "location": tuple(location),
        "semantic": (),
        "recency": tuple(years[1:2]),
        "keywords": (),
    }


def _current_source(p: ParsedProfile) -> str:
    for role in p.roles:
        if role.title == p.current_role:
            return role.source
    return "work"


def score_profiles(
    icp: ICP,
    profiles: Sequence[ParsedProfile],
    semantic: Sequence[float] | None = None,
    *,
    as_of: date,
) -> list[ScoredCandidate]:
    """Score every profile against the ICP, in input order. ``semantic[i]`` is the cosine
    similarity of the embeddings of ``icp.semantic_text()`` and the profile's search text
    (computed by the caller), or None."""
    if semantic is not None and len(semantic) != len(profiles):
        raise ValueError("semantic must have one value per profile")
    today = MonthDate.of(as_of)
    job_place = (
        Place(icp.location or "", frozenset(icp.location_terms), frozenset(icp.location_countries),
              icp.remote_policy)
        # a location that names no place ("Relocation offered") asks nothing
        if icp.location_terms or icp.location_countries or icp.remote_policy else None
    )  # fmt: skip
    n = len(profiles)
    nan = float("nan")
    # Plain lists per profile, one array conversion at the end: element-wise numpy writes in a
    # Python loop cost more than the arithmetic they feed.
    rows: list[list[float]] = []
    negative_list: list[float] = []
    held_caps: list[tuple[bool, ...]] = []  # per profile, one flag per CAPS entry
    feats: list[Features] = []
    for i, profile in enumerate(profiles):
        f = compute(icp, profile, job_place, today)
        feats.append(f)
        row = {
            "skills": _skills_value(f),
            "title": f.title,
            "seniority": f.seniority,
            "experience": f.experience,
            "education": f.education,
            "location": f.location,
            "semantic": semantic[i] if semantic is not None else None,
            "recency": f.recency,
            "keywords": f.keywords,
        }
        rows.append([nan if (v := row[c]) is None else v for c in CRITERIA])
        negative_list.append(f.negative)
        holds = {
            "nothing_shown": f.must is not None
            and f.must < WEAK_MUST_SHARE
            and len(icp.skill_groups(icp.must_have)) >= 2
            and (f.title or 0.0) < WEAK_TITLE,
            "must_share": f.must is not None and f.must < 0.5,
            "level_gap": f.far_level,
            "elsewhere": f.location == 0.0 and _in_another_country(icp, profile),
            "must_shortfall": _must_shortfall(icp, f),
            "years": f.short_years,
            "title": f.title is not None
            and f.title < STRONG_TITLE
            and held_job_title(icp, profile) is None,
        }
        held_caps.append(tuple(holds[kind] for kind, _ in CAPS))
    values = np.array(rows, dtype=np.float64).reshape(n, len(CRITERIA))
    semantic_col = CRITERIA.index("semantic")
    floor, ceil = SEMANTIC_SCALE["posting" if icp.reads_posting else "icp"]
    values[:, semantic_col] = np.clip((values[:, semantic_col] - floor) / (ceil - floor), 0, 1)
    mask = ~np.isnan(values)
    values = np.nan_to_num(values, nan=0.0)
    negative = np.array(negative_list, dtype=np.float64)
    held = np.array(held_caps, dtype=bool).reshape(n, len(CAPS))
    weights = np.array([criterion_weights(icp)[c] for c in CRITERIA], dtype=np.float64)
    active = mask * weights
    denom = active.sum(axis=1)
    raw = np.divide((values * active).sum(axis=1), denom, out=np.zeros(n), where=denom > 0)
    limits = np.array([limit for _, limit in CAPS], dtype=np.float64)
    cap = np.where(held, limits, 1.0).min(axis=1, initial=1.0)
    capped = _ceiling(raw, cap)  # the lowest cap that applies, once
    scaled = capped * (1.0 - (1.0 - NEGATIVE_FACTOR) * negative)
    final = np.clip(np.rint(scaled * 100.0), 0, 100).astype(int)
    # What explain shows of the way from the weighted mean to the score, rounded as the score
    # is: with no negative hit, the capped score is match_score.
    raw_pct = np.rint(raw * 100.0).astype(int)
    capped_pct = np.rint(capped * 100.0).astype(int)
    cap_pct = np.rint(cap * 100.0).astype(int)
    subs = np.clip(np.rint(values * 100.0), 0, 100).astype(int)
    out: list[ScoredCandidate] = []
    for i, (profile, f) in enumerate(zip(profiles, feats, strict=True)):
        used = {c: float(weights[j]) for j, c in enumerate(CRITERIA) if mask[i, j]}
        caps = tuple(kind for j, (kind, _) in enumerate(CAPS) if held[i, j])
        out.append(
            ScoredCandidate(
                match_score=int(final[i]),
                raw_score=int(raw_pct[i]),
                capped_score=int(capped_pct[i]),
                caps=caps,
                cap_limit=int(cap_pct[i]) if caps else None,
                scores={c: int(subs[i, j]) for j, c in enumerate(CRITERIA) if mask[i, j]},
                weights=used,
                evidence=_evidence(icp, profile, f),
                matched_must=tuple(f.matched_must),
                partial_must=dict(f.partial_must),
                missing_must=tuple(f.missing_must),
                matched_nice=tuple(f.matched_nice),
                partial_nice=dict(f.partial_nice),
                shown_by=dict(f.shown_by),
                listed_only=tuple(f.listed_only),
                short_skill_years=dict(f.short_skill_years),
                short_language_levels=dict(f.short_language_levels),
                negatives=tuple(f.negative_reasons),
            )
        )
    return out
