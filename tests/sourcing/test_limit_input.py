"""``limit`` on POST /sourcing (API.md §3: optional integer 1-100, default 20)."""

from __future__ import annotations

import httpx
import pytest

from talentscout.db.engine import Database
from tests.factories import make_tenant

JOB = {"title": "Backend Engineer", "jobDescription": "Python and Kafka."}


@pytest.mark.parametrize("path", ["/sourcing", "/sourcing/preview"])
async def test_null_limit_means_the_default(
    client: httpx.AsyncClient, database: Database, path: str
) -> None:
    """Like every other optional field, ``null`` is "not given": the default 20 applies, which
    the pre-flight shows (20 credits for a run, one page of 20 for a preview)."""
    tenant = await make_tenant(database, billing="prepaid", credits=0)
    response = await client.post(path, json={**JOB, "limit": None}, headers=tenant.headers)
    assert response.status_code == 402, response.text
    assert response.json()["error"]["details"]["required"] == (20 if path == "/sourcing" else 1)
    funded = await make_tenant(database, billing="prepaid", credits=20)
    accepted = await client.post(path, json={**JOB, "limit": None}, headers=funded.headers)
    assert accepted.status_code == 202, accepted.text


@pytest.mark.parametrize("limit", [5.0, "5", True])
async def test_limit_must_be_a_json_integer(
    client: httpx.AsyncClient, database: Database, limit: object
) -> None:
    """Strict, as every integer field of the API (webhook maxRetries, PATCH limit): 5.0 is
    refused rather than silently truncated, with a message that names the rule."""
    tenant = await make_tenant(database)
    response = await client.post("/sourcing", json={**JOB, "limit": limit}, headers=tenant.headers)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "limit must be an integer."
