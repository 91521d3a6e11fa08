"""What a re-import does, said in the answer: profiles without an identity key are added again
(and warned about), and an update replaces the stored profile whole (and names what it removed)."""

from __future__ import annotations

import httpx

from talentscout.db.engine import Database
from talentscout.pool.service import NO_IDENTITY
from tests.factories import Tenant, import_profiles, make_profile, make_tenant

ANONYMOUS = {
    "basics": {"name": "Jane Roe", "label": "Data Engineer"},
    "skills": [{"name": "Spark"}],
}


async def _count(client: httpx.AsyncClient, tenant: Tenant) -> int:
    page = await client.get("/pool/profiles?limit=200", headers=tenant.headers)
    return len(page.json()["data"]["items"])


async def test_a_profile_without_identity_keys_is_added_again_and_warned_about(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    identified = make_profile()
    first = await import_profiles(client, tenant, [ANONYMOUS, identified])
    assert first["warnings"] == [{"index": 0, "field": "", "message": NO_IDENTITY}]
    again = await import_profiles(client, tenant, [ANONYMOUS, identified])
    assert (again["created"], again["unchanged"]) == (1, 1)
    assert again["profileIds"][0] != first["profileIds"][0]
    assert again["warnings"] == first["warnings"]
    assert await _count(client, tenant) == 3


async def test_an_email_in_the_resume_text_identifies_the_person(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    profile = {"resumeText": "Jane Roe\njane.roe@example.com\nData Engineer at Foo (2019 - now)"}
    first = await import_profiles(client, tenant, [profile])
    again = await import_profiles(client, tenant, [profile])
    assert first["warnings"] == again["warnings"] == []
    assert (again["unchanged"], again["profileIds"]) == (1, first["profileIds"])


async def test_a_sparse_update_replaces_the_profile_and_names_what_it_removed(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    full = make_profile()
    full["basics"] |= {"phone": "+49 30 1234567", "url": "https://jane.example.com"}
    full["education"] = [{"institution": "TU Berlin", "studyType": "BSc"}]
    (profile_id,) = (await import_profiles(client, tenant, [full]))["profileIds"]
    basics = full["basics"]
    sparse = {
        "basics": {"name": basics["name"], "email": basics["email"]},
        "skills": [{"name": "Python"}],
    }
    answer = await import_profiles(client, tenant, [sparse])
    assert (answer["updated"], answer["profileIds"]) == (1, [profile_id])
    removed = {w["field"]: w["message"] for w in answer["warnings"]}
    assert set(removed) == {
        "basics.label", "basics.location", "basics.summary", "basics.phone", "basics.url",
        "work", "education", "externalIds",
    }  # fmt: skip
    assert removed["work"] == (
        "stored earlier (1 entry) but missing here: an update replaces the whole profile, so it "
        "is removed"
    )
    stored = (await client.get(f"/pool/profiles/{profile_id}", headers=tenant.headers)).json()
    assert "work" not in stored["data"]
    assert "phone" not in stored["data"]["basics"]
    # The same sparse profile again changes nothing, so it removes nothing either.
    again = await import_profiles(client, tenant, [sparse])
    assert (again["unchanged"], again["warnings"]) == (1, [])


async def test_an_update_that_keeps_every_field_removes_nothing(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    profile = make_profile()
    await import_profiles(client, tenant, [profile])
    profile["basics"]["label"] = "Staff Engineer"
    answer = await import_profiles(client, tenant, [profile])
    assert (answer["updated"], answer["warnings"]) == (1, [])


async def test_a_country_code_naming_no_country_is_stored_as_sent_and_warned_about(
    client: httpx.AsyncClient, database: Database
) -> None:
    tenant = await make_tenant(database)
    named, unknown = make_profile(), make_profile()
    named["basics"]["location"] = {"city": "Lyon", "countryCode": "France"}  # read as FR
    unknown["basics"]["location"] = {"city": "Lyon", "countryCode": "Narnia"}
    answer = await import_profiles(client, tenant, [named, unknown])
    [warning] = answer["warnings"]
    assert (warning["index"], warning["field"]) == (1, "basics.location.countryCode")
    assert "places this profile in no known country" in warning["message"]
    stored = await client.get(f"/pool/profiles/{answer['profileIds'][1]}", headers=tenant.headers)
    assert stored.json()["data"]["basics"]["location"]["countryCode"] == "Narnia"
