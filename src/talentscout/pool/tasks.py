"""Pool jobs. ``pool.reindex`` brings a company's stored parses, embeddings and full-text vectors
up to the taxonomy and parser a worker runs with: after ``talentscout taxonomy import`` or an
upgrade, the next worker to start defers one job per company holding stale parses
(``schedule_stale_reindex``), so searches and scores stop re-parsing on the fly without anyone
running ``talentscout pool reindex``.

At most one reindex runs per company at a time (a procrastinate ``lock``); a worker starting
while one is already queued for its version queues none. No ``queueing_lock``: procrastinate
cannot re-queue a stalled job whose queueing lock a newer job holds, which would leave the
company's lock taken for good; a duplicate that slips through runs after the first and finds
nothing stale. During a rolling upgrade a worker still on another version hands a job it picks
up back to the queue for a while, rather than dropping it or re-parsing the pool to its own
version.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import procrastinate
import procrastinate.tasks
import structlog
from procrastinate.types import TimeDeltaParams

from talentscout import runtime
from talentscout.engine.parse import parse_version
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
    pass_context=True,
)
async def reindex_pool(
    context: procrastinate.JobContext,
    company_id: str,
    version: str | None = None,
    handoffs: int = 0,
    taxonomy_version: str | None = None,
) -> None:
    """Idempotent: only stale profiles are touched, so a retry or a rerun after a killed worker
    resumes where the last committed batch ended. A job queued by the release before
    ``version`` existed (it passed ``taxonomy_version``) reindexes to this worker's version."""
    settings = get_settings()
    if version is not None and parse_version() != version:
        if handoffs >= settings.reindex_handoffs:
            log.warning("pool.reindex_abandoned", company_id=company_id, version=version)
            return
        log.info("pool.reindex_handed_on", company_id=company_id, version=version)
        await _deferrer(context.app, company_id, settings.reindex_handoff_seconds)(
            company_id=company_id, version=version, handoffs=handoffs + 1
        )
        return
    reindexed = 0
    async for batch in reindex_batches(company_id, settings.reindex_batch_size):
        reindexed += batch
    log.info("pool.reindexed", company_id=company_id, reindexed=reindexed)


def _lock(company_id: str) -> str:
    return f"{REINDEX_TASK}:{company_id}"


def _deferrer(
    app: procrastinate.App, company_id: str, delay: float = 0
) -> Callable[..., Awaitable[int]]:
    # Through ``app``'s own job manager: the task object is bound to ``queue_app``, whose
    # connector a worker never opens.
    return procrastinate.tasks.configure_task(
        name=REINDEX_TASK,
        job_manager=app.job_manager,
        queue=REINDEX_QUEUE,
        lock=_lock(company_id),
        schedule_in=TimeDeltaParams(milliseconds=round(delay * 1000)) if delay else None,
    ).defer_async


async def schedule_stale_reindex(app: procrastinate.App) -> list[str]:
    """Defer ``pool.reindex`` for every company with profiles parsed under another taxonomy or
    parser version; answers those companies."""
    version = parse_version()
    async with runtime.get_database().unit_of_work() as session:
        companies = await ProfileRepository.from_session(session).companies_with_stale_parses(
            version
        )
    for company_id in companies:
        queued = await app.job_manager.list_jobs_async(
            task=REINDEX_TASK, status="todo", lock=_lock(company_id)
        )
        if any(job.task_kwargs.get("version") == version for job in queued):
            continue
        await _deferrer(app, company_id)(company_id=company_id, version=version)
    if companies:
        log.info("pool.reindex_scheduled", companies=len(companies), version=version)
    return companies


async def schedule_stale_reindex_safely(app: procrastinate.App) -> None:
    """For a worker's start-up, run beside it: a failure is logged, never stops the worker."""
    try:
        await schedule_stale_reindex(app)
    except Exception:
        log.exception("pool.reindex_schedule_failed")
