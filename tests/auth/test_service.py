"""Authentication through the real API: the order of checks and tenant isolation (spec §1)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest

from talentscout.auth import service as auth
from talentscout.db.engine import Database
from talentscout.errors import ValidationError
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


SCOPES = (
    "sourcing:write, sourcing:read, enrich:write, read:webhooks, write:webhooks, read:billing, "
    "pool:read, pool:write"
)


class TestRefusedInputIsOneSentence:
    """What ``talentscout admin`` prints after ``error:`` (and the API's message): a sentence
    naming the field, the same on top and in ``details.errors``."""

    @pytest.mark.parametrize(
        ("options", "field", "message"),
        [
            ({"billing_mode": "monthly"}, "billing", "billing must be 'prepaid' or 'postpaid'."),
            ({"name": "  "}, "name", "name must not be empty."),
            (
                {"credits": -1, "billing_mode": "prepaid"},
                "credits",
                "credits must not be negative.",
            ),
            (
                {"credits": 5},
                "credits",
                "credits are only for a prepaid company: add --billing prepaid.",
            ),
        ],
    )
    async def test_company_creation(
        self, database: Database, options: dict[str, Any], field: str, message: str
    ) -> None:
        arguments = {"name": "Wording Co", **options}
        with pytest.raises(ValidationError) as raised:
            async with database.unit_of_work() as session:
                await auth.create_company(session, arguments.pop("name"), **arguments)
        assert raised.value.message == message
        assert raised.value.details == {"errors": [{"field": field, "message": message}]}

    @pytest.mark.parametrize(
        ("scopes", "options", "field", "message"),
        [
            (
                ["pool:read", "x:y"],
                {},
                "scopes",
                f"scopes must each be one of {SCOPES}; got 'x:y'.",
            ),
            (["pool:read"], {"kind": "admin"}, "kind", "kind must be 'standard' or 'ats'."),
            (
                ["pool:read"],
                {"kind": "ats"},
                "manages",
                "manages must name at least one other company for an ATS key (--manages ID,…).",
            ),
            (
                ["pool:read"],
                {"managed_company_ids": ["cmp_other"]},
                "manages",
                "manages is only for an ATS key: add --kind ats.",
            ),
            (
                ["pool:read"],
                {"ip_allowlist": ["10.0.0.0/8", "10.0.0.300"]},
                "ipAllowlist",
                "ipAllowlist must hold IP addresses or CIDR ranges; got '10.0.0.300'.",
            ),
            (
                ["pool:read"],
                {"kind": "ats", "managed_company_ids": ["cmp_gone"]},
                "companies",
                "managed company cmp_gone does not exist.",
            ),
        ],
    )
    async def test_key_creation(
        self,
        database: Database,
        scopes: list[str],
        options: dict[str, Any],
        field: str,
        message: str,
    ) -> None:
        async with database.unit_of_work() as session:
            company = await auth.create_company(session, "Key Wording Co")
        with pytest.raises(ValidationError) as raised:
            async with database.unit_of_work() as session:
                await auth.create_key(session, company.id, scopes, **options)
        assert raised.value.message == message
        assert raised.value.details == {"errors": [{"field": field, "message": message}]}

    async def test_unknown_company_and_key(self, database: Database) -> None:
        with pytest.raises(ValidationError, match=r"^company cmp_gone does not exist\.$"):
            async with database.unit_of_work() as session:
                await auth.create_key(session, "cmp_gone", ["pool:read"])
        key_id = uuid.UUID("00000000-0000-4000-8000-000000000000")
        with pytest.raises(ValidationError, match=rf"^API key {key_id} does not exist\.$"):
            async with database.unit_of_work() as session:
                await auth.revoke_key(session, key_id)

    async def test_an_ats_key_without_company_id(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        managed = await make_tenant(database)
        ats = await make_tenant(database, kind="ats", managed_company_ids=[managed.company_id])
        response = await client.get("/pool/profiles", headers=ats.headers)
        assert response.status_code == 400
        error = response.json()["error"]
        message = (
            "companyId is required: an ATS key names the company it acts for with ?companyId=."
        )
        assert error["message"] == message
        assert error["details"]["errors"] == [{"field": "companyId", "message": message}]
