"""The enriched Candidate: the §3 Candidate shape plus what the providers found, with provenance.

Why keep the Candidate shape: an InstaView client reads ``candidate.emails`` (a string list) and the
usual profile fields. The provenance and the refreshed public data ride along as extension fields
(``emailProvenance``, ``portfolioLinks``, ``publicProfiles``, and ``providerFailures``: the
providers that failed for this profile, so a partial result says it is partial), so nothing
existing breaks.

Score fields come from the profile's most recent sourcing delivery; a pool profile that was never
scored has ``matchScore: null`` rather than an invented number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from talentscout.enrichment.providers.base import (
    Findings,
    ProviderFailure,
    Subject,
    public_url,
)


def subject_from_delivery(profile_id: str, payload: Mapping[str, Any]) -> Subject:
    """A profile known only from a delivered run (not in the pool): enrich what was delivered."""
    url = payload.get("linkedinUrl")
    data = {
        "basics": {
            "name": payload.get("name"),
            "label": payload.get("headline"),
            "url": url,
        }
    }
    facts = {
        "name": payload.get("name"),
        "headline": payload.get("headline"),
        "location": payload.get("location"),
        "current_company": payload.get("currentCompany"),
        "current_role": payload.get("currentRole"),
        "emails": list(payload.get("emails") or []),
        "links": [url] if isinstance(url, str) else [],
        "skills": list(payload.get("skills") or []),
        "roles": [],
    }
    return Subject(profile_id, data, facts)


def _experience(facts: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "role": role.get("title"),
            "company": role.get("company"),
            "duration": role.get("duration"),
            "highlights": list(role.get("highlights") or []),
        }
        for role in facts.get("roles") or []
        if isinstance(role, Mapping)
    ]


def _profile_url(links: Sequence[str]) -> str | None:
    linkedin = [u for u in links if "linkedin.com/" in u.lower()]
    chosen = linkedin or list(links)
    return chosen[0] if chosen else None


def enriched_candidate(
    subject: Subject,
    delivered: Mapping[str, Any] | None,
    results: Sequence[Findings],
    enriched_at: str,
    failures: Sequence[ProviderFailure] = (),
) -> dict[str, Any]:
    facts = subject.facts
    delivered = delivered or {}
    emails: list[str] = []
    provenance: list[dict[str, str]] = []
    links: list[dict[str, str]] = []
    seen_pairs: set[tuple[str, str]] = set()
    seen_links: set[str] = set()
    public: dict[str, Any] = {}
    for findings in results:
        for email in findings.emails:
            if email.email not in emails:
                emails.append(email.email)
            if (email.email, email.source) not in seen_pairs:
                seen_pairs.add((email.email, email.source))
                provenance.append(email.to_dict())
        for link in findings.links:
            if link.url.lower() not in seen_links:
                seen_links.add(link.url.lower())
                links.append(link.to_dict())
        if findings.profile is not None:
            public[findings.source] = findings.profile
    github = public.get("github") or {}
    raw_links = [link["url"] for link in links]
    sources = list(dict.fromkeys([*(delivered.get("sources") or ["pool"]), *public]))
    candidate: dict[str, Any] = {
        "profileId": subject.profile_id,
        "name": facts.get("name") or github.get("name") or "Unnamed candidate",
        "linkedinUrl": public_url(delivered.get("linkedinUrl")) or _profile_url(raw_links),
        "matchScore": delivered.get("matchScore"),
        "rationale": delivered.get("rationale"),
        "skills": list(facts.get("skills") or delivered.get("skills") or []),
        "headline": facts.get("headline"),
        "location": facts.get("location") or github.get("location"),
        "currentCompany": facts.get("current_company"),
        "currentRole": facts.get("current_role"),
        "aiFitPoints": list(delivered.get("aiFitPoints") or []),
        "aiRedFlags": list(delivered.get("aiRedFlags") or []),
        "aiDetailedRationale": list(delivered.get("aiDetailedRationale") or []),
        "detailedExperience": _experience(facts) or list(delivered.get("detailedExperience") or []),
        "emails": emails,
        "scoreBreakdown": dict(delivered.get("scoreBreakdown") or {}),
        "sources": sources,
        "emailProvenance": provenance,
        "portfolioLinks": links,
        "publicProfiles": public,
        "providerFailures": [failure.to_dict() for failure in failures],
        "enrichedAt": enriched_at,
    }
    return candidate
