"""A rejected pool item's message is plain English, never a Python class name (API.md §8)."""

from __future__ import annotations

import httpx

from talentscout.db.engine import Database
from tests.factories import make_profile, make_tenant


async def test_item_errors_name_the_field_and_the_rule(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    bad = [
        {"basics": "Jane Doe", "resumeText": "Engineer"},
        {"basics": {"name": "x" * 301}, "resumeText": "Engineer"},
    ]
    response = await client.post(
        "/pool/profiles", json={"profiles": [make_profile(), *bad]}, headers=tenant.headers
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["created"] == 1
    assert data["profileIds"][1:] == [None, None]
    assert data["errors"] == [
        {"index": 1, "field": "basics", "message": "basics must be a JSON object."},
        {
            "index": 2,
            "field": "basics.name",
            "message": "basics.name must be at most 300 characters long.",
        },
    ]
