"""Sourcing runs end to end: POST → worker → GET results, PATCH, idempotency, tenancy (spec §3)."""

from __future__ import annotations

from typing import Any

import httpx

from talentscout.db.engine import Database
from tests.conftest import QueueDrainer
from tests.factories import Tenant, import_profiles, make_profile, make_tenant

JOB = {
    "title": "Senior Backend Engineer",
    "jobDescription": "We need a senior backend engineer. Must have Python and Kafka. "
    "PostgreSQL is a plus. 5+ years of experience required.",
    "location": "Berlin, Germany",
    "limit": 3,
}


async def _seed(client: httpx.AsyncClient, tenant: Tenant) -> list[str]:
    profiles = [
        make_profile(
            title="Senior Backend Engineer", skills=["Python", "Kafka", "PostgreSQL"], years=8
        ),
        make_profile(title="Backend Engineer", skills=["Python", "Django", "PostgreSQL"], years=4),
        make_profile(
            title="Registered Nurse", skills=["Patient Care", "Triage"], years=6, city="Paris"
        ),
        make_profile(title="Frontend Engineer", skills=["React", "TypeScript", "CSS"], years=3),
        make_profile(title="Data Engineer", skills=["Python", "Kafka", "Spark"], years=6),
        make_profile(title="Sales Manager", skills=["Salesforce CRM", "Negotiation"], years=9),
    ]
    return list((await import_profiles(client, tenant, profiles))["profileIds"])


async def _start(client: httpx.AsyncClient, tenant: Tenant, body: dict[str, Any] = JOB) -> str:
    response = await client.post("/sourcing", json=body, headers=tenant.headers)
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["status"] == "processing"
    assert accepted["requestId"].startswith("req_")
    assert accepted["message"] == "Sourcing run accepted and queued for processing."
    return str(accepted["requestId"])


class TestSourcingRun:
    async def test_run_completes_with_ranked_explained_candidates(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database)
        await _seed(client, tenant)
        run_id = await _start(client, tenant)

        pending = await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)
        assert pending.status_code == 202
        assert pending.headers["Retry-After"] == "10"
        assert pending.json()["candidatesSourcedCount"] == 0
        assert pending.json()["message"].startswith("The sourcing agent is actively analyzing")

        await drain_queue()
        response = await client.get(f"/v1/sourcing/{run_id}/results", headers=tenant.headers)
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "completed"
        assert body["completedAt"].endswith("Z")
        assert body["foundCount"] >= len(body["candidates"]) > 0
        assert len(body["candidates"]) <= 3
        scores = [c["matchScore"] for c in body["candidates"]]
        assert scores == sorted(scores, reverse=True)
        top = body["candidates"][0]
        assert "Backend" in (top["headline"] or "") or "Data" in (top["headline"] or "")
        assert "Registered Nurse" not in [c["headline"] for c in body["candidates"][:2]]
        for field in (
            "profileId",
            "name",
            "linkedinUrl",
            "rationale",
            "skills",
            "location",
            "currentCompany",
            "currentRole",
            "aiFitPoints",
            "aiRedFlags",
            "aiDetailedRationale",
            "detailedExperience",
            "emails",
            "scoreBreakdown",
        ):
            assert field in top
        assert 0 <= top["matchScore"] <= 100
        assert top["rationale"]
        assert top["aiFitPoints"]
        assert top["aiDetailedRationale"][0]["relevanceExplanation"]

        summary = await client.get(
            f"/sourcing/{run_id}/results?view=summary", headers=tenant.headers
        )
        assert "detailedExperience" not in summary.json()["candidates"][0]

    async def test_the_semantic_criterion_compares_the_posting_asks_with_the_profile(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        """Retrieval embeds the short ICP text; the semantic score embeds what the posting
        asks: the breakdown's number is the cosine with that text, on its scale."""
        from talentscout.engine.icp import build_icp
        from talentscout.engine.parse import parse_profile
        from talentscout.engine.score import SEMANTIC_SCALE
        from talentscout.search.embedder import get_embedder

        tenant = await make_tenant(database)
        profile = make_profile(title="Data Engineer", skills=["Python", "Kafka"], years=6)
        await import_profiles(client, tenant, [profile])
        job = JOB | {
            "jobDescription": JOB["jobDescription"]
            + " Strong experience building event pipelines that stay correct under load is"
            " required, and so is owning services in production from design to on-call."
        }
        run_id = await _start(client, tenant, job)
        await drain_queue()
        body = (await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)).json()
        (candidate,) = body["candidates"]
        icp = build_icp(job["title"], job["jobDescription"], job["location"])
        assert icp.reads_posting
        assert icp.semantic_text() != icp.embedding_text()
        embedder = get_embedder()
        search_text = parse_profile(profile).search_text[:20_000]
        person, asks = embedder.embed([search_text, icp.semantic_text()])
        floor, ceil = SEMANTIC_SCALE["posting"]
        cosine = float(person @ asks)
        expected = round(100 * min(1.0, max(0.0, (cosine - floor) / (ceil - floor))))
        assert abs(candidate["scoreBreakdown"]["semantic"]["score"] - expected) <= 1

    async def test_the_running_count_never_goes_down(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        """Retrieval reports all it found, then scoring reports its chunks: polling must not see
        the count of candidates found so far fall from 300 to 100."""
        from talentscout.sourcing.repository import RunRepository
        from talentscout.timeutil import utcnow

        tenant = await make_tenant(database)
        await _seed(client, tenant)
        run_id = await _start(client, tenant)
        async with database.unit_of_work() as session:
            runs = RunRepository.from_session(session)
            await runs.set_progress(run_id, 1, 300, utcnow())
            await runs.set_progress(run_id, 1, 100, utcnow())
        body = (await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)).json()
        assert body["candidatesSourcedCount"] == 300

    async def test_same_inputs_give_identical_scores(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database)
        await _seed(client, tenant)
        first, second = await _start(client, tenant), await _start(client, tenant)
        await drain_queue()
        results = [
            (await client.get(f"/sourcing/{rid}/results", headers=tenant.headers)).json()[
                "candidates"
            ]
            for rid in (first, second)
        ]
        assert [(c["profileId"], c["matchScore"], c["rationale"]) for c in results[0]] == [
            (c["profileId"], c["matchScore"], c["rationale"]) for c in results[1]
        ]

    async def test_company_without_profiles_fails_with_no_talent_pool(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database)
        run_id = await _start(client, tenant)
        await drain_queue()
        body = (await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)).json()
        assert body["status"] == "failed"
        assert body["errorCode"] == "NO_TALENT_POOL"

    async def test_other_companys_run_answers_exactly_like_unknown(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        owner, stranger = await make_tenant(database), await make_tenant(database)
        run_id = await _start(client, owner)
        theirs = await client.get(f"/sourcing/{run_id}/results", headers=stranger.headers)
        unknown = await client.get(
            "/sourcing/req_11111111-1111-4111-8111-111111111111/results", headers=stranger.headers
        )
        assert theirs.status_code == unknown.status_code == 404
        strip = lambda r: {**r.json(), "timestamp": None}  # noqa: E731
        assert strip(theirs) == strip(unknown)
        assert strip(theirs)["error"]["code"] == "REQUEST_NOT_FOUND"
        assert strip(theirs)["error"]["message"] == "No sourcing run with this id."
        patch = await client.patch(
            f"/sourcing/{run_id}", json={"limit": 2}, headers=stranger.headers
        )
        assert patch.status_code == 404


class TestValidation:
    async def test_invalid_bodies_are_400_with_field_details(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        cases = [
            ({"jobDescription": "x"}, "title"),
            ({"title": "   ", "jobDescription": "x"}, "title"),
            ({"title": "t", "jobDescription": "x", "limit": 101}, "limit"),
            ({"title": "t", "jobDescription": "x", "limit": True}, "limit"),  # not an integer
            ({"title": "t", "jobDescription": "x", "limit": "5"}, "limit"),
            ({"title": "t", "jobDescription": "x", "limit": 5.5}, "limit"),
            ({"title": "t", "jobDescription": "x" * 10_001}, "jobDescription"),
            ({"title": "t", "jobDescription": "x", "query": "q" * 501}, "query"),
        ]
        for body, field in cases:
            response = await client.post("/sourcing", json=body, headers=tenant.headers)
            assert response.status_code == 400, body
            error = response.json()["error"]
            assert error["code"] == "VALIDATION_ERROR"
            assert field in [e["field"] for e in error["details"]["errors"]]

    async def test_malformed_json_is_400(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        response = await client.post(
            "/sourcing",
            content=b"{not json",
            headers={**tenant.headers, "Content-Type": "application/json"},
        )
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "VALIDATION_ERROR"

    async def test_oversized_body_is_413(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        body = {"title": "t", "jobDescription": "x" * (1024 * 1024 + 10)}
        response = await client.post("/sourcing", json=body, headers=tenant.headers)
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "PAYLOAD_TOO_LARGE"


class TestIdempotency:
    async def test_retry_with_same_key_starts_no_second_run(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        from sqlalchemy import func, select

        from talentscout.db.models import SourcingRun

        tenant = await make_tenant(database)
        headers = {**tenant.headers, "Idempotency-Key": "order-42"}
        first = await client.post("/sourcing", json=JOB, headers=headers)
        second = await client.post("/sourcing", json=JOB, headers=headers)
        assert first.status_code == second.status_code == 202
        assert first.json() == second.json()
        async with database.unit_of_work() as session:
            count = await session.scalar(
                select(func.count()).where(SourcingRun.company_id == tenant.company_id)
            )
        assert count == 1
        other = await client.post("/sourcing", json={**JOB, "limit": 5}, headers=headers)
        assert other.status_code == 422
        assert other.json()["error"]["code"] == "IDEMPOTENCY_KEY_MISMATCH"


class TestPatch:
    async def test_patch_rules_and_extension(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        tenant = await make_tenant(database)
        await _seed(client, tenant)
        run_id = await _start(client, tenant, {**JOB, "limit": 2})
        busy = await client.patch(f"/sourcing/{run_id}", json={"limit": 2}, headers=tenant.headers)
        assert busy.status_code == 409
        assert busy.json()["error"]["code"] == "RUN_IN_PROGRESS"
        await drain_queue()
        empty = await client.patch(f"/sourcing/{run_id}", json={}, headers=tenant.headers)
        assert empty.status_code == 400
        assert empty.json()["error"]["code"] == "EMPTY_PATCH"
        blank = await client.patch(
            f"/sourcing/{run_id}", json={"query": "  "}, headers=tenant.headers
        )
        assert blank.json()["error"]["code"] == "EMPTY_PATCH"  # no charged pass for nothing
        unknown = "/sourcing/req_11111111-1111-4111-8111-111111111111"
        missing = await client.patch(unknown, json={}, headers=tenant.headers)
        assert missing.status_code == 404  # ownership first (API.md §1), then the body's sense
        before = (await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)).json()
        first_ids = {c["profileId"] for c in before["candidates"]}

        response = await client.patch(
            f"/sourcing/{run_id}",
            json={"query": "prioritize Kafka", "limit": 2},
            headers=tenant.headers,
        )
        assert response.status_code == 202
        assert response.json()["requestId"] == run_id
        polled = await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)
        assert polled.status_code == 202
        await drain_queue()
        after = (await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)).json()
        ids = [c["profileId"] for c in after["candidates"]]
        assert len(ids) == len(set(ids)) == 4
        assert first_ids <= set(ids)
        scores = [c["matchScore"] for c in after["candidates"]]
        assert scores == sorted(scores, reverse=True)


class TestStaleParses:
    async def test_a_run_reparses_and_saves_profiles_parsed_with_an_older_taxonomy(
        self, client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
    ) -> None:
        from sqlalchemy import select, update

        from talentscout.db.models import Profile
        from talentscout.engine.parse import parse_version

        tenant = await make_tenant(database)
        ids = await _seed(client, tenant)
        async with database.unit_of_work() as session:
            await session.execute(
                update(Profile)
                .where(Profile.company_id == tenant.company_id)
                .values(facts=Profile.facts.op("||")({"taxonomy_version": "old", "skills": []}))
            )
        run_id = await _start(client, tenant)
        await drain_queue()
        done = await client.get(f"/sourcing/{run_id}/results", headers=tenant.headers)
        assert done.json()["status"] == "completed"
        assert any(c["skills"] for c in done.json()["candidates"])  # scored on a fresh parse
        async with database.unit_of_work() as session:
            stored = (
                await session.execute(select(Profile.facts).where(Profile.id.in_(ids)))
            ).scalars()
            versions = {facts["taxonomy_version"] for facts in stored}
        assert versions == {parse_version()}
