"""``talentscout pool reindex``: stale parses, embeddings and full-text vectors are rebuilt in
place, and only the stale ones unless ``--all``."""

from __future__ import annotations

import json

import httpx
from sqlalchemy import func, select, update

from talentscout.db.engine import Database
from talentscout.db.models import Profile
from talentscout.engine.taxonomy import default_taxonomy
from tests.factories import import_profiles, make_profile, make_tenant
from tests.helpers import run_cli


async def test_reindex_rebuilds_stale_profiles_only(
    client: httpx.AsyncClient, database: Database, database_url: str
) -> None:
    tenant = await make_tenant(database)
    profiles = [make_profile(title=t) for t in ("Data Engineer", "QA Engineer", "Nurse")]
    ids = (await import_profiles(client, tenant, profiles))["profileIds"]
    async with database.unit_of_work() as session:
        await session.execute(
            update(Profile)
            .where(Profile.id.in_(ids[:2]))
            .values(
                facts=Profile.facts.op("||")({"taxonomy_version": "old", "skills": []}),
                tsv=func.to_tsvector("english", ""),
                embedding=None,
            )
        )

    def reindex(*extra: str) -> dict[str, int]:
        result = run_cli(
            database_url, "pool", "reindex", "--company", tenant.company_id, "--json", *extra
        )
        assert result.returncode == 0, result.stderr
        counts: dict[str, int] = json.loads(result.stdout)
        return counts

    assert reindex() == {"checked": 3, "reindexed": 2}
    async with database.unit_of_work() as session:
        rows = (
            await session.execute(
                select(Profile.facts, Profile.embedding, func.length(Profile.tsv)).where(
                    Profile.id.in_(ids)
                )
            )
        ).all()
    assert {facts["taxonomy_version"] for facts, _, _ in rows} == {default_taxonomy().version}
    assert all(facts["skills"] for facts, _, _ in rows)
    assert all(embedding is not None for _, embedding, _ in rows)
    assert all(lexemes > 0 for _, _, lexemes in rows)
    assert reindex() == {"checked": 3, "reindexed": 0}
    assert reindex("--all") == {"checked": 3, "reindexed": 3}
