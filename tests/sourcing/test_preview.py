"""Preview runs end to end (spec §3): POST → inline or worker → GET nine-field results, billing."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from talentscout.billing.repository import LedgerRepository
from talentscout.db.engine import Database
from talentscout.settings import Settings
from talentscout.sourcing import preview
from tests.conftest import QueueDrainer
from tests.factories import Tenant, import_profiles, make_profile, make_tenant

NINE = {
    "profileId",
    "fullName",
    "profileUrl",
    "title",
    "headline",
    "location",
    "country",
    "companyName",
    "companyUrl",
}
JOB = {
    "title": "Senior Backend Engineer",
    "jobDescription": "We need a senior backend engineer. Must have Python and Kafka. "
    "PostgreSQL is a plus.",
    "location": "Berlin, Germany",
}


@pytest.fixture
def no_inline(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave previews to the queue so a test can observe the 202 and drive the worker."""
    monkeypatch.setattr(settings, "preview_inline", False)


def backend(n: int = 0) -> dict[str, Any]:
    profile = make_profile(
        title="Senior Backend Engineer", skills=["Python", "Kafka", "PostgreSQL"], years=7 + n
    )
    profile["basics"]["profiles"] = [
        {"network": "GitHub", "url": f"https://github.com/dev{uuid.uuid4().hex[:8]}"},
        {"network": "LinkedIn", "url": f"https://www.linkedin.com/in/be-{uuid.uuid4().hex[:8]}"},
    ]
    profile["work"][0]["url"] = "https://acme.example.com"
    return profile


async def seed(client: httpx.AsyncClient, tenant: Tenant, profiles: list[dict[str, Any]]) -> None:
    await import_profiles(client, tenant, profiles)


async def start(client: httpx.AsyncClient, tenant: Tenant, body: dict[str, Any]) -> str:
    response = await client.post("/sourcing/preview", json=body, headers=tenant.headers)
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["status"] == "processing"
    assert accepted["requestId"].startswith("req_prev_")
    uuid.UUID(accepted["requestId"].removeprefix("req_prev_"))
    assert accepted["message"] == "Sourcing run accepted and queued for processing."
    return str(accepted["requestId"])


def without_time(response: httpx.Response) -> dict[str, Any]:
    return {**response.json(), "timestamp": None}


async def results(client: httpx.AsyncClient, tenant: Tenant, run_id: str) -> httpx.Response:
    return await client.get(f"/sourcing/preview/{run_id}/results", headers=tenant.headers)


async def balance(database: Database, company_id: str) -> int:
    async with database.unit_of_work() as session:
        return await LedgerRepository.from_session(session).balance(company_id)


class TestPreview:
    @pytest.mark.usefixtures("no_inline")
    async def test_completes_with_exactly_nine_fields_in_fused_order(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database)
        await seed(
            client,
            tenant,
            [
                make_profile(title="Registered Nurse", skills=["Patient Care", "Triage"]),
                backend(),
                make_profile(title="Sales Manager", skills=["Salesforce CRM", "Negotiation"]),
            ],
        )
        run_id = await start(client, tenant, {**JOB, "limit": 2})
        pending = await results(client, tenant, run_id)
        assert pending.status_code == 202
        assert pending.headers["Retry-After"] == "10"
        assert pending.json()["status"] == "processing"
        assert "poll again in 10 seconds" in pending.json()["message"]  # as the header says

        await drain_queue()
        response = await client.get(
            f"/v1/sourcing/preview/{run_id}/results", headers=tenant.headers
        )
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "completed"
        assert body["completedAt"].endswith("Z")
        assert body["pagesServed"] == 1
        assert body["foundCount"] >= len(body["candidates"]) == 2
        for candidate in body["candidates"]:
            assert set(candidate) == NINE
        top = body["candidates"][0]
        assert top["title"] == "Senior Backend Engineer"
        assert top["profileUrl"].startswith("https://www.linkedin.com/in/be-")
        assert top["companyName"] == "Acme Corp"
        assert top["companyUrl"] == "https://acme.example.com"
        assert top["country"] == "DE"
        assert top["fullName"].startswith("Person ")

    async def test_inline_execution_needs_no_worker_and_the_job_is_then_a_no_op(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=10)
        await seed(client, tenant, [backend(), backend(1)])
        run_id = await start(client, tenant, JOB)
        await preview.wait_inline()
        first = await results(client, tenant, run_id)
        assert first.status_code == 200
        assert [set(c) for c in first.json()["candidates"]] == [NINE, NINE]
        await drain_queue()  # the durable job runs too, finds the preview done
        second = await results(client, tenant, run_id)
        assert second.json() == first.json()
        assert await balance(database, tenant.company_id) == 9  # one page, billed once

    @pytest.mark.usefixtures("no_inline")
    async def test_billing_is_per_page_served_after_a_ceil_preflight(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=6)
        await seed(client, tenant, [backend(i % 5) for i in range(45)])
        run_id = await start(client, tenant, {**JOB, "limit": 100})
        assert await balance(database, tenant.company_id) == 1  # five pages reserved
        refused = await client.post(
            "/sourcing/preview", json={**JOB, "limit": 21}, headers=tenant.headers
        )
        assert refused.status_code == 402
        assert refused.json()["error"]["details"] == {"required": 2, "balance": 1}
        await drain_queue()
        body = (await results(client, tenant, run_id)).json()
        assert len(body["candidates"]) == 45
        assert len({c["profileId"] for c in body["candidates"]}) == 45
        assert body["pagesServed"] == 3
        assert await balance(database, tenant.company_id) == 3  # 6 - 3 pages served

    @pytest.mark.usefixtures("no_inline")
    async def test_empty_pool_fails_and_releases_the_reservation(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=2)
        run_id = await start(client, tenant, JOB)
        assert await balance(database, tenant.company_id) == 1
        await drain_queue()
        body = (await results(client, tenant, run_id)).json()
        assert (body["status"], body["errorCode"]) == ("failed", "NO_TALENT_POOL")
        assert await balance(database, tenant.company_id) == 2


class TestTenancyAndValidation:
    async def test_other_companys_preview_answers_exactly_like_unknown(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        owner, stranger = await make_tenant(database), await make_tenant(database)
        run_id = await start(client, owner, JOB)
        theirs = await results(client, stranger, run_id)
        unknown = await results(client, stranger, f"req_prev_{uuid.uuid4()}")
        assert theirs.status_code == unknown.status_code == 404
        assert without_time(theirs) == without_time(unknown)
        assert without_time(theirs)["error"]["code"] == "REQUEST_NOT_FOUND"
        assert without_time(theirs)["error"]["message"] == "No preview with this id."
        malformed = await results(client, stranger, "req_prev_not-a-uuid")
        assert without_time(malformed) == without_time(unknown)
        # A preview is not a sourcing run, and a sourcing run is not a preview.
        as_run = await client.get(f"/sourcing/{run_id}/results", headers=owner.headers)
        assert as_run.status_code == 404
        assert as_run.json()["error"]["message"] == "No sourcing run with this id."
        run = await client.post("/sourcing", json=JOB, headers=owner.headers)
        as_preview = await results(client, owner, run.json()["requestId"])
        assert as_preview.status_code == 404
        assert as_preview.json()["error"]["message"] == "No preview with this id."

    async def test_body_rules_and_scopes(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        for body, field in (
            ({**JOB, "limit": 101}, "limit"),
            ({**JOB, "limit": 0}, "limit"),
            ({"jobDescription": "x"}, "title"),
            ({**JOB, "title": "a\x00b"}, "title"),
        ):
            response = await client.post("/sourcing/preview", json=body, headers=tenant.headers)
            assert response.status_code == 400, body
            assert field in [e["field"] for e in response.json()["error"]["details"]["errors"]]
        reader = await make_tenant(database, scopes=["sourcing:read"])
        denied = await client.post("/sourcing/preview", json=JOB, headers=reader.headers)
        assert denied.status_code == 403
        assert denied.json()["error"]["details"] == {"requiredScope": "sourcing:write"}
        nul = await client.get("/sourcing/preview/req_prev_%00/results", headers=tenant.headers)
        assert nul.status_code == 400  # no id can hold a NUL: a malformed URL, not a lookup
        writer = await make_tenant(database, scopes=["sourcing:write"])
        run_id = await start(client, writer, JOB)
        blind = await results(client, writer, run_id)
        assert blind.status_code == 403

    async def test_idempotency_key_replays_the_same_preview(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        headers = {**tenant.headers, "Idempotency-Key": "preview-1"}
        first = await client.post("/sourcing/preview", json=JOB, headers=headers)
        again = await client.post("/sourcing/preview", json=JOB, headers=headers)
        assert first.status_code == again.status_code == 202
        assert first.json() == again.json()
        other = await client.post("/sourcing/preview", json={**JOB, "limit": 5}, headers=headers)
        assert other.status_code == 422


def test_shallow_terms_keep_the_strongest_in_icp_order() -> None:
    terms = [("Python", 0.3), ("Data Scientist", 1.0), ("ml engineer", 0.8), ("ai", 0.8)]
    assert preview.shallow_terms(terms) == [
        ("Data Scientist", 1.0),
        ("ml engineer", 0.8),
        ("ai", 0.8),
    ]
