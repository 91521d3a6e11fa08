"""Webhook VALIDATION_ERROR messages are whole sentences naming the field (spec §2 envelope),
the same text on top and in ``details.errors``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.settings import Settings
from tests.factories import make_tenant
from tests.webhooks.helpers import create_webhook
from tests.webhooks.receiver import Receiver

EVENTS = "sourcing.completed, sourcing.failed, enrich.completed, enrich.failed, ping"


def single_error(response: httpx.Response, field: str) -> str:
    assert response.status_code == 400, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["details"]["errors"] == [{"field": field, "message": error["message"]}]
    message: str = error["message"]
    return message


@pytest.mark.parametrize("events", [["nope"], ["ping", "nope"]])
async def test_an_unknown_event_names_the_field_and_the_events_to_use(
    client: httpx.AsyncClient, database: Database, events: list[str]
) -> None:
    tenant = await make_tenant(database)
    response = await client.post(
        "/webhooks", json={"url": "https://example.com/h", "events": events}, headers=tenant.headers
    )
    message = single_error(response, "events")
    assert message == f"events must be one of {EVENTS}; got 'nope'."


async def test_an_unknown_event_in_an_update_reads_the_same(
    client: httpx.AsyncClient, database: Database, receiver: Receiver
) -> None:
    tenant = await make_tenant(database)
    created = await create_webhook(client, tenant, receiver.url("/w"))
    response = await client.patch(
        f"/webhooks/{created['id']}", json={"events": ["SOURCING_DONE"]}, headers=tenant.headers
    )
    assert (
        single_error(response, "events") == f"events must be one of {EVENTS}; got 'SOURCING_DONE'."
    )


@pytest.mark.parametrize(
    ("url", "allow_private", "message"),
    [
        (
            "http://127.0.0.1:8770/hook",
            False,
            "url must use https (for a receiver on this machine while developing, set "
            "TALENTSCOUT_ALLOW_PRIVATE_WEBHOOKS=true).",
        ),
        ("ftp://example.com/hook", False, "url must be an absolute https URL."),
        (
            "https://10.0.0.1/hook",
            False,
            "url host 10.0.0.1 is not allowed: 10.0.0.1 is a private address (to allow receivers "
            "on this machine or your network, set TALENTSCOUT_ALLOW_PRIVATE_WEBHOOKS=true).",
        ),
        (
            "https://169.254.169.254/latest",
            True,
            "url host 169.254.169.254 is not allowed: 169.254.169.254 is a link-local address.",
        ),
        (
            "http://10.0.0.1/hook",
            True,
            "url host 10.0.0.1 is not allowed: http is allowed only for a loopback receiver in "
            "development mode.",
        ),
    ],
)
async def test_a_refused_url_is_one_sentence(
    client: httpx.AsyncClient,
    database: Database,
    webhook_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    allow_private: bool,
    message: str,
) -> None:
    monkeypatch.setattr(webhook_settings, "allow_private_webhooks", allow_private)
    tenant = await make_tenant(database)
    response = await client.post(
        "/webhooks", json={"url": url, "events": ["ping"]}, headers=tenant.headers
    )
    assert single_error(response, "url") == message


async def test_nulling_a_required_field_is_one_sentence(
    client: httpx.AsyncClient, database: Database, receiver: Receiver
) -> None:
    tenant = await make_tenant(database)
    created = await create_webhook(client, tenant, receiver.url("/n"))
    response = await client.patch(
        f"/webhooks/{created['id']}", json={"maxRetries": None}, headers=tenant.headers
    )
    assert single_error(response, "maxRetries") == "maxRetries must not be null."


async def test_outside_development_a_refusal_names_no_server_setting(
    client: httpx.AsyncClient,
    database: Database,
    webhook_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webhook_settings, "env", "production")
    monkeypatch.setattr(webhook_settings, "allow_private_webhooks", False)
    tenant = await make_tenant(database)
    refused = {}
    for url in ("http://127.0.0.1:8770/hook", "https://127.0.0.1:8770/hook"):
        response = await client.post(
            "/webhooks", json={"url": url, "events": ["ping"]}, headers=tenant.headers
        )
        refused[url] = single_error(response, "url")
    assert refused == {
        "http://127.0.0.1:8770/hook": "url must use https.",
        "https://127.0.0.1:8770/hook": (
            "url host 127.0.0.1 is not allowed: 127.0.0.1 is a loopback address."
        ),
    }
