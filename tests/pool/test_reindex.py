"""``talentscout pool reindex``: stale parses, embeddings and full-text vectors are rebuilt in
place, and only the stale ones unless ``--all``."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import procrastinate
import procrastinate.tasks
from sqlalchemy import func, select, text, update

from talentscout.db.engine import Database
from talentscout.db.models import Profile
from talentscout.engine.parse import parse_version
from talentscout.pool.repository import ProfileRepository
from talentscout.pool.service import reindex_profiles
from talentscout.pool.tasks import REINDEX_TASK, schedule_stale_reindex
from talentscout.queue import bind_queue
from talentscout.search.embedder import get_embedder
from tests.conftest import QueueDrainer
from tests.factories import Tenant, import_profiles, make_profile, make_tenant
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
                parse_version="old",
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
    assert {facts["taxonomy_version"] for facts, _, _ in rows} == {parse_version()}
    assert all(facts["skills"] for facts, _, _ in rows)
    assert all(embedding is not None for _, embedding, _ in rows)
    assert all(lexemes > 0 for _, _, lexemes in rows)
    assert reindex() == {"checked": 3, "reindexed": 0}
    assert reindex("--all") == {"checked": 3, "reindexed": 3}


async def test_a_starting_worker_queues_a_reindex_of_stale_pools(
    client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
) -> None:
    """After a taxonomy import the next worker start re-indexes stale profiles on its own,
    once per company however many workers start."""
    stale_tenant, fresh_tenant = await make_tenant(database), await make_tenant(database)
    stale_ids = (await import_profiles(client, stale_tenant, [make_profile(), make_profile()]))[
        "profileIds"
    ]
    await import_profiles(client, fresh_tenant, [make_profile()])
    async with database.unit_of_work() as session:
        await session.execute(
            update(Profile)
            .where(Profile.id.in_(stale_ids))
            .values(
                facts=Profile.facts.op("||")({"taxonomy_version": "old"}),
                parse_version="old",
                embedding=None,
            )
        )
    queue = bind_queue(database.url, pool_size=2)
    async with queue.open_async():
        first = await schedule_stale_reindex(queue)
        again = await schedule_stale_reindex(queue)  # a second worker starting meanwhile
    assert stale_tenant.company_id in first
    assert fresh_tenant.company_id not in first
    async with database.unit_of_work() as session:
        queued = (
            await session.execute(
                text(
                    "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'pool.reindex' "
                    "AND status = 'todo' AND args->>'company_id' = :company"
                ),
                {"company": stale_tenant.company_id},
            )
        ).scalar_one()
    assert stale_tenant.company_id in again
    assert queued == 1
    await drain_queue()
    async with database.unit_of_work() as session:
        rows = (
            await session.execute(
                select(Profile.facts, Profile.embedding).where(Profile.id.in_(stale_ids))
            )
        ).all()
    assert {facts["taxonomy_version"] for facts, _ in rows} == {parse_version()}
    async with database.unit_of_work() as session:
        columns = (
            await session.execute(select(Profile.parse_version).where(Profile.id.in_(stale_ids)))
        ).scalars()
        assert set(columns) == {parse_version()}
    assert all(embedding is not None for _, embedding in rows)
    async with database.unit_of_work() as session:
        repo = ProfileRepository.from_session(session)
        assert stale_tenant.company_id not in await repo.companies_with_stale_parses(
            parse_version()
        )


async def test_a_worker_on_another_version_hands_the_job_on(
    client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
) -> None:
    """A rolling upgrade: the job was queued for a version this worker does not run. The pool
    is left alone and the job goes back to the queue (for a worker that runs it)."""
    tenant = await make_tenant(database)
    stale_facts = Profile.facts.op("||")({"taxonomy_version": "old"})
    profile_id = await _one_profile(client, database, tenant, facts=stale_facts)
    await _defer(database, company_id=tenant.company_id, version="a-newer-version")
    await drain_queue()
    async with database.unit_of_work() as session:
        facts = (
            await session.execute(select(Profile.facts).where(Profile.id == profile_id))
        ).scalar_one()
        handed_on = (
            await session.execute(
                text(
                    "SELECT args FROM procrastinate_jobs WHERE task_name = 'pool.reindex' "
                    "AND status = 'todo' AND args->>'company_id' = :company"
                ),
                {"company": tenant.company_id},
            )
        ).scalar_one()
        await session.execute(
            text("DELETE FROM procrastinate_jobs WHERE args->>'company_id' = :company"),
            {"company": tenant.company_id},
        )
    assert facts["taxonomy_version"] == "old"
    assert handed_on == {
        "company_id": tenant.company_id,
        "version": "a-newer-version",
        "handoffs": 1,
    }


async def test_reindex_never_overwrites_a_newer_import(
    client: httpx.AsyncClient, database: Database
) -> None:
    """A reindex parses what it read; if the profile was re-imported meanwhile (another
    content), the newer import's parse stays."""
    tenant = await make_tenant(database)
    person = make_profile(title="Data Engineer")
    (profile_id,) = (await import_profiles(client, tenant, [person]))["profileIds"]
    async with database.unit_of_work() as session:
        read_before = await ProfileRepository.from_session(session).get(
            tenant.company_id, profile_id
        )
        assert read_before is not None
        session.expunge(read_before)
    changed = {**person, "basics": {**person["basics"], "label": "Registered Nurse"}}
    await import_profiles(client, tenant, [changed])  # the same person, new content
    async with database.unit_of_work() as session:
        refreshed = await reindex_profiles(
            session, tenant.company_id, [read_before], get_embedder("wordllama")
        )
    async with database.unit_of_work() as session:
        stored = await ProfileRepository.from_session(session).get(tenant.company_id, profile_id)
    assert refreshed == 0
    assert stored is not None
    assert stored.facts["headline"] == "Registered Nurse"


async def test_a_killed_reindex_is_requeued_and_finishes(
    client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
) -> None:
    """A worker died mid-reindex (its job stays "doing") and its replacement started: the
    stalled job can still be re-queued, and the company's pool ends up reindexed."""
    tenant = await make_tenant(database)
    profile_id = await _one_profile(client, database, tenant, parse_version="old")
    queue = bind_queue(database.url, pool_size=2)
    async with queue.open_async():
        job_id = await _queue_one(queue, tenant.company_id)
        async with database.unit_of_work() as session:  # taken by a worker that was killed
            await session.execute(
                text("UPDATE procrastinate_jobs SET status = 'doing' WHERE id = :id"),
                {"id": job_id},
            )
        await schedule_stale_reindex(queue)  # the replacement worker starts
        await queue.job_manager.retry_job_by_id_async(  # what the stalled-job watchdog does
            job_id=job_id, retry_at=datetime.now(UTC)
        )
    await drain_queue()
    version = await _stored_version(database, profile_id)
    assert version == parse_version()


async def _queue_one(queue: procrastinate.App, company_id: str) -> int:
    await schedule_stale_reindex(queue)
    jobs = await queue.job_manager.list_jobs_async(task=REINDEX_TASK, status="todo")
    return next(job.id for job in jobs if job.task_kwargs["company_id"] == company_id)


async def test_facts_saved_by_a_run_leave_the_profile_due_for_reindex(
    client: httpx.AsyncClient, database: Database
) -> None:
    """A run stores re-parsed facts, but the search text and vectors stay the old parse's:
    the profile must stay due for ``pool.reindex``."""
    tenant = await make_tenant(database)
    profile_id = await _one_profile(client, database, tenant, parse_version="old")
    async with database.unit_of_work() as session:
        stored = await ProfileRepository.from_session(session).get(tenant.company_id, profile_id)
        assert stored is not None
        await ProfileRepository.from_session(session).refresh_facts(
            tenant.company_id, [(profile_id, stored.content_hash, dict(stored.facts))]
        )
    async with database.unit_of_work() as session:
        repo = ProfileRepository.from_session(session)
        assert tenant.company_id in await repo.companies_with_stale_parses(parse_version())


async def test_a_job_queued_by_the_previous_release_still_runs(
    client: httpx.AsyncClient, database: Database, drain_queue: QueueDrainer
) -> None:
    """Jobs queued before the upgrade passed ``taxonomy_version``: they reindex to this
    worker's version instead of failing on an unknown argument."""
    tenant = await make_tenant(database)
    profile_id = await _one_profile(client, database, tenant, parse_version=None)
    await _defer(database, company_id=tenant.company_id, taxonomy_version="2026.11.3")
    await drain_queue()
    version = await _stored_version(database, profile_id)
    assert version == parse_version()


async def _one_profile(
    client: httpx.AsyncClient, database: Database, tenant: Tenant, **values: object
) -> str:
    """Import one profile, then overwrite stored columns (to make its parse look stale)."""
    (profile_id,) = (await import_profiles(client, tenant, [make_profile()]))["profileIds"]
    async with database.unit_of_work() as session:
        await session.execute(update(Profile).where(Profile.id == profile_id).values(**values))
    return str(profile_id)


async def _defer(database: Database, **kwargs: object) -> None:
    """Queue a ``pool.reindex`` job with exactly these arguments."""
    queue = bind_queue(database.url, pool_size=2)
    async with queue.open_async():
        await procrastinate.tasks.configure_task(
            name=REINDEX_TASK, job_manager=queue.job_manager, queue="maintenance"
        ).defer_async(**kwargs)


async def _stored_version(database: Database, profile_id: str) -> str | None:
    async with database.unit_of_work() as session:
        statement = select(Profile.parse_version).where(Profile.id == profile_id)
        return (await session.execute(statement)).scalar_one()
