"""Accepting a run, shared by POST /sourcing and POST /sourcing/preview: the new run row, the
202 body, and Idempotency-Key handling."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timedelta

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import SourcingRun
from talentscout.errors import IdempotencyKeyMismatch, ValidationError
from talentscout.settings import Settings
from talentscout.sourcing.repository import IdempotencyRepository
from talentscout.sourcing.schemas import RunAccepted, SourcingCreate
from talentscout.timeutil import iso, utcnow

ACCEPTED_MESSAGE = "Sourcing run accepted and queued for processing."


def new_run(
    company_id: str, body: SourcingCreate, *, kind: str, id_prefix: str, now: datetime
) -> SourcingRun:
    """The run row as accepted: processing, first pass. ``webhookId`` is stored as sent and
    checked by the caller after the idempotency claim."""
    return SourcingRun(
        id=f"{id_prefix}{uuid.uuid4()}",
        company_id=company_id,
        kind=kind,
        status="processing",
        title=body.title,
        job_description=body.job_description,
        location=body.location,
        query=body.query,
        queries=[body.query] if body.query else [],
        limit=body.limit,
        pass_limit=body.limit,
        pass_number=1,
        webhook_id=str(body.webhook_id) if body.webhook_id is not None else None,
        created_at=now,
        updated_at=now,
    )


def accepted_body(run: SourcingRun) -> RunAccepted:
    return RunAccepted(
        request_id=run.id,
        message=ACCEPTED_MESSAGE,
        webhook_id=run.webhook_id,
        created_at=iso(run.created_at) or "",
        updated_at=iso(run.updated_at) or "",
    )


IDEMPOTENCY_KEY = "Idempotency-Key"
IDEMPOTENCY_KEY_MAX = 255


def check_key(key: str | None) -> None:
    """Worded like any other invalid field (``errors.validation_message``)."""
    if key is None:
        return
    if not key:
        raise ValidationError.single(IDEMPOTENCY_KEY, f"{IDEMPOTENCY_KEY} must not be empty.")
    if len(key) > IDEMPOTENCY_KEY_MAX:
        raise ValidationError.single(
            IDEMPOTENCY_KEY,
            f"{IDEMPOTENCY_KEY} must be at most {IDEMPOTENCY_KEY_MAX} characters long.",
        )


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


async def open_run(
    session: AsyncSession,
    company_id: str,
    body: SourcingCreate,
    settings: Settings,
    idempotency_key: str | None,
    *,
    kind: str,
    id_prefix: str,
) -> tuple[SourcingRun, RunAccepted, bool]:
    """The new run, its 202 body, and whether that body is a replay of the key's first use (then
    the caller starts nothing). The caller checks the webhook, then adds, bills and defers."""
    check_key(idempotency_key)
    now = utcnow()
    run = new_run(company_id, body, kind=kind, id_prefix=id_prefix, now=now)
    accepted = accepted_body(run)
    replay = await claim_or_replay(
        session,
        company_id=company_id,
        scope=kind,
        key=idempotency_key,
        body=body,
        accepted=accepted,
        now=now,
        settings=settings,
    )
    return run, replay or accepted, replay is not None
