"""Enrichment and card request/response shapes (spec §4)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints, field_validator

from talentscout.schemas import CamelModel
from talentscout.sourcing.schemas import Candidate

# No control characters: PostgreSQL text and JSONB cannot store NUL, and no real id has any.
ID_PATTERN = r"^[^\x00-\x1f\x7f]+$"
ProfileId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=ID_PATTERN),
]
ACCEPTED_MESSAGE = "Enrichment run accepted and queued for processing."
PROCESSING_MESSAGE = "Enrichment is in progress. Please poll again in a few seconds."


def plausible_id(value: str) -> bool:
    """Ids that cannot exist (too long, control characters) answer 404 without a query: the
    database would reject a NUL byte with an error instead of "not found"."""
    return 0 < len(value) <= 64 and not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value)


def _unique(ids: list[str]) -> list[str]:
    """The same id twice is enriched (and pre-flighted) once; order is kept."""
    return list(dict.fromkeys(ids))


class EnrichRequest(CamelModel):
    profile_ids: list[ProfileId] = Field(min_length=1, max_length=10)
    webhook_id: uuid.UUID | None = None

    @field_validator("profile_ids")
    @classmethod
    def _dedupe(cls, value: list[str]) -> list[str]:
        return _unique(value)


class EnrichAccepted(CamelModel):
    success: bool = True
    request_id: str
    status: Literal["processing"] = "processing"
    message: str = ACCEPTED_MESSAGE
    created_at: str
    webhook_id: str | None


class EnrichProcessing(CamelModel):
    success: bool = True
    request_id: str
    status: Literal["processing"] = "processing"
    created_at: str
    message: str = PROCESSING_MESSAGE


class EnrichResults(CamelModel):
    """``data`` items are ``{profileId, success, candidate?, errorCode?, errorMessage?}``."""

    success: bool = True
    request_id: str
    status: Literal["completed", "failed"]
    created_at: str
    completed_at: str | None
    enriched_count: int
    failure_count: int
    credits_consumed: int
    data: list[dict[str, Any]]


class EmailFinding(BaseModel):
    email: str
    source: str = Field(description='The provider that found it, e.g. "pool", "github".')
    evidence: str = Field(description="Where the provider saw it.")


class LinkFinding(BaseModel):
    url: str
    kind: str
    source: str
    evidence: str


class ProviderFailure(BaseModel):
    provider: str
    errorCode: str
    errorMessage: str


class EnrichedCandidate(Candidate):
    """The Candidate object (§3) refreshed by enrichment, with each finding's provenance.
    ``matchScore`` and ``rationale`` are null for a profile no run has scored yet."""

    match_score: int | None = Field(ge=0, le=100)  # type: ignore[assignment]
    rationale: str | None  # type: ignore[assignment]
    email_provenance: list[EmailFinding]
    portfolio_links: list[LinkFinding]
    public_profiles: dict[str, Any] = Field(description="Public profile data per provider.")
    provider_failures: list[ProviderFailure]
    enriched_at: str


class EnrichItem(CamelModel):
    """One profile's outcome: ``candidate`` on success, ``errorCode`` and ``errorMessage``
    (PROFILE_NOT_FOUND, ENRICHMENT_TIMEOUT, PROVIDER_ERROR) on failure."""

    profile_id: str
    success: bool
    candidate: EnrichedCandidate | None = None
    error_code: str | None = Field(
        default=None,
        json_schema_extra={
            "enum": ["PROFILE_NOT_FOUND", "ENRICHMENT_TIMEOUT", "PROVIDER_ERROR", None]
        },
    )
    error_message: str | None = None


class RenderItem(CamelModel):
    """A card (``success: true`` with ``name`` and ``htmlContent``) or a miss
    (``success: false``, ``errorCode: "PROFILE_NOT_FOUND"``)."""

    profile_id: str
    success: bool
    name: str | None = None
    html_content: str | None = Field(
        default=None, description="Self-contained HTML, inline styles only."
    )
    error_code: Literal["PROFILE_NOT_FOUND"] | None = None


class RenderRequest(CamelModel):
    profile_ids: list[ProfileId] = Field(min_length=1, max_length=10)
    theme: Literal["dark", "light"] = "dark"

    @field_validator("profile_ids")
    @classmethod
    def _dedupe(cls, value: list[str]) -> list[str]:
        return _unique(value)


class RenderResponse(CamelModel):
    """``data`` items are ``{profileId, success, name, htmlContent}`` or
    ``{profileId, success: false, errorCode: "PROFILE_NOT_FOUND"}``."""

    success: bool = True
    rendered_count: int
    data: list[dict[str, Any]]
