"""Talent pool request/response shapes (spec §8). A Profile is JSON Resume plus three fields."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from talentscout.schemas import CamelModel


class ProfileLocation(BaseModel):
    model_config = ConfigDict(extra="allow")
    city: str | None = None
    region: str | None = None
    countryCode: str | None = None
    address: str | None = None


class ProfileBasics(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str | None = Field(default=None, max_length=300)
    label: str | None = Field(default=None, max_length=1000)
    email: str | None = Field(default=None, max_length=320)
    url: str | None = Field(default=None, max_length=2048)
    summary: str | None = None
    location: ProfileLocation | None = None
    profiles: list[dict[str, Any]] = Field(default_factory=list)


class ProfileIn(BaseModel):
    """Validation of one imported profile; unknown JSON Resume sections pass through."""

    model_config = ConfigDict(extra="allow")
    basics: ProfileBasics | None = None
    work: list[dict[str, Any]] = Field(default_factory=list)
    education: list[dict[str, Any]] = Field(default_factory=list)
    skills: list[dict[str, Any]] = Field(default_factory=list)
    externalIds: dict[str, str] = Field(default_factory=dict)
    source: str | None = Field(default=None, max_length=64)
    resumeText: str | None = Field(default=None, max_length=200_000)

    @field_validator("externalIds")
    @classmethod
    def _ids_not_blank(cls, value: dict[str, str]) -> dict[str, str]:
        for network, ident in value.items():
            if not network.strip() or not ident.strip():
                raise ValueError("external ids need a non-empty network and value")
        return value

    def has_content(self) -> bool:
        basics = self.basics
        return bool(
            (self.resumeText and self.resumeText.strip())
            or self.work
            or self.skills
            or (basics and (basics.name or basics.label or basics.summary))
        )


class BulkUpsertRequest(BaseModel):
    # Items are validated one by one in the service, so one bad item never rejects the batch.
    profiles: list[Any] = Field(min_length=1, max_length=1000)


class ItemError(CamelModel):
    index: int
    field: str
    message: str


class ItemWarning(CamelModel):
    """Something an accepted item's sender should know (the item is stored as sent): a field not
    read as written, no identity key, or what an update removes from the stored profile."""

    index: int
    field: str = Field(
        description='JSON path in the item, e.g. "work[1].endDate"; "" for the whole item'
    )
    message: str = Field(description="what was not read or what changed, and what follows")


class UpsertResult(CamelModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    profile_ids: list[str | None] = Field(default_factory=list)
    errors: list[ItemError] = Field(default_factory=list)
    warnings: list[ItemWarning] = Field(
        default_factory=list,
        description="(extension) about accepted items, which are stored as sent: fields not "
        "read as written (work and education dates, a country that is no ISO code), items with "
        "no external id, email or profile URL (a re-import adds them again), and fields an "
        "update removes from the stored profile (an update replaces it whole). Rejected items "
        "are in errors.",
    )


class UpsertResponse(CamelModel):
    success: bool = True
    data: UpsertResult


class ProfileResponse(CamelModel):
    success: bool = True
    data: dict[str, Any]


class ProfilePage(CamelModel):
    items: list[dict[str, Any]]
    next_cursor: str | None


class ProfileListResponse(CamelModel):
    success: bool = True
    data: ProfilePage
