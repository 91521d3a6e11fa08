"""Shared steps of the webhook tests: create a config over HTTP, queue an event, verify a request
with the official Standard Webhooks verifier, read the delivery log."""

from __future__ import annotations

import json
from typing import Any

import httpx
from sqlalchemy import text
from standardwebhooks import Webhook

from talentscout.db.engine import Database
from talentscout.webhooks.service import enqueue_event
from tests.factories import Tenant
from tests.webhooks.receiver import Received


async def create_webhook(
    client: httpx.AsyncClient,
    tenant: Tenant,
    url: str,
    events: list[str] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    body = {"url": url, "events": events or ["sourcing.completed", "ping"], **fields}
    response = await client.post("/webhooks", json=body, headers=tenant.headers)
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def enqueue(
    database: Database,
    tenant: Tenant,
    event: str = "sourcing.completed",
    data: dict[str, Any] | None = None,
    webhook_id: str | None = None,
) -> list[str]:
    async with database.unit_of_work() as session:
        return await enqueue_event(
            session, tenant.company_id, event, data or {"n": 1}, webhook_id=webhook_id
        )


def verify(request: Received, secret: str) -> dict[str, Any]:
    """The official verifier accepts it (raises otherwise); returns the parsed payload."""
    Webhook(secret).verify(request.body, request.headers)
    payload: dict[str, Any] = json.loads(request.body)
    return payload


async def deliveries(
    client: httpx.AsyncClient, tenant: Tenant, webhook_id: str
) -> list[dict[str, Any]]:
    response = await client.get(f"/webhooks/{webhook_id}/deliveries", headers=tenant.headers)
    assert response.status_code == 200, response.text
    data: list[dict[str, Any]] = response.json()["data"]["data"]
    return data


async def config(client: httpx.AsyncClient, tenant: Tenant, webhook_id: str) -> dict[str, Any]:
    response = await client.get(f"/webhooks/{webhook_id}", headers=tenant.headers)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def fast_forward(database: Database, delivery_id: str) -> None:
    """Make the delivery's scheduled retry due now (instead of sleeping in a test)."""
    async with database.unit_of_work() as session:
        await session.execute(
            text(
                "UPDATE procrastinate_jobs SET scheduled_at = now() "
                "WHERE status = 'todo' AND args->>'delivery_id' = :id"
            ),
            {"id": delivery_id},
        )
