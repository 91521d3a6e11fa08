"""Idempotency-Key handling shared by the run-creating endpoints (sourcing and preview)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.errors import IdempotencyKeyMismatch, ValidationError
from talentscout.settings import Settings
from talentscout.sourcing.repository import IdempotencyRepository
from talentscout.sourcing.schemas import RunAccepted


def check_key(key: str | None) -> None:
    if key is not None and not 1 <= len(key) <= 255:
        raise ValidationError.single("Idempotency-Key", "must be 1-255 characters")


async def claim_or_replay(
    session: AsyncSession,
    *,
    company_id: str,
    scope: str,
    key: str | None,
    body: BaseModel,
    accepted: RunAccepted,
    now: datetime,
    settings: Settings,
) -> RunAccepted | None:
    """Claim ``key`` for this request (None: go ahead and start the run), or answer the stored
    response of its first use. Call it before any check that could fail on a retry only
    (say, the webhook was deleted since): the retry must get the first answer, not an error.
    A claim is part of the caller's transaction, so a later failure releases it."""
    if key is None:
        return None
    request_hash = hashlib.sha256(
        json.dumps(body.model_dump(mode="json"), sort_keys=True).encode()
    ).hexdigest()
    existing = await IdempotencyRepository.from_session(session).claim(
        company_id=company_id,
        scope=scope,
        key=key,
        request_hash=request_hash,
        run_id=accepted.request_id,
        response=accepted.model_dump(mode="json", by_alias=True),
        now=now,
        expired_before=now - timedelta(seconds=settings.idempotency_ttl_seconds),
    )
    if existing is None:
        return None
    if existing.request_hash != request_hash:
        raise IdempotencyKeyMismatch()
    return RunAccepted.model_validate(existing.response)
