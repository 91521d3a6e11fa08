"""Enrichment runs end to end against a local fake GitHub (spec §4): POST → worker → GET results."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from talentscout.billing.repository import LedgerRepository
from talentscout.db.engine import Database
from talentscout.settings import Settings
from tests.conftest import QueueDrainer
from tests.enrichment.github_fake import FakeGitHub
from tests.factories import Tenant, import_profiles, make_profile, make_tenant

PROCESSING = "Enrichment is in progress. Please poll again in a few seconds."


def mira() -> dict[str, Any]:
    profile = make_profile(
        title="Senior Backend Engineer", skills=["Python", "Kafka", "Go"], name="Mira Okafor"
    )
    profile["externalIds"]["github"] = "mira-okafor"
    profile["resumeText"] = (
        "Mira Okafor - Senior Backend Engineer\nContact: mira.work@example.com\n"
        "Built Kafka pipelines in Go and Python."
    )
    return profile


def nia() -> dict[str, Any]:
    profile = make_profile(title="Frontend Engineer", skills=["React", "TypeScript"])
    profile["basics"]["profiles"] = [
        {"network": "GitHub", "username": "nia-mensah", "url": "https://github.com/nia-mensah"}
    ]
    return profile


def with_github(login_or_url: str) -> dict[str, Any]:
    profile = make_profile()
    profile["externalIds"]["github"] = login_or_url
    return profile


async def seed(client: httpx.AsyncClient, tenant: Tenant, *profiles: dict[str, Any]) -> list[str]:
    return list((await import_profiles(client, tenant, list(profiles)))["profileIds"])


async def start(
    client: httpx.AsyncClient, tenant: Tenant, ids: list[str], **extra: Any
) -> dict[str, Any]:
    response = await client.post(
        "/sourcing/enrich", json={"profileIds": ids, **extra}, headers=tenant.headers
    )
    assert response.status_code == 202, response.text
    body: dict[str, Any] = response.json()
    return body


def without_time(response: httpx.Response) -> dict[str, Any]:
    return {**response.json(), "timestamp": None}


async def results(client: httpx.AsyncClient, tenant: Tenant, run_id: str) -> httpx.Response:
    return await client.get(f"/sourcing/enrich/{run_id}/results", headers=tenant.headers)


async def balance(database: Database, company_id: str) -> int:
    async with database.unit_of_work() as session:
        return await LedgerRepository.from_session(session).balance(company_id)


def by_id(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["profileId"]: item for item in body["data"]}


class TestEnrichmentRun:
    async def test_pool_and_github_findings_with_provenance(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
    ) -> None:
        tenant = await make_tenant(database)
        mira_id, nia_id = await seed(client, tenant, mira(), nia())
        accepted = await start(client, tenant, [mira_id, nia_id])
        assert accepted["requestId"].startswith("enr_")
        uuid.UUID(accepted["requestId"].removeprefix("enr_"))
        assert accepted["status"] == "processing"
        assert accepted["message"] == "Enrichment run accepted and queued for processing."
        assert accepted["webhookId"] is None
        assert accepted["createdAt"].endswith("Z")

        pending = await results(client, tenant, accepted["requestId"])
        assert pending.status_code == 202
        assert pending.json()["message"] == PROCESSING
        assert pending.json()["status"] == "processing"

        await drain_queue()
        done = await client.get(
            f"/v1/sourcing/enrich/{accepted['requestId']}/results", headers=tenant.headers
        )
        assert done.status_code == 200
        body = done.json()
        assert body["status"] == "completed"
        assert (body["enrichedCount"], body["failureCount"], body["creditsConsumed"]) == (2, 0, 2)
        assert body["completedAt"].endswith("Z")

        items = by_id(body)
        candidate = items[mira_id]["candidate"]
        assert items[mira_id]["success"] is True
        assert "errorCode" not in items[mira_id]
        pool_email = mira_email = candidate["emails"][0]
        assert pool_email.endswith("@example.com")
        assert "mira.work@example.com" in candidate["emails"]
        assert "mira.okafor@example.org" in candidate["emails"]
        provenance = {
            (p["email"], p["source"]): p["evidence"] for p in candidate["emailProvenance"]
        }
        assert provenance[(mira_email, "pool")] == "basics.email"
        assert provenance[("mira.work@example.com", "pool")] == "resumeText"
        user_url = f"{fake_github.url}/users/mira-okafor"
        assert provenance[("mira.okafor@example.org", "github")] == user_url
        assert provenance[("talks@mira-okafor.example.com", "github")] == user_url + "#bio"
        assert set(candidate["emails"]) == {email for email, _ in provenance}

        github = candidate["publicProfiles"]["github"]
        assert github["login"] == "mira-okafor"
        assert github["topLanguages"] == ["Go", "Python", "Shell"]  # the Rust fork is not hers
        assert github["blog"] == "https://mira-okafor.example.com"
        links = {link["url"]: link for link in candidate["portfolioLinks"]}
        assert links["https://github.com/mira-okafor"]["kind"] == "github"
        assert links["https://mira-okafor.example.com"]["source"] == "github"
        assert candidate["sources"] == ["pool", "github"]
        for field in ("name", "linkedinUrl", "skills", "headline", "currentRole", "emails"):
            assert field in candidate
        assert candidate["matchScore"] is None  # never scored by a sourcing run

        nia_candidate = items[nia_id]["candidate"]
        assert nia_candidate["publicProfiles"]["github"]["topLanguages"] == ["TypeScript", "CSS"]
        assert all(p["source"] == "pool" for p in nia_candidate["emailProvenance"])

        paths = [request["path"] for request in fake_github.requests]
        assert "/users/mira-okafor" in paths
        assert "/users/mira-okafor/repos?per_page=100&sort=pushed" in paths
        assert "/users/nia-mensah" in paths
        headers = fake_github.requests[0]["headers"]
        assert headers["Accept"] == "application/vnd.github+json"
        assert headers["User-Agent"].startswith("talentscout")

    async def test_erasing_a_profile_redacts_it_in_stored_enrichment_results(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
    ) -> None:
        tenant = await make_tenant(database)
        mira_id, nia_id = await seed(client, tenant, mira(), nia())
        run_id = (await start(client, tenant, [mira_id, nia_id]))["requestId"]
        await drain_queue()

        erased = await client.delete(f"/pool/profiles/{mira_id}", headers=tenant.headers)
        assert erased.status_code == 204

        body = (await results(client, tenant, run_id)).json()
        assert "mira" not in str(body).lower()
        items = by_id(body)
        assert items[mira_id]["success"] is False
        assert items[mira_id]["errorCode"] == "PROFILE_NOT_FOUND"
        assert items[nia_id]["success"] is True

    async def test_a_profile_erased_while_its_enrichment_runs_never_comes_back(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        from talentscout.enrichment import service as enrichment

        tenant = await make_tenant(database)
        mira_id, nia_id = await seed(client, tenant, mira(), nia())
        run_id = (await start(client, tenant, [mira_id, nia_id]))["requestId"]
        original = enrichment.enrich_one

        async def erased_midway(*args: Any, **kwargs: Any) -> Any:
            found = await original(*args, **kwargs)
            if args[0].profile_id == mira_id:  # she asks to be erased while providers run
                erased = await client.delete(f"/pool/profiles/{mira_id}", headers=tenant.headers)
                assert erased.status_code == 204
            return found

        monkeypatch.setattr(enrichment, "enrich_one", erased_midway)
        await drain_queue()
        body = (await results(client, tenant, run_id)).json()
        assert "mira" not in str(body).lower()
        assert by_id(body)[mira_id]["errorCode"] == "PROFILE_NOT_FOUND"
        assert by_id(body)[nia_id]["success"] is True
        assert body["creditsConsumed"] == 1

    async def test_slow_profile_times_out_alone_and_only_successes_are_billed(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
        settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        # GitHub alone: with the pool too, a slow GitHub still leaves a pool-only success
        # (tests/enrichment/test_provider_fallback.py).
        monkeypatch.setattr(settings, "enrichment_providers", "github")
        monkeypatch.setattr(settings, "enrichment_timeout_seconds", 0.5)
        fake_github.delays["slow-sam"] = 3.0
        tenant = await make_tenant(database, billing="prepaid", credits=10)
        ids = await seed(
            client, tenant, mira(), with_github("https://github.com/slow-sam"), make_profile()
        )
        accepted = await start(client, tenant, ids)
        assert await balance(database, tenant.company_id) == 7  # three reserved
        await drain_queue()
        body = (await results(client, tenant, accepted["requestId"])).json()
        assert body["status"] == "completed"
        items = by_id(body)
        assert items[ids[1]]["success"] is False
        assert items[ids[1]]["errorCode"] == "ENRICHMENT_TIMEOUT"
        assert items[ids[1]]["errorMessage"]
        assert "candidate" not in items[ids[1]]
        assert items[ids[0]]["success"]
        assert items[ids[2]]["success"]
        assert (body["enrichedCount"], body["failureCount"], body["creditsConsumed"]) == (2, 1, 2)
        assert await balance(database, tenant.company_id) == 8

    async def test_unknown_and_other_companys_profiles_are_not_found(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=5)
        stranger = await make_tenant(database)
        (mine,) = await seed(client, tenant, make_profile())
        (theirs,) = await seed(client, stranger, make_profile())
        accepted = await start(client, tenant, [mine, "prof_does_not_exist", theirs])
        await drain_queue()
        body = (await results(client, tenant, accepted["requestId"])).json()
        items = by_id(body)
        assert items[mine]["success"] is True
        for missing in ("prof_does_not_exist", theirs):
            assert items[missing] == {
                "profileId": missing,
                "success": False,
                "errorCode": "PROFILE_NOT_FOUND",
                "errorMessage": "No profile with this id.",
            }
        assert body["creditsConsumed"] == 1
        assert await balance(database, tenant.company_id) == 4

    async def test_nothing_enriched_means_failed_and_free(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
        settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(settings, "enrichment_providers", "github")  # no pool to fall back on
        fake_github.errors["broken-bo"] = 502
        tenant = await make_tenant(database, billing="prepaid", credits=5)
        (broken,) = await seed(client, tenant, with_github("broken-bo"))
        accepted = await start(client, tenant, [broken, "prof_unknown"])
        await drain_queue()
        body = (await results(client, tenant, accepted["requestId"])).json()
        assert body["status"] == "failed"
        items = by_id(body)
        assert items[broken]["errorCode"] == "PROVIDER_ERROR"
        assert items[broken]["errorMessage"].startswith("Provider github failed: HTTP 502")
        assert "TALENTSCOUT_ENRICHMENT_PROVIDERS=pool" in items[broken]["errorMessage"]
        assert items["prof_unknown"]["errorCode"] == "PROFILE_NOT_FOUND"
        assert (body["enrichedCount"], body["failureCount"], body["creditsConsumed"]) == (0, 2, 0)
        assert await balance(database, tenant.company_id) == 5

    async def test_github_user_that_no_longer_exists_is_not_an_error(
        self,
        client: httpx.AsyncClient,
        database: Database,
        drain_queue: QueueDrainer,
        fake_github: FakeGitHub,
    ) -> None:
        tenant = await make_tenant(database)
        (pid,) = await seed(client, tenant, with_github("gone-user"))
        accepted = await start(client, tenant, [pid, pid])  # duplicates count once
        await drain_queue()
        body = (await results(client, tenant, accepted["requestId"])).json()
        assert [item["profileId"] for item in body["data"]] == [pid]
        assert body["data"][0]["success"] is True
        assert "github" not in body["data"][0]["candidate"]["publicProfiles"]


class TestTenancyAndValidation:
    async def test_other_companys_run_answers_exactly_like_unknown(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        owner, stranger = await make_tenant(database), await make_tenant(database)
        (pid,) = await seed(client, owner, make_profile())
        run_id = (await start(client, owner, [pid]))["requestId"]
        theirs = await results(client, stranger, run_id)
        unknown = await results(client, stranger, f"enr_{uuid.uuid4()}")
        assert theirs.status_code == unknown.status_code == 404
        assert without_time(theirs) == without_time(unknown)
        assert without_time(theirs)["error"]["code"] == "REQUEST_NOT_FOUND"
        assert without_time(theirs)["error"]["message"] == "No enrichment request with this id."
        malformed = await results(client, stranger, "enr_not-a-uuid")
        assert without_time(malformed) == without_time(unknown)

    async def test_body_rules_scope_and_preflight(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=1)
        bodies: list[dict[str, Any]] = [
            {"profileIds": []},
            {"profileIds": [f"p{i}" for i in range(11)]},
            {"profileIds": ["prof_\x00"]},
            {},
        ]
        for body in bodies:
            response = await client.post("/sourcing/enrich", json=body, headers=tenant.headers)
            assert response.status_code == 400, body
            assert response.json()["error"]["code"] == "VALIDATION_ERROR"
        poor = await client.post(
            "/sourcing/enrich", json={"profileIds": ["a", "b"]}, headers=tenant.headers
        )
        assert poor.status_code == 402
        assert poor.json()["error"]["details"] == {"required": 2, "balance": 1}
        reader = await make_tenant(database, scopes=["sourcing:read"])
        denied = await client.post(
            "/sourcing/enrich", json={"profileIds": ["a"]}, headers=reader.headers
        )
        assert denied.status_code == 403
        assert denied.json()["error"]["details"] == {"requiredScope": "enrich:write"}
