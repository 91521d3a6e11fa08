"""An external provider that is down never costs a profile what the pool record already holds.

Offline, slow or failing GitHub: the profile is still enriched from the pool (and billed as any
success), and the item says which provider failed. Only when no provider answered is the profile a
failure, whose message names the provider and the setting that turns it off.
"""

from __future__ import annotations

import socket
from typing import Any

import httpx
import pytest

from talentscout.db.engine import Database
from talentscout.settings import Settings, get_settings
from tests.conftest import QueueDrainer
from tests.enrichment.github_fake import FakeGitHub
from tests.factories import Tenant, import_profiles, make_profile, make_tenant

SETTING_HINT = "TALENTSCOUT_ENRICHMENT_PROVIDERS=pool"


@pytest.fixture
def offline_github(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> str:
    """GitHub configured but unreachable: a loopback port nothing listens on (connection
    refused), as on a machine without network access."""
    assert get_settings() is settings
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    monkeypatch.setattr(settings, "github_api_url", url)
    monkeypatch.setattr(settings, "enrichment_providers", "pool,github")  # the default
    return url


def with_github(login: str) -> dict[str, Any]:
    profile = make_profile(name="Ada Quinn")
    profile["externalIds"]["github"] = login
    profile["resumeText"] = "Ada Quinn - Backend Engineer\nReach me at ada.quinn@example.net"
    return profile


async def enrich(
    client: httpx.AsyncClient, tenant: Tenant, drain_queue: QueueDrainer, ids: list[str]
) -> dict[str, Any]:
    accepted = await client.post(
        "/sourcing/enrich", json={"profileIds": ids}, headers=tenant.headers
    )
    assert accepted.status_code == 202, accepted.text
    await drain_queue()
    done = await client.get(
        f"/sourcing/enrich/{accepted.json()['requestId']}/results", headers=tenant.headers
    )
    assert done.status_code == 200, done.text
    body: dict[str, Any] = done.json()
    return body


def assert_pool_only(item: dict[str, Any]) -> dict[str, Any]:
    """A success built from the pool record alone: its contacts, no GitHub data."""
    assert item["success"] is True, item
    assert "errorCode" not in item
    candidate: dict[str, Any] = item["candidate"]
    assert candidate["name"] == "Ada Quinn"
    assert "ada.quinn@example.net" in candidate["emails"]
    assert {p["source"] for p in candidate["emailProvenance"]} == {"pool"}
    assert "github" not in candidate["publicProfiles"]
    assert candidate["sources"] == ["pool"]
    [failure] = candidate["providerFailures"]
    assert failure["provider"] == "github"
    return dict(failure)


class TestDefaultProvidersFallBackToThePool:
    async def test_offline_github_still_enriches_from_the_pool(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        offline_github: str,
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=3)
        (pid,) = (await import_profiles(client, tenant, [with_github("ada-quinn")]))["profileIds"]
        body = await enrich(client, tenant, drain_queue, [pid])
        assert body["status"] == "completed"
        assert (body["enrichedCount"], body["failureCount"], body["creditsConsumed"]) == (1, 0, 1)
        failure = assert_pool_only(body["data"][0])
        assert failure["errorCode"] == "PROVIDER_ERROR"
        assert "github" in failure["errorMessage"]
        assert SETTING_HINT in failure["errorMessage"]

    async def test_github_server_error_still_enriches_from_the_pool(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
    ) -> None:
        fake_github.errors["ada-down"] = 503
        tenant = await make_tenant(database)
        (pid,) = (await import_profiles(client, tenant, [with_github("ada-down")]))["profileIds"]
        body = await enrich(client, tenant, drain_queue, [pid])
        assert body["status"] == "completed"
        failure = assert_pool_only(body["data"][0])
        assert failure["errorCode"] == "PROVIDER_ERROR"
        assert "HTTP 503" in failure["errorMessage"]

    async def test_slow_github_still_enriches_from_the_pool_within_the_budget(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
        settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(settings, "enrichment_timeout_seconds", 0.5)
        fake_github.delays["ada-slow"] = 3.0
        tenant = await make_tenant(database)
        (pid,) = (await import_profiles(client, tenant, [with_github("ada-slow")]))["profileIds"]
        body = await enrich(client, tenant, drain_queue, [pid])
        failure = assert_pool_only(body["data"][0])
        assert failure["errorCode"] == "ENRICHMENT_TIMEOUT"
        assert "0.5 s" in failure["errorMessage"]

    async def test_a_healthy_run_reports_no_failed_provider(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
    ) -> None:
        tenant = await make_tenant(database)
        (pid,) = (await import_profiles(client, tenant, [make_profile()]))["profileIds"]
        body = await enrich(client, tenant, drain_queue, [pid])
        assert body["data"][0]["candidate"]["providerFailures"] == []


class TestWithoutThePoolNothingIsLeft:
    async def test_the_failure_names_the_provider_and_the_setting(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        offline_github: str,
        settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(settings, "enrichment_providers", "github")
        tenant = await make_tenant(database, billing="prepaid", credits=3)
        (pid,) = (await import_profiles(client, tenant, [with_github("ada-quinn")]))["profileIds"]
        body = await enrich(client, tenant, drain_queue, [pid])
        assert body["status"] == "failed"
        assert body["creditsConsumed"] == 0
        [item] = body["data"]
        assert item["success"] is False
        assert item["errorCode"] == "PROVIDER_ERROR"
        assert "github" in item["errorMessage"]
        assert "ConnectError" in item["errorMessage"]
        assert SETTING_HINT in item["errorMessage"]
