"""Enrichment and webhooks (``enrich.*`` events), and erasure of stored results (spec §4, §8)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from talentscout.db.engine import Database
from talentscout.db.models import WebhookConfig, WebhookDelivery
from talentscout.enrichment import events
from talentscout.enrichment.service import erase_profile_copies
from talentscout.timeutil import utcnow
from tests.conftest import QueueDrainer
from tests.enrichment.github_fake import FakeGitHub
from tests.enrichment.test_router import by_id, mira, results, seed, start
from tests.factories import make_profile, make_tenant


async def add_webhook(database: Database, company_id: str, events_: list[str]) -> str:
    webhook_id = str(uuid.uuid4())
    async with database.unit_of_work() as session:
        now = utcnow()
        session.add(
            WebhookConfig(
                id=webhook_id,
                company_id=company_id,
                url="https://hooks.example.com/talentscout",
                headers=[],
                events=events_,
                signing_secret="whsec_test",
                created_at=now,
                updated_at=now,
            )
        )
    return webhook_id


class TestWebhookEvents:
    async def test_webhook_id_is_checked(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant, other = await make_tenant(database), await make_tenant(database)
        (pid,) = await seed(client, tenant, make_profile())
        cases = [
            (str(uuid.uuid4()), 404, "RESOURCE_NOT_FOUND"),
            (await add_webhook(database, other.company_id, ["enrich.completed"]), 403,
             "WEBHOOK_OWNERSHIP_MISMATCH"),
            (await add_webhook(database, tenant.company_id, ["sourcing.completed"]), 422,
             "WEBHOOK_NOT_SUBSCRIBED"),
        ]  # fmt: skip
        for webhook_id, status, code in cases:
            response = await client.post(
                "/sourcing/enrich",
                json={"profileIds": [pid], "webhookId": webhook_id},
                headers=tenant.headers,
            )
            assert response.status_code == status
            assert response.json()["error"]["code"] == code

    async def test_completion_announces_the_results_body(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        announced: list[dict[str, Any]] = []

        async def enqueue_event(
            session: Any, company_id: str, event: str, data: dict[str, Any], *, webhook_id: Any
        ) -> list[str]:
            assert session.in_transaction()
            announced.append(
                {"company": company_id, "event": event, "data": data, "webhook": webhook_id}
            )
            return ["delivery-1"]

        monkeypatch.setattr(events, "_enqueue_event", lambda: enqueue_event)
        tenant = await make_tenant(database)
        webhook_id = await add_webhook(database, tenant.company_id, ["ENRICH_COMPLETED"])
        (pid,) = await seed(client, tenant, make_profile())
        accepted = await start(client, tenant, [pid], webhookId=webhook_id)
        assert accepted["webhookId"] == webhook_id
        await drain_queue()
        body = (await results(client, tenant, accepted["requestId"])).json()
        mine = [a for a in announced if a["company"] == tenant.company_id]  # the queue is shared
        assert mine == [
            {
                "company": tenant.company_id,
                "event": "enrich.completed",
                "data": body,
                "webhook": webhook_id,
            }
        ]


class TestErasure:
    async def test_erasing_a_profile_redacts_its_stored_enrichment(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
    ) -> None:
        tenant, stranger = await make_tenant(database), await make_tenant(database)
        erased, kept = await seed(client, tenant, mira(), make_profile())
        run_id = (await start(client, tenant, [erased, kept]))["requestId"]
        await drain_queue()
        async with database.unit_of_work() as session:
            assert await erase_profile_copies(session, stranger.company_id, erased) == 0
            assert await erase_profile_copies(session, tenant.company_id, erased) == 1
        body = (await results(client, tenant, run_id)).json()
        assert by_id(body)[erased] == {
            "profileId": erased,
            "success": False,
            "errorCode": "PROFILE_NOT_FOUND",
            "errorMessage": "The profile was erased.",
        }
        assert by_id(body)[kept]["success"] is True
        assert "mira" not in str(body).lower()

    async def test_the_webhooks_service_queues_the_delivery_with_the_run(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
    ) -> None:
        tenant = await make_tenant(database)
        webhook_id = await add_webhook(database, tenant.company_id, ["enrich.completed"])
        (pid,) = await seed(client, tenant, make_profile())
        accepted = await start(client, tenant, [pid], webhookId=webhook_id)
        await drain_queue()
        body = (await results(client, tenant, accepted["requestId"])).json()
        async with database.unit_of_work() as session:
            rows = (
                await session.execute(
                    select(WebhookDelivery).where(WebhookDelivery.config_id == webhook_id)
                )
            ).scalars()
            deliveries = list(rows)
        assert [d.event for d in deliveries] == ["enrich.completed"]
        assert json.loads(deliveries[0].body)["data"] == body
