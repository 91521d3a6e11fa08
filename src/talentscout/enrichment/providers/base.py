"""The one interface every enrichment provider implements, and what it may return.

Why a Protocol with plain findings: providers differ wildly (the pool record needs no I/O, GitHub
is an HTTP API, a future provider may be a paid contact database), but the service only needs to
merge "emails with provenance", "links with provenance" and "public profile data by source".
Keeping provenance on every finding is what lets a recruiter see *why* an address is believed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
URL_RE = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
# Addresses that route nowhere useful for contacting a person.
UNREACHABLE_DOMAINS = ("users.noreply.github.com", "noreply.github.com")


@dataclass(frozen=True)
class Subject:
    """The profile being enriched: its raw JSON Resume record and its import-time facts."""

    profile_id: str
    data: Mapping[str, Any]
    facts: Mapping[str, Any]


@dataclass(frozen=True)
class EmailFinding:
    email: str
    source: str  # provider name: "pool", "github", ...
    evidence: str  # where exactly: "basics.email", "resumeText", an API URL

    def to_dict(self) -> dict[str, str]:
        return {"email": self.email, "source": self.source, "evidence": self.evidence}


@dataclass(frozen=True)
class LinkFinding:
    url: str
    kind: str  # "github", "linkedin", "website", "profile", ...
    source: str
    evidence: str

    def to_dict(self) -> dict[str, str]:
        return {
            "url": self.url,
            "kind": self.kind,
            "source": self.source,
            "evidence": self.evidence,
        }


@dataclass
class Findings:
    source: str
    emails: list[EmailFinding] = field(default_factory=list)
    links: list[LinkFinding] = field(default_factory=list)
    # Refreshed public profile data under this source's name (e.g. GitHub bio, top languages).
    profile: dict[str, Any] | None = None


class ProviderError(Exception):
    """The provider could not answer (HTTP error, rate limit, bad payload): PROVIDER_ERROR."""

    def __init__(self, provider: str, message: str) -> None:
        super().__init__(f"{provider}: {message}")
        self.provider = provider
        self.message = message


class ProviderTimeout(Exception):
    """The provider's own client gave up waiting: reported as ENRICHMENT_TIMEOUT."""


@dataclass(frozen=True)
class ProviderFailure:
    """A provider that gave nothing for one profile: ``code`` is ``PROVIDER_ERROR`` or
    ``ENRICHMENT_TIMEOUT``; ``message`` names the provider and what to do about it."""

    provider: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"provider": self.provider, "errorCode": self.code, "errorMessage": self.message}


class EnrichmentProvider(Protocol):
    name: str

    async def enrich(self, subject: Subject) -> Findings:
        """Findings for one profile. Raise ``ProviderError`` when the source failed; return empty
        findings when it simply knows nothing about this person."""
        ...


def clean_email(candidate: str) -> str | None:
    email = candidate.strip().strip(".").lower()
    if not EMAIL_RE.fullmatch(email) or email.endswith(UNREACHABLE_DOMAINS):
        return None
    return email


def emails_in(text: Any) -> Iterator[str]:
    if isinstance(text, str):
        for match in EMAIL_RE.findall(text):
            if (email := clean_email(match)) is not None:
                yield email


def public_url(value: Any) -> str | None:
    """The URL if it is an absolute http(s) URL with a host; anything else (``javascript:``,
    ``data:``, relative paths, control characters) is dropped."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(ord(ch) < 0x21 or ch in "<>\"'`" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def link_kind(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    for domain, kind in (
        ("github.com", "github"),
        ("linkedin.com", "linkedin"),
        ("gitlab.com", "gitlab"),
        ("twitter.com", "twitter"),
        ("x.com", "twitter"),
        ("stackoverflow.com", "stackoverflow"),
    ):
        if host == domain or host.endswith("." + domain):
            return kind
    return "website"
