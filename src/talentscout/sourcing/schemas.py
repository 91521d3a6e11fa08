"""Sourcing request and response shapes (spec §3)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, Field, StrictInt, field_validator

from talentscout.schemas import CamelModel


class SourcingCreate(CamelModel):
    title: str = Field(max_length=10_000)
    job_description: str = Field(min_length=1, max_length=10_000)
    location: str | None = Field(default=None, max_length=200)
    query: str | None = Field(default=None, max_length=500)
    limit: StrictInt = Field(default=20, ge=1, le=100)  # strict: true or "5" is no integer
    webhook_id: uuid.UUID | None = None

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
    limit: StrictInt | None = Field(default=None, ge=1, le=50)


class RunAccepted(CamelModel):
    success: bool = True
    request_id: str
    status: str = "processing"
    message: str
    webhook_id: str | None
    created_at: str
    updated_at: str


class RunProcessing(CamelModel):
    success: bool = True
    request_id: str
    status: str = "processing"
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


class Candidate(CamelModel):
    profile_id: str
    name: str
    linkedin_url: str | None
    match_score: int
    rationale: str
    skills: list[str]
    headline: str | None
    location: str | None
    current_company: str | None
    current_role: str | None
    ai_fit_points: list[str]
    ai_red_flags: list[str]
    ai_detailed_rationale: list[RoleRationale] | None = None
    detailed_experience: list[ExperienceItem] | None = None
    emails: list[str]
    score_breakdown: dict[str, Any]
    sources: list[str]


class RunCompleted(CamelModel):
    success: bool = True
    request_id: str
    status: str = "completed"
    created_at: str
    completed_at: str | None
    found_count: int
    scored_count: int
    candidates: list[dict[str, Any]]


class RunFailed(CamelModel):
    success: bool = True
    request_id: str
    status: str = "failed"
    created_at: str
    completed_at: str | None
    error_code: str | None
    error_message: str | None
