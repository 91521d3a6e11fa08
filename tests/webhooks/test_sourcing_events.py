"""Sourcing runs and webhooks: ``webhookId`` validation, and ``sourcing.completed`` /
``sourcing.failed`` deferred with the run's final state and verified with the official verifier."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.settings import Settings
from tests.conftest import QueueDrainer
from tests.factories import Tenant, import_profiles, make_profile, make_tenant
from tests.webhooks.helpers import create_webhook, verify
from tests.webhooks.receiver import Receiver

JOB = {
    "title": "Senior Backend Engineer",
    "jobDescription": "We need a senior backend engineer. Must have Python and Kafka.",
    "location": "Berlin, Germany",
    "limit": 2,
}


async def _start(client: httpx.AsyncClient, tenant: Tenant, **extra: Any) -> httpx.Response:
    return await client.post("/sourcing", json={**JOB, **extra}, headers=tenant.headers)


class TestRunWebhookId:
    async def test_webhook_id_is_validated(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant, other = await make_tenant(database), await make_tenant(database)
        unknown = "0b5e7a52-2222-4222-8222-222222222222"
        response = await _start(client, tenant, webhookId=unknown)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "RESOURCE_NOT_FOUND"
        assert response.json()["error"]["details"] == {
            "resourceType": "webhook",
            "resourceId": unknown,
        }

        theirs = await create_webhook(client, other, receiver.url(receiver.new_path()))
        response = await _start(client, tenant, webhookId=theirs["id"])
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "WEBHOOK_OWNERSHIP_MISMATCH"

        ping_only = await create_webhook(
            client, tenant, receiver.url(receiver.new_path()), events=["ping"]
        )
        response = await _start(client, tenant, webhookId=ping_only["id"])
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "WEBHOOK_NOT_SUBSCRIBED"

        failed_only = await create_webhook(
            client, tenant, receiver.url(receiver.new_path()), events=["SOURCING_FAILED"]
        )
        response = await _start(client, tenant, webhookId=failed_only["id"])
        assert response.status_code == 202
        assert response.json()["webhookId"] == failed_only["id"]

    async def test_a_retry_replays_even_after_its_webhook_was_deleted(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        hook = await create_webhook(client, tenant, receiver.url(receiver.new_path()))
        headers = {**tenant.headers, "Idempotency-Key": "ats-job-77"}
        body = {**JOB, "webhookId": hook["id"]}
        first = await client.post("/sourcing", json=body, headers=headers)
        assert first.status_code == 202
        deleted = await client.delete(f"/webhooks/{hook['id']}", headers=tenant.headers)
        assert deleted.status_code in (200, 204)

        retry = await client.post("/sourcing", json=body, headers=headers)
        assert retry.status_code == 202
        assert retry.json() == first.json()
        fresh = await client.post(
            "/sourcing", json=body, headers={**tenant.headers, "Idempotency-Key": "ats-job-78"}
        )
        assert fresh.status_code == 404  # a new request is still checked


class TestRunEvents:
    async def test_completed_run_is_announced_with_its_results(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        await import_profiles(
            client,
            tenant,
            [
                make_profile(title="Senior Backend Engineer", skills=["Python", "Kafka"]),
                make_profile(title="Backend Engineer", skills=["Python", "PostgreSQL"]),
                make_profile(title="Data Engineer", skills=["Kafka", "Spark"]),
            ],
        )
        path = receiver.new_path()
        hook = await create_webhook(client, tenant, receiver.url(path))
        accepted = await _start(client, tenant, webhookId=hook["id"])
        assert accepted.status_code == 202, accepted.text
        run_id = accepted.json()["requestId"]
        assert receiver.received(path) == []  # nothing before the run ends

        await drain_queue()
        [request] = receiver.received(path)
        payload = verify(request, hook["signingSecret"])
        results = await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)
        assert results.status_code == 200
        assert payload["event"] == "sourcing.completed"
        assert payload["companyId"] == tenant.company_id
        assert payload["deliveryId"] == request.headers["webhook-id"]
        assert payload["data"] == results.json()
        assert payload["data"]["status"] == "completed"
        assert len(payload["data"]["candidates"]) == 2

        refined = await client.patch(
            f"/sourcing/{run_id}", json={"limit": 1}, headers=tenant.headers
        )
        assert refined.status_code == 202
        await drain_queue()
        first, second = receiver.received(path)
        again = verify(second, hook["signingSecret"])
        assert again["deliveryId"] != payload["deliveryId"]
        assert len(again["data"]["candidates"]) == 3

    async def test_failed_run_is_announced(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path()
        hook = await create_webhook(client, tenant, receiver.url(path), events=["sourcing.failed"])
        accepted = await _start(client, tenant, webhookId=hook["id"])
        run_id = accepted.json()["requestId"]
        await drain_queue()
        [request] = receiver.received(path)
        payload = verify(request, hook["signingSecret"])
        assert payload["event"] == "sourcing.failed"
        assert payload["data"]["requestId"] == run_id
        assert payload["data"]["status"] == "failed"
        assert payload["data"]["errorCode"] == "NO_TALENT_POOL"


class TestPreviewEvents:
    """A preview takes "the same body as POST /sourcing": its webhookId is checked against the
    run events, and the webhook hears how the preview ended."""

    async def test_a_preview_checks_its_webhook_like_a_run(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        ping_only = await create_webhook(
            client, tenant, receiver.url(receiver.new_path()), events=["ping"]
        )
        body = {**JOB, "webhookId": ping_only["id"]}
        response = await client.post("/sourcing/preview", json=body, headers=tenant.headers)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "WEBHOOK_NOT_SUBSCRIBED"

    async def test_a_finished_preview_is_announced_with_its_results(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
        settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(settings, "preview_inline", False)
        tenant, empty = await make_tenant(database), await make_tenant(database)
        await import_profiles(
            client, tenant, [make_profile(title="Backend Engineer", skills=["Python", "Kafka"])]
        )
        outcomes = {}
        for who in (tenant, empty):
            path = receiver.new_path()
            events = ["sourcing.completed", "sourcing.failed"]
            hook = await create_webhook(client, who, receiver.url(path), events=events)
            body = {**JOB, "webhookId": hook["id"]}
            accepted = await client.post("/sourcing/preview", json=body, headers=who.headers)
            assert accepted.status_code == 202, accepted.text
            await drain_queue()
            [request] = receiver.received(path)
            payload = verify(request, hook["signingSecret"])
            run_id = accepted.json()["requestId"]
            results = await client.get(f"/sourcing/preview/{run_id}/results", headers=who.headers)
            assert payload["data"] == results.json()
            outcomes[who.company_id] = (payload["event"], payload["data"]["status"])
        assert outcomes == {
            tenant.company_id: ("sourcing.completed", "completed"),
            empty.company_id: ("sourcing.failed", "failed"),  # NO_TALENT_POOL
        }

    async def test_a_preview_naming_no_webhook_announces_nothing(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
        settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(settings, "preview_inline", False)
        tenant = await make_tenant(database)
        await import_profiles(client, tenant, [make_profile(title="Backend Engineer")])
        path = receiver.new_path()
        await create_webhook(client, tenant, receiver.url(path))
        accepted = await client.post("/sourcing/preview", json=JOB, headers=tenant.headers)
        assert accepted.status_code == 202
        await drain_queue()
        assert receiver.received(path) == []
