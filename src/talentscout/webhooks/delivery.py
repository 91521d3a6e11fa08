"""The delivery job's body: claim → attempt → record (and schedule the retry), in three steps.

Idempotency: a job carries the delivery's attempt count it was deferred for (``attempt``). It acts
only while the delivery is ``pending`` with exactly that count, and recording increments it, so a
job that runs twice (a worker died after the POST) or a stale job left behind by a redelivery does
nothing the second time. Delivery is at-least-once: a crash between the POST and the commit
repeats the POST, which receivers dedupe on ``webhook-id``.

The retry is a *new* job deferred with ``schedule_at`` in the transaction that records the failed
attempt, so a retry can be neither lost nor duplicated.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.db.engine import Database
from talentscout.db.models import WebhookAttempt, WebhookConfig, WebhookDelivery
from talentscout.queue import defer_in_session, psycopg_connection, queue_app
from talentscout.settings import Settings
from talentscout.timeutil import utcnow
from talentscout.webhooks.repository import WebhookRepository
from talentscout.webhooks.sender import Outcome, Target, send

log = structlog.get_logger(__name__)
DELIVER_TASK = "webhooks.deliver"
DEFAULT_SCHEDULE = (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 36000.0)
JITTER = 0.2
NOT_SENT = "not sent: the webhook is disabled (circuit open, endpoint gone or switched off)"


async def defer_delivery(
    session: AsyncSession,
    delivery_id: str,
    attempt: int,
    *,
    manual: bool = False,
    at: datetime | None = None,
) -> None:
    """Queue an attempt inside the session's transaction (committed with the state it follows)."""
    if at is None:
        await defer_in_session(
            session, DELIVER_TASK, delivery_id=delivery_id, attempt=attempt, manual=manual
        )
        return
    connection = await psycopg_connection(session)
    deferrer = queue_app.configure_task(DELIVER_TASK, connection=connection, schedule_at=at)
    await deferrer.defer_async(delivery_id=delivery_id, attempt=attempt, manual=manual)


def retry_schedule(settings: Settings) -> tuple[float, ...]:
    """``TALENTSCOUT_WEBHOOK_RETRY_SCHEDULE``: comma-separated seconds between attempts."""
    try:
        values = tuple(float(part) for part in settings.webhook_retry_schedule.split(",") if part)
    except ValueError:
        values = ()
    if not values or any(value < 0 for value in values):
        log.warning("webhooks.bad_retry_schedule", value=settings.webhook_retry_schedule)
        return DEFAULT_SCHEDULE
    return values


def retry_delay(
    attempts_made: int, max_retries: int, outcome: Outcome, settings: Settings
) -> float | None:
    """Seconds until the next attempt, or None when the delivery has failed for good.

    The n-th retry waits the n-th scheduled interval (the last one repeats) ±20 % jitter, and
    never less than a 429/503 ``Retry-After``; one beyond the configured ceiling ends the delivery
    rather than being cut short.
    """
    if outcome.http_status == 410 or attempts_made > max_retries:
        return None
    schedule = retry_schedule(settings)
    base = schedule[min(attempts_made - 1, len(schedule) - 1)]
    delay = base * random.uniform(1 - JITTER, 1 + JITTER)
    if outcome.http_status in (429, 503) and outcome.retry_after is not None:
        if outcome.retry_after > settings.webhook_max_retry_after_seconds:
            return None
        delay = max(delay, outcome.retry_after)
    return delay


def attempt_row(delivery_id: str, outcome: Outcome) -> WebhookAttempt:
    return WebhookAttempt(
        delivery_id=delivery_id,
        attempted_at=outcome.attempted_at,
        http_status=outcome.http_status,
        duration_ms=outcome.duration_ms,
        response_excerpt=outcome.excerpt,
        error=outcome.error,
    )


def target_of(config: WebhookConfig, delivery: WebhookDelivery) -> Target:
    return Target(
        delivery_id=delivery.id,
        url=config.url,
        secret=config.signing_secret,
        headers=[dict(h) for h in config.headers],
        timeout_ms=config.timeout_ms,
        body=delivery.body,
    )


async def _locked(
    repo: WebhookRepository, delivery_id: str
) -> tuple[WebhookConfig, WebhookDelivery] | None:
    config_id = await repo.config_id_of(delivery_id)
    if config_id is None:
        return None
    config = await repo.lock_config(config_id)
    delivery = await repo.lock_delivery(delivery_id)
    if config is None or delivery is None:
        return None
    return config, delivery


async def _claim(database: Database, delivery_id: str, attempt: int, manual: bool) -> Target | None:
    async with database.unit_of_work() as session:
        repo = WebhookRepository.from_session(session)
        rows = await _locked(repo, delivery_id)
        if rows is None:
            return None  # the config was deleted: its deliveries are cancelled with it
        config, delivery = rows
        if delivery.status != "pending" or delivery.attempts != attempt:
            return None  # already attempted, or superseded by a redelivery
        if not config.is_active and not manual:
            now = utcnow()
            delivery.status = "failed"
            delivery.next_attempt_at = None
            delivery.updated_at = now
            await repo.add_attempt(
                WebhookAttempt(
                    delivery_id=delivery.id, attempted_at=now, duration_ms=0, error=NOT_SENT
                )
            )
            return None
        return target_of(config, delivery)


def apply_outcome(
    config: WebhookConfig,
    delivery: WebhookDelivery,
    outcome: Outcome,
    settings: Settings,
    now: datetime,
) -> datetime | None:
    """Update the delivery and the config's circuit; the time of the retry, if one is due.

    The circuit counts *deliveries* (API.md §5: "consecutive failed deliveries"): a failed
    attempt with a retry still due counts nothing; a delivery counts once, when it has failed for
    good, and any delivered event resets the count.
    """
    delivery.attempts += 1
    delivery.updated_at = now
    delivery.next_attempt_at = None
    if outcome.ok:
        delivery.status = "delivered"
        config.consecutive_failures = 0
        return None
    if outcome.http_status == 410 and config.is_active:
        config.is_active = False  # the receiver says the endpoint is gone for good
        config.updated_at = now
    delay = retry_delay(delivery.attempts, config.max_retries, outcome, settings)
    if delay is not None and config.is_active:
        delivery.next_attempt_at = now + timedelta(seconds=delay)
        return delivery.next_attempt_at
    delivery.status = "failed"
    _count_failed_delivery(config, settings, now)
    return None


def _count_failed_delivery(config: WebhookConfig, settings: Settings, now: datetime) -> None:
    config.consecutive_failures += 1
    if config.is_active and (
        config.consecutive_failures >= settings.webhook_circuit_breaker_threshold
    ):
        config.is_active = False
        config.circuit_opened_at = now
        config.updated_at = now
        log.warning("webhooks.circuit_opened", webhook_id=config.id)


async def _record(
    database: Database, delivery_id: str, attempt: int, outcome: Outcome, settings: Settings
) -> None:
    async with database.unit_of_work() as session:
        repo = WebhookRepository.from_session(session)
        rows = await _locked(repo, delivery_id)
        if rows is None:
            return
        config, delivery = rows
        await repo.add_attempt(attempt_row(delivery.id, outcome))
        if delivery.status != "pending" or delivery.attempts != attempt:
            return  # a concurrent duplicate recorded first, or the delivery was cancelled
        now = utcnow()
        retry_at = apply_outcome(config, delivery, outcome, settings, now)
        log.info(
            "webhooks.attempt",
            delivery_id=delivery.id,
            webhook_id=config.id,
            attempt=delivery.attempts,
            http_status=outcome.http_status,
            error=outcome.error,
            status=delivery.status,
        )
        if retry_at is not None:
            due_now = retry_at <= now
            await defer_delivery(
                session, delivery.id, delivery.attempts, at=None if due_now else retry_at
            )


async def run_delivery(
    database: Database, settings: Settings, delivery_id: str, attempt: int, *, manual: bool
) -> None:
    target = await _claim(database, delivery_id, attempt, manual)
    if target is None:
        return
    outcome = await send(target, settings)
    await _record(database, delivery_id, attempt, outcome, settings)
