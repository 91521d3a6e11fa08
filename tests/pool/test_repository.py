"""Pool repository guards that no request can reach today but a bug or an id collision could:
tenant isolation is enforced by the statements themselves."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from talentscout.db.engine import Database
from talentscout.db.models import ProfileIdentity
from talentscout.pool.repository import ProfileRepository
from tests.factories import import_profiles, make_profile, make_tenant


async def test_identities_never_point_at_another_companys_profile(
    client: httpx.AsyncClient, database: Database
) -> None:
    owner, other = await make_tenant(database), await make_tenant(database)
    (profile_id,) = (await import_profiles(client, owner, [make_profile()]))["profileIds"]
    async with database.unit_of_work() as session:
        await ProfileRepository.from_session(session).add_identities(
            other.company_id, [("email", "someone@example.org", profile_id)]
        )
    async with database.unit_of_work() as session:
        rows = (
            await session.execute(
                select(ProfileIdentity.company_id).where(
                    ProfileIdentity.value == "someone@example.org"
                )
            )
        ).all()
    assert rows == []
