"""Manual sends and cancellation: DELETE cancels pending deliveries, redelivery re-sends the same
delivery freshly signed, and the synchronous ``ping`` test reports the endpoint's answer."""

from __future__ import annotations

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.settings import Settings
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


class TestCancellationAndRedelivery:
    async def test_delete_cancels_pending_deliveries(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
        webhook_settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(webhook_settings, "webhook_retry_schedule", "60")
        tenant = await make_tenant(database)
        path = receiver.new_path(Reply(500))
        hook = await create_webhook(client, tenant, receiver.url(path))
        [retrying] = await enqueue(database, tenant)
        await drain_queue()  # first attempt fails; its retry waits 60 s
        [queued] = await enqueue(database, tenant)  # never attempted
        response = await client.delete(f"/webhooks/{hook['id']}", headers=tenant.headers)
        assert response.status_code == 204
        await fast_forward(database, retrying)
        await drain_queue()
        assert [r.headers["webhook-id"] for r in receiver.received(path)] == [retrying]
        assert queued != retrying

    async def test_redelivery_sends_the_same_delivery_again(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        receiver: Receiver,
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path()
        hook = await create_webhook(client, tenant, receiver.url(path))
        [delivery_id] = await enqueue(database, tenant)
        await drain_queue()
        response = await client.post(
            f"/webhooks/{hook['id']}/deliveries/{delivery_id}/redeliver", headers=tenant.headers
        )
        assert response.status_code == 202, response.text
        assert response.json()["data"]["status"] == "pending"
        await drain_queue()
        first, second = receiver.received(path)
        assert first.body == second.body
        assert second.headers["webhook-id"] == delivery_id
        verify(second, hook["signingSecret"])
        [logged] = await deliveries(client, tenant, hook["id"])
        assert (logged["status"], logged["attempts"]) == ("delivered", 2)

        missing = await client.post(
            f"/webhooks/{hook['id']}/deliveries/dlv_missing/redeliver", headers=tenant.headers
        )
        assert missing.status_code == 404
        assert missing.json()["error"]["details"]["resourceType"] == "delivery"


class TestPing:
    async def test_ping_reports_the_endpoints_answer(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        path = receiver.new_path(Reply(200), Reply(500))
        hook = await create_webhook(client, tenant, receiver.url(path), events=["ping"])
        response = await client.post(f"/webhooks/{hook['id']}/test", headers=tenant.headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["success"] is True
        result = body["data"]
        assert result["success"] is True
        assert result["httpStatus"] == 200
        assert result["durationMs"] >= 0
        assert result["message"]
        [request] = receiver.received(path)
        payload = verify(request, hook["signingSecret"])
        assert payload["event"] == "ping"
        assert payload["deliveryId"] == result["deliveryId"]

        failed = (await client.post(f"/webhooks/{hook['id']}/test", headers=tenant.headers)).json()
        assert failed["data"]["success"] is False
        assert failed["data"]["httpStatus"] == 500
        assert (await config(client, tenant, hook["id"]))["consecutiveFailures"] == 0
        assert len(await deliveries(client, tenant, hook["id"])) == 2

    async def test_a_ping_answered_410_disables_the_config(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        """410 is the receiver saying the endpoint is gone: on a ping as on any delivery."""
        tenant = await make_tenant(database)
        hook = await create_webhook(client, tenant, receiver.url(receiver.new_path(Reply(410))))
        response = await client.post(f"/webhooks/{hook['id']}/test", headers=tenant.headers)
        assert response.json()["data"]["httpStatus"] == 410
        assert (await config(client, tenant, hook["id"]))["isActive"] is False

    async def test_ping_needs_the_ping_subscription(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        hook = await create_webhook(
            client, tenant, receiver.url(receiver.new_path()), events=["sourcing.failed"]
        )
        response = await client.post(f"/webhooks/{hook['id']}/test", headers=tenant.headers)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "WEBHOOK_NOT_SUBSCRIBED"
