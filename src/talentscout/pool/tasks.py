"""Pool jobs. ``pool.reindex`` brings a company's stored parses, embeddings and full-text vectors
up to the taxonomy a worker runs with: after ``talentscout taxonomy import`` the next worker to
start defers one job per company holding stale parses (``schedule_stale_reindex``), so searches
and scores stop re-parsing on the fly without anyone running ``talentscout pool reindex``.
"""

from __future__ import annotations

import procrastinate
import procrastinate.tasks
import structlog

from talentscout import runtime
from talentscout.engine.taxonomy import default_taxonomy
from talentscout.pool.bulk import reindex_batches
from talentscout.pool.repository import ProfileRepository
from talentscout.queue import queue_app
from talentscout.settings import get_settings

REINDEX_TASK = "pool.reindex"
REINDEX_QUEUE = "maintenance"
log = structlog.get_logger(__name__)


@queue_app.task(
    name=REINDEX_TASK,
    queue=REINDEX_QUEUE,
    retry=procrastinate.RetryStrategy(max_attempts=3, exponential_wait=5),
)
async def reindex_pool(company_id: str, taxonomy_version: str) -> None:
    """Idempotent: only stale profiles are touched, so a retry or a rerun after a killed worker
    resumes where the last committed batch ended. A worker running another taxonomy version
    (a rolling upgrade) leaves the job to one that runs the version it was deferred for."""
    if default_taxonomy().version != taxonomy_version:
        log.info("pool.reindex_skipped", company_id=company_id, wanted=taxonomy_version)
        return
    checked = reindexed = 0
    async for batch_checked, batch_reindexed in reindex_batches(
        company_id, get_settings().reindex_batch_size
    ):
        checked += batch_checked
        reindexed += batch_reindexed
    log.info("pool.reindexed", company_id=company_id, checked=checked, reindexed=reindexed)


async def schedule_stale_reindex(app: procrastinate.App) -> list[str]:
    """Defer ``pool.reindex`` for every company with profiles parsed under another taxonomy
    version; answers those companies. A queueing lock per company keeps several workers
    starting at once from queueing the same work twice."""
    version = default_taxonomy().version
    async with runtime.get_database().unit_of_work() as session:
        companies = await ProfileRepository.from_session(session).companies_with_stale_parses(
            version
        )
    for company_id in companies:
        # Through ``app``'s own job manager: the task object is bound to the unopened
        # ``queue_app``, whose connector this worker never opens.
        deferrer = procrastinate.tasks.configure_task(
            name=REINDEX_TASK,
            job_manager=app.job_manager,
            queue=REINDEX_QUEUE,
            queueing_lock=f"{REINDEX_TASK}:{company_id}",
        )
        try:
            await deferrer.defer_async(company_id=company_id, taxonomy_version=version)
        except procrastinate.exceptions.AlreadyEnqueued:
            continue
    if companies:
        log.info("pool.reindex_scheduled", companies=len(companies), taxonomy_version=version)
    return companies
