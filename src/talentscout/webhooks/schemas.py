"""Webhook request and response shapes (spec §5). Header values never leave the server."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, Field, StrictBool, StrictInt, WithJsonSchema, field_validator

from talentscout.schemas import CamelModel
from talentscout.webhooks.events import EVENTS, normalize_events

# Input takes the dotted labels or their upper-case names; output is always dotted (spec §5).
EventIn = Annotated[
    str,
    WithJsonSchema(
        {
            "type": "string",
            "enum": [*EVENTS, *(name.replace(".", "_").upper() for name in EVENTS)],
            "description": "Dotted label or its upper-case name (SOURCING_COMPLETED, …).",
        }
    ),
]
EventOut = Annotated[str, WithJsonSchema({"type": "string", "enum": list(EVENTS)})]

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_VALUE = re.compile(r"[\x20-\x7e\t]+")


class HeaderIn(BaseModel):
    name: str = Field(min_length=1, max_length=255)
    value: str = Field(min_length=1, max_length=4096)

    @field_validator("name")
    @classmethod
    def _token(cls, value: str) -> str:
        if not _TOKEN.fullmatch(value):
            raise ValueError("must be an HTTP token (letters, digits, -, _ …)")
        return value

    @field_validator("value")
    @classmethod
    def _single_line(cls, value: str) -> str:
        if not _VALUE.fullmatch(value):
            raise ValueError("must be printable ASCII on one line")
        return value


def _no_nul(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL: refuse it here (400) rather than fail in the database."""
    if value is not None and "\0" in value:
        raise ValueError("must not contain NUL characters")
    return value


def _events(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    events = normalize_events(value)
    if not events:
        raise ValueError("must name at least one event")
    return events


class WebhookCreate(CamelModel):
    url: str = Field(min_length=1, max_length=2048)
    events: list[EventIn] = Field(min_length=1, max_length=20)
    name: str | None = Field(default=None, max_length=255)
    description: str | None = Field(default=None, max_length=10_000)
    headers: list[HeaderIn] = Field(default_factory=list, max_length=50)
    max_retries: StrictInt = Field(default=8, ge=0, le=10)
    timeout_ms: StrictInt = Field(default=15_000, ge=1000, le=30_000)

    @field_validator("events")
    @classmethod
    def _normalize(cls, value: list[str]) -> list[str]:
        return _events(value) or []

    @field_validator("url", "name", "description")
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        return _no_nul(value)


class WebhookUpdate(CamelModel):
    """Partial update: only the fields present change; ``headers`` replaces the whole list."""

    url: str | None = Field(default=None, min_length=1, max_length=2048)
    events: list[EventIn] | None = Field(default=None, min_length=1, max_length=20)
    name: str | None = Field(default=None, max_length=255)
    description: str | None = Field(default=None, max_length=10_000)
    headers: list[HeaderIn] | None = Field(default=None, max_length=50)
    max_retries: StrictInt | None = Field(default=None, ge=0, le=10)
    timeout_ms: StrictInt | None = Field(default=None, ge=1000, le=30_000)
    is_active: StrictBool | None = None

    @field_validator("events")
    @classmethod
    def _normalize(cls, value: list[str] | None) -> list[str] | None:
        return _events(value)

    @field_validator("url", "name", "description")
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        return _no_nul(value)


class HeaderOut(CamelModel):
    name: str
    is_masked: bool = True


class WebhookOut(CamelModel):
    id: str
    company_id: str
    url: str
    name: str | None
    description: str | None
    headers: list[HeaderOut]
    events: list[EventOut]
    is_active: bool
    max_retries: int
    timeout_ms: int
    consecutive_failures: int
    circuit_opened_at: str | None
    created_at: str
    updated_at: str


class WebhookCreated(WebhookOut):
    signing_secret: str


class WebhookResponse(CamelModel):
    success: bool = True
    data: WebhookOut


class WebhookCreatedResponse(CamelModel):
    success: bool = True
    data: WebhookCreated


class WebhookPage(CamelModel):
    data: list[WebhookOut]
    total: int


class WebhookListResponse(CamelModel):
    success: bool = True
    data: WebhookPage


class TestResult(CamelModel):
    success: bool
    delivery_id: str | None = None
    http_status: int | None = None
    duration_ms: int | None = None
    message: str


class TestResponse(CamelModel):
    success: bool = True
    data: TestResult


class AttemptOut(CamelModel):
    attempted_at: str
    http_status: int | None
    duration_ms: int
    response_excerpt: str | None
    error: str | None


class DeliveryOut(CamelModel):
    id: str
    webhook_id: str
    event: EventOut
    status: str
    attempts: int
    next_attempt_at: str | None
    created_at: str
    updated_at: str
    attempt_log: list[AttemptOut]


class DeliveryResponse(CamelModel):
    success: bool = True
    data: DeliveryOut


class DeliveryPage(CamelModel):
    data: list[DeliveryOut]
    total: int


class DeliveryListResponse(CamelModel):
    success: bool = True
    data: DeliveryPage
