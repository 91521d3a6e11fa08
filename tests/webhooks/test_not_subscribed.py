"""WEBHOOK_NOT_SUBSCRIBED reads the same from every endpoint that takes a ``webhookId``: the
webhook it is about and the events that run could have sent it."""

from __future__ import annotations

import httpx
import pytest

from talentscout.db.engine import Database
from tests.factories import import_profiles, make_profile, make_tenant
from tests.webhooks.helpers import create_webhook
from tests.webhooks.receiver import Receiver

JOB = {"title": "Backend Engineer", "jobDescription": "Python and Kafka."}
SOURCING = ["sourcing.completed", "sourcing.failed"]
ENRICH = ["enrich.completed", "enrich.failed"]


@pytest.mark.parametrize(
    ("path", "events"),
    [("/sourcing", SOURCING), ("/sourcing/preview", SOURCING), ("/sourcing/enrich", ENRICH)],
)
async def test_the_error_names_the_webhook_and_the_events(
    client: httpx.AsyncClient,
    database: Database,
    receiver: Receiver,
    path: str,
    events: list[str],
) -> None:
    tenant = await make_tenant(database)
    ping_only = await create_webhook(
        client, tenant, receiver.url(receiver.new_path()), events=["ping"]
    )
    if path == "/sourcing/enrich":
        ids = (await import_profiles(client, tenant, [make_profile()]))["profileIds"]
        body: dict[str, object] = {"profileIds": ids}
    else:
        body = dict(JOB)
    response = await client.post(
        path, json={**body, "webhookId": ping_only["id"]}, headers=tenant.headers
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error == {
        "code": "WEBHOOK_NOT_SUBSCRIBED",
        "message": f"The webhook subscribes to none of: {', '.join(events)}.",
        "details": {"webhookId": ping_only["id"], "events": events},
    }
