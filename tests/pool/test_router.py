"""Talent pool API (spec §8) against the real app and database."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from talentscout.db.engine import Database
from talentscout.db.models import Profile
from tests.factories import import_profiles, make_profile, make_tenant

COUNTS_NOTHING = "this role counts toward no years of experience"


class TestBulkUpsert:
    async def test_one_bad_profile_does_not_reject_the_others(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        good = [make_profile(), make_profile()]
        bad = {"basics": {"name": "X", "location": "not-an-object"}}
        data = await import_profiles(client, tenant, [good[0], bad, good[1], "nope"])  # type: ignore[list-item]
        assert data["created"] == 2
        assert data["profileIds"][1] is None
        assert data["profileIds"][3] is None
        assert all(data["profileIds"][i] for i in (0, 2))
        assert [e["index"] for e in data["errors"]] == [1, 3]
        assert data["errors"][0]["field"].startswith("basics.location")

    async def test_reimport_resolves_identity_instead_of_duplicating(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        profile = make_profile()
        first = await import_profiles(client, tenant, [profile])
        again = await import_profiles(client, tenant, [profile])
        assert again["unchanged"] == 1
        assert again["created"] == 0
        # Same person, new external id but the same email (different case): updated, same id.
        changed = {**profile, "externalIds": {"other": "zzz"}}
        changed["basics"] = {
            **profile["basics"],
            "email": profile["basics"]["email"].upper(),
            "label": "Staff Engineer",
        }
        updated = await import_profiles(client, tenant, [changed])
        assert updated["updated"] == 1
        assert updated["profileIds"] == first["profileIds"]
        listing = (await client.get("/pool/profiles", headers=tenant.headers)).json()["data"]
        assert len(listing["items"]) == 1
        assert listing["items"][0]["basics"]["label"] == "Staff Engineer"

    async def test_resume_text_only_profile_is_accepted(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        text = (
            "Jane Roe\njane.roe@example.com\n"
            "Data Engineer at Foo (2019 - Present)\nSkills: Spark, Airflow"
        )
        data = await import_profiles(client, tenant, [{"resumeText": text}])
        profile_id = data["profileIds"][0]
        response = await client.get(f"/pool/profiles/{profile_id}", headers=tenant.headers)
        assert response.status_code == 200
        body = response.json()["data"]
        assert body["resumeText"] == text
        assert body["profileId"] == profile_id
        assert body["createdAt"].endswith("Z")

    async def test_empty_or_oversized_batches_are_400(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        for body in ({"profiles": []}, {"profiles": [{}] * 1001}, {"nothing": 1}):
            response = await client.post("/pool/profiles", json=body, headers=tenant.headers)
            assert response.status_code == 400
            assert response.json()["error"]["code"] == "VALIDATION_ERROR"
            assert response.json()["error"]["details"]["errors"]

    async def test_unreadable_dates_are_warnings_and_the_profile_is_stored_as_sent(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        odd = make_profile(title="Data Engineer")
        odd["work"] += [
            {"name": "Initech", "position": "Developer", "startDate": "2015-01", "endDate": "soon"},
            {"name": "Hooli", "position": "Tester", "startDate": "2012-01",
             "endDate": "2012-02-30"},
        ]  # fmt: skip
        odd["education"] = [{"institution": "Uni", "startDate": "2008", "endDate": "2020-13"}]
        data = await import_profiles(client, tenant, [make_profile(), odd, "nope"])  # type: ignore[list-item]
        assert (data["created"], [e["index"] for e in data["errors"]]) == (2, [2])
        assert data["warnings"] == [
            {"index": 1, "field": "work[1].endDate",
             "message": "'soon' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); "
                        + COUNTS_NOTHING},
            {"index": 1, "field": "work[2].endDate",
             "message": "'2012-02-30' is not a real day; read as 2012-02"},
            {"index": 1, "field": "education[0].endDate",
             "message": "'2020-13' is not a date: there is no month 13 (use YYYY, YYYY-MM or "
                        "YYYY-MM-DD); this entry is read without an end date"},
        ]  # fmt: skip
        profile_id = data["profileIds"][1]
        stored = await client.get(f"/pool/profiles/{profile_id}", headers=tenant.headers)
        assert stored.json()["data"]["work"] == odd["work"]  # nothing lost or rewritten
        assert stored.json()["data"]["education"] == odd["education"]
        async with database.unit_of_work() as session:
            facts = await session.scalar(select(Profile.facts).where(Profile.id == profile_id))
        assert facts is not None
        roles = {role["company"]: role for role in facts["roles"]}
        # Not counted up to today: the span is unknown, so no months.
        assert (roles["Initech"]["months"], roles["Initech"]["current"]) == (0, False)
        assert roles["Hooli"]["months"] == 2  # Jan to Feb 2012
        # The same profile again is unchanged, and still warned about.
        again = await import_profiles(client, tenant, [odd])
        assert again["unchanged"] == 1
        assert [w["field"] for w in again["warnings"]] == [
            "work[1].endDate", "work[2].endDate", "education[0].endDate"
        ]  # fmt: skip

    async def test_dates_the_engine_reads_give_no_warnings(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        profile = make_profile()
        profile["work"] += [
            {"position": "Developer", "startDate": start, "endDate": end}
            for start, end in [
                ("2010", "2011-05"), ("May 2011", "05/2012"), ("2012-05-17", "2013-01-31"),
                ("2013-02-01T09:00:00Z", "Present"),
            ]
        ]  # fmt: skip
        profile["education"] = [{"institution": "Uni", "startDate": "2005-09"}]
        data = await import_profiles(client, tenant, [profile])
        assert data["created"] == 1
        assert (data["errors"], data["warnings"]) == ([], [])
        document = (await client.get("/openapi.json")).json()
        result = document["components"]["schemas"]["UpsertResult"]["properties"]["warnings"]
        assert result["description"].startswith("(extension)")


class TestReadsAndErasure:
    async def test_cursor_pagination_visits_every_profile_once(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        created = await import_profiles(client, tenant, [make_profile() for _ in range(7)])
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": "3", **({"cursor": cursor} if cursor else {})}
            page = (
                await client.get("/pool/profiles", params=params, headers=tenant.headers)
            ).json()
            seen += [item["profileId"] for item in page["data"]["items"]]
            cursor = page["data"]["nextCursor"]
            if not cursor:
                break
        assert sorted(seen) == sorted(created["profileIds"])

    async def test_another_companys_profile_answers_like_a_missing_one(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        owner, stranger = await make_tenant(database), await make_tenant(database)
        profile_id = (await import_profiles(client, owner, [make_profile()]))["profileIds"][0]
        theirs = await client.get(f"/pool/profiles/{profile_id}", headers=stranger.headers)
        missing = await client.get("/pool/profiles/prof_doesnotexist", headers=stranger.headers)
        assert theirs.status_code == missing.status_code == 404
        assert theirs.json()["error"]["code"] == "RESOURCE_NOT_FOUND"
        assert (
            await client.delete(f"/pool/profiles/{profile_id}", headers=stranger.headers)
        ).status_code == 404
        assert (await client.get("/pool/profiles", headers=stranger.headers)).json()["data"][
            "items"
        ] == []

    async def test_erasure_removes_the_profile(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        profile_id = (await import_profiles(client, tenant, [make_profile()]))["profileIds"][0]
        assert (
            await client.delete(f"/pool/profiles/{profile_id}", headers=tenant.headers)
        ).status_code == 204
        assert (
            await client.get(f"/pool/profiles/{profile_id}", headers=tenant.headers)
        ).status_code == 404
        assert (
            await client.delete(f"/pool/profiles/{profile_id}", headers=tenant.headers)
        ).status_code == 404

    async def test_v1_prefix_serves_the_same_routes(
        self, client: httpx.AsyncClient, database: Database
    ) -> None:
        tenant = await make_tenant(database)
        assert (await client.get("/v1/pool/profiles", headers=tenant.headers)).status_code == 200
