"""Webhook config routes: CRUD, validation, secret shown once, scopes, tenancy, SSRF at creation."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.settings import Settings
from tests.factories import make_tenant
from tests.webhooks.helpers import create_webhook
from tests.webhooks.receiver import Receiver

CONFIG_FIELDS = {
    "id",
    "companyId",
    "url",
    "name",
    "description",
    "headers",
    "events",
    "isActive",
    "maxRetries",
    "timeoutMs",
    "consecutiveFailures",
    "circuitOpenedAt",
    "createdAt",
    "updatedAt",
}


class TestCreate:
    async def test_secret_is_shown_once_and_header_values_never(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        response = await client.post(
            "/v1/webhooks",
            json={
                "url": receiver.url("/x"),
                "events": ["SOURCING_COMPLETED", "enrich.failed", "sourcing.completed"],
                "name": "ATS",
                "headers": [{"name": "Authorization", "value": "Bearer top-secret"}],
            },
            headers=tenant.headers,
        )
        assert response.status_code == 201, response.text
        created = response.json()["data"]
        assert response.json()["success"] is True
        assert set(created) == CONFIG_FIELDS | {"signingSecret"}
        secret = created["signingSecret"]
        assert secret.startswith("whsec_")
        assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
        assert created["events"] == ["sourcing.completed", "enrich.failed"]
        assert created["headers"] == [{"name": "Authorization", "isMasked": True}]
        assert created["maxRetries"] == 8
        assert created["timeoutMs"] == 15000
        assert created["isActive"] is True
        assert created["consecutiveFailures"] == 0
        assert created["circuitOpenedAt"] is None
        assert created["companyId"] == tenant.company_id
        assert created["createdAt"].endswith("Z")

        fetched = await client.get(f"/webhooks/{created['id']}", headers=tenant.headers)
        assert fetched.status_code == 200
        assert set(fetched.json()["data"]) == CONFIG_FIELDS
        listed = await client.get("/webhooks", headers=tenant.headers)
        assert listed.json()["data"]["total"] == 1
        assert "top-secret" not in fetched.text + listed.text
        assert secret not in fetched.text + listed.text

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"events": ["ping"]}, "url"),
            ({"url": "ftp://127.0.0.1/x", "events": ["ping"]}, "url"),
            ({"url": "not a url", "events": ["ping"]}, "url"),
            ({"url": "https://example.com/" + "a" * 2048, "events": ["ping"]}, "url"),
            ({"url": "https://example.com/h"}, "events"),
            ({"url": "https://example.com/h", "events": []}, "events"),
            ({"url": "https://example.com/h", "events": ["order.created"]}, "events"),
            ({"url": "https://example.com/h", "events": ["ping"], "name": "n" * 256}, "name"),
            ({"url": "https://example.com/h", "events": ["ping"], "maxRetries": 11}, "maxRetries"),
            ({"url": "https://example.com/h", "events": ["ping"], "maxRetries": -1}, "maxRetries"),
            ({"url": "https://example.com/h", "events": ["ping"], "timeoutMs": 999}, "timeoutMs"),
            ({"url": "https://example.com/h", "events": ["ping"], "timeoutMs": 30001}, "timeoutMs"),
            (
                {
                    "url": "https://example.com/h",
                    "events": ["ping"],
                    "headers": [{"name": f"X-{i}", "value": "v"} for i in range(51)],
                },
                "headers",
            ),
            (
                {
                    "url": "https://example.com/h",
                    "events": ["ping"],
                    "headers": [{"name": "", "value": "v"}],
                },
                "headers.0.name",
            ),
            (
                {
                    "url": "https://example.com/h",
                    "events": ["ping"],
                    "headers": [{"name": "X-A", "value": "v" * 4097}],
                },
                "headers.0.value",
            ),
            (
                {
                    "url": "https://example.com/h",
                    "events": ["ping"],
                    "headers": [{"name": "X-A", "value": "a\r\nX-Injected: 1"}],
                },
                "headers.0.value",
            ),
        ],
    )
    async def test_invalid_bodies_are_400_naming_the_field(
        self, client: httpx.AsyncClient, database: Database, body: dict[str, Any], field: str
    ) -> None:
        tenant = await make_tenant(database)
        response = await client.post("/webhooks", json=body, headers=tenant.headers)
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        assert error["code"] == "VALIDATION_ERROR"
        assert field in [e["field"] for e in error["details"]["errors"]]

    async def test_limits_are_inclusive(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        created = await create_webhook(
            client,
            tenant,
            receiver.url("/edge"),
            name="n" * 255,
            maxRetries=0,
            timeoutMs=30000,
            headers=[{"name": f"X-{i}", "value": "v" * 4096} for i in range(50)],
        )
        assert created["maxRetries"] == 0
        assert len(created["headers"]) == 50


class TestSsrfAtCreation:
    @pytest.mark.parametrize(
        "url",
        [
            "https://10.0.0.1/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://localhost/hook",
            "https://127.0.0.1/hook",
            "https://[::1]/hook",
            "https://[::ffff:10.0.0.1]/hook",
            "https://0.0.0.0/hook",
            "https://224.0.0.1/hook",
            "https://192.168.1.10/hook",
            "http://example.com/hook",
        ],
    )
    async def test_private_destinations_are_refused(
        self,
        client: httpx.AsyncClient,
        database: Database,
        webhook_settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
        url: str,
    ) -> None:
        monkeypatch.setattr(webhook_settings, "allow_private_webhooks", False)
        tenant = await make_tenant(database)
        response = await client.post(
            "/webhooks", json={"url": url, "events": ["ping"]}, headers=tenant.headers
        )
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        assert error["code"] == "VALIDATION_ERROR"
        assert error["details"]["errors"][0]["field"] == "url"

    @pytest.mark.parametrize(
        "url",
        ["https://169.254.169.254/latest", "http://224.0.0.1/x", "https://0.0.0.0/x"],
    )
    async def test_metadata_multicast_unspecified_stay_refused_in_development(
        self, client: httpx.AsyncClient, database: Database, url: str
    ) -> None:
        tenant = await make_tenant(database)
        response = await client.post(
            "/webhooks", json={"url": url, "events": ["ping"]}, headers=tenant.headers
        )
        assert response.status_code == 400

    async def test_development_allows_loopback_over_http(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        created = await create_webhook(client, tenant, receiver.url("/dev", host="localhost"))
        assert created["url"].startswith("http://localhost:")

    async def test_public_https_url_is_accepted(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        created = await create_webhook(client, tenant, "https://93.184.215.14/hook")
        assert created["url"] == "https://93.184.215.14/hook"


class TestUpdateDelete:
    async def test_patch_changes_given_fields_and_replaces_headers(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        created = await create_webhook(
            client,
            tenant,
            receiver.url("/p"),
            name="first",
            headers=[{"name": "X-A", "value": "1"}, {"name": "X-B", "value": "2"}],
        )
        response = await client.patch(
            f"/webhooks/{created['id']}",
            json={
                "headers": [{"name": "X-C", "value": "3"}],
                "events": ["ENRICH_COMPLETED"],
                "maxRetries": 2,
            },
            headers=tenant.headers,
        )
        assert response.status_code == 200, response.text
        updated = response.json()["data"]
        assert updated["headers"] == [{"name": "X-C", "isMasked": True}]
        assert updated["events"] == ["enrich.completed"]
        assert updated["maxRetries"] == 2
        assert updated["name"] == "first"
        assert updated["timeoutMs"] == 15000
        assert "signingSecret" not in updated

        bad_bodies: list[dict[str, Any]] = [
            {"url": "ftp://x"},
            {"events": []},
            {"url": None},
            {"timeoutMs": 10},
            {"timeoutMs": "20000"},  # integers and booleans are JSON's own, not strings
            {"maxRetries": True},
            {"isActive": "false"},
        ]
        for body in bad_bodies:
            bad = await client.patch(
                f"/webhooks/{created['id']}", json=body, headers=tenant.headers
            )
            assert bad.status_code == 400, body

    async def test_delete_is_204_then_404(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        tenant = await make_tenant(database)
        created = await create_webhook(client, tenant, receiver.url("/d"))
        deleted = await client.delete(f"/webhooks/{created['id']}", headers=tenant.headers)
        assert deleted.status_code == 204
        assert deleted.content == b""
        again = await client.get(f"/webhooks/{created['id']}", headers=tenant.headers)
        assert again.status_code == 404
        assert again.json()["error"]["code"] == "RESOURCE_NOT_FOUND"


class TestTenancyAndScopes:
    async def test_other_companys_config_answers_exactly_like_unknown(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        owner, stranger = await make_tenant(database), await make_tenant(database)
        created = await create_webhook(client, owner, receiver.url("/t"))
        theirs_id, unknown_id = created["id"], "6f1c2d1e-1111-4111-8111-111111111111"
        calls = [
            ("GET", "/webhooks/{id}", None),
            ("PATCH", "/webhooks/{id}", {"name": "mine now"}),
            ("DELETE", "/webhooks/{id}", None),
            ("POST", "/webhooks/{id}/test", None),
            ("POST", "/webhooks/{id}/reset-circuit", None),
            ("GET", "/webhooks/{id}/deliveries", None),
            ("POST", "/webhooks/{id}/deliveries/dlv_x/redeliver", None),
        ]
        for method, path, body in calls:
            answers = []
            for config_id in (theirs_id, unknown_id):
                response = await client.request(
                    method, path.format(id=config_id), json=body, headers=stranger.headers
                )
                assert response.status_code == 404, (method, path, response.text)
                error = response.json()["error"]
                assert error["code"] == "RESOURCE_NOT_FOUND"
                assert error["details"] == {"resourceType": "webhook", "resourceId": config_id}
                answers.append((error["message"], sorted(response.headers.keys())))
            assert answers[0] == answers[1]
        listed = await client.get("/webhooks", headers=stranger.headers)
        assert listed.json()["data"] == {"data": [], "total": 0}
        still = await client.get(f"/webhooks/{theirs_id}", headers=owner.headers)
        assert still.json()["data"]["name"] is None

    async def test_scopes_are_enforced(
        self, client: httpx.AsyncClient, database: Database, receiver: Receiver
    ) -> None:
        reader = await make_tenant(database, scopes=["read:webhooks"])
        nobody = await make_tenant(database, scopes=["sourcing:read"])
        denied = await client.post(
            "/webhooks",
            json={"url": receiver.url("/s"), "events": ["ping"]},
            headers=reader.headers,
        )
        assert denied.status_code == 403
        assert denied.json()["error"]["code"] == "INSUFFICIENT_PERMISSIONS"
        assert denied.json()["error"]["details"] == {"requiredScope": "write:webhooks"}
        assert (await client.get("/webhooks", headers=reader.headers)).status_code == 200
        listed = await client.get("/webhooks", headers=nobody.headers)
        assert listed.status_code == 403
        assert (await client.get("/webhooks")).status_code == 401
