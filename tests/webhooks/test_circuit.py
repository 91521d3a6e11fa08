"""The circuit breaker counts deliveries, not attempts (API.md §5: "after 10 consecutive failed
deliveries"): a delivery counts once, when its last retry has failed, and a success resets the
count. Real receiver on 127.0.0.1, retries made immediate through the settings."""

from __future__ import annotations

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.settings import Settings
from tests.conftest import QueueDrainer
from tests.factories import make_tenant
from tests.webhooks.helpers import config, create_webhook, deliveries, enqueue
from tests.webhooks.receiver import Receiver, Reply


@pytest.fixture(autouse=True)
def threshold_three(webhook_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webhook_settings, "webhook_circuit_breaker_threshold", 3)


async def test_retries_of_one_delivery_do_not_open_the_circuit(
    client: httpx.AsyncClient,
    database: Database,
    drain_queue: QueueDrainer,
    receiver: Receiver,
) -> None:
    tenant = await make_tenant(database)
    path = receiver.new_path(*[Reply(500)] * 50)
    hook = await create_webhook(client, tenant, receiver.url(path), maxRetries=4)

    await enqueue(database, tenant)
    await drain_queue()
    assert len(receiver.received(path)) == 5  # one delivery: the attempt and four retries
    after_one = await config(client, tenant, hook["id"])
    assert (after_one["isActive"], after_one["consecutiveFailures"]) == (True, 1)
    assert after_one["circuitOpenedAt"] is None

    await enqueue(database, tenant)
    await drain_queue()
    after_two = await config(client, tenant, hook["id"])
    assert (after_two["isActive"], after_two["consecutiveFailures"]) == (True, 2)

    await enqueue(database, tenant)
    await drain_queue()
    opened = await config(client, tenant, hook["id"])
    assert (opened["isActive"], opened["consecutiveFailures"]) == (False, 3)
    assert opened["circuitOpenedAt"] is not None
    assert len(receiver.received(path)) == 15
    assert [d["status"] for d in await deliveries(client, tenant, hook["id"])] == ["failed"] * 3
    assert await enqueue(database, tenant) == []  # open: nothing more is sent


async def test_a_delivered_event_resets_the_count(
    client: httpx.AsyncClient,
    database: Database,
    drain_queue: QueueDrainer,
    receiver: Receiver,
) -> None:
    tenant = await make_tenant(database)
    # Two deliveries fail for good (2 attempts each), the third succeeds on its retry, then two
    # more fail for good: never three in a row, so the circuit stays closed.
    path = receiver.new_path(*[Reply(500)] * 5, Reply(200), *[Reply(500)] * 4)
    hook = await create_webhook(client, tenant, receiver.url(path), maxRetries=1)
    counts = []
    for _ in range(5):
        await enqueue(database, tenant)
        await drain_queue()
        counts.append((await config(client, tenant, hook["id"]))["consecutiveFailures"])
    assert counts == [1, 2, 0, 1, 2]
    assert (await config(client, tenant, hook["id"]))["isActive"] is True
    assert len(receiver.received(path)) == 10
