"""The API's scoreBreakdown rebuilds matchScore: a cap that held the score is an entry of the
criteria's shape (weight 0) with why, and the score before and after it (spec §3, extension)."""

from __future__ import annotations

import httpx

from talentscout.db.engine import Database
from tests.conftest import QueueDrainer
from tests.factories import import_profiles, make_profile, make_tenant

JOB = {
    "title": "Backend Engineer",
    "jobDescription": "Must have Python, PostgreSQL and Kafka. 3+ years of experience.",
    "location": "Berlin, Germany (on site)",
    "limit": 5,
}


async def test_a_capped_candidate_shows_the_cap_in_its_breakdown_and_flags(
    client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
) -> None:
    tenant = await make_tenant(database)
    no_kafka = make_profile(
        title="Backend Engineer", skills=["Python", "PostgreSQL", "Redis"], years=8
    )
    await import_profiles(client, tenant, [no_kafka])
    started = await client.post("/sourcing", json=JOB, headers=tenant.headers)
    assert started.status_code == 202, started.text
    await drain_queue()
    response = await client.get(
        f"/sourcing/{started.json()['requestId']}/results", headers=tenant.headers
    )
    assert response.status_code == 200, response.text
    (candidate,) = response.json()["candidates"]
    breakdown = candidate["scoreBreakdown"]
    criteria = {k: v for k, v in breakdown.items() if k != "cap"}
    assert all(set(v) == {"score", "weight", "evidence"} for v in criteria.values())
    mean = sum(v["score"] * v["weight"] for v in criteria.values())
    cap = breakdown["cap"]
    assert (cap["score"], cap["weight"], cap["evidence"]) == (79, 0.0, [])
    assert abs(mean - cap["before"]) <= 1
    assert cap["after"] == candidate["matchScore"] < cap["before"]
    assert cap["reason"] == "Must-have Kafka not found: at most 79, a plausible fit"
    assert any(f.startswith("Score capped (at most 79") for f in candidate["aiRedFlags"])
