"""Sourcing request and response shapes (spec §3)."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator

from talentscout.schemas import CamelModel

DEFAULT_LIMIT = 20
PATCH_DEFAULT_LIMIT = 10  # applied by the service when a PATCH names no limit
ERROR_CODES = ["AGENT_ERROR", "SOURCE_UNAVAILABLE", "RUN_TIMEOUT", "NO_TALENT_POOL"]


class SourcingCreate(CamelModel):
    # The raw length is not capped: the 1-200 rule applies after trimming (the validator).
    title: str = Field(
        description="1-200 characters after trimming surrounding whitespace.",
        json_schema_extra={"minLength": 1, "maxLength": 200},
    )
    job_description: str = Field(min_length=1, max_length=10_000)
    location: str | None = Field(default=None, max_length=200)
    query: str | None = Field(default=None, max_length=500)
    limit: StrictInt = Field(  # strict: true, "5" or 5.0 is no integer
        default=DEFAULT_LIMIT,
        ge=1,
        le=100,
        description="How many candidates the run delivers; null means the default.",
    )
    webhook_id: uuid.UUID | None = None

    @field_validator("limit", mode="before")
    @classmethod
    def _null_limit(cls, value: Any) -> Any:
        """``null`` means "use the default", as for every other optional field."""
        return DEFAULT_LIMIT if value is None else value

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        value = value.strip()
        if not 1 <= len(value) <= 200:
            raise ValueError("title must be 1-200 characters after trimming")
        return value

    @field_validator("job_description")
    @classmethod
    def _description(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("jobDescription must not be blank")
        return value


class SourcingPatch(CamelModel):
    query: str | None = Field(default=None, max_length=500)
    limit: StrictInt | None = Field(
        default=None,
        ge=1,
        le=50,
        description="Additional candidates to find; 10 when only query is given.",
        json_schema_extra={"default": PATCH_DEFAULT_LIMIT},
    )


class RunAccepted(CamelModel):
    success: bool = True
    request_id: str
    status: Literal["processing"] = "processing"
    message: str
    webhook_id: str | None
    created_at: str
    updated_at: str


class RunProcessing(CamelModel):
    success: bool = True
    request_id: str
    status: Literal["processing"] = "processing"
    created_at: str
    candidates_sourced_count: int
    message: str = (
        "The sourcing agent is actively analyzing candidates. Please poll again in 10 seconds."
    )


class RoleRationale(BaseModel):
    title: str | None
    company: str | None
    duration: str | None
    relevanceExplanation: str


class ExperienceItem(BaseModel):
    role: str | None
    company: str | None
    duration: str | None
    highlights: list[str]


class Evidence(BaseModel):
    text: str = Field(description="Quoted from the profile.")
    source: str = Field(description='Where in the profile, e.g. "summary", "work at Acme".')


class CriterionScore(BaseModel):
    model_config = ConfigDict(extra="allow")
    score: int = Field(ge=0, le=100)
    weight: float
    evidence: list[Evidence]


class Candidate(CamelModel):
    """The Candidate object (API.md §3). Documentation of the JSON the results endpoint sends
    (which is stored and served as built by the pipeline, not through this model)."""

    profile_id: str = Field(description="Usable with enrich and render-html.")
    name: str
    linkedin_url: str | None = Field(description="Profile URL when known (any public profile).")
    match_score: int = Field(ge=0, le=100, description="80+ strong, 60-79 plausible, <40 weak.")
    rationale: str
    skills: list[str]
    headline: str | None
    location: str | None
    current_company: str | None
    current_role: str | None
    ai_fit_points: list[str]
    ai_red_flags: list[str]
    ai_detailed_rationale: list[RoleRationale] | None = Field(
        default=None, description="Per past role; omitted with ?view=summary."
    )
    detailed_experience: list[ExperienceItem] | None = Field(
        default=None, description="Work history; omitted with ?view=summary."
    )
    emails: list[str]
    score_breakdown: dict[str, CriterionScore] = Field(
        description="(extension) per criterion (skills, title, seniority, location, semantic, …)."
    )
    sources: list[str] = Field(description='(extension) e.g. "pool", "github".')


class PreviewCandidate(CamelModel):
    """A preview candidate: exactly these nine fields (API.md §3)."""

    profile_id: str
    full_name: str | None
    profile_url: str | None
    title: str | None
    headline: str | None
    location: str | None
    country: str | None
    company_name: str | None
    company_url: str | None


class RunCompleted(CamelModel):
    success: bool = True
    request_id: str
    status: Literal["completed"] = "completed"
    created_at: str
    completed_at: str | None
    found_count: int
    scored_count: int
    candidates: list[dict[str, Any]]


class RunFailed(CamelModel):
    success: bool = True
    request_id: str
    status: Literal["failed"] = "failed"
    created_at: str
    completed_at: str | None
    error_code: str | None = Field(json_schema_extra={"enum": [*ERROR_CODES, None]})
    error_message: str | None
