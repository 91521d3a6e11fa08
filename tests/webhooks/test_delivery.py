"""Deliveries against a real receiver on 127.0.0.1: signing, retries, 410, Retry-After, circuit
breaker, redirects, timeouts, cancellation, redelivery, test pings and the SSRF check at connect."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.settings import Settings
from talentscout.webhooks.delivery import run_delivery
from tests.conftest import QueueDrainer
from tests.factories import make_tenant
from tests.webhooks.helpers import (
    config,
    create_webhook,
    deliveries,
    enqueue,
    fast_forward,
    verify,
)
from tests.webhooks.receiver import Receiver, Reply


def ts(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class TestDelivery:
    async def test_event_is_signed_verifiable_and_custom_headers_cannot_forge(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path()
        hook = await create_webhook(
            client,
            tenant,
            receiver.url(path),
            headers=[
                {"name": "X-Custom", "value": "abc"},
                {"name": "Webhook-Signature", "value": "v1,Zm9yZ2Vk"},
                {"name": "WEBHOOK-ID", "value": "forged"},
                {"name": "Content-Type", "value": "text/plain"},
            ],
        )
        [delivery_id] = await enqueue(database, tenant, data={"hello": "wörld"})
        await drain_queue()

        [request] = receiver.received(path)
        payload = verify(request, hook["signingSecret"])
        assert payload == {
            "event": "sourcing.completed",
            "timestamp": payload["timestamp"],
            "deliveryId": delivery_id,
            "companyId": tenant.company_id,
            "data": {"hello": "wörld"},
        }
        assert b" " not in request.body  # minified
        assert request.headers["webhook-id"] == delivery_id
        assert request.headers["x-custom"] == "abc"
        assert request.headers["content-type"] == "application/json"
        names = [name.lower() for name, _ in request.header_list]
        assert names.count("webhook-signature") == names.count("webhook-id") == 1
        assert "Zm9yZ2Vk" not in request.headers["webhook-signature"]
        [logged] = await deliveries(client, tenant, hook["id"])
        assert logged["status"] == "delivered"
        assert logged["attempts"] == 1
        assert logged["attemptLog"][0]["httpStatus"] == 200

    async def test_failed_attempts_are_retried_until_success(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path(Reply(500), Reply(503), Reply(502))
        hook = await create_webhook(client, tenant, receiver.url(path), maxRetries=3)
        [delivery_id] = await enqueue(database, tenant)
        await drain_queue()

        requests = receiver.received(path)
        assert len(requests) == 4
        for request in requests:
            verify(request, hook["signingSecret"])
            assert request.headers["webhook-id"] == delivery_id
        [logged] = await deliveries(client, tenant, hook["id"])
        assert logged["status"] == "delivered"
        assert [a["httpStatus"] for a in logged["attemptLog"]] == [500, 503, 502, 200]
        assert (await config(client, tenant, hook["id"]))["consecutiveFailures"] == 0

    async def test_retries_stop_at_max_retries(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path(*[Reply(500)] * 5)
        hook = await create_webhook(client, tenant, receiver.url(path), maxRetries=1)
        await enqueue(database, tenant)
        await drain_queue()
        assert len(receiver.received(path)) == 2
        [logged] = await deliveries(client, tenant, hook["id"])
        assert logged["status"] == "failed"
        assert logged["nextAttemptAt"] is None

    async def test_410_disables_the_config_at_once(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path(Reply(410))
        hook = await create_webhook(client, tenant, receiver.url(path))
        await enqueue(database, tenant)
        await drain_queue()
        assert len(receiver.received(path)) == 1
        assert (await config(client, tenant, hook["id"]))["isActive"] is False
        assert (await deliveries(client, tenant, hook["id"]))[0]["status"] == "failed"
        assert await enqueue(database, tenant) == []

    async def test_retry_after_is_honoured(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path(Reply(429, headers={"Retry-After": "30"}))
        hook = await create_webhook(client, tenant, receiver.url(path))
        [delivery_id] = await enqueue(database, tenant)
        await drain_queue()
        assert len(receiver.received(path)) == 1  # the retry is not due yet
        [pending] = await deliveries(client, tenant, hook["id"])
        assert pending["status"] == "pending"
        waited = ts(pending["nextAttemptAt"]) - ts(pending["attemptLog"][0]["attemptedAt"])
        assert waited.total_seconds() >= 30

        await fast_forward(database, delivery_id)
        await drain_queue()
        assert len(receiver.received(path)) == 2
        assert (await deliveries(client, tenant, hook["id"]))[0]["status"] == "delivered"

    async def test_circuit_opens_after_threshold_and_reset_restores(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
        webhook_settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(webhook_settings, "webhook_circuit_breaker_threshold", 3)
        tenant = await make_tenant(database)
        path = receiver.new_path(*[Reply(500)] * 3)
        hook = await create_webhook(client, tenant, receiver.url(path), maxRetries=0)
        for _ in range(3):
            await enqueue(database, tenant)
        await drain_queue()
        opened = await config(client, tenant, hook["id"])
        assert opened["isActive"] is False
        assert opened["consecutiveFailures"] == 3
        assert opened["circuitOpenedAt"] is not None
        assert await enqueue(database, tenant) == []  # not sent while open

        response = await client.post(
            f"/webhooks/{hook['id']}/reset-circuit", headers=tenant.headers
        )
        assert response.status_code == 200
        reset = response.json()["data"]
        assert (reset["isActive"], reset["consecutiveFailures"], reset["circuitOpenedAt"]) == (
            True,
            0,
            None,
        )
        [delivery_id] = await enqueue(database, tenant)
        await drain_queue()
        assert receiver.received(path)[-1].headers["webhook-id"] == delivery_id
        assert len(receiver.received(path)) == 4

    async def test_redirects_are_not_followed(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        elsewhere = receiver.new_path()
        path = receiver.new_path(Reply(302, headers={"Location": receiver.url(elsewhere)}))
        hook = await create_webhook(client, tenant, receiver.url(path), maxRetries=0)
        await enqueue(database, tenant)
        await drain_queue()
        assert len(receiver.received(path)) == 1
        assert receiver.received(elsewhere) == []
        [logged] = await deliveries(client, tenant, hook["id"])
        assert logged["status"] == "failed"
        assert logged["attemptLog"][0]["httpStatus"] == 302
        assert "redirect" in logged["attemptLog"][0]["error"]

    async def test_slow_receiver_times_out(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path(Reply(delay=2.5))
        hook = await create_webhook(
            client, tenant, receiver.url(path), maxRetries=0, timeoutMs=1000
        )
        await enqueue(database, tenant)
        await drain_queue()
        [logged] = await deliveries(client, tenant, hook["id"])
        attempt = logged["attemptLog"][0]
        assert logged["status"] == "failed"
        assert attempt["httpStatus"] is None
        assert "timed out" in attempt["error"]
        assert 900 <= attempt["durationMs"] < 2400

    async def test_attempt_log_keeps_a_bounded_response_excerpt(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path(Reply(500, body=b"e" * 10_000))
        hook = await create_webhook(client, tenant, receiver.url(path), maxRetries=0)
        await enqueue(database, tenant)
        await drain_queue()
        [logged] = await deliveries(client, tenant, hook["id"])
        attempt = logged["attemptLog"][0]
        assert attempt["responseExcerpt"] == "e" * 2048
        assert attempt["durationMs"] >= 0
        assert attempt["attemptedAt"].endswith("Z")

    async def test_a_job_run_twice_delivers_once(
        self,
        client: httpx.AsyncClient,
        database: Database,
        receiver: Receiver,
        webhook_settings: Settings,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path()
        await create_webhook(client, tenant, receiver.url(path))
        [delivery_id] = await enqueue(database, tenant)
        for _ in range(2):
            await run_delivery(database, webhook_settings, delivery_id, 0, manual=False)
        assert len(receiver.received(path)) == 1


class TestTargeting:
    async def test_event_goes_to_subscribed_active_configs_of_the_company(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant, other = await make_tenant(database), await make_tenant(database)
        wanted = await create_webhook(client, tenant, receiver.url(receiver.new_path()))
        unsubscribed = await create_webhook(
            client, tenant, receiver.url(receiver.new_path()), events=["enrich.completed"]
        )
        theirs = await create_webhook(client, other, receiver.url(receiver.new_path()))
        assert len(await enqueue(database, tenant)) == 1
        assert len(await enqueue(database, tenant, "SOURCING_COMPLETED")) == 1
        assert len(await enqueue(database, tenant, webhook_id=wanted["id"])) == 1
        assert await enqueue(database, tenant, webhook_id=unsubscribed["id"]) == []
        assert await enqueue(database, tenant, webhook_id=theirs["id"]) == []


class TestSsrfAtConnection:
    async def test_address_is_checked_again_when_connecting(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
        webhook_settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path()
        hook = await create_webhook(
            client, tenant, receiver.url(path, host="localhost"), maxRetries=0
        )
        await enqueue(database, tenant)
        monkeypatch.setattr(webhook_settings, "allow_private_webhooks", False)
        await drain_queue()
        assert receiver.received(path) == []
        [logged] = await deliveries(client, tenant, hook["id"])
        assert logged["status"] == "failed"
        assert "refused" in logged["attemptLog"][0]["error"]
        assert "127.0.0.1" in logged["attemptLog"][0]["error"]

        ping = await client.post(f"/webhooks/{hook['id']}/test", headers=tenant.headers)
        assert ping.json()["data"]["success"] is False
        assert receiver.received(path) == []
