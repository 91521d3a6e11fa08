"""Authentication through the real API: the order of checks and tenant isolation (spec §1)."""

from __future__ import annotations

from datetime import timedelta

import httpx

from talentscout.auth import service as auth
from talentscout.db.engine import Database
from talentscout.timeutil import utcnow
from tests.factories import make_tenant

RESULTS = "/sourcing/req_00000000-0000-4000-8000-000000000000/results"


async def _key_id(database: Database, key: str) -> object:
    from talentscout.auth.keys import hash_key
    from talentscout.auth.repository import ApiKeyRepository
    from talentscout.auth.secret import server_secret

    async with database.unit_of_work() as session:
        row = await ApiKeyRepository.from_session(session).by_hash(hash_key(key, server_secret()))
        assert row is not None
        return row.id


class TestAuthenticate:
    async def test_missing_and_malformed_keys_are_one_401(self, client: httpx.AsyncClient) -> None:
        for headers in (
            {},
            {"Authorization": "Bearer nope"},
            {"Authorization": "Basic abc"},
            {"Authorization": "Bearer sk_live_" + "A" * 32},
        ):
            response = await client.get(RESULTS, headers=headers)
            assert response.status_code == 401
            body = response.json()
            assert body["success"] is False
            assert body["error"]["code"] == "INVALID_API_KEY"
            assert body["timestamp"].endswith("Z")

    async def test_revoked_and_expired_keys_are_rejected(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        assert (await client.get(RESULTS, headers=tenant.headers)).status_code == 404
        async with database.unit_of_work() as session:
            await auth.revoke_key(session, await _key_id(database, tenant.key))  # type: ignore[arg-type]
        response = await client.get(RESULTS, headers=tenant.headers)
        assert response.json()["error"]["code"] == "INVALID_API_KEY"

        expired = await make_tenant(database, expires_at=utcnow() - timedelta(seconds=1))
        response = await client.get(RESULTS, headers=expired.headers)
        assert response.status_code == 401

    async def test_suspended_key_gets_its_own_code(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        async with database.unit_of_work() as session:
            await auth.suspend_key(session, await _key_id(database, tenant.key), "unpaid invoice")  # type: ignore[arg-type]
        response = await client.get(RESULTS, headers=tenant.headers)
        assert response.status_code == 401
        error = response.json()["error"]
        assert error["code"] == "API_KEY_SUSPENDED"
        assert error["details"]["reason"] == "unpaid invoice"
        assert error["details"]["suspendedAt"].endswith("Z")

    async def test_ip_allow_list(self, client: httpx.AsyncClient, database: Database) -> None:
        outside = await make_tenant(database, ip_allowlist=["10.0.0.0/8"])
        response = await client.get(RESULTS, headers=outside.headers)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "IP_NOT_ALLOWED"
        inside = await make_tenant(database, ip_allowlist=["127.0.0.0/8"])
        assert (await client.get(RESULTS, headers=inside.headers)).status_code == 404

    async def test_missing_scope_names_the_scope(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database, scopes=["sourcing:read"])
        response = await client.post(
            "/sourcing", json={"title": "x", "jobDescription": "y"}, headers=tenant.headers
        )
        assert response.status_code == 403
        assert response.json()["error"]["details"] == {"requiredScope": "sourcing:write"}

    async def test_ats_key_needs_a_managed_company(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        managed = await make_tenant(database)
        other = await make_tenant(database)
        ats = await make_tenant(database, kind="ats", managed_company_ids=[managed.company_id])
        response = await client.get("/pool/profiles", headers=ats.headers)
        assert response.status_code == 400
        response = await client.get(
            f"/pool/profiles?companyId={other.company_id}", headers=ats.headers
        )
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "RESOURCE_ACCESS_DENIED"
        response = await client.get(
            f"/pool/profiles?companyId={managed.company_id}", headers=ats.headers
        )
        assert response.status_code == 200

    async def test_last_used_at_is_recorded(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        from talentscout.auth.repository import ApiKeyRepository

        tenant = await make_tenant(database)
        await client.get(RESULTS, headers=tenant.headers)
        async with database.unit_of_work() as session:
            key = await ApiKeyRepository.from_session(session).get(
                await _key_id(database, tenant.key)  # type: ignore[arg-type]
            )
            assert key is not None
            assert key.last_used_at is not None

    async def test_keys_are_stored_only_as_hashes(self, database: Database) -> None:
        async with database.unit_of_work() as session:
            company = await auth.create_company(session, "Hash Co")
            new = await auth.create_key(session, company.id, ["pool:read"], mode="test")
        assert new.secret.startswith("sk_test_")
        assert len(new.secret) == len("sk_test_") + 32
        assert new.key.key_hash != new.secret
        assert new.secret not in new.key.key_hash
        assert new.key.prefix == new.secret[:12]
