"""Webhook configs (CRUD, test ping, circuit reset, delivery log, redelivery) and the one entry
point other domains use to announce events: ``enqueue_event``.

Services never commit. ``enqueue_event`` inserts the delivery rows and defers their jobs on the
caller's session, so an event is queued if and only if the state change it announces commits.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.models import WebhookConfig, WebhookDelivery
from talentscout.errors import (
    ResourceNotFound,
    ValidationError,
    WebhookNotSubscribed,
    WebhookOwnershipMismatch,
)
from talentscout.settings import Settings
from talentscout.timeutil import iso, utcnow
from talentscout.webhooks.delivery import attempt_row, defer_delivery, target_of
from talentscout.webhooks.events import PING, RUN_EVENTS, normalize_event
from talentscout.webhooks.repository import WebhookRepository
from talentscout.webhooks.schemas import (
    AttemptOut,
    DeliveryOut,
    DeliveryPage,
    HeaderIn,
    HeaderOut,
    TestResult,
    WebhookCreate,
    WebhookCreated,
    WebhookOut,
    WebhookPage,
    WebhookUpdate,
)
from talentscout.webhooks.sender import send
from talentscout.webhooks.signing import generate_secret, minified
from talentscout.webhooks.ssrf import url_problem

RESOURCE = "webhook"
NOT_NULLABLE = ("url", "events", "max_retries", "timeout_ms", "is_active")


def to_out(config: WebhookConfig) -> WebhookOut:
    return WebhookOut(
        id=config.id,
        company_id=config.company_id,
        url=config.url,
        name=config.name,
        description=config.description,
        headers=[HeaderOut(name=h["name"]) for h in config.headers],
        events=list(config.events),
        is_active=config.is_active,
        max_retries=config.max_retries,
        timeout_ms=config.timeout_ms,
        consecutive_failures=config.consecutive_failures,
        circuit_opened_at=iso(config.circuit_opened_at),
        created_at=iso(config.created_at) or "",
        updated_at=iso(config.updated_at) or "",
    )


async def _check_url(url: str, settings: Settings) -> str:
    url = url.strip()
    problem = await url_problem(
        url,
        allow_private=settings.allow_private_webhooks,
        dns_timeout=settings.webhook_dns_timeout_seconds,
        allow_http=settings.is_development,
    )
    if problem is not None:
        raise ValidationError.single("url", problem)
    return url


def _headers(headers: list[HeaderIn]) -> list[dict[str, str]]:
    return [{"name": h.name, "value": h.value} for h in headers]


def _is_uuid(value: str) -> bool:
    """Config ids are uuid4 strings; anything else cannot exist (and never reaches SQL)."""
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


async def _config(
    session: AsyncSession, company_id: str, config_id: str, *, for_update: bool = False
) -> WebhookConfig:
    """The caller's config; another company's answers exactly like an unknown id."""
    config = None
    if _is_uuid(config_id):
        config = await WebhookRepository.from_session(session).get_config(
            company_id, config_id, for_update=for_update
        )
    if config is None:
        raise ResourceNotFound.of(RESOURCE, config_id)
    return config


async def create_webhook(
    session: AsyncSession, company_id: str, body: WebhookCreate, settings: Settings
) -> WebhookCreated:
    now = utcnow()
    config = WebhookConfig(
        id=str(uuid.uuid4()),
        company_id=company_id,
        url=await _check_url(body.url, settings),
        name=body.name,
        description=body.description,
        headers=_headers(body.headers),
        events=body.events,
        is_active=True,
        max_retries=body.max_retries,
        timeout_ms=body.timeout_ms,
        consecutive_failures=0,
        circuit_opened_at=None,
        signing_secret=generate_secret(),
        created_at=now,
        updated_at=now,
    )
    await WebhookRepository.from_session(session).add_config(config)
    return WebhookCreated(**to_out(config).model_dump(), signing_secret=config.signing_secret)


async def list_webhooks(
    session: AsyncSession, company_id: str, *, limit: int, offset: int
) -> WebhookPage:
    rows, total = await WebhookRepository.from_session(session).list_configs(
        company_id, limit=limit, offset=offset
    )
    return WebhookPage(data=[to_out(row) for row in rows], total=total)


async def get_webhook(session: AsyncSession, company_id: str, config_id: str) -> WebhookOut:
    return to_out(await _config(session, company_id, config_id))


async def update_webhook(
    session: AsyncSession,
    company_id: str,
    config_id: str,
    body: WebhookUpdate,
    settings: Settings,
) -> WebhookOut:
    config = await _config(session, company_id, config_id, for_update=True)
    fields = body.model_fields_set
    for field in NOT_NULLABLE:
        if field in fields and getattr(body, field) is None:
            alias = WebhookUpdate.model_fields[field].alias or field
            raise ValidationError.single(alias, f"{alias} must not be null.")
    if body.url is not None:
        config.url = await _check_url(body.url, settings)
    if body.events is not None:
        config.events = body.events
    if "name" in fields:
        config.name = body.name
    if "description" in fields:
        config.description = body.description
    if "headers" in fields:
        config.headers = _headers(body.headers or [])  # replaced wholesale; null clears
    if body.max_retries is not None:
        config.max_retries = body.max_retries
    if body.timeout_ms is not None:
        config.timeout_ms = body.timeout_ms
    if body.is_active is True and not config.is_active:
        _close_circuit(config)
    elif body.is_active is False:
        config.is_active = False
    config.updated_at = utcnow()
    await session.flush()
    return to_out(config)


async def delete_webhook(session: AsyncSession, company_id: str, config_id: str) -> None:
    """Deleting the config deletes its deliveries (FK cascade): pending ones are never sent."""
    config = await _config(session, company_id, config_id, for_update=True)
    await WebhookRepository.from_session(session).delete_config(config)


def _close_circuit(config: WebhookConfig) -> None:
    config.is_active = True
    config.consecutive_failures = 0
    config.circuit_opened_at = None


async def reset_circuit(session: AsyncSession, company_id: str, config_id: str) -> WebhookOut:
    config = await _config(session, company_id, config_id, for_update=True)
    _close_circuit(config)
    config.updated_at = utcnow()
    await session.flush()
    return to_out(config)


def _new_delivery(
    config: WebhookConfig, event: str, data: dict[str, Any], now: Any
) -> WebhookDelivery:
    delivery_id = f"dlv_{uuid.uuid4()}"
    payload = {
        "event": event,
        "timestamp": iso(now),
        "deliveryId": delivery_id,
        "companyId": config.company_id,
        "data": data,
    }
    return WebhookDelivery(
        id=delivery_id,
        config_id=config.id,
        company_id=config.company_id,
        event=event,
        body=minified(payload),
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )


async def enqueue_event(
    session: AsyncSession,
    company_id: str,
    event: str,
    data: dict[str, Any],
    *,
    webhook_id: str | None,
) -> list[str]:
    """Queue ``event`` for delivery in the caller's transaction; returns the delivery ids.

    With ``webhook_id``, only that config of the company receives it; otherwise every active
    config of the company subscribed to the event does. A config that is not subscribed, or
    whose circuit is open, gets nothing (the result stays available by polling).
    """
    event = normalize_event(event)
    repo = WebhookRepository.from_session(session)
    now = utcnow()
    ids: list[str] = []
    for config in await repo.subscribed_configs(company_id, event, webhook_id):
        delivery = await repo.add_delivery(_new_delivery(config, event, data, now))
        await defer_delivery(session, delivery.id, 0)
        ids.append(delivery.id)
    return ids


async def check_run_webhook(
    session: AsyncSession,
    company_id: str,
    webhook_id: str,
    events: tuple[str, ...] = RUN_EVENTS,
) -> str:
    """Validate a run's ``webhookId`` (spec §2): unknown → 404, another company's → 403,
    subscribed to none of the run's events → 422."""
    config = await WebhookRepository.from_session(session).get_config_any_company(webhook_id)
    if config is None:
        raise ResourceNotFound.of(RESOURCE, webhook_id)
    if config.company_id != company_id:
        raise WebhookOwnershipMismatch()
    if not set(events) & set(config.events):
        raise WebhookNotSubscribed(
            f"The webhook subscribes to none of: {', '.join(events)}.",
            details={"webhookId": webhook_id, "events": list(events)},
        )
    return config.id


async def send_test(
    session: AsyncSession, company_id: str, config_id: str, settings: Settings
) -> TestResult:
    """One synchronous ``ping`` attempt, logged like any delivery; no retry and no failure
    counted toward the circuit, but a 410 disables the config as on any delivery (spec §5:
    the receiver says the endpoint is gone)."""
    config = await _config(session, company_id, config_id)
    if PING not in config.events:
        raise WebhookNotSubscribed(
            "The webhook does not subscribe to 'ping'; add it to its events to test it.",
            details={"webhookId": config.id, "events": [PING]},
        )
    repo = WebhookRepository.from_session(session)
    data = {"webhookId": config.id, "message": "Test event from TalentScout."}
    delivery = await repo.add_delivery(_new_delivery(config, PING, data, utcnow()))
    outcome = await send(target_of(config, delivery), settings)
    await repo.add_attempt(attempt_row(delivery.id, outcome))
    delivery.attempts = 1
    delivery.status = "delivered" if outcome.ok else "failed"
    delivery.next_attempt_at = None
    delivery.updated_at = utcnow()
    if outcome.http_status == 410:
        config.is_active = False
        config.updated_at = delivery.updated_at
    await session.flush()
    return TestResult(
        success=outcome.ok,
        delivery_id=delivery.id,
        http_status=outcome.http_status,
        duration_ms=outcome.duration_ms,
        message=outcome.summary(),
    )


async def _delivery_out(repo: WebhookRepository, delivery: WebhookDelivery) -> DeliveryOut:
    return (await _deliveries_out(repo, [delivery]))[0]


async def _deliveries_out(
    repo: WebhookRepository, deliveries: list[WebhookDelivery]
) -> list[DeliveryOut]:
    attempts = await repo.attempts_for([d.id for d in deliveries])
    return [
        DeliveryOut(
            id=d.id,
            webhook_id=d.config_id,
            event=d.event,
            status=d.status,
            attempts=d.attempts,
            next_attempt_at=iso(d.next_attempt_at) if d.status == "pending" else None,
            created_at=iso(d.created_at) or "",
            updated_at=iso(d.updated_at) or "",
            attempt_log=[
                AttemptOut(
                    attempted_at=iso(a.attempted_at) or "",
                    http_status=a.http_status,
                    duration_ms=a.duration_ms,
                    response_excerpt=a.response_excerpt,
                    error=a.error,
                )
                for a in attempts.get(d.id, [])
            ],
        )
        for d in deliveries
    ]


async def list_deliveries(
    session: AsyncSession, company_id: str, config_id: str, *, limit: int, offset: int
) -> DeliveryPage:
    config = await _config(session, company_id, config_id)
    repo = WebhookRepository.from_session(session)
    rows, total = await repo.list_deliveries(company_id, config.id, limit=limit, offset=offset)
    return DeliveryPage(data=await _deliveries_out(repo, rows), total=total)


async def redeliver(
    session: AsyncSession, company_id: str, config_id: str, delivery_id: str
) -> DeliveryOut:
    """Send a delivery again (same id and body, freshly signed) as a manual attempt: it goes out
    even while the config is disabled, and a failure is retried only within ``maxRetries``."""
    config = await _config(session, company_id, config_id, for_update=True)
    repo = WebhookRepository.from_session(session)
    delivery = None
    if delivery_id.startswith("dlv_") and _is_uuid(delivery_id.removeprefix("dlv_")):
        delivery = await repo.get_delivery(company_id, config.id, delivery_id, for_update=True)
    if delivery is None:
        raise ResourceNotFound.of("delivery", delivery_id)
    now = utcnow()
    delivery.status = "pending"
    delivery.next_attempt_at = now
    delivery.updated_at = now
    await session.flush()
    await defer_delivery(session, delivery.id, delivery.attempts, manual=True)
    return await _delivery_out(repo, delivery)
