"""NUL characters (which PostgreSQL text cannot hold) are a client error, never a 500."""

from __future__ import annotations

import httpx
import pytest

from talentscout.db.engine import Database
from tests.factories import import_profiles, make_profile, make_tenant


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/sourcing", {"title": "Eng\u0000ineer", "jobDescription": "Python", "limit": 3}, "title"),
        (
            "/sourcing/preview",
            {"title": "Engineer", "jobDescription": "Py\u0000thon"},
            "jobDescription",
        ),
        (
            "/webhooks",
            {"url": "http://127.0.0.1:9/h", "events": ["ping"], "name": "a\u0000"},
            "name",
        ),
    ],
)
async def test_a_nul_in_a_request_body_is_a_400_naming_the_field(
    client: httpx.AsyncClient, database: Database, path: str, body: dict[str, object], field: str
) -> None:
    tenant = await make_tenant(database)
    response = await client.post(path, json=body, headers=tenant.headers)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["details"]["errors"][0]["field"] == field
    assert "NUL" in error["details"]["errors"][0]["message"]


async def test_a_nul_in_one_profile_rejects_only_that_profile(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    good = make_profile(title="Data Engineer")
    bad = {"resumeText": "Python \u0000 developer"}
    result = await import_profiles(client, tenant, [good, bad])
    assert result["created"] == 1
    assert result["profileIds"][1] is None
    assert result["errors"] == [
        {
            "index": 1,
            "field": "resumeText",
            "message": "text must not contain NUL characters (\\u0000)",
        }
    ]


async def test_a_nul_in_a_key_of_one_profile_rejects_only_that_profile(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    bad = {"resumeText": "Python developer", "basics": {"na\u0000me": "x"}}
    result = await import_profiles(client, tenant, [make_profile(), bad])
    assert result["created"] == 1
    assert result["errors"][0]["field"] == "basics.na\\u0000me"


@pytest.mark.parametrize(
    "url", ["/pool/profiles/abc%00", "/sourcing/req%00/results", "/pool/profiles?cursor=%00"]
)
async def test_a_nul_in_the_url_is_a_400(
    client: httpx.AsyncClient, database: Database, url: str
) -> None:
    tenant = await make_tenant(database)
    response = await client.get(url, headers=tenant.headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
