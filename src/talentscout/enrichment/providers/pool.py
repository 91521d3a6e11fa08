"""The pool record itself as a provider: contact details and links already in the imported profile.

Why a provider at all: imported records hide contacts in free text (a resume's header, a work
summary). Pulling them out with the exact field they came from gives every address a provenance
the recruiter can check, exactly like an external source's findings.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from talentscout.enrichment.providers.base import (
    URL_RE,
    EmailFinding,
    Findings,
    LinkFinding,
    Subject,
    clean_email,
    emails_in,
    link_kind,
    public_url,
)

SOURCE = "pool"


def _texts(data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(evidence path, value) for every free-text field that may carry contacts."""
    basics = data.get("basics") if isinstance(data.get("basics"), Mapping) else {}
    assert isinstance(basics, Mapping)
    yield "basics.summary", basics.get("summary")
    yield "resumeText", data.get("resumeText")
    for index, work in enumerate(data.get("work") or []):
        if isinstance(work, Mapping):
            yield f"work[{index}].summary", work.get("summary")
            for h_index, highlight in enumerate(work.get("highlights") or []):
                yield f"work[{index}].highlights[{h_index}]", highlight


def _links(data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    basics = data.get("basics") if isinstance(data.get("basics"), Mapping) else {}
    assert isinstance(basics, Mapping)
    yield "basics.url", basics.get("url")
    for index, item in enumerate(basics.get("profiles") or []):
        if isinstance(item, Mapping):
            yield f"basics.profiles[{index}].url", item.get("url")
    for index, item in enumerate(data.get("projects") or []):
        if isinstance(item, Mapping):
            yield f"projects[{index}].url", item.get("url")
    for path, text in _texts(data):
        if isinstance(text, str):
            for match in URL_RE.findall(text):
                yield path, match.rstrip(".,;:")


class PoolProvider:
    name = SOURCE

    async def enrich(self, subject: Subject) -> Findings:
        return pool_findings(subject)


def pool_findings(subject: Subject) -> Findings:
    data = subject.data
    findings = Findings(source=SOURCE)
    seen_emails: set[str] = set()

    def add_email(email: str | None, evidence: str) -> None:
        if email is not None and email not in seen_emails:
            seen_emails.add(email)
            findings.emails.append(EmailFinding(email, SOURCE, evidence))

    basics = data.get("basics") if isinstance(data.get("basics"), Mapping) else {}
    assert isinstance(basics, Mapping)
    if isinstance(basics.get("email"), str):
        add_email(clean_email(basics["email"]), "basics.email")
    for path, text in _texts(data):
        for email in emails_in(text):
            add_email(email, path)
    for email in subject.facts.get("emails") or []:
        if isinstance(email, str):
            add_email(clean_email(email), "parsed profile")

    seen_links: set[str] = set()
    for path, value in _links(data):
        url = public_url(value)
        if url is not None and url.lower() not in seen_links:
            seen_links.add(url.lower())
            findings.links.append(LinkFinding(url, link_kind(url), SOURCE, path))
    return findings
