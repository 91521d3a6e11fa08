"""Assemble the API's Candidate object from a stored profile, its score and its explanation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from talentscout.engine.explain import Explanation
from talentscout.engine.parse import ParsedProfile


def _linkedin_url(data: Mapping[str, Any], parsed: ParsedProfile) -> str | None:
    basics = data.get("basics") or {}
    urls: list[str] = []
    for item in basics.get("profiles") or []:
        if isinstance(item, Mapping) and isinstance(item.get("url"), str):
            urls.append(item["url"])
    if isinstance(basics.get("url"), str):
        urls.append(basics["url"])
    urls.extend(parsed.links)
    public = [u for u in urls if u.startswith(("http://", "https://"))]
    linkedin = [u for u in public if "linkedin.com" in u.lower()]
    chosen = linkedin or public
    return chosen[0] if chosen else None


def build_candidate(
    profile_id: str,
    data: Mapping[str, Any],
    parsed: ParsedProfile,
    match_score: int,
    explanation: Explanation,
) -> dict[str, Any]:
    experience = [
        {
            "role": role.title,
            "company": role.company,
            "duration": role.duration,
            "highlights": list(role.highlights),
        }
        for role in parsed.roles
    ]
    return {
        "profileId": profile_id,
        "name": parsed.name or "Unnamed candidate",
        "linkedinUrl": _linkedin_url(data, parsed),
        "matchScore": int(match_score),
        "rationale": explanation.rationale,
        "skills": list(parsed.skills),
        "headline": parsed.headline,
        "location": parsed.location,
        "currentCompany": parsed.current_company,
        "currentRole": parsed.current_role,
        "aiFitPoints": list(explanation.fit_points),
        "aiRedFlags": list(explanation.red_flags),
        "aiDetailedRationale": [dict(item) for item in explanation.detailed_rationale],
        "detailedExperience": experience,
        "emails": list(parsed.emails),
        "scoreBreakdown": explanation.breakdown,
        "sources": [str(data.get("source") or "pool")],
    }
