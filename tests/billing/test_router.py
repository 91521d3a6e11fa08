"""Billing end to end (spec §7): pre-flight 402, charges per delivered candidate, no negative
balance under concurrent starts, and GET /billing/usage."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from talentscout.db.engine import Database
from talentscout.db.models import CreditEntry, SourcingRun
from tests.conftest import QueueDrainer
from tests.factories import Tenant, import_profiles, make_profile, make_tenant

JOB = {
    "title": "Senior Backend Engineer",
    "jobDescription": "Senior backend engineer. Must have Python and Kafka. PostgreSQL is a plus.",
    "location": "Berlin, Germany",
}


async def usage(client: httpx.AsyncClient, tenant: Tenant, query: str = "") -> dict[str, Any]:
    response = await client.get(f"/billing/usage{query}", headers=tenant.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["success"] is True
    data: dict[str, Any] = body["data"]
    return data


def used(data: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {
        row["costKey"]: (row["events"], row["creditsUsed"]) for row in data["breakdownByCostKey"]
    }


async def run_count(database: Database, company_id: str) -> int:
    async with database.sessionmaker() as session:
        statement = select(func.count()).where(SourcingRun.company_id == company_id)
        return int((await session.execute(statement)).scalar_one())


async def ledger_balance(database: Database, company_id: str) -> int:
    async with database.sessionmaker() as session:
        statement = select(func.coalesce(func.sum(CreditEntry.amount), 0)).where(
            CreditEntry.company_id == company_id
        )
        return int((await session.execute(statement)).scalar_one())


class TestPreflight:
    async def test_a_prepaid_company_short_of_credits_gets_402_and_nothing_starts(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=5)
        response = await client.post("/sourcing", json={**JOB, "limit": 10}, headers=tenant.headers)
        assert response.status_code == 402
        error = response.json()["error"]
        assert error["code"] == "INSUFFICIENT_CREDITS"
        assert error["details"] == {"required": 10, "balance": 5}
        assert await run_count(database, tenant.company_id) == 0
        assert (await usage(client, tenant))["balance"] == 5

    async def test_a_postpaid_company_is_never_refused(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database, billing="postpaid")
        response = await client.post(
            "/sourcing", json={**JOB, "limit": 100}, headers=tenant.headers
        )
        assert response.status_code == 202

    async def test_concurrent_starts_never_overdraw_the_balance(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=55)
        # One request first, so the key's last-used stamp is fresh and the burst below needs
        # no second connection per request.
        assert (await usage(client, tenant))["balance"] == 55

        async def start() -> httpx.Response:
            return await client.post("/sourcing", json={**JOB, "limit": 10}, headers=tenant.headers)

        answers = await asyncio.gather(*(start() for _ in range(20)))
        statuses = sorted(a.status_code for a in answers)
        accepted = statuses.count(202)
        assert set(statuses) <= {202, 402}
        assert accepted * 10 <= 55
        assert accepted == 5  # the lock serialises; every start that fits is accepted
        assert await run_count(database, tenant.company_id) == accepted
        assert await ledger_balance(database, tenant.company_id) == 5
        for refused in (a for a in answers if a.status_code == 402):
            assert refused.json()["error"]["details"]["balance"] >= 0


class TestCharges:
    async def test_a_completed_run_charges_one_credit_per_delivered_candidate(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=50)
        await import_profiles(
            client,
            tenant,
            [
                make_profile(title="Senior Backend Engineer", skills=["Python", "Kafka"]),
                make_profile(title="Backend Engineer", skills=["Python", "PostgreSQL"]),
                make_profile(title="Data Engineer", skills=["Python", "Kafka", "Spark"]),
            ],
        )
        response = await client.post("/sourcing", json={**JOB, "limit": 10}, headers=tenant.headers)
        assert response.status_code == 202
        run_id = response.json()["requestId"]

        pending = await usage(client, tenant)
        assert pending["balance"] == 40  # the pre-flight amount is held while the run works
        assert pending["totalCreditsUsed"] == 0
        assert "reservation" not in used(pending)

        await drain_queue()
        results = await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)
        assert results.status_code == 200
        delivered = len(results.json()["candidates"])
        assert 0 < delivered <= 3

        done = await usage(client, tenant)
        assert done["companyId"] == tenant.company_id
        assert done["billingMode"] == "prepaid"
        assert done["balance"] == 50 - delivered
        assert done["totalCreditsUsed"] == delivered
        assert used(done) == {
            "sourcing_candidate": (1, delivered),
            "preview_page": (0, 0),
            "enrich_profile": (0, 0),
        }

    async def test_a_postpaid_company_is_charged_but_its_balance_never_goes_negative(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        """Spec §7: usage is recorded to be invoiced; the balance (credits available from
        top-ups, of which a postpaid company has none) never goes below zero."""
        tenant = await make_tenant(database, billing="postpaid")
        await import_profiles(
            client,
            tenant,
            [
                make_profile(title="Senior Backend Engineer", skills=["Python", "Kafka"]),
                make_profile(title="Backend Engineer", skills=["Python", "PostgreSQL"]),
            ],
        )
        response = await client.post("/sourcing", json={**JOB, "limit": 10}, headers=tenant.headers)
        assert response.status_code == 202
        await drain_queue()
        results = await client.get(
            f"/sourcing/{response.json()['requestId']}/results", headers=tenant.headers
        )
        delivered = len(results.json()["candidates"])
        assert delivered > 0

        data = await usage(client, tenant)
        assert data["billingMode"] == "postpaid"
        assert data["totalCreditsUsed"] == delivered
        assert used(data)["sourcing_candidate"] == (1, delivered)
        assert data["balance"] == 0

    async def test_a_failed_run_costs_nothing(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database, billing="prepaid", credits=20)
        response = await client.post("/sourcing", json={**JOB, "limit": 20}, headers=tenant.headers)
        assert response.status_code == 202
        await drain_queue()  # no talent pool: the run fails
        data = await usage(client, tenant)
        assert data["balance"] == 20
        assert data["totalCreditsUsed"] == 0


class TestUsage:
    async def test_the_period_filters_charges(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database, billing="postpaid")
        async with database.unit_of_work() as session:
            session.add_all(
                [
                    CreditEntry(
                        company_id=tenant.company_id,
                        amount=-3,
                        cost_key="preview_page",
                        reference="req_prev_old",
                        created_at=_at("2025-01-10T12:00:00Z"),
                    ),
                    CreditEntry(
                        company_id=tenant.company_id,
                        amount=-2,
                        cost_key="enrich_profile",
                        reference="enr_1",
                        created_at=_at("2025-02-10T12:00:00Z"),
                    ),
                ]
            )
        january = await usage(client, tenant, "?start=2025-01-01T00:00:00.000Z&end=2025-02-01")
        assert used(january)["preview_page"] == (1, 3)
        assert used(january)["enrich_profile"] == (0, 0)
        assert january["periodStart"] == "2025-01-01T00:00:00.000Z"
        assert january["balance"] == 0  # postpaid: the usage is invoiced, not owed as credits
        both = await usage(client, tenant, "?start=2025-01-01T00:00:00Z&end=2025-03-01T00:00:00Z")
        assert both["totalCreditsUsed"] == 5
        recent = await usage(client, tenant)  # default: the last 30 days
        assert recent["totalCreditsUsed"] == 0

    @pytest.mark.parametrize(
        ("query", "field", "message"),
        [
            (
                "?start=yesterday",
                "start",
                "start must be an ISO 8601 date or date-time (2026-01-31 or 2026-01-31T09:00:00Z).",
            ),
            ("?start=2025-02-01&end=2025-01-01", "start", "start must be before end."),
            (
                "?end=0001-01-01T12:00:00Z",  # no room for the default 30-day start
                "end",
                "end is too early for the default start 30 days before it: pass start as well.",
            ),
            (
                "?start=0001-01-01T00:00:00%2B05:00",  # before year 1 in UTC
                "start",
                "start is out of range: in UTC it must fall in the years 1 to 9999.",
            ),
        ],
    )
    async def test_invalid_periods_are_400_naming_the_parameter(
        self, client: httpx.AsyncClient, database: Database, query: str, field: str, message: str
    ) -> None:
        tenant = await make_tenant(database)
        response = await client.get(f"/billing/usage{query}", headers=tenant.headers)
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == "VALIDATION_ERROR"
        assert error["message"] == message
        assert error["details"]["errors"] == [{"field": field, "message": message}]

    async def test_usage_needs_the_billing_scope_and_is_per_company(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        unscoped = await make_tenant(database, scopes=["sourcing:read"])
        response = await client.get("/billing/usage", headers=unscoped.headers)
        assert response.status_code == 403
        assert response.json()["error"]["details"] == {"requiredScope": "read:billing"}
        rich = await make_tenant(database, billing="prepaid", credits=999)
        poor = await make_tenant(database, billing="prepaid", credits=1)
        assert (await usage(client, poor))["balance"] == 1
        assert (await usage(client, rich))["balance"] == 999


def _at(value: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(value)
