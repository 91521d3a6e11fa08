"""Rate limits through the real app and database (spec §6): headers, 429s, buckets, Redis."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
import redis.asyncio as redis
from fastapi import FastAPI
from sqlalchemy import update
from structlog.testing import capture_logs

from talentscout.app import create_app
from talentscout.auth.keys import hash_key
from talentscout.auth.secret import server_secret
from talentscout.db.engine import Database
from talentscout.db.models import ApiKey, Company
from talentscout.settings import Settings
from talentscout.timeutil import utcnow
from tests.factories import Tenant, make_tenant

REDIS_URL = "redis://127.0.0.1:6379/0"
HEADERS = tuple(
    f"X-RateLimit-{field}-{window}"
    for field in ("Limit", "Remaining", "Reset")
    for window in ("Minute", "Hour")
)
UNKNOWN_RUN = "/sourcing/req_11111111-1111-4111-8111-111111111111/results"


async def set_limits(
    database: Database,
    tenant: Tenant,
    *,
    key: tuple[int | None, int | None] = (None, None),
    company: tuple[int | None, int | None] = (None, None),
) -> None:
    """Per-key and per-company (plan) overrides: (per minute, per hour)."""
    async with database.unit_of_work() as session:
        await session.execute(
            update(ApiKey)
            .where(ApiKey.key_hash == hash_key(tenant.key, server_secret()))
            .values(rate_limit_per_minute=key[0], rate_limit_per_hour=key[1])
        )
        await session.execute(
            update(Company)
            .where(Company.id == tenant.company_id)
            .values(rate_limit_per_minute=company[0], rate_limit_per_hour=company[1])
        )


async def fresh_minute(margin: float = 3.0) -> None:
    """Start a burst early in a clock minute, so no window boundary falls inside it."""
    left = 60 - time.time() % 60
    if left < margin:
        await asyncio.sleep(left + 0.05)


def limit_headers(response: httpx.Response) -> dict[str, int]:
    return {name: int(response.headers[name]) for name in HEADERS}


@asynccontextmanager
async def app_client(
    settings: Settings, database: Database, app: FastAPI | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """A separate app instance (its own limiter) on the shared test database."""
    app = app or create_app(settings, database)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(
            app=app, client=("127.0.0.1", 5555), raise_app_exceptions=False
        )
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


class TestHeaders:
    async def test_every_authenticated_answer_carries_all_six(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        unscoped = await make_tenant(database, scopes=["pool:read"])
        before = time.time()
        answers = [
            await client.get("/billing/usage", headers=tenant.headers),
            await client.get("/v1/billing/usage", headers=tenant.headers),
            await client.get(UNKNOWN_RUN, headers=tenant.headers),
            await client.post("/sourcing", json={"title": ""}, headers=tenant.headers),
            await client.post("/sourcing", content=b"{not json", headers=tenant.headers),
            await client.get("/billing/usage?start=yesterday", headers=tenant.headers),
            await client.get("/no/such/route", headers=tenant.headers),
            await client.get("/billing/usage", headers=unscoped.headers),
        ]
        assert [a.status_code for a in answers] == [200, 200, 404, 400, 400, 400, 404, 403]
        after = time.time()
        for answer in answers:
            values = limit_headers(answer)
            assert before < values["X-RateLimit-Reset-Minute"] <= after + 60
            assert before < values["X-RateLimit-Reset-Hour"] <= after + 3600

    async def test_remaining_counts_down_with_each_request(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        await fresh_minute()
        seen = [
            limit_headers(await client.get("/billing/usage", headers=tenant.headers))
            for _ in range(3)
        ]
        assert seen[0]["X-RateLimit-Limit-Minute"] == 60
        assert seen[0]["X-RateLimit-Limit-Hour"] == 2000
        assert [s["X-RateLimit-Remaining-Minute"] for s in seen] == [59, 58, 57]
        hour = [s["X-RateLimit-Remaining-Hour"] for s in seen]
        if len({s["X-RateLimit-Reset-Hour"] for s in seen}) == 1:
            assert hour == [1999, 1998, 1997]

    async def test_requests_without_a_valid_key_are_counted_per_address_and_labelled(
        self,
        client: httpx.AsyncClient,
        database: Database,
        settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Every response carries the headers (spec §6), a 401 too; guessing keys is throttled
        per client address, apart from the buckets of the valid keys used from there."""
        monkeypatch.setattr(settings, "rate_limit_per_minute", 4)
        await fresh_minute()
        suspended = await make_tenant(database)
        async with database.unit_of_work() as session:
            await session.execute(
                update(ApiKey)
                .where(ApiKey.key_hash == hash_key(suspended.key, server_secret()))
                .values(suspended_at=utcnow())
            )
        remaining = []
        for headers in (
            {},
            {"Authorization": "Bearer nonsense"},
            {"Authorization": "Bearer sk_live_" + "A" * 32},
            suspended.headers,
        ):
            answer = await client.get("/billing/usage", headers=headers)
            assert answer.status_code == 401
            remaining.append(limit_headers(answer)["X-RateLimit-Remaining-Minute"])
        assert remaining == [3, 2, 1, 0]
        refused = await client.get("/billing/usage")
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "RATE_LIMIT_EXCEEDED"
        valid = await make_tenant(database)
        answer = await client.get("/billing/usage", headers=valid.headers)
        assert answer.status_code == 200  # a key's own bucket
        assert limit_headers(answer)["X-RateLimit-Remaining-Minute"] == 3

    async def test_a_crash_is_still_answered_with_the_headers(
        self, settings: Settings, database: Database
    ) -> None:
        app = create_app(settings, database)

        @app.get("/boom")
        async def boom() -> None:
            raise RuntimeError("boom")

        tenant = await make_tenant(database)
        async with app_client(settings, database, app) as http:
            answer = await http.get("/boom", headers=tenant.headers)
        assert answer.status_code == 500
        assert answer.json()["error"]["code"] == "INTERNAL_ERROR"
        assert "boom" not in answer.text
        assert limit_headers(answer)["X-RateLimit-Limit-Minute"] == 60
        assert "X-Request-Id" in answer.headers

    @pytest.mark.parametrize("with_key", [True, False])
    async def test_infrastructure_paths_carry_the_headers_but_are_never_counted_or_refused(
        self,
        database: Database,
        settings: Settings,
        monkeypatch: pytest.MonkeyPatch,
        with_key: bool,
    ) -> None:
        """Every response carries the six headers (spec §6), but a health probe, a metrics
        scrape or a docs page neither spends the caller's budget nor is cut off by it."""
        monkeypatch.setattr(settings, "rate_limit_per_minute", 2)
        tenant = await make_tenant(database)
        await set_limits(database, tenant, key=(2, None))
        headers = tenant.headers if with_key else {}
        await fresh_minute(margin=10)
        async with app_client(settings, database) as client:  # its own, untouched counters
            await self._check_uncounted(client, headers)

    @staticmethod
    async def _check_uncounted(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        spent = await client.get("/billing/usage", headers=headers)
        assert spent.status_code == (200 if headers else 401)
        assert limit_headers(spent)["X-RateLimit-Remaining-Minute"] == 1
        docs = await client.get("/docs")
        asset = re.search(r'src="(/docs/[^"]+\.js)"', docs.text)
        assert asset is not None
        paths = ["/health", "/metrics", "/openapi.json", "/docs", "/redoc", asset[1]]
        paths += ["/v1/openapi.json", "/v1/docs", "/v1/redoc"]
        for _ in range(3):  # more than the limit allows
            for path in paths:
                answer = await client.get(path, headers=headers)
                assert answer.status_code == 200, path
                values = limit_headers(answer)
                assert values["X-RateLimit-Limit-Minute"] == 2, path
                assert values["X-RateLimit-Remaining-Minute"] == 1, path
                assert (
                    values["X-RateLimit-Reset-Minute"]
                    == limit_headers(spent)["X-RateLimit-Reset-Minute"]
                )
        again = await client.get("/billing/usage", headers=headers)
        assert limit_headers(again)["X-RateLimit-Remaining-Minute"] == 0  # nothing was spent


class TestLimits:
    async def test_past_the_minute_limit_answers_429_with_matching_header_and_body(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        await set_limits(database, tenant, key=(3, None))
        await fresh_minute()
        for remaining in (2, 1, 0):
            ok = await client.get("/billing/usage", headers=tenant.headers)
            assert ok.status_code == 200
            assert limit_headers(ok)["X-RateLimit-Remaining-Minute"] == remaining
        refused = await client.get("/v1/billing/usage", headers=tenant.headers)
        assert refused.status_code == 429
        body = refused.json()
        assert body["success"] is False
        assert body["error"]["code"] == "RATE_LIMIT_EXCEEDED"
        details = body["error"]["details"]
        headers = limit_headers(refused)
        assert details["limit"] == 3 == headers["X-RateLimit-Limit-Minute"]
        assert details["remaining"] == 0 == headers["X-RateLimit-Remaining-Minute"]
        assert details["reset"] == headers["X-RateLimit-Reset-Minute"]
        assert refused.headers["Retry-After"] == str(details["retryAfter"])
        assert 1 <= details["retryAfter"] <= 60
        assert abs(details["reset"] - time.time() - details["retryAfter"]) <= 1.5
        assert "X-Request-Id" in refused.headers
        # A refused request does not spend the hourly budget.
        assert headers["X-RateLimit-Remaining-Hour"] == 2000 - 3

    async def test_the_hour_limit_blocks_until_the_hour_resets(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        await set_limits(database, tenant, key=(None, 2))
        await fresh_minute()  # an hour boundary is also a minute boundary
        for _ in range(2):
            assert (await client.get("/billing/usage", headers=tenant.headers)).status_code == 200
        refused = await client.get("/billing/usage", headers=tenant.headers)
        assert refused.status_code == 429
        details = refused.json()["error"]["details"]
        assert details["limit"] == 2
        assert details["reset"] == int(refused.headers["X-RateLimit-Reset-Hour"])
        assert refused.headers["Retry-After"] == str(details["retryAfter"])

    async def test_company_plan_applies_and_a_key_override_wins(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        await set_limits(database, tenant, company=(7, 70))
        plan = limit_headers(await client.get("/billing/usage", headers=tenant.headers))
        assert (plan["X-RateLimit-Limit-Minute"], plan["X-RateLimit-Limit-Hour"]) == (7, 70)

        other = await make_tenant(database)
        await set_limits(database, other, key=(11, None), company=(7, 70))
        mixed = limit_headers(await client.get("/billing/usage", headers=other.headers))
        assert (mixed["X-RateLimit-Limit-Minute"], mixed["X-RateLimit-Limit-Hour"]) == (11, 70)

    async def test_results_endpoints_have_their_own_minute_bucket(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        await set_limits(database, tenant, key=(2, None))
        await fresh_minute()
        paths = [
            UNKNOWN_RUN,
            "/v1" + UNKNOWN_RUN,
            "/sourcing/preview/req_prev_11111111-1111-4111-8111-111111111111/results",
            "/sourcing/enrich/enr_11111111-1111-4111-8111-111111111111/results",
        ]
        polls = [await client.get(path, headers=tenant.headers) for path in paths * 2]
        assert all(p.status_code == 404 for p in polls)
        assert [limit_headers(p)["X-RateLimit-Limit-Minute"] for p in polls] == [120] * 8
        assert limit_headers(polls[-1])["X-RateLimit-Remaining-Minute"] == 120 - 8
        # Polling spent none of the general minute budget, but it does count in the hour.
        usage = [await client.get("/billing/usage", headers=tenant.headers) for _ in range(3)]
        assert [u.status_code for u in usage] == [200, 200, 429]
        first = limit_headers(usage[0])
        assert first["X-RateLimit-Limit-Minute"] == 2
        assert first["X-RateLimit-Remaining-Hour"] == 2000 - 9


class TestSharedStore:
    async def test_two_app_instances_share_one_count_through_redis(
        self, settings: Settings, database: Database
    ) -> None:
        prefix = f"ts-test-{uuid.uuid4().hex}"
        shared = settings.model_copy(
            update={"redis_url": REDIS_URL, "rate_limit_key_prefix": prefix}
        )
        tenant = await make_tenant(database)
        await set_limits(database, tenant, key=(4, None))
        await fresh_minute()
        try:
            async with (
                app_client(shared, database) as first,
                app_client(shared, database) as second,
            ):
                answers = [
                    await client.get("/billing/usage", headers=tenant.headers)
                    for client in (first, second, first, second, first, second)
                ]
        finally:
            store = redis.Redis.from_url(REDIS_URL)
            keys = [key async for key in store.scan_iter(f"{prefix}*")]
            if keys:
                await store.delete(*keys)
            await store.aclose()
        assert [a.status_code for a in answers] == [200, 200, 200, 200, 429, 429]
        assert [a.headers["X-RateLimit-Remaining-Minute"] for a in answers] == [
            "3",
            "2",
            "1",
            "0",
            "0",
            "0",
        ]
        assert keys, "the counters were kept in Redis under the configured prefix"

    async def test_an_unreachable_redis_fails_open_and_is_logged(
        self, settings: Settings, database: Database
    ) -> None:
        broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
        tenant = await make_tenant(database)
        await set_limits(database, tenant, key=(1, None))
        with capture_logs() as logs:
            async with app_client(broken, database) as http:
                answers = [
                    await http.get("/billing/usage", headers=tenant.headers) for _ in range(3)
                ]
        assert [a.status_code for a in answers] == [200, 200, 200]
        assert all("X-RateLimit-Limit-Minute" in a.headers for a in answers)
        assert any(e["event"] == "ratelimit.store_unavailable" for e in logs)
