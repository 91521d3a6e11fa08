"""The enrichment and preview domains' link to webhooks: validating a run's ``webhookId`` and
announcing ``enrich.*`` events.

Why an adapter: the webhooks domain owns delivery (``talentscout.webhooks.service.enqueue_event``)
and is developed separately. Importing it lazily keeps this domain importable and testable on its
own; when the webhooks service is not installed, events are skipped (and logged) while the run
itself still completes — polling remains the source of truth (spec §5).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Collection
from typing import Any, Protocol, cast

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from talentscout.enrichment.repository import EnrichmentRepository
from talentscout.errors import ResourceNotFound, WebhookNotSubscribed, WebhookOwnershipMismatch

log = structlog.get_logger(__name__)
WEBHOOKS_SERVICE = "talentscout.webhooks.service"
ENRICH_EVENTS = ("enrich.completed", "enrich.failed")


class EnqueueEvent(Protocol):
    async def __call__(
        self,
        session: AsyncSession,
        company_id: str,
        event: str,
        data: dict[str, Any],
        *,
        webhook_id: str | None,
    ) -> list[str]: ...


def _label(event: str) -> str:
    """Configs may store ``ENRICH_COMPLETED`` or ``enrich.completed``; compare dotted labels."""
    return event.strip().lower().replace("_", ".")


async def validate_webhook(
    session: AsyncSession, company_id: str, webhook_id: str, events: Collection[str]
) -> str:
    """Check a run's ``webhookId``: unknown → 404, another company's → 403, subscribed to none
    of ``events`` → 422 (skipped when ``events`` is empty: the run emits nothing)."""
    found = await EnrichmentRepository.from_session(session).webhook_owner_and_events(webhook_id)
    if found is None:
        raise ResourceNotFound.of("webhook", webhook_id)
    owner, subscribed = found
    if owner != company_id:
        raise WebhookOwnershipMismatch()
    if events and not {_label(e) for e in subscribed} & {_label(e) for e in events}:
        # Word for word what POST /sourcing answers (webhooks.service.check_run_webhook).
        raise WebhookNotSubscribed(
            f"The webhook subscribes to none of: {', '.join(events)}.",
            details={"webhookId": webhook_id, "events": list(events)},
        )
    return webhook_id


def _enqueue_event() -> EnqueueEvent | None:
    if importlib.util.find_spec(WEBHOOKS_SERVICE) is None:
        return None
    module = importlib.import_module(WEBHOOKS_SERVICE)
    return cast(EnqueueEvent | None, getattr(module, "enqueue_event", None))


async def announce(
    session: AsyncSession,
    company_id: str,
    event: str,
    data: dict[str, Any],
    *,
    webhook_id: str | None,
) -> list[str]:
    """Defer the event's deliveries inside the caller's transaction (committed with the run)."""
    enqueue = _enqueue_event()
    if enqueue is None:
        log.warning("webhooks.service_unavailable", event_name=event, company_id=company_id)
        return []
    return await enqueue(session, company_id, event, data, webhook_id=webhook_id)
